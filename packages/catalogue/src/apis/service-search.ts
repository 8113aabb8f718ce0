import type { ApiEntry } from "../types.js";
import { platformUrls } from "../urls.js";

export const serviceSearch = {
  id: "service-search",
  name: "Directory of Healthcare Services (Service Search) API v3",
  packageName: "@nhskit/service-search",
  docsUrl: "https://digital.nhs.uk/developer/api-catalogue/directory-of-healthcare-services",
  status: "live",
  auth: ["api-key"],
  hostedSandbox: true,
  specSource: "upstream",
  tags: ["directory", "healthcare services", "search", "REST"],
  rateLimit: {
    perSecond: 100,
    note: "6,000 requests a minute per application (7,800 per product) in integration and production.",
  },
  documents: [
    {
      name: "default",
      clientFactory: "createServiceSearchClient",
      title: "Service Search API v3",
      specFile: "openapi.json",
      baseUrls: platformUrls("/service-search-api"),
    },
  ],
} as const satisfies ApiEntry;

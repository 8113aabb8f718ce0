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

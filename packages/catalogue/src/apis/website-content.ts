import type { ApiEntry } from "../types.js";
import { platformUrls } from "../urls.js";

export const websiteContent = {
  id: "website-content",
  name: "NHS Website Content API v2",
  packageName: "@nhskit/website-content",
  docsUrl: "https://digital.nhs.uk/developer/api-catalogue/nhs-website-content/v2",
  status: "live",
  statusNote: "Syndicated content must carry the NHS attribution and be refreshed at least every 7 days.",
  auth: ["api-key"],
  hostedSandbox: true,
  specSource: "upstream",
  tags: ["content", "health information", "REST", "NHS website"],
  rateLimit: {
    perSecond: 20,
    note: "60 requests a minute in the sandbox, 120 in integration, 1,200 in production.",
    environments: { sandbox: 1, int: 2 },
  },
  documents: [
    {
      name: "default",
      clientFactory: "createWebsiteContentClient",
      title: "NHS Website Content API v2",
      specFile: "openapi.json",
      baseUrls: platformUrls("/nhs-website-content"),
    },
  ],
} as const satisfies ApiEntry;

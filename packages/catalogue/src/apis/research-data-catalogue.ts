import type { ApiEntry } from "../types.js";
import { platformUrls } from "../urls.js";

export const researchDataCatalogue = {
  id: "research-data-catalogue",
  name: "Health Research Data Catalogue API",
  packageName: "@nhskit/research-data-catalogue",
  docsUrl: "https://digital.nhs.uk/developer/api-catalogue/health-research-data-catalogue",
  status: "beta",
  statusNote: "Published as an alpha release (v1.0.48-alpha); data set metadata follows the HDR UK schema 2.0.2.",
  auth: ["api-key"],
  hostedSandbox: true,
  specSource: "upstream",
  tags: ["research", "datasets", "metadata", "REST"],
  rateLimit: {
    perSecond: 5,
    note: "Spike arrest at 5 a second and a quota of 300 a minute per product (the API's proxy settings).",
  },
  documents: [
    {
      name: "default",
      clientFactory: "createResearchDataCatalogueClient",
      title: "Health Research Data Catalogue API",
      specFile: "openapi.json",
      baseUrls: platformUrls("/health-research-data-catalogue"),
    },
  ],
} as const satisfies ApiEntry;

import type { ApiEntry } from "../types.js";
import { platformUrls } from "../urls.js";

export const odsFhir = {
  id: "ods-fhir",
  name: "Organisation Data Service (ODS) FHIR API (Organisation Data Terminology)",
  packageName: "@nhskit/ods-fhir",
  docsUrl: "https://digital.nhs.uk/developer/api-catalogue/organisation-data-terminology",
  status: "live",
  statusNote: "Replaces the retired ODS FHIR STU3 API; the sandbox serves the real ODS data set, refreshed daily.",
  auth: ["api-key"],
  fhirVersion: "R4",
  hostedSandbox: true,
  specSource: "upstream",
  tags: ["organisations", "ODS", "FHIR"],
  rateLimit: {
    perSecond: 16,
    note: "Keep under 5,000 requests in 5 minutes (about 16 a second).",
  },
  documents: [
    {
      name: "default",
      clientFactory: "createOdsFhirClient",
      title: "Organisation Data Terminology FHIR R4 API",
      specFile: "openapi.json",
      baseUrls: platformUrls("/organisation-data-terminology-api/fhir"),
    },
  ],
} as const satisfies ApiEntry;

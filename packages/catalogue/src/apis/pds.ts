import type { ApiEntry } from "../types.js";
import { platformUrls } from "../urls.js";

export const pds = {
  id: "pds",
  name: "Personal Demographics Service (PDS) FHIR API",
  packageName: "@nhskit/pds",
  docsUrl: "https://digital.nhs.uk/developer/api-catalogue/personal-demographics-service-fhir",
  status: "live",
  auth: ["signed-jwt", "cis2", "nhs-login"],
  fhirVersion: "R4",
  hostedSandbox: true,
  specSource: "upstream",
  tags: ["demographics", "patients", "FHIR", "NHS number"],
  rateLimit: {
    perSecond: 5,
    note: "5 requests a second per application unless NHS England agrees more (429 above it).",
  },
  documents: [
    {
      name: "default",
      clientFactory: "createPdsClient",
      title: "PDS FHIR API",
      specFile: "openapi.json",
      baseUrls: platformUrls("/personal-demographics/FHIR/R4"),
    },
  ],
} as const satisfies ApiEntry;

import type { ApiEntry } from "../types.js";
import { platformUrls } from "../urls.js";

export const eRs = {
  id: "e-rs",
  name: "e-Referral Service (e-RS) FHIR API",
  packageName: "@nhskit/e-rs",
  docsUrl: "https://digital.nhs.uk/developer/api-catalogue/e-referral-service-fhir",
  status: "live",
  auth: ["cis2", "signed-jwt"],
  fhirVersion: "R4 and STU3",
  hostedSandbox: true,
  specSource: "upstream",
  tags: ["referrals", "FHIR", "secondary care", "e-RS"],
  documents: [
    {
      name: "default",
      clientFactory: "createErsClient",
      title: "e-RS FHIR API",
      specFile: "openapi.json",
      baseUrls: platformUrls("/referrals/FHIR"),
    },
  ],
} as const satisfies ApiEntry;

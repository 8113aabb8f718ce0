import type { ApiEntry } from "../types.js";
import { platformUrls } from "../urls.js";

export const immunisationHistory = {
  id: "immunisation-history",
  name: "Immunisation History FHIR API",
  packageName: "@nhskit/immunisation-history",
  docsUrl: "https://digital.nhs.uk/developer/api-catalogue/immunisation-history-fhir",
  status: "live",
  statusNote: "The upstream repository has had no changes since February 2024.",
  auth: ["signed-jwt", "nhs-login"],
  fhirVersion: "R4",
  hostedSandbox: true,
  specSource: "upstream",
  tags: ["immunisation", "vaccination", "FHIR", "clinical data"],
  documents: [
    {
      name: "default",
      clientFactory: "createImmunisationHistoryClient",
      title: "Immunisation History FHIR API",
      specFile: "openapi.json",
      baseUrls: platformUrls("/immunisation-history/FHIR/R4"),
    },
  ],
} as const satisfies ApiEntry;

import type { ApiEntry } from "../types.js";
import { platformUrls } from "../urls.js";

export const scr = {
  id: "scr",
  name: "Summary Care Record (SCR) FHIR API",
  packageName: "@nhskit/scr",
  docsUrl: "https://digital.nhs.uk/developer/api-catalogue/summary-care-record-fhir",
  status: "in-development",
  statusNote: "The specification lists sandbox and integration only; no production URL is published yet.",
  auth: ["cis2", "signed-jwt"],
  fhirVersion: "R4",
  hostedSandbox: true,
  specSource: "upstream",
  tags: ["clinical records", "summary care record", "FHIR", "GP records"],
  documents: [
    {
      name: "default",
      clientFactory: "createScrClient",
      title: "SCR FHIR API",
      specFile: "openapi.json",
      baseUrls: platformUrls("/summary-care-record/FHIR/R4", ["sandbox", "int"]),
    },
  ],
} as const satisfies ApiEntry;

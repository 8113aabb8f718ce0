import type { ApiEntry } from "../types.js";
import { LOCAL_SANDBOX_ORIGIN, platformUrls } from "../urls.js";

export const eps = {
  id: "eps",
  name: "Electronic Prescription Service (EPS) FHIR API",
  packageName: "@nhskit/eps",
  docsUrl: "https://digital.nhs.uk/developer/api-catalogue/electronic-prescription-service-fhir",
  status: "live",
  statusNote: "Also published as two products, FHIR Prescribing and FHIR Dispensing, each with its own base path.",
  auth: ["cis2", "signed-jwt"],
  fhirVersion: "R4",
  hostedSandbox: true,
  specSource: "upstream",
  tags: ["prescriptions", "medications", "FHIR", "pharmacy"],
  rateLimit: {
    perSecond: 333,
    note: "The specification's platform settings allow 20,000 requests a minute.",
  },
  documents: [
    {
      name: "default",
      clientFactory: "createEpsClient",
      title: "EPS FHIR API (combined)",
      specFile: "openapi.json",
      baseUrls: platformUrls("/electronic-prescriptions"),
    },
    {
      name: "prescribing",
      clientFactory: "createEpsPrescribingClient",
      title: "EPS FHIR Prescribing",
      specFile: "openapi.prescribing.json",
      // NHS England lists no production URL for the split products yet.
      baseUrls: {
        ...platformUrls("/fhir-prescribing", ["sandbox", "int"]),
        local: `${LOCAL_SANDBOX_ORIGIN}/fhir-prescribing`,
      },
    },
    {
      name: "dispensing",
      clientFactory: "createEpsDispensingClient",
      title: "EPS FHIR Dispensing",
      specFile: "openapi.dispensing.json",
      baseUrls: {
        ...platformUrls("/fhir-dispensing", ["sandbox", "int"]),
        local: `${LOCAL_SANDBOX_ORIGIN}/fhir-dispensing`,
      },
    },
  ],
} as const satisfies ApiEntry;

import type { ApiEntry } from "../types.js";
import { LOCAL_SANDBOX_ORIGIN } from "../urls.js";

export const nhsApp = {
  id: "nhs-app",
  name: "NHS App API",
  packageName: "@nhskit/nhs-app",
  docsUrl: "https://digital.nhs.uk/developer/api-catalogue/nhs-app",
  status: "live",
  statusNote: "No hosted sandbox: development and integration need real credentials and NHS App onboarding.",
  auth: ["signed-jwt"],
  fhirVersion: "R4",
  hostedSandbox: false,
  specSource: "upstream",
  tags: ["NHS App", "notifications", "patient communications", "FHIR"],
  rateLimit: {
    perSecond: 20,
    note: "20 requests a second per application in development and integration; production limits are agreed per supplier.",
  },
  documents: [
    {
      name: "default",
      clientFactory: "createNhsAppClient",
      title: "NHS App API",
      specFile: "openapi.json",
      baseUrls: {
        local: `${LOCAL_SANDBOX_ORIGIN}/nhs-app`,
        dep: "https://dep.api.service.nhs.uk/nhs-app-dep",
        int: "https://int.api.service.nhs.uk/nhs-app",
        prod: "https://api.service.nhs.uk/nhs-app",
      },
    },
  ],
} as const satisfies ApiEntry;

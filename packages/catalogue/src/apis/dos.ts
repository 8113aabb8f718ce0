import type { ApiEntry } from "../types.js";
import { LOCAL_SANDBOX_ORIGIN } from "../urls.js";

const SERVICES_PATH = "/app/controllers/api/v1.0/services";

export const dos = {
  id: "dos",
  name: "Directory of Services (DoS) Urgent and Emergency Care REST API",
  packageName: "@nhskit/dos",
  docsUrl: "https://digital.nhs.uk/developer/api-catalogue/directory-of-services-urgent-and-emergency-care-rest",
  status: "deprecated",
  statusNote: "Deprecated from 31 May 2026; new work should use the FHIR-based DoS Search API.",
  successor: "DoS Search FHIR API (NHSDigital/ftrs-directory-of-services)",
  auth: ["basic"],
  hostedSandbox: false,
  specSource: "hand-written",
  tags: ["directory", "urgent and emergency care", "REST"],
  documents: [
    {
      name: "default",
      clientFactory: "createDosClient",
      title: "DoS UEC REST API",
      specFile: "openapi.json",
      baseUrls: {
        local: `${LOCAL_SANDBOX_ORIGIN}/dos${SERVICES_PATH}`,
        uat: `https://uat.directoryofservices.nhs.uk${SERVICES_PATH}`,
        prod: `https://www.webservices.directoryofservices.nhs.uk${SERVICES_PATH}`,
      },
    },
  ],
} as const satisfies ApiEntry;

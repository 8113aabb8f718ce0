import type { ApiEntry } from "../types.js";
import { LOCAL_SANDBOX_ORIGIN } from "../urls.js";

const ORD_PATH = "/ORD/2-0-0";

export const odsOrd = {
  id: "ods-ord",
  name: "Organisation Data Service (ODS) ORD API",
  packageName: "@nhskit/ods-ord",
  docsUrl: "https://digital.nhs.uk/developer/api-catalogue/organisation-data-service-ord",
  status: "deprecated",
  statusNote:
    "NHS England planned its deprecation for September 2026; use the ODS FHIR (Organisation Data Terminology) API.",
  successor: "ods-fhir",
  auth: ["open-access"],
  hostedSandbox: false,
  specSource: "hand-written",
  tags: ["organisations", "ODS", "REST"],
  rateLimit: {
    perSecond: 4,
    note: "Fair use: stay below 5 requests a second, so nhskit keeps to 4.",
  },
  documents: [
    {
      name: "default",
      clientFactory: "createOdsOrdClient",
      title: "ODS ORD API 2-0-0",
      specFile: "openapi.json",
      baseUrls: {
        local: `${LOCAL_SANDBOX_ORIGIN}/ods-ord${ORD_PATH}`,
        uat: `https://uat.directory.spineservices.nhs.uk${ORD_PATH}`,
        prod: `https://directory.spineservices.nhs.uk${ORD_PATH}`,
      },
    },
  ],
} as const satisfies ApiEntry;

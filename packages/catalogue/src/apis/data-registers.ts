import type { ApiEntry } from "../types.js";
import { LOCAL_SANDBOX_ORIGIN } from "../urls.js";

export const dataRegisters = {
  id: "data-registers",
  name: "Data Registers Service REST API",
  packageName: "@nhskit/data-registers",
  docsUrl: "https://digital.nhs.uk/developer/api-catalogue/data-registers-service-rest",
  status: "provisional",
  statusNote:
    "NHS England has not published this API's interface or URLs; nhskit's paths and shapes are a provisional model, so pass baseUrl yourself outside the local sandbox.",
  auth: ["open-access"],
  hostedSandbox: false,
  specSource: "hand-written",
  tags: ["reference data", "registers", "REST"],
  documents: [
    {
      name: "default",
      clientFactory: "createDataRegistersClient",
      title: "Data Registers Service REST API (provisional)",
      specFile: "openapi.json",
      baseUrls: { local: `${LOCAL_SANDBOX_ORIGIN}/data-registers` },
    },
  ],
} as const satisfies ApiEntry;

import type { ApiEntry } from "../types.js";
import { platformUrls } from "../urls.js";

export const sds = {
  id: "sds",
  name: "Spine Directory Service (SDS) FHIR API",
  packageName: "@nhskit/sds",
  docsUrl: "https://digital.nhs.uk/developer/api-catalogue/spine-directory-service-fhir",
  status: "live",
  auth: ["api-key"],
  fhirVersion: "R4",
  hostedSandbox: true,
  specSource: "upstream",
  tags: ["Spine", "directory", "FHIR", "organisations"],
  documents: [
    {
      name: "default",
      clientFactory: "createSdsClient",
      title: "SDS FHIR API",
      specFile: "openapi.json",
      baseUrls: {
        ...platformUrls("/spine-directory/FHIR/R4"),
        dep: "https://dep.api.service.nhs.uk/spine-directory/FHIR/R4",
      },
    },
  ],
} as const satisfies ApiEntry;

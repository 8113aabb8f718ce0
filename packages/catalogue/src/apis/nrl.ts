import type { ApiEntry } from "../types.js";
import { platformUrls } from "../urls.js";

export const nrl = {
  id: "nrl",
  name: "National Record Locator (NRL) FHIR API",
  packageName: "@nhskit/nrl",
  docsUrl: "https://digital.nhs.uk/developer/api-catalogue/national-record-locator-fhir",
  status: "live",
  auth: ["signed-jwt"],
  fhirVersion: "R4",
  hostedSandbox: true,
  specSource: "upstream",
  tags: ["records", "FHIR", "interoperability", "clinical data"],
  documents: [
    {
      name: "consumer",
      clientFactory: "createNrlConsumerClient",
      title: "NRL Consumer",
      specFile: "openapi.json",
      baseUrls: platformUrls("/record-locator/consumer/FHIR/R4"),
    },
    {
      name: "producer",
      clientFactory: "createNrlProducerClient",
      title: "NRL Producer",
      specFile: "openapi.producer.json",
      baseUrls: platformUrls("/record-locator/producer/FHIR/R4"),
    },
  ],
} as const satisfies ApiEntry;

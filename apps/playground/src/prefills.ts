// Starting values for the forms, from the same test data our sandbox and examples use.
export interface Prefill {
  path?: Record<string, string>;
  query?: Record<string, string>;
  header?: Record<string, string>;
  body?: unknown;
}

const jane = "9000000009";

const prefills: Record<string, Prefill> = {
  "pds GET /Patient/{id}": { path: { id: jane } },
  "pds GET /Patient": { query: { family: "Smith", gender: "female", birthdate: "eq2010-10-22" } },
  "pds PATCH /Patient/{id}": {
    path: { id: jane },
    header: { "If-Match": 'W/"2"', "Content-Type": "application/json-patch+json" },
    body: { patches: [{ op: "replace", path: "/birthDate", value: "2010-10-23" }] },
  },
  "pds POST /Patient": {
    body: {
      name: [{ use: "usual", given: ["Ava"], family: "Newton", period: { start: "2026-11-01" } }],
      gender: "female",
      birthDate: "2026-11-01",
      address: [
        { use: "home", line: ["1 Birth Lane", "Leeds"], postalCode: "LS1 1AA", period: { start: "2026-11-01" } },
      ],
      extension: [
        {
          url: "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-RegisteringAuthority",
          extension: [
            {
              url: "registeringAuthorityType",
              valueCodeableConcept: {
                coding: [{ system: "https://fhir.nhs.uk/CodeSystem/UKCore-RegisteringAuthorityType", code: "x" }],
              },
            },
            { url: "organisationIdentifier", valueString: "Y12345" },
          ],
        },
      ],
    },
  },
  "pds GET /Patient/{id}/RelatedPerson": { path: { id: jane } },
  "pds GET /Coverage": { query: { "subscriber:identifier": jane } },
  "pds POST /Coverage": {
    header: { "If-Match": 'W/"1"' },
    body: {
      resourceType: "Coverage",
      identifier: [{ system: "https://fhir.nhs.uk/Id/ehic-card-number", value: "80123456789012345678" }],
      status: "active",
      subscriber: { identifier: { system: "https://fhir.nhs.uk/Id/nhs-number", value: jane } },
      beneficiary: { identifier: { system: "https://fhir.nhs.uk/Id/nhs-number", value: jane } },
      period: { end: "2029-01-01" },
    },
  },
  "sds GET /Device": {
    query: {
      organization: "https://fhir.nhs.uk/Id/ods-organization-code|YES",
      identifier: "https://fhir.nhs.uk/Id/nhsServiceInteractionId|urn:nhs:names:services:psis:REPC_IN150016UK05",
    },
  },
  "dos GET /byOdsCode/{odsCode}": { path: { odsCode: "Y12345" } },
};

export function prefillFor(apiId: string, operationKey: string): Prefill | undefined {
  return prefills[`${apiId} ${operationKey}`];
}

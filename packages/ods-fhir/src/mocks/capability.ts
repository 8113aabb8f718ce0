// The CapabilityStatement the mocks serve at /metadata. The live proxy answers with a stored statement of
// its own; this one is ours and describes what the mocks (and the API's published operations) support.

const search = (name: string, type: string) => ({ name, type });
const read = [{ code: "read" }, { code: "search-type" }];

export const capabilityStatement = {
  resourceType: "CapabilityStatement",
  url: "https://api.service.nhs.uk/organisation-data-terminology-api/fhir/metadata",
  version: "1.0.0",
  name: "NhskitOdsTerminologyMock",
  title: "nhskit mock of the ODS Organisation Data Terminology FHIR API",
  status: "active",
  date: "2024-03-07",
  publisher: "nhskit (community project; not an NHS service)",
  description: "Read and search ODS organisations, relationships, deletion lists and code systems; expand value sets.",
  kind: "instance",
  software: { name: "nhskit ods-fhir mocks" },
  implementation: { description: "Local mock of the ODS FHIR R4 API" },
  fhirVersion: "4.0.1",
  format: ["application/fhir+json", "application/fhir+xml"],
  rest: [
    {
      mode: "server",
      resource: [
        {
          type: "Organization",
          profile: "https://fhir.nhs.uk/England/StructureDefinition/England-Organization-ODS",
          interaction: read,
          searchParam: [
            search("_id", "token"),
            search("identifier", "token"),
            search("name", "string"),
            search("active", "token"),
            search("address-postalcode", "string"),
            search("address-city", "string"),
            search("address-country", "string"),
            search("lastChangeDate", "date"),
            search("roleCode", "token"),
            search("activeRoleCode", "token"),
          ],
        },
        {
          type: "OrganizationAffiliation",
          profile: "https://fhir.nhs.uk/England/StructureDefinition/England-OrganizationAffiliation-ODS",
          interaction: read,
          searchParam: [
            search("_id", "token"),
            search("primary-organization", "reference"),
            search("participating-organization", "reference"),
            search("active", "token"),
          ],
        },
        { type: "List", interaction: read },
        {
          type: "CodeSystem",
          interaction: read,
          searchParam: [search("system", "uri"), search("code", "token")],
        },
        {
          type: "ValueSet",
          operation: [{ name: "expand", definition: "http://hl7.org/fhir/OperationDefinition/ValueSet-expand" }],
        },
        { type: "SearchParameter", interaction: read },
      ],
    },
  ],
};

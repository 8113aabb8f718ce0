import { createOdsFhirClient, describeAffiliation } from "@nhskit/ods-fhir";

export async function relationships() {
  const ods = createOdsFhirClient({ environment: "sandbox" });

  // G81086's relationships, with the related organisations included in the same Bundle.
  const { resources, included } = await ods.searchAffiliations({
    "primary-organization": "G81086",
    _include: "OrganizationAffiliation:participating-organization",
  });
  for (const relationship of resources) {
    const { relationship: type, relationshipDisplay, participatingOdsCode } = describeAffiliation(relationship);
    console.log(type, relationshipDisplay, participatingOdsCode); // RE8 IS PARTNER TO U36842 ...
  }

  const one = await ods.getAffiliation("617400");
  return { relationships: resources.map(describeAffiliation), included: included.length, one };
}

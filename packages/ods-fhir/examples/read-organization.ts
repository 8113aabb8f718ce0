import { createOdsFhirClient, describeOrganization } from "@nhskit/ods-fhir";

export async function readOrganization() {
  const ods = createOdsFhirClient({ environment: "sandbox" });

  const organization = await ods.getOrganization("RR8");
  // Roles, record class and last change date are nested extensions; describeOrganization flattens them.
  const summary = describeOrganization(organization);
  console.log(summary.name, summary.roles[0]?.code, summary.lastChangeDate); // LEEDS TEACHING HOSPITALS NHS TRUST RO197 2023-11-14
  return summary;
}

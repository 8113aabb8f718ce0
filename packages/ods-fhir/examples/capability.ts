import { createOdsFhirClient } from "@nhskit/ods-fhir";

export async function capability() {
  const ods = createOdsFhirClient({ environment: "sandbox" });

  const statement = await ods.getCapabilityStatement();
  const types = statement.rest?.[0]?.resource?.map((r) => r.type) ?? [];
  console.log(statement.fhirVersion, types); // 4.0.1 [ "Organization", "OrganizationAffiliation", ... ]
  return types;
}

import { createOdsFhirClient, ODS_SYSTEMS } from "@nhskit/ods-fhir";

export async function terminology() {
  const ods = createOdsFhirClient({ environment: "sandbox" });

  // Small reference code systems come back whole with _summary: false.
  const { resources } = await ods.searchCodeSystems({ system: ODS_SYSTEMS.organisationRole, _summary: false });
  const roles = resources[0]?.concept?.map((c) => `${c.code} ${c.display}`) ?? [];

  // Organisations changed after a date, with their primary role, five at a time.
  const expansion = await ods.expandValueSet({
    system: ODS_SYSTEMS.odsOrganizationCode,
    filters: [{ property: "lastChangeDate", op: "=", value: "gt2024-02-20" }],
    properties: ["primaryRole"],
    count: 5,
  });
  console.log(
    expansion.total,
    expansion.contains.map((c) => c.code),
  ); // 9 [ "U36842", "97R", "QF7", "ZX102", "FZZ21" ]
  return { roles, total: expansion.total, codes: expansion.contains.map((c) => c.code) };
}

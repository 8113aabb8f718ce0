import { createOdsFhirClient } from "@nhskit/ods-fhir";

export async function deletions() {
  const ods = createOdsFhirClient({ environment: "sandbox" });

  // Records removed from ODS rather than closed: drop them from any local copy.
  const list = await ods.getDeletionList("Organization-deletion");
  const deleted = (list.entry ?? []).map((entry) => entry.item.identifier?.value);
  console.log(deleted); // [ "FVG57", "FJE57" ]
  return deleted;
}

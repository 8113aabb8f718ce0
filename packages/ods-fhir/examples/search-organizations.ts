import { createOdsFhirClient } from "@nhskit/ods-fhir";

export async function searchOrganizations() {
  const ods = createOdsFhirClient({ environment: "sandbox" });

  // One page (20 unless _count says), with a link to the next.
  const page = await ods.searchOrganizations({ "address-city": "LEEDS", roleCode: "RO182", _count: 10 });
  console.log(page.resources.length, page.next !== undefined); // 10 true

  // Every match: next links are followed for you, one request per page.
  const names: string[] = [];
  for await (const organization of ods.iterateOrganizations({ roleCode: "RO182", active: true, _count: 10 })) {
    names.push(organization.name ?? "");
  }

  // Just the number (a `_count=0` search: no records are sent).
  const pharmacies = await ods.countOrganizations({ roleCode: "RO182" });
  console.log(names.length, pharmacies); // 25 25
  return { names, pharmacies };
}

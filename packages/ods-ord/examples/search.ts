import { createOdsOrdClient } from "@nhskit/ods-ord";

export async function searchOrganisations() {
  // Open access: no credentials. The client spaces requests to stay under the API's 5 a second.
  const ord = createOdsOrdClient({ environment: "prod" });

  // Pharmacies (primary role RO182) in the LS1 outward code (not LS10), ten to a page.
  const { organisations, totalCount } = await ord.searchOrganisations({
    PostCode: "LS1",
    PrimaryRoleId: "RO182",
    Limit: 10,
  });
  for (const org of organisations) console.log(org.OrgId, org.Name, org.PostCode);
  console.log(`${organisations.length} of ${totalCount}`); // 10 of 30
  return { organisations, totalCount };
}

import { createOdsOrdClient } from "@nhskit/ods-ord";

export async function everyPharmacy() {
  const ord = createOdsOrdClient({ environment: "prod" });

  // Every match, page by page (Limit/Offset), stopping at the total the API reports.
  const codes: string[] = [];
  for await (const org of ord.iterateOrganisations({ PrimaryRoleId: "RO182", Status: "Active", Limit: 20 })) {
    codes.push(org.OrgId);
  }
  console.log(codes.length); // 42
  return codes;
}

import { createOdsOrdClient } from "@nhskit/ods-ord";

export async function fullRecord() {
  const ord = createOdsOrdClient({ environment: "prod" });

  const org = await ord.getOrganisation("X26");
  const primary = org.Roles?.Role?.find((role) => role.primaryRole);
  const predecessors = org.Succs?.Succ?.filter((s) => s.Type === "Predecessor").map((s) => s.Target?.OrgId?.extension);
  console.log(org.Name, primary?.id, org.GeoLoc?.Location?.PostCode, predecessors); // NHS DIGITAL RO116 LS1 6AE [ "T1430" ]
  return { name: org.Name, primaryRole: primary?.id, predecessors };
}

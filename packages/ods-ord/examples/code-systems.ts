import { createOdsOrdClient } from "@nhskit/ods-ord";

export async function codeSystems() {
  const ord = createOdsOrdClient({ environment: "prod" });

  const roles = await ord.listRoles();
  const trust = await ord.getRole("RO197");
  const relationships = await ord.listRelationshipTypes();
  const classes = await ord.listRecordClasses();
  console.log(
    roles.length,
    trust?.displayName,
    relationships[0]?.code,
    classes.map((c) => c.code),
  ); // … NHS TRUST RE3 [ "RC1", "RC2" ]
  return { roles: roles.length, trust: trust?.displayName, classes: classes.map((c) => c.code) };
}

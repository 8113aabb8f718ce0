import { readFileSync } from "node:fs";
import { mesh } from "@nhskit/auth";
import { createMeshClient } from "@nhskit/mesh";

/** A client for the integration environment: NHSMESH header plus the client certificate issued for your endpoint. */
export function integrationClient(env: Record<string, string | undefined> = process.env) {
  const need = (name: string) => {
    const value = env[name];
    if (!value) throw new Error(`set ${name}`);
    return value;
  };
  const mailboxId = need("MESH_MAILBOX_ID");
  const auth = mesh({
    mailboxId,
    password: need("MESH_PASSWORD"),
    sharedKey: need("MESH_SHARED_KEY"),
    tls: {
      cert: readFileSync(need("MESH_CLIENT_CERT")), // CN <local_id>.<ods_code>.api.mesh-client.nhs.uk
      key: readFileSync(need("MESH_CLIENT_KEY")),
      ca: readFileSync(need("MESH_CA_BUNDLE")), // the NHS Root and Sub CA for integration
    },
  });
  return createMeshClient({ environment: "int", mailboxId, auth });
}

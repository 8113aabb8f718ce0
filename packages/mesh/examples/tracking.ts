import { mesh } from "@nhskit/auth";
import { createMeshClient } from "@nhskit/mesh";

export async function trackMessage(messageId: string) {
  const auth = mesh({ mailboxId: "X26ABC1", password: "password", sharedKey: "TestKey" });
  const client = createMeshClient({ environment: "local", mailboxId: "X26ABC1", auth });

  const { tracking } = await client.trackMessage(messageId); // v2 field names, ISO times
  console.log(tracking.status, tracking.recipient, tracking.expiry_time); // accepted X26ABC2 2026-…

  // Deprecated by MESH, but still there: by your local id. Several matches come back as "ambiguous".
  const byLocalId = await client.trackByLocalId("batch-2026-05-06");
  if (byLocalId.kind === "ambiguous") console.log("more than one message has that local id");
  return tracking;
}

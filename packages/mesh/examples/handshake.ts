import { mesh } from "@nhskit/auth";
import { createMeshClient } from "@nhskit/mesh";

export async function handshake() {
  // The local sandbox's TEST-ONLY credentials. Real ones come from your secret store, never from code.
  const auth = mesh({ mailboxId: "X26ABC1", password: "password", sharedKey: "TestKey" });
  const client = createMeshClient({ environment: "local", mailboxId: "X26ABC1", auth });

  const { mailboxId } = await client.handshake(); // once a day is enough
  console.log(`mailbox ${mailboxId} is reachable`);
  return mailboxId;
}

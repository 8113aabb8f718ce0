import { mesh } from "@nhskit/auth";
import { createMeshClient } from "@nhskit/mesh";

export async function sendMessage() {
  const auth = mesh({ mailboxId: "X26ABC1", password: "password", sharedKey: "TestKey" });
  const client = createMeshClient({ environment: "local", mailboxId: "X26ABC1", auth });

  const sent = await client.sendMessage({
    to: "X26ABC2",
    workflowId: "TEST_WORKFLOW",
    body: "id,result\n1,negative\n",
    contentType: "text/csv",
    fileName: "results.csv",
    localId: "batch-2026-05-06", // your own reference; never patient data
  });
  console.log(sent.messageId); // keep it: support and tracking use it
  return sent;
}

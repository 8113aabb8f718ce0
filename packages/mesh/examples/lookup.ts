import { mesh } from "@nhskit/auth";
import { createMeshClient } from "@nhskit/mesh";

export async function findMailboxes() {
  const auth = mesh({ mailboxId: "X26ABC1", password: "password", sharedKey: "TestKey" });
  const client = createMeshClient({ environment: "local", mailboxId: "X26ABC1", auth });

  // Which mailbox of organisation X26 receives TEST_WORKFLOW?
  const { results } = await client.lookupEndpoint("X26", "TEST_WORKFLOW");
  console.log(results); // [{ mailbox_id: "X26ABC2", mailbox_name: "TESTMB2" }]

  // Every mailbox registered for a workflow.
  const everyone = await client.searchWorkflow("TEST_WORKFLOW2");
  return { results, everyone: everyone.results.map((r) => r.mailbox_id) };
}

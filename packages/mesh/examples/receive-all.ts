import { mesh } from "@nhskit/auth";
import { createMeshClient } from "@nhskit/mesh";

export async function receiveAll(store: Map<string, string>) {
  const auth = mesh({ mailboxId: "X26ABC2", password: "password", sharedKey: "TestKey" });
  const client = createMeshClient({ environment: "local", mailboxId: "X26ABC2", auth });

  const summary = await client.receiveAll(async (message) => {
    if (message.metadata.messageType === "REPORT") {
      console.log(`MESH could not deliver ${message.metadata.linkedMessageId}: ${message.metadata.status.description}`);
      return;
    }
    // Delivery is at least once: saving under the message id makes a repeat harmless.
    store.set(message.messageId, message.text());
  });
  // Anything that failed stays in the inbox and comes back on the next run.
  console.log(`${summary.acknowledged.length} received, ${summary.failures.length} left for next time`);
  return summary;
}

import { openAsBlob } from "node:fs";
import { mesh } from "@nhskit/auth";
import { createMeshClient } from "@nhskit/mesh";

export async function sendLargeFile(path: string) {
  const auth = mesh({ mailboxId: "X26ABC1", password: "password", sharedKey: "TestKey" });
  const client = createMeshClient({ environment: "local", mailboxId: "X26ABC1", auth });

  // A Blob is read one chunk at a time, so the file never sits in memory whole.
  const sent = await client.sendMessage(
    {
      to: "X26ABC2",
      workflowId: "TEST_WORKFLOW",
      body: await openAsBlob(path),
      fileName: "extract.csv",
      compress: true, // each chunk gzipped on its own, as MESH asks
      chunkSize: 1024 * 1024, // default 20 MiB; MESH takes at most 100 MB per request
    },
    { onChunk: ({ messageId, chunk, of }) => console.log(`${messageId}: chunk ${chunk} of ${of} sent`) },
  );
  return sent;
}

import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { mesh } from "@nhskit/auth";
import { createMeshClient } from "@nhskit/mesh";

export async function downloadToFile(messageId: string, path: string) {
  const auth = mesh({ mailboxId: "X26ABC2", password: "password", sharedKey: "TestKey" });
  const client = createMeshClient({ environment: "local", mailboxId: "X26ABC2", auth });

  // Chunk n+1 is fetched only when chunk n has been written: memory stays flat for any size.
  const download = await client.downloadMessageStream(messageId);
  await pipeline(Readable.fromWeb(download.stream as WebReadableStream<Uint8Array>), createWriteStream(path));
  await client.acknowledgeMessage(messageId);
  console.log(`${download.metadata.fileName}: ${download.chunks} chunks written to ${path}`);
  return download.chunks;
}

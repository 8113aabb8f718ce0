import { createHash, randomBytes } from "node:crypto";
import { openAsBlob } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientFor } from "./support/credentials.js";
import { httpTarget, type Target } from "./support/targets.js";

const MiB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** 20 MiB: half random (incompressible), half text (compressible), so both paths of gzip are exercised. */
function payload(): Uint8Array {
  const bytes = new Uint8Array(20 * MiB);
  bytes.set(randomBytes(10 * MiB), 0);
  const line = new TextEncoder().encode("row,of,text,that,compresses,well\n");
  for (let at = 10 * MiB; at < bytes.length; at += line.length) bytes.set(line.subarray(0, bytes.length - at), at);
  return bytes;
}

let target: Target;
let dir: string;
beforeAll(async () => {
  target = await httpTarget({ storeMode: "memory" });
  dir = await mkdtemp(join(tmpdir(), "nhskit-mesh-"));
});
afterAll(async () => {
  await target.close();
  await rm(dir, { recursive: true, force: true });
});

describe("a 20 MB message, chunked, over real HTTP", { timeout: 60_000 }, () => {
  const data = payload();

  it("round-trips byte-identical: sent in 5 chunks, received in 5 chunks", async () => {
    const a = clientFor(target.baseUrl, "X26ABC1", { chunkSize: 4 * MiB });
    const b = clientFor(target.baseUrl, "X26ABC2");
    const progress: number[] = [];
    const sent = await a.sendMessage(
      { to: "X26ABC2", workflowId: "TEST_WORKFLOW", body: data, fileName: "big.bin" },
      { onChunk: (p) => progress.push(p.chunk) },
    );
    expect([sent.chunks, sent.bytes, progress]).toEqual([5, data.byteLength, [1, 2, 3, 4, 5]]);
    const posts = target.seen.filter((s) => s.method === "POST").map((s) => s.path);
    expect(posts.slice(-4)).toEqual([2, 3, 4, 5].map((n) => `/messageexchange/X26ABC1/outbox/${sent.messageId}/${n}`));
    const got = await b.downloadMessage(sent.messageId);
    expect(got.chunks).toBe(5);
    expect(got.requestIds).toHaveLength(5);
    expect(got.body.byteLength).toBe(data.byteLength);
    expect(sha256(got.body)).toBe(sha256(data));
    await b.acknowledgeMessage(sent.messageId);
  });

  it("round-trips byte-identical with every chunk gzipped on its own, read from a file as a Blob", async () => {
    const file = join(dir, "payload.bin");
    await writeFile(file, data);
    const a = clientFor(target.baseUrl, "X26ABC1");
    const b = clientFor(target.baseUrl, "X26ABC2");
    const sent = await a.sendMessage({
      to: "X26ABC2",
      workflowId: "TEST_WORKFLOW",
      body: await openAsBlob(file),
      compress: true,
      chunkSize: 3 * MiB,
    });
    expect(sent.chunks).toBe(7);
    const { metadata } = await b.getMessageMetadata(sent.messageId);
    expect([metadata.contentEncoding, metadata.compressed, metadata.totalChunks]).toEqual(["gzip", true, 7]);
    const got = await b.downloadMessage(sent.messageId);
    expect(sha256(got.body)).toBe(sha256(data));
  });

  it("streams: chunk n+1 is requested only once chunk n has been read", async () => {
    const a = clientFor(target.baseUrl, "X26ABC1", { chunkSize: 5 * MiB });
    const b = clientFor(target.baseUrl, "X26ABC2");
    const sent = await a.sendMessage({ to: "X26ABC2", workflowId: "TEST_WORKFLOW", body: data });
    const gets = () => target.seen.filter((s) => s.method === "GET" && s.path.includes(sent.messageId)).length;
    const download = await b.downloadMessageStream(sent.messageId);
    expect([download.chunks, gets()]).toEqual([4, 1]);
    const reader = download.stream.getReader();
    const hash = createHash("sha256");
    let read = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      hash.update(value);
      read += value.byteLength;
      // Never more than one chunk ahead of what has been read.
      expect(gets()).toBeLessThanOrEqual(Math.floor(read / (5 * MiB)) + 1);
    }
    expect([read, gets()]).toEqual([data.byteLength, 4]);
    expect(hash.digest("hex")).toBe(sha256(data));
  });
});

import type { FetchLike } from "@nhskit/core";
import { http } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gzip } from "../src/index.js";
import { MESH_BASE_PATH } from "../src/mocks/index.js";
import { clientFor } from "./support/credentials.js";
import { httpTarget, type Target } from "./support/targets.js";

// Issue 10, item 5: with faults between download and acknowledgement, during chunked downloads and on the
// acknowledgement itself, every one of 1,000 messages is processed at least once and acknowledged only after its
// handler succeeded.

const TOTAL = 1000;
const utf8 = (s: string) => new TextEncoder().encode(s);

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A response whose body breaks half-way, like a connection reset mid-download. */
function cutShort(response: Response): Response {
  const reader = response.body!.getReader();
  let sent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done || sent) {
        reader.cancel().catch(() => {});
        controller.error(new TypeError("terminated: other side closed"));
        return;
      }
      sent = true;
      controller.enqueue(value.subarray(0, Math.max(1, value.byteLength >> 1)));
    },
  });
  return new Response(body, { status: response.status, headers: response.headers });
}

let target: Target;
/** Acknowledgements in the order the server received them. */
const acksReceived: string[] = [];
beforeAll(async () => {
  target = await httpTarget({
    storeMode: "memory",
    before: [
      http.put(`*${MESH_BASE_PATH}/messageexchange/:mb/inbox/:id/status/acknowledged`, ({ params }) => {
        acksReceived.push(String(params.id));
        return undefined; // on to the mocks
      }),
    ],
  });
});
afterAll(() => target.close());

describe("no message is lost (1,000 messages, faults injected)", () => {
  it("processes every message at least once and acknowledges only after success", async () => {
    const random = prng(20260506);
    const expected = new Map<string, string>();
    for (let i = 0; i < TOTAL; i++) {
      const text = `message ${i} ${"x".repeat(i % 50)}`;
      let id: string;
      if (i % 5 === 0) {
        // Every fifth message comes in 3 chunks; half of those stored gzipped, as a sender compressing would.
        const parts = [text.slice(0, 4), text.slice(4, 9), text.slice(9)].map(utf8);
        const zipped = i % 10 === 0;
        id = target.mock.deliver({
          from: "X26ABC1",
          to: "X26ABC2",
          workflowId: "TEST_WORKFLOW",
          chunks: zipped ? await Promise.all(parts.map(gzip)) : parts,
          contentEncoding: zipped ? "gzip" : "",
        });
      } else {
        id = target.mock.deliver({ from: "X26ABC1", to: "X26ABC2", workflowId: "TEST_WORKFLOW", chunks: [utf8(text)] });
      }
      expected.set(id, text);
    }

    const faults = { midChunk: 0, ackLostBefore: 0, ackLostAfter: 0, handlerFailed: 0, killed: 0 };
    const succeeded = new Set<string>(); // handler finished without error
    const handled = new Map<string, number>(); // handler calls per message
    const ackedAfterSuccess: boolean[] = [];

    // Faults on the wire, injected in the client's fetch: a body cut short on further chunks; an acknowledgement
    // lost before it reaches MESH, or after MESH applied it (the answer never arrives).
    const faulty: FetchLike = async (request, init) => {
      const path = new URL(request.url).pathname;
      if (request.method === "PUT") {
        const id = path.split("/")[5]!;
        ackedAfterSuccess.push(succeeded.has(id));
        const roll = random();
        if (roll < 0.05) {
          faults.ackLostBefore += 1;
          throw new TypeError("fetch failed: connection reset");
        }
        const response = await fetch(request, init as RequestInit);
        if (roll < 0.1) {
          faults.ackLostAfter += 1;
          throw new TypeError("fetch failed: socket hang up");
        }
        return response;
      }
      const response = await fetch(request, init as RequestInit);
      if (/\/inbox\/[^/]+\/\d+$/.test(path) && response.ok && random() < 0.15) {
        faults.midChunk += 1;
        return cutShort(response);
      }
      return response;
    };
    const client = clientFor(target.baseUrl, "X26ABC2", { fetch: faulty, retry: { maxAttempts: 1 } });

    let runs = 0;
    while (target.mock.inbox("X26ABC2").length > 0) {
      runs += 1;
      expect(runs, "the inbox should drain").toBeLessThan(40);
      const stop = new AbortController();
      try {
        await client.receiveAll(
          async (message) => {
            const id = message.messageId;
            handled.set(id, (handled.get(id) ?? 0) + 1);
            expect(message.text()).toBe(expected.get(id)); // byte-identical, chunks and gzip included
            const roll = random();
            if (roll < 0.05) {
              faults.handlerFailed += 1;
              throw new Error("handler failed");
            }
            if (roll < 0.07) {
              faults.killed += 1;
              stop.abort(new Error("killed between download and acknowledgement"));
              return;
            }
            succeeded.add(id);
          },
          { signal: stop.signal, concurrency: 8 },
        );
      } catch (error) {
        expect((error as Error).message).toBe("killed between download and acknowledgement");
      }
    }

    // Every message processed at least once, and all acknowledged in the end.
    expect(succeeded.size).toBe(TOTAL);
    expect([...expected.keys()].every((id) => succeeded.has(id))).toBe(true);
    expect(target.mock.inbox("X26ABC2")).toEqual([]);
    for (const id of expected.keys()) expect(target.mock.message(id)?.status).toBe("acknowledged");
    // Acknowledged only after success: every acknowledgement sent, and every one MESH received, followed a success.
    expect(ackedAfterSuccess.every(Boolean)).toBe(true);
    expect(acksReceived.every((id) => succeeded.has(id))).toBe(true);
    expect(new Set(acksReceived)).toEqual(new Set(expected.keys()));
    // The faults really happened, and cost redeliveries.
    for (const [kind, count] of Object.entries(faults)) expect(count, kind).toBeGreaterThan(0);
    const calls = [...handled.values()].reduce((n, c) => n + c, 0);
    expect(calls).toBeGreaterThan(TOTAL);
    console.info(
      `MESH no-data-loss: ${TOTAL} messages, ${calls} handler calls over ${runs} runs, ${acksReceived.length} acknowledgements received; faults ${JSON.stringify(faults)}`,
    );
  }, 90_000); // a few seconds on a quiet machine; generous for a shared CI runner
});

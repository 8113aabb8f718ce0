import { NhsApiError } from "@nhskit/core";
import { HttpResponse, http } from "msw";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { MeshMessage, ReceiveFailure } from "../src/index.js";
import { MESH_BASE_PATH } from "../src/mocks/index.js";
import { clientFor } from "./support/credentials.js";
import { httpTarget, type Target } from "./support/targets.js";

const utf8 = (s: string) => new TextEncoder().encode(s);
let target: Target;
beforeAll(async () => {
  target = await httpTarget();
});
beforeEach(async () => {
  await target.configure({ storeMode: "memory" });
  target.seen.length = 0;
});
afterAll(() => target.close());

const deliver = (n: number, workflow = "TEST_WORKFLOW") =>
  Array.from({ length: n }, (_, i) =>
    target.mock.deliver({ from: "X26ABC1", to: "X26ABC2", workflowId: workflow, chunks: [utf8(`message ${i}`)] }),
  );
const acks = () => target.seen.filter((s) => s.method === "PUT").map((s) => s.path.split("/")[4]);

describe("receiveAll", () => {
  it("downloads each message, awaits the handler, then acknowledges it", async () => {
    const ids = deliver(3);
    const b = clientFor(target.baseUrl, "X26ABC2");
    const order: string[] = [];
    const summary = await b.receiveAll(async (message) => {
      order.push(`handle ${message.messageId}`);
      expect(acks()).not.toContain(message.messageId); // not acknowledged while the handler runs
      await new Promise((r) => setTimeout(r, 5));
    });
    expect(summary.acknowledged).toEqual(ids);
    expect(summary.failures).toEqual([]);
    expect(order).toEqual(ids.map((id) => `handle ${id}`));
    expect(target.mock.inbox("X26ABC2")).toEqual([]);
    for (const id of ids) expect(target.mock.message(id)?.status).toBe("acknowledged");
  });

  it("a loop stopped between download and acknowledgement leaves the message for the next run", async () => {
    const [first, second] = deliver(2);
    const b = clientFor(target.baseUrl, "X26ABC2");
    const stop = new AbortController();
    const handled: string[] = [];
    const run = b.receiveAll(
      (message) => {
        handled.push(message.messageId);
        stop.abort(new Error("process killed")); // the process dies right after processing, before acknowledging
      },
      { signal: stop.signal },
    );
    await expect(run).rejects.toThrow("process killed");
    expect(handled).toEqual([first]);
    expect(acks()).toEqual([]); // nothing was acknowledged
    expect(target.mock.inbox("X26ABC2")).toEqual([first, second]);

    // "Restart": the same message is delivered again, and this time acknowledged.
    const again: string[] = [];
    const summary = await b.receiveAll((message) => {
      again.push(message.messageId);
    });
    expect(again).toEqual([first, second]);
    expect(summary.acknowledged).toEqual([first, second]);
    expect(target.mock.inbox("X26ABC2")).toEqual([]);
  });

  it("a failing handler leaves its message in the inbox and the loop carries on", async () => {
    const ids = deliver(3);
    const b = clientFor(target.baseUrl, "X26ABC2");
    const reported: ReceiveFailure[] = [];
    const summary = await b.receiveAll(
      (message) => {
        if (message.messageId === ids[1]) throw new Error("cannot parse");
      },
      { onError: (f) => reported.push(f) },
    );
    expect(summary.acknowledged).toEqual([ids[0], ids[2]]);
    expect(summary.failures.map((f) => [f.messageId, f.stage, (f.error as Error).message])).toEqual([
      [ids[1], "handler", "cannot parse"],
    ]);
    expect(reported).toEqual(summary.failures);
    expect(target.mock.inbox("X26ABC2")).toEqual([ids[1]]);
    // Tried once per run, not again and again within it.
    expect(target.seen.filter((s) => s.path.endsWith(`/inbox/${ids[1]}`))).toHaveLength(1);
  });

  it("a failed acknowledgement is reported and the message comes back", async () => {
    const [id] = deliver(1);
    let failAck = true;
    await target.configure({
      storeMode: "memory",
      before: [
        http.put(`*${MESH_BASE_PATH}/messageexchange/:mb/inbox/:id/status/acknowledged`, () =>
          failAck ? HttpResponse.json({ message: "down" }, { status: 500 }) : undefined,
        ),
      ],
    });
    const msg = target.mock.deliver({ from: "X26ABC1", to: "X26ABC2", workflowId: "W", chunks: [utf8("x")] });
    expect(id).not.toBe(msg);
    const b = clientFor(target.baseUrl, "X26ABC2");
    const first = await b.receiveAll(() => {});
    expect(first.failures.map((f) => [f.messageId, f.stage])).toEqual([[msg, "acknowledge"]]);
    expect(first.failures[0]!.error).toBeInstanceOf(NhsApiError);
    failAck = false;
    const seen: string[] = [];
    const second = await b.receiveAll((m) => {
      seen.push(m.messageId);
    });
    expect([seen, second.acknowledged]).toEqual([[msg], [msg]]);
  });

  it("stopOnError throws the first failure", async () => {
    deliver(3);
    const b = clientFor(target.baseUrl, "X26ABC2");
    let calls = 0;
    await expect(
      b.receiveAll(
        () => {
          calls += 1;
          throw new Error("stop here");
        },
        { stopOnError: true },
      ),
    ).rejects.toThrow("stop here");
    expect(calls).toBe(1);
    expect(target.mock.inbox("X26ABC2")).toHaveLength(3);
  });

  it("pages through an inbox bigger than a page, in v2 (links.next) and v1 (after the last id)", async () => {
    for (const apiVersion of [2, 1] as const) {
      const ids = deliver(35);
      const b = clientFor(target.baseUrl, "X26ABC2", { apiVersion });
      const summary = await b.receiveAll(() => {}, { pageSize: 10, concurrency: 4 });
      expect(new Set(summary.acknowledged)).toEqual(new Set(ids));
      expect(summary.polls).toBeGreaterThanOrEqual(4);
      expect(target.mock.inbox("X26ABC2")).toEqual([]);
    }
  });

  it("filters by workflow and stops after maxMessages", async () => {
    const acked = deliver(2, "TEST_WORKFLOW_ACK");
    const data = deliver(3, "TEST_WORKFLOW");
    const b = clientFor(target.baseUrl, "X26ABC2");
    const got: MeshMessage[] = [];
    await b.receiveAll((m) => void got.push(m), { workflowFilter: "*_ACK*" });
    expect(got.map((m) => m.messageId)).toEqual(acked);
    expect(got[0]!.text()).toBe("message 0");
    const some = await b.receiveAll(() => {}, { maxMessages: 2 });
    expect(some.acknowledged).toEqual(data.slice(0, 2));
  });

  it("hands error reports (REPORT) to the handler like any message", async () => {
    await fetch(`${target.baseUrl}/messageexchange/admin/report`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ mailbox_id: "X26ABC2", code: "14", description: "not collected", workflow_id: "W" }),
    });
    const b = clientFor(target.baseUrl, "X26ABC2");
    const types: unknown[] = [];
    await b.receiveAll((m) => void types.push(m.metadata.messageType));
    expect(types).toEqual(["REPORT"]);
  });
});

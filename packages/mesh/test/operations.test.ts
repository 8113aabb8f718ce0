import { afterAll, beforeAll, describe, expect, it } from "vitest";
import spec from "../openapi.json" with { type: "json" };
import type { MeshClient } from "../src/index.js";
import { clientFor } from "./support/credentials.js";
import { httpTarget, type Target } from "./support/targets.js";

// Every operation in the OpenAPI document, called through its named method over real HTTP.
let target: Target;
let a: MeshClient;
let b: MeshClient;
beforeAll(async () => {
  target = await httpTarget();
  a = clientFor(target.baseUrl, "X26ABC1");
  b = clientFor(target.baseUrl, "X26ABC2");
});
afterAll(() => target.close());

/** Which named method covers each operationId. */
const METHOD_FOR: Record<string, keyof MeshClient> = {
  handshake_messageexchange__mailbox_id__post: "handshake",
  list_messages_messageexchange__mailbox_id__inbox_get: "listInbox",
  retrieve_message_messageexchange__mailbox_id__inbox__message_id__get: "downloadMessage",
  head_message_messageexchange__mailbox_id__inbox__message_id__head: "getMessageMetadata",
  acknowledge_message_messageexchange__mailbox_id__inbox__message_id__status_acknowledged_put: "acknowledgeMessage",
  retrieve_chunk_messageexchange__mailbox_id__inbox__message_id___chunk_number__get: "downloadChunk",
  count_messages_in_inbox_messageexchange__mailbox_id__count_get: "countInbox",
  send_message: "sendMessage",
  send_chunk: "sendChunk",
  tracking_by_message_id_messageexchange__mailbox_id__outbox_tracking_get: "trackMessage",
  tracking_by_local_id_messageexchange__mailbox_id__outbox_tracking__local_id__get: "trackByLocalId",
  get_receiving_mailbox_ids_messageexchange_endpointlookup__ods_code___workflow_id__get: "lookupEndpoint",
  get_receiving_mailbox_ids_messageexchange_workflowsearch__workflow_id__get: "searchWorkflow",
};

const operations = Object.entries(spec.paths as Record<string, Record<string, { operationId: string }>>).flatMap(
  ([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method: method.toUpperCase(), id: op.operationId })),
);

describe("the 13 MESH operations over real HTTP", () => {
  it("has a named method for every operation in openapi.json", () => {
    expect(operations).toHaveLength(13);
    for (const op of operations) expect(typeof a[METHOD_FOR[op.id]!], op.id).toBe("function");
  });

  it("handshake", async () => {
    expect(await a.handshake()).toMatchObject({ mailboxId: "X26ABC1" });
  });

  it("listInbox and countInbox", async () => {
    const page = await a.listInbox();
    expect(page.messages).toEqual(["SIMPLE_MESSAGE"]);
    expect(page.approx_inbox_count).toBe(1);
    expect((await a.countInbox()).count).toBe(1);
  });

  it("sendMessage and sendChunk (chunked send), then the receiving side", async () => {
    const sent = await a.sendMessage({
      to: "X26ABC2",
      workflowId: "TEST_WORKFLOW",
      body: "0123456789",
      chunkSize: 4,
      localId: "ops-1",
    });
    expect(sent.chunks).toBe(3);
    const resumed = await a.sendMessage({ to: "X26ABC2", workflowId: "TEST_WORKFLOW", body: "x" });
    expect(resumed.chunks).toBe(1);
    // getMessageMetadata (HEAD), downloadMessage, downloadChunk, acknowledgeMessage
    const { metadata } = await b.getMessageMetadata(sent.messageId);
    expect([metadata.messageId, metadata.totalChunks, metadata.localId]).toEqual([sent.messageId, 3, "ops-1"]);
    const whole = await b.downloadMessage(sent.messageId);
    expect([whole.text(), whole.chunks]).toEqual(["0123456789", 3]);
    const second = await b.downloadChunk(sent.messageId, 2);
    expect([new TextDecoder().decode(second.body), second.partial]).toEqual(["4567", true]);
    expect((await b.acknowledgeMessage(sent.messageId)).messageId).toBe(sent.messageId);
    expect((await b.listInbox()).messages).not.toContain(sent.messageId);
    // trackMessage and trackByLocalId
    const tracked = await a.trackMessage(sent.messageId);
    expect(tracked.tracking.status).toBe("acknowledged");
    const byLocal = await a.trackByLocalId("ops-1");
    expect(byLocal.kind === "found" && byLocal.tracking.message_id).toBe(sent.messageId);
  });

  it("sendChunk on its own, to finish a message started elsewhere", async () => {
    let id = "";
    // Stop after chunk 1 (as a crash would), then finish the upload with sendChunk.
    await a
      .sendMessage(
        { to: "X26ABC2", workflowId: "TEST_WORKFLOW", body: "abcdef", chunkSize: 3 },
        {
          onChunk: (p) => {
            id = p.messageId;
            if (p.chunk === 1) throw new Error("stop after the first chunk");
          },
        },
      )
      .catch(() => undefined);
    expect((await b.listInbox()).messages).not.toContain(id);
    expect((await a.sendChunk(id, 2, 2, "def")).chunk).toBe(2);
    expect((await b.downloadMessage(id)).text()).toBe("abcdef");
  });

  it("lookupEndpoint and searchWorkflow", async () => {
    expect((await a.lookupEndpoint("X26", "TEST_WORKFLOW_ACK")).results).toEqual([
      { mailbox_id: "X26ABC1", mailbox_name: "TESTMB1" },
    ]);
    expect((await a.searchWorkflow("TEST_WORKFLOW")).results.map((r) => r.mailbox_id)).toEqual(["X26ABC2"]);
  });

  it("the raw client reaches any operation, typed", async () => {
    const { data, response } = await a.raw.GET("/messageexchange/{mailbox_id}/count", {
      params: { path: { mailbox_id: "X26ABC1" } },
    });
    expect(response.status).toBe(200);
    expect((data as { count: number }).count).toBeGreaterThanOrEqual(0);
  });

  it("every operation reached the mock over HTTP", () => {
    const pattern = (path: string) => new RegExp(`^${path.replace(/\{[^}]+\}/g, "[^/?]+")}(\\?.*)?$`);
    for (const op of operations) {
      const hit = target.seen.some((s) => s.method === op.method && pattern(op.path).test(s.path));
      expect(hit, `${op.method} ${op.path}`).toBe(true);
    }
  });
});

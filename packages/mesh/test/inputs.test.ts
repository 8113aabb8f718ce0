import { NhsValidationError } from "@nhskit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MeshClient } from "../src/index.js";
import { clientFor } from "./support/credentials.js";
import { inProcessTarget, type Target } from "./support/targets.js";

// Every check here fails before a request is made: the mocks must see nothing.
let target: Target;
let mesh: MeshClient;
beforeAll(async () => {
  target = await inProcessTarget();
  mesh = clientFor(target.baseUrl);
});
afterAll(() => target.close());

// biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input from an untyped caller
type Any = any;

async function refused(call: () => Promise<unknown>, message: RegExp) {
  const before = target.seen.length;
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NhsValidationError);
  expect((error as Error).message).toMatch(/nothing was sent/);
  expect((error as Error).message).toMatch(message);
  expect(target.seen.length, "a request was sent").toBe(before);
}

const send = { to: "X26ABC2", workflowId: "TEST_WORKFLOW", body: "hello" };

describe("bad input is refused before anything is sent", () => {
  it.each([
    [{ maxResults: 9 }, /query.maxResults: must be a whole number from 10 to 5000/],
    [{ maxResults: 5001 }, /from 10 to 5000/],
    [{ maxResults: 12.5 }, /from 10 to 5000/],
    [{ maxResults: "50" }, /from 10 to 5000/],
    [{ continueFrom: "" }, /query.continueFrom: must not be empty/],
    [{ workflowFilter: "A" }, /must be 2 to 255 characters/],
    [{ workflowFilter: "**" }, /is not a workflow filter/],
    [{ workflowFilter: "AB*CD" }, /is not a workflow filter/],
    [{ workflowFilter: "!!AB" }, /is not a workflow filter/],
    [{ page: 2 }, /unknown option "page"; listInbox takes maxResults, continueFrom and workflowFilter/],
  ])("listInbox(%j)", (query, message) => refused(() => mesh.listInbox(query as Any), message));

  it.each(["", "../SIMPLE", "a b", "x".repeat(101), "id/2", 42, undefined])("message id %j", async (id) => {
    for (const call of [
      () => mesh.downloadMessage(id as Any),
      () => mesh.downloadMessageStream(id as Any),
      () => mesh.downloadChunk(id as Any, 2),
      () => mesh.getMessageMetadata(id as Any),
      () => mesh.acknowledgeMessage(id as Any),
      () => mesh.trackMessage(id as Any),
      () => mesh.sendChunk(id as Any, 2, 2, "x"),
    ]) {
      await refused(call, /messageId: /);
    }
  });

  it.each([0, -1, 1.5, "2", Number.NaN])("chunk number %j", (n) =>
    refused(() => mesh.downloadChunk("SIMPLE_MESSAGE", n as Any), /chunkNumber: must be a whole number of at least 1/),
  );

  it("downloadMessage maxBytes", () =>
    refused(() => mesh.downloadMessage("SIMPLE_MESSAGE", { maxBytes: 0 }), /options.maxBytes: must be a whole number/));

  it.each([
    [{ ...send, to: undefined }, /input.to: must be text/],
    [{ ...send, to: "X26ABC2\r\nX-Injected: 1" }, /input.to: must be plain Latin-1 text without line breaks/],
    [{ ...send, to: " X26ABC2" }, /input.to: must not start or end with spaces/],
    [{ ...send, workflowId: "TEST WORKFLOW" }, /input.workflowId: "TEST WORKFLOW" must be a workflow id/],
    [{ ...send, body: "" }, /input.body: must not be empty: MESH refuses a message without data \(error 02\)/],
    [{ ...send, body: new Uint8Array() }, /input.body: must not be empty/],
    [{ ...send, body: 42 }, /input.body: must be a string, Uint8Array, ArrayBuffer or Blob/],
    [{ ...send, body: { a: 1 } }, /input.body: must be a string, Uint8Array, ArrayBuffer or Blob/],
    [{ ...send, chunkSize: 0 }, /input.chunkSize: must be a whole number of bytes from 1 to 100000000/],
    [{ ...send, chunkSize: 100_000_001 }, /100 MB per request/],
    [{ ...send, subject: "s".repeat(501) }, /input.subject: must be at most 500 characters/],
    [{ ...send, localId: "patient 943 476 5919 🙂" }, /input.localId: must be plain Latin-1 text/],
    [{ ...send, fileName: "" }, /input.fileName: must not be empty/],
    [{ ...send, contentType: "csv" }, /input.contentType: "csv" must be a media type/],
    [{ ...send, encrypted: "yes" }, /input.encrypted: must be true or false/],
    [{ ...send, compress: 1 }, /input.compress: must be true or false/],
    [{ ...send, recipient: "X26ABC2" }, /unknown field "recipient"; sendMessage takes to, workflowId, body/],
  ])("sendMessage(%j)", (input, message) => refused(() => mesh.sendMessage(input as Any), message));

  it("sendMessage needs an object, and onChunk must be a function", async () => {
    await refused(() => mesh.sendMessage(undefined as Any), /input: must be an object/);
    await refused(() => mesh.sendMessage(send, { onChunk: "log" as Any }), /options.onChunk: must be a function/);
  });

  it.each([
    [1, 3, /chunkNumber: must be from 2 to totalChunks \(3\); chunk 1 is sent by sendMessage/],
    [4, 3, /must be from 2 to totalChunks/],
    [2, 0, /totalChunks: must be a whole number of at least 1/],
  ])("sendChunk(%j of %j)", (n, total, message) => refused(() => mesh.sendChunk("ABC123", n, total, "x"), message));

  it("sendChunk refuses an empty chunk", () =>
    refused(() => mesh.sendChunk("ABC123", 2, 2, ""), /body: must not be empty/));

  it.each(["", "a\nb", "x".repeat(256)])("trackByLocalId(%j)", (localId) =>
    refused(() => mesh.trackByLocalId(localId), /localId: /),
  );

  it("trackByLocalId refuses a local id that would change the path", async () => {
    await refused(() => mesh.trackByLocalId("a/b"), /path.local_id: "a\/b" must not contain "\/"/);
  });

  it.each([
    [() => mesh.lookupEndpoint("X 26", "TEST_WORKFLOW"), /odsCode: "X 26" must be an ODS code/],
    [() => mesh.lookupEndpoint("X26", ""), /workflowId: "" must be a workflow id/],
    [() => mesh.lookupEndpoint("X", "TEST_WORKFLOW"), /odsCode: "X" must be an ODS code: 2 to 12/],
    [() => mesh.searchWorkflow("TEST/WORKFLOW"), /workflowId: "TEST\/WORKFLOW" must be a workflow id/],
  ])("lookups %#", (call, message) => refused(call, message));

  it.each([
    [{ pageSize: 5 }, /options.pageSize: must be a whole number from 10 to 5000/],
    [{ concurrency: 0 }, /options.concurrency: must be a whole number from 1 to 64/],
    [{ maxMessages: 0 }, /options.maxMessages/],
    [{ workflowFilter: "*" }, /options.workflowFilter/],
  ])("receiveAll(%j)", (options, message) => refused(() => mesh.receiveAll(() => {}, options as Any), message));

  it("receiveAll needs a handler", () =>
    refused(() => mesh.receiveAll(undefined as Any), /handler: must be a function/));

  it("per-call header values are checked too", () =>
    refused(() => mesh.countInbox({ correlationId: "a\r\nb" }), /nhs.correlationId/));
});

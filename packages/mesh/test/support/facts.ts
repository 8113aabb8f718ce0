import { meshAuthorization, openAccess } from "@nhskit/auth";
import { NhsApiError, NhsError, NhsValidationError } from "@nhskit/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMeshClient, gzip, type MeshClient } from "../../src/index.js";
import {
  CANNED_MESSAGES,
  MESH_SANDBOX_CODE_DEFAULT_KEY,
  MESH_SANDBOX_PASSWORD,
  MESH_SANDBOX_SHARED_KEY,
} from "../../src/mocks/index.js";
import { clientFor, meshAuth } from "./credentials.js";
import type { StartTarget, Target } from "./targets.js";

/** The error a call throws (fails the test if it does not throw). */
export async function failure<E = NhsApiError>(promise: Promise<unknown>, type: unknown = NhsApiError): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(type as new () => unknown);
  return error as E;
}

const V1 = "application/vnd.mesh.v1+json";
const V2 = "application/vnd.mesh.v2+json";
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const utf8 = (s: string) => new TextEncoder().encode(s);

let nonceCount = 0;
/** A valid NHSMESH header, made with @nhskit/auth's known-answer-tested builder. */
export function nhsmesh(mailboxId: string, o: { sharedKey?: string; time?: number; nonce?: string } = {}) {
  return meshAuthorization({
    mailboxId,
    password: MESH_SANDBOX_PASSWORD,
    sharedKey: o.sharedKey ?? MESH_SANDBOX_SHARED_KEY,
    nonce: o.nonce ?? crypto.randomUUID(),
    nonceCount: nonceCount++,
    time: o.time ?? Date.now(),
  });
}

interface RawInit {
  method?: string;
  /** Mailbox to sign for; null sends no Authorization. Default: the mailbox in the path. */
  as?: string | null;
  accept?: string | null;
  headers?: Record<string, string> | Array<[string, string]>;
  body?: BodyInit;
}

/**
 * Every numbered fact in sandbox-facts/mesh.md, driven through @nhskit/mesh where the client can send the
 * request, and through plain fetch where the client would (rightly) refuse to.
 */
export function meshSandboxFacts(name: string, start: StartTarget) {
  describe(`MESH sandbox facts (${name})`, () => {
    let target: Target;
    let a: MeshClient; // X26ABC1
    let b: MeshClient; // X26ABC2
    let c: MeshClient; // X26ABC3

    const raw = async (path: string, init: RawInit = {}) => {
      const mailbox = init.as === undefined ? /^\/messageexchange\/([^/?]+)/.exec(path)?.[1] : init.as;
      const headers = new Headers(init.headers as HeadersInit);
      if (mailbox && !headers.has("authorization")) {
        headers.set("Authorization", await nhsmesh(decodeURIComponent(mailbox).toUpperCase()));
      }
      if (init.accept !== null) headers.set("Accept", init.accept ?? V2);
      return fetch(`${target.baseUrl}${path}`, {
        method: init.method ?? "GET",
        headers,
        ...(init.body !== undefined ? { body: init.body } : {}),
      });
    };
    const clients = () => {
      a = clientFor(target.baseUrl, "X26ABC1");
      b = clientFor(target.baseUrl, "X26ABC2");
      c = clientFor(target.baseUrl, "X26ABC3");
    };

    beforeAll(async () => {
      target = await start();
      clients();
    });
    beforeEach(async () => {
      await target.configure(); // fresh mailboxes for every fact
    });
    afterAll(() => target.close());

    describe("running and configuration", () => {
      it("1: the sandbox's settings are options: auth mode, store mode, shared key, inbox expiry, env, build label", async () => {
        await target.configure({ env: "ci", buildLabel: "build-7", inboxExpiryDays: 3, sharedKey: "AnotherKey" });
        expect(await (await raw("/health", { as: null })).json()).toEqual({
          env: "ci",
          build_label: "build-7",
          status: "running",
          outcome: "Yes",
        });
        const other = createMeshClient({
          baseUrl: target.baseUrl,
          mailboxId: "X26ABC1",
          auth: meshAuth("X26ABC1", "AnotherKey"),
        });
        const sent = await other.sendMessage({ to: "X26ABC2", workflowId: "TEST_WORKFLOW", body: "hello" });
        const { tracking } = await other.trackMessage(sent.messageId);
        const days = (Date.parse(tracking.expiry_time!) - Date.parse(tracking.upload_timestamp!)) / 86_400_000;
        expect(days).toBe(3);
        expect((await failure(a.handshake())).status).toBe(403); // TestKey no longer verifies
      });

      it("2: code defaults: an auth mode other than none/canned still checks the HMAC; Banana; canned store", async () => {
        await target.configure({
          authMode: "no_auth",
          sharedKey: MESH_SANDBOX_CODE_DEFAULT_KEY,
          storeMode: "canned",
        });
        const banana = createMeshClient({
          baseUrl: target.baseUrl,
          mailboxId: "X26ABC1",
          auth: meshAuth("X26ABC1", MESH_SANDBOX_CODE_DEFAULT_KEY),
        });
        expect((await banana.handshake()).mailboxId).toBe("X26ABC1");
        expect((await failure(a.handshake())).diagnostics).toBe("Invalid Authentication Token");
        const none = await raw("/messageexchange/X26ABC1", { method: "POST", as: null });
        expect(none.status).toBe(403);
        expect((await banana.listInbox()).messages).toEqual(["SIMPLE_MESSAGE"]); // canned store: canned data
      });

      it("3: the Docker image's settings are the default: full HMAC checks with TestKey, a writable store", async () => {
        expect((await a.handshake()).mailboxId).toBe("X26ABC1");
        const wrong = clientFor(target.baseUrl, "X26ABC1", { auth: meshAuth("X26ABC1", "not-the-key") });
        expect((await failure(wrong.handshake())).status).toBe(403);
        const sent = await a.sendMessage({ to: "X26ABC2", workflowId: "TEST_WORKFLOW", body: "kept" });
        expect((await b.listInbox()).messages).toContain(sent.messageId);
      });

      it("4: auth modes: none needs no header (the mailbox must exist); canned wants the nonce VALID", async () => {
        await target.configure({ authMode: "none" });
        const open = createMeshClient({ baseUrl: target.baseUrl, mailboxId: "X26ABC1", auth: openAccess() });
        expect((await open.listInbox()).messages).toContain("SIMPLE_MESSAGE");
        const nobody = createMeshClient({ baseUrl: target.baseUrl, mailboxId: "X26ZZZ9", auth: openAccess() });
        expect((await failure(nobody.handshake())).diagnostics).toBe("No mailbox matched");

        await target.configure({ authMode: "canned" });
        const valid = await raw("/messageexchange/X26ABC1/inbox", {
          headers: { Authorization: "NHSMESH X26ABC1:valid:0:202601010000:anything" },
        });
        expect(valid.status).toBe(200);
        const signed = await raw("/messageexchange/X26ABC1/inbox"); // a real HMAC, but the nonce is not VALID
        expect(signed.status).toBe(403);
        expect((await signed.json()).detail[0].msg).toBe("Invalid Authentication Token");
        expect((await failure(a.listInbox())).diagnostics).toBe("Invalid Authentication Token");
      });

      it("5: store modes: canned is read-only, memory starts empty, file (default) keeps messages and the canned ones", async () => {
        await target.configure({ storeMode: "canned" });
        const sent = await a.sendMessage({ to: "X26ABC2", workflowId: "TEST_WORKFLOW", body: "not kept" });
        expect(sent.messageId).toMatch(/^[0-9A-F]{32}$/);
        expect((await b.listInbox()).messages).toEqual(["CHUNKED_MESSAGE_GZ"]);
        expect((await failure(a.trackMessage(sent.messageId))).status).toBe(404);

        await target.configure({ storeMode: "memory" });
        expect((await a.listInbox()).messages).toEqual([]);
        const kept = await a.sendMessage({ to: "X26ABC2", workflowId: "TEST_WORKFLOW", body: "kept" });
        expect((await b.listInbox()).messages).toEqual([kept.messageId]);

        await target.configure({ storeMode: "file" });
        expect((await a.listInbox()).messages).toEqual(["SIMPLE_MESSAGE"]);
      });

      it("6: no 2-hour timestamp window, no replay check, no client certificate", async () => {
        const old = await nhsmesh("X26ABC1", { time: Date.UTC(2020, 0, 1) });
        const first = await raw("/messageexchange/X26ABC1/inbox", { headers: { Authorization: old } });
        const replay = await raw("/messageexchange/X26ABC1/inbox", { headers: { Authorization: old } });
        expect([first.status, replay.status]).toEqual([200, 200]);
        expect(target.baseUrl).toMatch(/^http:/); // plain HTTP, no certificate at all
      });

      it("7: the hash is compared case-insensitively", async () => {
        const header = await nhsmesh("X26ABC1");
        const upper = header.replace(/[0-9a-f]{64}$/, (h) => h.toUpperCase());
        expect(upper).not.toBe(header);
        expect((await raw("/messageexchange/X26ABC1/inbox", { headers: { Authorization: upper } })).status).toBe(200);
      });
    });

    describe("canned data", () => {
      it("8: mailboxes X26ABC1 (TESTMB1, X26, England), X26ABC2 (TESTMB2, X26, Wales), X26ABC3 (TESTMB3, X27, England); password 'password'", async () => {
        for (const client of [a, b, c]) expect((await client.handshake()).requestId).toBeTruthy();
        const details = await Promise.all(
          ["X26ABC1", "X26ABC2", "X26ABC3"].map(async (id) => (await raw(`/admin/mailbox/${id}`, { as: null })).json()),
        );
        expect(details.map((d) => [d.mailbox_id, d.mailbox_name, d.ods_code, d.billing_entity])).toEqual([
          ["X26ABC1", "TESTMB1", "X26", "England"],
          ["X26ABC2", "TESTMB2", "X26", "Wales"],
          ["X26ABC3", "TESTMB3", "X27", "England"],
        ]);
        expect(JSON.stringify(details)).not.toContain("password");
      });

      it("9: workflows TEST_WORKFLOW, TEST_WORKFLOW_ACK and TEST_WORKFLOW2 and their receivers", async () => {
        const ids = async (workflow: string) => (await a.searchWorkflow(workflow)).results.map((r) => r.mailbox_id);
        expect(await ids("TEST_WORKFLOW")).toEqual(["X26ABC2"]);
        expect(await ids("TEST_WORKFLOW_ACK")).toEqual(["X26ABC1", "X26ABC3"]);
        expect(await ids("TEST_WORKFLOW2")).toEqual(["X26ABC1", "X26ABC2", "X26ABC3"]);
        expect((await a.lookupEndpoint("X27", "TEST_WORKFLOW_ACK")).results).toEqual([
          { mailbox_id: "X26ABC3", mailbox_name: "TESTMB3" },
        ]);
      });

      it("10: canned messages SIMPLE_MESSAGE, UNDELIVERED_MESSAGE (not listed) and CHUNKED_MESSAGE_GZ", async () => {
        expect((await a.listInbox()).messages).toEqual(["SIMPLE_MESSAGE"]);
        const simple = await a.downloadMessage("SIMPLE_MESSAGE");
        expect([simple.body.byteLength, simple.metadata.from, simple.metadata.workflowId, simple.chunks]).toEqual([
          662,
          "X26ABC2",
          "TEST_WORKFLOW",
          1,
        ]);
        expect(simple.text()).toBe(CANNED_MESSAGES.simple.text);
        expect((await b.listInbox()).messages).toEqual(["CHUNKED_MESSAGE_GZ"]);
        const chunked = await b.downloadMessage("CHUNKED_MESSAGE_GZ");
        expect([chunked.chunks, chunked.body.byteLength, chunked.metadata.from]).toEqual([2, 439, "X26ABC1"]);
        expect(chunked.metadata.compressed).toBe(true);
        expect(chunked.text()).toBe(CANNED_MESSAGES.chunkedGzip.text);
        expect((await failure(a.downloadMessage("UNDELIVERED_MESSAGE"))).status).toBe(410);
      });

      it("11: mailbox and message ids in the URL are upper-cased", async () => {
        const lower = createMeshClient({ baseUrl: target.baseUrl, mailboxId: "x26abc1", auth: meshAuth("x26abc1") });
        expect((await lower.downloadMessage("simple_message")).metadata.messageId).toBe("SIMPLE_MESSAGE");
        const res = await raw("/messageexchange/x26abc1/inbox/simple_message", { as: "X26ABC1" });
        expect([res.status, res.headers.get("mex-messageid")]).toEqual([200, "SIMPLE_MESSAGE"]);
      });
    });

    describe("auth failures", () => {
      it("12: no Authorization is 403 'Error reading from Authorization header'; another mailbox's token is 'Mailbox id does not match token'", async () => {
        const none = await raw("/messageexchange/X26ABC1/inbox", { as: null, accept: V1 });
        expect(none.status).toBe(403);
        expect((await none.json()).errorDescription).toBe("Error reading from Authorization header");
        const crossed = createMeshClient({ baseUrl: target.baseUrl, mailboxId: "X26ABC1", auth: meshAuth("X26ABC2") });
        const error = await failure(crossed.listInbox());
        expect([error.status, error.diagnostics]).toEqual([403, "Mailbox id does not match token"]);
        expect(error.hint).toMatch(/use one mailbox id/);
      });

      it("13: a token without 5 parts, a non-numeric nonce count, or a space in the mailbox id is 'Error reading from Authorization header'", async () => {
        const good = await nhsmesh("X26ABC1");
        const [scheme, token] = good.split(" ") as [string, string];
        const parts = token.split(":");
        const variants = [
          `${scheme} ${parts.slice(0, 4).join(":")}`,
          `${scheme} ${[parts[0], parts[1], "one", parts[3], parts[4]].join(":")}`,
        ];
        for (const header of variants) {
          const res = await raw("/messageexchange/X26ABC1/inbox", { headers: { Authorization: header } });
          expect(res.status).toBe(403);
          expect((await res.json()).detail[0].msg).toBe("Error reading from Authorization header");
        }
        // A foreign scheme: the whole "MESH X26ABC1" is read as the mailbox id, which holds a space.
        const spaced = await raw("/messageexchange/MESH%20X26ABC1/inbox", {
          headers: { Authorization: `MESH X26ABC1:${parts.slice(1).join(":")}` },
        });
        expect((await spaced.json()).detail[0].msg).toBe("Error reading from Authorization header");
      });

      it("14: a wrong HMAC is 'Invalid Authentication Token'; an unknown mailbox is 'No mailbox matched' (EPL-151)", async () => {
        const wrong = clientFor(target.baseUrl, "X26ABC1", { auth: meshAuth("X26ABC1", "wrong-key") });
        const bad = await failure(wrong.countInbox());
        expect([bad.status, bad.diagnostics]).toEqual([403, "Invalid Authentication Token"]);
        const unknown = clientFor(target.baseUrl, "X26ZZZ9");
        const none = await failure(unknown.handshake());
        expect([none.status, none.code, none.diagnostics]).toEqual([403, "EPL-151", "No mailbox matched"]);
      });

      it("15: a validation error on Authorization is a bare 403; other validation errors are 400 {detail, body}", async () => {
        const twice = await raw("/messageexchange/X26ABC1/inbox", {
          headers: [
            ["Authorization", await nhsmesh("X26ABC1")],
            ["Authorization", await nhsmesh("X26ABC1")],
          ],
        });
        expect(twice.status).toBe(403);
        expect(await twice.text()).toBe("");
        const res = await raw("/messageexchange/X26ABC1", {
          method: "POST",
          headers: { "mex-ClientVersion": "x", "mex-OSName": "Linux" },
        });
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({
          detail: [{ type: "missing", loc: ["header", "mex-osversion"], msg: "Field required", input: null }],
          body: null,
        });
      });
    });

    describe("versions and error bodies", () => {
      it("16: Accept picks the version; absent or application/json is v1; a malformed vnd.mesh value is 400", async () => {
        const v1 = clientFor(target.baseUrl, "X26ABC1", { apiVersion: 1 });
        const page1 = await v1.listInbox();
        expect(page1.links).toBeUndefined();
        expect((await a.listInbox()).links?.self).toBe("/messageexchange/X26ABC1/inbox");
        for (const accept of [null, "application/json"]) {
          expect(Object.keys(await (await raw("/messageexchange/X26ABC1/inbox", { accept })).json())).toEqual([
            "messages",
          ]);
        }
        for (const accept of ["application/vnd.mesh.vX+json", `${V2}, application/json`]) {
          const res = await raw("/messageexchange/X26ABC1/inbox", { accept });
          expect(res.status).toBe(400);
          expect((await res.json()).errorDescription).toBe("Accept header api format incorrect");
        }
      });

      it("17: v1 errors are {messageID, errorEvent, errorCode, errorDescription}; v2 are {message_id, internal_id, detail} as vnd.mesh.v2+json", async () => {
        const v1 = await raw("/messageexchange/X26ABC1/inbox/NOPE", { accept: V1 });
        expect(await v1.json()).toEqual({
          errorEvent: "RECEIVE",
          errorCode: "20",
          errorDescription: "Message does not exist",
        });
        const v2 = await raw("/messageexchange/X26ABC1/inbox/NOPE");
        expect(v2.headers.get("content-type")).toBe(V2);
        const body = await v2.json();
        expect(body.detail).toEqual([{ event: "RECEIVE", code: "20", msg: "Message does not exist" }]);
        expect(body.internal_id).toMatch(/^[0-9a-f]{32}$/);
        const chunk = await raw("/messageexchange/X26ABC1/outbox/NOPE/2", { method: "POST", body: "x" });
        expect((await chunk.json()).message_id).toBe("NOPE"); // a chunk error names the message
        // The client reads either shape into NhsApiError.
        const error = await failure(a.downloadMessage("NOPE"));
        expect([error.status, error.code, error.diagnostics]).toEqual([404, "20", "Message does not exist"]);
      });

      it("18: an unhandled failure is 500 {internal_id, message}", async () => {
        const sent = await raw("/messageexchange/X26ABC1/outbox", {
          method: "POST",
          headers: { "mex-To": "X26ABC2", "mex-WorkflowID": "TEST_WORKFLOW", "Content-Encoding": "gzip" },
          body: "this is not gzip",
        });
        const { message_id } = await sent.json();
        const res = await raw(`/messageexchange/X26ABC2/inbox/${message_id}`, {
          headers: { "Accept-Encoding": "identity" },
        });
        expect(res.status).toBe(500);
        const body = await res.json();
        expect(body.message).toBe("An internal error occurred.\n\nPlease contact support.");
        expect(typeof body.internal_id).toBe("string");
        await failure(b.downloadMessage(message_id), NhsError); // the client: a typed error, whatever broke
      });
    });

    describe("handshake", () => {
      it("19: GET and POST both work; mex-ClientVersion, mex-OSName and mex-OSVersion are required", async () => {
        expect((await a.handshake()).mailboxId).toBe("X26ABC1");
        const handshakeHeaders = { "mex-ClientVersion": "test==1", "mex-OSName": "Linux", "mex-OSVersion": "6" };
        const get = await raw("/messageexchange/X26ABC1", { headers: handshakeHeaders });
        expect(get.status).toBe(200);
        const res = await raw("/messageexchange/X26ABC1", { method: "POST", headers: { "mex-OSName": "Linux" } });
        expect(res.status).toBe(400);
        expect((await res.json()).detail.map((d: { loc: string[] }) => d.loc[1])).toEqual([
          "mex-clientversion",
          "mex-osversion",
        ]);
        const sentBefore = target.seen.length;
        await a.handshake();
        expect(sentBefore).toBeLessThan(target.seen.length); // the client always sends all three
      });

      it("20: v1 answers {mailboxId}; v2 answers 200 with an empty body", async () => {
        const v1 = clientFor(target.baseUrl, "X26ABC1", { apiVersion: 1 });
        expect((await v1.handshake()).mailboxId).toBe("X26ABC1");
        const headers = { "mex-ClientVersion": "t", "mex-OSName": "Linux", "mex-OSVersion": "6" };
        const v1raw = await raw("/messageexchange/X26ABC1", { method: "POST", accept: V1, headers });
        expect(await v1raw.json()).toEqual({ mailboxId: "X26ABC1" });
        const v2raw = await raw("/messageexchange/X26ABC1", { method: "POST", headers });
        expect([v2raw.status, await v2raw.text()]).toEqual([200, ""]);
      });
    });

    describe("send and chunks", () => {
      const sendHeaders = { "mex-To": "X26ABC2", "mex-WorkflowID": "TEST_WORKFLOW" };

      it("21: no mex-To is 400 (08 TO_DTS missing); an unknown recipient is 417 (12 Unregistered to address)", async () => {
        const before = target.seen.length;
        // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
        await expect(a.sendMessage({ workflowId: "TEST_WORKFLOW", body: "x" } as any)).rejects.toThrow(
          NhsValidationError,
        );
        expect(target.seen.length).toBe(before);
        const res = await raw("/messageexchange/X26ABC1/outbox", {
          method: "POST",
          accept: V1,
          headers: { "mex-WorkflowID": "TEST_WORKFLOW" },
          body: "x",
        });
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({ errorEvent: "SEND", errorCode: "08", errorDescription: "TO_DTS missing" });
        const error = await failure(a.sendMessage({ to: "X99ZZZ1", workflowId: "TEST_WORKFLOW", body: "x" }));
        expect([error.status, error.code, error.diagnostics]).toEqual([417, "12", "Unregistered to address"]);
        expect(error.hint).toMatch(/lookupEndpoint/);
      });

      it("22: a Content-Encoding other than gzip is 422 'Unsupported content encoding'", async () => {
        const res = await raw("/messageexchange/X26ABC1/outbox", {
          method: "POST",
          headers: { ...sendHeaders, "Content-Encoding": "br" },
          body: "x",
        });
        expect(res.status).toBe(422);
        expect((await res.json()).detail[0]).toEqual({
          event: "SEND",
          code: "UnsupportedContentEncoding",
          msg: "Unsupported content encoding",
        });
        const zipped = await a.sendMessage({
          ...{ to: "X26ABC2", workflowId: "TEST_WORKFLOW" },
          body: "x",
          compress: true,
        });
        expect(zipped.messageId).toBeTruthy(); // the client only ever sends gzip
      });

      it("23: a bad mex-Chunk-Range on the first request is 417 InvalidHeaderChunks", async () => {
        for (const range of ["2:3", "a:b", "1", "0:2", "3:2", "1:2:3"]) {
          const res = await raw("/messageexchange/X26ABC1/outbox", {
            method: "POST",
            headers: { ...sendHeaders, "mex-Chunk-Range": range },
            body: "x",
          });
          expect(res.status, range).toBe(417);
          expect((await res.json()).detail[0].code).toBe("InvalidHeaderChunks");
        }
      });

      it("24: an empty body is 417 MissingDataFile (02, COLLECT)", async () => {
        const before = target.seen.length;
        await expect(a.sendMessage({ to: "X26ABC2", workflowId: "TEST_WORKFLOW", body: "" })).rejects.toThrow(
          /input.body: must not be empty/,
        );
        expect(target.seen.length).toBe(before);
        const res = await raw("/messageexchange/X26ABC1/outbox", { method: "POST", accept: V1, headers: sendHeaders });
        expect(res.status).toBe(417);
        expect(await res.json()).toEqual({
          errorEvent: "COLLECT",
          errorCode: "02",
          errorDescription: "Data file is missing or inaccessible.",
        });
      });

      it("25: success is 202 with the id: v1 messageID, v2 message_id, 32 upper-case hex characters", async () => {
        const v2 = await a.sendMessage({ to: "X26ABC2", workflowId: "TEST_WORKFLOW", body: "x" });
        const v1 = await clientFor(target.baseUrl, "X26ABC1", { apiVersion: 1 }).sendMessage({
          to: "X26ABC2",
          workflowId: "TEST_WORKFLOW",
          body: "x",
        });
        for (const id of [v2.messageId, v1.messageId]) expect(id).toMatch(/^[0-9A-F]{32}$/);
        const res = await raw("/messageexchange/X26ABC1/outbox", {
          method: "POST",
          accept: V1,
          headers: sendHeaders,
          body: "y",
        });
        expect(res.status).toBe(202);
        expect(Object.keys(await res.json())).toEqual(["messageID"]);
      });

      it("26: chunk uploads: range must match (417), unknown (404), not the sender (403), not uploading (423), past the total (406), encoding changed (417)", async () => {
        const start = await raw("/messageexchange/X26ABC1/outbox", {
          method: "POST",
          headers: { ...sendHeaders, "mex-Chunk-Range": "1:3", "Content-Encoding": "gzip" },
          body: (await gzip(utf8("one "))) as BodyInit,
        });
        const { message_id: id } = await start.json();
        const chunk = (n: number, range: string, o: RawInit = {}) =>
          raw(`/messageexchange/${o.as ?? "X26ABC1"}/outbox/${id}/${n}`, {
            method: "POST",
            accept: o.accept ?? V1,
            headers: { "mex-Chunk-Range": range, "Content-Encoding": "gzip", ...(o.headers as object) },
            body: "two ",
          });
        expect((await chunk(2, "3:3")).status).toBe(417);
        expect(
          (
            await raw("/messageexchange/X26ABC1/outbox/UNKNOWN1/2", {
              method: "POST",
              headers: { "mex-Chunk-Range": "2:3" },
              body: "x",
            })
          ).status,
        ).toBe(404);
        expect((await chunk(2, "2:3", { as: "X26ABC2" })).status).toBe(403);
        expect((await chunk(4, "4:4")).status).toBe(406);
        const changed = await chunk(2, "2:3", { headers: { "Content-Encoding": "" } });
        expect(changed.status).toBe(417);
        expect((await changed.json()).errorDescription).toBe("cannot change content encoding");
        const ok = await chunk(2, "2:3");
        expect([ok.status, await ok.json()]).toEqual([202, { messageID: id, blockID: 2 }]);
        const last = await b.sendChunk(id, 3, 3, "three", { compress: true }).catch((e) => e);
        expect((last as NhsApiError).status).toBe(403); // b is not the sender
        expect((await a.sendChunk(id, 3, 3, "three", { compress: true })).chunk).toBe(3);
        const late = await chunk(3, "3:3");
        expect(late.status).toBe(423);
        expect((await late.json()).message).toMatch(/An internal error occurred/);
      });

      it("27: a chunked message becomes downloadable only when its last chunk arrives", async () => {
        const start = await raw("/messageexchange/X26ABC1/outbox", {
          method: "POST",
          headers: { ...sendHeaders, "mex-Chunk-Range": "1:2" },
          body: "first half, ",
        });
        const { message_id: id } = await start.json();
        expect((await b.listInbox()).messages).not.toContain(id);
        expect((await failure(b.downloadMessage(id))).status).toBe(410);
        await a.sendChunk(id, 2, 2, "second half");
        expect((await b.listInbox()).messages).toContain(id);
        expect((await b.downloadMessage(id)).text()).toBe("first half, second half");
      });
    });

    describe("inbox, download and acknowledge", () => {
      const fill = (n: number, workflow = (i: number) => `FLOW_${i}`) =>
        Array.from({ length: n }, (_, i) =>
          target.mock.deliver({ from: "X26ABC1", to: "X26ABC3", workflowId: workflow(i), chunks: [utf8(`m${i}`)] }),
        );

      it("28: only accepted messages are listed; max_results 10 to 5000 (500 by default); v2 adds approx_inbox_count and next links", async () => {
        const ids = fill(25);
        const first = await c.listInbox({ maxResults: 10 });
        expect(first.messages).toEqual(ids.slice(0, 10));
        expect(first.approx_inbox_count).toBe(25);
        expect(first.links?.next).toMatch(/^\/messageexchange\/X26ABC3\/inbox\?max_results=10&continue_from=/);
        const second = await c.listInbox({ maxResults: 10, continueFrom: first.continueFrom! });
        const third = await c.listInbox({ maxResults: 10, continueFrom: second.continueFrom! });
        expect([...second.messages, ...third.messages]).toEqual(ids.slice(10));
        expect(third.continueFrom).toBeUndefined();
        expect((await c.listInbox()).messages).toHaveLength(25);
        const v1 = clientFor(target.baseUrl, "X26ABC3", { apiVersion: 1 });
        const page = await v1.listInbox({ maxResults: 10 });
        expect(page.messages).toEqual(ids.slice(0, 10));
        expect(page.continueFrom).toBe(ids[9]); // v1 continues after a message id
        const before = target.seen.length;
        await expect(c.listInbox({ maxResults: 9 })).rejects.toThrow(
          /maxResults: must be a whole number from 10 to 5000/,
        );
        expect(target.seen.length).toBe(before);
        const res = await raw("/messageexchange/X26ABC3/inbox?max_results=9");
        expect(res.status).toBe(400);
        expect((await res.json()).detail[0].loc).toEqual(["query", "max_results"]);
      });

      it("29: workflow_filter: X, !X, X*, !X*, *X*, !*X*", async () => {
        const flows = ["ALPHA", "ALPHA_ACK", "BETA_ACK", "GAMMA"];
        const ids = fill(4, (i) => flows[i]!);
        const pick = async (workflowFilter: string) =>
          (await c.listInbox({ workflowFilter })).messages.map((id) => flows[ids.indexOf(id)]);
        expect(await pick("ALPHA")).toEqual(["ALPHA"]);
        expect(await pick("!ALPHA")).toEqual(["ALPHA_ACK", "BETA_ACK", "GAMMA"]);
        expect(await pick("ALPHA*")).toEqual(["ALPHA", "ALPHA_ACK"]);
        expect(await pick("!ALPHA*")).toEqual(["BETA_ACK", "GAMMA"]);
        expect(await pick("*_ACK*")).toEqual(["ALPHA_ACK", "BETA_ACK"]);
        expect(await pick("!*_ACK*")).toEqual(["ALPHA", "GAMMA"]);
      });

      it("30: unknown is 404 (20), not the recipient is 403, not accepted is 410 (Message already accepted)", async () => {
        const unknown = await failure(a.downloadMessage("NO_SUCH_MESSAGE"));
        expect([unknown.status, unknown.code, unknown.diagnostics]).toEqual([404, "20", "Message does not exist"]);
        expect((await failure(a.downloadMessage("CHUNKED_MESSAGE_GZ"))).status).toBe(403);
        const gone = await failure(a.downloadMessage("UNDELIVERED_MESSAGE"));
        expect([gone.status, gone.code, gone.diagnostics]).toEqual([
          410,
          "Message already accepted",
          "Message no longer available for download",
        ]);
      });

      it("31: one chunk is 200; chunk n of N is 206 until the last (200); a chunk out of range is 404", async () => {
        expect((await a.downloadChunk("SIMPLE_MESSAGE", 1)).partial).toBe(false);
        const one = await b.downloadChunk("CHUNKED_MESSAGE_GZ", 1);
        const two = await b.downloadChunk("CHUNKED_MESSAGE_GZ", 2);
        expect([one.partial, two.partial]).toEqual([true, false]);
        expect([one.metadata.chunk, two.metadata.chunk]).toEqual([
          { number: 1, of: 2 },
          { number: 2, of: 2 },
        ]);
        expect(text(one.body) + text(two.body)).toBe(CANNED_MESSAGES.chunkedGzip.text);
        expect((await failure(b.downloadChunk("CHUNKED_MESSAGE_GZ", 3))).status).toBe(404);
      });

      it("32: gzip content is unzipped unless Accept-Encoding has gzip; v2 clients asking for gzip get even plain content gzipped", async () => {
        const plain = await raw("/messageexchange/X26ABC2/inbox/CHUNKED_MESSAGE_GZ", {
          headers: { "Accept-Encoding": "identity" },
        });
        expect(plain.headers.get("content-encoding")).toBeNull();
        expect(await plain.text()).toBe(CANNED_MESSAGES.chunkedGzip.text.slice(0, CANNED_MESSAGES.chunkedGzip.split));
        const zipped = await raw("/messageexchange/X26ABC2/inbox/CHUNKED_MESSAGE_GZ", {
          headers: { "Accept-Encoding": "gzip" },
        });
        expect([zipped.headers.get("content-encoding"), zipped.headers.get("mex-content-compressed")]).toEqual([
          "gzip",
          "Y",
        ]);
        const v2 = await raw("/messageexchange/X26ABC1/inbox/SIMPLE_MESSAGE", {
          headers: { "Accept-Encoding": "gzip" },
        });
        expect([v2.headers.get("content-encoding"), v2.headers.get("mex-content-compressed")]).toEqual(["gzip", "Y"]);
        expect(await v2.text()).toBe(CANNED_MESSAGES.simple.text); // fetch undoes the wire compression
        const v1 = await raw("/messageexchange/X26ABC1/inbox/SIMPLE_MESSAGE", {
          accept: V1,
          headers: { "Accept-Encoding": "gzip" },
        });
        expect(v1.headers.get("content-encoding")).toBeNull();
      });

      it("33: DATA downloads carry status 00 TRANSFER SUCCESS, mex-Version 1.0, mex-AddressType ALL, mex-FileName, Last-Modified; empty headers are left out", async () => {
        const { metadata } = await a.getMessageMetadata("SIMPLE_MESSAGE");
        expect(metadata.status).toMatchObject({
          code: "00",
          event: "TRANSFER",
          description: "Transferred to recipient mailbox",
          success: "SUCCESS",
        });
        expect([metadata.version, metadata.addressType, metadata.fileName]).toEqual([
          "1.0",
          "ALL",
          "SIMPLE_MESSAGE.dat",
        ]);
        expect(metadata.lastModified).toMatch(/GMT$/);
        expect(metadata.headers).not.toHaveProperty("mex-localid");
        expect(metadata.headers).not.toHaveProperty("mex-subject");
        const sent = await a.sendMessage({
          to: "X26ABC2",
          workflowId: "TEST_WORKFLOW",
          body: "x",
          fileName: "report.csv",
          localId: "batch-7",
          subject: "Monthly",
        });
        const got = (await b.downloadMessage(sent.messageId)).metadata;
        expect([got.fileName, got.localId, got.subject]).toEqual(["report.csv", "batch-7", "Monthly"]);
      });

      it("34: REPORT messages have an empty body, mex-StatusSuccess ERROR, mex-LinkedMsgID and the error code and event", async () => {
        const injected = await raw("/messageexchange/admin/report", {
          method: "POST",
          as: null,
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            mailbox_id: "X26ABC1",
            code: "14",
            description: "Message not collected by recipient after 5 days",
            workflow_id: "TEST_WORKFLOW",
            linked_message_id: "LINKED123",
          }),
        });
        const { message_id } = await injected.json();
        const report = await a.downloadMessage(message_id);
        expect(report.body.byteLength).toBe(0);
        expect(report.metadata.messageType).toBe("REPORT");
        expect(report.metadata.status).toMatchObject({ success: "ERROR", code: "14", event: "TRANSFER" });
        expect(report.metadata.linkedMessageId).toBe("LINKED123");
        expect(report.metadata.from).toBeUndefined();
      });

      it("35: acknowledge is 200 (v1 {messageId}, v2 empty), harmless twice, 403 for anyone but the recipient", async () => {
        expect((await a.acknowledgeMessage("SIMPLE_MESSAGE")).messageId).toBe("SIMPLE_MESSAGE");
        expect((await a.acknowledgeMessage("SIMPLE_MESSAGE")).messageId).toBe("SIMPLE_MESSAGE");
        expect((await a.listInbox()).messages).toEqual([]);
        const v1 = await raw("/messageexchange/X26ABC1/inbox/SIMPLE_MESSAGE/status/acknowledged", {
          method: "PUT",
          accept: V1,
        });
        expect(await v1.json()).toEqual({ messageId: "SIMPLE_MESSAGE" });
        const v2 = await raw("/messageexchange/X26ABC1/inbox/SIMPLE_MESSAGE/status/acknowledged", { method: "PUT" });
        expect([v2.status, await v2.text()]).toEqual([200, ""]);
        expect((await failure(a.acknowledgeMessage("CHUNKED_MESSAGE_GZ"))).status).toBe(403);
      });
    });

    describe("tracking, lookup, count", () => {
      it("36: tracking by message id works for the sender only (others get 404); v1 camelCase with yyyyMMddHHmmss, v2 snake_case with ISO times", async () => {
        const sent = await a.sendMessage({ to: "X26ABC2", workflowId: "TEST_WORKFLOW", body: "x", localId: "ref-1" });
        const { tracking, body } = await a.trackMessage(sent.messageId);
        expect(body).toBe(tracking);
        expect(tracking).toMatchObject({
          message_id: sent.messageId,
          local_id: "ref-1",
          recipient: "X26ABC2",
          status: "accepted",
          status_success: true,
        });
        expect(tracking.upload_timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T/);
        const v1 = await clientFor(target.baseUrl, "X26ABC1", { apiVersion: 1 }).trackMessage(sent.messageId);
        expect(v1.body).toMatchObject({
          dtsId: sent.messageId,
          messageId: sent.messageId,
          statusSuccess: "SUCCESS",
          status: "Accepted",
        });
        expect((v1.body as { expiryTime: string }).expiryTime).toMatch(/^\d{14}$/);
        expect(v1.tracking).toMatchObject({
          message_id: sent.messageId,
          local_id: "ref-1",
          status: "accepted",
          status_success: true,
        });
        expect(v1.tracking.upload_timestamp).toBe(
          new Date(Date.parse(tracking.upload_timestamp!)).toISOString().replace(/\.\d{3}Z$/, ".000Z"),
        );
        expect((await failure(b.trackMessage(sent.messageId))).status).toBe(404);
        expect((await failure(a.trackMessage("UNKNOWN1"))).status).toBe(404);
      });

      it("37: tracking by local id (deprecated): 404 for none, 300 when several messages share it", async () => {
        const send = (localId: string) =>
          a.sendMessage({ to: "X26ABC2", workflowId: "TEST_WORKFLOW", body: "x", localId });
        const solo = await send("solo");
        await send("twin");
        await send("twin");
        const found = await a.trackByLocalId("solo");
        expect(found.kind === "found" && found.tracking.message_id).toBe(solo.messageId);
        expect((await a.trackByLocalId("twin")).kind).toBe("ambiguous");
        expect((await failure(a.trackByLocalId("nobody"))).status).toBe(404);
      });

      it("38: endpoint lookup: v1 {query_id, results: [{address, description, endpoint_type}]}, v2 {results: [{mailbox_id, mailbox_name}]}; workflow search is always v2", async () => {
        const v1 = await clientFor(target.baseUrl, "X26ABC1", { apiVersion: 1 }).lookupEndpoint("X26", "TEST_WORKFLOW");
        expect(v1.body).toMatchObject({
          results: [{ address: "X26ABC2", description: "TESTMB2", endpoint_type: "MESH" }],
        });
        expect(typeof (v1.body as { query_id: string }).query_id).toBe("string");
        expect(v1.results).toEqual([{ mailbox_id: "X26ABC2", mailbox_name: "TESTMB2" }]);
        expect((await a.lookupEndpoint("X26", "TEST_WORKFLOW")).body).toEqual({
          results: [{ mailbox_id: "X26ABC2", mailbox_name: "TESTMB2" }],
        });
        expect((await a.lookupEndpoint("X99", "TEST_WORKFLOW")).results).toEqual([]);
        const search = await raw("/messageexchange/workflowsearch/TEST_WORKFLOW", { as: null, accept: V1 });
        expect(await search.json()).toEqual({ results: [{ mailbox_id: "X26ABC2", mailbox_name: "TESTMB2" }] });
      });

      it("39: count (deprecated): v1 {count, internalID, allResultsIncluded}, v2 {count}", async () => {
        expect((await a.countInbox()).count).toBe(1);
        const v1 = await raw("/messageexchange/X26ABC1/count", { accept: V1 });
        expect(await v1.json()).toMatchObject({ count: 1, allResultsIncluded: true, internalID: expect.any(String) });
        expect(await (await raw("/messageexchange/X26ABC1/count")).json()).toEqual({ count: 1 });
      });
    });

    describe("test-only extras", () => {
      it("40: health endpoints and the admin endpoints (reset, report, event, mailbox, message)", async () => {
        for (const path of ["/health", "/_status", "/_ping", "/healthcheck", "/messageexchange/_ping"]) {
          const res = await raw(path, { as: null });
          expect(await res.json()).toMatchObject({ status: "running", outcome: "Yes" });
        }
        const event = await raw("/admin/message/SIMPLE_MESSAGE/event", {
          method: "POST",
          as: null,
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ status: "error", code: "14", event: "SEND", description: "expired" }),
        });
        expect((await event.json()).status).toBe("error");
        expect((await a.listInbox()).messages).toEqual([]);
        expect((await (await raw("/admin/message/SIMPLE_MESSAGE", { as: null })).json()).events).toHaveLength(2);
        const one = await raw("/admin/reset/X26ABC2", { method: "DELETE", as: null });
        expect(await one.json()).toEqual({ message: "mailbox X26ABC2 reset" });
        expect((await b.listInbox()).messages).toEqual([]);
        const all = await raw("/admin/reset", { method: "DELETE", as: null });
        expect(await all.json()).toEqual({ message: "all mailboxes reset" });
        expect((await raw("/admin/message/SIMPLE_MESSAGE", { as: null })).status).toBe(404);
        await target.configure({ storeMode: "canned" });
        expect((await raw("/admin/reset", { method: "DELETE", as: null })).status).toBe(405);
      });
    });
  });
}

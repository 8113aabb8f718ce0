import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { examplesMissingFromReadme } from "@nhskit/readme-examples";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { downloadToFile } from "../examples/download-stream.js";
import { handleErrors } from "../examples/errors.js";
import { handshake } from "../examples/handshake.js";
import { readInbox } from "../examples/inbox.js";
import { findMailboxes } from "../examples/lookup.js";
import { integrationClient } from "../examples/mutual-tls.js";
import { rawClient } from "../examples/raw-client.js";
import { receiveAll } from "../examples/receive-all.js";
import { sendLargeFile } from "../examples/send-large-file.js";
import { sendMessage } from "../examples/send-message.js";
import { trackMessage } from "../examples/tracking.js";
import { CANNED_MESSAGES, createMeshMock, type MeshMock } from "../src/mocks/index.js";

// The examples call the local sandbox's address; msw answers in-process with the same mocks, so nothing leaves
// the machine (an unmatched request fails the test).
const server = setupServer();
let mock: MeshMock;
let dir: string;
beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  vi.spyOn(console, "log").mockImplementation(() => {});
  dir = await mkdtemp(join(tmpdir(), "nhskit-mesh-examples-"));
});
beforeEach(async () => {
  mock = createMeshMock();
  await mock.ready;
  server.resetHandlers(...mock.handlers);
});
afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("README examples", () => {
  it("appear in the README exactly as in examples/", () => {
    const { total, missing } = examplesMissingFromReadme(
      new URL("../README.md", import.meta.url),
      new URL("../examples/", import.meta.url),
    );
    expect(total).toBeGreaterThanOrEqual(11);
    expect(missing).toEqual([]);
  });

  it("handshake", async () => {
    expect(await handshake()).toBe("X26ABC1");
  });

  it("send, then track", async () => {
    const sent = await sendMessage();
    expect(mock.inbox("X26ABC2")).toContain(sent.messageId);
    const tracking = await trackMessage(sent.messageId);
    expect([tracking.status, tracking.recipient]).toEqual(["accepted", "X26ABC2"]);
  });

  it("send a large file in gzipped chunks, then stream it to a file", async () => {
    const source = join(dir, "extract.csv");
    const content = "nhs_number,result\n".concat("9000000009,ok\n".repeat(200_000));
    await writeFile(source, content);
    const sent = await sendLargeFile(source);
    expect(sent.chunks).toBe(3);
    const target = join(dir, "received.csv");
    expect(await downloadToFile(sent.messageId, target)).toBe(3);
    expect(await readFile(target, "utf8")).toBe(content);
    expect(mock.inbox("X26ABC2")).not.toContain(sent.messageId);
  });

  it("receive everything, acknowledging after each message is stored", async () => {
    const store = new Map<string, string>();
    const summary = await receiveAll(store);
    expect(summary.acknowledged).toEqual(["CHUNKED_MESSAGE_GZ"]);
    expect(store.get("CHUNKED_MESSAGE_GZ")).toBe(CANNED_MESSAGES.chunkedGzip.text);
  });

  it("read the inbox page by page", async () => {
    expect(await readInbox()).toEqual([CANNED_MESSAGES.simple.text]);
    expect(mock.inbox("X26ABC1")).toEqual([]);
  });

  it("look up mailboxes", async () => {
    const { results, everyone } = await findMailboxes();
    expect(results).toEqual([{ mailbox_id: "X26ABC2", mailbox_name: "TESTMB2" }]);
    expect(everyone).toEqual(["X26ABC1", "X26ABC2", "X26ABC3"]);
  });

  it("errors", async () => {
    const seen = await handleErrors();
    expect(seen[0]).toMatch(/must not be empty/);
    expect(seen[1]).toBe("417 12 Unregistered to address");
  });

  it("raw client", async () => {
    expect(await rawClient()).toEqual(["SIMPLE_MESSAGE"]);
  });

  it("an integration client with a client certificate (built, not called)", () => {
    const fixtures = new URL("../../auth/test/fixtures/mesh-tls/", import.meta.url).pathname;
    const client = integrationClient({
      MESH_MAILBOX_ID: "X26ABC1",
      MESH_PASSWORD: "not-a-real-password",
      MESH_SHARED_KEY: "not-a-real-key",
      MESH_CLIENT_CERT: join(fixtures, "client.crt"),
      MESH_CLIENT_KEY: join(fixtures, "client.key"),
      MESH_CA_BUNDLE: join(fixtures, "ca.crt"),
    });
    expect(client.baseUrl).toBe("https://msg.intspineservices.nhs.uk");
    expect(() => integrationClient({})).toThrow("set MESH_MAILBOX_ID");
  });
});

import { mesh } from "@nhskit/auth";
import { meshTlsDispatcher } from "@nhskit/auth/node";
import { NhsNetworkError } from "@nhskit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMeshClient } from "../src/index.js";
import { meshHandlers } from "../src/mocks/index.js";
import { TEST_PASSWORD, TEST_SHARED_KEY } from "./support/credentials.js";
import { failure } from "./support/facts.js";
import { startMutualTlsServer, TLS } from "./support/https.js";

// MESH needs a client certificate in every environment but the local sandbox. Here the real dispatcher from
// @nhskit/auth/node presents one to an HTTPS server that refuses connections without it.
let server: Awaited<ReturnType<typeof startMutualTlsServer>>;
beforeAll(async () => {
  server = await startMutualTlsServer(meshHandlers({ storeMode: "memory" }));
});
afterAll(() => server.close());

const credentials = (mailboxId: string) => ({ mailboxId, password: TEST_PASSWORD, sharedKey: TEST_SHARED_KEY });
const baseUrl = () => `${server.url}/mesh-mailbox`;

describe("MESH over mutual TLS", () => {
  it("sends and receives a chunked, compressed message with mesh({ tls })", async () => {
    const tls = { cert: TLS.cert, key: TLS.key, ca: TLS.ca };
    const sender = createMeshClient({
      baseUrl: baseUrl(),
      mailboxId: "X26ABC1",
      auth: mesh({ ...credentials("X26ABC1"), tls }),
    });
    const receiver = createMeshClient({
      baseUrl: baseUrl(),
      mailboxId: "X26ABC2",
      auth: mesh({ ...credentials("X26ABC2"), tls }),
    });
    await sender.handshake();
    const body = "over TLS ".repeat(1000);
    const sent = await sender.sendMessage({
      to: "X26ABC2",
      workflowId: "TEST_WORKFLOW",
      body,
      chunkSize: 2500,
      compress: true,
    });
    expect(sent.chunks).toBe(4);
    const received: string[] = [];
    const summary = await receiver.receiveAll((m) => void received.push(m.text()));
    expect(received).toEqual([body]);
    expect(summary.acknowledged).toEqual([sent.messageId]);
    expect(new Set(server.clientNames)).toEqual(new Set(["SERVER001.X26.api.mesh-client.nhs.uk"]));
  });

  it("works with a shared meshTlsDispatcher from @nhskit/auth/node", async () => {
    const dispatcher = meshTlsDispatcher({ cert: TLS.cert, key: TLS.key, ca: TLS.ca });
    try {
      const client = createMeshClient({
        baseUrl: baseUrl(),
        mailboxId: "X26ABC1",
        auth: mesh({ ...credentials("X26ABC1"), dispatcher }),
      });
      expect((await client.countInbox()).count).toBe(0);
    } finally {
      await dispatcher.close();
    }
  });

  it("fails with a typed network error when no client certificate is presented", async () => {
    // Trusts the server, but an empty certificate and key: nothing is presented, and the server hangs up.
    const dispatcher = meshTlsDispatcher({ cert: "", key: "", ca: TLS.ca });
    const served = server.clientNames.length;
    const client = createMeshClient({
      baseUrl: baseUrl(),
      mailboxId: "X26ABC1",
      auth: mesh({ ...credentials("X26ABC1"), dispatcher }),
      retry: false,
    });
    const error = await failure<NhsNetworkError>(client.handshake(), NhsNetworkError);
    expect(error.message).toMatch(/^handshake could not reach https:\/\/127.0.0.1/);
    expect(server.clientNames.length).toBe(served); // no request got through
    await dispatcher.close();
  });
});

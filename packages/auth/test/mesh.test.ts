import { createHmac } from "node:crypto";
import { mesh as meshApi } from "@nhskit/catalogue";
import { type AuthStrategy, createApiClient, NhsApiError, NhsNetworkError, NhsValidationError } from "@nhskit/core";
import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mesh, meshAuthorization, meshTimestamp } from "../src/index.js";
import { meshTlsDispatcher } from "../src/node.js";
import { captureLogger, caught, fileRan } from "./support/capture.js";
import { startMutualTlsServer, TLS } from "./support/https.js";
import { SECRETS } from "./support/keys.js";
import { meshInboxHandler, startSandbox, type TestSandbox } from "./support/sandbox.js";

fileRan("mesh");

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const MAILBOX = "X26ABC1";
const credentials = { mailboxId: MAILBOX, password: SECRETS.meshPassword, sharedKey: SECRETS.meshSharedKey };

/** Authorizes one fake attempt and returns the header it set. */
async function headerFrom(auth: AuthStrategy): Promise<string> {
  const headers = new Headers();
  await auth.authorize({
    method: "GET",
    url: new URL("http://x/"),
    headers,
    attempt: 1,
    signal: new AbortController().signal,
  });
  return headers.get("authorization")!;
}

const inboxClient = (auth: AuthStrategy, baseUrl = `${sandbox.url}/mesh`) =>
  createApiClient({ api: meshApi, baseUrl, auth, logger: captureLogger, random: () => 0 });
const listInbox = (client: ReturnType<typeof inboxClient>) =>
  client.getUrl<{ messages: string[] }>(`messageexchange/${MAILBOX}/inbox`);

describe("the NHSMESH header", () => {
  it("matches a known answer computed independently", async () => {
    const nonce = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    const time = Date.UTC(2024, 0, 2, 3, 4, 59); // 2024-01-02 03:04:59 UTC
    const auth = mesh({ ...credentials, nonce, now: () => time });
    // Independently: HMAC-SHA256 keyed with the shared secret over mailbox:nonce:count:password:timestamp.
    const expected = (count: number) => {
      const hash = createHmac("sha256", SECRETS.meshSharedKey)
        .update(`X26ABC1:${nonce}:${count}:${SECRETS.meshPassword}:202401020304`)
        .digest("hex");
      return `NHSMESH X26ABC1:${nonce}:${count}:202401020304:${hash}`;
    };
    expect(await headerFrom(auth)).toBe(expected(0));
    expect(await headerFrom(auth)).toBe(expected(1)); // the count goes up for every header
    expect(expected(0)).toMatch(/^NHSMESH X26ABC1:[^:]+:0:\d{12}:[0-9a-f]{64}$/);
  });

  it("upper-cases the mailbox id (mesh-sandbox Docker defaults: key TestKey, password password)", async () => {
    const header = await meshAuthorization({
      mailboxId: "x26abc1",
      password: "password",
      sharedKey: "TestKey",
      nonce: "nonce-1",
      nonceCount: 7,
      time: new Date("2025-12-31T23:59:00Z"),
    });
    const hash = createHmac("sha256", "TestKey").update("X26ABC1:nonce-1:7:password:202512312359").digest("hex");
    expect(header).toBe(`NHSMESH X26ABC1:nonce-1:7:202512312359:${hash}`);
  });

  it("writes the timestamp as UTC yyyyMMddHHmm", () => {
    expect(meshTimestamp(Date.UTC(2025, 11, 31, 23, 59, 59, 999))).toBe("202512312359");
    expect(meshTimestamp(new Date("2024-02-29T00:00:00+01:00"))).toBe("202402282300");
  });

  it("is accepted by a MESH-style check through core, and fresh on every attempt", async () => {
    const client = inboxClient(mesh(credentials));
    sandbox.mesh503(1); // the first attempt fails, core retries: the retry must carry a new header
    const seenBefore = sandbox.seen.length;
    const { data } = await listInbox(client);
    expect(data.messages).toEqual(["20240102030405678_ABCDEF"]);
    const headers = sandbox.seen.slice(seenBefore).map((c) => c.headers.authorization!);
    expect(headers).toHaveLength(2);
    expect(headers[0]).not.toBe(headers[1]);
    expect(headers.map((h) => h.split(":")[2])).toEqual(["0", "1"]);
  });

  it("is refused with the wrong shared secret", async () => {
    const client = inboxClient(mesh({ ...credentials, sharedKey: "not-the-shared-secret" }));
    const error = await caught<NhsApiError>(listInbox(client));
    expect(error).toBeInstanceOf(NhsApiError);
    expect(error.status).toBe(403);
    expect(error.diagnostics).toBe("Invalid Authentication Token");
  });

  it("checks its options at construction", async () => {
    const bad = await caught<NhsValidationError>(() => mesh({ ...credentials, mailboxId: "X26 ABC1" }));
    expect(bad).toBeInstanceOf(NhsValidationError);
    expect(bad.message).toMatch(/mailboxId: is required: letters and digits only/);
    const noKey = await caught<NhsValidationError>(() => mesh({ ...credentials, sharedKey: "" }));
    expect(noKey.message).toMatch(/sharedKey: is required/);
  });
});

describe("the MESH client certificate", () => {
  let tlsServer: Awaited<ReturnType<typeof startMutualTlsServer>>;
  beforeAll(async () => {
    tlsServer = await startMutualTlsServer([meshInboxHandler()]);
  });
  afterAll(() => tlsServer.close());

  it("is presented over real TLS by mesh({ tls })", async () => {
    const client = inboxClient(
      mesh({ ...credentials, tls: { cert: TLS.cert, key: TLS.key, ca: TLS.ca } }),
      tlsServer.url,
    );
    const { data } = await listInbox(client);
    expect(data.messages).toHaveLength(1);
    expect(tlsServer.clientNames.at(-1)).toBe("SERVER001.X26.api.mesh-client.nhs.uk");
  });

  it("can come from meshTlsDispatcher in @nhskit/auth/node", async () => {
    const dispatcher = meshTlsDispatcher({ cert: TLS.cert, key: TLS.key, ca: TLS.ca });
    const { data } = await listInbox(inboxClient(mesh({ ...credentials, dispatcher }), tlsServer.url));
    expect(data.messages).toHaveLength(1);
    await dispatcher.close();
  });

  it("is required: without it the server drops the connection", async () => {
    // Trust the test CA for the server's certificate, but present no client certificate.
    const noClientCert = new Agent({ connect: { ca: TLS.ca } });
    const client = createApiClient({
      api: meshApi,
      baseUrl: tlsServer.url,
      auth: { ...mesh(credentials), fetchOptions: { dispatcher: noClientCert } },
      retry: false,
      logger: captureLogger,
    });
    const error = await caught<NhsNetworkError>(listInbox(client));
    expect(error).toBeInstanceOf(NhsNetworkError);
    await noClientCert.close();
  });

  it("refuses an unreadable certificate or key at construction, without quoting it", async () => {
    const error = await caught<NhsValidationError>(() =>
      mesh({
        ...credentials,
        tls: { cert: TLS.cert, key: "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----" },
      }),
    );
    expect(error).toBeInstanceOf(NhsValidationError);
    expect(error.message).toMatch(/tls: could not be loaded/);
    expect(error.message).not.toContain("BEGIN");
  });
});

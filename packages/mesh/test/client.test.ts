import { readFileSync } from "node:fs";
import { apiKey, mesh, openAccess } from "@nhskit/auth";
import { BaseUrlError, NhsApiError, NhsValidationError } from "@nhskit/core";
import { HttpResponse, http } from "msw";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it, vi } from "vitest";
import { createMeshClient, MESH_VERSION, type MeshMessageMetadata, type TrackingV2 } from "../src/index.js";
import { MESH_BASE_PATH } from "../src/mocks/index.js";
import { clientFor, meshAuth, TEST_PASSWORD, TEST_SHARED_KEY } from "./support/credentials.js";
import { failure } from "./support/facts.js";
import { inProcessTarget, type Target } from "./support/targets.js";

let target: Target;
const requests: Request[] = [];
beforeAll(async () => {
  target = await inProcessTarget({
    before: [
      http.all(`*${MESH_BASE_PATH}/*`, ({ request }) => {
        requests.push(request.clone());
        return undefined; // fall through to the mocks
      }),
    ],
  });
});
afterEach(() => {
  requests.length = 0;
});
afterAll(() => target.close());

describe("createMeshClient", () => {
  it("sends Accept v2, a User-Agent naming the package, and a fresh NHSMESH header per request", async () => {
    const client = clientFor(target.baseUrl);
    await client.listInbox();
    await client.countInbox();
    const [first, second] = requests;
    expect(first!.headers.get("accept")).toBe("application/vnd.mesh.v2+json");
    expect(first!.headers.get("user-agent")).toContain(`nhskit-mesh/${MESH_VERSION}`);
    const auth = [first!, second!].map((r) => r.headers.get("authorization")!);
    expect(auth[0]).toMatch(/^NHSMESH X26ABC1:[0-9a-f-]{36}:0:\d{12}:[0-9a-f]{64}$/);
    expect(auth[1]).toMatch(/^NHSMESH X26ABC1:[0-9a-f-]{36}:1:/);
  });

  it("asks for v1 with apiVersion: 1, and reads v1 answers into v2 field names", async () => {
    const v1 = clientFor(target.baseUrl, "X26ABC1", { apiVersion: 1 });
    const sent = await v1.sendMessage({ to: "X26ABC2", workflowId: "TEST_WORKFLOW", body: "hi" });
    expect(requests[0]!.headers.get("accept")).toBe("application/vnd.mesh.v1+json");
    const { tracking } = await v1.trackMessage(sent.messageId);
    expectTypeOf(tracking).toEqualTypeOf<TrackingV2>();
    expect(tracking.message_id).toBe(sent.messageId);
  });

  it("describes this process in the handshake, and lets clientInfo override it", async () => {
    await clientFor(target.baseUrl).handshake();
    const h = requests[0]!.headers;
    expect(h.get("mex-clientversion")).toBe(`nhskit-mesh/${MESH_VERSION}`);
    expect(h.get("mex-osname")).toBeTruthy();
    expect(h.get("mex-osversion")).toBeTruthy();
    expect(h.get("mex-osarchitecture")).toBe(process.arch);
    await clientFor(target.baseUrl, "X26ABC1", {
      clientInfo: { clientVersion: "my-app/2.1", osName: "Linux" },
    }).handshake();
    expect(requests[1]!.headers.get("mex-clientversion")).toBe("my-app/2.1");
    expect(requests[1]!.headers.get("mex-osname")).toBe("Linux");
  });

  it("signs every retry again: a 503 then a 200 carry two different NHSMESH headers", async () => {
    let failures = 1;
    await target.configure({
      before: [
        http.all(`*${MESH_BASE_PATH}/*`, ({ request }) => {
          requests.push(request.clone());
          return undefined;
        }),
        http.get(`*${MESH_BASE_PATH}/messageexchange/:mailbox/count`, () =>
          failures-- > 0 ? new HttpResponse(null, { status: 503, headers: { "Retry-After": "0" } }) : undefined,
        ),
      ],
    });
    const client = createMeshClient({ baseUrl: target.baseUrl, mailboxId: "X26ABC1", auth: meshAuth("X26ABC1") });
    expect((await client.countInbox()).count).toBe(1);
    const headers = requests.map((r) => r.headers.get("authorization"));
    expect(headers).toHaveLength(2);
    expect(headers[0]).not.toBe(headers[1]);
    expect(new Set(requests.map((r) => r.headers.get("x-request-id"))).size).toBe(1); // one call, one request id
  });

  it("refuses bad options at construction, naming each", () => {
    const auth = meshAuth("X26ABC1");
    const base = { baseUrl: target.baseUrl, mailboxId: "X26ABC1", auth };
    expect(() => createMeshClient({ ...base, mailboxId: "X26 ABC1" })).toThrow(
      /mailboxId: "X26 ABC1" must be a mailbox id/,
    );
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    expect(() => createMeshClient({ ...base, auth: undefined as any })).toThrow(/auth: is required: mesh\(/);
    expect(() => createMeshClient({ ...base, auth: apiKey({ key: "k" }) })).toThrow(
      /"api-key" strategy; MESH needs mesh/,
    );
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    expect(() => createMeshClient({ ...base, apiVersion: 3 as any })).toThrow(/apiVersion: must be 1 or 2/);
    expect(() => createMeshClient({ ...base, chunkSize: 0 })).toThrow(/chunkSize: must be a whole number of bytes/);
    expect(() => createMeshClient({ ...base, chunkSize: 200_000_000 })).toThrow(/at most 100 MB per request/);
    expect(() => createMeshClient({ ...base, clientInfo: { osName: "Linux\r\nX-Evil: 1" } })).toThrow(
      /clientInfo.osName: must be plain Latin-1 text without line breaks/,
    );
    // biome-ignore lint/suspicious/noExplicitAny: MESH has no hosted sandbox
    expect(() => createMeshClient({ environment: "sandbox" as any, mailboxId: "X26ABC1", auth })).toThrow(BaseUrlError);
    expect(() => createMeshClient({ environment: "int", mailboxId: "X26ABC1", auth })).not.toThrow();
    expect(createMeshClient({ environment: "local", mailboxId: "x26abc1", auth: openAccess() }).mailboxId).toBe(
      "X26ABC1",
    );
    expect(createMeshClient({ environment: "prod", mailboxId: "X26ABC1", auth }).baseUrl).toBe(
      "https://mesh-sync.spineservices.nhs.uk",
    );
    expect(requests).toHaveLength(0);
  });

  it("says clearly that it is Node-only when loaded in a browser", () => {
    vi.stubGlobal("window", {});
    try {
      expect(() => createMeshClient({ environment: "local", mailboxId: "X26ABC1", auth: openAccess() })).toThrow(
        /createMeshClient: @nhskit\/mesh runs on Node.js \(20.19 or later\) only/,
      );
      // @nhskit/auth's mesh() refuses too, before any secret is held.
      expect(() => mesh({ mailboxId: "X26ABC1", password: TEST_PASSWORD, sharedKey: TEST_SHARED_KEY })).toThrow(
        /Node-only/,
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("keeps its version in step with package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(MESH_VERSION).toBe(pkg.version);
  });
});

describe("errors", () => {
  it("reads MESH's v2 error body into NhsApiError's code, diagnostics and a MESH hint", async () => {
    await target.configure();
    const client = clientFor(target.baseUrl);
    const error = await failure(client.sendMessage({ to: "X99NOPE", workflowId: "TEST_WORKFLOW", body: "x" }));
    expect(error).toBeInstanceOf(NhsApiError);
    expect(error.message).toMatch(
      /^sendMessage failed with 417 \(12\): Unregistered to address\. The recipient mailbox/,
    );
    expect(error.body).toMatchObject({ detail: [{ event: "SEND", code: "12" }] });
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("never puts the password or the shared secret in an error or its JSON", async () => {
    const secretPassword = "correct-horse-battery-staple";
    const secretKey = "super-secret-shared-key";
    const client = createMeshClient({
      baseUrl: target.baseUrl,
      mailboxId: "X26ABC1",
      auth: mesh({ mailboxId: "X26ABC1", password: secretPassword, sharedKey: secretKey }),
    });
    const error = await failure(client.listInbox());
    const all = [error.message, JSON.stringify(error), String(error.stack), JSON.stringify(error.body)].join("\n");
    for (const secret of [secretPassword, secretKey]) expect(all).not.toContain(secret);
  });

  it("types the metadata and the v2 bodies", () => {
    expectTypeOf<MeshMessageMetadata["totalChunks"]>().toEqualTypeOf<number>();
    expectTypeOf<TrackingV2["message_id"]>().toEqualTypeOf<string>();
    expectTypeOf<TrackingV2>().not.toBeNever();
    expectTypeOf(NhsValidationError).toBeConstructibleWith("op", []);
  });
});

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createMockServer } from "@nhskit/mock-kit/server";
import { examplesMissingFromReadme } from "@nhskit/readme-examples";
import { SignJWT } from "jose";
import { HttpResponse, http } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConditionPage } from "../examples/api-key.js";
import { readService } from "../examples/basic-auth.js";
import { listInbox } from "../examples/mesh.js";
import { lookUpOrganisation } from "../examples/open-access.js";
import { readPatient } from "../examples/signed-jwt.js";
import { startTestPlatform } from "../examples/test-platform.js";
import { readOwnRecord } from "../examples/user-token.js";
import { pdsForSignedInUser } from "../examples/user-token-browser.js";
import { signedJwt } from "../src/index.js";
import { demoApp } from "../src/mocks/index.js";
import { captured, caught, fileRan, recordError } from "./support/capture.js";
import { startMutualTlsServer, TLS_FILES } from "./support/https.js";
import { SECRETS, testKeys } from "./support/keys.js";
import { meshInboxHandler, PDS_BASE, startSandbox, type TestSandbox } from "./support/sandbox.js";

fileRan("examples");

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

/** Runs an example, recording any error it throws for the secrets scan. */
async function run<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    recordError(error);
    throw error;
  }
}

describe("the README examples run as written", () => {
  it("open access", async () => {
    expect(await run(lookUpOrganisation("RR8", `${sandbox.url}/ods-ord/ORD/2-0-0`))).toMatchObject({
      Organisation: { OrgId: { extension: "RR8" } },
    });
  });

  it("HTTP Basic", async () => {
    const account = { username: SECRETS.basicUser, password: SECRETS.basicPassword };
    expect(await run(readService(133425, account, `${sandbox.url}/dos`))).toMatchObject({
      success: { serviceCount: 1 },
    });
  });

  it("API key", async () => {
    expect(
      await run(readConditionPage("acne", SECRETS.plainApiKey, `${sandbox.url}/nhs-website-content`)),
    ).toMatchObject({
      name: "acne",
    });
  });

  it("signed JWT, with the TEST-ONLY demo app", async () => {
    const before = sandbox.endpoint.tokenRequests().length;
    expect(await run(readPatient("9000000009", demoApp, sandbox.url))).toMatchObject({ resourceType: "Patient" });
    expect(sandbox.endpoint.tokenRequests().slice(before)).toMatchObject([{ status: 200, apiKey: demoApp.apiKey }]);
  });

  it("user token via token exchange, refreshing after a 401", async () => {
    const idToken = await new SignJWT({
      iss: "https://auth.sandpit.signin.nhs.uk",
      aud: "client",
      nhs_number: "9912003071",
    })
      .setProtectedHeader({ alg: "RS512", kid: "idp", typ: "JWT" })
      .setExpirationTime("10m")
      .sign(testKeys().other.privateKey);
    sandbox.reject401(1); // the first API call is refused, as for a token revoked upstream
    const before = sandbox.endpoint.tokenRequests().length;
    expect(await run(readOwnRecord(idToken, "9912003071", demoApp, sandbox.url))).toMatchObject({ id: "9912003071" });
    const grants = sandbox.endpoint
      .tokenRequests()
      .slice(before)
      .map((r) => r.grantType);
    expect(grants).toEqual(["urn:ietf:params:oauth:grant-type:token-exchange", "refresh_token"]);
  });

  it("user token in a browser, from your backend", async () => {
    const token = await signedJwt({
      ...demoApp,
      privateKey: demoApp.privateKeyPem,
      tokenUrl: sandbox.tokenUrl,
    }).getAccessToken();
    const backend = await createMockServer({ handlers: [http.get("*/session/token", () => HttpResponse.text(token))] });
    try {
      const pds = pdsForSignedInUser(`${backend.url}/session/token`, `${sandbox.url}${PDS_BASE}`);
      const { data } = await run(pds.getUrl<{ id: string }>("Patient/9000000009"));
      expect(data.id).toBe("9000000009");
      const refused = await caught(
        pdsForSignedInUser(`${backend.url}/nope`, `${sandbox.url}${PDS_BASE}`).getUrl("Patient/1"),
      );
      expect(refused.message).toBe("Not signed in");
    } finally {
      await backend.close();
    }
  });

  it("MESH, plain against the local sandbox and with a client certificate over TLS", async () => {
    const mailbox = { mailboxId: "X26ABC1", password: SECRETS.meshPassword, sharedKey: SECRETS.meshSharedKey };
    expect(await run(listInbox(mailbox, `${sandbox.url}/mesh`))).toEqual(["20240102030405678_ABCDEF"]);
    const tls = await startMutualTlsServer([meshInboxHandler()]);
    try {
      expect(await run(listInbox({ ...mailbox, tlsFiles: TLS_FILES }, tls.url))).toHaveLength(1);
      expect(tls.clientNames).toEqual(["SERVER001.X26.api.mesh-client.nhs.uk"]);
    } finally {
      await tls.close();
    }
  });

  it("a test platform for your own tests", async () => {
    const { app } = testKeys();
    const api = http.get("*/hello", () => HttpResponse.json({ hello: "world" }));
    const platform = await startTestPlatform({ apiKey: "my-app-key", jwks: app.jwks }, [api]);
    captured.endpoints.push(platform.endpoint);
    try {
      expect((await fetch(`${platform.server.url}/hello`)).status).toBe(401);
      const auth = signedJwt({ apiKey: "my-app-key", privateKey: app.pem, kid: app.kid, tokenUrl: platform.tokenUrl });
      const response = await fetch(`${platform.server.url}/hello`, {
        headers: { Authorization: `Bearer ${await auth.getAccessToken()}` },
      });
      expect(await response.json()).toEqual({ hello: "world" });
      expect(platform.endpoint.tokenRequests()).toHaveLength(1);
    } finally {
      await platform.server.close();
    }
  });
});

describe("the README", () => {
  it("shows every example file verbatim, so they cannot drift (`pnpm readme:sync packages/auth` rewrites them)", () => {
    const result = examplesMissingFromReadme(
      new URL("../README.md", import.meta.url),
      new URL("../examples/", import.meta.url),
    );
    expect(result).toEqual({
      total: readdirSync(join(packageDir, "examples")).filter((f) => f.endsWith(".ts")).length,
      missing: [],
    });
  });

  it("has no TypeScript block that is not an example run by these tests", () => {
    const readme = readFileSync(join(packageDir, "README.md"), "utf8");
    const blocks = readme.match(/```ts\n.*\n/g) ?? [];
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(block).toMatch(/^```ts\n\/\/ examples\/[\w.-]+\.ts\n$/);
  });
});

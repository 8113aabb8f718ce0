import { createPrivateKey, createPublicKey } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedJwt } from "../src/index.js";
import { DEMO_API_KEY, DEMO_JWKS, DEMO_KID, DEMO_PRIVATE_KEY_PEM, demoApp } from "../src/mocks/index.js";
import { fileRan } from "./support/capture.js";
import { getPatient, pdsClient, startSandbox, type TestSandbox } from "./support/sandbox.js";

fileRan("demo-app");

const file = (name: string) => readFileSync(new URL(`../src/mocks/demo-app/${name}`, import.meta.url), "utf8");

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe("the TEST-ONLY demo app", () => {
  it("embeds exactly the key files the CLI wrote", () => {
    expect(DEMO_PRIVATE_KEY_PEM).toBe(file("nhskit-demo-TEST-ONLY.pem"));
    expect(DEMO_JWKS).toEqual(JSON.parse(file("nhskit-demo-TEST-ONLY.jwks.json")));
    expect(DEMO_KID).toBe("nhskit-demo-TEST-ONLY");
  });

  it("is a matching RSA 4096 pair, clearly named TEST-ONLY", () => {
    const key = createPrivateKey(DEMO_PRIVATE_KEY_PEM);
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(4096);
    const publicJwk = createPublicKey(key).export({ format: "jwk" });
    expect(DEMO_JWKS.keys[0]).toMatchObject({
      n: publicJwk.n,
      e: publicJwk.e,
      alg: "RS512",
      use: "sig",
      kid: DEMO_KID,
    });
    expect(DEMO_API_KEY).toContain("TEST-ONLY");
    expect(file("README.md")).toMatch(/\*\*TEST-ONLY\. Never register these keys/);
  });

  it("gets a token from the sandbox's endpoint with nothing registered", async () => {
    const auth = signedJwt({
      apiKey: demoApp.apiKey,
      privateKey: demoApp.privateKeyPem,
      kid: demoApp.kid,
      tokenUrl: sandbox.tokenUrl,
    });
    const { data } = await getPatient(pdsClient(sandbox, auth));
    expect(data.resourceType).toBe("Patient");
  });
});

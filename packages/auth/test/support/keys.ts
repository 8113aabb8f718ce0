import { generateKeyPairSync, type KeyObject } from "node:crypto";
import type { JWK } from "jose";

export interface TestKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly pem: string;
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
  readonly jwks: { keys: JWK[] };
}

function makeKey(kid: string): TestKey {
  // 2048 bits keeps the suite fast; the CLI test alone makes a 4096-bit key.
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const publicJwk = { ...(publicKey.export({ format: "jwk" }) as JWK), kid, alg: "RS512", use: "sig" };
  return {
    kid,
    privateKey,
    pem: privateKey.export({ type: "pkcs8", format: "pem" }) as string,
    privateJwk: { ...(privateKey.export({ format: "jwk" }) as JWK), kid },
    publicJwk,
    jwks: { keys: [publicJwk] },
  };
}

let cache: { app: TestKey; other: TestKey } | undefined;

/** Made once per run and shared by every file: `app` is registered with the mock, `other` is not. */
export function testKeys(): { app: TestKey; other: TestKey } {
  cache ??= { app: makeKey("test-app-key-1"), other: makeKey("test-stranger-key") };
  return cache;
}

/** Secret values the tests use; zz-no-secrets checks none of them leaked. */
export const SECRETS = {
  apiKey: "tEsT-app-api-key-7d3f9a2c41",
  basicUser: "dos-test-user",
  basicPassword: "b4sic-Pa55word-for-dos",
  plainApiKey: "apikey-value-0f8e7d6c5b4a",
  meshPassword: "mesh-mailbox-passw0rd-x26",
  meshSharedKey: "mesh-shared-secret-TestKey-9",
  clientSecret: "client-secret-for-refresh-4e1b",
} as const;

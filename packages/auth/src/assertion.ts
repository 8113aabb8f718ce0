import { SignJWT } from "jose";
import { loadSigningKey, type PrivateKeyInput } from "./keys.js";

export const CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/** What every platform grant that authenticates the app with a signed JWT needs. */
export interface ClientAssertionOptions {
  /** The app's API key (its "Key" in the developer portal): the assertion's `iss` and `sub`. */
  apiKey: string;
  /** The private key whose public half is in the app's registered JWKS. */
  privateKey: PrivateKeyInput;
  /** The key id registered in the JWKS. Optional only when `privateKey` is a JWK that carries `kid`. */
  kid?: string;
  /** Seconds the assertion is valid for; at most 300 (the platform refuses more than five minutes). Default 240. */
  assertionLifetimeSeconds?: number;
}

/** Signs client assertions: RS512, `kid`, `typ: JWT`, iss = sub = API key, aud = the token URL, new jti each time. */
export type AssertionSigner = (nowMs: number) => Promise<string>;

export function createAssertionSigner(
  operation: string,
  options: ClientAssertionOptions,
  tokenUrl: string,
  check: (path: string, message: string) => never,
): AssertionSigner {
  if (typeof options.apiKey !== "string" || options.apiKey.trim() === "") {
    check("apiKey", "is required: the app's Key from the developer portal (it is the assertion's iss and sub)");
  }
  const lifetime = options.assertionLifetimeSeconds ?? 240;
  if (!Number.isInteger(lifetime) || lifetime < 10 || lifetime > 300) {
    check(
      "assertionLifetimeSeconds",
      "must be a whole number of seconds from 10 to 300 (the platform allows at most five minutes)",
    );
  }
  const { key, kid } = loadSigningKey(operation, options.privateKey, options.kid);
  const apiKey = options.apiKey;
  return (nowMs) =>
    new SignJWT({ jti: crypto.randomUUID() })
      .setProtectedHeader({ alg: "RS512", kid, typ: "JWT" })
      .setIssuer(apiKey)
      .setSubject(apiKey)
      .setAudience(tokenUrl)
      .setExpirationTime(Math.floor(nowMs / 1000) + lifetime)
      .sign(key);
}

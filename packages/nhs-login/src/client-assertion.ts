// STOPGAP, to be deleted: @nhskit/auth signs exactly this kind of client assertion (createAssertionSigner and
// loadSigningKey in packages/auth/src/assertion.ts and keys.ts) but does not export the signer. NHS login's
// /token needs the same RFC 7523 assertion (RS512, kid, typ JWT, iss = sub = client id, aud = token URL, a
// new jti, short exp), so this file does the minimum with jose until @nhskit/auth exports its signer; then
// this whole file becomes `import { createAssertionSigner } from "@nhskit/auth"`.
import type { PrivateKeyInput } from "@nhskit/auth";
import { NhsValidationError } from "@nhskit/core";
import { importJWK, importPKCS8, type JWK, SignJWT } from "jose";

export interface AssertionSignerOptions {
  clientId: string;
  privateKey: PrivateKeyInput;
  kid?: string | undefined;
  /** Seconds; 10 to 300. */
  lifetimeSeconds: number;
}

export type SignAssertion = (audience: string, nowMs: number) => Promise<string>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Checks the key's shape now (before anything is sent) and signs assertions later. Messages never quote the key. */
export function assertionSigner(operation: string, options: AssertionSignerOptions): SignAssertion {
  const fail = (path: string, message: string): never => {
    throw new NhsValidationError(operation, [{ path, message }]);
  };
  const input = options.privateKey;
  let load: () => Promise<unknown>;
  let jwkKid: unknown;
  if (typeof input === "string") {
    const text = input.trim();
    if (text.startsWith("{")) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        fail("privateKey", "looks like JSON but does not parse; pass PEM text, a JWK object or a KeyObject");
      }
      return assertionSigner(operation, { ...options, privateKey: parsed as JWK });
    }
    if (/-----BEGIN RSA PRIVATE KEY-----/.test(text)) {
      fail("privateKey", "is PKCS#1 PEM; convert it to PKCS#8 (BEGIN PRIVATE KEY), or pass a KeyObject or JWK");
    }
    if (!/-----BEGIN PRIVATE KEY-----/.test(text)) {
      fail("privateKey", "is not a PKCS#8 PEM private key (BEGIN PRIVATE KEY); pass the file's contents, not its path");
    }
    load = () => importPKCS8(text, "RS512");
  } else if (isRecord(input) && typeof (input as { kty?: unknown }).kty === "string") {
    const jwk = input as JWK;
    jwkKid = jwk.kid;
    if (jwk.kty !== "RSA") fail("privateKey", `must be an RSA key for RS512; this JWK has kty "${jwk.kty}"`);
    if (jwk.d === undefined) fail("privateKey", "is a public JWK (no `d`); pass the private key, which signs");
    load = () => importJWK(jwk, "RS512");
  } else if (isRecord(input) || (typeof CryptoKey !== "undefined" && input instanceof CryptoKey)) {
    // A Node KeyObject or a Web Crypto CryptoKey: jose signs with either.
    load = async () => input;
  } else {
    fail("privateKey", "is required: PEM text, a JWK object, a KeyObject or a CryptoKey");
  }
  const kid = options.kid ?? jwkKid;
  if (typeof kid !== "string" || kid.trim() === "") {
    fail("kid", "is required: the key id of the public key registered for this client");
  }
  const lifetime = options.lifetimeSeconds;
  if (!Number.isInteger(lifetime) || lifetime < 10 || lifetime > 300) {
    fail("assertionLifetimeSeconds", "must be a whole number of seconds from 10 to 300");
  }
  let key: Promise<unknown> | undefined;
  return async (audience, nowMs) => {
    key ??= load().catch(() =>
      fail("privateKey", "could not be read as an RSA private key for RS512 (at least 2048 bits)"),
    );
    return new SignJWT({ jti: crypto.randomUUID() })
      .setProtectedHeader({ alg: "RS512", kid: kid as string, typ: "JWT" })
      .setIssuer(options.clientId)
      .setSubject(options.clientId)
      .setAudience(audience)
      .setIssuedAt(Math.floor(nowMs / 1000))
      .setExpirationTime(Math.floor(nowMs / 1000) + lifetime)
      .sign((await key) as Parameters<SignJWT["sign"]>[0]);
  };
}

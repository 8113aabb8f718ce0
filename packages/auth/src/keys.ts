import type * as NodeCrypto from "node:crypto";
import { NhsValidationError } from "@nhskit/core";
import type { JWK, KeyObject } from "jose";
import type { MaybeNodeGlobal } from "./runtime.js";

/**
 * A private key in any of the forms Node hands out: PEM text (PKCS#8 `BEGIN PRIVATE KEY` or PKCS#1
 * `BEGIN RSA PRIVATE KEY`), a JWK object (or its JSON text), a Node `KeyObject`, or a Web Crypto `CryptoKey`.
 */
export type PrivateKeyInput = string | JWK | KeyObject | CryptoKey;

export interface SigningKey {
  /** A Node KeyObject (typed structurally, so these declarations need no Node types). */
  readonly key: KeyObject;
  readonly kid: string;
}

/**
 * node:crypto, fetched at call time so that the main entry has no top-level `node:` import and stays
 * importable in a browser bundle. Only reached after `requireNode`.
 */
function nodeCrypto(): typeof NodeCrypto {
  const g = globalThis as MaybeNodeGlobal;
  const load = g.process?.getBuiltinModule;
  if (typeof load !== "function") {
    throw new Error("This Node.js version has no process.getBuiltinModule; nhskit needs Node.js 20.19 or later.");
  }
  return load.call(g.process, "node:crypto") as typeof NodeCrypto;
}

/** Smallest RSA modulus accepted (jose refuses smaller keys for RS512; the platform's guide uses 4096). */
const MIN_MODULUS_BITS = 2048;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Reads and checks a private key at construction. Every message here is fixed text: none quotes the key or
 * the underlying parser's error, so a construction error can be logged safely.
 */
export function loadSigningKey(operation: string, input: unknown, kidOption: unknown): SigningKey {
  const crypto = nodeCrypto();
  const fail = (path: string, message: string): never => {
    throw new NhsValidationError(operation, [{ path, message }]);
  };
  let key: NodeCrypto.KeyObject | undefined;
  let jwkKid: unknown;

  const fromJwk = (jwk: Record<string, unknown>) => {
    jwkKid = jwk.kid;
    if (typeof jwk.kty !== "string") fail("privateKey", "is an object without `kty`, so not a JWK");
    if (jwk.kty !== "RSA") fail("privateKey", `must be an RSA key (kty "RSA"); this JWK has kty "${String(jwk.kty)}"`);
    if (jwk.d === undefined) fail("privateKey", "is a public JWK (no `d`); pass the private key, which signs");
    try {
      return crypto.createPrivateKey({ key: jwk as never, format: "jwk" });
    } catch {
      return fail("privateKey", "is not a valid RSA private JWK (n, e, d, p, q, dp, dq and qi are needed)");
    }
  };

  if (typeof input === "string") {
    const text = input.trim();
    if (text.startsWith("{")) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        fail("privateKey", "looks like JSON but does not parse; pass PEM text, a JWK object or a KeyObject");
      }
      if (!isRecord(parsed)) fail("privateKey", "is JSON but not a JWK object");
      key = fromJwk(parsed as Record<string, unknown>);
    } else {
      if (!text.includes("-----BEGIN")) {
        fail("privateKey", "is not PEM text (no -----BEGIN line); pass the contents of the .pem file, not its path");
      }
      if (text.includes("ENCRYPTED PRIVATE KEY")) {
        fail(
          "privateKey",
          "is encrypted; decrypt it first, or pass crypto.createPrivateKey({ key, passphrase }) as a KeyObject",
        );
      }
      if (/-----BEGIN (RSA )?PUBLIC KEY-----|-----BEGIN CERTIFICATE-----/.test(text)) {
        fail("privateKey", "is a public key or certificate; pass the private key, which signs");
      }
      try {
        key = crypto.createPrivateKey(text);
      } catch {
        fail("privateKey", "is not a readable PEM private key (expected BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)");
      }
    }
  } else if (input instanceof crypto.KeyObject) {
    key = input;
  } else if (typeof CryptoKey !== "undefined" && input instanceof CryptoKey) {
    try {
      key = crypto.KeyObject.from(input);
    } catch {
      fail(
        "privateKey",
        "is a CryptoKey that Node cannot use; create it with extractable RSASSA-PKCS1-v1_5 and SHA-512",
      );
    }
  } else if (isRecord(input)) {
    key = fromJwk(input);
  } else {
    fail("privateKey", "is required: PEM text, a JWK object, or a KeyObject");
  }

  const k = key as NodeCrypto.KeyObject;
  if (k.type !== "private") fail("privateKey", `is a ${k.type} key; pass the private key, which signs`);
  if (k.asymmetricKeyType !== "rsa") {
    fail(
      "privateKey",
      `must be an RSA key for RS512; this is ${k.asymmetricKeyType === "rsa-pss" ? "an RSA-PSS" : `a ${String(k.asymmetricKeyType).toUpperCase()}`} key. Make one with \`nhskit keys generate\``,
    );
  }
  const bits = k.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_MODULUS_BITS)
    fail("privateKey", `is a ${bits}-bit RSA key; use at least ${MIN_MODULUS_BITS} bits (4096 is advised)`);

  const kid = kidOption ?? jwkKid;
  if (kidOption !== undefined && jwkKid !== undefined && kidOption !== jwkKid) {
    fail("kid", `is "${String(kidOption)}" but the JWK says "${String(jwkKid)}"; they must name the same key`);
  }
  if (typeof kid !== "string" || kid.trim() === "") {
    fail(
      "kid",
      "is required: the key id of the public key registered for this app (the `kid` in the JWKS you gave the developer portal)",
    );
  }
  return { key: k, kid: kid as string };
}

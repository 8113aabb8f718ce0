import { NhsError } from "@nhskit/core";
import { createLocalJWKSet, decodeProtectedHeader, errors, type JSONWebKeySet, jwtVerify } from "jose";
import type { JsonWebKeySet, NhsLoginIdTokenClaims } from "./types.js";

/** Why an ID token was refused. */
export type IdTokenProblem =
  | "malformed"
  | "algorithm"
  | "unknown-key"
  | "signature"
  | "expired"
  | "not-yet-valid"
  | "issuer"
  | "audience"
  | "nonce"
  | "claims";

/**
 * An ID token failed verification: forged, altered, expired, meant for another client or another sign-in.
 * Nothing in it can be trusted; sign the user in again. `reason` says which check failed. The token itself
 * is never quoted.
 */
export class NhsIdTokenError extends NhsError {
  override readonly name = "NhsIdTokenError";
  readonly kind = "response";
  readonly reason: IdTokenProblem;
  constructor(operation: string, reason: IdTokenProblem, detail: string, cause?: unknown) {
    super(
      `${operation}: the ID token was refused (${reason}): ${detail}. Do not use it; sign the user in again.`,
      {
        operation,
      },
      { cause },
    );
    this.reason = reason;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason };
  }
}

export interface VerifyIdTokenSettings {
  operation: string;
  /** The issuer from NHS login's discovery document. */
  issuer: string;
  /** Your client id: the token's audience. */
  clientId: string;
  /** The nonce you sent with the authorization request; required for a token from the code exchange. */
  nonce?: string | undefined;
  /** Current keys; `refresh` fetches them again (key rotation), at most once per verification. */
  keys: () => Promise<JsonWebKeySet>;
  refreshKeys: () => Promise<JsonWebKeySet | undefined>;
  nowMs: number;
  clockToleranceSeconds: number;
}

function describe(operation: string, error: unknown): NhsIdTokenError {
  if (error instanceof NhsIdTokenError) return error;
  if (error instanceof errors.JWTExpired)
    return new NhsIdTokenError(operation, "expired", "its exp is in the past", error);
  if (error instanceof errors.JWTClaimValidationFailed) {
    const claim = error.claim;
    if (claim === "iss") return new NhsIdTokenError(operation, "issuer", "it was issued by someone else (iss)", error);
    if (claim === "aud")
      return new NhsIdTokenError(operation, "audience", "it was issued to another client (aud)", error);
    if (claim === "nbf" || claim === "iat")
      return new NhsIdTokenError(operation, "not-yet-valid", `its ${claim} is in the future`, error);
    return new NhsIdTokenError(operation, "claims", `the ${claim} claim is missing or wrong`, error);
  }
  if (error instanceof errors.JOSEAlgNotAllowed)
    return new NhsIdTokenError(operation, "algorithm", "it is not signed with RS512", error);
  if (error instanceof errors.JWKSNoMatchingKey)
    return new NhsIdTokenError(operation, "unknown-key", "no key in NHS login's JWKS matches its kid", error);
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new NhsIdTokenError(
      operation,
      "signature",
      "its signature does not verify (it was altered or forged)",
      error,
    );
  return new NhsIdTokenError(operation, "malformed", "it is not a signed JWT nhskit can read", error);
}

/** Verifies an NHS login ID token: RS512 signature against the JWKS, iss, aud, exp, iat and nonce. */
export async function verifyIdTokenWith(
  token: unknown,
  settings: VerifyIdTokenSettings,
): Promise<NhsLoginIdTokenClaims> {
  const { operation } = settings;
  if (typeof token !== "string" || token.split(".").length !== 3) {
    throw new NhsIdTokenError(operation, "malformed", "it is not a compact JWT (three dot-separated parts)");
  }
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch (error) {
    throw describe(operation, error);
  }
  if (alg !== "RS512") throw new NhsIdTokenError(operation, "algorithm", `it is signed with ${String(alg)}, not RS512`);

  const options = {
    issuer: settings.issuer,
    audience: settings.clientId,
    algorithms: ["RS512"],
    currentDate: new Date(settings.nowMs),
    clockTolerance: settings.clockToleranceSeconds,
    requiredClaims: ["iss", "sub", "aud", "exp", "iat"],
  };
  let payload: NhsLoginIdTokenClaims;
  try {
    try {
      const jwks = createLocalJWKSet((await settings.keys()) as JSONWebKeySet);
      payload = (await jwtVerify(token, jwks, options)).payload as NhsLoginIdTokenClaims;
    } catch (error) {
      // A kid we do not know may be a key NHS login has just rotated in: fetch the keys once more.
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      const fresh = await settings.refreshKeys();
      if (!fresh) throw error;
      payload = (await jwtVerify(token, createLocalJWKSet(fresh as JSONWebKeySet), options))
        .payload as NhsLoginIdTokenClaims;
    }
  } catch (error) {
    throw describe(operation, error);
  }
  if (payload.iat > settings.nowMs / 1000 + settings.clockToleranceSeconds) {
    throw new NhsIdTokenError(operation, "not-yet-valid", "its iat is in the future");
  }
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== settings.clientId) {
    throw new NhsIdTokenError(operation, "audience", "it has several audiences and azp is not your client id");
  }
  if (settings.nonce !== undefined && payload.nonce !== settings.nonce) {
    throw new NhsIdTokenError(
      operation,
      "nonce",
      payload.nonce === undefined
        ? "it carries no nonce, but this sign-in sent one"
        : "its nonce is not the one this sign-in sent (a replayed or mixed-up token)",
    );
  }
  return payload;
}

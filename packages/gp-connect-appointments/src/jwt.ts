import type { RequestedScope } from "./interactions.js";

/** Who is asking, for the audit claims GP Connect requires in every provider call's JWT. */
export interface GpConnectAuditIdentity {
  /** `iss`: your system's URL (the requesting system). */
  issuer: string;
  /** `requesting_practitioner`: the user making the request. Its `id` becomes `sub`. */
  practitioner: {
    /** Your system's own id for the user (`requesting_practitioner.id`, also `sub`). */
    id: string;
    /** SDS user id (`https://fhir.nhs.uk/Id/sds-user-id`); `UNK` when the user has none. */
    sdsUserId: string;
    /** SDS role profile id (`https://fhir.nhs.uk/Id/sds-role-profile-id`); `UNK` when the user has none. */
    sdsRoleProfileId: string;
    name: { family: string; given?: readonly string[]; prefix?: readonly string[] };
    /** Your system's user identifier, as a system/value pair (optional). */
    localUserId?: { system: string; value: string };
  };
  /** `requesting_organization`: the organisation the user works for. */
  organization: { odsCode: string; name?: string };
  /** `requesting_device`: your system. `identifier` is your system's instance id. */
  device: { identifier: { system: string; value: string }; model: string; version: string };
}

/** The claims the unsigned JWT carries. */
export interface GpConnectAuditClaims {
  iss: string;
  sub: string;
  aud: string;
  exp: number;
  iat: number;
  reason_for_request: "directcare";
  requested_scope: RequestedScope;
  requesting_device: Record<string, unknown>;
  requesting_organization: Record<string, unknown>;
  requesting_practitioner: Record<string, unknown>;
}

/** GP Connect tokens live five minutes. */
export const JWT_LIFETIME_SECONDS = 300;

export function auditClaims(
  identity: GpConnectAuditIdentity,
  audience: string,
  scope: RequestedScope,
  nowSeconds: number,
): GpConnectAuditClaims {
  const { practitioner, organization, device } = identity;
  return {
    iss: identity.issuer,
    sub: practitioner.id,
    aud: audience,
    exp: nowSeconds + JWT_LIFETIME_SECONDS,
    iat: nowSeconds,
    reason_for_request: "directcare",
    requested_scope: scope,
    requesting_device: {
      resourceType: "Device",
      identifier: [{ system: device.identifier.system, value: device.identifier.value }],
      model: device.model,
      version: device.version,
    },
    requesting_organization: {
      resourceType: "Organization",
      identifier: [{ system: "https://fhir.nhs.uk/Id/ods-organization-code", value: organization.odsCode }],
      ...(organization.name ? { name: organization.name } : {}),
    },
    requesting_practitioner: {
      resourceType: "Practitioner",
      id: practitioner.id,
      identifier: [
        { system: "https://fhir.nhs.uk/Id/sds-user-id", value: practitioner.sdsUserId },
        { system: "https://fhir.nhs.uk/Id/sds-role-profile-id", value: practitioner.sdsRoleProfileId },
        ...(practitioner.localUserId ? [{ ...practitioner.localUserId }] : []),
      ],
      name: [
        {
          family: practitioner.name.family,
          ...(practitioner.name.given?.length ? { given: [...practitioner.name.given] } : {}),
          ...(practitioner.name.prefix?.length ? { prefix: [...practitioner.name.prefix] } : {}),
        },
      ],
    },
  };
}

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * The compact JWT GP Connect expects: header `{"alg":"none","typ":"JWT"}`, the claims, and an empty signature
 * (so it ends with a dot). GP Connect relies on the Spine Secure Proxy's mutual TLS, not on a signature.
 */
export function unsignedJwt(claims: GpConnectAuditClaims): string {
  return `${base64url(JSON.stringify({ alg: "none", typ: "JWT" }))}.${base64url(JSON.stringify(claims))}.`;
}

/** Reads the claims back out of a token (for tests and logs; it checks nothing). */
export function decodeJwtClaims(token: string): Record<string, unknown> {
  const part = token.replace(/^Bearer\s+/i, "").split(".")[1] ?? "";
  const binary = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

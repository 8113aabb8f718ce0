import type { UserTokens } from "@nhskit/auth";
import type { components, operations } from "./generated/openapi.js";

/** The platform's OAuth error body: `{ error, error_description, message_id }`. */
export type ErrorResponse = components["schemas"]["ErrorResponse"];

/**
 * The token answer as the identity-service specification declares it. In practice every number arrives as a
 * string (`"599"`); `PlatformTokenResponseBody` is what is really sent, and the client parses it for you.
 */
export type DocumentedTokenResponse = operations["token"]["responses"][200]["content"]["application/json"];

/** What `POST /oauth2/token` answers for the authorization_code, refresh_token and token-exchange grants. */
export interface PlatformTokenResponseBody {
  access_token: string;
  /** Seconds, as a string: "599". */
  expires_in: string;
  token_type: string;
  refresh_token?: string;
  /** Seconds left in the refresh window, as a string; counts down across refreshes. */
  refresh_token_expires_in?: string;
  /** "0" on the first grant, then "1", "2"... */
  refresh_count?: string;
  /** Token exchange only. */
  issued_token_type?: string;
}

/** A user's platform tokens with numbers parsed (the same shape `createTokenExchange` from @nhskit/auth returns). */
export interface PlatformTokens extends UserTokens {
  /** The X-Request-ID sent with the token request. */
  readonly requestId: string;
}

/** The user NHS CIS2 signed in, from the platform's `/oauth2/userinfo` (combined authentication with CIS2 only). */
export interface Cis2UserInfo {
  sub: string;
  /** The user's UUID (user id) in NHS CIS2. */
  nhsid_useruid?: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  /** Role profiles the user holds. */
  nhsid_nrbac_roles?: Array<{
    person_orgid?: string;
    person_roleid?: string;
    org_code?: string;
    role_name?: string;
    role_code?: string;
  }>;
  [claim: string]: unknown;
}

/** NHS login's discovery document (`/.well-known/openid-configuration`); only the fields nhskit reads are named. */
export interface OpenIdConfiguration {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint?: string;
  jwks_uri: string;
  scopes_supported?: string[];
  response_types_supported?: string[];
  response_modes_supported?: string[];
  grant_types_supported?: string[];
  subject_types_supported?: string[];
  id_token_signing_alg_values_supported?: string[];
  token_endpoint_auth_methods_supported?: string[];
  token_endpoint_auth_signing_alg_values_supported?: string[];
  claims_supported?: string[];
  code_challenge_methods_supported?: string[];
  [field: string]: unknown;
}

/** A JSON Web Key Set, as `/.well-known/jwks.json` serves it. */
export interface JsonWebKeySet {
  keys: Array<{ kty: string; kid?: string; alg?: string; use?: string; n?: string; e?: string; [k: string]: unknown }>;
}

/** NHS login's token answer (direct OIDC integration). */
export interface NhsLoginTokenResponseBody {
  /** A signed JWT; treat it as opaque. */
  access_token: string;
  token_type: string;
  /** Seconds the access token lives (5 minutes on NHS login). */
  expires_in: number | string;
  refresh_token?: string;
  scope?: string;
  /** Only on the authorization_code grant. */
  id_token?: string;
}

/** The claims of an NHS login ID token that nhskit checks or that callers usually need. */
export interface NhsLoginIdTokenClaims {
  iss: string;
  /** The user's stable NHS login subject id. */
  sub: string;
  aud: string | string[];
  exp: number;
  iat: number;
  nonce?: string;
  auth_time?: number;
  jti?: string;
  /** The vector of trust achieved, e.g. "P9.Cp.Cd". */
  vot?: string;
  /** The trust mark URL of the vector of trust. */
  vtm?: string;
  /** P0, P5 or P9. */
  identity_proofing_level?: string;
  nhs_number?: string;
  [claim: string]: unknown;
}

/** NHS login's `/userinfo` answer: `sub` plus the claims the granted scopes allow. */
export interface NhsLoginUserInfo {
  sub: string;
  nhs_number?: string;
  birthdate?: string;
  family_name?: string;
  given_name?: string;
  email?: string;
  email_verified?: boolean;
  phone_number?: string;
  phone_number_verified?: boolean;
  identity_proofing_level?: string;
  [claim: string]: unknown;
}

/** NHS login's tokens with numbers parsed. */
export interface NhsLoginTokens {
  readonly accessToken: string;
  readonly tokenType: string;
  readonly expiresIn: number;
  /** Epoch ms, measured from when the tokens were asked for. */
  readonly expiresAt: number;
  readonly refreshToken?: string;
  readonly scope?: string;
  readonly idToken?: string;
  readonly requestId: string;
}

// Shared by every nhskit client; re-exported so users need one import.
export {
  NhsApiError,
  NhsError,
  NhsNetworkError,
  NhsResponseError,
  NhsTimeoutError,
  NhsValidationError,
} from "@nhskit/core";
export type { CallbackResult } from "./callback.js";
export {
  createIdentityServiceClient,
  type IdentityCallOptions,
  type IdentityServiceClient,
  type IdentityServiceClientOptions,
} from "./client.js";
export type { components, operations, paths } from "./generated/openapi.js";
export { type IdTokenProblem, NhsIdTokenError } from "./id-token.js";
export {
  createNhsLoginClient,
  DEFAULT_SCOPE,
  NHS_LOGIN_BASE_URLS,
  type NhsLoginCallOptions,
  type NhsLoginClient,
  type NhsLoginClientOptions,
  type NhsLoginEnvironment,
  type PendingSignIn,
  type SignedIn,
  type SignInResult,
} from "./oidc.js";
export type { NhsLoginPaths, NhsLoginTokenForm, PlatformPaths, PlatformTokenForm } from "./paths.js";
export { type NhsLoginAuthorizationOptions, VECTOR_OF_TRUST } from "./schemas.js";
export type {
  Cis2UserInfo,
  DocumentedTokenResponse,
  ErrorResponse,
  JsonWebKeySet,
  NhsLoginIdTokenClaims,
  NhsLoginTokenResponseBody,
  NhsLoginTokens,
  NhsLoginUserInfo,
  OpenIdConfiguration,
  PlatformTokenResponseBody,
  PlatformTokens,
} from "./types.js";
export { NHS_LOGIN_VERSION } from "./version.js";

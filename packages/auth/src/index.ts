export type { ClientAssertionOptions } from "./assertion.js";
export { CLIENT_ASSERTION_TYPE } from "./assertion.js";
export type { PrivateKeyInput } from "./keys.js";
export {
  type MeshHeaderInput,
  type MeshOptions,
  type MeshTlsOptions,
  mesh,
  meshAuthorization,
  meshTimestamp,
} from "./mesh.js";
export { isNodeRuntime } from "./runtime.js";
export { type SignedJwtOptions, type SignedJwtStrategy, signedJwt } from "./signed-jwt.js";
export { type ApiKeyOptions, apiKey, type BasicAuthOptions, basicAuth, openAccess } from "./simple.js";
export {
  createTokenExchange,
  ID_TOKEN_TYPE,
  TOKEN_EXCHANGE_GRANT,
  type TokenExchange,
  type TokenExchangeOptions,
  type UserTokens,
} from "./token-exchange.js";
export { platformTokenUrl, type TokenUrlOptions } from "./token-url.js";
export { type UserTokenOptions, userToken } from "./user-token.js";

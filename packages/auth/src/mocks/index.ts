import { DEMO_API_KEY, DEMO_CLIENT_SECRET, DEMO_JWKS, DEMO_KID, DEMO_PRIVATE_KEY_PEM } from "./demo-app/demo-app.js";

export { type RequireAccessTokenOptions, requireAccessToken } from "./require-token.js";
export {
  type AccessTokenInfo,
  type AppOptions,
  type AppRegistration,
  createTokenEndpoint,
  ID_TOKEN,
  JWT_BEARER,
  type JwksSource,
  TOKEN_EXCHANGE,
  type TokenEndpoint,
  type TokenEndpointOptions,
  type TokenRequestRecord,
} from "./token-endpoint.js";
export { DEMO_API_KEY, DEMO_CLIENT_SECRET, DEMO_JWKS, DEMO_KID, DEMO_PRIVATE_KEY_PEM };

/**
 * The TEST-ONLY demo application the sandbox's token endpoint knows by default. Its private key is public
 * (it is in this package), so it is worthless anywhere real; never register it with the NHS developer portal.
 */
export const demoApp = {
  apiKey: DEMO_API_KEY,
  clientSecret: DEMO_CLIENT_SECRET,
  kid: DEMO_KID,
  jwks: DEMO_JWKS,
  privateKeyPem: DEMO_PRIVATE_KEY_PEM,
} as const;

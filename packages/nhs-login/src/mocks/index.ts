import type { TokenEndpoint } from "@nhskit/auth/mocks";
import type { RequestHandler } from "msw";
import {
  DEMO_NHS_LOGIN_CLIENT,
  DEMO_PLATFORM_APP,
  MOCK_STATUS_API_KEY,
  type NhsLoginClientRegistration,
  type PlatformAppRegistration,
} from "./fixtures.js";
import { platformHandlers } from "./platform.js";
import { providerHandlers } from "./provider.js";

export {
  CIS2_TEST_USERS,
  type Cis2TestUser,
  DEMO_NHS_LOGIN_CLIENT,
  DEMO_NHS_LOGIN_CLIENT_ID,
  DEMO_PLATFORM_APP,
  DEMO_REDIRECT_URIS,
  MOCK_STATUS_API_KEY,
  NHS_LOGIN_TEST_USERS,
  type NhsLoginClientRegistration,
  type NhsLoginTestUser,
  type PlatformAppRegistration,
  type ProofingLevel,
} from "./fixtures.js";
export { MOCK_SIGNING_KID, MOCK_SIGNING_PRIVATE_JWK, MOCK_SIGNING_PUBLIC_JWK } from "./keys.js";
export { PLATFORM_BASE_PATH, REFRESH_WINDOW_SECONDS, USERINFO_COMBINED_AUTH_ONLY } from "./platform.js";
export { DEFAULT_VTR, NHS_LOGIN_MOCK_BASE_PATH, SANDPIT_ORIGIN } from "./provider.js";

export interface NhsLoginMockOptions {
  /** Register the TEST-ONLY demo app (platform) and demo client (NHS login). Default true. */
  demo?: boolean;
  /** More applications the platform's `/oauth2` knows for combined authentication. */
  platformApps?: readonly PlatformAppRegistration[];
  /** More services NHS login's mock knows. */
  nhsLoginClients?: readonly NhsLoginClientRegistration[];
  /**
   * The sandbox's token endpoint from @nhskit/auth/mocks: with it, `/oauth2/userinfo` recognises its tokens
   * (client credentials, token exchange) and answers the platform's "combined auth only" 400 for them.
   */
  tokenEndpoint?: Pick<TokenEndpoint, "isValidAccessToken">;
  /** The `apikey` `/oauth2/_status` accepts. Default `MOCK_STATUS_API_KEY`. */
  statusApiKey?: string;
  /** Clock in epoch ms. Default `Date.now`. */
  now?: () => number;
}

export interface NhsLoginMock {
  /**
   * Put these BEFORE @nhskit/auth's `createTokenEndpoint().handlers`: the `/oauth2/token` handler here answers
   * the authorization_code grant (and refreshes of what it issued) and lets every other request fall through.
   */
  readonly handlers: RequestHandler[];
  /** The session id (`sid`) of a combined-auth access token, for back-channel logout tests. */
  sessionOf(accessToken: string): string | undefined;
  /** Forgets every code, session and token. */
  reset(): void;
}

/** The platform's `/oauth2` (combined authentication) and NHS login's OpenID Connect provider, as one mock. */
export function createNhsLoginMock(options: NhsLoginMockOptions = {}): NhsLoginMock {
  const now = options.now ?? Date.now;
  const demo = options.demo !== false;
  const apps = new Map<string, PlatformAppRegistration>();
  for (const app of [...(demo ? [DEMO_PLATFORM_APP] : []), ...(options.platformApps ?? [])]) apps.set(app.apiKey, app);
  const clients = new Map<string, NhsLoginClientRegistration>();
  for (const client of [...(demo ? [DEMO_NHS_LOGIN_CLIENT] : []), ...(options.nhsLoginClients ?? [])]) {
    clients.set(client.clientId, client);
  }
  const platform = platformHandlers({
    now,
    apps,
    statusApiKey: options.statusApiKey ?? MOCK_STATUS_API_KEY,
    tokenEndpoint: options.tokenEndpoint,
  });
  const provider = providerHandlers({ now, clients });
  return {
    handlers: [...platform.handlers, ...provider.handlers],
    sessionOf: platform.state.sessionOf,
    reset() {
      platform.state.reset();
      provider.reset();
    },
  };
}

/**
 * msw handlers for `/oauth2` (everything but what @nhskit/auth's token endpoint answers) and the NHS login mock
 * under `/nhs-login` (also on the sandpit host in-process). Put them before `createTokenEndpoint().handlers`.
 */
export function nhsLoginHandlers(options: NhsLoginMockOptions = {}): RequestHandler[] {
  return createNhsLoginMock(options).handlers;
}

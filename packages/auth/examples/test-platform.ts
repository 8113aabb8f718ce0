import { createTokenEndpoint, requireAccessToken } from "@nhskit/auth/mocks";
import { createMockServer } from "@nhskit/mock-kit/server";
import type { JSONWebKeySet } from "jose";
import type { RequestHandler } from "msw";

/**
 * For your tests: the platform's token endpoint plus your API mocks on 127.0.0.1, with the APIs
 * requiring a token as the integration environment does.
 */
export async function startTestPlatform(app: { apiKey: string; jwks: JSONWebKeySet }, apiMocks: RequestHandler[]) {
  const endpoint = createTokenEndpoint(); // the TEST-ONLY demo app is registered by default
  endpoint.registerApp(app.apiKey, app.jwks); // a JWKS, a function standing in for a JWKS URL, or null
  const server = await createMockServer({
    handlers: [...endpoint.handlers, requireAccessToken(endpoint), ...apiMocks],
  });
  return { endpoint, server, tokenUrl: `${server.url}/oauth2/token` };
}

import { createTokenEndpoint, type JwksSource, requireAccessToken, type TokenEndpoint } from "@nhskit/auth/mocks";
import { catalogue } from "@nhskit/catalogue";
import { sandboxBasePath } from "@nhskit/mock-kit";
import type { RequestHandler } from "msw";
import { type MockedApi, mockedApis } from "./registry.js";

export interface SandboxOptions {
  /** Only these API ids (default: all that have mocks). */
  apis?: readonly string[];
  /**
   * Make the API mocks demand a valid access token from the sandbox's own `/oauth2/token`, as integration
   * does. Off by default, like the hosted sandboxes.
   */
  requireAccessToken?: boolean;
  /** Applications (API key + public keys) the token endpoint accepts, besides the TEST-ONLY demo app. */
  apps?: ReadonlyArray<{ apiKey: string; jwks: JwksSource }>;
}

export interface Sandbox {
  readonly handlers: RequestHandler[];
  /** The handlers for one path, in the same order: only the API whose base path matches (faster). */
  handlersFor(pathname: string): RequestHandler[];
  /** The platform's `/oauth2/token`: register apps, count token requests. */
  readonly tokenEndpoint: TokenEndpoint;
  readonly basePaths: string[];
  index(): unknown;
}

const TOKEN_PATH = "/oauth2";

function selected(options: SandboxOptions): readonly MockedApi[] {
  if (!options.apis) return mockedApis;
  const known = new Set(mockedApis.map((m) => m.api.id));
  const unknown = options.apis.filter((id) => !known.has(id));
  if (unknown.length) {
    throw new Error(
      `The sandbox has no mocks for ${unknown.join(", ")}. It serves: ${[...known].join(", ") || "nothing yet"}.`,
    );
  }
  return mockedApis.filter((m) => options.apis!.includes(m.api.id));
}

/** The sandbox's parts: the token endpoint first, then (optionally) the token gate, then every API's mocks. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const apis = selected(options);
  const tokenEndpoint = createTokenEndpoint({
    apps: options.apps?.map((a) => ({ apiKey: a.apiKey, jwks: a.jwks })) ?? [],
  });
  const context = { tokenEndpoint, requireAccessToken: options.requireAccessToken === true };
  const pathsOf = (m: MockedApi) => [sandboxBasePath(m.api, m.document), ...(m.extraBasePaths ?? [])];
  const basePaths = [...new Set(apis.flatMap(pathsOf))].filter((p) => p !== TOKEN_PATH);
  const gated = apis.filter((m) => !m.ownTokenCheck).flatMap(pathsOf);
  // Each group answers under its prefixes; the order of groups is the order msw must try them in.
  const gate = options.requireAccessToken ? [requireAccessToken(tokenEndpoint, { basePaths: gated })] : [];
  const groups: Array<{ prefixes: readonly string[]; handlers: RequestHandler[] }> = [
    ...apis.filter((m) => m.beforeTokenEndpoint).map((m) => ({ prefixes: pathsOf(m), handlers: m.handlers(context) })),
    { prefixes: [TOKEN_PATH], handlers: tokenEndpoint.handlers },
    { prefixes: gated, handlers: gate },
    ...apis.filter((m) => !m.beforeTokenEndpoint).map((m) => ({ prefixes: pathsOf(m), handlers: m.handlers(context) })),
  ];
  const handlers = groups.flatMap((g) => g.handlers);
  const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  const handlersFor = (pathname: string) => {
    const matching = groups.filter((g) => g.prefixes.some((p) => under(pathname, p)));
    // A path under no known prefix still gets every handler (some mocks also answer elsewhere).
    return matching.length ? matching.flatMap((g) => g.handlers) : handlers;
  };
  return {
    handlers,
    handlersFor,
    tokenEndpoint,
    basePaths: [TOKEN_PATH, ...basePaths],
    index: () => ({
      name: "nhskit local sandbox",
      note: "Behaves like the NHS API platform's hosted sandboxes, offline. Not an NHS service.",
      tokenUrl: `${TOKEN_PATH}/token`,
      requireAccessToken: options.requireAccessToken === true,
      apis: catalogue.map((api) => {
        const docs = apis.filter((m) => m.api.id === api.id);
        return {
          id: api.id,
          name: api.name,
          status: api.status,
          served: docs.length > 0,
          basePaths: docs.flatMap(pathsOf),
        };
      }),
    }),
  };
}

/** All handlers in the order msw should try them (for `setupServer` / `setupWorker`). */
export function sandboxHandlers(options: SandboxOptions = {}): RequestHandler[] {
  return createSandbox(options).handlers;
}

/** What `GET /` answers: every catalogue API, where it is served, or that it is not. */
export function sandboxIndex(options: SandboxOptions = {}) {
  return createSandbox(options).index();
}

export function servedBasePaths(options: SandboxOptions = {}): string[] {
  return createSandbox(options).basePaths;
}

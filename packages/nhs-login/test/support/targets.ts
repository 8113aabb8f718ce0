import { createTokenEndpoint, DEMO_JWKS, type JwksSource, type TokenEndpoint } from "@nhskit/auth/mocks";
import { createMockServer } from "@nhskit/mock-kit/server";
import type { RequestHandler } from "msw";
import { setupServer } from "msw/node";
import { createNhsLoginMock, type NhsLoginMock } from "../../src/mocks/index.js";

/** Apps the facts need besides the demo app. */
export const NO_JWKS_APP = "app-without-public-key";
export const UNREACHABLE_JWKS_APP = "app-with-unreachable-jwks";
export const USER_ONLY_APP = "app-without-application-restricted-product";

/** A clock the tests can move forward. */
export interface Clock {
  now(): number;
  advance(ms: number): void;
}

/** Where a facts suite sends its calls, and how it counts what arrived. */
export interface Target {
  /** The platform's `/oauth2`. */
  readonly baseUrl: string;
  /** NHS login's mock (its base URL and issuer). */
  readonly nhsLoginBaseUrl: string;
  readonly tokenEndpoint: TokenEndpoint;
  readonly mock: NhsLoginMock;
  readonly clock: Clock;
  /** Requests the mocks have seen so far. */
  received(): number;
  close(): Promise<void>;
}

function parts() {
  let offset = 0;
  const clock: Clock = {
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms;
    },
  };
  const unreachable: JwksSource = () => {
    throw new Error("connect ECONNREFUSED");
  };
  const tokenEndpoint = createTokenEndpoint({
    now: clock.now,
    apps: [
      { apiKey: NO_JWKS_APP, jwks: null },
      { apiKey: UNREACHABLE_JWKS_APP, jwks: unreachable },
      {
        apiKey: USER_ONLY_APP,
        jwks: DEMO_JWKS as unknown as JwksSource,
        applicationRestricted: false,
      },
    ],
  });
  const mock = createNhsLoginMock({ now: clock.now, tokenEndpoint });
  // The order the sandbox must use: NHS login's handlers first, then the token endpoint's.
  const handlers: RequestHandler[] = [...mock.handlers, ...tokenEndpoint.handlers];
  return { clock, tokenEndpoint, mock, handlers };
}

/** The mocks behind a real HTTP server on 127.0.0.1, as `pnpm sandbox` serves them. */
export async function httpTarget(): Promise<Target> {
  const { clock, tokenEndpoint, mock, handlers } = parts();
  let count = 0;
  const server = await createMockServer({ handlers, log: () => count++ });
  return {
    baseUrl: `${server.url}/oauth2`,
    nhsLoginBaseUrl: `${server.url}/nhs-login`,
    tokenEndpoint,
    mock,
    clock,
    received: () => count,
    close: () => server.close(),
  };
}

/** The same mocks in-process (msw intercepting fetch), on the hosted sandbox and NHS login sandpit hosts. */
export async function inProcessTarget(): Promise<Target> {
  const { clock, tokenEndpoint, mock, handlers } = parts();
  let count = 0;
  const server = setupServer(...handlers);
  server.events.on("request:start", () => count++);
  server.listen({ onUnhandledRequest: "error" });
  return {
    baseUrl: "https://sandbox.api.service.nhs.uk/oauth2",
    nhsLoginBaseUrl: "https://auth.sandpit.signin.nhs.uk",
    tokenEndpoint,
    mock,
    clock,
    received: () => count,
    close: async () => server.close(),
  };
}

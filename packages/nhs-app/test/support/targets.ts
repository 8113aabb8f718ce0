import { createTokenEndpoint, type TokenEndpoint } from "@nhskit/auth/mocks";
import { createMockServer } from "@nhskit/mock-kit/server";
import { http, type RequestHandler } from "msw";
import { setupServer } from "msw/node";
import { createCallbackHandler, type Receipt, type Reply } from "../../src/index.js";
import { type NhsAppMockOptions, nhsAppHandlers } from "../../src/mocks/index.js";

/** A clock the tests can move. */
export interface Clock {
  now(): number;
  set(ms: number): void;
  advance(ms: number): void;
}

/** Where a facts suite sends its calls. */
export interface Target {
  /** `<origin>/nhs-app`. */
  readonly baseUrl: string;
  readonly origin: string;
  /** The platform token URL beside it. */
  readonly tokenUrl: string;
  readonly tokenEndpoint: TokenEndpoint;
  readonly clock: Clock;
  /** What the supplier's callback endpoint (under /supplier) received. */
  readonly delivered: Array<Receipt | Reply>;
  /** Puts mocks with other options in front until `reset`. */
  use(options: NhsAppMockOptions): void;
  reset(): void;
  received(): number;
  close(): Promise<void>;
}

function parts() {
  let offset = 0;
  const clock: Clock = {
    now: () => Date.now() + offset,
    set: (ms) => {
      offset = ms - Date.now();
    },
    advance: (ms) => {
      offset += ms;
    },
  };
  const tokenEndpoint = createTokenEndpoint({ now: clock.now });
  const delivered: Array<Receipt | Reply> = [];
  const supplier = createCallbackHandler({
    onReceipt: (receipt) => void delivered.push(receipt),
    onReply: (reply) => void delivered.push(reply),
  });
  const mocks = (options: NhsAppMockOptions = {}) => nhsAppHandlers({ tokenEndpoint, now: clock.now, ...options });
  const base: RequestHandler[] = [
    ...tokenEndpoint.handlers,
    ...mocks(),
    // The supplier side: NHS App would call this over mutual TLS; a header stands in for the TLS verdict.
    http.all("*/supplier/*", ({ request }) =>
      supplier(request, { clientVerified: request.headers.get("x-test-client-certificate") !== "unverified" }),
    ),
  ];
  return { clock, tokenEndpoint, delivered, mocks, base };
}

/** The mocks behind a real HTTP server on 127.0.0.1. */
export async function httpTarget(): Promise<Target> {
  const { clock, tokenEndpoint, delivered, mocks, base } = parts();
  const handlers = [...base];
  let count = 0;
  // createMockServer reads the array on every request, so `use` can put handlers in front.
  const server = await createMockServer({ handlers, log: () => count++ });
  return {
    baseUrl: `${server.url}/nhs-app`,
    origin: server.url,
    tokenUrl: `${server.url}/oauth2/token`,
    tokenEndpoint,
    clock,
    delivered,
    use: (options) => void handlers.unshift(...mocks(options)),
    reset: () => void handlers.splice(0, handlers.length, ...base),
    received: () => count,
    close: () => server.close(),
  };
}

/** The same mocks in-process, on the integration environment's host. */
export async function inProcessTarget(): Promise<Target> {
  const { clock, tokenEndpoint, delivered, mocks, base } = parts();
  let count = 0;
  const server = setupServer(...base);
  server.events.on("request:start", () => count++);
  server.listen({ onUnhandledRequest: "error" });
  return {
    baseUrl: "https://int.api.service.nhs.uk/nhs-app",
    origin: "https://int.api.service.nhs.uk",
    tokenUrl: "https://int.api.service.nhs.uk/oauth2/token",
    tokenEndpoint,
    clock,
    delivered,
    use: (options) => server.use(...mocks(options)),
    reset: () => server.resetHandlers(),
    received: () => count,
    close: async () => server.close(),
  };
}

import { createMockServer } from "@nhskit/mock-kit/server";
import type { RequestHandler } from "msw";
import { setupServer } from "msw/node";
import { scrHandlers } from "../../src/mocks/index.js";

/** Where a facts suite sends its calls, and how it counts what arrived. */
export interface Target {
  readonly baseUrl: string;
  /** Requests the mocks have seen so far. */
  received(): number;
  /** Put these handlers in front until `reset()` (a mock option for one test). */
  use(handlers: RequestHandler[]): void;
  reset(): void;
  close(): Promise<void>;
}

const BASE = "/summary-care-record/FHIR/R4";

/** The SCR mocks behind a real HTTP server on 127.0.0.1, as `pnpm sandbox` serves them. */
export async function httpTarget(): Promise<Target> {
  let count = 0;
  const defaults = scrHandlers();
  // The server reads this list on every request, so `use` can put handlers in front.
  const handlers: RequestHandler[] = [...defaults];
  const server = await createMockServer({ handlers, log: () => count++ });
  return {
    baseUrl: `${server.url}${BASE}`,
    received: () => count,
    use: (extra) => handlers.unshift(...extra),
    reset: () => handlers.splice(0, handlers.length, ...defaults),
    close: () => server.close(),
  };
}

/** The same mocks in-process (msw intercepting fetch), as a consumer's unit tests would use them. */
export async function inProcessTarget(): Promise<Target> {
  let count = 0;
  const server = setupServer(...scrHandlers());
  server.events.on("request:start", () => count++);
  server.listen({ onUnhandledRequest: "error" });
  return {
    baseUrl: `https://sandbox.api.service.nhs.uk${BASE}`,
    received: () => count,
    use: (extra) => server.use(...extra),
    reset: () => server.resetHandlers(),
    close: async () => server.close(),
  };
}

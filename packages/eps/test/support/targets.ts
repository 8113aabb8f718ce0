import { createMockServer } from "@nhskit/mock-kit/server";
import { setupServer } from "msw/node";
import { type EpsMockOptions, epsHandlers } from "../../src/mocks/index.js";

/** Where a facts suite sends its calls, and how it counts what arrived. */
export interface Target {
  /** The origin; the three EPS base paths sit under it. */
  readonly origin: string;
  /** Requests the mocks have seen so far. */
  received(): number;
  close(): Promise<void>;
}

export type StartTarget = (options?: EpsMockOptions) => Promise<Target>;

/** The EPS mocks behind a real HTTP server on 127.0.0.1, as `pnpm sandbox` serves them. */
export const httpTarget: StartTarget = async (options) => {
  let count = 0;
  const server = await createMockServer({ handlers: epsHandlers(options), log: () => count++ });
  return { origin: server.url, received: () => count, close: () => server.close() };
};

/** The same mocks in-process (msw intercepting fetch), as a consumer's unit tests would use them. */
export const inProcessTarget: StartTarget = async (options) => {
  let count = 0;
  const server = setupServer(...epsHandlers(options));
  server.events.on("request:start", () => count++);
  server.listen({ onUnhandledRequest: "error" });
  return { origin: "https://sandbox.api.service.nhs.uk", received: () => count, close: async () => server.close() };
};

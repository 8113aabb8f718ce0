import { createMockServer } from "@nhskit/mock-kit/server";
import { setupServer } from "msw/node";
import { type BarsMockOptions, barsHandlers } from "../../src/mocks/index.js";

/** Where a facts suite sends its calls, and how it counts what arrived. */
export interface Target {
  readonly baseUrl: string;
  /** Requests the mocks have seen so far. */
  received(): number;
  /** `METHOD /path` of every request seen (HTTP only; in-process keeps none). */
  readonly seen: string[];
  /** Runs `fn` against mocks built with other options (a second server over HTTP; swapped handlers in-process). */
  using<T>(options: BarsMockOptions, fn: (baseUrl: string) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type StartTarget = (options?: BarsMockOptions) => Promise<Target>;

const BASE_PATH = "/booking-and-referral/FHIR/R4";

/** The BaRS mocks behind a real HTTP server on 127.0.0.1, as `pnpm sandbox` serves them. */
export const httpTarget: StartTarget = async (options) => {
  const seen: string[] = [];
  const server = await createMockServer({ handlers: barsHandlers(options), log: (line) => seen.push(line) });
  return {
    baseUrl: `${server.url}${BASE_PATH}`,
    received: () => seen.length,
    seen,
    async using(other, fn) {
      const extra = await createMockServer({ handlers: barsHandlers(other) });
      try {
        return await fn(`${extra.url}${BASE_PATH}`);
      } finally {
        await extra.close();
      }
    },
    close: () => server.close(),
  };
};

/** The same mocks in-process (msw intercepting fetch), as a consumer's unit tests would use them. */
export const inProcessTarget: StartTarget = async (options) => {
  let count = 0;
  const server = setupServer(...barsHandlers(options));
  server.events.on("request:start", () => count++);
  server.listen({ onUnhandledRequest: "error" });
  const baseUrl = `https://sandbox.api.service.nhs.uk${BASE_PATH}`;
  return {
    baseUrl,
    received: () => count,
    seen: [],
    async using(other, fn) {
      server.use(...barsHandlers(other));
      try {
        return await fn(baseUrl);
      } finally {
        server.resetHandlers();
      }
    },
    close: async () => server.close(),
  };
};

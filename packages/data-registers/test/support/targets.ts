import { createMockServer } from "@nhskit/mock-kit/server";
import { setupServer } from "msw/node";
import { type DataRegistersMockOptions, dataRegistersHandlers } from "../../src/mocks/index.js";

/** Where a facts suite sends its calls, and what arrived there. */
export interface Target {
  readonly baseUrl: string;
  /** `METHOD url` of every request the mocks have seen so far. */
  requests(): string[];
  /** Runs `fn` against the mocks built with other options (other path templates, say). */
  withOptions<T>(options: DataRegistersMockOptions, fn: (baseUrl: string) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const PATH = "/data-registers";

/** The mocks behind a real HTTP server on 127.0.0.1, as `pnpm sandbox` serves them. */
export async function httpTarget(): Promise<Target> {
  const seen: string[] = [];
  const log = (line: string) => {
    const [method, url] = line.split(" ");
    seen.push(`${method} ${url}`);
  };
  const server = await createMockServer({ handlers: dataRegistersHandlers(), log });
  return {
    baseUrl: `${server.url}${PATH}`,
    requests: () => [...seen],
    async withOptions(options, fn) {
      const other = await createMockServer({ handlers: dataRegistersHandlers(options), log });
      try {
        return await fn(`${other.url}${PATH}`);
      } finally {
        await other.close();
      }
    },
    close: () => server.close(),
  };
}

/** The same mocks in-process (msw intercepting fetch), as a consumer's unit tests would use them. */
export async function inProcessTarget(): Promise<Target> {
  const seen: string[] = [];
  const server = setupServer(...dataRegistersHandlers());
  server.events.on("request:start", ({ request }) => {
    const url = new URL(request.url);
    seen.push(`${request.method} ${url.pathname}${url.search}`);
  });
  server.listen({ onUnhandledRequest: "error" });
  const baseUrl = `http://127.0.0.1:9000${PATH}`;
  return {
    baseUrl,
    requests: () => [...seen],
    async withOptions(options, fn) {
      server.use(...dataRegistersHandlers(options));
      try {
        return await fn(baseUrl);
      } finally {
        server.resetHandlers();
      }
    },
    close: async () => server.close(),
  };
}

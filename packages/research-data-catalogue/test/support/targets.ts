import type { AuthStrategy } from "@nhskit/core";
import { createMockServer } from "@nhskit/mock-kit/server";
import { setupServer } from "msw/node";
import { type ResearchDataCatalogueMockOptions, researchDataCatalogueHandlers } from "../../src/mocks/index.js";

/** Where a facts suite sends its calls, and what arrived there. */
export interface Target {
  readonly baseUrl: string;
  /** `METHOD url` of every request the mocks have seen so far. */
  requests(): string[];
  /** Runs `fn` against the mocks built with other options (the live proxies' key check, say). */
  withOptions<T>(options: ResearchDataCatalogueMockOptions, fn: (baseUrl: string) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The `apikey` header, as `apiKey({ key })` from @nhskit/auth sends it (that package is not a dependency here). */
export function testApiKey(key: string): AuthStrategy {
  return { kind: "api-key", authorize: ({ headers }) => headers.set("apikey", key), secrets: () => [key] };
}

const PATH = "/health-research-data-catalogue";

/** The mocks behind a real HTTP server on 127.0.0.1, as `pnpm sandbox` serves them. */
export async function httpTarget(): Promise<Target> {
  const seen: string[] = [];
  const log = (line: string) => {
    const [method, url] = line.split(" ");
    seen.push(`${method} ${url}`);
  };
  const server = await createMockServer({ handlers: researchDataCatalogueHandlers(), log });
  return {
    baseUrl: `${server.url}${PATH}`,
    requests: () => [...seen],
    async withOptions(options, fn) {
      const other = await createMockServer({ handlers: researchDataCatalogueHandlers(options), log });
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
  const server = setupServer(...researchDataCatalogueHandlers());
  server.events.on("request:start", ({ request }) => {
    const url = new URL(request.url);
    seen.push(`${request.method} ${url.pathname}${url.search}`);
  });
  server.listen({ onUnhandledRequest: "error" });
  const baseUrl = `https://sandbox.api.service.nhs.uk${PATH}`;
  return {
    baseUrl,
    requests: () => [...seen],
    async withOptions(options, fn) {
      server.use(...researchDataCatalogueHandlers(options));
      try {
        return await fn(baseUrl);
      } finally {
        server.resetHandlers();
      }
    },
    close: async () => server.close(),
  };
}

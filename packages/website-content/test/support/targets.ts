import type { AuthStrategy } from "@nhskit/core";
import { createMockServer } from "@nhskit/mock-kit/server";
import { setupServer } from "msw/node";
import { type WebsiteContentMockOptions, websiteContentHandlers } from "../../src/mocks/index.js";

/** Where a facts suite sends its calls, and what arrived there. */
export interface Target {
  readonly baseUrl: string;
  /** `METHOD url` of every request the mocks have seen so far. */
  requests(): string[];
  /** Runs `fn` against the mocks built with other options (the live proxies' key check, say). */
  withOptions<T>(options: WebsiteContentMockOptions, fn: (baseUrl: string) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The `apikey` header, as `apiKey({ key })` from @nhskit/auth sends it (that package is not a dependency here). */
export function testApiKey(key: string): AuthStrategy {
  return { kind: "api-key", authorize: ({ headers }) => headers.set("apikey", key), secrets: () => [key] };
}

const PATH = "/nhs-website-content";

/** The mocks behind a real HTTP server on 127.0.0.1, as `pnpm sandbox` serves them. */
export async function httpTarget(): Promise<Target> {
  const seen: string[] = [];
  const log = (line: string) => {
    const [method, url] = line.split(" ");
    seen.push(`${method} ${url}`);
  };
  const server = await createMockServer({ handlers: websiteContentHandlers(), log });
  return {
    baseUrl: `${server.url}${PATH}`,
    requests: () => [...seen],
    async withOptions(options, fn) {
      const other = await createMockServer({ handlers: websiteContentHandlers(options), log });
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
  const server = setupServer(...websiteContentHandlers());
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
      server.use(...websiteContentHandlers(options));
      try {
        return await fn(baseUrl);
      } finally {
        server.resetHandlers();
      }
    },
    close: async () => server.close(),
  };
}

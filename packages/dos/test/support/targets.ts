import type { AuthStrategy } from "@nhskit/core";
import { createMockServer } from "@nhskit/mock-kit/server";
import { setupServer } from "msw/node";
import { dosHandlers } from "../../src/mocks/index.js";

/** Where a behaviour suite sends its calls, and what arrived there. */
export interface Target {
  readonly baseUrl: string;
  /** `METHOD path` of every request the mocks have seen so far. */
  requests(): string[];
  close(): Promise<void>;
}

/**
 * HTTP Basic, as `basicAuth({ username, password })` from @nhskit/auth sends it (that package is not a
 * dependency of this one).
 */
export function testBasicAuth(username: string, password: string): AuthStrategy {
  const encoded = btoa(`${username}:${password}`);
  return {
    kind: "basic",
    authorize: ({ headers }) => headers.set("Authorization", `Basic ${encoded}`),
    secrets: () => [password, encoded],
  };
}

const PATH = "/dos/app/controllers/api/v1.0/services";

/** The mocks behind a real HTTP server on 127.0.0.1, as `pnpm sandbox` serves them. */
export async function httpTarget(): Promise<Target> {
  const seen: string[] = [];
  const server = await createMockServer({
    handlers: dosHandlers({ accounts: [{ username: "dos-user", password: "s3cret-pass" }] }),
    log: (line) => {
      const [method, url] = line.split(" ");
      seen.push(`${method} ${url}`);
    },
  });
  return { baseUrl: `${server.url}${PATH}`, requests: () => [...seen], close: () => server.close() };
}

/** The same mocks in-process (msw intercepting fetch), as a consumer's unit tests would use them. */
export async function inProcessTarget(): Promise<Target> {
  const seen: string[] = [];
  const server = setupServer(...dosHandlers({ accounts: [{ username: "dos-user", password: "s3cret-pass" }] }));
  server.events.on("request:start", ({ request }) => {
    const url = new URL(request.url);
    seen.push(`${request.method} ${url.pathname}${url.search}`);
  });
  server.listen({ onUnhandledRequest: "error" });
  return { baseUrl: `http://127.0.0.1:9000${PATH}`, requests: () => [...seen], close: async () => server.close() };
}

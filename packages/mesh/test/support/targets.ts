import { createMockServer } from "@nhskit/mock-kit/server";
import type { RequestHandler } from "msw";
import { setupServer } from "msw/node";
import { createMeshMock, type MeshMock, type MeshMockOptions } from "../../src/mocks/index.js";

/** One request the mocks received. */
export interface Seen {
  readonly method: string;
  /** Path and query, without the `/mesh-mailbox` base path. */
  readonly path: string;
}

export interface TargetOptions extends MeshMockOptions {
  /** Handlers tried before the mocks (fault injection). */
  before?: RequestHandler[];
}

/** Where a suite sends its calls, and what the mocks saw. */
export interface Target {
  readonly name: string;
  /** The MESH base URL (`.../mesh-mailbox`). */
  readonly baseUrl: string;
  /** The current mocks (replaced by `configure`). */
  readonly mock: MeshMock;
  /** Requests seen so far. */
  readonly seen: Seen[];
  /** Fresh mailboxes with these options, served at the same address. */
  configure(options?: TargetOptions): Promise<MeshMock>;
  close(): Promise<void>;
}

export type StartTarget = (options?: TargetOptions) => Promise<Target>;

const strip = (url: string) => {
  const u = new URL(url, "http://x");
  return `${u.pathname.replace(/^\/mesh-mailbox/, "")}${u.search}`;
};

async function build(options: TargetOptions) {
  const { before = [], ...mockOptions } = options;
  const mock = createMeshMock(mockOptions);
  await mock.ready;
  return { mock, handlers: [...before, ...mock.handlers] };
}

/** The MESH mocks behind a real HTTP server on 127.0.0.1, as the nhskit sandbox serves them. */
export const httpTarget: StartTarget = async (options = {}) => {
  let current = await build(options);
  // The server reads this array on every request, so `configure` can swap the mocks in place.
  const handlers: RequestHandler[] = [...current.handlers];
  const seen: Seen[] = [];
  const server = await createMockServer({
    handlers,
    log: (line) => {
      const [method = "", url = ""] = line.split(" ");
      seen.push({ method, path: strip(url) });
    },
  });
  return {
    name: "real HTTP",
    baseUrl: `${server.url}/mesh-mailbox`,
    get mock() {
      return current.mock;
    },
    seen,
    async configure(next = {}) {
      current = await build(next);
      handlers.splice(0, handlers.length, ...current.handlers);
      return current.mock;
    },
    close: () => server.close(),
  };
};

/** The same mocks in-process (msw intercepting fetch), as a user's unit tests would run them. */
export const inProcessTarget: StartTarget = async (options = {}) => {
  let current = await build(options);
  const seen: Seen[] = [];
  const server = setupServer(...current.handlers);
  server.events.on("request:start", ({ request }) => {
    seen.push({ method: request.method, path: strip(request.url) });
  });
  server.listen({ onUnhandledRequest: "error" });
  return {
    name: "in-process",
    baseUrl: "http://127.0.0.1:9000/mesh-mailbox",
    get mock() {
      return current.mock;
    },
    seen,
    async configure(next = {}) {
      current = await build(next);
      server.resetHandlers(...current.handlers);
      return current.mock;
    },
    close: async () => server.close(),
  };
};

import { createMockServer, type MockServer } from "@nhskit/mock-kit/server";
import { type SandboxOptions, sandboxHandlers, sandboxIndex, servedBasePaths } from "./handlers.js";

export interface SandboxServerOptions extends SandboxOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (a free port) for tests; the CLI defaults to 9000. */
  port?: number;
  /** One line per request. Default: silent. */
  log?: ((line: string) => void) | false;
}

export type SandboxServer = MockServer;

/** The sandbox as a real HTTP server, for tests and for `pnpm sandbox`. */
export function createSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  return createMockServer({
    handlers: sandboxHandlers(options),
    basePaths: servedBasePaths(options),
    index: () => sandboxIndex(options),
    ...(options.host ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.log !== undefined ? { log: options.log } : {}),
  });
}

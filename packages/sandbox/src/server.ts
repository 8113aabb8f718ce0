import type { TokenEndpoint } from "@nhskit/auth/mocks";
import { createMockServer, type MockServer } from "@nhskit/mock-kit/server";
import { createSandbox, type SandboxOptions } from "./handlers.js";

export interface SandboxServerOptions extends SandboxOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (a free port) for tests; the CLI defaults to 9000. */
  port?: number;
  /** One line per request. Default: silent. */
  log?: ((line: string) => void) | false;
}

export interface SandboxServer extends MockServer {
  /** The platform token endpoint this server answers at /oauth2/token. */
  readonly tokenEndpoint: TokenEndpoint;
}

/** The sandbox as a real HTTP server, for tests and for `pnpm sandbox`. */
export async function createSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const sandbox = createSandbox(options);
  const server = await createMockServer({
    handlers: sandbox.handlers,
    handlersFor: sandbox.handlersFor,
    basePaths: sandbox.basePaths,
    index: sandbox.index,
    ...(options.host ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.log !== undefined ? { log: options.log } : {}),
  });
  return Object.assign(server, { tokenEndpoint: sandbox.tokenEndpoint });
}

import { Agent } from "undici";
import { type MeshTlsOptions, meshConnectOptions } from "./mesh-tls.js";

export {
  type GeneratedKeyFiles,
  type GenerateKeyFilesOptions,
  generateKeyFiles,
  KeyFileExistsError,
  type PublicRsaJwk,
} from "./keygen.js";
export type { MeshTlsOptions } from "./mesh-tls.js";

/**
 * An undici dispatcher that presents the MESH client certificate on every connection. `mesh({ tls })` builds
 * one for you; use this to share one connection pool between several mailboxes, or to tune it.
 */
export function meshTlsDispatcher(tls: MeshTlsOptions, options: Omit<Agent.Options, "connect"> = {}): Agent {
  return new Agent({ ...options, connect: meshConnectOptions(tls) });
}

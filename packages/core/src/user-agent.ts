import { CORE_VERSION } from "./version.js";

interface NodeProcessLike {
  versions?: { node?: string };
}

/**
 * `nhskit-pds/0.2.0 nhskit-core/0.1.0 node/20.19.0` in Node. Browsers do not let scripts set
 * User-Agent, and a custom header would trigger CORS preflights the hosted sandboxes may refuse, so
 * in a browser nothing is added.
 */
export function userAgent(client: string | undefined): string | undefined {
  const proc = (globalThis as { process?: NodeProcessLike }).process;
  const node = proc?.versions?.node;
  if (!node || typeof (globalThis as { window?: unknown }).window !== "undefined") return undefined;
  return [client, `nhskit-core/${CORE_VERSION}`, `node/${node}`].filter(Boolean).join(" ");
}

export interface MaybeNodeGlobal {
  window?: unknown;
  process?: {
    versions?: { node?: string };
    getBuiltinModule?: (id: string) => unknown;
  };
}

/** True on a server-side Node.js runtime (also Bun and Deno, which report a Node version); false in browsers and workers. */
export function isNodeRuntime(): boolean {
  const g = globalThis as MaybeNodeGlobal;
  return g.window === undefined && typeof g.process?.versions?.node === "string";
}

/**
 * Stops a strategy that holds a private key or shared secret from being built in a browser, where anyone
 * using the page could read the secret. Thrown at construction, before anything is sent.
 */
export function requireNode(strategy: string, why: string): void {
  if (isNodeRuntime()) return;
  throw new Error(
    `${strategy} is Node-only: ${why} Anyone using a web page can read what its scripts hold, so run this part on a ` +
      "server (Node.js 20.19 or later) and give the browser only what it needs, for example a short-lived access token " +
      "passed to userToken().",
  );
}

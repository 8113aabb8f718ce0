import { isNodeRuntime } from "@nhskit/auth";

/**
 * MESH credentials (mailbox password, the environment's shared secret, the client certificate's key) must never
 * reach a web page, so the client refuses to start anywhere but a server-side runtime. Thrown before any call.
 */
export function assertServerRuntime(operation: string): void {
  if (isNodeRuntime()) return;
  throw new Error(
    `${operation}: @nhskit/mesh runs on Node.js (20.19 or later) only. A MESH client holds the mailbox password, the ` +
      "environment's shared secret and a client TLS certificate, and anything a web page holds can be read by whoever " +
      "uses it. Run the MESH client on your server and give the browser only the data it needs.",
  );
}

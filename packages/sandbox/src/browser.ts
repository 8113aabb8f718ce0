import { setupWorker } from "msw/browser";
import { type SandboxOptions, sandboxHandlers } from "./handlers.js";

/**
 * The sandbox inside a browser tab (for the playground): a service worker answers with the same handlers
 * the HTTP sandbox uses. Serve msw's `mockServiceWorker.js` from the page's origin.
 */
export async function startSandboxWorker(
  options: SandboxOptions & { serviceWorkerUrl?: string; quiet?: boolean } = {},
) {
  const worker = setupWorker(...sandboxHandlers(options));
  await worker.start({
    onUnhandledRequest: "bypass",
    quiet: options.quiet ?? true,
    ...(options.serviceWorkerUrl ? { serviceWorker: { url: options.serviceWorkerUrl } } : {}),
  });
  return worker;
}

import { createMockServer } from "@nhskit/mock-kit/server";
import { setupServer } from "msw/node";
import { immunisationHistoryHandlers } from "../../src/mocks/index.js";

/** Where a facts suite sends its calls, and how it counts what arrived. */
export interface Target {
  readonly kind: "http" | "in-process";
  /** The API's base URL (`.../immunisation-history/FHIR/R4`). */
  readonly baseUrl: string;
  /** The origin, for the proxy's own paths. */
  readonly origin: string;
  /** Requests the mocks have seen so far. */
  received(): number;
  close(): Promise<void>;
}

/** The mocks behind a real HTTP server on 127.0.0.1, as `pnpm sandbox` serves them. */
export async function httpTarget(): Promise<Target> {
  let count = 0;
  const server = await createMockServer({ handlers: immunisationHistoryHandlers(), log: () => count++ });
  return {
    kind: "http",
    baseUrl: `${server.url}/immunisation-history/FHIR/R4`,
    origin: server.url,
    received: () => count,
    close: () => server.close(),
  };
}

/** The same mocks in-process (msw intercepting fetch), as a consumer's unit tests would use them. */
export async function inProcessTarget(): Promise<Target> {
  let count = 0;
  const server = setupServer(...immunisationHistoryHandlers());
  server.events.on("request:start", () => count++);
  server.listen({ onUnhandledRequest: "error" });
  return {
    kind: "in-process",
    baseUrl: "https://sandbox.api.service.nhs.uk/immunisation-history/FHIR/R4",
    origin: "https://sandbox.api.service.nhs.uk",
    received: () => count,
    close: async () => server.close(),
  };
}

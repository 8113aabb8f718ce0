import { createMockServer } from "@nhskit/mock-kit/server";
import { setupServer } from "msw/node";
import { pdsHandlers } from "../../src/mocks/index.js";

/** Where a facts suite sends its calls, and how it counts what arrived. */
export interface Target {
  readonly baseUrl: string;
  /** Requests the mocks have seen so far. */
  received(): number;
  close(): Promise<void>;
}

/** The PDS mocks behind a real HTTP server on 127.0.0.1, as `pnpm sandbox` serves them. */
export async function httpTarget(): Promise<Target> {
  let count = 0;
  const server = await createMockServer({ handlers: pdsHandlers(), log: () => count++ });
  return {
    baseUrl: `${server.url}/personal-demographics/FHIR/R4`,
    received: () => count,
    close: () => server.close(),
  };
}

/** The same mocks in-process (msw intercepting fetch), as a consumer's unit tests would use them. */
export async function inProcessTarget(): Promise<Target> {
  let count = 0;
  const server = setupServer(...pdsHandlers());
  server.events.on("request:start", () => count++);
  server.listen({ onUnhandledRequest: "error" });
  return {
    baseUrl: "https://sandbox.api.service.nhs.uk/personal-demographics/FHIR/R4",
    received: () => count,
    close: async () => server.close(),
  };
}

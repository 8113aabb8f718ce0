import { createMockServer } from "@nhskit/mock-kit/server";
import { setupServer } from "msw/node";
import { type NrlMockOptions, nrlHandlers } from "../../src/mocks/index.js";

/** Where a facts suite sends its calls, and how it counts what arrived. */
export interface Target {
  readonly consumerBaseUrl: string;
  readonly producerBaseUrl: string;
  /** Requests the mocks have seen so far. */
  received(): number;
  close(): Promise<void>;
}

const CONSUMER = "/record-locator/consumer/FHIR/R4";
const PRODUCER = "/record-locator/producer/FHIR/R4";

/** The NRL mocks behind a real HTTP server on 127.0.0.1, as `pnpm sandbox` serves them. */
export async function httpTarget(options?: NrlMockOptions): Promise<Target> {
  let count = 0;
  const server = await createMockServer({ handlers: nrlHandlers(options), log: () => count++ });
  return {
    consumerBaseUrl: `${server.url}${CONSUMER}`,
    producerBaseUrl: `${server.url}${PRODUCER}`,
    received: () => count,
    close: () => server.close(),
  };
}

/** The same mocks in-process (msw intercepting fetch), as a consumer's unit tests would use them. */
export async function inProcessTarget(options?: NrlMockOptions): Promise<Target> {
  let count = 0;
  const server = setupServer(...nrlHandlers(options));
  server.events.on("request:start", () => count++);
  server.listen({ onUnhandledRequest: "error" });
  return {
    consumerBaseUrl: `https://sandbox.api.service.nhs.uk${CONSUMER}`,
    producerBaseUrl: `https://sandbox.api.service.nhs.uk${PRODUCER}`,
    received: () => count,
    close: async () => server.close(),
  };
}

import { createMockServer } from "@nhskit/mock-kit/server";
import { setupServer } from "msw/node";
import { type OdsFhirMockOptions, odsFhirHandlers } from "../../src/mocks/index.js";

/** Where a suite sends its calls, and what the mocks saw. */
export interface Target {
  readonly baseUrl: string;
  /** Requests the mocks have seen so far. */
  received(): number;
  /** Path and query of every request seen, in order. */
  seen(): string[];
  /** The same kind of target with mock options (an API key, a rate limit...); close it when done. */
  variant(options: OdsFhirMockOptions): Promise<Target>;
  close(): Promise<void>;
}

const BASE = "/organisation-data-terminology-api/fhir";

/** The ODS FHIR mocks behind a real HTTP server on 127.0.0.1, as `pnpm sandbox` serves them. */
export async function httpTarget(options?: OdsFhirMockOptions): Promise<Target> {
  const lines: string[] = [];
  const server = await createMockServer({ handlers: odsFhirHandlers(options), log: (line) => lines.push(line) });
  return {
    baseUrl: `${server.url}${BASE}`,
    received: () => lines.length,
    seen: () => lines.map((line) => line.split(" ")[1] ?? ""),
    variant: (more) => httpTarget(more),
    close: () => server.close(),
  };
}

/** The same mocks in-process (msw intercepting fetch), as a consumer's unit tests would use them. */
export async function inProcessTarget(options?: OdsFhirMockOptions): Promise<Target> {
  const urls: string[] = [];
  const server = setupServer(...odsFhirHandlers(options));
  server.events.on("request:start", ({ request }) => {
    const url = new URL(request.url);
    urls.push(`${url.pathname}${url.search}`);
  });
  server.listen({ onUnhandledRequest: "error" });
  const target: Target = {
    baseUrl: `https://sandbox.api.service.nhs.uk${BASE}`,
    received: () => urls.length,
    seen: () => [...urls],
    // msw allows one interceptor per process: a variant overrides the handlers until it is closed.
    variant: async (more) => {
      server.use(...odsFhirHandlers(more));
      return { ...target, variant: target.variant, close: async () => server.resetHandlers() };
    },
    close: async () => server.close(),
  };
  return target;
}

import { createMockServer } from "@nhskit/mock-kit/server";
import { setupServer } from "msw/node";
import { type SdsMockOptions, sdsHandlers } from "../../src/mocks/index.js";

/** Where a suite sends its calls, and what the mocks saw. */
export interface Target {
  readonly baseUrl: string;
  /** Requests the mocks have seen so far. */
  received(): number;
  /** Path and query of every request seen, in order. */
  seen(): string[];
  close(): Promise<void>;
}

/** The SDS mocks behind a real HTTP server on 127.0.0.1, as `pnpm sandbox` serves them. */
export async function httpTarget(options?: SdsMockOptions): Promise<Target> {
  const lines: string[] = [];
  const server = await createMockServer({ handlers: sdsHandlers(options), log: (line) => lines.push(line) });
  return {
    baseUrl: `${server.url}/spine-directory/FHIR/R4`,
    received: () => lines.length,
    seen: () => lines.map((line) => line.split(" ")[1] ?? ""),
    close: () => server.close(),
  };
}

/** The same mocks in-process (msw intercepting fetch), as a consumer's unit tests would use them. */
export async function inProcessTarget(options?: SdsMockOptions): Promise<Target> {
  const urls: string[] = [];
  const server = setupServer(...sdsHandlers(options));
  server.events.on("request:start", ({ request }) => {
    const url = new URL(request.url);
    urls.push(`${url.pathname}${url.search}`);
  });
  server.listen({ onUnhandledRequest: "error" });
  return {
    baseUrl: "https://sandbox.api.service.nhs.uk/spine-directory/FHIR/R4",
    received: () => urls.length,
    seen: () => [...urls],
    close: async () => server.close(),
  };
}

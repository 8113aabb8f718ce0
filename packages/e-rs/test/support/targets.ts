import { createMockServer } from "@nhskit/mock-kit/server";
import { setupServer } from "msw/node";
import { eRsHandlers } from "../../src/mocks/index.js";

/** Where a suite sends its calls, and what the mocks received. */
export interface Target {
  readonly baseUrl: string;
  /** Requests the mocks have seen so far. */
  received(): number;
  /** `METHOD /path` of every request seen, in order (path under the origin, without the query). */
  seen(): readonly string[];
  close(): Promise<void>;
}

/** The e-RS mocks behind a real HTTP server on 127.0.0.1, as `pnpm sandbox` serves them. */
export async function httpTarget(): Promise<Target> {
  const lines: string[] = [];
  const server = await createMockServer({ handlers: eRsHandlers(), log: (line) => lines.push(line) });
  return {
    baseUrl: `${server.url}/referrals/FHIR`,
    received: () => lines.length,
    seen: () => lines.map((line) => line.split(" ").slice(0, 2).join(" ").split("?")[0] as string),
    close: () => server.close(),
  };
}

/** The same mocks in-process (msw intercepting fetch), as a consumer's unit tests would use them. */
export async function inProcessTarget(): Promise<Target> {
  const requests: string[] = [];
  const server = setupServer(...eRsHandlers());
  server.events.on("request:start", ({ request }) => {
    requests.push(`${request.method} ${new URL(request.url).pathname}`);
  });
  server.listen({ onUnhandledRequest: "error" });
  return {
    baseUrl: "https://sandbox.api.service.nhs.uk/referrals/FHIR",
    received: () => requests.length,
    seen: () => requests,
    close: async () => server.close(),
  };
}

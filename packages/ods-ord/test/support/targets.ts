import { createMockServer } from "@nhskit/mock-kit/server";
import { setupServer } from "msw/node";
import { odsOrdHandlers } from "../../src/mocks/index.js";

/** Where a suite sends its calls, and what the mocks saw. */
export interface Target {
  readonly baseUrl: string;
  received(): number;
  /** Path and query of every request seen, in order. */
  seen(): string[];
  close(): Promise<void>;
}

/** The ORD mocks behind a real HTTP server on 127.0.0.1, under the path `pnpm sandbox` serves them on. */
export async function httpTarget(): Promise<Target> {
  const lines: string[] = [];
  const server = await createMockServer({ handlers: odsOrdHandlers(), log: (line) => lines.push(line) });
  return {
    baseUrl: `${server.url}/ods-ord/ORD/2-0-0`,
    received: () => lines.length,
    seen: () => lines.map((line) => line.split(" ")[1] ?? ""),
    close: () => server.close(),
  };
}

/** The same mocks in-process (msw intercepting fetch), answering for the production host's URL. */
export async function inProcessTarget(): Promise<Target> {
  const urls: string[] = [];
  const server = setupServer(...odsOrdHandlers());
  server.events.on("request:start", ({ request }) => {
    const url = new URL(request.url);
    urls.push(`${url.pathname}${url.search}`);
  });
  server.listen({ onUnhandledRequest: "error" });
  return {
    baseUrl: "https://directory.spineservices.nhs.uk/ORD/2-0-0",
    received: () => urls.length,
    seen: () => [...urls],
    close: async () => server.close(),
  };
}

import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDosClient } from "../src/index.js";
import { testBasicAuth } from "./support/targets.js";

// The DoS acceptable use policy: fetch service information when a user needs it; do not cache it. Here the
// server even invites caching (long max-age, an ETag), over real HTTP: every call must still reach it, and
// none may be a conditional revalidation.
const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
const service = { id: 2000011111, name: "Leeds Walk-in Centre", odsCode: "RR8", endpoints: [] };
const server = createServer((req, res) => {
  seen.push({ url: req.url ?? "", headers: req.headers });
  res.writeHead(200, {
    "content-type": "application/json",
    "cache-control": "public, max-age=86400, immutable",
    etag: '"v1"',
    "last-modified": new Date(Date.now() - 60_000).toUTCString(),
  });
  res.end(JSON.stringify({ success: { code: 200, serviceCount: 1, services: [service] } }));
});
let baseUrl = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/app/controllers/api/v1.0/services`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

describe("no caching (DoS acceptable use)", () => {
  const auth = testBasicAuth("dos-user", "s3cret-pass");

  it("two identical calls make two requests, neither conditional", async () => {
    seen.length = 0;
    const directory = createDosClient({ baseUrl, auth, retry: false });
    const first = await directory.getServiceById(2000011111);
    const second = await directory.getServiceById(2000011111);
    expect(first.services[0]?.name).toBe("Leeds Walk-in Centre");
    expect(second.services[0]?.name).toBe("Leeds Walk-in Centre");
    expect(seen.map((r) => r.url)).toEqual([
      "/app/controllers/api/v1.0/services/byServiceId/2000011111",
      "/app/controllers/api/v1.0/services/byServiceId/2000011111",
    ]);
    for (const { headers } of seen) {
      expect(headers["if-none-match"]).toBeUndefined();
      expect(headers["if-modified-since"]).toBeUndefined();
    }
    // Each call is its own request (its own id), not a replay of a stored answer.
    expect(second.requestId).not.toBe(first.requestId);
  });

  it("holds for searches and across clients too", async () => {
    seen.length = 0;
    const a = createDosClient({ baseUrl, auth, retry: false });
    const b = createDosClient({ baseUrl, auth, retry: false });
    const search = { postcode: "LS1 4HR", symptomGroupId: 1011, symptomDiscriminatorId: 4003 } as const;
    await a.searchByClinicalTerm(search);
    await a.searchByClinicalTerm(search);
    await b.searchByClinicalTerm(search);
    await a.getServicesByOdsCode("RR8");
    await b.getServicesByOdsCode("RR8");
    expect(seen).toHaveLength(5);
  });
});

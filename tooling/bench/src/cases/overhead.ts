import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { apiKey } from "@nhskit/auth";
import { createPdsClient, type paths } from "@nhskit/pds";
import axios from "axios";
import createClient from "openapi-fetch";
import { pool, type Summary, summarize } from "../stats.js";

const PATIENT = JSON.stringify({
  resourceType: "Patient",
  id: "9000000009",
  meta: { versionId: "2" },
  name: [{ use: "usual", given: ["Jane"], family: "Smith" }],
  gender: "female",
  birthDate: "2010-10-22",
});

export interface OverheadResult {
  rps: Record<string, Summary>;
  ratioToFetch: Summary;
}

/** Requests per second reading a Patient from a local keep-alive server, each contender interleaved per round. */
export async function clientOverhead(rounds = 9, perRound = 600, concurrency = 8): Promise<OverheadResult> {
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, {
      "content-type": "application/fhir+json",
      etag: 'W/"2"',
      "content-length": Buffer.byteLength(PATIENT),
    });
    res.end(PATIENT);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/personal-demographics/FHIR/R4`;
  const url = `${base}/Patient/9000000009`;
  const headers = { apikey: "bench-key", "X-Request-ID": "60e0b220-8136-4ac5-a8fd-3c1a3b7e3d0f" };

  const nhskit = createPdsClient({ baseUrl: base, auth: apiKey({ key: "bench-key" }) });
  const bare = createClient<paths>({ baseUrl: base });
  const contenders: Record<string, () => Promise<unknown>> = {
    "raw fetch": async () => (await fetch(url, { headers })).json(),
    "openapi-fetch": () => bare.GET("/Patient/{id}", { params: { path: { id: "9000000009" } }, headers }),
    "nhskit (createPdsClient + apiKey)": () => nhskit.getPatient("9000000009"),
    axios: () => axios.get(url, { headers }),
  };
  const names = Object.keys(contenders);
  // Warm up every contender (connections, JIT).
  for (const name of names) await pool(200, concurrency, () => contenders[name]!());

  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]!); // rotate who goes first
    const thisRound: Record<string, number> = {};
    for (const name of order) {
      const started = performance.now();
      await pool(perRound, concurrency, () => contenders[name]!());
      thisRound[name] = perRound / ((performance.now() - started) / 1000);
      samples[name]!.push(thisRound[name]!);
    }
    ratios.push(thisRound["nhskit (createPdsClient + apiKey)"]! / thisRound["raw fetch"]!);
  }
  await new Promise<void>((r) => server.close(() => r()));
  server.closeAllConnections();
  return { rps: Object.fromEntries(names.map((n) => [n, summarize(samples[n]!)])), ratioToFetch: summarize(ratios) };
}

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { apiKey } from "@nhskit/auth";
import { createPdsClient } from "@nhskit/pds";
import { pool } from "../stats.js";

const PATIENT = JSON.stringify({ resourceType: "Patient", id: "9000000009", meta: { versionId: "2" } });

export interface MemoryResult {
  rssAfter10kMB: number;
  rssAfter100kMB: number;
  growthPercent: number;
  gcAvailable: boolean;
}

const settle = async () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 50));
  }
  return process.memoryUsage().rss / 1024 / 1024;
};

/** RSS after 10,000 and after 100,000 calls through one client: the second should be within 10%. */
export async function memoryGrowth(): Promise<MemoryResult> {
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { "content-type": "application/fhir+json", etag: 'W/"2"' });
    res.end(PATIENT);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/personal-demographics/FHIR/R4`;
  const pds = createPdsClient({ baseUrl: base, auth: apiKey({ key: "bench-key" }) });
  await pool(10_000, 32, () => pds.getPatient("9000000009"));
  const after10k = await settle();
  await pool(90_000, 32, () => pds.getPatient("9000000009"));
  const after100k = await settle();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  return {
    rssAfter10kMB: after10k,
    rssAfter100kMB: after100k,
    growthPercent: ((after100k - after10k) / after10k) * 100,
    gcAvailable: typeof (globalThis as { gc?: unknown }).gc === "function",
  };
}

import { createPdsClient } from "@nhskit/pds";
import { createSandboxServer, type SandboxServer } from "@nhskit/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let sandbox: SandboxServer;
beforeAll(async () => {
  sandbox = await createSandboxServer();
});
afterAll(() => sandbox.close());

async function run(count: number, concurrency: number, call: () => Promise<unknown>) {
  let failures = 0;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      await call().catch(() => {
        failures += 1;
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return failures;
}

describe("load through one client against the sandbox", () => {
  it("10,000 calls at concurrency 200: no failures, memory flat", async () => {
    const pds = createPdsClient({ baseUrl: `${sandbox.url}/personal-demographics/FHIR/R4` });
    const call = () => pds.getPatient("9000000009");
    const gc = (globalThis as { gc?: () => void }).gc;
    const heap = () => {
      gc?.();
      return process.memoryUsage().heapUsed / 1024 / 1024;
    };
    const started = performance.now();
    expect(await run(5_000, 200, call)).toBe(0);
    const afterFirstHalf = heap();
    expect(await run(5_000, 200, call)).toBe(0);
    const afterSecondHalf = heap();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `10,000 calls in ${seconds.toFixed(1)} s (${(10_000 / seconds).toFixed(0)}/s); heap ${afterFirstHalf.toFixed(1)} MB after 5,000, ${afterSecondHalf.toFixed(1)} MB after 10,000${gc ? "" : " (no --expose-gc)"}`,
    );
    // Flat: the second 5,000 calls leave no more behind than a little noise.
    expect(afterSecondHalf - afterFirstHalf).toBeLessThan(16);
  }, 180_000);
});

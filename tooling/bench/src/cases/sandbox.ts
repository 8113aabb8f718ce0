import { spawn } from "node:child_process";
import { join } from "node:path";
import autocannon from "autocannon";

export interface SandboxThroughput {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`${url} did not start`);
}

/** The sandbox in its own process (as `pnpm sandbox` runs it), loaded by autocannon over loopback. */
export async function sandboxThroughput(root: string, seconds = 10): Promise<SandboxThroughput> {
  const port = 9400 + Math.floor(Math.random() * 400);
  const child = spawn(
    process.execPath,
    [join(root, "packages/sandbox/dist/cli.js"), "--port", String(port), "--quiet"],
    { stdio: "ignore" },
  );
  try {
    await waitFor(`http://127.0.0.1:${port}/`);
    const run = (duration: number) =>
      autocannon({
        url: `http://127.0.0.1:${port}/personal-demographics/FHIR/R4/Patient/9000000009`,
        headers: { "X-Request-ID": "60e0b220-8136-4ac5-a8fd-3c1a3b7e3d0f" },
        connections: 32,
        duration,
      });
    await run(2); // warm-up
    const result = await run(seconds);
    return {
      requestsPerSecond: result.requests.average,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
    };
  } finally {
    child.kill("SIGTERM");
  }
}

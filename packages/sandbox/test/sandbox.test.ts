import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createPdsClient } from "@nhskit/pds";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandboxServer, type SandboxServer } from "../src/index.js";

let sandbox: SandboxServer;
const lines: string[] = [];
beforeAll(async () => {
  sandbox = await createSandboxServer({ log: (line) => lines.push(line) });
});
afterAll(() => sandbox.close());

describe("the sandbox server", () => {
  it("serves PDS under its hosted sandbox path, so only the origin differs", async () => {
    const pds = createPdsClient({ baseUrl: `${sandbox.url}/personal-demographics/FHIR/R4` });
    const { patient, version } = await pds.getPatient("9000000009");
    expect([patient.id, version]).toEqual(["9000000009", 2]);
    expect(lines.at(-1)).toMatch(/^GET \/personal-demographics\/FHIR\/R4\/Patient\/9000000009 200 \d+ms$/);
  });

  it("answers like the hosted sandbox to a plain request", async () => {
    const res = await fetch(`${sandbox.url}/personal-demographics/FHIR/R4/Patient/9000000009`, {
      headers: { "X-Request-ID": "60e0b220-8136-4ac5-a8fd-3c1a3b7e3d0f" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe('W/"2"');
    expect(res.headers.get("x-request-id")).toBe("60e0b220-8136-4ac5-a8fd-3c1a3b7e3d0f");
  });

  it("lists the APIs at / and the served base paths in a 404", async () => {
    const index = await (await fetch(`${sandbox.url}/`)).json();
    expect(index.apis).toHaveLength(19);
    // Every API in the catalogue is served.
    expect(index.apis.filter((a: { served: boolean }) => !a.served).map((a: { id: string }) => a.id)).toEqual([]);
    expect(index.apis.find((a: { id: string }) => a.id === "pds")).toMatchObject({
      served: true,
      basePaths: ["/personal-demographics/FHIR/R4"],
    });
    const missing = await fetch(`${sandbox.url}/nope/FHIR/R4/Thing`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).served).toContain("/personal-demographics/FHIR/R4");
  });

  it("allows the playground's cross-origin calls", async () => {
    const res = await fetch(`${sandbox.url}/personal-demographics/FHIR/R4/Patient/9000000009`, {
      method: "OPTIONS",
      headers: {
        Origin: "http://127.0.0.1:5173",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "x-request-id",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:5173");
  });

  it("refuses an API it has no mocks for", async () => {
    await expect(createSandboxServer({ apis: ["nope"] })).rejects.toThrow(/has no mocks for nope/);
  });
});

describe("the CLI", () => {
  it("starts on --port, logs one line per request, and stops cleanly on SIGTERM", async () => {
    const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
    const child = spawn(process.execPath, [cli, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start line: ${out}`)), 10_000);
      child.stdout.on("data", () => {
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    const res = await fetch(`${url}/personal-demographics/FHIR/R4/Patient/9000000025`, {
      headers: { "X-Request-ID": "60e0b220-8136-4ac5-a8fd-3c1a3b7e3d0f" },
    });
    expect(res.status).toBe(200);
    const exit = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
    expect(out).toMatch(/GET \/personal-demographics\/FHIR\/R4\/Patient\/9000000025 200/);
    expect(out).toMatch(/SIGTERM: stopping the sandbox/);
  });

  it("explains a bad --app", async () => {
    const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
    const child = spawn(process.execPath, [cli, "--app", "key-without-path"], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (c: Buffer) => {
      err += c.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(err).toMatch(/--app needs <apiKey>=<path to jwks.json>/);
  });

  it("explains a bad --port", async () => {
    const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
    const child = spawn(process.execPath, [cli, "--port", "http"], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (c: Buffer) => {
      err += c.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(err).toMatch(/--port must be a number/);
  });
});

import { createPrivateKey } from "node:crypto";
import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { demoApp } from "../src/mocks/index.js";
import { captured } from "./support/capture.js";
import { SECRETS, type TestKey, testKeys } from "./support/keys.js";

// Runs last (see vitest.config.ts), in the same worker as every other test file, and scans what they captured.

const pemBody = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");

function keyMaterial(pem: string, d: string | undefined): string[] {
  const body = pemBody(pem);
  const lines = pem.split("\n").filter((l) => l && !l.startsWith("-----"));
  return [body, ...lines, ...(d ? [d] : [])];
}

describe("secrets", () => {
  it("never appear in any log line or error produced across the auth tests", () => {
    const testFiles = readdirSync(dirname(fileURLToPath(import.meta.url)))
      .filter((f) => f.endsWith(".test.ts") && !f.startsWith("zz-"))
      .map((f) => f.replace(/\.test\.ts$/, ""));
    // This scan means something only after the whole suite ran in this worker.
    expect([...captured.files].sort(), "run the whole suite: `pnpm exec vitest run`").toEqual(testFiles.sort());
    expect(captured.lines.length).toBeGreaterThan(100);
    expect(captured.errors.length).toBeGreaterThan(30);

    const keys = Object.values(testKeys()) as TestKey[];
    const demoD = createPrivateKey(demoApp.privateKeyPem).export({ format: "jwk" }).d;
    const accessTokens = captured.endpoints.flatMap((e) =>
      e.tokenRequests().flatMap((r) => (r.accessToken ? [r.accessToken] : [])),
    );
    expect(accessTokens.length).toBeGreaterThan(20);
    const secrets: Array<[string, string]> = [
      ["API key (signed JWT)", SECRETS.apiKey],
      ["API key (apikey header)", SECRETS.plainApiKey],
      ["basic password", SECRETS.basicPassword],
      ["basic credentials, base64", Buffer.from(`${SECRETS.basicUser}:${SECRETS.basicPassword}`).toString("base64")],
      ["MESH password", SECRETS.meshPassword],
      ["MESH shared key", SECRETS.meshSharedKey],
      ["client secret", SECRETS.clientSecret],
      ...keys.flatMap((k) =>
        keyMaterial(k.pem, k.privateJwk.d).map((m): [string, string] => [`private key ${k.kid}`, m]),
      ),
      ...keyMaterial(demoApp.privateKeyPem, demoD).map((m): [string, string] => ["demo private key", m]),
      ...accessTokens.map((t): [string, string] => ["access token", t]),
    ];

    const everything = [...captured.lines, ...captured.errors].join("\n");
    // The capture did see credentials being sent, redacted by core.
    expect(everything).toContain('"authorization":"Bearer [redacted]"');
    expect(everything).toContain('"authorization":"NHSMESH [redacted]"');
    expect(everything).toContain('"apikey":"[redacted]"');
    const leaks = secrets.filter(([, value]) => everything.includes(value)).map(([name]) => name);
    expect(leaks).toEqual([]);
    console.info(
      `scanned ${captured.lines.length} log lines and ${captured.errors.length} errors for ${secrets.length} secret values (${accessTokens.length} access tokens): none found`,
    );
  });
});

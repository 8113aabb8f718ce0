import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import {
  apiKey,
  basicAuth,
  createTokenExchange,
  isNodeRuntime,
  mesh,
  openAccess,
  signedJwt,
  userToken,
} from "../src/index.js";
import { caught, fileRan, recordError } from "./support/capture.js";
import { SECRETS, testKeys } from "./support/keys.js";

fileRan("browser");

const g = globalThis as { window?: unknown };
afterEach(() => {
  delete g.window;
});

async function authorize(strategy: { authorize: (r: never) => unknown }) {
  const headers = new Headers();
  await strategy.authorize({
    method: "GET",
    url: new URL("https://x/"),
    headers,
    attempt: 1,
    signal: new AbortController().signal,
  } as never);
  return headers;
}

describe("in a browser (globalThis.window defined)", () => {
  const { app } = testKeys();

  it("signedJwt, createTokenExchange and mesh refuse to be built, saying they are Node-only", async () => {
    g.window = {};
    expect(isNodeRuntime()).toBe(false);
    const jwt = await caught(() =>
      signedJwt({ apiKey: SECRETS.apiKey, privateKey: app.pem, kid: app.kid, environment: "int" }),
    );
    expect(jwt.message).toMatch(/^signedJwt is Node-only: it holds your application's private key\./);
    expect(jwt.message).toMatch(/userToken\(\)/);
    const exchange = await caught(() =>
      createTokenExchange({ apiKey: SECRETS.apiKey, privateKey: app.pem, kid: app.kid, environment: "int" }),
    );
    expect(exchange.message).toMatch(/^createTokenExchange is Node-only/);
    const mailbox = await caught(() =>
      mesh({ mailboxId: "X26ABC1", password: SECRETS.meshPassword, sharedKey: SECRETS.meshSharedKey }),
    );
    expect(mailbox.message).toMatch(/^mesh is Node-only: it holds the mailbox password/);
  });

  it("the same guard applies where there is no Node process (a web worker)", () => {
    const realProcess = globalThis.process;
    let error: unknown;
    try {
      Object.defineProperty(globalThis, "process", { value: undefined, configurable: true, writable: true });
      try {
        mesh({ mailboxId: "X26ABC1", password: "p", sharedKey: "k" });
      } catch (e) {
        error = e;
      }
    } finally {
      Object.defineProperty(globalThis, "process", { value: realProcess, configurable: true, writable: true });
    }
    recordError(error);
    expect(String(error)).toMatch(/mesh is Node-only/);
  });

  it("openAccess, basicAuth, apiKey and userToken work", async () => {
    g.window = {};
    expect([...(await authorize(openAccess())).keys()]).toEqual([]);
    expect((await authorize(basicAuth({ username: "u", password: "p" }))).get("authorization")).toBe(
      `Basic ${btoa("u:p")}`,
    );
    expect((await authorize(apiKey({ key: "k-123" }))).get("apikey")).toBe("k-123");
    expect((await authorize(userToken({ getAccessToken: async () => "tok123" }))).get("authorization")).toBe(
      "Bearer tok123",
    );
  });
});

describe("the main entry's module graph", () => {
  const srcDir = resolve(dirname(fileURLToPath(import.meta.url)), "../src");

  /** Every runtime import reachable from a source file (type-only imports are erased and do not count). */
  function runtimeImports(file: string, seen = new Set<string>()): Map<string, string> {
    const found = new Map<string, string>();
    if (seen.has(file)) return found;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    const pattern = /^\s*(import|export)\s+(type\s+)?[^;]*?from\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/gms;
    for (const match of text.matchAll(pattern)) {
      if (match[2]) continue;
      const spec = (match[3] ?? match[4])!;
      found.set(spec, file);
      if (spec.startsWith(".")) {
        const next = join(dirname(file), spec.replace(/\.js$/, ".ts"));
        for (const [s, f] of runtimeImports(next, seen)) found.set(s, f);
      }
    }
    return found;
  }

  it("has no node: or undici import, so browser bundles can include it", () => {
    const imports = runtimeImports(join(srcDir, "index.ts"));
    const external = [...imports.keys()].filter((s) => !s.startsWith("."));
    expect(external.sort()).toEqual(["@nhskit/catalogue", "@nhskit/core", "jose"]);
  });

  it("keeps node: imports to the node entry and the CLI", () => {
    const node = [...runtimeImports(join(srcDir, "node.ts")).keys()].filter((s) => !s.startsWith("."));
    expect(node).toContain("undici");
    expect(node).toContain("node:crypto");
  });
});

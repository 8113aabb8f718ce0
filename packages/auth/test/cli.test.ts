import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createLocalJWKSet, jwtVerify, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli-run.js";
import { signedJwt } from "../src/index.js";
import { captured, fileRan } from "./support/capture.js";

fileRan("cli");

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(packageDir, "../..");
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nhskit-cli-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir });
  captured.lines.push(...out, ...err);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("nhskit keys generate", () => {
  let generated: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    generated = await run("keys", "generate", "--kid", "int-2025-01", "--out", "keys");
  }, 60_000);

  it("writes an RSA 4096 private key with mode 0600 and the public JWKS", async () => {
    expect(generated.code).toBe(0);
    expect(generated.out).toContain("Wrote keys/int-2025-01.pem (private key, mode 0600");
    expect(generated.out).toContain("Wrote keys/int-2025-01.jwks.json");
    const pemStat = await stat(join(dir, "keys/int-2025-01.pem"));
    expect(pemStat.mode & 0o777).toBe(0o600);
    const jwks = JSON.parse(await readFile(join(dir, "keys/int-2025-01.jwks.json"), "utf8"));
    expect(Object.keys(jwks)).toEqual(["keys"]);
    expect(jwks.keys).toHaveLength(1);
    expect(Object.keys(jwks.keys[0]).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", e: "AQAB", alg: "RS512", use: "sig", kid: "int-2025-01" });
    expect(Buffer.from(jwks.keys[0].n, "base64url").length * 8).toBe(4096);
  });

  it("makes a JWKS that verifies what the private key signs", async () => {
    const pem = await readFile(join(dir, "keys/int-2025-01.pem"), "utf8");
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const { createPrivateKey } = await import("node:crypto");
    const jwt = await new SignJWT({ hello: "world" })
      .setProtectedHeader({ alg: "RS512", kid: "int-2025-01", typ: "JWT" })
      .sign(createPrivateKey(pem));
    const jwks = JSON.parse(await readFile(join(dir, "keys/int-2025-01.jwks.json"), "utf8"));
    const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks));
    expect(payload.hello).toBe("world");
    // And signedJwt takes the key as written.
    expect(signedJwt({ apiKey: "k", privateKey: pem, kid: "int-2025-01", environment: "int" }).kind).toBe("signed-jwt");
  });

  it("refuses to overwrite an existing key", async () => {
    const before = await readFile(join(dir, "keys/int-2025-01.pem"), "utf8");
    const again = await run("keys", "generate", "--kid", "int-2025-01", "--out", "keys");
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/keys\/int-2025-01\.pem already exists; nhskit never overwrites a key/);
    expect(await readFile(join(dir, "keys/int-2025-01.pem"), "utf8")).toBe(before);
  });

  it("refuses when only the JWKS exists, and writes nothing", async () => {
    await writeFile(join(dir, "lonely.jwks.json"), "{}");
    const result = await run("keys", "generate", "--kid", "lonely");
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/lonely\.jwks\.json already exists/);
    expect(existsSync(join(dir, "lonely.pem"))).toBe(false);
  });

  const usage: Array<[string, string[], RegExp]> = [
    ["no command", [], /say what to do: keys generate/],
    ["an unknown command", ["keys", "rotate"], /unknown command "keys rotate"/],
    ["a missing --kid", ["keys", "generate"], /--kid is required/],
    [
      "a kid that cannot be a file name",
      ["keys", "generate", "--kid", "../etc/passwd"],
      /--kid "..\/etc\/passwd" is not usable/,
    ],
    ["an unknown option", ["keys", "generate", "--kid", "a", "--bits", "1024"], /Unknown option '--bits'/],
  ];
  for (const [name, argv, message] of usage) {
    it(`exits 2 with usage text for ${name}`, async () => {
      const result = await run(...argv);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(message);
      expect(result.err).toContain("Usage: nhskit keys generate --kid <kid> [--out <dir>]");
    });
  }

  it("prints help and exits 0", async () => {
    const result = await run("--help");
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Usage: nhskit keys generate/);
  });

  const built = join(packageDir, "dist/cli.js");
  it.skipIf(!existsSync(built))(
    "runs from the repository root as node packages/auth/dist/cli.js (as `pnpm nhskit` does)",
    () => {
      const env = { ...process.env };
      delete env.INIT_CWD;
      const help = spawnSync(process.execPath, ["packages/auth/dist/cli.js", "--help"], {
        cwd: repoRoot,
        env,
        encoding: "utf8",
      });
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/^Usage: nhskit keys generate/);
      // pnpm passes the directory it was run from as INIT_CWD; relative --out starts there.
      const refused = spawnSync(
        process.execPath,
        [join(repoRoot, "packages/auth/dist/cli.js"), "keys", "generate", "--kid", "int-2025-01", "--out", "keys"],
        {
          cwd: repoRoot,
          env: { ...env, INIT_CWD: dir },
          encoding: "utf8",
        },
      );
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/int-2025-01\.pem already exists/);
      const bad = spawnSync(process.execPath, ["packages/auth/dist/cli.js", "keys"], {
        cwd: repoRoot,
        env,
        encoding: "utf8",
      });
      expect(bad.status).toBe(2);
      captured.lines.push(help.stdout, refused.stderr, bad.stderr);
    },
  );
});

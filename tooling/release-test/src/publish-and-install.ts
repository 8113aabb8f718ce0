// The publish-and-install test: Verdaccio on 127.0.0.1, `pnpm release` into it, then a fresh npm project
// outside the workspace installs @nhskit/pds and @nhskit/sandbox, type-checks a strict file, starts the
// sandbox and reads patient 9000000009.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "nhskit-release-"));
const children: ChildProcess[] = [];
let passed = 0;
let failed = 0;

function step(name: string, ok: boolean, detail = "") {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? `: ${detail}` : ""}`);
  if (!ok) throw new Error(`${name} failed${detail ? `: ${detail}` : ""}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

/** GET JSON, once more on a dropped connection (the registry closes idle keep-alive sockets during a long publish). */
async function getJson(url: string): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await (await fetch(url, { headers: { connection: "close" } })).json();
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function dirSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? dirSize(path) : statSync(path).size;
  }
  return total;
}

try {
  // 1. A private registry: @nhskit/* live only here; everything else comes through from npm.
  const port = await freePort();
  const registry = `http://127.0.0.1:${port}/`;
  mkdirSync(join(work, "verdaccio"));
  writeFileSync(
    join(work, "verdaccio/config.yaml"),
    [
      `storage: ${join(work, "verdaccio/storage")}`,
      "auth:",
      `  htpasswd: { file: ${join(work, "verdaccio/htpasswd")}, max_users: 10 }`,
      "uplinks:",
      "  npmjs: { url: https://registry.npmjs.org/, timeout: 60s }",
      "packages:",
      "  '@nhskit/*': { access: $all, publish: $authenticated }",
      "  '**': { access: $all, publish: $authenticated, proxy: npmjs }",
      "log: { type: stdout, format: pretty, level: error }",
      "",
    ].join("\n"),
  );
  const verdaccio = spawn(
    join(root, "node_modules/.bin/verdaccio"),
    ["--config", join(work, "verdaccio/config.yaml"), "--listen", `127.0.0.1:${port}`],
    {
      stdio: process.env.NHSKIT_DEBUG ? "inherit" : "ignore",
    },
  );
  children.push(verdaccio);
  await waitFor(`${registry}-/ping`, 30_000);
  const user = await fetch(`${registry}-/user/org.couchdb.user:nhskit-ci`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "nhskit-ci", password: "release-test-only" }),
  });
  const { token } = (await user.json()) as { token: string };
  const npmrc = join(work, ".npmrc");
  writeFileSync(npmrc, `registry=${registry}\n//127.0.0.1:${port}/:_authToken=${token}\n`);
  const registryEnv = { npm_config_registry: registry, NPM_CONFIG_USERCONFIG: npmrc, npm_config_userconfig: npmrc };
  step("verdaccio started", true, registry);

  // 2. The release command, pointed at it by config only.
  const out = run("pnpm", ["release", "--no-git-tag"], root, registryEnv);
  if (process.env.NHSKIT_DEBUG) console.log(out);
  const published = [...new Set([...out.matchAll(/@nhskit\/[\w-]+@\d+\.\d+\.\d+/g)].map((m) => m[0]))];
  const listed = (await getJson(`${registry}@nhskit%2fpds`)) as { versions?: Record<string, unknown> };
  step(
    "pnpm release published to the registry",
    Object.keys(listed.versions ?? {}).length > 0,
    `${published.length} packages`,
  );

  // 3. A new npm project outside the workspace.
  const app = join(work, "app");
  mkdirSync(app);
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "@nhskit/pds", "@nhskit/sandbox"], app, registryEnv);
  run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--save-dev", "typescript@5.9.3", "@types/node@20"],
    app,
    registryEnv,
  );
  step("npm installed @nhskit/pds and @nhskit/sandbox", true);

  // 4. Strict TypeScript against the published types.
  writeFileSync(
    join(app, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        module: "nodenext",
        moduleResolution: "nodenext",
        target: "es2022",
        noEmit: true,
        skipLibCheck: false,
        types: ["node"],
      },
      include: ["main.ts"],
    }),
  );
  const source = `import { createPdsClient, NhsApiError, type Patient } from "@nhskit/pds";

const pds = createPdsClient({ baseUrl: process.env.PDS_URL ?? "http://127.0.0.1:9000/personal-demographics/FHIR/R4" });
try {
  const { patient, version }: { patient: Patient; version: number } = await pds.getPatient("9000000009");
  console.log(\`\${patient.name?.[0]?.family} \${version}\`);
} catch (error) {
  if (error instanceof NhsApiError) console.error(error.code);
  throw error;
}
`;
  writeFileSync(join(app, "main.ts"), source);
  let typecheck = "";
  try {
    run(join(app, "node_modules/.bin/tsc"), ["-p", "."], app);
  } catch (error) {
    typecheck = String((error as { stdout?: string }).stdout ?? error);
  }
  step("strict type-check of a file using the client", typecheck === "", typecheck);

  // 5. Start the published sandbox and read Jane Smith with the published client.
  const sandboxPort = await freePort();
  const sandbox = spawn(join(app, "node_modules/.bin/nhskit-sandbox"), ["--port", String(sandboxPort), "--quiet"], {
    cwd: app,
    stdio: "ignore",
  });
  children.push(sandbox);
  await waitFor(`http://127.0.0.1:${sandboxPort}/`, 20_000);
  writeFileSync(
    join(app, "main.mjs"),
    source.replace(": { patient: Patient; version: number }", "").replace(", type Patient", ""),
  );
  const read = run("node", ["main.mjs"], app, {
    PDS_URL: `http://127.0.0.1:${sandboxPort}/personal-demographics/FHIR/R4`,
  }).trim();
  step("read patient 9000000009 from the installed sandbox", read === "Smith 2", read);

  // 6. What @nhskit/pds pulls in on its own: a second project installs it alone, so packages the sandbox
  // brought (msw, which pds names only as an optional peer for its mocks) cannot blur the answer.
  const alone = join(work, "pds-alone");
  mkdirSync(alone);
  writeFileSync(join(alone, "package.json"), JSON.stringify({ name: "pds-alone", private: true, type: "module" }));
  run("npm", ["install", "--no-audit", "--no-fund", "@nhskit/pds"], alone, registryEnv);
  const modules = join(alone, "node_modules");
  const installed = readdirSync(modules)
    .filter((n) => !n.startsWith("."))
    .flatMap((n) => (n.startsWith("@") ? readdirSync(join(modules, n)).map((m) => `${n}/${m}`) : [n]));
  const allowed = new Set([
    "@nhskit/pds",
    "@nhskit/core",
    "@nhskit/catalogue",
    "openapi-fetch",
    "openapi-typescript-helpers",
    "zod",
  ]);
  const unexpected = installed.filter((n) => !allowed.has(n));
  step(
    "@nhskit/pds alone pulls in runtime dependencies only",
    unexpected.length === 0,
    unexpected.length ? `unexpected: ${unexpected.join(", ")}` : installed.sort().join(", "),
  );
  const sizes = installed.map((n) => [n, dirSize(join(modules, n))] as const).sort((x, y) => y[1] - x[1]);
  const total = sizes.reduce((sum, [, bytes]) => sum + bytes, 0);
  console.log(`installed size of @nhskit/pds with its dependencies: ${(total / 1024).toFixed(0)} kB`);
  for (const [name, bytes] of sizes) console.log(`  ${name.padEnd(30)} ${(bytes / 1024).toFixed(0).padStart(6)} kB`);
} catch (error) {
  if (failed === 0) failed += 1;
  console.error(error instanceof Error ? error.message : error);
} finally {
  for (const child of children) child.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

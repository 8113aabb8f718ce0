// pnpm exercise [--target local|sandbox] [--api <id>]...
import { parseArgs } from "node:util";
import { createSandboxServer } from "@nhskit/sandbox";
import { knownApis, runScenarios, type ScenarioResult } from "./run.js";
import type { Target } from "./types.js";

const usage = "Usage: pnpm exercise [--target local|sandbox] [--api <id>]...";
let values: { target?: string; api?: string[]; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      target: { type: "string", default: "local" },
      api: { type: "string", multiple: true },
      help: { type: "boolean" },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const target = values.target as Target;
if (target !== "local" && target !== "sandbox") {
  console.error(`--target must be local or sandbox (got ${values.target}).\n${usage}`);
  process.exit(2);
}
const unknown = (values.api ?? []).filter((id) => !knownApis().includes(id));
if (unknown.length) {
  console.error(`No scenarios for ${unknown.join(", ")}. APIs with scenarios: ${knownApis().join(", ")}.`);
  process.exit(2);
}

// The local target gets its own sandbox on a free port, so nothing else needs to be running.
const sandbox = target === "local" ? await createSandboxServer() : undefined;
const pad = (text: string, width: number) =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
const rows: ScenarioResult[] = [];
try {
  await runScenarios({
    target,
    ...(values.api ? { apis: values.api } : {}),
    ...(sandbox ? { localOrigin: sandbox.url } : {}),
    onResult(result, done, total) {
      rows.push(result);
      process.stderr.write(`\r[${done}/${total}] ${pad(`${result.scenario.api} ${result.scenario.name}`, 60)}`);
    },
  });
} finally {
  await sandbox?.close();
}
process.stderr.write("\n");

console.log(`${pad("API", 24)}${pad("operation", 26)}${pad("scenario", 44)}${pad("status", 9)}${pad("ms", 7)}result`);
for (const r of rows) {
  console.log(
    `${pad(r.scenario.api, 24)}${pad(r.scenario.operation, 26)}${pad(r.scenario.name, 44)}${pad(r.status, 9)}${pad(String(r.ms), 7)}${r.ok ? "pass" : `FAIL ${r.detail}`}`,
  );
}
const perApi = new Map<string, number>();
for (const r of rows) perApi.set(r.scenario.api, (perApi.get(r.scenario.api) ?? 0) + 1);
console.log(`\nscenarios per API: ${[...perApi].map(([api, n]) => `${api} ${n}`).join(", ")}`);
const failed = rows.filter((r) => !r.ok).length;
console.log(`${rows.length - failed} passed, ${failed} failed (target: ${target})`);
process.exit(failed ? 1 : 0);

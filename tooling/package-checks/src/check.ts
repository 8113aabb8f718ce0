// pnpm check: quality gates for every published package (run after `pnpm build`).
//   manifest fields, publint, are-the-types-wrong (ESM-only profile), size budgets.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { manifestProblems } from "./manifest.js";
import { publishedPackages } from "./packages.js";
import { measure, readBudgets, repoRootOf } from "./size.js";

const root = repoRootOf(fileURLToPath(import.meta.url));
const only = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const packages = publishedPackages(root);
const selected = only.length
  ? packages.filter((p) => only.includes(p.name) || only.includes(p.name.replace("@nhskit/", "")))
  : packages;
const failures: string[] = [];
const fail = (pkg: string, what: string) => failures.push(`${pkg}: ${what}`);
const temp = mkdtempSync(join(tmpdir(), "nhskit-check-"));

try {
  for (const pkg of selected) {
    for (const problem of manifestProblems(pkg)) fail(pkg.name, problem);

    // Pack as the registry would see it (pnpm turns workspace: ranges into versions).
    const dest = join(temp, pkg.name.replace("/", "__"));
    execFileSync("pnpm", ["pack", "--pack-destination", dest], { cwd: pkg.dir, stdio: "ignore" });
    const tarball = join(dest, readdirSync(dest).find((f) => f.endsWith(".tgz"))!);

    const lint = await publint({ pkgDir: pkg.dir, pack: "pnpm", strict: true });
    for (const message of lint.messages) {
      if (message.type === "suggestion") continue;
      fail(pkg.name, `publint ${message.type}: ${formatMessage(message, lint.pkg) ?? message.code}`);
    }

    const attw = (() => {
      try {
        execFileSync(
          join(root, "node_modules/.bin/attw"),
          [tarball, "--profile", "esm-only", "--format", "ascii", "--no-emoji", "--no-color"],
          { encoding: "utf8", stdio: "pipe" },
        );
        return undefined;
      } catch (error) {
        return ((error as { stdout?: string }).stdout ?? String(error)).trim();
      }
    })();
    if (attw) fail(pkg.name, `are-the-types-wrong:\n${attw}`);
    console.log(`checked ${pkg.name}`);
  }

  const budgets = readBudgets(root);
  console.log("\nsize (minified + gzipped browser bundle, first download):");
  for (const pkg of selected) {
    const mine = budgets.filter((b) => b.package === pkg.name);
    if (mine.length === 0) fail(pkg.name, "no size budget in size-budgets.json");
    for (const budget of mine) {
      const size = await measure(budget.code, pkg, packages);
      const ok = size.gzipBytes <= budget.maxGzipBytes;
      if (!ok) fail(pkg.name, `${budget.name}: ${size.gzipBytes} B gzipped, budget ${budget.maxGzipBytes} B`);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
      console.log(
        `  ${ok ? "ok  " : "OVER"} ${pkg.name.padEnd(34)} ${budget.name.padEnd(38)} ${kb(size.gzipBytes).padStart(8)} / ${kb(budget.maxGzipBytes)}${size.lazy.length ? `  (+ lazy: ${size.lazy.join(", ")})` : ""}`,
      );
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`\n${failures.length} problem(s):\n${failures.map((f) => `- ${f}`).join("\n")}`);
  process.exit(1);
}
console.log(`\nall ${selected.length} published packages pass`);

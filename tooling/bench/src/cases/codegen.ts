import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { type Summary, summarize } from "../stats.js";

export interface CodegenTimes {
  generateMs: Summary;
  checkMs: Summary;
}

/** Wall time of `pnpm codegen` (every API) and `pnpm codegen --check`, or why it was skipped. */
export function codegenTimes(root: string, runs = 3): CodegenTimes | string {
  const specs = process.env.NHSKIT_SPECS_DIR ?? join(root, "../shared/specs");
  if (!existsSync(specs)) return `skipped: no specs at ${specs}`;
  const time = (args: string[]) => {
    const started = performance.now();
    execFileSync("pnpm", ["codegen", ...args], { cwd: root, stdio: "ignore" });
    return performance.now() - started;
  };
  const gen: number[] = [];
  const check: number[] = [];
  for (let i = 0; i < runs; i++) {
    gen.push(time([]));
    check.push(time(["--check"]));
  }
  return { generateMs: summarize(gen), checkMs: summarize(check) };
}

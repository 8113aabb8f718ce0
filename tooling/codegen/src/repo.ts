// Locating the repository root and the upstream specs folder.

import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const SPECS_DIR_ENV = "NHSKIT_SPECS_DIR";

/** Walk up from `start` to the folder holding pnpm-workspace.yaml. */
export function findRepoRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The repository root. `pnpm --filter ... exec` runs with cwd tooling/codegen, and a caller may run from
 * anywhere, so try the working directory first and then this module's own location.
 */
export function repoRoot(cwd: string = process.cwd()): string {
  const root = findRepoRoot(cwd) ?? findRepoRoot(dirname(fileURLToPath(import.meta.url)));
  if (!root) throw new Error(`cannot find the repository root (no pnpm-workspace.yaml above ${cwd})`);
  return root;
}

export type SpecsDirResult = { ok: true; dir: string } | { ok: false; message: string };

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** NHSKIT_SPECS_DIR when set, else <repo root>/../shared/specs. */
export function locateSpecsDir(root: string, env: NodeJS.ProcessEnv = process.env): SpecsDirResult {
  const fromEnv = env[SPECS_DIR_ENV];
  const fallback = resolve(root, "..", "shared", "specs");
  const howToFix = `Set ${SPECS_DIR_ENV} to the folder holding <api id>/SOURCE.md, e.g. ${SPECS_DIR_ENV}=/path/to/specs pnpm codegen`;
  if (fromEnv) {
    const dir = resolve(fromEnv);
    if (isDirectory(dir)) return { ok: true, dir };
    return {
      ok: false,
      message:
        "Upstream specs folder not found. Looked in:\n" +
        `  - $${SPECS_DIR_ENV}=${fromEnv} (${dir} is not a directory)\n` +
        `  - ${fallback} (not used while ${SPECS_DIR_ENV} is set)\n${howToFix}`,
    };
  }
  if (isDirectory(fallback)) return { ok: true, dir: fallback };
  return {
    ok: false,
    message:
      "Upstream specs folder not found. Looked in:\n" +
      `  - $${SPECS_DIR_ENV} (not set)\n` +
      `  - ${fallback} (does not exist)\n${howToFix}`,
  };
}

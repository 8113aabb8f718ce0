// Writing outputs. Unchanged files are not rewritten, so mtimes (and build caches keyed on them) survive.

import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { OutputFile } from "./pipeline.js";

/** Current content of an output file, or undefined when it does not exist. */
export function readOutput(outRoot: string, path: string): string | undefined {
  const full = join(outRoot, path);
  return existsSync(full) ? readFileSync(full, "utf8") : undefined;
}

/** Write the files that differ from disk; returns the paths written. */
export async function writeOutputs(outRoot: string, files: readonly OutputFile[]): Promise<string[]> {
  const written: string[] = [];
  for (const file of files) {
    if (readOutput(outRoot, file.path) === file.content) continue;
    const full = join(outRoot, file.path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, file.content, "utf8");
    written.push(file.path);
  }
  return written;
}

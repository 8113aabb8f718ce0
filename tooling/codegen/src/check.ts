// --check: compare freshly generated outputs with what is on disk, without writing anything.

import type { OutputFile } from "./pipeline.js";
import { readOutput } from "./write.js";

export interface StaleFile {
  path: string;
  state: "missing" | "stale";
}

export function findStaleFiles(outRoot: string, files: readonly OutputFile[]): StaleFile[] {
  const stale: StaleFile[] = [];
  for (const file of files) {
    const current = readOutput(outRoot, file.path);
    if (current === undefined) stale.push({ path: file.path, state: "missing" });
    else if (current !== file.content) stale.push({ path: file.path, state: "stale" });
  }
  return stale;
}

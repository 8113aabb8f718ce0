import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { catalogue } from "../../../packages/catalogue/src/index.js";
import { type SyncStatus, syncReadme } from "./render.js";

/** The repository root, from this file's place in it. */
export const REPO_ROOT = new URL("../../../", import.meta.url);

/**
 * Packages whose README this tool leaves alone unless asked (`--all`), because someone else is rewriting the
 * package. Their README may lack the block; if it has one, it must be current. Remove the name once its owner
 * has run the tool.
 */
export const HELD: readonly string[] = [];

export interface ReadmeResult {
  readonly packageName: string;
  readonly path: string;
  readonly status: SyncStatus | "no README" | "held";
}

/**
 * Brings every API package's README block up to date; with `write: false` only reports what would change.
 * Packages in `held` (default {@link HELD}) are reported as "held" while their README has no block.
 */
export function syncReadmes(options: { root?: URL; write: boolean; held?: readonly string[] }): ReadmeResult[] {
  const root = options.root ?? REPO_ROOT;
  const held = options.held ?? HELD;
  return catalogue.map((api) => {
    const url = new URL(`packages/${api.packageName.replace("@nhskit/", "")}/README.md`, root);
    const path = url.pathname.slice(new URL(root).pathname.length);
    if (!existsSync(url)) return { packageName: api.packageName, path, status: "no README" as const };
    const before = readFileSync(url, "utf8");
    const { text, status } = syncReadme(before, api);
    if (status === "added" && held.includes(api.packageName)) {
      return { packageName: api.packageName, path, status: "held" as const };
    }
    if (options.write && status !== "current") writeFileSync(url, text);
    return { packageName: api.packageName, path, status };
  });
}

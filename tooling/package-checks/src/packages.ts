import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface WorkspacePackage {
  dir: string;
  name: string;
  manifest: Record<string, unknown>;
}

/** Every package under packages/ that is published (not private). */
export function publishedPackages(root: string): WorkspacePackage[] {
  const base = join(root, "packages");
  return readdirSync(base)
    .map((entry) => join(base, entry))
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, unknown>;
      return { dir, name: String(manifest.name), manifest };
    })
    .filter((p) => p.manifest.private !== true)
    .sort((a, b) => a.name.localeCompare(b.name));
}

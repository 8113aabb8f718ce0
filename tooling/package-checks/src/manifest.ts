import { existsSync } from "node:fs";
import { join } from "node:path";
import type { WorkspacePackage } from "./packages.js";

/** What every published nhskit package must declare. Returns one line per problem. */
export function manifestProblems(pkg: WorkspacePackage): string[] {
  const m = pkg.manifest;
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => ok || problems.push(what);
  need(m.type === "module", 'type must be "module" (ESM)');
  need(m.sideEffects === false, "sideEffects must be false");
  need(Array.isArray(m.files) && (m.files as string[]).includes("dist"), 'files must list "dist"');
  need(typeof (m.engines as { node?: string } | undefined)?.node === "string", "engines.node must be set");
  need(typeof m.license === "string", "license must be set");
  need(typeof (m.repository as { url?: string } | undefined)?.url === "string", "repository.url must be set");
  need(typeof m.description === "string" && (m.description as string).length > 20, "description must say what it is");
  need(existsSync(join(pkg.dir, "README.md")), "README.md must exist");
  const exports = m.exports as Record<string, unknown> | undefined;
  need(!!exports && typeof exports === "object", "exports map must exist");
  for (const [entry, target] of Object.entries(exports ?? {})) {
    if (typeof target === "string") continue; // plain files such as ./package.json or ./openapi.json
    const t = target as { types?: string; default?: string; require?: string };
    need(typeof t.types === "string" && typeof t.default === "string", `exports["${entry}"] needs types and default`);
    need(t.require === undefined, `exports["${entry}"] has a CommonJS target: nhskit ships ESM only`);
  }
  for (const field of ["dependencies", "peerDependencies"] as const) {
    for (const [dep, range] of Object.entries((m[field] as Record<string, string> | undefined) ?? {})) {
      need(!/^(file|link):/.test(range), `${field}.${dep} points at a local path`);
      need(
        !["vitest", "typescript", "msw-dev", "tsx", "@biomejs/biome"].includes(dep) || field === "peerDependencies",
        `${field}.${dep} is a build or test tool`,
      );
    }
  }
  return problems;
}

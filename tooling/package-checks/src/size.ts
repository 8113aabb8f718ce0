import { readFileSync } from "node:fs";
import { dirname, join, resolve as resolvePath } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";
import type { WorkspacePackage } from "./packages.js";

export interface SizeResult {
  minBytes: number;
  gzipBytes: number;
  /** Modules loaded later through import(): not part of the first download. */
  lazy: string[];
}

/** Resolves `@nhskit/<name>[/<subpath>]` to that package's built ESM file, as a user's bundler would. */
function workspacePackages(packages: WorkspacePackage[]): Plugin {
  const byName = new Map(packages.map((p) => [p.name, p]));
  return {
    name: "nhskit-workspace",
    setup(b) {
      b.onResolve({ filter: /^@nhskit\// }, (args) => {
        const [scope, name, ...rest] = args.path.split("/");
        const pkg = byName.get(`${scope}/${name}`);
        if (!pkg) return undefined;
        const key = rest.length ? `./${rest.join("/")}` : ".";
        const target = (pkg.manifest.exports as Record<string, { default?: string } | string>)[key];
        const file = typeof target === "string" ? target : target?.default;
        if (!file) return { errors: [{ text: `${args.path} is not exported` }] };
        return { path: resolvePath(pkg.dir, file) };
      });
    },
  };
}

/** Keeps import() targets out of the measured bundle and remembers them. */
function lazyImports(lazy: string[]): Plugin {
  return {
    name: "lazy-imports",
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind !== "dynamic-import") return undefined;
        lazy.push(args.path);
        return { path: args.path, external: true };
      });
    },
  };
}

/** Minified + gzipped browser bundle of `code` (ESM, tree-shaken), excluding lazily imported modules. */
export async function measure(code: string, from: WorkspacePackage, all: WorkspacePackage[]): Promise<SizeResult> {
  const lazy: string[] = [];
  const result = await build({
    stdin: { contents: code, resolveDir: from.dir, loader: "ts", sourcefile: "size-entry.ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    plugins: [lazyImports(lazy), workspacePackages(all)],
  });
  const out = result.outputFiles[0]!.contents;
  return { minBytes: out.byteLength, gzipBytes: gzipSync(out, { level: 9 }).byteLength, lazy };
}

export interface Budget {
  package: string;
  name: string;
  code: string;
  maxGzipBytes: number;
}

export function readBudgets(root: string): Budget[] {
  return JSON.parse(readFileSync(join(root, "size-budgets.json"), "utf8")).budgets as Budget[];
}

export const repoRootOf = (file: string) => resolvePath(dirname(file), "../../..");

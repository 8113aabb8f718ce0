import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface SizeRow {
  name: string;
  gzipBytes: number;
  minBytes: number;
}

async function bundle(name: string, code: string, resolveDir: string): Promise<SizeRow> {
  const lazy: string[] = [];
  const result = await build({
    stdin: { contents: code, resolveDir, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    plugins: [
      {
        name: "lazy",
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => {
            if (args.kind !== "dynamic-import") return undefined;
            lazy.push(args.path);
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  const out = result.outputFiles[0]!.contents;
  return {
    name: lazy.length ? `${name} (+ lazy ${lazy.join(", ")})` : name,
    minBytes: out.byteLength,
    gzipBytes: gzipSync(out, { level: 9 }).byteLength,
  };
}

/** Every budgeted entry in size-budgets.json, plus openapi-fetch alone and axios alone for comparison. */
export async function bundleSizes(root: string): Promise<SizeRow[]> {
  const here = join(root, "tooling/bench");
  const budgets = JSON.parse(readFileSync(join(root, "size-budgets.json"), "utf8")).budgets as Array<{
    package: string;
    name: string;
    code: string;
  }>;
  const rows: SizeRow[] = [];
  for (const b of budgets) rows.push(await bundle(`${b.package}: ${b.name}`, b.code, here));
  rows.push(
    await bundle(
      "openapi-fetch alone",
      'import createClient from "openapi-fetch"; export const c = createClient({ baseUrl: "https://x" });',
      here,
    ),
  );
  rows.push(
    await bundle(
      "axios alone",
      'import axios from "axios"; export const a = axios.create({ baseURL: "https://x" });',
      here,
    ),
  );
  return rows;
}

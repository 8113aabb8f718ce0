import { readFileSync } from "node:fs";
import { join } from "node:path";
import { publishedPackages } from "../../../package-checks/src/packages.js";
import { measure } from "../../../package-checks/src/size.js";

export interface SizeRow {
  name: string;
  gzipBytes: number;
  minBytes: number;
}

/**
 * Every budgeted entry in size-budgets.json (measured as `pnpm check` measures them), plus openapi-fetch alone
 * and axios alone for comparison.
 */
export async function bundleSizes(root: string): Promise<SizeRow[]> {
  const packages = publishedPackages(root);
  const budgets = JSON.parse(readFileSync(join(root, "size-budgets.json"), "utf8")).budgets as Array<{
    package: string;
    name: string;
    code: string;
  }>;
  const bench = { dir: join(root, "tooling/bench"), name: "@nhskit/bench", manifest: {} };
  const rows: SizeRow[] = [];
  for (const b of budgets) {
    const size = await measure(b.code, bench, packages);
    rows.push({
      name: `${b.package}: ${b.name}${size.lazy.length ? ` (+ lazy ${size.lazy.join(", ")})` : ""}`,
      ...size,
    });
  }
  for (const [name, code] of [
    [
      "openapi-fetch alone",
      'import createClient from "openapi-fetch"; export const c = createClient({ baseUrl: "https://x" });',
    ],
    ["axios alone", 'import axios from "axios"; export const a = axios.create({ baseURL: "https://x" });'],
  ] as const) {
    rows.push({ name, ...(await measure(code, bench, packages)) });
  }
  return rows;
}

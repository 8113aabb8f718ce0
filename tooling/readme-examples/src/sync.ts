// Rewrites each "```ts\n// examples/<file>" block in a package's README with the current file:
//   pnpm readme:sync packages/pds
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { exampleBlock } from "./index.ts";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: pnpm readme:sync <package folder>");
  process.exit(2);
}
const base = pathToFileURL(`${resolve(dir)}/`);
const readmeUrl = new URL("README.md", base);
const readme = readFileSync(readmeUrl, "utf8");
let count = 0;
const updated = readme.replace(/```ts\n\/\/ examples\/([\w.-]+\.ts)\n(?:[\s\S]*?\n)??```/g, (_block, file: string) => {
  count += 1;
  return exampleBlock(file, readFileSync(new URL(`examples/${file}`, base), "utf8"));
});
writeFileSync(readmeUrl, updated);
console.log(`${dir}/README.md: ${count} example block(s) synced`);

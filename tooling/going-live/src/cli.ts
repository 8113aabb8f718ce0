// Rewrites the "Going live" block of every API package's README from the catalogue:
//   pnpm exec tsx tooling/going-live/src/cli.ts           write
//   pnpm exec tsx tooling/going-live/src/cli.ts --check   change nothing; exit 1 if a block is missing or stale
//   --all   also add the block to the READMEs of held packages (see HELD in readmes.ts)
import { syncReadmes } from "./readmes.js";

const check = process.argv.includes("--check");
const results = syncReadmes({ write: !check, ...(process.argv.includes("--all") ? { held: [] } : {}) });
const pending = results.filter((r) => r.status !== "current" && r.status !== "held");
for (const r of results) console.log(`${r.status.padEnd(9)} ${r.path}`);
if (check && pending.length) {
  console.error(
    `\n${pending.length} README(s) out of date with the catalogue: run \`pnpm exec tsx tooling/going-live/src/cli.ts\`.`,
  );
  process.exit(1);
}
const held = results.filter((r) => r.status === "held").length;
console.log(
  `\n${results.length - pending.length - held} current, ${check ? "" : `${pending.length} written, `}${held} held (${results.length} API packages)`,
);

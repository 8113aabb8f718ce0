// pnpm bench: prints each figure as a median with its spread and writes BENCHMARKS.md.
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { codegenTimes } from "./cases/codegen.js";
import { memoryGrowth } from "./cases/memory.js";
import { clientOverhead } from "./cases/overhead.js";
import { sandboxThroughput } from "./cases/sandbox.js";
import { bundleSizes } from "./cases/sizes.js";
import { tokenCost } from "./cases/tokens.js";
import { validationCost } from "./cases/validation.js";
import { fmt } from "./stats.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const started = Date.now();
const lines: string[] = [];
const out = (line = "") => {
  lines.push(line);
  console.log(line);
};
const verdict = (ok: boolean, target: string) => `${ok ? "met" : "MISSED"}: ${target}`;

out("# nhskit benchmarks");
out();
out(
  `Written by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
);
out(
  "Each figure is a median with its interquartile range; the two sides of a comparison run in the same process, interleaved round by round, so ratios hold on a noisy machine.",
);
out();

out("## 1. Client overhead (PDS read from a local keep-alive server, concurrency 8)");
const overhead = await clientOverhead();
out();
out("| client | requests/s |");
out("|---|---|");
for (const [name, s] of Object.entries(overhead.rps)) out(`| ${name} | ${fmt(s)} |`);
out();
const ratio = overhead.ratioToFetch.median;
out(
  `nhskit / raw fetch: ${fmt(overhead.ratioToFetch, 2)} — ${verdict(ratio >= 0.9, "at least 0.90 of raw fetch")}; ${verdict(overhead.rps["nhskit (createPdsClient + apiKey)"]!.median > overhead.rps.axios!.median, "faster than axios")}.`,
);
out();

out("## 2. Token cost (1,000 concurrent calls with signedJwt against the sandbox)");
const tokens = await tokenCost();
out();
out(
  `token requests: ${tokens.tokenRequests} (${verdict(tokens.tokenRequests === 1, "exactly 1")}); client assertions signed: ${tokens.assertionsSigned}; first response after ${tokens.firstResponseMs.toFixed(0)} ms; all 1,000 after ${tokens.allResponsesMs.toFixed(0)} ms.`,
);
out();

out("## 3. Validation cost (500-entry Patient Bundle)");
const validation = validationCost();
out();
out(
  `bundle ${(validation.bytes / 1e6).toFixed(2)} MB; JSON.parse ${fmt(validation.parseMs, 2, " ms")} (${validation.parseMBps.toFixed(0)} MB/s); parse + zod ${fmt(validation.parseAndValidateMs, 2, " ms")} (${validation.validateMBps.toFixed(0)} MB/s).`,
);
out(
  `ratio (parse + validate) / parse: ${fmt(validation.ratio, 2)} — ${verdict(validation.ratio.median <= 5, "at most 5x parse")}.`,
);
out();

out("## 4. Bundle size (minified + gzipped browser bundle, first download)");
out();
out("| entry | gzip | minified |");
out("|---|---|---|");
for (const row of await bundleSizes(root))
  out(`| ${row.name} | ${(row.gzipBytes / 1024).toFixed(1)} kB | ${(row.minBytes / 1024).toFixed(1)} kB |`);
out();

out("## 5. Sandbox throughput (PDS read over loopback, autocannon, 32 connections, 10 s)");
const sandbox = await sandboxThroughput(root);
out();
out(
  `${sandbox.requestsPerSecond.toFixed(0)} requests/s, p50 ${sandbox.p50Ms} ms, p99 ${sandbox.p99Ms} ms, ${sandbox.non2xx} non-2xx, ${sandbox.errors} errors — ${verdict(sandbox.requestsPerSecond >= 3000, "at least 3,000 requests/s")}.`,
);
out();

out("## 6. Codegen");
const codegen = codegenTimes(root);
out();
out(
  typeof codegen === "string"
    ? codegen
    : `all APIs: ${fmt(codegen.generateMs, 0, " ms")}; --check: ${fmt(codegen.checkMs, 0, " ms")} (wall time including pnpm start-up).`,
);
out();

out("## 7. Memory (RSS through one client)");
const memory = await memoryGrowth();
out();
out(
  `after 10,000 calls ${memory.rssAfter10kMB.toFixed(1)} MB; after 100,000 calls ${memory.rssAfter100kMB.toFixed(1)} MB; growth ${memory.growthPercent.toFixed(1)}% — ${verdict(memory.growthPercent <= 10, "within 10%")}${memory.gcAvailable ? "" : " (measured without --expose-gc)"}.`,
);
out();
out(`Total bench time: ${((Date.now() - started) / 1000).toFixed(0)} s.`);

writeFileSync(join(root, "BENCHMARKS.md"), `${lines.join("\n")}\n`);

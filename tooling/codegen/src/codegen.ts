// Runs the pipeline over a set of documents and writes (or, with check, compares) the outputs.

import { findStaleFiles, type StaleFile } from "./check.js";
import { type GenerateContext, generateDocument } from "./pipeline.js";
import { type DocumentSource, documentLabel } from "./sources.js";
import { writeOutputs } from "./write.js";

export interface RunOptions {
  sources: readonly DocumentSource[];
  ctx: GenerateContext;
  /** Compare with disk instead of writing. */
  check: boolean;
  log?: (line: string) => void;
}

export interface RunSummary {
  exitCode: 0 | 1;
  generated: number;
  skipped: number;
  failed: number;
  stale: StaleFile[];
  written: string[];
}

/** `pds                    openapi.json            7 operations   412 ms` */
export function progressLine(source: DocumentSource, operations: number, ms: number): string {
  return `${source.id.padEnd(24)} ${source.specFile.padEnd(24)} ${String(operations).padStart(3)} operations ${String(ms).padStart(6)} ms`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runCodegen({ sources, ctx, check, log = console.log }: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  const summary: RunSummary = { exitCode: 0, generated: 0, skipped: 0, failed: 0, stale: [], written: [] };
  for (const source of sources) {
    try {
      const result = await generateDocument(source, ctx);
      if (result.status === "skipped") {
        summary.skipped++;
        log(`${source.id.padEnd(24)} skipped: ${result.reason}`);
        continue;
      }
      summary.generated++;
      if (check) {
        summary.stale.push(...findStaleFiles(ctx.outRoot, result.files));
      } else {
        summary.written.push(...(await writeOutputs(ctx.outRoot, result.files)));
        log(progressLine(source, result.operations, result.ms));
      }
    } catch (error) {
      summary.failed++;
      log(`${source.id.padEnd(24)} FAILED (${documentLabel(source)}): ${errorMessage(error)}`);
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const skipped = summary.skipped > 0 ? `, ${summary.skipped} skipped` : "";
  if (check) {
    for (const file of summary.stale) log(`${file.state.padEnd(8)} ${file.path}`);
    if (summary.stale.length > 0 || summary.failed > 0) {
      log(
        `${summary.stale.length} file(s) out of date${summary.failed > 0 ? `, ${summary.failed} document(s) failed` : ""}: run \`pnpm codegen\``,
      );
    } else {
      log(`all ${summary.generated} documents current${skipped} (${seconds} s)`);
    }
  } else {
    const failed = summary.failed > 0 ? `, ${summary.failed} FAILED` : "";
    log(
      `total: ${summary.generated} documents${skipped}${failed}, ${summary.written.length} file(s) written, ${seconds} s`,
    );
  }
  summary.exitCode = summary.failed > 0 || summary.stale.length > 0 ? 1 : 0;
  return summary;
}

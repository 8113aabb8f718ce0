// One document from source to output text: bundle -> (convert) -> fix -> normalize -> render -> typegen.
// Nothing here writes files; write.ts and check.ts decide what to do with the result.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { bundleDocument } from "./bundle.js";
import { convertSwagger2, isSwagger2 } from "./convert.js";
import { applyFixes } from "./fixes.js";
import { normalizeHandWritten, normalizeUpstream } from "./normalize.js";
import { countOperations, type JsonObject } from "./openapi.js";
import { type DocumentSource, documentLabel, outputPaths } from "./sources.js";
import { generateTypes, typesHeader } from "./typegen.js";

export interface GenerateContext {
  /** Upstream specs folder; required for upstream documents only. */
  specsDir?: string | undefined;
  /** Root that `packages/<id>/...` paths are relative to: outputs, and inputs of hand-written documents. */
  outRoot: string;
}

export interface OutputFile {
  /** Relative to the output root, e.g. packages/pds/openapi.json. */
  path: string;
  content: string;
}

export type DocumentResult =
  | {
      status: "generated";
      source: DocumentSource;
      document: JsonObject;
      files: OutputFile[];
      operations: number;
      ms: number;
    }
  | { status: "skipped"; source: DocumentSource; reason: string };

/** Pretty JSON, two spaces, trailing newline: the committed form of a normalized document. */
export function renderJson(doc: JsonObject): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

async function loadAndNormalize(source: DocumentSource, ctx: GenerateContext): Promise<JsonObject | string> {
  const label = documentLabel(source);
  if (source.kind === "hand-written") {
    const entry = join(ctx.outRoot, source.entry);
    if (!existsSync(entry)) return `${source.entry} not written yet`;
    const doc = await bundleDocument({ entry, label, fixes: source.fixes });
    applyFixes(doc, source.fixes, "bundled", label);
    return normalizeHandWritten(doc);
  }
  if (!ctx.specsDir) throw new Error(`${label}: no specs dir given for an upstream document`);
  let doc = await bundleDocument({ entry: join(ctx.specsDir, source.entry), label, fixes: source.fixes });
  if (isSwagger2(doc)) doc = await convertSwagger2(doc, label);
  applyFixes(doc, source.fixes, "bundled", label);
  return normalizeUpstream(doc, { ...source.origin, version: source.version });
}

function originOf(source: DocumentSource): string {
  return source.kind === "hand-written"
    ? source.entry
    : `${source.origin.repository}@${source.origin.commit.slice(0, 7)}`;
}

export async function generateDocument(source: DocumentSource, ctx: GenerateContext): Promise<DocumentResult> {
  const started = performance.now();
  const normalized = await loadAndNormalize(source, ctx);
  if (typeof normalized === "string") return { status: "skipped", source, reason: normalized };
  const json = renderJson(normalized);
  // Types come from the rendered JSON (not the live object), so they always match the committed file.
  const document = JSON.parse(json) as JsonObject;
  const types = await generateTypes(structuredClone(document), typesHeader(originOf(source)));
  const paths = outputPaths(source);
  return {
    status: "generated",
    source,
    document,
    files: [
      { path: paths.spec, content: json },
      { path: paths.types, content: types.endsWith("\n") ? types : `${types}\n` },
    ],
    operations: countOperations(document),
    ms: Math.round(performance.now() - started),
  };
}

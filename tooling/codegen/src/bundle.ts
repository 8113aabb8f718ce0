// Bundling: one document per API with every $ref resolved into #/components, done offline.

import { readFile } from "node:fs/promises";
import {
  BaseResolver,
  bundle,
  type Config,
  createConfig,
  isAbsoluteUrl,
  makeDocumentFromString,
  ResolveError,
  type Source,
} from "@redocly/openapi-core";
import { applyFixes, type FixName } from "./fixes.js";
import { isObject, type JsonObject } from "./openapi.js";

/** Refuses absolute URLs, so a stray remote $ref fails the run instead of reaching the network. */
class OfflineResolver extends BaseResolver {
  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    if (isAbsoluteUrl(absoluteRef)) {
      throw new ResolveError(new Error(`remote $ref ${absoluteRef} refused: codegen bundles offline`));
    }
    return super.loadExternalRef(absoluteRef);
  }
}

let configPromise: Promise<Config> | undefined;

/**
 * Examples are stripped by normalization anyway, so tell the resolver not to follow `$ref`s inside example
 * values: e-RS, BaRS, EPS and others point hundreds of them at example files (some of which do not even
 * exist upstream), and skipping them keeps bundling fast and independent of example files.
 */
function redoclyConfig(): Promise<Config> {
  configPromise ??= createConfig({ resolve: { doNotResolveExamples: true } });
  return configPromise;
}

export interface BundleInput {
  /** Absolute path of the entry file. */
  entry: string;
  /** Label for error messages, e.g. "eps/prescribing". */
  label: string;
  /** Fixes; those of stage "source" run on the entry document before bundling. */
  fixes: readonly FixName[];
}

/** Parse the entry file (YAML or JSON), apply source-stage fixes, and bundle it. */
export async function bundleDocument({ entry, label, fixes }: BundleInput): Promise<JsonObject> {
  const text = await readFile(entry, "utf8");
  const document = makeDocumentFromString(text, entry);
  if (!isObject(document.parsed)) throw new Error(`${label}: ${entry} is not an OpenAPI document`);
  applyFixes(document.parsed, fixes, "source", label);

  const result = await bundle({
    doc: document,
    config: await redoclyConfig(),
    externalRefResolver: new OfflineResolver(),
  });
  // Warnings are schema renames on name clashes (e.g. Release -> Release-2); anything else is fatal.
  const errors = result.problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) {
    const lines = errors.slice(0, 10).map((problem) => {
      const where = problem.location[0]?.pointer ?? "";
      return `  - ${problem.message} ${where}`.trimEnd();
    });
    throw new Error(`${label}: bundling ${entry} failed:\n${lines.join("\n")}`);
  }
  const bundled: unknown = result.bundle.parsed;
  if (!isObject(bundled)) throw new Error(`${label}: bundling produced no document`);
  return bundled;
}

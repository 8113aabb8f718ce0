import { readdirSync, readFileSync } from "node:fs";

/** The fenced block a README must contain for an example file: its path as a comment, then the file. */
export function exampleBlock(file: string, source: string): string {
  return `\`\`\`ts\n// examples/${file}\n${source.trimEnd()}\n\`\`\``;
}

/**
 * The examples in `examplesDir` that do not appear verbatim in `readme` (empty when all do), and how many
 * there are. Tests run the example files; this keeps the README showing exactly what was run.
 */
export function examplesMissingFromReadme(readme: URL, examplesDir: URL): { total: number; missing: string[] } {
  const text = readFileSync(readme, "utf8");
  const files = readdirSync(examplesDir).filter((f) => f.endsWith(".ts"));
  const missing = files.filter(
    (file) => !text.includes(exampleBlock(file, readFileSync(new URL(file, examplesDir), "utf8"))),
  );
  return { total: files.length, missing };
}

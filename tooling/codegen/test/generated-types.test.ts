import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../src/repo.js";
import { API_DOCUMENTS, outputPaths } from "../src/sources.js";
import { typeCheckFiles } from "./typecheck.js";

const root = repoRoot();

function generatedDeclarationFiles(): string[] {
  const packages = join(root, "packages");
  return readdirSync(packages, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const dir = join(packages, entry.name, "src", "generated");
      if (!existsSync(dir)) return [];
      return readdirSync(dir)
        .filter((file) => file.endsWith(".d.ts"))
        .map((file) => join(dir, file));
    })
    .sort();
}

describe("generated types on disk", () => {
  const files = generatedDeclarationFiles();

  it("exist for every upstream document (run `pnpm codegen` first)", () => {
    const expected = API_DOCUMENTS.filter((source) => source.kind === "upstream").map((source) =>
      join(root, outputPaths(source).types),
    );
    expect(expected.filter((file) => !files.includes(file))).toEqual([]);
  });

  it("compile with tsc --noEmit (strict, lib check on)", () => {
    expect(files.length).toBeGreaterThan(0);
    expect(typeCheckFiles(files)).toEqual([]);
  });
});

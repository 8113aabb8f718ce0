// Type-checks generated declaration files with the TypeScript compiler API (what `tsc --noEmit` does).

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";

const OPTIONS: ts.CompilerOptions = {
  noEmit: true,
  strict: true,
  // The point is to check the generated .d.ts files themselves.
  skipLibCheck: false,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: [],
};

/** Diagnostics as "file(line,col): message" strings; empty when the files compile. */
export function typeCheckFiles(files: readonly string[]): string[] {
  const program = ts.createProgram(files, OPTIONS);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${diagnostic.file.fileName}(${line + 1},${character + 1}): ${message}`;
  });
}

export function typeCheckSource(source: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), "nhskit-types-"));
  try {
    const file = join(dir, "generated.d.ts");
    writeFileSync(file, source);
    return typeCheckFiles([file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

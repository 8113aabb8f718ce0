import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findRepoRoot, locateSpecsDir } from "../src/repo.js";

describe("repository and specs locations", () => {
  let base: string;
  let root: string;

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), "nhskit-repo-"));
    root = join(base, "main");
    mkdirSync(join(root, "tooling", "codegen"), { recursive: true });
    writeFileSync(join(root, "pnpm-workspace.yaml"), "packages: []\n");
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it("finds the repository root from a package folder", () => {
    expect(findRepoRoot(join(root, "tooling", "codegen"))).toBe(root);
  });

  it("names both places it looked in when neither exists", () => {
    const result = locateSpecsDir(root, {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain("$NHSKIT_SPECS_DIR (not set)");
    expect(result.message).toContain(join(base, "shared", "specs"));
    expect(result.message).toMatch(/Set NHSKIT_SPECS_DIR/);
  });

  it("uses <root>/../shared/specs by default and NHSKIT_SPECS_DIR when set", () => {
    const shared = join(base, "shared", "specs");
    mkdirSync(shared, { recursive: true });
    expect(locateSpecsDir(root, {})).toEqual({ ok: true, dir: shared });
    const elsewhere = join(base, "elsewhere");
    mkdirSync(elsewhere);
    expect(locateSpecsDir(root, { NHSKIT_SPECS_DIR: elsewhere })).toEqual({ ok: true, dir: elsewhere });
  });

  it("does not fall back when NHSKIT_SPECS_DIR points nowhere", () => {
    mkdirSync(join(base, "shared", "specs"), { recursive: true });
    const result = locateSpecsDir(root, { NHSKIT_SPECS_DIR: join(base, "missing") });
    expect(result.ok).toBe(false);
  });
});

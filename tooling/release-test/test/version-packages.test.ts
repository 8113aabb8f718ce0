import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const changeset = join(root, "node_modules/.bin/changeset");

/** The manifests and changesets config of the workspace, copied into a scratch git repository. */
function scratchWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "nhskit-changesets-"));
  for (const file of ["package.json", "pnpm-workspace.yaml"]) cpSync(join(root, file), join(dir, file));
  cpSync(join(root, ".changeset/config.json"), join(dir, ".changeset/config.json"));
  for (const group of ["packages", "tooling", "apps"]) {
    for (const name of readdirSync(join(root, group))) {
      const manifest = join(root, group, name, "package.json");
      if (existsSync(manifest)) cpSync(manifest, join(dir, group, name, "package.json"));
    }
  }
  execFileSync("git", ["init", "-q"], { cwd: dir });
  execFileSync("git", ["-c", "user.email=t@t", "-c", "user.name=t", "add", "."], { cwd: dir });
  execFileSync("git", ["-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "base"], { cwd: dir });
  return dir;
}

const version = (dir: string, pkg: string) =>
  JSON.parse(readFileSync(join(dir, "packages", pkg, "package.json"), "utf8")).version as string;
const before = (pkg: string) => version(root, pkg);
const bump = (v: string, part: "minor" | "patch") => {
  const [major, minor, patch] = v.split(".").map(Number) as [number, number, number];
  return part === "minor" ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
};
const dependsOnCore = (pkg: string) => {
  const m = JSON.parse(readFileSync(join(root, "packages", pkg, "package.json"), "utf8"));
  return Object.keys({ ...m.dependencies, ...m.peerDependencies }).includes("@nhskit/core");
};
const packages = () =>
  readdirSync(join(root, "packages")).filter((p) => existsSync(join(root, "packages", p, "package.json")));

/** Runs `changeset version` on a scratch copy with one changeset for @nhskit/core. */
function versionWith(part: "minor" | "patch"): string {
  const dir = scratchWorkspace();
  writeFileSync(
    join(dir, ".changeset/core-change.md"),
    `---\n"@nhskit/core": ${part}\n---\n\nRetries honour Retry-After dates in the past.\n`,
  );
  execFileSync(changeset, ["version"], { cwd: dir, stdio: "pipe" });
  return dir;
}

let patched: string;
let minored: string;
beforeAll(() => {
  patched = versionWith("patch");
  minored = versionWith("minor");
});
afterAll(() => {
  for (const dir of [patched, minored]) rmSync(dir, { recursive: true, force: true });
});

describe("pnpm version-packages", () => {
  it("bumps the changed package and writes its CHANGELOG", () => {
    expect(version(patched, "core")).toBe(bump(before("core"), "patch"));
    const log = readFileSync(join(patched, "packages/core/CHANGELOG.md"), "utf8");
    expect(log).toContain("Retries honour Retry-After dates in the past.");
  });

  it("leaves dependents alone when their range still admits the new version (a patch)", () => {
    for (const pkg of packages()) {
      if (pkg === "core") continue;
      expect(`${pkg} ${version(patched, pkg)}`).toBe(`${pkg} ${before(pkg)}`);
    }
  });

  it("bumps exactly the dependents whose range the new version leaves (a 0.x minor)", () => {
    expect(version(minored, "core")).toBe(bump(before("core"), "minor"));
    for (const pkg of packages()) {
      if (pkg === "core") continue;
      const expected = dependsOnCore(pkg) ? bump(before(pkg), "patch") : before(pkg);
      expect(`${pkg} ${version(minored, pkg)}`).toBe(`${pkg} ${expected}`);
    }
  });

  it("leaves private tooling alone", () => {
    const codegen = JSON.parse(readFileSync(join(minored, "tooling/codegen/package.json"), "utf8"));
    expect(codegen.version).toBe("0.0.0");
  });
});

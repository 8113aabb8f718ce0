import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

/**
 * The files run one after another in one worker that shares modules (isolate: false), so that
 * test/zz-no-secrets.test.ts, which runs last, can scan every log line and error the others collected.
 */
class LastIsSecretsScan extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
    return [...sorted.filter((f) => !f.moduleId.includes("zz-")), ...sorted.filter((f) => f.moduleId.includes("zz-"))];
  }
}

export default defineConfig({
  resolve: {
    // The examples import the package by name, as a user would; in tests that name means the sources.
    alias: [
      { find: /^@nhskit\/auth\/mocks$/, replacement: src("mocks/index.ts") },
      { find: /^@nhskit\/auth\/node$/, replacement: src("node.ts") },
      { find: /^@nhskit\/auth$/, replacement: src("index.ts") },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    fileParallelism: false,
    isolate: false,
    sequence: { sequencer: LastIsSecretsScan },
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    fileParallelism: false,
    // The load test measures memory after forced collections.
    pool: "forks",
    execArgv: ["--expose-gc"],
  },
});

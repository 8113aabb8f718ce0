import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // End-to-end tests bundle real specs and type-check every generated file.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

import { defineConfig } from "vitest/config";

// `pnpm exec vitest` at the root runs every package's tests in one process; `pnpm test` runs them per
// package through turbo (cached).
export default defineConfig({ test: { projects: ["packages/*", "tooling/*", "apps/*"] } });

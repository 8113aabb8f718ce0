import { defineConfig } from "vitest/config";

// Browser tests are Playwright's (e2e/, `pnpm test:e2e`); vitest runs the Node side.
export default defineConfig({ test: { include: ["test/**/*.test.ts"], testTimeout: 30_000 } });

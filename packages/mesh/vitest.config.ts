import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The README's examples import "@nhskit/mesh" as a user would; here that is this package's source.
  resolve: { alias: { "@nhskit/mesh": fileURLToPath(new URL("./src/index.ts", import.meta.url)) } },
  test: { include: ["test/**/*.test.ts"], testTimeout: 15_000 },
});

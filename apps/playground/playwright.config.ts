import { defineConfig } from "@playwright/test";

// Debian's chromium (apt-get install chromium): Playwright cannot download its own browser here.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SANDBOX_PORT = 9123;
// 5173: the port the TEST-ONLY demo app's sign-in callback is registered for.
export const PLAYGROUND_PORT = 5173;

export default defineConfig({
  testDir: "e2e",
  timeout: 30_000,
  retries: 0,
  workers: 1,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: `http://127.0.0.1:${PLAYGROUND_PORT}`,
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
    screenshot: "only-on-failure",
  },
  webServer: {
    command: "tsx scripts/start.ts",
    url: `http://127.0.0.1:${PLAYGROUND_PORT}/`,
    env: { PORT: String(PLAYGROUND_PORT), SANDBOX_PORT: String(SANDBOX_PORT) },
    reuseExistingServer: false,
    timeout: 60_000,
  },
});

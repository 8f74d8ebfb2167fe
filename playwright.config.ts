import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { testEnv } from "./lib/env";
import { E2E_DATA_DIR, E2E_PORT, E2E_URL } from "./e2e/support/server";

// One browser everywhere: an explicit path, else Debian's Chromium, else Playwright's own.
const settings = testEnv();
const executablePath =
  settings.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: settings.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: E2E_URL,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} && npm run build && npm start`,
    url: `${E2E_URL}/sign-in`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      DATA_DIR: E2E_DATA_DIR,
      PORT: String(E2E_PORT),
      PGLITE_PORT: "0",
      SANDBOX_PORT: "0",
      NEXTAUTH_URL: E2E_URL,
      LOG_LEVEL: "warn",
    },
  },
});

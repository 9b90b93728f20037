import { defineConfig } from "@playwright/test";

// Driven by scripts/e2e.ts, which starts the database and the built app and sets BASE_URL.
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : 3,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  // audit.spec.ts alters an audit event for a moment: it runs alone, after every other file.
  projects: [
    { name: "main", testIgnore: /audit\.spec\.ts$/ },
    { name: "audit", testMatch: /audit\.spec\.ts$/, dependencies: ["main"] },
  ],
  use: {
    baseURL: process.env.BASE_URL ?? "http://localhost:3000",
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
});

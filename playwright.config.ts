// End-to-end tests: Debian's Chromium driven by Playwright against the release build
// served on 127.0.0.1. Run through `cargo xtask test`, which builds it first
// (`trunk build --release --dist target/release-dist`, passed as E2E_DIST) and picks a free
// port (E2E_PORT) and its own artifacts folder (E2E_ARTIFACTS). Run alone
// (`npx playwright test`), it serves dist/ on port 4173 and writes to tests/e2e/artifacts/.

import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/e2e/support/chromium.mjs';
import { ARTIFACTS_DIR } from './tests/e2e/support/artifacts.mjs';

const port = Number(process.env.E2E_PORT ?? 4173);
const dist = process.env.E2E_DIST ?? 'dist';
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: `${ARTIFACTS_DIR}/test-results`,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 1 : undefined,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: `${ARTIFACTS_DIR}/report.json` }]],
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  webServer: {
    // The example clinic site (examples/clinic-site) is served beside the widget, same origin.
    command: `node tests/e2e/support/static-server.mjs --root ${dist} --port ${port} --encoding br --mount /examples/=examples`,
    url: `${baseURL}/index.html`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe',
  },
});

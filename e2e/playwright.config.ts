import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const port = Number(process.env.E2E_PORT ?? 4488);

function stringEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

export default defineConfig({
  testDir: './specs',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
      },
    },
  ],
  webServer: {
    // The site is built by `npm test` before this runs (and by `npm start`).
    // With coverage, monocart's loader hook saves the code tsx hands V8, so branches come from it.
    command: `node --conditions=source --import tsx${
      process.env.KEDA_COVERAGE_SERVER_DIR ? ' --import monocart-coverage-reports/register' : ''
    } ../demo-site/server/main.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/api/clusters`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // `npm test` measures the server's coverage too: V8 writes it when the process exits.
    env: process.env.KEDA_COVERAGE_SERVER_DIR
      ? { ...stringEnv(), NODE_V8_COVERAGE: process.env.KEDA_COVERAGE_SERVER_DIR }
      : stringEnv(),
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});

// @web/test-runner: element tests in real Chromium (Debian's, never a downloaded one).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { writeBrowserCoverage } from '../scripts/coverage.mjs';

// `npm test` sets KEDA_COVERAGE: each test page's raw V8 coverage is saved for the merged report
// (wtr's own coverage converts to Istanbul per runner, which cannot be merged with the others).
const collectCoverage = process.env.KEDA_COVERAGE === '1';

async function createPage({ context }) {
  const page = await context.newPage();
  if (!collectCoverage) return page;
  await page.coverage.startJSCoverage({ resetOnNavigation: false });
  const goto = page.goto.bind(page);
  // The runner leaves a finished test file by navigating to about:blank.
  page.goto = async (url, options) => {
    if (url === 'about:blank' && !page.isClosed()) {
      writeBrowserCoverage('chromium', await page.coverage.stopJSCoverage());
    }
    return goto(url, options);
  };
  return page;
}

export default {
  rootDir: fileURLToPath(new URL('..', import.meta.url)),
  files: [
    'src/elements/**/*.test.ts',
    'src/context/**/*.test.ts',
    'src/data/**/*.browser.test.ts',
    'src/controllers/**/*.browser.test.ts',
  ].map((p) => fileURLToPath(new URL(p, import.meta.url))),
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs },
      createPage,
    }),
  ],
  testFramework: { config: { timeout: 5000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html><head><script>window.process = { env: { NODE_ENV: 'development' } };</script></head>
    <body><script type="module" src="${testFramework}"></script></body></html>`,
};

// The `test` every spec uses: Playwright's, plus V8 coverage of each page when `npm test` measures
// coverage (KEDA_COVERAGE=1), saved for the merged report (scripts/coverage.mjs).
import { test as base, type APIRequestContext } from '@playwright/test';
import { hasSourceMap, saveSourceMap, writeBrowserCoverage } from '../../scripts/coverage.mjs';

const measuring = process.env.KEDA_COVERAGE === '1';

export const test = base.extend<{ pageCoverage: void }>({
  pageCoverage: [
    async ({ page }, use) => {
      if (measuring) await page.coverage.startJSCoverage({ resetOnNavigation: false });
      await use();
      if (measuring && !page.isClosed()) {
        const entries = await page.coverage.stopJSCoverage();
        await keepSourceMaps(page.request, entries);
        writeBrowserCoverage('e2e', entries);
      }
    },
    { auto: true },
  ],
});

/** Saves each bundle's source map once while the server still runs (the report is made after it stops). */
async function keepSourceMaps(request: APIRequestContext, entries: { url: string; source?: string }[]) {
  for (const entry of entries) {
    const mapUrl = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(entry.source ?? '')?.[1];
    if (!mapUrl || mapUrl.startsWith('data:') || !/^https?:\/\/(127\.0\.0\.1|localhost)/.test(entry.url))
      continue;
    const url = new URL(mapUrl, entry.url).href;
    if (hasSourceMap(url)) continue;
    const response = await request.get(url).catch(() => undefined);
    if (response?.ok()) saveSourceMap(url, await response.text());
  }
}

export { expect } from '@playwright/test';
export type { APIRequestContext, Browser, BrowserContext, Locator, Page } from '@playwright/test';

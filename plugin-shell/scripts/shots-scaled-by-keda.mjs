// Screenshots of the "Scaled by KEDA" section (light and dark) with its chart drawn by the real
// element in Chromium:
//
//   npx vitest run -c vitest.config.mts src/render-scaled-by-keda.test.tsx   # writes .render/*.html
//   node scripts/shots-scaled-by-keda.mjs [OUT_DIR]                          # default .render/shots
//
// The test renders the section through Headlamp's registry in jsdom and writes it with the chart
// element empty and its properties in `data-props`; this bundles keda-replica-chart (as the plugin
// does, from keda-elements), sets those properties on it in the page, and screenshots the section.
// Needs the root's node_modules (playwright-core) and Chromium (scripts/chromium.mjs).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

const dir = join(fileURLToPath(import.meta.url), '..', '..');
const renders = join(dir, '.render');
const out = resolve(process.argv[2] ?? join(renders, 'shots'));
const pages = ['scaled-by-keda.html', 'scaled-by-keda-dark.html'];

for (const page of pages) {
  if (!existsSync(join(renders, page))) {
    console.error(`Missing .render/${page}: run src/render-scaled-by-keda.test.tsx first.`);
    process.exit(1);
  }
}

const bundle = await build({
  stdin: {
    contents: `import 'keda-elements/elements/keda-replica-chart/define';
for (const el of document.querySelectorAll('[data-props]')) Object.assign(el, JSON.parse(el.dataset.props));
document.body.dataset.ready = 'true';`,
    resolveDir: dir,
    loader: 'js',
  },
  bundle: true,
  format: 'iife',
  minify: true,
  write: false,
  define: { 'process.env.NODE_ENV': '"production"' },
});
const script = bundle.outputFiles[0].text.replace(/<\/script/g, '<\\/script');

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const context = await browser.newContext({ viewport: { width: 940, height: 800 } });
  for (const page of pages) {
    // A function replacement: the minified script has `$'`-like sequences.
    const html = readFileSync(join(renders, page), 'utf8').replace(
      '</body>',
      () => `<script>${script}</script></body>`
    );
    const file = join(out, page);
    writeFileSync(file, html);
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', error => errors.push(String(error)));
    tab.on('console', message => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await tab.goto(`file://${file}`);
    await tab
      .waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 10_000 })
      .catch(error => {
        throw new Error(`${page}: the chart script did not run (${errors.join('; ') || error}`);
      });
    // The chart draws on the next frame; its canvas (or SVG) is in the element's shadow root.
    await tab.waitForFunction(() =>
      document
        .querySelector('keda-replica-chart')
        ?.shadowRoot?.querySelector('.plot canvas, .plot svg')
    );
    await tab.waitForTimeout(300);
    const png = join(out, page.replace(/\.html$/, '.png'));
    await tab.locator('#section').screenshot({ path: png });
    console.log(`${png}${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}`);
    await tab.close();
  }
} finally {
  await browser.close();
}

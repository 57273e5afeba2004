// npm run docs:screenshots: builds the demo site, starts the demo server (simulated cluster, demo
// scenario) on a free port, and photographs every view in light and dark at 1280x800 into
// docs/images/<view>-<theme>.png with Playwright and Debian's Chromium. The docs and the examples'
// READMEs link these files; `node scripts/check-doc-links.mjs` checks that each one exists.
/* global fetch, localStorage */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'images');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const skipBuild = process.argv.includes('--no-build');

/** name → path, what to wait for, and how long the live parts need to fill in. */
const VIEWS = [
  { name: 'overview', path: '/', ready: 'keda-overview' },
  { name: 'scaledobjects-list', path: '/scaledobjects', ready: 'keda-scaled-object-list' },
  { name: 'scaledjobs-list', path: '/scaledjobs', ready: 'keda-scaled-job-list' },
  { name: 'triggerauthentications-list', path: '/triggerauthentications', ready: 'keda-trigger-auth-list' },
  {
    name: 'clustertriggerauthentications-list',
    path: '/clustertriggerauthentications',
    ready: 'keda-cluster-trigger-auth-list',
  },
  {
    name: 'scaledobject-details',
    path: '/scaledobjects/orders/orders-processor',
    ready: 'keda-scaled-object-details',
    settleMs: 6000,
  },
  {
    name: 'scaledobject-details-full',
    path: '/scaledobjects/orders/orders-processor',
    ready: 'keda-scaled-object-details',
    settleMs: 6000,
    fullPage: true,
  },
  { name: 'scaledjob-details', path: '/scaledjobs/orders/order-exporter', ready: 'keda-scaled-job-details' },
  {
    name: 'triggerauthentication-details',
    path: '/triggerauthentications/orders/orders-rabbitmq',
    ready: 'keda-trigger-auth-details',
  },
  { name: 'yaml-editor', path: '/scaledobjects/orders/orders-processor/yaml', ready: 'keda-yaml-editor' },
  { name: 'wizard', path: '/create', ready: 'keda-create-wizard' },
  { name: 'graph', path: '/graph', ready: 'keda-relationship-graph', settleMs: 3000 },
  {
    name: 'playground',
    path: '/scaledobjects/orders/orders-processor?playground',
    ready: 'demo-playground',
    settleMs: 5000,
  },
];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitFor(url, child, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the demo server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

if (!skipBuild) {
  const build = spawnSync('npm', ['run', 'build', '-w', 'demo-site', '--silent'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
mkdirSync(out, { recursive: true });
const port = await freePort();
const server = spawn(
  process.execPath,
  ['--conditions=source', '--import', 'tsx', 'demo-site/server/main.ts', '--port', String(port)],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
);
const base = `http://127.0.0.1:${port}`;
let browser;
try {
  await waitFor(`${base}/api/clusters`, server);
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  for (const theme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: theme });
    await context.addInitScript((t) => {
      localStorage.setItem('keda-dashboard.theme', t);
      localStorage.setItem('keda-dashboard.playground', 'closed');
    }, theme);
    for (const view of VIEWS) {
      if (only.length > 0 && !only.includes(view.name)) continue;
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(base + view.path);
      await page.locator(view.ready).first().waitFor({ state: 'attached', timeout: 20_000 });
      // Lists, charts and the graph fill in from watches: give them a moment.
      await page.waitForTimeout(view.settleMs ?? 2500);
      const file = join(out, `${view.name}-${theme}.png`);
      await page.screenshot({ path: file, fullPage: view.fullPage ?? false });
      process.stdout.write(`${file}${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}\n`);
      await page.close();
    }
    await context.close();
  }
} finally {
  await browser?.close();
  server.kill('SIGTERM');
}

// npm run docs:screenshots: builds the demo site, starts the demo server (simulated cluster, demo
// scenario) on a free port, and photographs every view in light and dark at 1280x800 into
// docs/images/<view>-<theme>.png with Playwright and Debian's Chromium. The docs and the examples'
// READMEs link these files. Then, for every examples/<name>/scenario.yaml, it runs that scenario on
// its own simulated cluster (npm run sim, 5x speed) behind a second demo server (--kubeconfig), opens
// the example's details page before the load arrives and photographs it once the workload reached the
// count its README states: docs/images/examples/<name>.png (light). `--no-examples` skips them; `node scripts/check-doc-links.mjs` checks that each one exists.
/* global fetch, localStorage */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'images');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const skipBuild = process.argv.includes('--no-build');
const skipExamples = process.argv.includes('--no-examples');

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
  { name: 'yaml-create', path: '/create/yaml?kind=TriggerAuthentication', ready: 'keda-yaml-editor' },
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
  for (const theme of only.length > 0 && !VIEWS.some((v) => only.includes(v.name)) ? [] : ['light', 'dark']) {
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
  if (!skipExamples) await photographExamples(browser);
} finally {
  await browser?.close();
  server.kill('SIGTERM');
}

function kubectlJson(kubeconfig, args) {
  const r = spawnSync('kubectl', ['--kubeconfig', kubeconfig, ...args, '-o', 'json'], { encoding: 'utf8' });
  return r.status === 0 ? JSON.parse(r.stdout) : undefined;
}

/** The count an example's workload has now, as its README's expect marker counts it. */
function countNow(kubeconfig, ns, expect) {
  if (expect.kind === 'Deployment') {
    return kubectlJson(kubeconfig, ['get', 'deployment', expect.name, '-n', ns])?.spec?.replicas ?? 0;
  }
  const jobs = kubectlJson(kubeconfig, ['get', 'jobs', '-n', ns])?.items ?? [];
  return jobs.filter(
    (j) => !(j.status?.conditions ?? []).some((c) => c.type === 'Complete' && c.status === 'True'),
  ).length;
}

async function photographExamples(browser) {
  const examplesDir = join(root, 'examples');
  const dir = join(out, 'examples');
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(examplesDir).sort()) {
    const scenario = join(examplesDir, name, 'scenario.yaml');
    if (!existsSync(scenario) || (only.length > 0 && !only.includes(name))) continue;
    const readme = readFileSync(join(examplesDir, name, 'README.md'), 'utf8');
    const m =
      /<!-- expect: (Deployment|ScaledJob)\/([a-z0-9-]+) (replicas|jobs) (\d+) within (\d+)s -->/.exec(
        readme,
      );
    const ns = /kubectl create namespace ([a-z0-9-]+)/.exec(readme)?.[1];
    if (!m || !ns) throw new Error(`examples/${name}/README.md: no expect marker or namespace`);
    const expect = { kind: m[1], name: m[2], count: Number(m[4]) };
    const kubeconfig = join(tmpdir(), `keda-docs-${name}.kubeconfig`);
    rmSync(kubeconfig, { force: true });
    const simPort = await freePort();
    const sim = spawn(
      process.execPath,
      [
        '--conditions=source',
        '--import',
        'tsx',
        'demo-site/server/sim/cli.ts',
        '--scenario-file',
        scenario,
        '--port',
        String(simPort),
        '--kubeconfig-out',
        kubeconfig,
        '--speed',
        '5',
        '--seed',
        '1',
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    let site;
    try {
      // The simulator writes the kubeconfig once it listens.
      const ready = Date.now() + 60_000;
      while (!(existsSync(kubeconfig) && kubectlJson(kubeconfig, ['get', 'namespace', ns]))) {
        if (sim.exitCode !== null || Date.now() > ready)
          throw new Error(`examples/${name}: the simulator did not start`);
        await new Promise((r) => setTimeout(r, 250));
      }
      const sitePort = await freePort();
      site = spawn(
        process.execPath,
        [
          '--conditions=source',
          '--import',
          'tsx',
          'demo-site/server/main.ts',
          '--port',
          String(sitePort),
          '--kubeconfig',
          kubeconfig,
        ],
        { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
      );
      await waitFor(`http://127.0.0.1:${sitePort}/api/clusters`, site, 120_000);
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        colorScheme: 'light',
      });
      await context.addInitScript(() => localStorage.setItem('keda-dashboard.theme', 'light'));
      const page = await context.newPage();
      const plural = expect.kind === 'ScaledJob' ? 'scaledjobs' : 'scaledobjects';
      await page.goto(`http://127.0.0.1:${sitePort}/${plural}/${ns}/${expect.name}`);
      const until = Date.now() + 120_000;
      while (countNow(kubeconfig, ns, expect) !== expect.count) {
        if (Date.now() > until) throw new Error(`examples/${name}: never reached ${expect.count}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
      await page.waitForTimeout(4000);
      const file = join(dir, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      process.stdout.write(`${file}\n`);
      await context.close();
    } finally {
      site?.kill('SIGTERM');
      sim.kill('SIGTERM');
    }
  }
}

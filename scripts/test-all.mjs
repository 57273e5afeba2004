// `npm test`: every suite, one after the other, then one line `N passed, N failed` over all of them.
// Suites: static checks, Node unit/integration tests, element tests in Chromium, the Headlamp
// plugin's tests, Playwright e2e against the demo server. Exit code 1 if anything failed.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coverageReport, coverageRoot, nodeCoverageFlags, rawDir, resetRaw } from './coverage.mjs';
import { ensureChromium, ensureDebianBinary } from './ensure-chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, '.cache', 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const only = process.argv.slice(2);
// Coverage is measured and its floors enforced when every suite runs; KEDA_COVERAGE=0 turns that
// off. A run of some suites measures with KEDA_COVERAGE=1 and judges only the floors whose runners
// ran (`KEDA_COVERAGE=1 npm test -- node` judges the core's).
const coverage =
  process.env.KEDA_COVERAGE === '1' || (only.length === 0 && process.env.KEDA_COVERAGE !== '0');
if (coverage) {
  resetRaw();
  process.env.KEDA_COVERAGE = '1';
}
const nodeCoverage = (runner) => (coverage ? { NODE_V8_COVERAGE: rawDir(runner) } : {});

function run(command, args, options = {}) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, {
      cwd: options.cwd ?? root,
      env: { ...process.env, FORCE_COLOR: '0', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tee = (stream, target) =>
      stream.on('data', (chunk) => {
        output += chunk;
        target.write(chunk);
      });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

// A workspace's build, once per `npm test` even when several suites need it.
const builds = new Map();
function buildWorkspace(workspace) {
  if (!builds.has(workspace))
    builds.set(workspace, run('npm', ['run', 'build', '-w', workspace, '--silent']));
  return builds.get(workspace);
}

function testFiles(dir, accept) {
  const out = [];
  for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    if (path.includes('node_modules')) continue;
    if (accept(path)) out.push(relative(root, path));
  }
  return out.sort();
}

const ANSI_ESCAPE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');
const stripAnsi = (text) => text.replace(ANSI_ESCAPE, '');
const lastMatch = (text, re) => [...stripAnsi(text).matchAll(new RegExp(re.source, 'g'))].pop();

const suites = [
  {
    name: 'typecheck',
    check: true,
    run: () =>
      run('npx', ['tsc', '-p', 'components']).then(async (r) =>
        r.code
          ? r
          : (await run('npx', ['tsc', '-p', 'demo-site'])).code
            ? { code: 1 }
            : run('npx', ['tsc', '-p', 'e2e']),
      ),
  },
  {
    name: 'lint',
    check: true,
    run: () =>
      run('npx', ['eslint', '.']).then(async (r) =>
        r.code ? r : run('npx', ['prettier', '--check', '.', '--log-level', 'warn']),
      ),
  },
  {
    name: 'docs links',
    check: true,
    run: () => run('node', ['scripts/check-doc-links.mjs']),
  },
  {
    name: 'plugin-shell checks',
    check: true,
    run: async () => {
      // check-dist runs the built dist/ the way Headlamp does, in Chromium, through the routes
      // whose elements load from files beside main.js (plugin-shell/scripts/check-dist.mjs).
      // The plugin consumes keda-elements' dist/, built at install time: rebuild it so the plugin
      // is checked against the components as they are now, not as they were at `npm ci`.
      const elements = await buildWorkspace('keda-elements');
      if (elements.code) return elements;
      for (const script of ['tsc', 'lint', 'build']) {
        const r = await run('npm', ['run', script, '--prefix', 'plugin-shell', '--silent']);
        if (r.code) return r;
      }
      // check-dist serves the demo server's simulated cluster, which needs the site built.
      const site = await buildWorkspace('demo-site');
      if (site.code) return site;
      return run('npm', ['run', 'check-dist', '--prefix', 'plugin-shell', '--silent']);
    },
  },
  {
    name: 'node',
    runners: ['node'],
    run: async () => {
      const files = [
        ...testFiles(
          'components/src',
          (p) =>
            /\.test\.ts$/.test(p) &&
            !p.endsWith('.browser.test.ts') &&
            !p.includes('/elements/') &&
            !p.includes('/context/'),
        ),
        ...testFiles('demo-site/server', (p) => p.endsWith('.test.ts')),
      ];
      const r = await run(
        'node',
        [
          '--conditions=source',
          '--import',
          'tsx',
          ...(coverage ? nodeCoverageFlags : []),
          '--test',
          '--test-reporter=spec',
          ...files,
        ],
        { env: nodeCoverage('node') },
      );
      const pass = lastMatch(r.output, /ℹ pass (\d+)/);
      const fail = lastMatch(r.output, /ℹ fail (\d+)/);
      return { ...r, passed: pass ? Number(pass[1]) : undefined, failed: fail ? Number(fail[1]) : undefined };
    },
  },
  {
    name: 'components (Chromium)',
    runners: ['chromium'],
    run: async () => {
      const r = await run('npx', ['web-test-runner'], { cwd: join(root, 'components') });
      const m = lastMatch(r.output, /(\d+) passed, (\d+) failed/);
      return { ...r, passed: m ? Number(m[1]) : undefined, failed: m ? Number(m[2]) : undefined };
    },
  },
  {
    name: 'plugin-shell',
    runners: ['plugin-shell'],
    run: async () => {
      const report = join(results, 'plugin-shell.json');
      const r = await run(
        'npx',
        [
          'vitest',
          'run',
          '-c',
          'vitest.config.mts',
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${report}`,
          ...(coverage
            ? [`--coverage.reportsDirectory=${join(coverageRoot, 'istanbul', 'plugin-shell')}`]
            : []),
        ],
        { cwd: join(root, 'plugin-shell') },
      );
      return { ...r, ...jestCounts(report) };
    },
  },
  {
    name: 'e2e (Playwright)',
    runners: ['e2e', 'e2e-server'],
    run: async () => {
      // The Prometheus e2e scrapes the simulated cluster with Debian's prometheus.
      ensureDebianBinary('/usr/bin/prometheus', 'prometheus');
      const build = await buildWorkspace('demo-site');
      if (build.code) return build;
      const report = join(results, 'e2e.json');
      const r = await run('npx', ['playwright', 'test', '--reporter=list,json'], {
        cwd: join(root, 'e2e'),
        env: {
          PLAYWRIGHT_JSON_OUTPUT_NAME: report,
          ...(coverage ? { KEDA_COVERAGE_SERVER_DIR: rawDir('e2e-server') } : {}),
        },
      });
      try {
        const stats = JSON.parse(readFileSync(report, 'utf8')).stats;
        return { ...r, passed: stats.expected + stats.flaky, failed: stats.unexpected };
      } catch {
        return r;
      }
    },
  },
];

function jestCounts(file) {
  try {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    return {
      passed: json.numPassedTests,
      failed: json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0),
    };
  } catch {
    return {};
  }
}

let chromium;
try {
  chromium = ensureChromium();
} catch (error) {
  process.stderr.write(`${error.message}\n0 passed, 1 failed\n`);
  process.exit(1);
}
process.env.CHROMIUM_PATH = chromium;

let passed = 0;
let failed = 0;
const summary = [];
const ran = [];
for (const suite of suites) {
  if (only.length && !only.some((o) => suite.name.startsWith(o))) continue;
  ran.push(...(suite.runners ?? []));
  process.stdout.write(`\n━━━ ${suite.name} ━━━\n`);
  const started = Date.now();
  const r = await suite.run();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (suite.check) {
    if (r.code) failed += 1;
    summary.push(`${suite.name}: ${r.code ? 'FAILED' : 'ok'} (${seconds}s)`);
    continue;
  }
  if (r.passed === undefined || r.failed === undefined) {
    failed += 1;
    summary.push(
      `${suite.name}: no test counts found, exit code ${r.code} (${seconds}s) — counted as 1 failure`,
    );
    continue;
  }
  const extra = r.code && r.failed === 0 ? 1 : 0;
  passed += r.passed;
  failed += r.failed + extra;
  summary.push(
    `${suite.name}: ${r.passed} passed, ${r.failed} failed${extra ? ` (runner exited ${r.code})` : ''} (${seconds}s)`,
  );
}
let coverageLines = [];
if (coverage) {
  process.stdout.write('\n━━━ coverage ━━━\n');
  try {
    const report = await coverageReport({ ran });
    coverageLines = report.lines;
    // A floor missed is one failure.
    if (!report.ok) failed += 1;
    const verdict = report.ok ? 'every judged floor holds' : 'BELOW A FLOOR (1 failure)';
    summary.push(`coverage: ${verdict} (HTML: ${relative(root, report.html)})`);
  } catch (error) {
    failed += 1;
    summary.push(`coverage: the report failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.stdout.write(
  `\n━━━ summary ━━━\n${summary.join('\n')}\n${passed} passed, ${failed} failed\n` +
    coverageLines.map((line) => `${line}\n`).join(''),
);
process.exit(failed > 0 ? 1 : 0);

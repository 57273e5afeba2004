// Coverage for `npm test`. Every runner that executes our code writes raw V8 coverage under
// .cache/coverage/raw/<runner>/ (Node: NODE_V8_COVERAGE; Chromium: Playwright's JS coverage from
// the element tests and the e2e pages). One converter (monocart) maps it through source maps back
// to our TypeScript sources and merges it; this module sums it per package and checks the floors.
import { transform } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const coverageRoot = join(root, '.cache', 'coverage');
export const rawRoot = join(coverageRoot, 'raw');
const htmlDir = join(root, 'coverage');

/**
 * Floors: `npm test` fails below them. Raise one when the code passes it; never lower one to get green.
 * `scope` is a path prefix from the repository root.
 */
export const floors = [
  { name: 'components/src/core', scope: 'components/src/core/', lines: 90, branches: 85 },
  { name: 'components', scope: 'components/src/', lines: 80 },
  { name: 'demo-site', scope: 'demo-site/', lines: 80 },
  { name: 'plugin-shell', scope: 'plugin-shell/src/', lines: 80 },
];

/** Our sources: TypeScript under these folders, without tests and test-only helpers. */
const sourceRoots = ['components/src/', 'demo-site/server/', 'demo-site/app/', 'plugin-shell/src/'];
const isOurSource = (path) =>
  sourceRoots.some((r) => path.startsWith(r)) &&
  /\.tsx?$/.test(path) &&
  !/\.(test|spec|bench)\.tsx?$/.test(path) &&
  !/\.d\.ts$/.test(path) &&
  !path.includes('/test/') &&
  !/\/harness\.ts$|-harness\.ts$/.test(path) &&
  // Generated from the CRDs and scalers.json by scripts/: data tables, not logic to test.
  !/\.generated\.ts$/.test(path);

/** A source path from any runner (file URL, dev-server URL, bundle source map) as a repo path. */
export function normalizeSourcePath(path) {
  const clean = path.replace(/\\/g, '/').replace(/[?#].*$/, '');
  if (clean.includes('node_modules')) return clean;
  for (const r of sourceRoots) {
    const at = clean.lastIndexOf(r);
    if (at >= 0) return clean.slice(at);
  }
  // The demo bundle's source map names the app's modules relative to demo-site/dist/assets.
  const app = /(?:^|\/)app\/(.+)$/.exec(clean);
  return app ? `demo-site/app/${app[1]}` : clean;
}

const mapsDir = join(coverageRoot, 'maps');
/** Where the source map served at `url` (any origin: the demo servers differ by port) is kept. */
export function sourceMapFile(url) {
  const path = new URL(url).pathname;
  return join(mapsDir, `${path.replace(/[^A-Za-z0-9._-]+/g, '_')}.json`);
}

/** Keeps a bundle's source map once (e2e pages share bundles; the report reads them after the servers stop). */
export function saveSourceMap(url, text) {
  const file = sourceMapFile(url);
  if (existsSync(file)) return;
  mkdirSync(mapsDir, { recursive: true });
  writeFileSync(file, text);
}

export function hasSourceMap(url) {
  return existsSync(sourceMapFile(url));
}

export function rawDir(runner) {
  const dir = join(rawRoot, runner);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function resetRaw() {
  rmSync(coverageRoot, { recursive: true, force: true });
  mkdirSync(rawRoot, { recursive: true });
}

let written = 0;
/** Saves Playwright JS coverage entries of one page (only scripts served from localhost). */
export function writeBrowserCoverage(runner, entries) {
  const ours = entries.filter((e) => /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(e.url));
  if (!ours.length) return;
  const file = join(rawDir(runner), `page-${process.pid}-${Date.now()}-${written++}.json`);
  writeFileSync(file, JSON.stringify(ours));
}

const pct = (covered, total) => (total === 0 ? 100 : Math.floor((covered / total) * 10000) / 100);

function sum(files, scope) {
  const totals = { lines: [0, 0], branches: [0, 0], functions: [0, 0] };
  let count = 0;
  for (const f of files) {
    if (!f.path.startsWith(scope)) continue;
    count += 1;
    for (const k of Object.keys(totals)) {
      totals[k][0] += f.summary[k]?.covered ?? 0;
      totals[k][1] += f.summary[k]?.total ?? 0;
    }
  }
  const out = { files: count };
  for (const [k, [covered, total]] of Object.entries(totals))
    out[k] = { covered, total, pct: pct(covered, total) };
  return out;
}

/**
 * Runners that can only give Istanbul data (vitest's workers for the plugin) write it under
 * .cache/coverage/istanbul/<runner>/; their sources run nowhere else, so nothing needs merging.
 */
async function istanbulFiles() {
  const { CoverageReport } = await import('monocart-coverage-reports');
  const dir = join(coverageRoot, 'istanbul');
  if (!existsSync(dir)) return [];
  const files = [];
  for (const runner of readdirSync(dir)) {
    const data = join(dir, runner, 'coverage-final.json');
    if (!existsSync(data)) continue;
    const mcr = new CoverageReport({
      name: runner,
      outputDir: join(htmlDir, runner),
      baseDir: root,
      reports: ['html'],
      logging: 'error',
      cleanCache: true,
    });
    const coverage = JSON.parse(readFileSync(data, 'utf8'));
    await mcr.add(coverage);
    const results = await mcr.generate();
    // The report names files relative to their common folder; give them back their full paths.
    const paths = Object.keys(coverage).map((p) => p.replace(/\\/g, '/'));
    for (const f of results?.files ?? []) {
      const full = paths.find((p) => p.endsWith(`/${f.sourcePath}`)) ?? f.sourcePath;
      files.push({ ...f, sourcePath: full });
    }
  }
  return files;
}

/**
 * Converts and merges everything under rawRoot, writes the HTML report to coverage/, and returns
 * one line per package plus whether every floor holds.
 */
export async function coverageReport() {
  const { CoverageReport } = await import('monocart-coverage-reports');
  const mcr = new CoverageReport({
    name: 'KEDA dashboard',
    outputDir: htmlDir,
    baseDir: root,
    reports: [['v8', { outputFile: 'index.html' }], 'json-summary'],
    logging: process.env.MCR_LOG ?? 'error',
    cleanCache: true,
    entryFilter: (entry) =>
      !entry.url.includes('node_modules') && !/\/\.vite\/|\/@vite\/|\/@fs\//.test(entry.url),
    sourceFilter: (path) => isOurSource(normalizeSourcePath(path)),
    sourcePath: (path) => normalizeSourcePath(path),
    sourceMapResolver: async (url, defaultResolver) => {
      const file = /^https?:/.test(url) ? sourceMapFile(url) : undefined;
      if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
      return defaultResolver(url);
    },
    all: {
      // plugin-shell's coverage comes from vitest as Istanbul data (istanbulFiles).
      dir: sourceRoots.filter((r) => r !== 'plugin-shell/src/').map((r) => join(root, r)),
      filter: (path) => (isOurSource(normalizeSourcePath(path)) ? 'js' : false),
      transformer: async (entry) => {
        const { code, map } = await transform(entry.source, {
          loader: entry.url.endsWith('.tsx') ? 'tsx' : 'ts',
          format: 'esm',
          sourcemap: 'external',
          sourcefile: entry.url.startsWith('file:') ? fileURLToPath(entry.url) : entry.url,
          jsx: 'automatic',
        });
        entry.source = code;
        entry.sourceMap = JSON.parse(map);
      },
    },
  });
  const runners = readdirSync(rawRoot, { withFileTypes: true }).filter((d) => d.isDirectory());
  for (const runner of runners) {
    const dir = join(rawRoot, runner.name);
    const pages = readdirSync(dir).filter((f) => f.startsWith('page-'));
    // Browser pages: Playwright entries with their sources; Node: NODE_V8_COVERAGE files.
    for (const page of pages) await mcr.add(JSON.parse(readFileSync(join(dir, page), 'utf8')));
    if (pages.length < readdirSync(dir).length) await mcr.addFromDir(dir);
  }
  const results = await mcr.generate();
  const files = [...(results?.files ?? []), ...(await istanbulFiles())].map((f) => ({
    path: normalizeSourcePath(f.sourcePath),
    summary: f.summary,
  }));
  const lines = [];
  let ok = true;
  for (const floor of floors) {
    const s = sum(files, floor.scope);
    const misses = [];
    if (s.lines.pct < floor.lines) misses.push(`lines ${s.lines.pct}% < ${floor.lines}%`);
    if (floor.branches !== undefined && s.branches.pct < floor.branches) {
      misses.push(`branches ${s.branches.pct}% < ${floor.branches}%`);
    }
    if (misses.length) ok = false;
    const wanted = `floor lines ${floor.lines}%${floor.branches !== undefined ? `, branches ${floor.branches}%` : ''}`;
    lines.push(
      `coverage ${floor.name}: lines ${s.lines.pct}% (${s.lines.covered}/${s.lines.total}), ` +
        `branches ${s.branches.pct}%, functions ${s.functions.pct}% · ${s.files} files · ` +
        (misses.length ? `BELOW FLOOR: ${misses.join(', ')}` : `ok (${wanted})`),
    );
  }
  return { lines, ok, html: join(htmlDir, 'index.html') };
}

// `node scripts/coverage.mjs`: report on what the last `npm test` collected.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { lines, ok, html } = await coverageReport();
  process.stdout.write(`${lines.join('\n')}\nHTML report: ${html}\n`);
  process.exit(ok ? 0 : 1);
}

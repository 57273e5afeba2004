// Coverage for `npm test`. Every runner that executes our code writes raw V8 coverage under
// .cache/coverage/raw/<runner>/: `node` (the Node suite) and `e2e-server` (the demo server under
// Playwright) through NODE_V8_COVERAGE, `chromium` (element tests) and `e2e` (the demo's pages)
// through Playwright's JS coverage; the plugin's vitest writes Istanbul data under
// .cache/coverage/istanbul/. Monocart maps the V8 data through source maps back to our TypeScript
// sources; this module merges it per file (rules at `coverageReport`), sums it per package and
// checks the floors. KEDA_COVERAGE_DIR moves all of it (raw data and HTML) elsewhere.
import { transform } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ownDir = process.env.KEDA_COVERAGE_DIR ? resolve(process.env.KEDA_COVERAGE_DIR) : undefined;
export const coverageRoot = ownDir ?? join(root, '.cache', 'coverage');
export const rawRoot = join(coverageRoot, 'raw');
const htmlDir = ownDir ? join(ownDir, 'html') : join(root, 'coverage');

/**
 * Node flags for a process measured with NODE_V8_COVERAGE, after `--import tsx`. V8's coverage
 * file holds no source for a module a loader transformed (only its line lengths), so monocart
 * could not parse it and counted every V8 block as a "branch" (functions included); this hook
 * saves the code tsx hands V8 beside the coverage, and branches come from its syntax tree.
 */
export const nodeCoverageFlags = ['--import', 'monocart-coverage-reports/register'];

/**
 * Floors: `npm test` fails below them. Raise one when the code passes it; never lower one to get green.
 * `scope` is a path prefix from the repository root; `runners` are the runners a floor is judged on:
 * a run without one of them (`npm test -- node`) prints the figure but does not judge it. The core
 * is pure logic tested beside the code in Node, so its floor holds from the Node suite alone.
 */
export const floors = [
  { name: 'components/src/core', scope: 'components/src/core/', lines: 90, branches: 85, runners: ['node'] },
  { name: 'components', scope: 'components/src/', lines: 80, runners: ['node', 'chromium', 'e2e'] },
  { name: 'demo-site', scope: 'demo-site/', lines: 80, runners: ['node', 'e2e', 'e2e-server'] },
  { name: 'plugin-shell', scope: 'plugin-shell/src/', lines: 80, runners: ['plugin-shell'] },
];

/**
 * The runners grouped by the transform whose output V8 ran. Monocart finds statements, branches
 * and functions in the syntax tree of that output and maps their positions back through its
 * source map, so each transform names a source branch by a slightly different position (tsx and
 * the element tests' esbuild plugin map an `else if` or a branch's end a few columns apart; each
 * has a few branches the other's map loses), and the minified bundle of the e2e pages has branches
 * that are not the source's at all: the minifier turns `if (a) b()` into `a&&b()` and an `if`
 * without `else` into a ternary, and folds conditions. Monocart merges only identical positions,
 * so merging all runners in one pass counted most source branches two or three times, each copy
 * uncovered in the runners that did not produce it. Runners of one transform merge exactly;
 * across transforms `mergeFile` pairs items by line (see there); the bundle adds no branches.
 */
const transforms = [
  { name: 'tsx', runners: ['node', 'e2e-server'], bundle: false },
  { name: 'esbuild', runners: ['chromium'], bundle: false },
  { name: 'bundle', runners: ['e2e'], bundle: true },
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
  // Fixtures only the tests import (core/graph's fixture cluster).
  !/\/(test-fixtures|fixture-[^/]*)\.ts$/.test(path) &&
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

/** Istanbul's own summary of one file: a line is a line where a statement starts (type-only lines are none). */
function fileSummary(fc) {
  const lines = new Map();
  for (const [k, loc] of Object.entries(fc.statementMap)) {
    lines.set(loc.start.line, Math.max(lines.get(loc.start.line) ?? 0, fc.s[k] ?? 0));
  }
  const count = (hits) => [hits.filter((n) => n > 0).length, hits.length];
  return {
    lines: count([...lines.values()]),
    branches: count(Object.values(fc.b).flat()),
    functions: count(Object.values(fc.f)),
  };
}

function sum(files, scope) {
  const totals = { lines: [0, 0], branches: [0, 0], functions: [0, 0] };
  let count = 0;
  for (const [path, fc] of files) {
    if (!path.startsWith(scope)) continue;
    count += 1;
    const s = fileSummary(fc);
    for (const k of Object.keys(totals)) {
      totals[k][0] += s[k][0];
      totals[k][1] += s[k][1];
    }
  }
  const out = { files: count };
  for (const [k, [covered, total]] of Object.entries(totals))
    out[k] = { covered, total, pct: pct(covered, total) };
  return out;
}

const allFiles = {
  // plugin-shell's coverage comes from vitest as Istanbul data, its untested files included.
  dir: sourceRoots.filter((r) => r !== 'plugin-shell/src/').map((r) => join(root, r)),
  filter: (path) => (isOurSource(normalizeSourcePath(path)) ? 'js' : false),
  // A file no runner loaded counts with all its code uncovered: esbuild gives monocart its JS.
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
};

/**
 * Converts the raw V8 data of `runners` with monocart, merged as monocart merges (statements and
 * branches by exact position, functions by start or end); `all` adds the files none loaded.
 * Returns per repository path the Istanbul coverage of the file and whether a runner loaded it.
 */
async function convert(name, runners, all) {
  const { CoverageReport } = await import('monocart-coverage-reports');
  const outputDir = join(coverageRoot, 'convert', name);
  const mcr = new CoverageReport({
    name,
    outputDir,
    baseDir: root,
    reports: [['json', { file: 'coverage-final.json' }]],
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
    ...(all ? { all: allFiles } : {}),
  });
  let added = 0;
  for (const runner of runners) {
    const dir = join(rawRoot, runner);
    const names = readdirSync(dir).filter((f) => f.endsWith('.json'));
    const pages = names.filter((f) => f.startsWith('page-'));
    // Browser pages: Playwright entries with their sources; Node: NODE_V8_COVERAGE files.
    for (const page of pages) await mcr.add(JSON.parse(readFileSync(join(dir, page), 'utf8')));
    if (pages.length < names.length) await mcr.addFromDir(dir);
    added += names.length;
  }
  const files = new Map();
  if (!added) return files;
  const results = await mcr.generate();
  const loaded = new Set(
    (results?.files ?? []).filter((f) => !f.empty).map((f) => normalizeSourcePath(f.sourcePath)),
  );
  const report = join(outputDir, 'coverage-final.json');
  const coverage = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : {};
  for (const fc of Object.values(coverage)) {
    const path = normalizeSourcePath(fc.path);
    if (isOurSource(path)) files.set(path, { fc, loaded: loaded.has(path) });
  }
  return files;
}

/** An Istanbul file coverage as lists (its maps are keyed by index). */
function itemsOf(fc) {
  return {
    statements: Object.entries(fc.statementMap).map(([k, loc]) => ({ loc, count: fc.s[k] ?? 0 })),
    functions: Object.entries(fc.fnMap).map(([k, fn]) => ({ fn, count: fc.f[k] ?? 0 })),
    branches: Object.entries(fc.branchMap).map(([k, bm]) => ({ bm, counts: [...(fc.b[k] ?? [])] })),
  };
}

function fileCoverageOf(path, items) {
  const fc = { path, statementMap: {}, fnMap: {}, branchMap: {}, s: {}, f: {}, b: {} };
  items.statements.forEach((it, i) => ((fc.statementMap[i] = it.loc), (fc.s[i] = it.count)));
  items.functions.forEach((it, i) => ((fc.fnMap[i] = it.fn), (fc.f[i] = it.count)));
  items.branches.forEach((it, i) => ((fc.branchMap[i] = it.bm), (fc.b[i] = it.counts)));
  return fc;
}

/**
 * Pairs each item of `from` with the item of `into` that starts on the same line, is
 * `compatible`, is not paired yet and starts nearest in column, at most `reach` columns away.
 * Returns the pairs and the rest.
 */
function pair(into, from, start, compatible, reach) {
  const byLine = new Map();
  for (const it of into) {
    const line = start(it).line;
    if (!byLine.has(line)) byLine.set(line, []);
    byLine.get(line).push(it);
  }
  const used = new Set();
  const pairs = [];
  const rest = [];
  for (const it of [...from].sort((a, b) => start(a).column - start(b).column)) {
    let best;
    let distance = Infinity;
    for (const candidate of byLine.get(start(it).line) ?? []) {
      if (used.has(candidate) || !compatible(candidate, it)) continue;
      const d = Math.abs(start(candidate).column - start(it).column);
      if (d <= reach && d < distance) [best, distance] = [candidate, d];
    }
    if (best) {
      used.add(best);
      pairs.push([best, it]);
    } else rest.push(it);
  }
  return { pairs, rest };
}

/**
 * Merges the coverage of one source file from another transform into `base`.
 * - `union` (the unminified transforms): a statement, function or branch group of `other` is the
 *   one of `base` that starts on the same line, nearest in column (a branch group also of the same
 *   kind and with as many branches); its hits are added; what `base` lacks is added (each of the
 *   two loses a few branches in its source map).
 * - else (the bundle): only a statement or function that starts at exactly the same position adds
 *   its hits; nothing is added, branches are not merged (see `transforms`).
 */
function mergeFile(base, other, { union }) {
  const a = itemsOf(base);
  const b = itemsOf(other);
  const reach = union ? Infinity : 0;
  const merge = (key, start, compatible, add) => {
    const { pairs, rest } = pair(a[key], b[key], start, compatible, reach);
    for (const [into, from] of pairs) add(into, from);
    if (union) a[key].push(...rest);
  };
  merge(
    'statements',
    (it) => it.loc.start,
    () => true,
    (into, from) => (into.count += from.count),
  );
  merge(
    'functions',
    (it) => it.fn.decl.start,
    () => true,
    (into, from) => (into.count += from.count),
  );
  if (union) {
    merge(
      'branches',
      (it) => it.bm.loc.start,
      (x, y) => x.bm.type === y.bm.type && x.counts.length === y.counts.length,
      (into, from) => from.counts.forEach((n, i) => (into.counts[i] += n)),
    );
  }
  return fileCoverageOf(base.path, a);
}

/** Istanbul data that runners wrote themselves (vitest for the plugin): their sources run nowhere else. */
function istanbulFiles() {
  const dir = join(coverageRoot, 'istanbul');
  const files = new Map();
  if (!existsSync(dir)) return files;
  for (const runner of readdirSync(dir)) {
    const data = join(dir, runner, 'coverage-final.json');
    if (!existsSync(data)) continue;
    for (const fc of Object.values(JSON.parse(readFileSync(data, 'utf8')))) {
      const path = normalizeSourcePath(fc.path);
      if (isOurSource(path)) files.set(path, fc);
    }
  }
  return files;
}

/** Runners with data on disk (what the last run collected). */
function collectedRunners() {
  const dirs = (sub) =>
    existsSync(join(coverageRoot, sub))
      ? readdirSync(join(coverageRoot, sub), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => d.name)
      : [];
  return [...dirs('raw'), ...dirs('istanbul')];
}

/**
 * Converts and merges everything collected, writes the HTML report, and returns one line per
 * package plus whether every judged floor holds. `ran`: the runners of this run (a floor whose
 * runners did not all run is shown, not judged); by default the runners with data on disk.
 *
 * Merging, per source file (`transforms` says why it is done so):
 * - the runners of one transform are merged by monocart (identical positions);
 * - the transforms are merged in order by `mergeFile`: tsx (Node suite, demo server), then the
 *   element tests' esbuild (union), then the e2e pages' bundle, which only adds hits to the
 *   statements and functions of a file the others loaded, and is the file's whole coverage when
 *   none did (the demo's app);
 * - a file no runner loaded counts with every line, branch and function uncovered;
 * - lines are Istanbul's: lines where a statement starts (a type declaration is no line).
 */
export async function coverageReport({ ran = collectedRunners() } = {}) {
  const raw = existsSync(rawRoot)
    ? readdirSync(rawRoot, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
    : [];
  // `all` (the files no runner loaded) goes with the last transform that has data.
  const present = transforms.filter((t) => t.runners.some((r) => raw.includes(r)));
  const converted = [];
  for (const t of present) {
    const runners = t.runners.filter((r) => raw.includes(r));
    converted.push({ ...t, files: await convert(t.name, runners, t === present.at(-1)) });
  }
  const files = new Map();
  const paths = new Set(converted.flatMap((t) => [...t.files.keys()]));
  for (const path of paths) {
    let fc;
    for (const t of converted) {
      const entry = t.files.get(path);
      if (!entry?.loaded) continue;
      // The bundle comes last: it merges into what the unminified runners found, if they loaded the file.
      fc = fc ? mergeFile(fc, entry.fc, { union: !t.bundle }) : entry.fc;
    }
    // Loaded by no runner: every line, branch and function uncovered.
    files.set(path, fc ?? converted.map((t) => t.files.get(path)).find(Boolean).fc);
  }
  for (const [path, fc] of istanbulFiles()) files.set(path, fc);
  const sorted = new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
  await writeHtml(sorted);

  const lines = [];
  let ok = true;
  for (const floor of floors) {
    const s = sum(sorted, floor.scope);
    const missing = floor.runners.filter((r) => !ran.includes(r));
    const misses = [];
    // No data for a package whose runners ran is a failure of the measurement, not 100%.
    if (s.lines.total === 0) misses.push('no coverage data');
    else if (s.lines.pct < floor.lines) misses.push(`lines ${s.lines.pct}% < ${floor.lines}%`);
    if (floor.branches !== undefined && s.branches.pct < floor.branches) {
      misses.push(`branches ${s.branches.pct}% < ${floor.branches}%`);
    }
    const wanted = `floor lines ${floor.lines}%${floor.branches !== undefined ? `, branches ${floor.branches}%` : ''}`;
    let verdict;
    if (missing.length) verdict = `not judged (needs ${missing.join(', ')})`;
    else if (misses.length) {
      ok = false;
      verdict = `BELOW FLOOR: ${misses.join(', ')}`;
    } else verdict = `ok (${wanted})`;
    const figures =
      s.lines.total === 0
        ? 'no data'
        : `lines ${s.lines.pct}% (${s.lines.covered}/${s.lines.total}), ` +
          `branches ${s.branches.pct}% (${s.branches.covered}/${s.branches.total}), ` +
          `functions ${s.functions.pct}% · ${s.files} files`;
    lines.push(`coverage ${floor.name}: ${figures} · ${verdict}`);
  }
  return { lines, ok, html: join(htmlDir, 'index.html'), files: sorted };
}

/** The HTML report of exactly the merged data the floors are judged on. */
async function writeHtml(files) {
  const { CoverageReport } = await import('monocart-coverage-reports');
  const mcr = new CoverageReport({
    name: 'KEDA dashboard',
    outputDir: htmlDir,
    baseDir: root,
    reports: ['html'],
    logging: process.env.MCR_LOG ?? 'error',
    cleanCache: true,
  });
  const data = {};
  for (const [path, fc] of files) data[join(root, path)] = { ...fc, path: join(root, path) };
  if (Object.keys(data).length) {
    await mcr.add(data);
    await mcr.generate();
  }
}

// `node scripts/coverage.mjs`: report on what the last run collected (runners with data on disk).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { lines, ok, html } = await coverageReport();
  process.stdout.write(`${lines.join('\n')}\nHTML report: ${html}\n`);
  process.exit(ok ? 0 : 1);
}

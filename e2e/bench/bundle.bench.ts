// bundle: the Headlamp plugin's dist/ — main.js (what Headlamp downloads and runs at every start:
// lit, the lists, details pages and their echarts charts; React, MUI and Headlamp's lib external),
// which is the goal, and the files main.js loads on demand from beside it (the YAML editor with
// CodeMirror, the creation wizard, the relationship graph with cytoscape), each raw, gzip -9 and
// brotli (Headlamp >= 0.45 serves a .br sidecar when one is there), and the plugin's total.
// Builds keda-elements and the plugin first unless BUNDLE_BENCH_SKIP_BUILD=1. The sizes are
// deterministic for a given source, so one build is one run. `markers` say which libraries are in
// each file. `npm run size --prefix plugin-shell` breaks main.js down by package. No peer:
// Headlamp's own KEDA plugin bundle is not available here to measure the same way.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { round, writeResult } from './result.ts';

const root = join(import.meta.dirname, '..', '..');
const dist = join(root, 'plugin-shell', 'dist');
const GOAL_KB = 350;

function run(args: string[]): void {
  const r = spawnSync('npm', args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed`);
}

if (process.env.BUNDLE_BENCH_SKIP_BUILD !== '1') {
  run(['run', 'build', '-w', 'keda-elements', '--silent']);
  run(['run', 'build', '--prefix', 'plugin-shell', '--silent']);
}

const kb = (n: number) => round(n / 1024, 1);
const markers = ['echarts', 'cytoscape', '@codemirror', 'lit-html', 'js-yaml'];

interface Measured {
  raw: number;
  gzip: number;
  brotli: number;
}

function measure(file: string): Measured & { markers: string[] } {
  const bytes = readFileSync(join(dist, file));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
    markers: markers.filter((marker) => bytes.includes(marker)),
  };
}

const inKB = ({ raw, gzip, brotli }: Measured) => ({
  rawKB: kb(raw),
  gzipKB: kb(gzip),
  brotliKB: kb(brotli),
});

const main = measure('main.js');
const lazyFiles = readdirSync(dist)
  .filter((file) => file.endsWith('.js') && file !== 'main.js')
  .sort();
const lazy = Object.fromEntries(lazyFiles.map((file) => [file, measure(file)]));
const all = [main, ...Object.values(lazy)];
const total = {
  raw: all.reduce((sum, m) => sum + m.raw, 0),
  gzip: all.reduce((sum, m) => sum + m.gzip, 0),
  brotli: all.reduce((sum, m) => sum + m.brotli, 0),
};

writeResult({
  bench: 'bundle',
  metric: 'plugin dist/main.js gzip size',
  unit: 'KB',
  ours: kb(main.gzip),
  peer: null,
  peerName: null,
  goal: `<= ${GOAL_KB} KB gzip (with echarts, cytoscape and CodeMirror)`,
  runs: 1,
  details: {
    rawKB: kb(main.raw),
    gzipBytes: main.gzip,
    brotliKB: kb(main.brotli),
    withinGoal: main.gzip <= GOAL_KB * 1024,
    markersFound: main.markers,
    markersAbsent: markers.filter((marker) => !main.markers.includes(marker)),
    // Loaded by main.js from beside it when a route first shows their element.
    lazy: Object.fromEntries(
      Object.entries(lazy).map(([file, m]) => [file, { ...inKB(m), markers: m.markers }]),
    ),
    // Everything the plugin package holds (what a user opening every route downloads).
    total: inKB(total),
    withEchartsCytoscapeCodeMirror: ['echarts', 'cytoscape', '@codemirror'].every((marker) =>
      all.some((m) => m.markers.includes(marker)),
    ),
  },
});

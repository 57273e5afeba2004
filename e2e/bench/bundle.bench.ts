// bundle: the Headlamp plugin's dist/main.js (what Headlamp downloads and runs at every start:
// lit, the keda-elements the plugin's routes render with echarts for their charts; React, MUI and
// Headlamp's lib external), raw, gzip -9 and brotli (Headlamp >= 0.45 serves a main.js.br sidecar
// when one is there) bytes. Builds keda-elements and the plugin first unless
// BUNDLE_BENCH_SKIP_BUILD=1. The size is deterministic for a given source, so one build is one
// run. `markersFound`/`markersAbsent` say which libraries are in it: cytoscape and CodeMirror are
// absent while no Headlamp route shows the relationship graph, the YAML editor or the wizard (the
// Map View is Headlamp's own). `npm run size --prefix plugin-shell` breaks the file down by
// package. No peer: Headlamp's own KEDA plugin bundle is not available here to measure the same way.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { round, writeResult } from './result.ts';

const root = join(import.meta.dirname, '..', '..');
const GOAL_KB = 350;

function run(args: string[]): void {
  const r = spawnSync('npm', args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed`);
}

if (process.env.BUNDLE_BENCH_SKIP_BUILD !== '1') {
  run(['run', 'build', '-w', 'keda-elements', '--silent']);
  run(['run', 'build', '--prefix', 'plugin-shell', '--silent']);
}

const main = readFileSync(join(root, 'plugin-shell', 'dist', 'main.js'));
const gzip = gzipSync(main, { level: 9 }).length;
const brotli = brotliCompressSync(main, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: main.length },
}).length;
const kb = (n: number) => round(n / 1024, 1);
const markers = ['echarts', 'cytoscape', '@codemirror', 'lit-html', 'js-yaml'];
const bundled = markers.filter((marker) => main.includes(marker));

writeResult({
  bench: 'bundle',
  metric: 'plugin dist/main.js gzip size',
  unit: 'KB',
  ours: kb(gzip),
  peer: null,
  peerName: null,
  goal: `<= ${GOAL_KB} KB gzip (with echarts, cytoscape and CodeMirror)`,
  runs: 1,
  details: {
    rawKB: kb(main.length),
    gzipBytes: gzip,
    brotliKB: kb(brotli),
    withinGoal: gzip <= GOAL_KB * 1024,
    markersFound: bundled,
    markersAbsent: markers.filter((marker) => !bundled.includes(marker)),
  },
});

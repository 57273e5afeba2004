// bundle: the Headlamp plugin's dist/main.js (what Headlamp downloads and runs: lit, the
// keda-elements, echarts, cytoscape, CodeMirror bundled; React, MUI and Headlamp external), raw
// and gzip -9 bytes. Builds keda-elements and the plugin first unless BUNDLE_BENCH_SKIP_BUILD=1.
// The size is deterministic for a given source, so one build is one run. No peer: Headlamp's own
// KEDA plugin bundle is not available here to measure the same way.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
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
const kb = (n: number) => round(n / 1024, 1);
const bundled = ['echarts', 'cytoscape', '@codemirror', 'lit-html', 'js-yaml'].filter((marker) =>
  main.includes(marker),
);

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
    withinGoal: gzip <= GOAL_KB * 1024,
    markersFound: bundled,
  },
});

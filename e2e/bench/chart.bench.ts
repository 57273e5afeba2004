// chart: 100 metric series × 3,600 samples (one hour at 1 Hz), one sample appended to every
// series per frame, in our keda-metric-chart (ECharts, canvas) and in Recharts 2 (the library
// Headlamp ships), same data, same run, same Chromium. A frame is timed from the data change to
// the next paint after the chart has rendered (append + render + paint).
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { servePages } from './pages.ts';
import { median, round, writeResult } from './result.ts';
import { POINTS, SERIES } from './chart/data.ts';

const RUNS = Number(process.env.CHART_BENCH_RUNS ?? 3);
const APPENDS = Number(process.env.CHART_BENCH_APPENDS ?? 12);
/** Appends before timing starts (JIT warm-up, first-frame caches). */
const WARMUP = 1;

const { base, server } = await servePages('chart');

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const results = {
  ours: { setup: [] as number[], frames: [] as number[], runMedians: [] as number[] },
  peer: { setup: [] as number[], frames: [] as number[], runMedians: [] as number[] },
};
for (let run = 0; run < RUNS; run += 1) {
  for (const which of (process.env.CHART_BENCH_ONLY
    ? [process.env.CHART_BENCH_ONLY]
    : ['ours', 'peer']) as Array<'ours' | 'peer'>) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(300_000);
    page.on('pageerror', (e) => process.stderr.write(`${which} page error: ${e.message}\n`));
    page.on(
      'console',
      (m) => m.type() === 'error' && process.stderr.write(`${which} console: ${m.text()}\n`),
    );
    await page.goto(`${base}/${which}.html${process.env.CHART_BENCH_QUERY ?? ''}`);
    await page.waitForFunction(() => typeof window.benchSetup === 'function');
    results[which].setup.push(await page.evaluate(() => window.benchSetup()));
    process.stderr.write(`run ${run + 1} ${which}: first render ${round(results[which].setup.at(-1)!)} ms\n`);
    const points = await page.evaluate(() => window.benchPoints());
    const lines = await page.evaluate(() => window.benchLines());
    if (points !== SERIES * POINTS || lines !== SERIES)
      throw new Error(
        `${which}: ${points} points in ${lines} lines, expected ${SERIES * POINTS} in ${SERIES}`,
      );
    const frames: number[] = [];
    for (let i = 0; i < WARMUP + APPENDS; i += 1) {
      const ms = await page.evaluate(() => window.benchAppend());
      if (i >= WARMUP) frames.push(ms);
    }
    results[which].frames.push(...frames);
    results[which].runMedians.push(median(frames));
    process.stderr.write(`run ${run + 1} ${which}: frame median ${round(median(frames))} ms\n`);
    await page.close();
  }
}
await browser.close();
server.close();

const ours = round(median(results.ours.runMedians));
const peer = round(median(results.peer.runMedians));
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1]!;
writeResult({
  bench: 'chart',
  metric: `frame cost of a 1 Hz append, ${SERIES} series × ${POINTS.toLocaleString('en-US')} points (median of run medians)`,
  unit: 'ms',
  ours,
  peer,
  peerName: 'Recharts 2.15 (React 18, LineChart, dot={false}, isAnimationActive={false})',
  goal: 'ours ≤ 1/4 of the peer (ratio ≥ 4)',
  runs: RUNS,
  details: {
    framesPerRun: APPENDS,
    warmupFrames: WARMUP,
    runMediansMs: {
      ours: results.ours.runMedians.map((v) => round(v)),
      peer: results.peer.runMedians.map((v) => round(v)),
    },
    frameP95Ms: { ours: round(p95(results.ours.frames)), peer: round(p95(results.peer.frames)) },
    firstRenderMs: {
      ours: round(median(results.ours.setup)),
      peer: round(median(results.peer.setup)),
    },
    goalMet: peer / ours >= 4,
    note:
      'frame = new data (one sample per series, oldest dropped) to the next paint after the chart rendered; ' +
      'appends are issued back to back (the data advances 1 s per frame, as at 1 Hz) so that idle time between ' +
      'ticks is not counted. Ours draws a target and an activation line and crossing markers per series; the ' +
      'peer draws one pair of reference lines. React renders synchronously (flushSync).',
  },
});

// graph: 2,000 nodes / 3,000 edges. Ours (keda-relationship-graph: our layered layout, cytoscape
// with preset positions) vs Headlamp's map stack (@xyflow/react 12 + elkjs layered), same graph,
// same run, same Chromium. Measures data-to-interactive time (layout + first painted frame with
// every node and edge) and the cost of one pan/zoom frame.
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { servePages } from './pages.ts';
import { median, round, writeResult } from './result.ts';
import { EDGES, NODES } from './graph/data.ts';

const RUNS = Number(process.env.GRAPH_BENCH_RUNS ?? 3);
const FRAMES = 30;

const { base, server } = await servePages('graph');

const results = {
  ours: { first: [] as number[], frames: [] as number[], gesture: [] as number[] },
  peer: { first: [] as number[], frames: [] as number[], gesture: [] as number[] },
};
for (let run = 0; run < RUNS; run += 1) {
  for (const which of ['ours', 'peer'] as const) {
    // A fresh browser per measurement: neither stack inherits the other's heap or GPU state.
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    page.on('pageerror', (e) => process.stderr.write(`${which}: ${e.message}\n`));
    process.stdout.write(`run ${run} ${which}\n`);
    page.on('crash', () => process.stderr.write(`${which}: page crashed\n`));
    page.setDefaultTimeout(180_000);
    await page.goto(`${base}/${which}.html`);
    await page.waitForFunction(() => typeof window.benchStart === 'function');
    results[which].first.push(await page.evaluate(() => window.benchStart()));
    const counts = await page.evaluate(() => window.benchCounts());
    if (counts.nodes !== NODES || counts.edges !== EDGES) {
      throw new Error(
        `${which} drew ${counts.nodes} nodes / ${counts.edges} edges, expected ${NODES}/${EDGES}`,
      );
    }
    results[which].frames.push(...(await page.evaluate((n) => window.benchFrames(n), FRAMES)));
    results[which].gesture.push(
      ...(await gestureFrames(page, which === 'ours' ? 'keda-relationship-graph' : '#root')),
    );
    await browser.close();
  }
}
server.close();

/**
 * What a person does: drag the graph across the view, then wheel in and out, with real input
 * events (the renderers' own gesture paths: cytoscape's texture while the viewport moves, d3-zoom's
 * transform); the page records the interval between painted frames meanwhile.
 */
async function gestureFrames(page: Page, selector: string): Promise<number[]> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`no ${selector}`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.evaluate(() => window.benchRecord());
  await page.mouse.down();
  for (let i = 1; i <= 24; i += 1) await page.mouse.move(x - 12 * i, y - 6 * i);
  await page.mouse.up();
  for (let i = 0; i < 12; i += 1) {
    await page.mouse.wheel(0, i < 6 ? -120 : 120);
    await page.waitForTimeout(30);
  }
  return page.evaluate(() => window.benchRecorded());
}

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1]!;
const ours = round(median(results.ours.first));
const peer = round(median(results.peer.first));
writeResult({
  bench: 'graph',
  metric: 'data to interactive graph, 2,000 nodes / 3,000 edges: layout + first painted frame (median)',
  unit: 'ms',
  ours,
  peer,
  peerName: "@xyflow/react 12.12.1 + elkjs 0.10.2 layered (Headlamp's map stack), React 18",
  goal: 'interactive faster than the peer; while a person drags and wheels, frames within one 60 Hz frame (≤ 16.7 ms median)',
  runs: RUNS,
  details: {
    firstRenderMs: {
      ours: results.ours.first.map((v) => round(v)),
      peer: results.peer.first.map((v) => round(v)),
    },
    panZoomFrameMedianMs: {
      ours: round(median(results.ours.frames)),
      peer: round(median(results.peer.frames)),
    },
    panZoomFrameP95Ms: { ours: round(p95(results.ours.frames)), peer: round(p95(results.peer.frames)) },
    gestureFrameMedianMs: {
      ours: round(median(results.ours.gesture)),
      peer: round(median(results.peer.gesture)),
    },
    gestureFrameP95Ms: { ours: round(p95(results.ours.gesture)), peer: round(p95(results.peer.gesture)) },
    gestureFrames: { ours: results.ours.gesture.length, peer: results.peer.gesture.length },
    frames: results.ours.frames.length,
    nodes: NODES,
    edges: EDGES,
    note: 'interactive = every node and edge drawn and the next frame painted (ours: keda-graph-rendered; peer: all 3,000 .react-flow__edge in the DOM). Frame = programmatic pan or zoom step to the next painted frame (a full redraw: cytoscape: textureOnViewport applies to gestures only; React Flow: setViewport). Gesture frame = interval between painted frames while Playwright drags (24 moves) and wheels (12 ticks) with real input events. elkjs runs in the page thread (elk.bundled.js) as in Headlamp.',
  },
});

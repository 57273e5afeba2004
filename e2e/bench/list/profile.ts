// Where the list's time goes: builds the bench pages unminified, profiles first rows and the
// filter keystrokes with the Chromium CPU profiler and prints the functions with the most self time.
// Run: node --conditions=source --import tsx e2e/bench/list/profile.ts [ours|peer]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';

const which = process.argv[2] === 'peer' ? 'peer' : 'ours';
const root = import.meta.dirname;
const outDir = mkdtempSync(join(tmpdir(), 'keda-list-profile-'));
await build({
  root,
  logLevel: 'error',
  mode: 'production',
  resolve: { conditions: ['source', 'module', 'browser', 'production'] },
  build: {
    outDir,
    minify: false,
    target: 'es2022',
    rollupOptions: { input: { [which]: join(root, `${which}.html`) } },
  },
});
const server = createServer((req, res) => {
  const path = join(outDir, decodeURIComponent((req.url ?? '/').split('?')[0]!));
  const type = extname(path) === '.html' ? 'text/html' : 'text/javascript';
  readFile(path).then(
    (body) => res.writeHead(200, { 'Content-Type': type }).end(body),
    () => res.writeHead(404).end(),
  );
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

function top(profile: Profile, limit = 25): string {
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const f = node.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = (profile.endTime - profile.startTime) / 1000;
  return [
    `total ${total.toFixed(1)} ms`,
    ...[...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${name}`),
  ].join('\n');
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await page.goto(`${base}/${which}.html`);
await page.waitForFunction(() => typeof window.benchStart === 'function');
await cdp.send('Profiler.start');
const first = await page.evaluate(() => window.benchStart());
const firstProfile = (await cdp.send('Profiler.stop')).profile as Profile;
process.stdout.write(`samples ${firstProfile.samples?.length} nodes ${firstProfile.nodes.length}\n`);
process.stdout.write(`\n== ${which}: first rows ${first.toFixed(1)} ms\n${top(firstProfile)}\n`);
await cdp.send('Profiler.start');
const keys: number[] = [];
for (const text of ['s', 'so', 'so-', 'so-0', 'so-01', 'so-012', 'so-01', 'so-0', 'so-', 'so', 's', ''])
  keys.push(await page.evaluate((t) => window.benchType(t), text));
const keyProfile = (await cdp.send('Profiler.stop')).profile as Profile;
process.stdout.write(
  `\n== ${which}: keystrokes ${keys.map((k) => k.toFixed(1)).join(' ')}\n${top(keyProfile)}\n`,
);
await browser.close();

// Rendering work (style, layout, paint) per event name on the main thread, for first rows.
const traced = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const tracePage = await traced.newPage({ viewport: { width: 1500, height: 900 } });
await tracePage.goto(`${base}/${which}.html`);
await tracePage.waitForFunction(() => typeof window.benchStart === 'function');
await traced.startTracing(tracePage, { categories: ['devtools.timeline', 'blink', 'v8'] });
const tracedFirst = await tracePage.evaluate(() => window.benchStart());
const trace = JSON.parse((await traced.stopTracing()).toString()) as {
  traceEvents: Array<{ name: string; ph: string; dur?: number; tid: number }>;
};
const totals = new Map<string, number>();
for (const e of trace.traceEvents) {
  if (e.ph !== 'X' || !e.dur) continue;
  totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
}
process.stdout.write(
  `\n== ${which}: traced first rows ${tracedFirst.toFixed(1)} ms\n${[...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${name}`)
    .join('\n')}\n`,
);
await traced.startTracing(tracePage, { categories: ['devtools.timeline', 'blink'] });
const tracedKeys: number[] = [];
for (const text of ['s', 'so', 'so-', 'so-0', 'so-01', 'so-012', 'so-01', 'so-0', 'so-', 'so', 's', ''])
  tracedKeys.push(await tracePage.evaluate((t) => window.benchType(t), text));
const keyTrace = JSON.parse((await traced.stopTracing()).toString()) as typeof trace;
const keyTotals = new Map<string, number>();
for (const e of keyTrace.traceEvents) {
  if (e.ph !== 'X' || !e.dur) continue;
  keyTotals.set(e.name, (keyTotals.get(e.name) ?? 0) + e.dur / 1000);
}
process.stdout.write(
  `\n== ${which}: traced keystrokes ${tracedKeys.map((k) => k.toFixed(1)).join(' ')}\n${[
    ...keyTotals.entries(),
  ]
    .filter(([name]) =>
      /^(Layout|UpdateLayoutTree|Paint|PrePaint|Layerize|FunctionCall|EventDispatch|FireAnimationFrame|TimerFire|RunMicrotasks|HitTest|Commit)$/.test(
        name,
      ),
    )
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${name}`)
    .join('\n')}\n`,
);
await traced.close();
server.close();

// The peer: Recharts 2 (what Headlamp ships) with the same 100 series in one LineChart, the
// target and activation as ReferenceLines, no dots and no animation (its fastest settings for
// live data); a 1 Hz append adds one row (one sample per series) and drops the oldest.
import { createElement, type ComponentType, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ACTIVATION, POINTS, SERIES, T0, TARGET, initialSeries, valueAt } from './data.ts';

declare global {
  interface Window {
    benchSetup(): Promise<number>;
    benchAppend(): Promise<number>;
    benchPoints(): number;
    benchLines(): number;
  }
}

type Row = Record<string, number>;
/** createElement for Recharts' class components, whose generic props TypeScript cannot infer here. */
const h = (type: unknown, props: Record<string, unknown>, ...children: ReactNode[]) =>
  createElement(type as ComponentType<Record<string, unknown>>, props, ...children);
const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const keys = Array.from({ length: SERIES }, (_, s) => `s${s}`);
let rows: Row[] = [];
let tick = POINTS;
let root: Root;

function chart(data: Row[]) {
  return h(
    LineChart,
    { width: 1200, height: 560, data },
    h(CartesianGrid, { strokeDasharray: '3 3' }),
    h(XAxis, { dataKey: 't', type: 'number', domain: ['dataMin', 'dataMax'], scale: 'time' }),
    h(YAxis, {}),
    h(Tooltip, {}),
    h(ReferenceLine, { y: TARGET, stroke: '#b26b00', strokeDasharray: '4 4' }),
    h(ReferenceLine, { y: ACTIVATION, stroke: '#1d5fc9', strokeDasharray: '2 2' }),
    ...keys.map((k) => h(Line, { key: k, dataKey: k, dot: false, isAnimationActive: false, type: 'linear' })),
  );
}

window.benchSetup = async () => {
  const series = initialSeries();
  rows = series[0]!.map(([t], i) => {
    const row: Row = { t };
    for (let s = 0; s < SERIES; s += 1) row[keys[s]!] = series[s]![i]![1];
    return row;
  });
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const start = performance.now();
  flushSync(() => root.render(chart(rows)));
  await nextPaint();
  return performance.now() - start;
};

window.benchAppend = async () => {
  const i = tick;
  tick += 1;
  const start = performance.now();
  const row: Row = { t: T0 + i * 1000 };
  for (let s = 0; s < SERIES; s += 1) row[keys[s]!] = valueAt(s, i);
  rows = [...rows.slice(1), row];
  flushSync(() => root.render(chart(rows)));
  await nextPaint();
  return performance.now() - start;
};

window.benchPoints = () => rows.length * SERIES;

/** Lines actually on screen: one SVG curve per series. */
window.benchLines = () => document.querySelectorAll('path.recharts-line-curve').length;

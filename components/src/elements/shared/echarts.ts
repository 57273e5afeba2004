// The one ECharts setup for the live charts: `echarts/core` with only the chart types, components
// and renderer they use (tree-shaken), the colours read from the `--keda-*` custom properties, a
// text-only tooltip builder, and a controller that resizes and re-themes a chart.
import { connect, init, use, type ECharts } from 'echarts/core';
import { LineChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

use([
  LineChart,
  ScatterChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  MarkLineComponent,
  MarkPointComponent,
  MarkAreaComponent,
  CanvasRenderer,
]);

export type { ECharts };

/** The theme colours a chart needs, resolved to values canvas understands (`rgb(…)`). */
export interface ChartPalette {
  fg: string;
  muted: string;
  border: string;
  surface: string;
  bg: string;
  accent: string;
  ok: string;
  warn: string;
  error: string;
  info: string;
}

const PALETTE_KEYS: readonly (keyof ChartPalette)[] = [
  'fg',
  'muted',
  'border',
  'surface',
  'bg',
  'accent',
  'ok',
  'warn',
  'error',
  'info',
];

/**
 * Resolves the element's `--_*` theme variables (themeStyles) to computed colours: custom
 * properties may hold `light-dark()`, `color-mix()` or system colours, which canvas cannot parse,
 * so each is applied to a hidden probe and read back as the browser computed it.
 */
export function readPalette(root: ShadowRoot | HTMLElement): ChartPalette {
  const probe = document.createElement('span');
  probe.style.display = 'none';
  root.appendChild(probe);
  const out = {} as ChartPalette;
  for (const key of PALETTE_KEYS) {
    probe.style.color = `var(--_${key})`;
    out[key] = getComputedStyle(probe).color || '#888';
  }
  probe.remove();
  return out;
}

/** Initialises a canvas chart in `dom` (disposing any previous one). */
export function createChart(dom: HTMLElement): ECharts {
  return init(dom, undefined, { renderer: 'canvas' });
}

/** Charts in one group share their cursor (axisPointer) and tooltips: the replica and metric charts. */
export function joinGroup(chart: ECharts, group: string | undefined): void {
  chart.group = group ?? '';
  if (group) connect(group);
}

/** One line of a tooltip: a colour mark, a label and a value, all set as text. */
export interface TooltipRow {
  color?: string;
  label: string;
  value: string;
}

/**
 * A tooltip as DOM built with `textContent` only, so metric names, event messages and other
 * untrusted strings can never become markup (ECharts inserts string tooltips as HTML).
 */
export function tooltipContent(title: string, rows: readonly TooltipRow[]): HTMLElement {
  const box = document.createElement('div');
  box.className = 'keda-tooltip';
  const head = document.createElement('div');
  head.style.fontWeight = '600';
  head.style.marginBottom = '2px';
  head.textContent = title;
  box.append(head);
  for (const row of rows) {
    const line = document.createElement('div');
    line.style.display = 'flex';
    line.style.gap = '8px';
    line.style.alignItems = 'baseline';
    if (row.color) {
      const mark = document.createElement('span');
      mark.style.cssText = `display:inline-block;width:8px;height:8px;border-radius:50%;flex:none;background:${row.color}`;
      line.append(mark);
    }
    const label = document.createElement('span');
    label.textContent = row.label;
    const value = document.createElement('span');
    value.style.marginLeft = 'auto';
    value.style.fontVariantNumeric = 'tabular-nums';
    value.style.fontWeight = '600';
    value.textContent = row.value;
    line.append(label, value);
    box.append(line);
  }
  return box;
}

/** Common tooltip box styling from the palette. */
export function tooltipStyle(c: ChartPalette) {
  return {
    backgroundColor: c.bg,
    borderColor: c.border,
    textStyle: { color: c.fg, fontSize: 12 },
    extraCssText: 'box-shadow: 0 2px 10px rgba(0,0,0,.18); max-width: 420px; white-space: normal;',
  };
}

/** `HH:MM:SS` in the viewer's zone (axis labels and tooltips). */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Keeps a chart the size of its box and in the page's colours: resizes on a ResizeObserver,
 * and calls `onTheme` when the color scheme or the document's theme attributes change.
 */
export class ChartResizeController implements ReactiveController {
  private resizer: ResizeObserver | undefined;
  private themeObserver: MutationObserver | undefined;
  private media: MediaQueryList | undefined;
  private observed: HTMLElement | undefined;
  private readonly onMedia = () => this.onTheme();

  constructor(
    private readonly host: Host,
    private readonly chart: () => ECharts | undefined,
    private readonly onTheme: () => void,
  ) {
    host.addController(this);
  }

  /** Watches `dom` (the chart's box) for size changes. */
  observe(dom: HTMLElement): void {
    if (this.observed === dom) return;
    this.resizer?.disconnect();
    this.observed = dom;
    this.resizer = new ResizeObserver(() => {
      const chart = this.chart();
      if (chart && !chart.isDisposed()) chart.resize();
    });
    this.resizer.observe(dom);
  }

  hostConnected(): void {
    this.themeObserver = new MutationObserver(() => this.onTheme());
    this.themeObserver.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme', 'class', 'style'],
    });
    this.media = window.matchMedia('(prefers-color-scheme: dark)');
    this.media.addEventListener('change', this.onMedia);
  }

  hostDisconnected(): void {
    this.resizer?.disconnect();
    this.resizer = undefined;
    this.observed = undefined;
    this.themeObserver?.disconnect();
    this.themeObserver = undefined;
    this.media?.removeEventListener('change', this.onMedia);
    this.media = undefined;
  }
}

/** Zoom on the time axis: wheel and drag inside the plot, and a slider labelled with clock times. */
export function timeZoom(c: ChartPalette) {
  return [
    { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
    {
      type: 'slider',
      xAxisIndex: 0,
      height: 16,
      bottom: 6,
      filterMode: 'none',
      borderColor: c.border,
      textStyle: { color: c.muted },
      labelFormatter: (v: number) => clockTime(v),
      dataBackground: { lineStyle: { color: c.muted }, areaStyle: { color: c.surface } },
      fillerColor: 'rgba(128,128,128,0.15)',
    },
  ];
}

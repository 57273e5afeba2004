import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { init, use, type ECharts } from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { movePoint, type LoadCurve } from '../../../core/scaling/load-curves.js';
import type { WhatIfResult } from '../../../core/scaling/what-if.js';
import { formatSimTime, whatIfSummaryText, whatIfTableRows } from '../../../core/scaling/what-if-text.js';
import { themeStyles } from '../../../styles/theme.js';

use([LineChart, GridComponent, TooltipComponent, LegendComponent, GraphicComponent, SVGRenderer]);

type OkResult = Extract<WhatIfResult, { ok: true }>;

const PROBES = ['fg', 'muted', 'border', 'accent', 'warn'] as const;
type Palette = Record<(typeof PROBES)[number], string>;

/**
 * The what-if chart: replicas (or running Jobs) as a step line over the load, with the curve's
 * points draggable, and its text alternative (a summary paragraph, a table of time windows and the
 * scaling events). Internal to `keda-create-wizard`.
 *
 * @fires keda-load-change - A curve point was dragged; `detail` is `{curve}` (a `custom` curve).
 */
export class WhatIfChart extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
      }
      .plot {
        width: 100%;
        height: 280px;
      }
      .probe {
        display: none;
      }
      .summary {
        margin: 8px 0;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        text-align: left;
        padding: 3px 8px;
        border-top: 1px solid var(--_border);
      }
      th {
        color: var(--_muted);
        font-weight: 600;
        font-size: 0.85em;
      }
      summary {
        cursor: pointer;
        color: var(--_accent);
      }
      summary:focus-visible {
        outline: 2px solid var(--_accent);
      }
      ul {
        margin: 6px 0;
        padding-left: 18px;
      }
      .notes {
        color: var(--_muted);
        font-size: 0.88em;
      }
    `,
  ];

  @property({ attribute: false }) result: OkResult | undefined;
  @property({ attribute: false }) curve: LoadCurve | undefined;
  /** What the left axis counts (`replicas` or `running Jobs`). */
  @property() unit = 'replicas';

  private chart: ECharts | undefined;
  private resizer: ResizeObserver | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizer?.disconnect();
    this.resizer = undefined;
    this.chart?.dispose();
    this.chart = undefined;
  }

  protected override render(): TemplateResult {
    const r = this.result;
    if (!r) return html``;
    const summary = whatIfSummaryText(r);
    const rows = whatIfTableRows(r);
    return html`<figure style="margin:0">
        <div
          class="plot"
          role="img"
          aria-label=${`Chart of ${this.unit} and load over time. ${summary}`}
        ></div>
        ${PROBES.map((p) => html`<span class="probe" data-probe=${p} style=${`color: var(--_${p})`}></span>`)}
        <figcaption class="summary" part="summary">${summary}</figcaption>
      </figure>
      <details class="table">
        <summary>Show the preview as a table</summary>
        <table aria-label="What-if preview by time window">
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Load</th>
              <th scope="col">${this.unit[0]?.toUpperCase()}${this.unit.slice(1)}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (row) =>
                html`<tr>
                  <td>${row.from}</td>
                  <td>${row.to}</td>
                  <td>${row.load}</td>
                  <td>${row.replicas}</td>
                </tr>`,
            )}
          </tbody>
        </table>
        ${
          r.events.length
            ? html`<p>Scaling events:</p>
                <ul class="events">
                  ${r.events
                    .slice(0, 30)
                    .map(
                      (e) =>
                        html`<li>${formatSimTime(e.t, r.durationSeconds)} ${e.reason}: ${e.message}</li>`,
                    )}
                  ${r.events.length > 30 ? html`<li>… ${r.events.length - 30} more</li>` : nothing}
                </ul>`
            : nothing
        }
        <ul class="notes">
          ${r.notes.map((n) => html`<li>${n}</li>`)}
        </ul>
      </details>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const plot = this.renderRoot.querySelector<HTMLDivElement>('.plot');
    if (!plot || !this.result) return;
    if (!this.chart || this.chart.getDom() !== plot) {
      this.chart?.dispose();
      this.chart = init(plot, undefined, { renderer: 'svg' });
      this.resizer?.disconnect();
      this.resizer = new ResizeObserver(() => {
        this.chart?.resize();
        this.placeHandles();
      });
      this.resizer.observe(plot);
    }
    this.draw(this.result);
  }

  private palette(): Palette {
    const out = {} as Palette;
    for (const p of PROBES) {
      const probe = this.renderRoot.querySelector<HTMLElement>(`[data-probe="${p}"]`);
      out[p] = probe ? getComputedStyle(probe).color : '#888';
    }
    return out;
  }

  private draw(r: OkResult): void {
    const chart = this.chart;
    if (!chart) return;
    const c = this.palette();
    const d = r.durationSeconds;
    const axis = {
      axisLine: { lineStyle: { color: c.border } },
      axisLabel: { color: c.muted },
      nameTextStyle: { color: c.muted },
    };
    chart.setOption(
      {
        animation: false,
        textStyle: { color: c.fg },
        grid: { left: 48, right: 56, top: 36, bottom: 32 },
        legend: { top: 0, textStyle: { color: c.fg }, data: [this.unit, 'load'] },
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: unknown) =>
            typeof v === 'number' ? String(Math.round(v * 10) / 10) : String(v),
        },
        xAxis: {
          type: 'value',
          min: 0,
          max: d,
          splitLine: { show: false },
          axisLabel: { color: c.muted, formatter: (v: number) => formatSimTime(v, d) },
          axisLine: { lineStyle: { color: c.border } },
        },
        yAxis: [
          {
            ...axis,
            type: 'value',
            name: this.unit,
            minInterval: 1,
            splitLine: { lineStyle: { color: c.border } },
          },
          { ...axis, type: 'value', name: 'load', splitLine: { show: false } },
        ],
        series: [
          {
            id: 'replicas',
            name: this.unit,
            type: 'line',
            step: 'end',
            showSymbol: false,
            color: c.accent,
            lineStyle: { width: 2 },
            data: r.samples.map((s) => [s.t, s.replicas]),
          },
          {
            id: 'load',
            name: 'load',
            type: 'line',
            yAxisIndex: 1,
            showSymbol: false,
            color: c.warn,
            lineStyle: { width: 1, type: 'dashed' },
            areaStyle: { opacity: 0.08 },
            data: r.samples.map((s) => [s.t, s.load]),
          },
          {
            id: 'points',
            name: 'curve points',
            type: 'line',
            yAxisIndex: 1,
            symbolSize: 9,
            color: c.warn,
            lineStyle: { opacity: 0 },
            tooltip: { show: false },
            data: (this.curve?.points ?? []).map((p) => [p.t, p.value]),
          },
        ],
      },
      { notMerge: true },
    );
    this.placeHandles();
  }

  /** Invisible draggable circles over the curve's points (ECharts' draggable-points pattern). */
  private placeHandles(): void {
    const chart = this.chart;
    const curve = this.curve;
    if (!chart || !curve) return;
    const finder = { xAxisIndex: 0, yAxisIndex: 1 };
    chart.setOption({
      graphic: curve.points.map((p, index) => {
        const [x, y] = chart.convertToPixel(finder, [p.t, p.value]) as number[];
        return {
          id: `handle-${index}`,
          type: 'circle',
          x,
          y,
          shape: { cx: 0, cy: 0, r: 9 },
          invisible: true,
          draggable: true,
          cursor: 'grab',
          z: 100,
          ondragend: (e: { target: { x: number; y: number } }) => {
            const [t, value] = chart.convertFromPixel(finder, [e.target.x, e.target.y]) as number[];
            const next = movePoint(curve, index, { t: t ?? p.t, value: value ?? p.value });
            this.dispatchEvent(
              new CustomEvent('keda-load-change', { detail: { curve: next }, bubbles: true, composed: true }),
            );
          },
        };
      }),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'keda-what-if-chart': WhatIfChart;
  }
}

import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { themeStyles } from '../../styles/theme.js';
import { chartStyles } from '../shared/chart-styles.js';
import {
  ChartResizeController,
  clockTime,
  createChart,
  joinGroup,
  readPalette,
  timeZoom,
  tooltipContent,
  tooltipStyle,
  type ChartPalette,
  type ECharts,
  type TooltipRow,
} from '../shared/echarts.js';
import {
  changesOf,
  markerLabel,
  markersNear,
  replicaSummary,
  valueAt,
  type ReplicaSample,
  type ScalingMarker,
} from './replica-series.js';

/**
 * Replicas over time: the workload's current replicas and the HPA's desired replicas as step
 * lines, the min/max band the ScaledObject allows, and a marker per scaling action (its
 * explanation in the tooltip and the text alternative). Set `group` to the metric charts' group
 * so the cursor and zoom move together.
 *
 * @csspart toolbar - Title and latest counts.
 * @csspart plot - The chart's box.
 * @csspart text-alternative - The visually hidden list of scaling actions.
 * @cssprop --keda-chart-height - Height of the plot (200px).
 * @cssprop --keda-accent - Current replicas.
 * @cssprop --keda-info - Desired replicas.
 * @cssprop --keda-surface - The min/max band.
 */
export class ReplicaChart extends LitElement {
  static override styles = [themeStyles, chartStyles];

  /** Replicas the workload reports. */
  @property({ attribute: false }) current: readonly ReplicaSample[] = [];
  /** Replicas the HPA (or KEDA) wants. */
  @property({ attribute: false }) desired: readonly ReplicaSample[] = [];
  /** Scaling actions; when unset, every change of `current` is marked without an explanation. */
  @property({ attribute: false }) actions: readonly ScalingMarker[] | undefined;
  @property({ type: Number }) min: number | undefined;
  @property({ type: Number }) max: number | undefined;
  @property({ type: Boolean }) loading = false;
  @property() error: string | undefined;
  @property({ attribute: 'error-hint' }) errorHint: string | undefined;
  @property({ attribute: 'empty-text' }) emptyText = 'No replica samples yet.';
  @property() heading = 'Replicas';
  @property() group: string | undefined;

  /** The time window shown `[from, to]` (ms); the data's extent when unset. Share it with the other charts of a group. */
  @property({ attribute: false }) range: readonly [number, number] | undefined;

  private chart: ECharts | undefined;
  private palette: ChartPalette | undefined;
  private readonly resize = new ChartResizeController(
    this,
    () => this.chart,
    () => {
      this.palette = undefined;
      this.requestUpdate();
    },
  );

  get markers(): readonly ScalingMarker[] {
    return this.actions ?? changesOf(this.current);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.dispose();
    this.chart = undefined;
  }

  protected override render(): TemplateResult {
    const hasData = this.current.length > 0 || this.desired.length > 0;
    const bar = this.renderBar(hasData);
    if (this.error)
      return html`${bar}
        <div class="state-box error" role="alert">
          <strong>Cannot read replicas</strong>
          <span class="api-message">${this.error}</span>
          ${this.errorHint ? html`<span>${this.errorHint}</span>` : nothing}
        </div>`;
    if (!hasData && this.loading)
      return html`${bar}
        <div class="state-box" role="status">Loading samples…</div>`;
    if (!hasData)
      return html`${bar}
        <div class="state-box" role="status">${this.emptyText}</div>`;
    const markers = this.markers;
    return html`${bar}
      <div
        class="plot"
        part="plot"
        role="img"
        aria-label=${replicaSummary(this.current, this.desired, this.min, this.max, markers)}
      ></div>
      <div class="visually-hidden">
        <table part="text-alternative">
          <caption>
            Scaling actions
          </caption>
          <thead>
            <tr>
              <th scope="col">At</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            ${markers.map(
              (m) =>
                html`<tr>
                  <th scope="row">${clockTime(m.t)}</th>
                  <td>${m.from}</td>
                  <td>${m.to}</td>
                  <td>${markerLabel(m)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  private renderBar(hasData: boolean): TemplateResult {
    const c = this.current.at(-1)?.[1];
    const d = this.desired.at(-1)?.[1];
    return html`<div class="bar" part="toolbar">
      <span class="title">${this.heading}</span>
      ${
        hasData
          ? html`<span class="latest"
              ><strong>${c ?? '—'}</strong> <span class="sub">current</span>${
                d !== undefined ? html` · <strong>${d}</strong> <span class="sub">desired</span>` : nothing
              }${
                this.min !== undefined || this.max !== undefined
                  ? html` <span class="sub">· min ${this.min ?? '?'} / max ${this.max ?? '?'}</span>`
                  : nothing
              }</span
            >`
          : nothing
      }
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const plot = this.renderRoot.querySelector<HTMLDivElement>('.plot');
    if (!plot) {
      this.chart?.dispose();
      this.chart = undefined;
      return;
    }
    if (!this.chart || this.chart.getDom() !== plot) {
      this.chart?.dispose();
      this.chart = createChart(plot);
      this.resize.observe(plot);
    }
    joinGroup(this.chart, this.group);
    this.draw();
  }

  private draw(): void {
    const chart = this.chart;
    if (!chart) return;
    const c = (this.palette ??= readPalette(this.renderRoot as ShadowRoot));
    const markers = this.markers;
    const top = Math.max(
      this.max ?? 0,
      ...this.current.map((p) => p[1]).slice(-2000),
      ...this.desired.map((p) => p[1]).slice(-2000),
      1,
    );
    const step = spacing(this.current);
    const band =
      this.min !== undefined && this.max !== undefined
        ? {
            silent: true,
            itemStyle: { color: c.fg, opacity: 0.05 },
            data: [[{ yAxis: this.min }, { yAxis: this.max }]],
          }
        : undefined;
    const limitLine = (y: number | undefined, name: string) =>
      y === undefined
        ? []
        : [
            {
              yAxis: y,
              lineStyle: { color: c.muted, type: 'dashed', width: 1 },
              label: { formatter: `${name} ${y}`, color: c.muted, position: 'insideEndTop' },
            },
          ];
    chart.setOption(
      {
        animation: false,
        textStyle: { color: c.fg, fontFamily: 'inherit' },
        grid: {
          left: 8,
          right: 16,
          top: 30,
          bottom: 46,
          outerBoundsMode: 'same',
          outerBoundsContain: 'axisLabel',
        },
        legend: {
          top: 0,
          textStyle: { color: c.fg },
          data: ['current', 'desired', 'scaling'],
        },
        tooltip: {
          trigger: 'axis',
          ...tooltipStyle(c),
          axisPointer: { type: 'line', lineStyle: { color: c.muted } },
          formatter: (params: unknown) => {
            const list = (Array.isArray(params) ? params : [params]) as Array<{ value?: [number, number] }>;
            const t = list[0]?.value?.[0];
            if (t === undefined) return tooltipContent('', []);
            const rows: TooltipRow[] = [];
            const cur = valueAt(this.current, t);
            const des = valueAt(this.desired, t);
            if (cur !== undefined) rows.push({ color: c.accent, label: 'current', value: String(cur) });
            if (des !== undefined) rows.push({ color: c.info, label: 'desired', value: String(des) });
            if (this.min !== undefined) rows.push({ label: 'min', value: String(this.min) });
            if (this.max !== undefined) rows.push({ label: 'max', value: String(this.max) });
            for (const m of markersNear(markers, t, Math.max(step, 1000)))
              rows.push({ color: c.warn, label: markerLabel(m), value: '' });
            return tooltipContent(clockTime(t), rows);
          },
        },
        xAxis: {
          type: 'time',
          min: this.range?.[0],
          max: this.range?.[1],
          axisLine: { lineStyle: { color: c.border } },
          axisLabel: { color: c.muted, hideOverlap: true },
          splitLine: { show: false },
        },
        yAxis: {
          type: 'value',
          min: 0,
          max: Math.ceil(top * 1.2) || 1,
          minInterval: 1,
          axisLabel: { color: c.muted },
          splitLine: { lineStyle: { color: c.border, opacity: 0.6 } },
        },
        dataZoom: timeZoom(c),
        series: [
          {
            id: 'current',
            name: 'current',
            type: 'line',
            step: 'end',
            data: this.current,
            showSymbol: false,
            color: c.accent,
            lineStyle: { width: 2 },
            areaStyle: { opacity: 0.1 },
            emphasis: { disabled: true },
            markArea: band,
            markLine: {
              silent: true,
              symbol: 'none',
              animation: false,
              data: [...limitLine(this.min, 'min'), ...limitLine(this.max, 'max')],
            },
          },
          {
            id: 'desired',
            name: 'desired',
            type: 'line',
            step: 'end',
            data: this.desired,
            showSymbol: false,
            color: c.info,
            lineStyle: { width: 1.5, type: 'dashed' },
            emphasis: { disabled: true },
          },
          {
            id: 'scaling',
            name: 'scaling',
            type: 'scatter',
            color: c.warn,
            symbol: 'triangle',
            symbolSize: 10,
            tooltip: { show: false },
            data: markers.map((m) => ({
              value: [m.t, m.to],
              symbolRotate: m.to > m.from ? 0 : 180,
              itemStyle: { color: m.to > m.from ? c.warn : c.ok, borderColor: c.bg, borderWidth: 1 },
            })),
          },
        ],
      },
      { replaceMerge: ['series'] },
    );
  }
}

/** The typical interval between samples (for matching markers to the cursor). */
function spacing(points: readonly ReplicaSample[]): number {
  if (points.length < 2) return 15_000;
  const a = points.at(-1)![0];
  const b = points.at(-2)![0];
  return Math.abs(a - b);
}

declare global {
  interface HTMLElementTagNameMap {
    'keda-replica-chart': ReplicaChart;
  }
}

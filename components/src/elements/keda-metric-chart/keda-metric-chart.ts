import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
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
  crossings,
  decimate,
  flatSamples,
  formatAxis,
  latestRows,
  summarySentence,
  withUnit,
  type MetricChartSeries,
} from './metric-series.js';

/** Lines after the first take these (the first is `--keda-accent`). */
const EXTRA_COLOURS = ['#9a60b4', '#3ba272', '#fc8452', '#ea7ccc', '#73c0de', '#ee6666', '#91cc75'];
/** Crossing markers drawn over all series, the most recent (older ones are counted in the table). */
const MAX_MARKERS = 120;
/**
 * Points drawn over all lines at most: each line gets one min/max pair per 2 px while that fits,
 * fewer when many lines share the plot (a hundred overlapping lines show no finer detail), so a
 * frame costs the same whatever the number of series.
 */
const POINT_BUDGET = 60_000;

/**
 * A live chart of trigger metrics: each value against its HPA target and KEDA activation threshold
 * (dashed lines), markers where the value crossed them, zoom (wheel, drag, slider), pause, units
 * and a text alternative (a visually hidden table of the latest values, and a summary as the
 * chart's accessible name). Give it `series`; it never fetches.
 *
 * @fires keda-pause-change - The live view was paused or resumed; `detail` is `{paused}`.
 * @csspart toolbar - Title, latest value and buttons.
 * @csspart plot - The chart's box.
 * @csspart text-alternative - The table of latest values (visually hidden).
 * @cssprop --keda-chart-height - Height of the plot (200px).
 * @cssprop --keda-accent - The first metric line.
 * @cssprop --keda-warn - The target line and upward crossings.
 * @cssprop --keda-info - The activation line.
 */
export class MetricChart extends LitElement {
  static override styles = [themeStyles, chartStyles];

  /** The lines to draw; empty shows the empty state. */
  @property({ attribute: false }) series: readonly MetricChartSeries[] = [];
  /** Samples are being read (first load). */
  @property({ type: Boolean }) loading = false;
  /** Why samples cannot be read (an API Status message, shown verbatim). */
  @property() error: string | undefined;
  /** What to do about `error`. */
  @property({ attribute: 'error-hint' }) errorHint: string | undefined;
  /** Shown when there are no samples. */
  @property({ attribute: 'empty-text' }) emptyText = 'No samples yet.';
  /** Title above the chart. */
  @property() heading = '';
  /** Default unit of values. */
  @property() unit: string | undefined;
  /** Charts with the same group share their cursor and zoom (echarts `connect`). */
  @property() group: string | undefined;
  /** The time window shown `[from, to]` (ms); the data's extent when unset. Share it with the other charts of a group. */
  @property({ attribute: false }) range: readonly [number, number] | undefined;
  /** Whether the view is frozen (new samples are kept but not drawn). */
  @property({ type: Boolean, reflect: true }) paused = false;

  @state() private frozen: readonly MetricChartSeries[] | undefined;

  private chart: ECharts | undefined;
  /** The zoomed time window `[from, to]`, when zoomed in (points are thinned to it). */
  private zoomWindow: [number, number] | undefined;
  private palette: ChartPalette | undefined;
  private readonly resize = new ChartResizeController(
    this,
    () => this.chart,
    () => {
      this.palette = undefined;
      this.requestUpdate();
    },
  );

  /** The series as drawn (the frozen copy while paused). */
  get shown(): readonly MetricChartSeries[] {
    return this.paused && this.frozen ? this.frozen : this.series;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.dispose();
    this.chart = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('paused')) this.frozen = this.paused ? this.series : undefined;
  }

  protected override render(): TemplateResult {
    const shown = this.shown;
    const hasData = shown.some((s) => s.points.length > 0);
    if (this.error)
      return html`${this.renderBar(shown, false)}
        <div class="state-box error" role="alert">
          <strong>Cannot read the metric</strong>
          <span class="api-message">${this.error}</span>
          ${this.errorHint ? html`<span>${this.errorHint}</span>` : nothing}
        </div>`;
    if (!hasData && this.loading)
      return html`${this.renderBar(shown, false)}
        <div class="state-box" role="status">Loading samples…</div>`;
    if (!hasData)
      return html`${this.renderBar(shown, false)}
        <div class="state-box" role="status">${this.emptyText}</div>`;
    const summary = summarySentence(shown, this.unit);
    const newer = this.paused ? this.series.reduce((n, s) => n + s.points.length, 0) - count(shown) : 0;
    return html`${this.renderBar(shown, true, newer)}
      <div class="plot" part="plot" role="img" aria-label=${summary}></div>
      ${this.renderTable(shown)}`;
  }

  private renderBar(shown: readonly MetricChartSeries[], live: boolean, newer = 0): TemplateResult {
    const first = shown.length === 1 ? shown[0] : undefined;
    const last = first?.points.at(-1);
    const unit = first?.unit ?? this.unit;
    return html`<div class="bar" part="toolbar">
      <span class="title">${this.heading || first?.label || first?.id || ''}</span>
      ${
        first && last
          ? html`<span class="latest"
              ><strong>${withUnit(last[1], unit)}</strong>${
                first.target !== undefined
                  ? html` <span class="sub"
                      >/ target
                      ${withUnit(first.target, unit)}${first.targetType === 'AverageValue' ? ' per pod' : ''}</span
                    >`
                  : nothing
              }${
                first.activation !== undefined
                  ? html` <span class="sub">· activation ${withUnit(first.activation, unit)}</span>`
                  : nothing
              }</span
            >`
          : nothing
      }
      ${
        live
          ? html`<span class="tools">
              ${this.paused && newer > 0 ? html`<span class="sub">${newer} new</span>` : nothing}
              <button
                type="button"
                class="pause"
                aria-pressed=${this.paused ? 'true' : 'false'}
                title=${this.paused ? 'Show new samples again' : 'Stop drawing new samples'}
                @click=${this.togglePause}
              >
                ${this.paused ? 'Resume chart' : 'Pause chart'}
              </button>
              <button type="button" class="reset-zoom" title="Show the whole range" @click=${this.resetZoom}>
                Reset zoom
              </button>
            </span>`
          : nothing
      }
    </div>`;
  }

  private renderTable(shown: readonly MetricChartSeries[]): TemplateResult {
    const rows = latestRows(shown, this.unit);
    return html`<div class="visually-hidden">
      <table part="text-alternative">
        <caption>
          Latest values${this.heading ? ` of ${this.heading}` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Latest</th>
            <th scope="col">At</th>
            <th scope="col">Target</th>
            <th scope="col">Activation</th>
            <th scope="col">Standing</th>
            <th scope="col">Crossings</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr data-id=${r.id}>
                <th scope="row">${r.label}</th>
                <td>${r.latest}</td>
                <td>${r.at !== undefined ? clockTime(r.at) : '—'}</td>
                <td>${r.target}</td>
                <td>${r.activation}</td>
                <td>${r.standing}</td>
                <td>${r.crossings}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private readonly togglePause = () => {
    this.paused = !this.paused;
    this.dispatchEvent(
      new CustomEvent('keda-pause-change', {
        detail: { paused: this.paused },
        bubbles: true,
        composed: true,
      }),
    );
  };

  private readonly resetZoom = () => {
    this.chart?.dispatchAction({ type: 'dataZoom', start: 0, end: 100 });
  };

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
      this.zoomWindow = undefined;
      this.chart.on('datazoom', () => this.onZoom());
    }
    joinGroup(this.chart, this.group);
    this.draw();
  }

  /** Redraws the points of the zoomed window at full detail (the thinning follows the zoom). */
  private onZoom(): void {
    const chart = this.chart;
    if (!chart) return;
    const zoom = (chart.getOption() as { dataZoom?: Array<{ start?: number; end?: number }> }).dataZoom?.[0];
    const times = this.shown.flatMap((x) => (x.points.length ? [x.points[0]![0], x.points.at(-1)![0]] : []));
    const extent: readonly [number, number] | undefined =
      this.range ?? (times.length ? [Math.min(...times), Math.max(...times)] : undefined);
    if (!zoom || !extent) return;
    const start = zoom.start ?? 0;
    const end = zoom.end ?? 100;
    const span = extent[1] - extent[0];
    this.zoomWindow =
      start <= 0 && end >= 100
        ? undefined
        : [extent[0] + (span * start) / 100, extent[0] + (span * end) / 100];
    this.draw();
  }

  private draw(): void {
    const chart = this.chart;
    if (!chart) return;
    const perLine = POINT_BUDGET / Math.max(1, this.shown.length) / 2;
    const buckets = Math.max(50, Math.round(Math.min(chart.getWidth() / 2, perLine)));
    const [from, to] = this.zoomWindow ?? [-Infinity, Infinity];
    const c = (this.palette ??= readPalette(this.renderRoot as ShadowRoot));
    const shown = this.shown;
    const colours = [c.accent, ...EXTRA_COLOURS];
    const unitOf = (s: MetricChartSeries) => s.unit ?? this.unit;
    const ceiling = shown.reduce(
      (m, s) => Math.max(m, (s.target ?? 0) * 1.15, (s.activation ?? 0) * 1.15),
      0,
    );
    const byId = new Map(shown.map((s) => [s.id, s]));
    const thresholdOwner = new Map<string, number>();
    const firstWith = (kind: string, value: number, unit: string | undefined, index: number) => {
      const key = `${kind} ${value} ${unit ?? ''}`;
      if (!thresholdOwner.has(key)) thresholdOwner.set(key, index);
      return thresholdOwner.get(key) === index;
    };
    const marksBySeries = recentMarks(
      shown.map((s) => [
        ...crossings(s.points, s.target, 'target'),
        ...crossings(s.points, s.activation, 'activation'),
      ]),
      MAX_MARKERS,
    );
    chart.setOption(
      {
        animation: false,
        color: colours,
        textStyle: { color: c.fg, fontFamily: 'inherit' },
        grid: {
          left: 8,
          right: 16,
          top: shown.length > 1 ? 30 : 12,
          bottom: 46,
          outerBoundsMode: 'same',
          outerBoundsContain: 'axisLabel',
        },
        legend: shown.length > 1 ? { top: 0, type: 'scroll', textStyle: { color: c.fg } } : { show: false },
        tooltip: {
          trigger: 'axis',
          ...tooltipStyle(c),
          axisPointer: { type: 'line', lineStyle: { color: c.muted } },
          formatter: (params: unknown) => {
            const list = (Array.isArray(params) ? params : [params]) as Array<{
              seriesId?: string;
              color?: string;
              value?: [number, number];
            }>;
            const t = list[0]?.value?.[0];
            const rows: TooltipRow[] = [];
            for (const p of list) {
              const s = p.seriesId ? byId.get(p.seriesId) : undefined;
              if (!s || !p.value) continue;
              rows.push({ color: p.color, label: s.label ?? s.id, value: withUnit(p.value[1], unitOf(s)) });
              if (s.target !== undefined)
                rows.push({
                  label: `target${s.targetType === 'AverageValue' ? ' per pod' : ''}`,
                  value: withUnit(s.target, unitOf(s)),
                });
              if (s.activation !== undefined)
                rows.push({ label: 'activation', value: withUnit(s.activation, unitOf(s)) });
            }
            return tooltipContent(t !== undefined ? clockTime(t) : '', rows);
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
          max: (extent: { max: number }) => niceMax(Math.max(extent.max, ceiling, 1)),
          axisLabel: { color: c.muted, formatter: (v: number) => formatAxis(v) },
          splitLine: { lineStyle: { color: c.border, opacity: 0.6 } },
        },
        dataZoom: timeZoom(c),
        series: shown.map((s, index) => {
          const marks = marksBySeries[index]!;
          // Series sharing a threshold draw its line once (a hundred identical dashed lines cost
          // frames and say nothing more).
          const target = s.target !== undefined && firstWith('target', s.target, unitOf(s), index);
          const activation =
            s.activation !== undefined && firstWith('activation', s.activation, unitOf(s), index);
          return {
            id: s.id,
            name: s.label ?? s.id,
            type: 'line',
            data: flatSamples(decimate(s.points, buckets, from, to)),
            dimensions: ['time', 'value'],
            showSymbol: false,
            lineStyle: { width: shown.length > 8 ? 1 : 2 },
            areaStyle: shown.length === 1 ? { opacity: 0.08 } : undefined,
            emphasis: { disabled: true },
            markLine: {
              silent: true,
              symbol: 'none',
              animation: false,
              data: [
                ...(target && s.target !== undefined
                  ? [
                      {
                        yAxis: s.target,
                        lineStyle: { color: c.warn, type: 'dashed', width: 1.5 },
                        label: {
                          formatter: `target ${withUnit(s.target, unitOf(s))}`,
                          color: c.warn,
                          position: 'insideEndTop',
                        },
                      },
                    ]
                  : []),
                ...(activation && s.activation !== undefined
                  ? [
                      {
                        yAxis: s.activation,
                        lineStyle: { color: c.info, type: 'dotted', width: 1.5 },
                        label: {
                          formatter: `activation ${withUnit(s.activation, unitOf(s))}`,
                          color: c.info,
                          position: 'insideStartTop',
                        },
                      },
                    ]
                  : []),
              ],
            },
            markPoint: {
              silent: true,
              animation: false,
              symbolSize: 9,
              label: { show: false },
              data: marks.map((m) => ({
                coord: [m.t, m.v],
                symbol: 'triangle',
                symbolRotate: m.direction === 'up' ? 0 : 180,
                itemStyle: {
                  color: m.direction === 'up' ? (m.threshold === 'target' ? c.warn : c.info) : c.ok,
                  borderColor: c.bg,
                  borderWidth: 1,
                },
              })),
            },
          };
        }),
      },
      { replaceMerge: ['series'], lazyUpdate: false },
    );
  }
}

/** The `limit` most recent crossings over all series, kept per series. */
function recentMarks<T extends { t: number }>(bySeries: T[][], limit: number): T[][] {
  const total = bySeries.reduce((n, marks) => n + marks.length, 0);
  if (total <= limit) return bySeries;
  const times = bySeries.flatMap((marks) => marks.map((m) => m.t)).sort((a, b) => b - a);
  const cutoff = times[limit - 1]!;
  let room = limit;
  return bySeries.map((marks) =>
    marks.filter((m) => {
      if (m.t < cutoff || room === 0) return false;
      room -= 1;
      return true;
    }),
  );
}

function count(series: readonly MetricChartSeries[]): number {
  return series.reduce((n, s) => n + s.points.length, 0);
}

/** A round axis maximum a little above `value`. */
function niceMax(value: number): number {
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil((value * 1.05) / step) * step;
}

declare global {
  interface HTMLElementTagNameMap {
    'keda-metric-chart': MetricChart;
  }
  interface HTMLElementEventMap {
    'keda-pause-change': CustomEvent<{ paused: boolean }>;
  }
}

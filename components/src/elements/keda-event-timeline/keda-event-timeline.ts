import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { EventRecord } from '../../core/kube/events.js';
import type { ScalingEpisode } from '../../core/story/types.js';
import { themeStyles } from '../../styles/theme.js';
import { chartStyles } from '../shared/chart-styles.js';
import {
  ChartResizeController,
  clockTime,
  createChart,
  joinGroup,
  readPalette,
  tooltipContent,
  tooltipStyle,
  type ChartPalette,
  type ECharts,
  type TooltipRow,
} from '../shared/echarts.js';
import {
  filterEvents,
  laneOf,
  LANES,
  shownMessage,
  type EventFilter,
} from '../keda-event-log/event-filter.js';

const EPISODE_LANE = 'Scaling';
const LANE_LABEL: Record<string, string> = {
  HorizontalPodAutoscaler: 'HPA',
  ScaledObject: 'ScaledObject',
  ScaledJob: 'ScaledJob',
  Workload: 'Workload',
};

/** Episodes listed under the chart (newest first); the rest are on the chart and in the log. */
const LISTED_EPISODES = 12;

/**
 * The scaling story on one time axis: a lane per kind of object (ScaledObject, HPA, workload,
 * ReplicaSets, Jobs, Pods) with its events (size by repeat count, warnings in the warning
 * colour), a lane of scaling episodes, and the episodes' sentences listed below, each with the
 * events that record it. Share `group` and `range` with the charts so the cursor and zoom line up.
 *
 * @csspart plot - The timeline.
 * @csspart episodes - The list of episode sentences.
 * @cssprop --keda-warn - Warning events and scale-outs.
 * @cssprop --keda-ok - Scale-ins.
 */
export class EventTimeline extends LitElement {
  static override styles = [
    themeStyles,
    chartStyles,
    css`
      .plot {
        height: var(--keda-timeline-height, auto);
      }
      ol.episodes {
        list-style: none;
        margin: 6px 0 0;
        padding: 0;
        display: grid;
        gap: 4px;
      }
      ol.episodes li {
        display: grid;
        grid-template-columns: 5.5em 4.5em 1fr;
        gap: 8px;
        align-items: baseline;
        padding: 4px 8px;
        border-radius: 6px;
        background: var(--_surface);
        border: 1px solid var(--_border);
      }
      .at {
        color: var(--_muted);
        font-variant-numeric: tabular-nums;
        font-size: 0.88em;
      }
      .move {
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .move.out,
      .move.activate {
        color: var(--_warn);
      }
      .move.in,
      .move.deactivate {
        color: var(--_ok);
      }
      .sentence {
        overflow-wrap: anywhere;
      }
      .reasons {
        display: block;
        color: var(--_muted);
        font-family: var(--_mono);
        font-size: 0.82em;
      }
      .more {
        color: var(--_muted);
        font-size: 0.85em;
      }
    `,
  ];

  /** Folded events (core/kube/events). */
  @property({ attribute: false }) events: readonly EventRecord[] = [];
  /** Scaling episodes (core/story), any order. */
  @property({ attribute: false }) episodes: readonly ScalingEpisode[] = [];
  /** The same filter as the event log (episodes are always shown). */
  @property({ attribute: false }) filter: EventFilter | undefined;
  @property({ type: Boolean }) loading = false;
  @property() error: string | undefined;
  @property({ attribute: 'error-hint' }) errorHint: string | undefined;
  @property() heading = 'Timeline';
  @property() group: string | undefined;
  /** The time window shown `[from, to]` (ms); the data's extent when unset. */
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

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.dispose();
    this.chart = undefined;
  }

  private shownEvents(): EventRecord[] {
    return filterEvents(this.events, this.filter);
  }

  private lanes(events: readonly EventRecord[]): string[] {
    const present = new Set(events.map(laneOf));
    const lanes = LANES.filter((l) => present.has(l)).map((l) => LANE_LABEL[l] ?? l);
    return this.episodes.length ? [EPISODE_LANE, ...lanes] : lanes;
  }

  protected override render(): TemplateResult {
    const bar = html`<div class="bar">
      <span class="title">${this.heading}</span>
      ${
        this.events.length || this.episodes.length
          ? html`<span class="sub"
              >${this.episodes.length} scaling episode${this.episodes.length === 1 ? '' : 's'} ·
              ${this.events.length} event${this.events.length === 1 ? '' : 's'}</span
            >`
          : nothing
      }
    </div>`;
    if (this.error)
      return html`${bar}
        <div class="state-box error" role="alert">
          <strong>Cannot read events</strong>
          <span class="api-message">${this.error}</span>
          ${this.errorHint ? html`<span>${this.errorHint}</span>` : nothing}
        </div>`;
    const events = this.shownEvents();
    if (!this.events.length && !this.episodes.length)
      return html`${bar}
        <div class="state-box" role="status">
          ${this.loading ? 'Loading events…' : 'Nothing has happened in this window: no events, no scaling.'}
        </div>`;
    const lanes = this.lanes(events);
    const height = Math.max(2, lanes.length) * 30 + 56;
    const episodes = [...this.episodes].sort((a, b) => b.time - a.time);
    const warnings = events.filter((e) => e.type === 'Warning').length;
    const summary = `Timeline of ${events.length} events (${warnings} warnings) and ${episodes.length} scaling episodes.${
      episodes[0] ? ` Latest: ${episodes[0].sentence}.` : ''
    }`;
    return html`${bar}
      <div class="plot" part="plot" role="img" aria-label=${summary} style=${`height: ${height}px`}></div>
      ${
        episodes.length
          ? html`<ol class="episodes" part="episodes" aria-label="Scaling episodes, newest first">
                ${episodes.slice(0, LISTED_EPISODES).map(
                  (ep) =>
                    html`<li data-id=${ep.id}>
                      <span class="at" title=${new Date(ep.time).toISOString()}>${clockTime(ep.time)}</span>
                      <span class="move ${ep.direction}">${ep.from} → ${ep.to}</span>
                      <span class="sentence"
                        >${ep.sentence}${
                          ep.events.length
                            ? html`<span class="reasons"
                                >${[...new Set(ep.events.map((e) => e.reason))].join(' · ')}</span
                              >`
                            : nothing
                        }</span
                      >
                    </li>`,
                )}
              </ol>
              ${
                episodes.length > LISTED_EPISODES
                  ? html`<p class="more">
                      ${episodes.length - LISTED_EPISODES} older episodes are on the timeline.
                    </p>`
                  : nothing
              }`
          : nothing
      }`;
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
    } else this.chart.resize();
    joinGroup(this.chart, this.group);
    this.draw();
  }

  private draw(): void {
    const chart = this.chart;
    if (!chart) return;
    const c = (this.palette ??= readPalette(this.renderRoot as ShadowRoot));
    const events = this.shownEvents();
    const lanes = this.lanes(events);
    const laneName = (e: EventRecord) => LANE_LABEL[laneOf(e)] ?? laneOf(e);
    const byKey = new Map(events.map((e) => [e.key, e]));
    const byEpisode = new Map(this.episodes.map((e) => [e.id, e]));
    const size = (count: number) => 8 + Math.min(10, Math.log2(count) * 3);
    chart.setOption(
      {
        animation: false,
        textStyle: { color: c.fg, fontFamily: 'inherit' },
        grid: {
          left: 8,
          right: 16,
          top: 8,
          bottom: 28,
          outerBoundsMode: 'same',
          outerBoundsContain: 'axisLabel',
        },
        tooltip: {
          trigger: 'item',
          ...tooltipStyle(c),
          formatter: (params: unknown) => {
            const p = params as { seriesId?: string; data?: { id?: string } };
            const id = p.data?.id ?? '';
            if (p.seriesId === 'episodes') {
              const ep = byEpisode.get(id);
              if (!ep) return tooltipContent('', []);
              const rows: TooltipRow[] = [{ label: ep.sentence, value: '' }];
              for (const e of ep.events) rows.push({ label: `${e.reason}: ${shownMessage(e)}`, value: '' });
              return tooltipContent(`${clockTime(ep.time)} · ${ep.from} → ${ep.to}`, rows);
            }
            const e = byKey.get(id);
            if (!e) return tooltipContent('', []);
            return tooltipContent(`${clockTime(e.time)} · ${e.reason}${e.count > 1 ? ` ×${e.count}` : ''}`, [
              { label: `${e.involved.kind ?? ''}/${e.involved.name ?? ''}`, value: e.type },
              { label: e.source, value: e.count > 1 ? `first ${clockTime(e.firstTime)}` : '' },
              { label: shownMessage(e), value: '' },
            ]);
          },
        },
        xAxis: {
          type: 'time',
          min: this.range?.[0],
          max: this.range?.[1],
          axisLine: { lineStyle: { color: c.border } },
          axisLabel: { color: c.muted, hideOverlap: true },
          splitLine: { show: true, lineStyle: { color: c.border, opacity: 0.4 } },
          axisPointer: { show: true, type: 'line', label: { show: false }, lineStyle: { color: c.muted } },
        },
        yAxis: {
          type: 'category',
          data: [...lanes].reverse(),
          inverse: false,
          axisLine: { show: false },
          axisTick: { show: false },
          axisLabel: { color: c.muted },
          splitLine: { show: true, lineStyle: { color: c.border, opacity: 0.5 } },
        },
        dataZoom: [{ type: 'inside', xAxisIndex: 0, filterMode: 'none' }],
        series: [
          {
            id: 'events',
            name: 'events',
            type: 'scatter',
            data: events.map((e) => ({
              id: e.key,
              value: [e.time, laneName(e)],
              symbolSize: size(e.count),
              itemStyle: {
                color: e.type === 'Warning' ? c.warn : c.accent,
                opacity: 0.85,
                borderColor: c.bg,
                borderWidth: 1,
              },
            })),
          },
          {
            id: 'episodes',
            name: 'episodes',
            type: 'scatter',
            symbol: 'diamond',
            symbolSize: 13,
            labelLayout: { hideOverlap: true },
            data: this.episodes.map((ep) => ({
              id: ep.id,
              value: [ep.time, EPISODE_LANE],
              itemStyle: {
                color: ep.direction === 'out' || ep.direction === 'activate' ? c.warn : c.ok,
                borderColor: c.bg,
                borderWidth: 1,
              },
              label: {
                show: true,
                position: 'right',
                color: c.fg,
                fontSize: 11,
                formatter: `${ep.from}→${ep.to}`,
              },
            })),
          },
        ],
      },
      { replaceMerge: ['series'] },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'keda-event-timeline': EventTimeline;
  }
}

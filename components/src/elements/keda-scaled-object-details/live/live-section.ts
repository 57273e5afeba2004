import { humanDuration } from '../../../core/kube/age.js';
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { HorizontalPodAutoscaler } from '../../../core/kube/autoscaling.js';
import { errorHint } from '../../../core/kube/error-hints.js';
import { mergeEvents, type AnyKubeEvent, type EventRecord } from '../../../core/kube/events.js';
import {
  CoreEventResource,
  EventResource,
  HorizontalPodAutoscalerResource,
  ScaledObjectResource,
} from '../../../core/kube/resource.js';
import type { ScaledObjectDetailsModel } from '../../../core/keda/scaled-object-details.js';
import type { ScaledObject } from '../../../core/keda/types.js';
import { scalingEpisodes } from '../../../core/story/episodes.js';
import type { ScalingEpisode } from '../../../core/story/types.js';
import { ClockController } from '../../../controllers/clock-controller.js';
import { StoreController } from '../../../controllers/store-controller.js';
import { IndexedDbHistory } from '../../../data/history/indexeddb-history.js';
import type { KedaStore } from '../../../data/keda-store.js';
import { MetricsSampler, type SampledSeries } from '../../../data/metrics-sampler.js';
import { statePillStyles } from '../../../styles/state-pill.js';
import { themeStyles } from '../../../styles/theme.js';
import type { EventFilter } from '../../keda-event-log/event-filter.js';
import type { MetricChartSeries } from '../../keda-metric-chart/metric-series.js';
import type { ScalingMarker } from '../../keda-replica-chart/replica-series.js';
import '../../keda-metric-chart/define.js';
import '../../keda-replica-chart/define.js';
import '../../keda-event-timeline/define.js';
import '../../keda-event-log/define.js';
import {
  connectionState,
  liveEvents,
  liveWindow,
  metricChartSeries,
  replicaChartSeries,
  triggerState,
  updatedAgo,
} from './live-state.js';

/** Chart inputs move on in steps of this much when nothing else changes (the "now" edge). */
const CHART_TICK_MS = 5000;

/**
 * The Live section of `keda-scaled-object-details`: the connection indicator, each trigger's
 * state, a metric chart per trigger, the replica chart, the timeline with the scaling episodes,
 * and the event log. Internal: the details element renders it with its model.
 */
export class ScaledObjectLive extends LitElement {
  static override styles = [
    themeStyles,
    statePillStyles,
    css`
      :host {
        display: block;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 12px;
        margin-bottom: 8px;
      }
      section {
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: 8px;
        padding: 12px 16px 14px;
      }
      h3 {
        margin: 0;
        font-size: 0.8em;
        letter-spacing: 0.05em;
        text-transform: uppercase;
        color: var(--_muted);
      }
      h4 {
        margin: 16px 0 6px;
        font-size: 0.8em;
        letter-spacing: 0.05em;
        text-transform: uppercase;
        color: var(--_muted);
      }
      .conn {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        font-size: 0.86em;
        font-weight: 600;
      }
      .conn::before {
        content: '';
        width: 8px;
        height: 8px;
        border-radius: 50%;
        background: currentColor;
      }
      .conn.live {
        color: var(--_ok);
      }
      .conn.live::before {
        box-shadow: 0 0 0 3px color-mix(in srgb, var(--_ok) 25%, transparent);
      }
      .conn.reconnecting,
      .conn.connecting {
        color: var(--_warn);
      }
      .conn.error,
      .conn.stopped {
        color: var(--_error);
      }
      .ago {
        color: var(--_muted);
        font-size: 0.86em;
        font-variant-numeric: tabular-nums;
      }
      ul.triggers {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 6px 14px;
        margin: 0 0 0 auto;
        padding: 0;
      }
      ul.triggers li {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        font-size: 0.88em;
      }
      .mono {
        font-family: var(--_mono);
        font-size: 0.92em;
      }
      .state.inactive,
      .state.failing {
        color: var(--_muted);
      }
      .state.failing {
        color: var(--_error);
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 440px), 1fr));
        gap: 12px 20px;
      }
      .charts > * {
        padding: 8px 10px 4px;
        border: 1px solid var(--_border);
        border-radius: 8px;
        background: var(--_bg);
      }
      keda-event-timeline {
        margin-top: 12px;
        padding: 8px 10px;
        border: 1px solid var(--_border);
        border-radius: 8px;
        background: var(--_bg);
      }
      .note {
        color: var(--_muted);
        font-size: 0.86em;
        margin: 4px 0 0;
      }
      .api-message {
        font-family: var(--_mono);
      }
    `,
  ];

  @property() namespace = '';
  @property() name = '';
  /** The details view model of the ScaledObject (triggers, pause, cooldown, fallback). */
  @property({ attribute: false }) model: ScaledObjectDetailsModel | undefined;
  @property({ attribute: false })
  set store(store: KedaStore | undefined) {
    this.data.use(store);
  }
  get store(): KedaStore | undefined {
    return this.data.store;
  }

  @state() private filter: EventFilter = {};

  private readonly data = new StoreController(this, []);
  private readonly clock = new ClockController(this, 1000);
  private sampler: MetricsSampler | undefined;
  private releaseSample: (() => void) | undefined;
  private unsubscribeSampler: (() => void) | undefined;
  private sampledKey = '';

  /** Memos: chart inputs change identity only when their data does. */
  private metricMemo: { version: number; key: string; series: MetricChartSeries[] } | undefined;
  private eventMemo: { items: readonly AnyKubeEvent[]; records: EventRecord[] } | undefined;
  private storyMemo: { key: string; episodes: ScalingEpisode[] } | undefined;
  private rangeMemo: { key: string; range: readonly [number, number] } | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopSampling();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('namespace')) {
      const namespace = this.namespace || undefined;
      this.data.need([
        { type: ScaledObjectResource, namespace },
        { type: HorizontalPodAutoscalerResource, namespace },
        { type: EventResource, namespace },
      ]);
    }
  }

  private startSampling(store: KedaStore): void {
    const key = `${this.namespace}/${this.name}`;
    if (this.sampler?.store === store && this.sampledKey === key) return;
    this.stopSampling();
    this.sampler = MetricsSampler.for(store, {
      ...(typeof indexedDB !== 'undefined' ? { history: new IndexedDbHistory() } : {}),
    });
    this.sampledKey = key;
    this.releaseSample = this.sampler.retain({ namespace: this.namespace, name: this.name });
    this.unsubscribeSampler = this.sampler.subscribe(() => this.requestUpdate());
  }

  private stopSampling(): void {
    this.releaseSample?.();
    this.unsubscribeSampler?.();
    this.releaseSample = undefined;
    this.unsubscribeSampler = undefined;
    this.sampler = undefined;
    this.sampledKey = '';
  }

  protected override render(): TemplateResult | typeof nothing {
    const store = this.data.store;
    const model = this.model;
    if (!store || !model || !this.isConnected) return nothing;
    this.startSampling(store);
    const now = this.clock.now();
    const series = this.sampler!.series({ namespace: this.namespace, name: this.name });
    const soCollection = store.collection<ScaledObject>(ScaledObjectResource, { namespace: this.namespace });
    const so = soCollection.items.find((o) => o.metadata.name === this.name);
    const hpaCollection = store.collection<HorizontalPodAutoscaler>(HorizontalPodAutoscalerResource, {
      namespace: this.namespace,
    });
    const hpa = hpaCollection.items.find((h) => h.metadata.name === model.hpaName.value);
    const eventsCollection = this.eventCollection(store);
    const records = this.records(eventsCollection.items);
    const events = liveEvents(records, model, so?.metadata.uid);
    const conn = connectionState(
      [soCollection.state, hpaCollection.state, eventsCollection.state],
      series.lastSampleAt,
    );
    const chartNow = Math.max(series.lastSampleAt ?? 0, Math.floor(now / CHART_TICK_MS) * CHART_TICK_MS);
    const metrics = this.metricSeries(series, model, chartNow);
    const replicas = replicaChartSeries(series.replicas, chartNow);
    const episodes = so ? this.episodes(so, hpa, events, series) : [];
    const actions: ScalingMarker[] = episodes.map((e) => ({
      t: e.time,
      from: e.from,
      to: e.to,
      sentence: e.sentence,
    }));
    const range = this.range(series, events, chartNow);
    const group = `keda-live/${this.namespace}/${this.name}`;
    const loading = !soCollection.state.synced || !hpaCollection.state.synced;
    const externalError = series.external.error;
    const eventsError = eventsCollection.state.phase === 'error' ? eventsCollection.state.error : undefined;
    return html`<section part="section" aria-labelledby="live-title">
      <header>
        <h3 id="live-title">Live</h3>
        <span class="conn ${conn.kind}" role="status" title=${conn.error ?? ''}>${conn.label}</span>
        <span class="ago">${updatedAgo(conn.lastUpdate, now)}</span>
        <ul class="triggers" aria-label="Trigger states">
          ${model.triggers.map((t) => {
            const s = triggerState(model, t);
            return html`<li>
              <span class="mono">${t.metricName ?? `trigger ${t.index}`}</span>
              <span class="state ${s.kind}" title=${s.detail}>${s.label}</span>
            </li>`;
          })}
        </ul>
      </header>
      <div class="charts">
        ${
          metrics.length
            ? metrics.map(
                (m) =>
                  html`<keda-metric-chart
                    .series=${[m]}
                    .range=${range}
                    group=${group}
                    ?loading=${loading}
                    .error=${externalError?.message}
                    .errorHint=${externalError ? errorHint(externalError.code, 'external.metrics.k8s.io') : undefined}
                  ></keda-metric-chart>`,
              )
            : html`<keda-metric-chart
                heading="Metrics"
                ?loading=${loading}
                empty-text=${hpa ? 'The HPA has not reported a metric yet.' : 'No HPA: KEDA creates it once the ScaledObject is ready (paused ScaledObjects have none).'}
                .error=${externalError?.message}
              ></keda-metric-chart>`
        }
        <keda-replica-chart
          .current=${replicas.current}
          .desired=${replicas.desired}
          .min=${replicas.min ?? settingNumber(model, 'Min replicas')}
          .max=${replicas.max ?? settingNumber(model, 'Max replicas')}
          .actions=${actions}
          .range=${range}
          group=${group}
          ?loading=${loading}
        ></keda-replica-chart>
      </div>
      <keda-event-timeline
        .events=${events}
        .episodes=${episodes}
        .filter=${this.filter}
        .range=${range}
        group=${group}
        ?loading=${!eventsCollection.state.synced}
        .error=${eventsError?.message}
        .errorHint=${eventsError ? errorHint(eventsError.code, 'events.events.k8s.io') : undefined}
      ></keda-event-timeline>
      <h4>Events</h4>
      <keda-event-log
        .events=${events}
        .filter=${this.filter}
        ?loading=${!eventsCollection.state.synced}
        .error=${eventsError?.message}
        .errorHint=${eventsError ? errorHint(eventsError.code, 'events.events.k8s.io') : undefined}
        @keda-filter-change=${(e: CustomEvent<EventFilter>) => (this.filter = e.detail)}
      ></keda-event-log>
      <p class="note">
        Samples come from the HPA's status as it is watched; the external metrics API is asked only while the
        HPA has no value. ${keptFor(this.sampler!.keptForMs)}
      </p>
    </section>`;
  }

  /** events.k8s.io/v1, or core/v1 on clusters that do not serve it. */
  private eventCollection(store: KedaStore) {
    const v1 = store.collection<AnyKubeEvent>(EventResource, { namespace: this.namespace });
    if (v1.state.phase === 'error' && v1.state.error?.code === 404) {
      this.data.need([
        { type: ScaledObjectResource, namespace: this.namespace || undefined },
        { type: HorizontalPodAutoscalerResource, namespace: this.namespace || undefined },
        { type: CoreEventResource, namespace: this.namespace || undefined },
      ]);
      return store.collection<AnyKubeEvent>(CoreEventResource, { namespace: this.namespace });
    }
    return v1;
  }

  private records(items: readonly AnyKubeEvent[]): EventRecord[] {
    if (this.eventMemo?.items !== items) this.eventMemo = { items, records: mergeEvents(items) };
    return this.eventMemo.records;
  }

  private metricSeries(
    series: SampledSeries,
    model: ScaledObjectDetailsModel,
    now: number,
  ): MetricChartSeries[] {
    const key = `${now}|${model.triggers.map((t) => `${t.metricName}:${t.type}:${t.name ?? ''}`).join('|')}`;
    if (this.metricMemo?.version !== series.version || this.metricMemo.key !== key)
      this.metricMemo = {
        version: series.version,
        key,
        series: metricChartSeries(series.metrics, model.triggers, now),
      };
    return this.metricMemo.series;
  }

  private episodes(
    so: ScaledObject,
    hpa: HorizontalPodAutoscaler | undefined,
    events: EventRecord[],
    series: SampledSeries,
  ): ScalingEpisode[] {
    const key = [
      so.metadata.resourceVersion,
      hpa?.metadata.resourceVersion,
      events.length,
      events.at(-1)?.key,
      events.at(-1)?.count,
      series.version,
    ].join('|');
    if (this.storyMemo?.key !== key)
      this.storyMemo = {
        key,
        episodes: scalingEpisodes({
          scaledObject: so,
          ...(hpa ? { hpa } : {}),
          events,
          metrics: series.metrics,
          replicas: series.replicas,
        }),
      };
    return this.storyMemo.episodes;
  }

  /** One window for every chart (see liveWindow). */
  private range(
    series: SampledSeries,
    events: readonly EventRecord[],
    now: number,
  ): readonly [number, number] {
    const [from] = liveWindow(
      [...series.metrics.map((m) => m.samples[0]?.t), series.replicas[0]?.t],
      events.length ? Math.min(...events.map((e) => e.firstTime)) : undefined,
      now,
    );
    const key = `${from}|${now}`;
    if (this.rangeMemo?.key !== key) this.rangeMemo = { key, range: [from, now] };
    return this.rangeMemo.range;
  }
}

function keptFor(ms: number | undefined): string {
  return ms === undefined
    ? 'They are kept in memory while this page is open.'
    : `They are kept in this browser for ${humanDuration(ms)}.`;
}

function settingNumber(model: ScaledObjectDetailsModel, label: string): number | undefined {
  const v = model.settings.find((s) => s.label === label)?.value;
  return v !== undefined && /^\d+$/.test(String(v)) ? Number(v) : undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'keda-so-live': ScaledObjectLive;
  }
}

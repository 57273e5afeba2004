import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { linksContext, type LinkResolver } from '../../context/contexts.js';
import { ClockController } from '../../controllers/clock-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { humanDuration } from '../../core/kube/age.js';
import { errorHint } from '../../core/kube/error-hints.js';
import { mergeEvents, type AnyKubeEvent, type EventRecord } from '../../core/kube/events.js';
import type { HorizontalPodAutoscaler } from '../../core/kube/autoscaling.js';
import {
  CoreEventResource,
  DeploymentResource,
  HorizontalPodAutoscalerResource,
  ScaledJobResource,
  ScaledObjectResource,
} from '../../core/kube/resource.js';
import {
  crdHealth,
  metricsApiHealth,
  METRICS_GROUP_VERSION,
  operatorHealth,
  type ApiErrorInfo,
  type DeploymentLike,
  type HealthItem,
} from '../../core/keda/health.js';
import { maskSecretsInText } from '../../core/keda/mask.js';
import {
  mostActive,
  parseRange,
  readableMessage,
  scaledJobStateCounts,
  scaledObjectStateCounts,
  scalingEvents,
  stateFilter,
  type ScalingEvent,
  type StateCounts,
} from '../../core/keda/overview.js';
import { recentEpisodes, type RecentChange } from './recent-changes.js';
import { annotatedScaledObjectState } from '../../core/keda/state.js';
import type { ScaledObject } from '../../core/keda/types.js';
import type { APIResourceList, KubeApiError } from '../../data/kube-client.js';
import type { KedaStore } from '../../data/keda-store.js';
import { overviewStyles } from './keda-overview.styles.js';

/** Where a count links to: a list of one kind with a filter (the host's URL for it). */
export interface ListQuery {
  kind: 'ScaledObject' | 'ScaledJob';
  /** In the list filter language (`state:paused`); empty for the whole list. */
  filter: string;
  /** The namespaces the overview is limited to (empty: all). */
  namespaces: readonly string[];
}

export type ListLinkResolver = (query: ListQuery) => string | undefined;

export interface KedaRangeChangeDetail {
  range: string;
}

const RANGES = ['15m', '30m', '1h'] as const;
const SHOWN_EVENTS = 8;

/**
 * The cluster at a glance: ScaledObjects and ScaledJobs counted by state (each count links to the
 * filtered list), KEDA's health (CRDs served, operator available, metrics API answering), the
 * scaling events of a recent window and the ScaledObjects that scaled most in it. Watch-driven.
 *
 * @fires keda-range-change - The user picked another time window; `detail.range` (`15m`, `1h`…).
 * @csspart counts - Each "counts by state" card.
 * @csspart count - One state count (a link when `listHref` is set).
 * @csspart health - The KEDA health card.
 * @csspart health-item - One health check.
 * @csspart events - The recent scaling events card.
 * @csspart active - The most active ScaledObjects card.
 * @csspart status - The live status line.
 * @cssprop --keda-fg - Text colour.
 * @cssprop --keda-bg - Background colour.
 * @cssprop --keda-surface - Card background.
 * @cssprop --keda-border - Card borders.
 * @cssprop --keda-muted - Secondary text.
 * @cssprop --keda-accent - Links and focus rings.
 * @cssprop --keda-ok - Healthy and Active.
 * @cssprop --keda-warn - Paused, Fallback.
 * @cssprop --keda-error - Errors.
 * @cssprop --keda-info - Cooldown.
 * @cssprop --keda-font - Font family.
 */
export class KedaOverview extends LitElement {
  static override styles = overviewStyles;

  /** Limit the overview to these namespaces (empty: every namespace). */
  @property({ attribute: false }) namespaces: readonly string[] = [];

  /** The window for recent scaling events: `15m`, `30m`, `1h` (default), any `<n>s|m|h|d`. */
  @property() range = '1h';

  /** Where KEDA is installed: its operator Deployment is looked up there. */
  @property({ attribute: 'keda-namespace' }) kedaNamespace = 'keda';

  /** Turns a filtered list into an href; unset: counts are plain numbers. */
  @property({ attribute: false }) listHref: ListLinkResolver | undefined;

  @consume({ context: linksContext, subscribe: true })
  @state()
  private links: LinkResolver | undefined;

  @state() private discovery:
    { resources: APIResourceList['resources'] } | ApiErrorInfo | 'unsupported' | undefined;

  private readonly clock = new ClockController(this, 1000);
  private readonly data = new StoreController(this, this.needs());
  private discoveredFor: KedaStore | undefined;
  private eventMemo: { items: readonly AnyKubeEvent[]; records: EventRecord[] } | undefined;
  private changeMemo: { key: string; changes: RecentChange[] } | undefined;

  private needs() {
    return [
      { type: ScaledObjectResource },
      { type: ScaledJobResource },
      { type: CoreEventResource },
      { type: HorizontalPodAutoscalerResource },
      { type: DeploymentResource, namespace: this.kedaNamespace },
    ];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('kedaNamespace')) this.data.need(this.needs());
    const store = this.data.store;
    if (store && store !== this.discoveredFor) {
      this.discoveredFor = store;
      void this.checkMetricsApi(store);
    }
  }

  /** Asks discovery again for the metrics API (it is not watchable). */
  async checkMetricsApi(store = this.data.store): Promise<void> {
    if (!store) return;
    if (!store.client.discover) {
      this.discovery = 'unsupported';
      return;
    }
    this.discovery = undefined;
    try {
      const list = await store.client.discover(METRICS_GROUP_VERSION);
      if (store === this.data.store) this.discovery = { resources: list.resources ?? [] };
    } catch (error) {
      const e = error as KubeApiError;
      if (store === this.data.store) this.discovery = { code: e.code ?? 0, message: e.message };
    }
  }

  protected override render(): TemplateResult {
    const store = this.data.store;
    if (!store) {
      return html`<p class="message" part="status">
        Not connected: put this element inside a &lt;keda-connection&gt;.
      </p>`;
    }
    const now = this.clock.now();
    const inScope = <T extends { metadata: { namespace?: string } }>(items: readonly T[]) =>
      this.namespaces.length === 0
        ? items
        : items.filter((o) => this.namespaces.includes(o.metadata.namespace ?? ''));
    const sos = store.scaledObjects;
    const sjs = store.scaledJobs;
    const scaledObjects = inScope(sos.items);
    const scaledJobs = inScope(sjs.items);
    const windowMs = parseRange(this.range) ?? 3_600_000;
    const eventsCollection = store.collection<AnyKubeEvent>(CoreEventResource);
    if (this.eventMemo?.items !== eventsCollection.items)
      this.eventMemo = { items: eventsCollection.items, records: mergeEvents(eventsCollection.items) };
    const records = this.eventMemo.records;
    const since = now - windowMs;
    // Only the in-scope objects' events count: scalingEvents keeps events of the objects given.
    const events = scalingEvents(records, scaledObjects, scaledJobs, since);
    const hpas = store.collection<HorizontalPodAutoscaler>(HorizontalPodAutoscalerResource).items;
    const changes = this.recentChanges(events, records, scaledObjects, hpas, since);
    return html`
      ${this.renderStatus(sos.state.phase, sos.state.lastUpdate, now)}
      ${
        !sos.state.synced && sos.state.error
          ? html`<div class="banner error" role="alert">
              <strong>Cannot list ScaledObjects</strong>
              <p class="api-message">${sos.state.error.message}</p>
              <p>${errorHint(sos.state.error.code, 'scaledobjects.keda.sh')}</p>
            </div>`
          : nothing
      }
      <div class="grid">
        ${this.renderCounts('ScaledObject', 'ScaledObjects', sos.state.synced, scaledObjectStateCounts(scaledObjects, now))}
        ${this.renderCounts('ScaledJob', 'ScaledJobs', sjs.state.synced, scaledJobStateCounts(scaledJobs))}
        ${this.renderHealth(store)}
      </div>
      <div class="grid two">
        ${this.renderEvents(changes, eventsCollection.state.synced, eventsCollection.state.error, now)}
        ${this.renderActive(events, scaledObjects, now)}
      </div>
    `;
  }

  /** Scaling episodes (core/story) of the ScaledObjects that scaled in the window, ScaledJobs' events. */
  private recentChanges(
    events: readonly ScalingEvent[],
    records: readonly EventRecord[],
    scaledObjects: readonly ScaledObject[],
    hpas: readonly HorizontalPodAutoscaler[],
    since: number,
  ): RecentChange[] {
    const key = [
      since - (since % 5000),
      records.length,
      records.at(-1)?.key,
      records.at(-1)?.count,
      events.length,
      scaledObjects.map((so) => so.metadata.resourceVersion).join(),
    ].join('|');
    if (this.changeMemo?.key !== key)
      this.changeMemo = { key, changes: recentEpisodes(events, records, scaledObjects, hpas, since) };
    return this.changeMemo.changes;
  }

  private renderStatus(phase: string, lastUpdate: number | undefined, now: number): TemplateResult {
    const updated = lastUpdate !== undefined ? ` · updated ${humanDuration(now - lastUpdate)} ago` : '';
    const text =
      phase === 'live'
        ? `Live${updated}`
        : phase === 'reconnecting'
          ? `Reconnecting… showing the last known state${updated}`
          : phase === 'error'
            ? 'Cannot list ScaledObjects; retrying'
            : 'Loading…';
    const scope =
      this.namespaces.length === 0
        ? 'All namespaces'
        : `Namespace${this.namespaces.length > 1 ? 's' : ''} ${this.namespaces.join(', ')}`;
    return html`<div class="status" part="status" role="status" aria-live="polite">
      <span class="dot ${phase}" aria-hidden="true"></span><span>${scope} · ${text}</span>
    </div>`;
  }

  private renderCounts(
    kind: ListQuery['kind'],
    plural: string,
    synced: boolean,
    counts: StateCounts,
  ): TemplateResult {
    const link = (filter: string) => this.listHref?.({ kind, filter, namespaces: this.namespaces });
    const totalHref = link('');
    const heading = `${plural} by state`;
    return html`<section class="card counts" part="counts" aria-label=${heading}>
      <header>
        <h2>${plural}</h2>
        ${
          synced
            ? totalHref
              ? html`<a class="total" href=${totalHref} aria-label=${`All ${counts.total} ${plural}`}
                  >${counts.total}</a
                >`
              : html`<span class="total">${counts.total}</span>`
            : html`<span class="total loading" aria-label="Loading">–</span>`
        }
      </header>
      <ul class="states">
        ${counts.states.map((s) => {
          const href = synced ? link(stateFilter(s.kind)) : undefined;
          // The link's name is its text ("3 Active ScaledObjects"): what is seen is what is said.
          const body = html`<span class="n">${synced ? s.count : '–'}</span>
            <span class="state ${s.kind}">${s.label}</span><span class="visually-hidden"> ${plural}</span>`;
          return html`<li class=${s.count === 0 ? 'zero' : ''}>
            ${href ? html`<a part="count" href=${href}>${body}</a>` : html`<span part="count">${body}</span>`}
          </li>`;
        })}
      </ul>
      ${
        synced && counts.total === 0
          ? html`<p class="empty">No ${plural} ${this.namespaces.length ? 'in these namespaces' : 'yet'}.</p>`
          : nothing
      }
    </section>`;
  }

  private renderHealth(store: KedaStore): TemplateResult {
    const soState = store.scaledObjects.state;
    const deployments = store.collection<DeploymentLike>(DeploymentResource, {
      namespace: this.kedaNamespace,
    });
    const errorOf = (e: KubeApiError | undefined) => (e ? { code: e.code, message: e.message } : undefined);
    const items: HealthItem[] = [
      crdHealth({ synced: soState.synced, error: errorOf(soState.error) }),
      operatorHealth(
        deployments.items,
        { synced: deployments.state.synced, error: errorOf(deployments.state.error) },
        this.kedaNamespace,
      ),
      metricsApiHealth(this.discovery),
    ];
    const icon = { ok: '✓', problem: '!', unknown: '?', checking: '…' };
    const words = { ok: 'Healthy', problem: 'Problem', unknown: 'Unknown', checking: 'Checking' };
    return html`<section class="card health" part="health" aria-label="KEDA health">
      <header>
        <h2>KEDA health</h2>
        <button type="button" class="link" @click=${() => void this.checkMetricsApi()}>Check again</button>
      </header>
      <ul>
        ${items.map(
          (item) =>
            html`<li part="health-item" class="health-item ${item.status}" data-check=${item.id}>
              <span class="icon" aria-hidden="true">${icon[item.status]}</span>
              <div>
                <div class="title">
                  ${item.title} <span class="visually-hidden">: ${words[item.status]}</span>
                </div>
                <div class="detail">${item.detail}</div>
              </div>
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderEvents(
    events: readonly RecentChange[],
    synced: boolean,
    error: KubeApiError | undefined,
    now: number,
  ): TemplateResult {
    let body: TemplateResult;
    if (!synced && error) {
      body = html`<p class="api-message">${error.message}</p>
        <p class="hint">${errorHint(error.code, 'events')}</p>`;
    } else if (!synced) {
      body = html`<p class="hint">Loading events…</p>`;
    } else if (events.length === 0) {
      body = html`<p class="hint">
        No scaling in the last ${this.range}. KEDA activates a target when a trigger becomes active; the HPA
        scales it between 1 and maxReplicaCount.
      </p>`;
    } else {
      body = html`<ol class="events">
        ${events.slice(0, SHOWN_EVENTS).map((e) => this.renderEvent(e, now))}
      </ol>`;
    }
    return html`<section class="card" part="events" aria-label="Recent scaling">
      <header>
        <h2>Recent scaling</h2>
        <label class="range">
          <span class="visually-hidden">Time window</span>
          <select @change=${this.onRange} aria-label="Time window">
            ${(RANGES.includes(this.range as (typeof RANGES)[number]) ? RANGES : [this.range, ...RANGES]).map(
              (r) => html`<option value=${r} ?selected=${r === this.range}>last ${r}</option>`,
            )}
          </select>
        </label>
      </header>
      ${body}
    </section>`;
  }

  private renderEvent(e: RecentChange, now: number): TemplateResult {
    const direction = e.failed
      ? 'failed'
      : e.from !== undefined && e.to !== undefined
        ? e.to > e.from
          ? 'up'
          : 'down'
        : 'change';
    const change =
      e.from !== undefined && e.to !== undefined
        ? `${e.from} → ${e.to}`
        : e.to !== undefined
          ? `→ ${e.to}`
          : '';
    return html`<li class="event ${direction}" data-reason=${e.reason}>
      <span class="when" title=${new Date(e.time).toISOString()}>${humanDuration(now - e.time)} ago</span>
      <span class="who">${this.objectLink(e.owner.kind, e.owner.namespace, e.owner.name)}</span>
      <span class="change">${change}</span>
      <span class="why" title=${maskSecretsInText(e.detail)}
        >${maskSecretsInText(readableMessage(e.text))}</span
      >
    </li>`;
  }

  private renderActive(
    events: readonly ScalingEvent[],
    scaledObjects: readonly ScaledObject[],
    now: number,
  ): TemplateResult {
    const top = mostActive(events, 5);
    const byKey = new Map(scaledObjects.map((so) => [`${so.metadata.namespace}/${so.metadata.name}`, so]));
    return html`<section class="card" part="active" aria-label="Most active ScaledObjects">
      <header><h2>Most active ScaledObjects</h2></header>
      ${
        top.length === 0
          ? html`<p class="hint">No ScaledObject changed its replicas in the last ${this.range}.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th scope="col">ScaledObject</th>
                  <th scope="col">State</th>
                  <th scope="col" class="num">Changes</th>
                  <th scope="col" class="num">Replicas</th>
                  <th scope="col">Last change</th>
                </tr>
              </thead>
              <tbody>
                ${top.map((a) => {
                  const so = byKey.get(`${a.namespace}/${a.name}`);
                  const st = so ? annotatedScaledObjectState(so, now) : undefined;
                  return html`<tr>
                    <td>${this.objectLink('ScaledObject', a.namespace, a.name)}</td>
                    <td>${st ? html`<span class="state ${st.kind}">${st.label}</span>` : '—'}</td>
                    <td class="num">${a.changes}</td>
                    <td class="num">${a.replicas ?? '—'}</td>
                    <td>${humanDuration(now - a.lastChange)} ago</td>
                  </tr>`;
                })}
              </tbody>
            </table>`
      }
    </section>`;
  }

  private objectLink(kind: string, namespace: string, name: string): TemplateResult {
    const href = this.links?.({ kind, apiVersion: 'keda.sh/v1alpha1', namespace, name });
    const label = html`<span class="ns">${namespace}/</span>${name}`;
    return href ? html`<a href=${href}>${label}</a>` : html`<span>${label}</span>`;
  }

  private onRange(event: Event): void {
    const range = (event.target as HTMLSelectElement).value;
    this.range = range;
    this.dispatchEvent(
      new CustomEvent<KedaRangeChangeDetail>('keda-range-change', {
        detail: { range },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'keda-overview': KedaOverview;
  }
  interface HTMLElementEventMap {
    'keda-range-change': CustomEvent<KedaRangeChangeDetail>;
  }
}

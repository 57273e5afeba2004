import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { live } from 'lit/directives/live.js';
import { humanDuration } from '../../core/kube/age.js';
import { errorHint } from '../../core/kube/error-hints.js';
import type { ResourceType } from '../../core/kube/resource.js';
import type { KubeObject } from '../../core/kube/types.js';
import { parseQuery } from '../../core/list/query.js';
import type { ListColumn, ListRowBase, RowSelection } from '../../core/list/select.js';
import { ListPipeline, type ListResult, type Related } from '../../core/list/pipeline.js';
import { formatSort, parseSort, type SortSpec } from '../../core/list/sort.js';
import {
  NOTHING_CHECKED,
  coverage,
  extendTo,
  keepPresent,
  setKeys,
  toggleKey,
  type Checked,
} from '../../core/list/checked.js';
import { runBulk } from '../../core/list/bulk.js';
import type { BulkAction, BulkActionId } from '../../core/keda/actions.js';
import type { Collection, KedaStore } from '../../data/keda-store.js';
import type { InformerState } from '../../data/informer.js';
import { KubeApiError } from '../../data/kube-client.js';
import type { LinkResolver } from '../../context/contexts.js';
import { VirtualWindowController } from '../../controllers/virtual-window.js';
import { HeaderColumnsController, type Fit } from '../../controllers/header-columns.js';
import { cancelIdle, whenIdle } from '../../controllers/idle.js';
import { textCell } from './cells.js';

export const LIST_ROW_HEIGHT = 38;
const CHANGE_HIGHLIGHT_MS = 2500;
export const SELECT_TRACK = '32px';
const CLUSTER_TRACK = 'minmax(96px, 0.7fr)';

/** The list's user-controlled view state, as the host keeps it in its URL. */
export interface ListViewState {
  filter: string;
  /** `column` or `-column`. */
  sort: string;
  namespaces: string[];
}

/**
 * One cluster a list shows. With two or more, the list merges them and adds a CLUSTER column
 * (filter `cluster:<name>`, sortable); each brings its own store and, optionally, its own links.
 */
export interface ListCluster {
  name: string;
  store: KedaStore;
  links?: LinkResolver;
}

export type ListViewHost = ReactiveControllerHost &
  HTMLElement &
  ListViewState & {
    /** Several clusters to show at once; empty: the element's own store only. */
    clusters: readonly ListCluster[];
  };

/** The outcome of a bulk action, as the `keda-bulk-action` event and the result line report it. */
export interface BulkActionDetail {
  action: BulkActionId;
  succeeded: Array<{ cluster: string; namespace?: string; name: string }>;
  failed: Array<{ cluster: string; namespace?: string; name: string; code: number; message: string }>;
}

/** Another kind's objects in one cluster, found per listed object, and how their watch is doing. */
export interface RelatedObjects<T, R> extends Related<T, R> {
  readonly state: InformerState;
}

/**
 * Another kind the rows show something of, watched in every cluster's store beside the listed
 * kind; `columns` are the ones showing it.
 */
export interface RelatedKind<T, Id extends string, R> {
  type: ResourceType;
  columns: ReadonlySet<Id>;
  in(store: KedaStore): RelatedObjects<T, R>;
}

export interface ListViewConfig<T extends KubeObject, Row extends ListRowBase, Id extends string, R = never> {
  /** `ScaledJob` / `ScaledJobs`, for messages. */
  singular: string;
  plural: string;
  /** `scaledjobs.keda.sh`, for error hints. */
  resource: string;
  /** What the list shows (watched in every cluster's store) and writes to. */
  type: ResourceType;
  collection(store: KedaStore): Collection<T>;
  namespaced: boolean;
  columns: ReadonlyArray<ListColumn<Id>>;
  defaultSort: SortSpec<Id>;
  filterKeys: ReadonlyMap<string, string>;
  filterPlaceholder: string;
  selection: RowSelection<T, Row, Id>;
  toRow(object: T, now: number, related: R | undefined): Row;
  /** Another kind the rows show something of (a ScaledObject's HPA). */
  related?: RelatedKind<T, Id, R>;
  /** When a row goes stale without its object changing (a cooldown ending); never by default. */
  rowStaleAt?(row: Row): number;
  /**
   * A cell; `links` is the row's cluster's own resolver when it brought one, `fit` tells which
   * texts surely fit the column (the others are clipped with an ellipsis), `related` is how the
   * watch of the related kind is doing in the row's cluster.
   */
  renderCell(
    id: Id,
    row: Row,
    now: number,
    links: LinkResolver | undefined,
    fit: Fit,
    related: InformerState | undefined,
  ): TemplateResult;
  /** What to do when there is nothing at all (after "There are no … yet."). */
  emptyHint: TemplateResult;
  /** What several selected objects can be put through. */
  bulkActions: readonly BulkAction[];
  /** What deleting means for this kind, shown in the confirmation. */
  deleteNote: string;
}

interface Source<T extends KubeObject, R> {
  cluster: string;
  store: KedaStore;
  collection: Collection<T>;
  links: LinkResolver | undefined;
  related: RelatedObjects<T, R> | undefined;
}

interface BulkRun {
  action: BulkAction;
  total: number;
  done: number;
}

interface BulkReport {
  action: BulkAction;
  detail: BulkActionDetail;
}

/**
 * Everything the `keda-*-list` elements share: toolbar (filter language, namespaces, count), live
 * status line, loading / empty / error states with the API's message, a sortable, virtualised
 * table whose rows flash when a watch event changes them, row selection with bulk actions, an
 * optional CLUSTER column, and `keda-list-change` / `keda-bulk-action` events.
 */
export class ListViewController<
  T extends KubeObject,
  Row extends ListRowBase,
  Id extends string,
  R = never,
> implements ReactiveController {
  private readonly window: VirtualWindowController;
  private readonly headerColumns: HeaderColumnsController;
  private readonly pipeline: ListPipeline<T, Row, Id, R>;
  private readonly columnIds: string[];
  private readonly filterKeys: ReadonlyMap<string, string>;
  private readonly filterKeysWithCluster: ReadonlyMap<string, string>;
  /** Filter keys that do not apply to this kind (`ns:` of a cluster-scoped one), with why. */
  private readonly inapplicableKeys: ReadonlyMap<string, string>;
  private menuOpen = false;
  private checked: Checked = NOTHING_CHECKED;
  private running: BulkRun | undefined;
  private report: BulkReport | undefined;
  /** What the confirmation dialog is asking about. */
  private confirming: { action: BulkAction; targets: T[] } | undefined;
  private retained = new Map<KedaStore, () => void>();
  private last: { sources: Array<Source<T, R>>; result: ListResult<T> } | undefined;
  private idle: number | undefined;

  constructor(
    private readonly host: ListViewHost,
    private readonly config: ListViewConfig<T, Row, Id, R>,
    /** The element's own store (explicit or from `<keda-connection>`). */
    private readonly ownStore: () => KedaStore | undefined,
  ) {
    host.addController(this);
    this.window = new VirtualWindowController(host, LIST_ROW_HEIGHT, 2, LIST_ROW_HEIGHT);
    this.headerColumns = new HeaderColumnsController(host);
    this.pipeline = new ListPipeline({
      toRow: config.toRow,
      rowStaleAt: config.rowStaleAt,
      selection: config.selection,
      relatedColumns: config.related?.columns,
    });
    this.columnIds = [...config.columns.map((c) => c.id), 'cluster'];
    this.filterKeys = config.namespaced
      ? config.filterKeys
      : new Map([...config.filterKeys].filter(([, key]) => key !== 'ns'));
    this.filterKeysWithCluster = new Map([...this.filterKeys, ['cluster', 'cluster']]);
    this.inapplicableKeys = config.namespaced
      ? new Map()
      : new Map(['ns', 'namespace'].map((key) => [key, `${config.plural} are cluster-scoped`]));
  }

  hostUpdate(): void {
    this.retainClusters(this.host.clusters);
  }

  hostUpdated(): void {
    const scroller = this.host.shadowRoot?.querySelector<HTMLElement>('.scroller') ?? null;
    this.window.observe(scroller);
    this.headerColumns.track(scroller);
    this.prepareSearchWhenIdle();
  }

  hostDisconnected(): void {
    this.retainClusters([]);
    if (this.idle !== undefined) cancelIdle(this.idle);
    this.idle = undefined;
  }

  /** Readies the search text of every row in idle time, so the first keystroke only filters. */
  private prepareSearchWhenIdle(): void {
    if (this.idle !== undefined) return;
    this.idle = whenIdle((hasTime) => {
      this.idle = undefined;
      if (!this.pipeline.prepareSearch(hasTime)) this.prepareSearchWhenIdle();
    });
  }

  render(now: number): TemplateResult {
    const sources = this.sources();
    if (sources.length === 0) return this.notConnected();
    const multi = sources.length > 1;
    const query = parseQuery(
      this.host.filter,
      multi ? this.filterKeysWithCluster : this.filterKeys,
      this.inapplicableKeys,
    );
    const sort =
      parseSort(this.host.sort, multi ? this.columnIds : this.columnIds.slice(0, -1)) ??
      this.config.defaultSort;
    const result = this.pipeline.run(
      sources.map((s) => ({ cluster: s.cluster, items: s.collection.items, related: s.related })),
      // A cluster-scoped list ignores namespaces a host carries over from the namespaced lists.
      { sort, query, namespaces: this.config.namespaced ? this.host.namespaces : [], clusters: [] },
      now,
    );
    this.last = { sources, result };
    this.checked = keepPresent(this.checked, this.presence(result.all));
    const state = combinedState(sources);
    return html`${this.renderToolbar(result, query.errors)} ${this.renderStatus(state, sources, result, now)}
    ${this.renderBulk(result)} ${this.renderBody(state, sources, result, sort, now)} ${this.renderConfirm()}`;
  }

  message(kind: 'info' | 'empty' | 'error', title: string, body: TemplateResult): TemplateResult {
    return html`<div class="message ${kind}" part="message" role=${kind === 'error' ? 'alert' : 'note'}>
      <h2>${title}</h2>
      ${body}
    </div>`;
  }

  notConnected(): TemplateResult {
    return this.message(
      'info',
      'Not connected',
      html`<p>
        Place this element inside <code>&lt;keda-connection base-url="…"&gt;</code> or set its
        <code>store</code>.
      </p>`,
    );
  }

  private sources(): Array<Source<T, R>> {
    const clusters = this.host.clusters;
    const source = (cluster: string, store: KedaStore, links: LinkResolver | undefined): Source<T, R> => ({
      cluster,
      store,
      collection: this.config.collection(store),
      links,
      related: this.config.related?.in(store),
    });
    if (clusters.length > 0) return clusters.map((c) => source(c.name, c.store, c.links));
    const store = this.ownStore();
    return store ? [source('', store, undefined)] : [];
  }

  /** Watches the listed kind in every given cluster's store while the element is connected. */
  private retainClusters(clusters: readonly ListCluster[]): void {
    const next = new Map<KedaStore, () => void>();
    for (const { store } of clusters) {
      if (next.has(store)) continue;
      let release = this.retained.get(store);
      if (!release) {
        const unretain = store.retain(this.config.type);
        const related = this.config.related;
        const unretainRelated = related ? store.retain(related.type) : undefined;
        const unsubscribe = store.subscribe(() => this.host.requestUpdate());
        release = () => {
          unsubscribe();
          unretainRelated?.();
          unretain();
        };
      }
      next.set(store, release);
    }
    for (const [store, release] of this.retained) if (!next.has(store)) release();
    this.retained = next;
  }

  private presence(all: readonly T[]): (key: string) => boolean {
    let keys: Set<string> | undefined;
    return (key) => {
      keys ??= new Set(all.map((o) => this.pipeline.key(o)));
      return keys.has(key);
    };
  }

  private change(patch: Partial<ListViewState>): void {
    this.window.deferOverscan();
    if (patch.filter !== undefined) this.host.filter = patch.filter;
    if (patch.sort !== undefined) this.host.sort = patch.sort;
    if (patch.namespaces !== undefined) this.host.namespaces = patch.namespaces;
    const detail: ListViewState = {
      filter: this.host.filter,
      sort: this.host.sort,
      namespaces: this.host.namespaces,
    };
    this.host.dispatchEvent(new CustomEvent('keda-list-change', { detail, bubbles: true, composed: true }));
  }

  private renderToolbar(result: ListResult<T>, errors: string[]): TemplateResult {
    return html`<div class="toolbar" part="toolbar">
      <label class="filter">
        <span class="visually-hidden">Filter ${this.config.plural}</span>
        <input
          type="search"
          placeholder=${this.config.filterPlaceholder}
          .value=${live(this.host.filter)}
          @input=${(e: Event) => this.change({ filter: (e.target as HTMLInputElement).value })}
          aria-describedby="filter-help"
          aria-invalid=${errors.length > 0 ? 'true' : 'false'}
        />
      </label>
      ${this.config.namespaced ? this.renderNamespaces(result.all) : nothing}
      <span class="count">${this.countText(result.shown.length, result.all.length)}</span>
      <div id="filter-help" class="filter-errors" role=${errors.length ? 'alert' : nothing}>
        ${errors.map((e) => html`<span>${e}</span>`)}
      </div>
    </div>`;
  }

  private countText(shown: number, total: number): string {
    if (total === 0) return '';
    return shown === total ? `Showing all ${total}` : `Showing ${shown} of ${total}`;
  }

  private renderNamespaces(all: readonly T[]): TemplateResult {
    const chosen = new Set(this.host.namespaces);
    const summary = chosen.size === 0 ? 'All namespaces' : [...chosen].sort().join(', ');
    const toggle = (ns: string, on: boolean) => {
      const next = new Set(this.host.namespaces);
      if (on) next.add(ns);
      else next.delete(ns);
      this.change({ namespaces: [...next].sort() });
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      this.menuOpen = false;
      this.host.requestUpdate();
      this.host.shadowRoot?.querySelector<HTMLButtonElement>('.ns-button')?.focus();
    };
    const menu = () => {
      const available = [...new Set([...all.map((o) => o.metadata.namespace ?? ''), ...chosen])]
        .filter(Boolean)
        .sort();
      return html`<div class="ns-menu" role="group" aria-label="Namespaces" @keydown=${onKey}>
        <label class="ns-option">
          <input
            type="checkbox"
            .checked=${chosen.size === 0}
            @change=${() => this.change({ namespaces: [] })}
          />
          All namespaces
        </label>
        ${available.map(
          (ns) =>
            html`<label class="ns-option">
              <input
                type="checkbox"
                .checked=${chosen.has(ns)}
                @change=${(e: Event) => toggle(ns, (e.target as HTMLInputElement).checked)}
              />
              ${ns}
            </label>`,
        )}
      </div>`;
    };
    return html`<div class="namespaces">
      <button
        type="button"
        class="ns-button"
        aria-haspopup="true"
        aria-expanded=${this.menuOpen ? 'true' : 'false'}
        title=${summary}
        @click=${() => {
          this.menuOpen = !this.menuOpen;
          this.host.requestUpdate();
        }}
      >
        <span class="ns-label">Namespaces:</span> <span class="ns-summary">${summary}</span>
      </button>
      ${this.menuOpen ? menu() : nothing}
    </div>`;
  }

  private renderStatus(
    state: InformerState,
    sources: Array<Source<T, R>>,
    result: ListResult<T>,
    now: number,
  ): TemplateResult {
    const { singular, plural } = this.config;
    const count = result.all.length;
    const updated =
      state.lastUpdate !== undefined ? `updated ${humanDuration(now - state.lastUpdate)} ago` : '';
    const where = sources.length > 1 ? ` in ${sources.length} clusters` : '';
    let dot = 'idle';
    let text: string;
    switch (state.phase) {
      case 'live':
        dot = 'live';
        text = `Live · ${count} ${count === 1 ? singular : plural}${where} · ${updated}`;
        break;
      case 'reconnecting':
        dot = 'reconnecting';
        text = `Reconnecting… showing the last known state (${updated})`;
        break;
      case 'error':
        dot = 'error';
        text = `Cannot list ${plural}; retrying`;
        break;
      case 'listing':
        text = `Loading ${plural}…`;
        break;
      default:
        text = 'Not watching';
    }
    return html`<div class="status" part="status" role="status" aria-live="polite">
      <span class="dot ${dot}" aria-hidden="true"></span><span>${text}</span>
    </div>`;
  }

  private targets(): T[] {
    const sorted = this.last?.result.sorted ?? [];
    if (this.checked.keys.size === 0) return [];
    return sorted.filter((o) => this.checked.keys.has(this.pipeline.key(o)));
  }

  private renderBulk(result: ListResult<T>): TemplateResult {
    const selected = this.checked.keys.size;
    const running = this.running;
    const report = this.report;
    if (selected === 0 && !running && !report) return html``;
    let hidden = 0;
    if (selected > 0 && result.shown.length !== result.all.length) {
      const shownKeys = new Set(result.shown.map((o) => this.pipeline.key(o)));
      for (const key of this.checked.keys) if (!shownKeys.has(key)) hidden += 1;
    }
    const { singular, plural } = this.config;
    return html`${
      selected > 0 || running
        ? html`<div class="bulk" part="bulk-bar" role="toolbar" aria-label="Bulk actions">
            <span class="bulk-count" aria-live="polite"
              >${
                running
                  ? `${running.action.label.replace('…', '')}: ${running.done} of ${running.total}…`
                  : `${selected} ${selected === 1 ? singular : plural} selected${
                      hidden > 0 ? ` (${hidden} hidden by the filter)` : ''
                    }`
              }</span
            >
            ${this.config.bulkActions.map(
              (action) =>
                html`<button
                  type="button"
                  class="bulk-action ${action.id}"
                  data-action=${action.id}
                  ?disabled=${!!running || selected === 0}
                  @click=${() => this.start(action)}
                >
                  ${action.label}
                </button>`,
            )}
            <button
              type="button"
              class="bulk-clear"
              ?disabled=${!!running}
              @click=${() => {
                this.checked = NOTHING_CHECKED;
                this.host.requestUpdate();
              }}
            >
              Clear selection
            </button>
          </div>`
        : nothing
    }
    ${report ? this.renderReport(report) : nothing}`;
  }

  private renderReport(report: BulkReport): TemplateResult {
    const { succeeded, failed } = report.detail;
    const { singular, plural } = this.config;
    const noun = (n: number) => `${n} ${n === 1 ? singular : plural}`;
    const multi = (this.last?.sources.length ?? 0) > 1;
    const where = (f: { cluster: string; namespace?: string; name: string }) =>
      `${multi ? `${f.cluster}: ` : ''}${f.namespace ? `${f.namespace}/` : ''}${f.name}`;
    return html`<div
      class="bulk-report ${failed.length ? 'failed' : 'ok'}"
      part="bulk-result"
      role=${failed.length ? 'alert' : 'status'}
    >
      <p>
        ${succeeded.length ? `${report.action.done} ${noun(succeeded.length)}.` : ''}
        ${failed.length ? `${noun(failed.length)} failed:` : ''}
        ${
          succeeded.length && report.action.id !== 'delete'
            ? html`<span class="muted">The list shows the change as soon as the watch reports it.</span>`
            : nothing
        }
      </p>
      ${
        failed.length
          ? html`<ul class="failures">
              ${failed.map(
                (f) =>
                  html`<li>
                    <span class="failure-name">${where(f)}</span>
                    <span class="api-message">${f.message}</span>
                    <span class="hint"
                      >${
                        f.code === 0
                          ? 'The cluster could not be reached; check the connection and try again.'
                          : errorHint(f.code, this.config.resource)
                      }</span
                    >
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <button
        type="button"
        class="bulk-dismiss"
        @click=${() => {
          this.report = undefined;
          this.host.requestUpdate();
        }}
      >
        Dismiss
      </button>
    </div>`;
  }

  private start(action: BulkAction): void {
    const targets = this.targets();
    if (targets.length === 0) return;
    if (action.confirm) {
      this.confirming = { action, targets };
      this.host.requestUpdate();
      void this.host.updateComplete.then(() =>
        this.host.shadowRoot?.querySelector<HTMLDialogElement>('dialog.confirm')?.showModal(),
      );
      return;
    }
    void this.execute(action, targets);
  }

  private renderConfirm(): TemplateResult {
    const confirming = this.confirming;
    if (!confirming) return html``;
    const { targets, action } = confirming;
    const { singular, plural } = this.config;
    const multi = (this.last?.sources.length ?? 0) > 1;
    const close = (run: boolean) => {
      this.host.shadowRoot?.querySelector<HTMLDialogElement>('dialog.confirm')?.close();
      this.confirming = undefined;
      this.host.requestUpdate();
      if (run) void this.execute(action, targets);
    };
    const title = `Delete ${targets.length} ${targets.length === 1 ? singular : plural}?`;
    return html`<dialog
      class="confirm"
      part="confirm"
      aria-labelledby="confirm-title"
      @cancel=${(e: Event) => {
        e.preventDefault();
        close(false);
      }}
    >
      <h2 id="confirm-title">${title}</h2>
      <p>${this.config.deleteNote}</p>
      <ul class="confirm-names">
        ${targets.map(
          (o) =>
            html`<li>
              ${multi ? html`<span class="muted">${this.pipeline.cluster(o)}:</span> ` : nothing}${
                o.metadata.namespace ? `${o.metadata.namespace}/` : ''
              }<b>${o.metadata.name}</b>
            </li>`,
        )}
      </ul>
      <div class="confirm-buttons">
        <button type="button" class="confirm-cancel" @click=${() => close(false)} autofocus>Cancel</button>
        <button type="button" class="confirm-delete danger" @click=${() => close(true)}>
          Delete ${targets.length}
        </button>
      </div>
    </dialog>`;
  }

  private async execute(action: BulkAction, targets: T[]): Promise<void> {
    const sources = new Map((this.last?.sources ?? []).map((s) => [s.cluster, s]));
    this.running = { action, total: targets.length, done: 0 };
    this.report = undefined;
    this.host.requestUpdate();
    const outcomes = await runBulk(
      targets,
      (object) => {
        const store = sources.get(this.pipeline.cluster(object))?.store;
        if (!store) return Promise.reject(new KubeApiError(0, 'This cluster is no longer shown'));
        const scope = { namespace: object.metadata.namespace, name: object.metadata.name };
        const patch = action.patch?.();
        return patch
          ? store.client.patch(this.config.type, scope, patch, 'merge')
          : store.client.delete(this.config.type, scope);
      },
      {
        onSettled: (_outcome, done) => {
          if (this.running) this.running = { ...this.running, done };
          this.host.requestUpdate();
        },
      },
    );
    const ref = (o: T) => ({
      cluster: this.pipeline.cluster(o),
      ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}),
      name: o.metadata.name ?? '',
    });
    const detail: BulkActionDetail = {
      action: action.id,
      succeeded: outcomes.filter((o) => o.ok).map((o) => ref(o.item)),
      failed: outcomes.flatMap((o) => {
        if (o.ok) return [];
        const error =
          o.error instanceof KubeApiError
            ? o.error
            : new KubeApiError(0, o.error instanceof Error ? o.error.message : String(o.error));
        return [{ ...ref(o.item), code: error.code, message: error.message }];
      }),
    };
    this.running = undefined;
    this.report = { action, detail };
    this.host.requestUpdate();
    this.host.dispatchEvent(new CustomEvent('keda-bulk-action', { detail, bubbles: true, composed: true }));
  }

  private renderBody(
    state: InformerState,
    sources: Array<Source<T, R>>,
    result: ListResult<T>,
    sort: SortSpec<string>,
    now: number,
  ): TemplateResult {
    const { plural, singular } = this.config;
    const multi = sources.length > 1;
    const columns = this.columnsFor(multi);
    const template = [SELECT_TRACK, ...columns.map((c) => c.width)].join(' ');
    const minWidth = columns.reduce((sum, c) => sum + Number(/(\d+)px/.exec(c.width)?.[1] ?? 0), 32);
    const grid = `--_grid: ${template}; --_row-min: ${minWidth}px`;
    if (!state.synced) {
      if (state.phase === 'error' && state.error) {
        return this.message(
          'error',
          `Cannot list ${plural}`,
          html`<p class="api-message">${state.error.message}</p>
            <p>${errorHint(state.error.code, this.config.resource)}</p>`,
        );
      }
      return this.renderLoading(columns, grid);
    }
    const total = result.all.length;
    if (total === 0) {
      return this.message(
        'empty',
        `No ${plural}`,
        html`<p>There are no ${plural} here yet.</p>
          <p>${this.config.emptyHint}</p>`,
      );
    }
    const rows = result.shown;
    const range = this.window.range(rows.length);
    const visible = rows.slice(range.start, range.end);
    const byCluster = new Map(sources.map((s) => [s.cluster, s]));
    const warnings = sources.filter((s) => s.collection.state.error && s.collection.state.phase !== 'live');
    return html`
      ${warnings.map(
        (s) =>
          html`<p class="status warning" role="alert">
            ${multi ? `${s.cluster}: ` : ''}${s.collection.state.error?.message}
          </p>`,
      )}
      <div
        class="scroller"
        part="table"
        role="table"
        aria-label=${plural}
        aria-rowcount=${rows.length + 1}
        style=${grid}
      >
        <div class="row header" role="row" aria-rowindex="1">
          ${this.renderSelectAll(rows)} ${columns.map((c) => this.renderHeader(c, sort))}
        </div>
        ${
          rows.length === 0
            ? html`<div class="no-match" role="row">
                <div role="cell">No ${singular} matches the filter.</div>
              </div>`
            : html`<div style="height: ${range.padTop}px" aria-hidden="true"></div>
                ${visible.map((o, i) => this.renderRow(o, byCluster, columns, range.start + i, rows, now))}
                <div style="height: ${range.padBottom}px" aria-hidden="true"></div>`
        }
      </div>
    `;
  }

  private columnsFor(multi: boolean): ReadonlyArray<ListColumn<string>> {
    const columns = this.config.columns as ReadonlyArray<ListColumn<string>>;
    if (!multi) return columns;
    const cluster: ListColumn<string> = {
      id: 'cluster',
      title: 'CLUSTER',
      description: 'The cluster the object lives in',
      width: CLUSTER_TRACK,
    };
    return [columns[0]!, cluster, ...columns.slice(1)];
  }

  private renderSelectAll(rows: readonly T[]): TemplateResult {
    const state = this.checked.keys.size === 0 ? 'none' : coverage(this.checked, this.keysOf(rows));
    return html`<div role="columnheader" class="select">
      <input
        type="checkbox"
        class="select-all"
        aria-label=${`Select all ${rows.length} shown`}
        .checked=${live(state === 'all')}
        .indeterminate=${state === 'some'}
        ?disabled=${rows.length === 0}
        @click=${() => {
          this.checked = setKeys(this.checked, this.keysOf(rows), state !== 'all');
          this.host.requestUpdate();
        }}
      />
    </div>`;
  }

  private keysOf(rows: readonly T[]): string[] {
    return rows.map((o) => this.pipeline.key(o));
  }

  private renderHeader(column: ListColumn<string>, sort: SortSpec<string>): TemplateResult {
    const sorted = sort.column === column.id;
    const ariaSort = sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
    const next: SortSpec<string> = {
      column: column.id,
      direction: sorted && sort.direction === 'asc' ? 'desc' : 'asc',
    };
    return html`<div
      role="columnheader"
      aria-sort=${ariaSort}
      class=${column.numeric ? 'numeric' : ''}
      data-column=${column.id}
    >
      <button
        type="button"
        title="${column.description} — sort"
        @click=${() => this.change({ sort: formatSort(next) })}
      >
        ${column.title}<span class="sort-mark" aria-hidden="true"
          >${sorted ? (sort.direction === 'asc' ? '▲' : '▼') : ''}</span
        >
      </button>
    </div>`;
  }

  private renderRow(
    object: T,
    sources: Map<string, Source<T, R>>,
    columns: ReadonlyArray<ListColumn<string>>,
    index: number,
    rows: readonly T[],
    now: number,
  ): TemplateResult {
    const row = this.pipeline.row(object, now);
    const cluster = this.pipeline.cluster(object);
    const source = sources.get(cluster);
    const key = this.pipeline.key(object);
    const changeKey = row.namespace ? `${row.namespace}/${row.name}` : row.name;
    const at = source?.collection.changedAt?.(changeKey);
    const changed = at !== undefined && now - at < CHANGE_HIGHLIGHT_MS ? 'changed' : '';
    const checked = this.checked.keys.has(key);
    return html`<div
      class="row ${changed} ${checked ? 'checked' : ''}"
      role="row"
      aria-rowindex=${index + 2}
      aria-selected=${checked ? 'true' : 'false'}
      data-key=${changeKey}
    >
      <div role="cell" class="select">
        <input
          type="checkbox"
          aria-label=${`Select ${row.name}`}
          .checked=${live(checked)}
          @click=${(e: MouseEvent) => {
            this.checked = e.shiftKey
              ? extendTo(this.checked, key, this.keysOf(rows))
              : toggleKey(this.checked, key);
            this.host.requestUpdate();
          }}
        />
      </div>
      ${columns.map((c) =>
        c.id === 'cluster'
          ? textCell(cluster, { fit: this.headerColumns.fitFor(c.id), className: 'cluster' })
          : this.config.renderCell(
              c.id as Id,
              row,
              now,
              source?.links,
              this.headerColumns.fitFor(c.id),
              source?.related?.state,
            ),
      )}
    </div>`;
  }

  private renderLoading(columns: ReadonlyArray<ListColumn<string>>, grid: string): TemplateResult {
    const { plural } = this.config;
    return html`<div
      class="scroller"
      part="table"
      role="table"
      aria-label=${plural}
      aria-busy="true"
      style=${grid}
    >
      <div class="row header" role="row">
        <div role="columnheader" class="select"></div>
        ${columns.map((c) => html`<div role="columnheader"><span class="plain">${c.title}</span></div>`)}
      </div>
      ${[0, 1, 2].map(
        () =>
          html`<div class="row" aria-hidden="true">
            <div></div>
            ${columns.map(() => html`<div><div class="skeleton"></div></div>`)}
          </div>`,
      )}
    </div>`;
  }
}

/** One state for several clusters: synced when all are, the worst phase, the oldest update. */
function combinedState<T extends KubeObject, R>(sources: ReadonlyArray<Source<T, R>>): InformerState {
  if (sources.length === 1) return sources[0]!.collection.state;
  const states = sources.map((s) => s.collection.state);
  const rank = ['error', 'reconnecting', 'listing', 'stopped', 'live'] as const;
  const phase = rank.find((p) => states.some((s) => s.phase === p)) ?? 'live';
  const anySynced = states.some((s) => s.synced);
  const failing = states.find((s) => s.error);
  const updates = states.map((s) => s.lastUpdate).filter((u): u is number => u !== undefined);
  return {
    // Show what the synced clusters have while others fail; wait while any is still listing.
    phase: phase === 'error' && anySynced ? 'reconnecting' : phase,
    error: failing?.error,
    synced: states.every((s) => s.synced || (s.phase === 'error' && anySynced)),
    lastUpdate: updates.length ? Math.min(...updates) : undefined,
    resourceVersion: undefined,
  };
}

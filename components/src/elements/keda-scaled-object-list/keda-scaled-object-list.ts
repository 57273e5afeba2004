import { LitElement, html, nothing, unsafeCSS, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { live } from 'lit/directives/live.js';
import { ScaledObjectResource } from '../../core/kube/resource.js';
import { errorHint } from '../../core/kube/error-hints.js';
import { humanDuration } from '../../core/kube/age.js';
import { parseQuery } from '../../core/list/query.js';
import { formatSort, parseSort, type SortSpec } from '../../core/list/sort.js';
import {
  scaledObjectFilterKeys,
  scaledObjectListColumns,
  scaledObjectListRow,
  selectScaledObjectRows,
  type ScaledObjectListColumnId,
  type ScaledObjectListRow,
} from '../../core/keda/scaled-object-table.js';
import type { ScaledObject } from '../../core/keda/types.js';
import { linksContext, type LinkResolver } from '../../context/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { ClockController } from '../../controllers/clock-controller.js';
import { VirtualWindowController } from '../../controllers/virtual-window.js';
import type { KedaStore } from '../../data/keda-store.js';
import type { InformerState } from '../../data/informer.js';
import { themeStyles } from '../../styles/theme.js';
import { listStyles } from './keda-scaled-object-list.styles.js';

const ROW_HEIGHT = 38;
const CHANGE_HIGHLIGHT_MS = 2500;
const CONDITION_COLUMNS = new Set<ScaledObjectListColumnId>(['ready', 'active', 'fallback', 'paused']);
const COLUMN_IDS = scaledObjectListColumns.map((c) => c.id);
const DEFAULT_SORT: SortSpec<ScaledObjectListColumnId> = { column: 'namespace', direction: 'asc' };
const GRID_COLUMNS = unsafeCSS(scaledObjectListColumns.map((c) => c.width).join(' '));
/** Every row gets the same width (the sum of the columns' minimums, or more), so columns line up. */
const MIN_ROW_WIDTH = scaledObjectListColumns.reduce(
  (sum, c) => sum + Number(/(\d+)px/.exec(c.width)?.[1] ?? 0),
  0,
);

/** The list's user-controlled view state, as the host keeps it in its URL. */
export interface ScaledObjectListViewState {
  filter: string;
  /** `column` or `-column`. */
  sort: string;
  namespaces: string[];
}

/**
 * Every ScaledObject the connection can see: kubectl's columns plus the state, kept live by a
 * watch; filter (`trigger:rabbitmq active:true ns:prod`), namespace choice and sort on every
 * column; only the visible rows are rendered, so 10,000 stay smooth.
 *
 * @fires keda-list-change - The user changed the filter, sort or namespaces; `detail` is a
 *   `ScaledObjectListViewState` for the host to keep (in its URL, say).
 * @csspart toolbar - The filter and namespace controls.
 * @csspart status - The connection state line.
 * @csspart table - The table.
 * @csspart message - The loading, empty or error message.
 * @cssprop --keda-fg - Text colour.
 * @cssprop --keda-bg - Background colour.
 * @cssprop --keda-muted - Secondary text colour.
 * @cssprop --keda-border - Border colour.
 * @cssprop --keda-accent - Link and focus colour.
 * @cssprop --keda-list-max-height - Height of the scrolling table (default 70vh).
 */
export class ScaledObjectList extends LitElement {
  static override styles = [themeStyles, listStyles(GRID_COLUMNS, ROW_HEIGHT, MIN_ROW_WIDTH)];

  /** Filter text (see the element description for the language). */
  @property() filter = '';

  /** Sort column id, `-id` for descending. */
  @property() sort = formatSort(DEFAULT_SORT);

  /** Namespaces to show; all when empty. As an attribute: comma-separated. */
  @property({
    converter: {
      fromAttribute: (value: string | null) =>
        value
          ? value
              .split(',')
              .map((v) => v.trim())
              .filter(Boolean)
          : [],
      toAttribute: (value: string[]) => value.join(','),
    },
  })
  namespaces: string[] = [];

  /** An explicit store; by default the one of the enclosing `<keda-connection>`. */
  @property({ attribute: false })
  set store(store: KedaStore | undefined) {
    this.data.use(store);
  }
  get store(): KedaStore | undefined {
    return this.data.store;
  }

  @consume({ context: linksContext, subscribe: true })
  private links: LinkResolver | undefined;

  @state() private namespaceMenuOpen = false;
  @query('.scroller') private scroller!: HTMLElement | null;

  private readonly data = new StoreController(this, [ScaledObjectResource]);
  private readonly clock = new ClockController(this, 1000);
  private readonly window = new VirtualWindowController(this, ROW_HEIGHT);
  /** resourceVersion per row key, to highlight rows a watch event changed. */
  private readonly seenVersions = new Map<string, string | undefined>();
  private readonly changedAt = new Map<string, number>();
  private synced = false;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.window.observe(this.scroller);
  }

  protected override render(): TemplateResult {
    const store = this.data.store;
    if (!store) {
      return this.message(
        'info',
        'Not connected',
        html`<p>
          Place this element inside <code>&lt;keda-connection base-url="…"&gt;</code> or set its
          <code>store</code>.
        </p>`,
      );
    }
    const { items, state } = store.scaledObjects;
    const now = this.clock.now();
    const all = items.map((so) => scaledObjectListRow(so, now));
    this.trackChanges(all, state.synced, now);
    const query = parseQuery(this.filter, scaledObjectFilterKeys);
    const sort = parseSort(this.sort, COLUMN_IDS) ?? DEFAULT_SORT;
    const rows = selectScaledObjectRows(all, { namespaces: this.namespaces, query, sort });
    return html`
      ${this.renderToolbar(items, query.errors, rows.length, all.length)}
      ${this.renderStatus(state, all.length, now)} ${this.renderBody(state, rows, sort, now, all.length)}
    `;
  }

  private trackChanges(rows: readonly ScaledObjectListRow[], synced: boolean, now: number): void {
    const present = new Set<string>();
    for (const row of rows) {
      present.add(row.key);
      const seen = this.seenVersions.has(row.key);
      if (this.synced && (!seen || this.seenVersions.get(row.key) !== row.resourceVersion)) {
        this.changedAt.set(row.key, now);
      }
      this.seenVersions.set(row.key, row.resourceVersion);
    }
    for (const key of this.seenVersions.keys()) if (!present.has(key)) this.seenVersions.delete(key);
    for (const [key, at] of this.changedAt) if (now - at > CHANGE_HIGHLIGHT_MS) this.changedAt.delete(key);
    this.synced = synced;
  }

  private renderToolbar(items: readonly ScaledObject[], errors: string[], shown: number, total: number) {
    const available = [...new Set([...items.map((so) => so.metadata.namespace ?? ''), ...this.namespaces])]
      .filter(Boolean)
      .sort();
    const chosen = new Set(this.namespaces);
    const summary = chosen.size === 0 ? 'All namespaces' : [...chosen].sort().join(', ');
    return html`<div class="toolbar" part="toolbar">
      <label class="filter">
        <span class="visually-hidden">Filter ScaledObjects</span>
        <input
          type="search"
          placeholder="Filter: name, trigger:rabbitmq, active:true, ns:prod, state:fallback…"
          .value=${live(this.filter)}
          @input=${(e: Event) => this.change({ filter: (e.target as HTMLInputElement).value })}
          aria-describedby="filter-help"
          aria-invalid=${errors.length > 0 ? 'true' : 'false'}
        />
      </label>
      <div class="namespaces">
        <button
          type="button"
          class="ns-button"
          aria-haspopup="true"
          aria-expanded=${this.namespaceMenuOpen ? 'true' : 'false'}
          @click=${() => (this.namespaceMenuOpen = !this.namespaceMenuOpen)}
          title=${summary}
        >
          <span class="ns-label">Namespaces:</span> <span class="ns-summary">${summary}</span>
        </button>
        ${
          this.namespaceMenuOpen
            ? html`<div class="ns-menu" role="group" aria-label="Namespaces" @keydown=${this.onMenuKey}>
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
                        @change=${(e: Event) => this.toggleNamespace(ns, (e.target as HTMLInputElement).checked)}
                      />
                      ${ns}
                    </label>`,
                )}
              </div>`
            : nothing
        }
      </div>
      <span class="count">${shown === total ? `Showing all ${total}` : `Showing ${shown} of ${total}`}</span>
      <div id="filter-help" class="filter-errors" role=${errors.length ? 'alert' : nothing}>
        ${errors.map((e) => html`<span>${e}</span>`)}
      </div>
    </div>`;
  }

  private onMenuKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      this.namespaceMenuOpen = false;
      this.renderRoot.querySelector<HTMLButtonElement>('.ns-button')?.focus();
    }
  };

  private toggleNamespace(ns: string, on: boolean): void {
    const next = new Set(this.namespaces);
    if (on) next.add(ns);
    else next.delete(ns);
    this.change({ namespaces: [...next].sort() });
  }

  private change(patch: Partial<ScaledObjectListViewState>): void {
    if (patch.filter !== undefined) this.filter = patch.filter;
    if (patch.sort !== undefined) this.sort = patch.sort;
    if (patch.namespaces !== undefined) this.namespaces = patch.namespaces;
    const detail: ScaledObjectListViewState = {
      filter: this.filter,
      sort: this.sort,
      namespaces: this.namespaces,
    };
    this.dispatchEvent(new CustomEvent('keda-list-change', { detail, bubbles: true, composed: true }));
  }

  private renderStatus(state: InformerState, count: number, now: number): TemplateResult {
    const updated =
      state.lastUpdate !== undefined ? `updated ${humanDuration(now - state.lastUpdate)} ago` : '';
    let dot = 'idle';
    let text: string;
    switch (state.phase) {
      case 'live':
        dot = 'live';
        text = `Live · ${count} ScaledObject${count === 1 ? '' : 's'} · ${updated}`;
        break;
      case 'reconnecting':
        dot = 'reconnecting';
        text = `Reconnecting… showing the last known state (${updated})`;
        break;
      case 'error':
        dot = 'error';
        text = 'Cannot list ScaledObjects; retrying';
        break;
      case 'listing':
        text = 'Loading ScaledObjects…';
        break;
      default:
        text = 'Not watching';
    }
    return html`<div class="status" part="status" role="status" aria-live="polite">
      <span class="dot ${dot}" aria-hidden="true"></span><span>${text}</span>
    </div>`;
  }

  private renderBody(
    state: InformerState,
    rows: ScaledObjectListRow[],
    sort: SortSpec<ScaledObjectListColumnId>,
    now: number,
    total: number,
  ): TemplateResult {
    if (!state.synced) {
      if (state.phase === 'error' && state.error) {
        return this.message(
          'error',
          'Cannot list ScaledObjects',
          html`<p class="api-message">${state.error.message}</p>
            <p>${errorHint(state.error.code, 'scaledobjects.keda.sh')}</p>`,
        );
      }
      return this.renderLoading();
    }
    if (total === 0) {
      return this.message(
        'empty',
        'No ScaledObjects',
        html`<p>There are no ScaledObjects here yet.</p>
          <p>
            Create one with <code>kubectl apply -f scaledobject.yaml</code>; it appears here as soon as the
            API server stores it.
          </p>`,
      );
    }
    const range = this.window.range(rows.length);
    return html`
      ${
        state.phase === 'reconnecting' && state.error
          ? html`<p class="status warning" role="alert">${state.error.message}</p>`
          : nothing
      }
      <div
        class="scroller"
        part="table"
        role="table"
        aria-label="ScaledObjects"
        aria-rowcount=${rows.length + 1}
      >
        <div class="row header" role="row" aria-rowindex="1">
          ${scaledObjectListColumns.map((c) => this.renderHeader(c.id, c.title, c.description, c.numeric, sort))}
        </div>
        ${
          rows.length === 0
            ? html`<div class="no-match" role="row">
                <div role="cell">No ScaledObject matches the filter.</div>
              </div>`
            : html`<div style=${styleMap({ height: `${range.padTop}px` })} aria-hidden="true"></div>
                ${repeat(
                  rows.slice(range.start, range.end),
                  (row) => row.key,
                  (row, i) => this.renderRow(row, range.start + i + 2, now),
                )}
                <div style=${styleMap({ height: `${range.padBottom}px` })} aria-hidden="true"></div>`
        }
      </div>
    `;
  }

  private renderHeader(
    id: ScaledObjectListColumnId,
    title: string,
    description: string,
    numeric: boolean | undefined,
    sort: SortSpec<ScaledObjectListColumnId>,
  ): TemplateResult {
    const sorted = sort.column === id;
    const ariaSort = sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
    const next: SortSpec<ScaledObjectListColumnId> = {
      column: id,
      direction: sorted && sort.direction === 'asc' ? 'desc' : 'asc',
    };
    return html`<div role="columnheader" aria-sort=${ariaSort} class=${numeric ? 'numeric' : ''}>
      <button
        type="button"
        title="${description} — sort"
        @click=${() => this.change({ sort: formatSort(next) })}
      >
        ${title}<span class="sort-mark" aria-hidden="true"
          >${sorted ? (sort.direction === 'asc' ? '▲' : '▼') : ''}</span
        >
      </button>
    </div>`;
  }

  private renderRow(row: ScaledObjectListRow, index: number, now: number): TemplateResult {
    const changed = this.changedAt.has(row.key) ? 'changed' : '';
    return html`<div
      class="row ${changed}"
      role="row"
      aria-rowindex=${index}
      data-key="${row.namespace}/${row.name}"
    >
      ${scaledObjectListColumns.map((c) => this.renderCell(c.id, row, now))}
    </div>`;
  }

  private renderCell(id: ScaledObjectListColumnId, row: ScaledObjectListRow, now: number): TemplateResult {
    switch (id) {
      case 'name': {
        const href = this.links?.({
          kind: 'ScaledObject',
          apiVersion: 'keda.sh/v1alpha1',
          namespace: row.namespace,
          name: row.name,
        });
        return html`<div role="cell" class="name" title=${row.name}>
          ${href ? html`<a href=${href}>${row.name}</a>` : row.name}
        </div>`;
      }
      case 'state':
        return this.renderState(row, now);
      case 'lastActive':
        return row.lastActive === undefined
          ? html`<div role="cell" class="none" title="KEDA has not seen the triggers active">never</div>`
          : html`<div role="cell" title=${row.object.status?.lastActiveTime ?? ''}>${row.lastActive}</div>`;
      default:
        break;
    }
    const value = row[id];
    if (value === undefined) {
      return html`<div
        role="cell"
        class="none ${id === 'min' || id === 'max' ? 'numeric' : ''}"
        title="not set"
      >
        —
      </div>`;
    }
    if (CONDITION_COLUMNS.has(id)) {
      const text = String(value);
      const alert = id === 'fallback' || id === 'paused' ? 'alert' : '';
      return html`<div role="cell">
        <span class="badge ${id} ${alert} ${text.toLowerCase()}">${text}</span>
      </div>`;
    }
    if (id === 'min' || id === 'max') return html`<div role="cell" class="numeric">${value}</div>`;
    const mono = id === 'scaleTargetKind' ? 'mono' : '';
    return html`<div role="cell" class=${mono} title=${String(value)}>${value}</div>`;
  }

  private renderState(row: ScaledObjectListRow, _now: number): TemplateResult {
    const { state } = row;
    const detail = state.condition
      ? `${state.condition.type}=${state.condition.status}${state.condition.reason ? ` (${state.condition.reason})` : ''}${
          state.condition.message ? `: ${state.condition.message}` : ''
        }`
      : 'KEDA has not reported any condition yet';
    const left = state.cooldownLeftMs !== undefined ? ` ${humanDuration(state.cooldownLeftMs)}` : '';
    return html`<div role="cell" title=${detail}>
      <span class="state ${state.kind}">${state.label}${left}</span>
    </div>`;
  }

  private renderLoading(): TemplateResult {
    return html`<div class="scroller" part="table" role="table" aria-label="ScaledObjects" aria-busy="true">
      <div class="row header" role="row">
        ${scaledObjectListColumns.map((c) => html`<div role="columnheader"><span class="plain">${c.title}</span></div>`)}
      </div>
      ${[0, 1, 2].map(
        () =>
          html`<div class="row" aria-hidden="true">
            ${scaledObjectListColumns.map(() => html`<div><div class="skeleton"></div></div>`)}
          </div>`,
      )}
    </div>`;
  }

  private message(kind: 'info' | 'empty' | 'error', title: string, body: TemplateResult): TemplateResult {
    return html`<div class="message ${kind}" part="message" role=${kind === 'error' ? 'alert' : 'note'}>
      <h2>${title}</h2>
      ${body}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'keda-scaled-object-list': ScaledObjectList;
  }
  interface HTMLElementEventMap {
    'keda-list-change': CustomEvent<ScaledObjectListViewState>;
  }
}

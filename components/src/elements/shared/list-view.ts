import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { live } from 'lit/directives/live.js';
import { humanDuration } from '../../core/kube/age.js';
import { errorHint } from '../../core/kube/error-hints.js';
import type { KubeObject } from '../../core/kube/types.js';
import { parseQuery } from '../../core/list/query.js';
import {
  filterRows,
  sortListRows,
  type ListColumn,
  type ListRowBase,
  type RowSelection,
} from '../../core/list/select.js';
import { RowCache } from '../../core/list/row-cache.js';
import { formatSort, parseSort, type SortSpec } from '../../core/list/sort.js';
import type { Collection } from '../../data/keda-store.js';
import type { InformerState } from '../../data/informer.js';
import { VirtualWindowController } from '../../controllers/virtual-window.js';

export const LIST_ROW_HEIGHT = 38;
const CHANGE_HIGHLIGHT_MS = 2500;

/** The list's user-controlled view state, as the host keeps it in its URL. */
export interface ListViewState {
  filter: string;
  /** `column` or `-column`. */
  sort: string;
  namespaces: string[];
}

export type ListViewHost = ReactiveControllerHost & HTMLElement & ListViewState;

export interface ListViewConfig<T extends KubeObject, Row extends ListRowBase, Id extends string> {
  /** `ScaledJob` / `ScaledJobs`, for messages. */
  singular: string;
  plural: string;
  /** `scaledjobs.keda.sh`, for error hints. */
  resource: string;
  namespaced: boolean;
  columns: ReadonlyArray<ListColumn<Id>>;
  defaultSort: SortSpec<Id>;
  filterKeys: ReadonlyMap<string, string>;
  filterPlaceholder: string;
  selection: RowSelection<Row, Id>;
  toRow(object: T, now: number): Row;
  /** When a row goes stale without its object changing (a cooldown ending); never by default. */
  rowStaleAt?(row: Row): number;
  renderCell(id: Id, row: Row, now: number): TemplateResult;
  /** What to do when there is nothing at all (after "There are no … yet."). */
  emptyHint: TemplateResult;
}

/**
 * Everything the `keda-*-list` elements share: toolbar (filter language, namespaces, count), live
 * status line, loading / empty / error states with the API's message, a sortable, virtualised
 * table whose rows flash when a watch event changes them, and `keda-list-change` events.
 */
export class ListViewController<
  T extends KubeObject,
  Row extends ListRowBase,
  Id extends string,
> implements ReactiveController {
  private readonly window: VirtualWindowController;
  private changedAt: ((key: string) => number | undefined) | undefined;
  private menuOpen = false;
  private readonly columnIds: Id[];
  private readonly rows: RowCache<T, Row>;
  /** The last sort, reused while neither the objects nor the sort change (typing only filters). */
  private sorted: { items: readonly T[]; rows: Row[]; sort: string; result: Row[] } | undefined;

  constructor(
    private readonly host: ListViewHost,
    private readonly config: ListViewConfig<T, Row, Id>,
  ) {
    host.addController(this);
    this.window = new VirtualWindowController(host, LIST_ROW_HEIGHT);
    this.columnIds = config.columns.map((c) => c.id);
    this.rows = new RowCache(config.toRow, config.rowStaleAt);
  }

  hostUpdated(): void {
    this.window.observe(this.host.shadowRoot?.querySelector<HTMLElement>('.scroller') ?? null);
  }

  render(collection: Collection<T>, now: number): TemplateResult {
    const { items, state } = collection;
    const all = items.map((item) => this.rows.get(item, now));
    this.changedAt = collection.changedAt;
    const query = parseQuery(this.host.filter, this.config.filterKeys);
    const sort = parseSort(this.host.sort, this.columnIds) ?? this.config.defaultSort;
    const rows = filterRows(this.sortedRows(items, all, sort), this.config.selection, {
      namespaces: this.host.namespaces,
      query,
    });
    return html`${this.renderToolbar(all, query.errors, rows.length)}
    ${this.renderStatus(state, all.length, now)} ${this.renderBody(state, rows, sort, now, all.length)}`;
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

  private sortedRows(items: readonly T[], all: Row[], sort: SortSpec<Id>): Row[] {
    const key = formatSort(sort);
    const last = this.sorted;
    if (last && last.items === items && last.sort === key && last.rows.every((row, i) => row === all[i])) {
      return last.result;
    }
    const result = sortListRows(all, this.config.selection, sort);
    this.sorted = { items, rows: all, sort: key, result };
    return result;
  }

  private change(patch: Partial<ListViewState>): void {
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

  private renderToolbar(all: readonly Row[], errors: string[], shown: number): TemplateResult {
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
      ${this.config.namespaced ? this.renderNamespaces(all) : nothing}
      <span class="count">${this.countText(shown, all.length)}</span>
      <div id="filter-help" class="filter-errors" role=${errors.length ? 'alert' : nothing}>
        ${errors.map((e) => html`<span>${e}</span>`)}
      </div>
    </div>`;
  }

  private countText(shown: number, total: number): string {
    if (total === 0) return '';
    return shown === total ? `Showing all ${total}` : `Showing ${shown} of ${total}`;
  }

  private renderNamespaces(all: readonly Row[]): TemplateResult {
    const chosen = new Set(this.host.namespaces);
    const available = [...new Set([...all.map((r) => r.namespace), ...chosen])].filter(Boolean).sort();
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
      ${
        this.menuOpen
          ? html`<div class="ns-menu" role="group" aria-label="Namespaces" @keydown=${onKey}>
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
            </div>`
          : nothing
      }
    </div>`;
  }

  private renderStatus(state: InformerState, count: number, now: number): TemplateResult {
    const { singular, plural } = this.config;
    const updated =
      state.lastUpdate !== undefined ? `updated ${humanDuration(now - state.lastUpdate)} ago` : '';
    let dot = 'idle';
    let text: string;
    switch (state.phase) {
      case 'live':
        dot = 'live';
        text = `Live · ${count} ${count === 1 ? singular : plural} · ${updated}`;
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

  private renderBody(
    state: InformerState,
    rows: Row[],
    sort: SortSpec<Id>,
    now: number,
    total: number,
  ): TemplateResult {
    const { plural, singular, columns } = this.config;
    if (!state.synced) {
      if (state.phase === 'error' && state.error) {
        return this.message(
          'error',
          `Cannot list ${plural}`,
          html`<p class="api-message">${state.error.message}</p>
            <p>${errorHint(state.error.code, this.config.resource)}</p>`,
        );
      }
      return this.renderLoading();
    }
    if (total === 0) {
      return this.message(
        'empty',
        `No ${plural}`,
        html`<p>There are no ${plural} here yet.</p>
          <p>${this.config.emptyHint}</p>`,
      );
    }
    const range = this.window.range(rows.length);
    return html`
      ${
        state.phase === 'reconnecting' && state.error
          ? html`<p class="status warning" role="alert">${state.error.message}</p>`
          : nothing
      }
      <div class="scroller" part="table" role="table" aria-label=${plural} aria-rowcount=${rows.length + 1}>
        <div class="row header" role="row" aria-rowindex="1">
          ${columns.map((c) => this.renderHeader(c, sort))}
        </div>
        ${
          rows.length === 0
            ? html`<div class="no-match" role="row">
                <div role="cell">No ${singular} matches the filter.</div>
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

  private renderHeader(column: ListColumn<Id>, sort: SortSpec<Id>): TemplateResult {
    const sorted = sort.column === column.id;
    const ariaSort = sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
    const next: SortSpec<Id> = {
      column: column.id,
      direction: sorted && sort.direction === 'asc' ? 'desc' : 'asc',
    };
    return html`<div role="columnheader" aria-sort=${ariaSort} class=${column.numeric ? 'numeric' : ''}>
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

  private renderRow(row: Row, index: number, now: number): TemplateResult {
    const key = row.namespace ? `${row.namespace}/${row.name}` : row.name;
    const at = this.changedAt?.(key);
    const changed = at !== undefined && now - at < CHANGE_HIGHLIGHT_MS ? 'changed' : '';
    return html`<div class="row ${changed}" role="row" aria-rowindex=${index} data-key=${key}>
      ${this.config.columns.map((c) => this.config.renderCell(c.id, row, now))}
    </div>`;
  }

  private renderLoading(): TemplateResult {
    const { columns, plural } = this.config;
    return html`<div class="scroller" part="table" role="table" aria-label=${plural} aria-busy="true">
      <div class="row header" role="row">
        ${columns.map((c) => html`<div role="columnheader"><span class="plain">${c.title}</span></div>`)}
      </div>
      ${[0, 1, 2].map(
        () =>
          html`<div class="row" aria-hidden="true">
            ${columns.map(() => html`<div><div class="skeleton"></div></div>`)}
          </div>`,
      )}
    </div>`;
  }
}

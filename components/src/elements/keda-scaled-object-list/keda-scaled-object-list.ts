import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { repeat } from 'lit/directives/repeat.js';
import { ScaledObjectResource } from '../../core/kube/resource.js';
import { errorHint } from '../../core/kube/error-hints.js';
import { humanDuration } from '../../core/kube/age.js';
import {
  scaledObjectColumns,
  scaledObjectRow,
  type ScaledObjectColumnId,
  type ScaledObjectRow,
} from '../../core/keda/printer-columns.js';
import type { ScaledObject } from '../../core/keda/types.js';
import { linksContext, type LinkResolver } from '../../context/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { ClockController } from '../../controllers/clock-controller.js';
import type { KedaStore } from '../../data/keda-store.js';
import type { InformerState } from '../../data/informer.js';
import { themeStyles } from '../../styles/theme.js';
import { listStyles } from './keda-scaled-object-list.styles.js';

const CONDITION_COLUMNS = new Set<ScaledObjectColumnId>(['ready', 'active', 'fallback', 'paused']);

/**
 * Every ScaledObject the connection can see, with the columns `kubectl get scaledobjects -A`
 * prints, kept live by a watch.
 *
 * @csspart status - The connection state line above the table.
 * @csspart table - The table.
 * @csspart message - The loading, empty or error message.
 * @cssprop --keda-fg - Text colour.
 * @cssprop --keda-bg - Background colour.
 * @cssprop --keda-muted - Secondary text colour.
 * @cssprop --keda-border - Border colour.
 * @cssprop --keda-accent - Link colour.
 * @cssprop --keda-row-height - Minimum row height.
 */
export class ScaledObjectList extends LitElement {
  static override styles = [themeStyles, listStyles];

  /** Show only this namespace (all namespaces when empty). */
  @property() namespace: string | undefined;

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

  private readonly data = new StoreController(this, [ScaledObjectResource]);
  private readonly clock = new ClockController(this, 1000);

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
    const rows = this.rowsOf(items, now);
    return html`${this.renderStatus(state, rows.length, now)}${this.renderBody(state, rows)}`;
  }

  private rowsOf(items: readonly ScaledObject[], now: number): Array<{ key: string; row: ScaledObjectRow }> {
    const visible = this.namespace ? items.filter((so) => so.metadata.namespace === this.namespace) : items;
    return visible
      .map((so) => ({
        key: so.metadata.uid ?? `${so.metadata.namespace}/${so.metadata.name}`,
        row: scaledObjectRow(so, now),
      }))
      .sort((a, b) => a.row.namespace.localeCompare(b.row.namespace) || a.row.name.localeCompare(b.row.name));
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
    rows: Array<{ key: string; row: ScaledObjectRow }>,
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
    if (rows.length === 0) {
      const where = this.namespace ? html` in namespace <code>${this.namespace}</code>` : nothing;
      return this.message(
        'empty',
        'No ScaledObjects',
        html`<p>There are no ScaledObjects${where} yet.</p>
          <p>
            Create one with <code>kubectl apply -f scaledobject.yaml</code>; it appears here as soon as the
            API server stores it.
          </p>`,
      );
    }
    return html`
      ${
        state.phase === 'reconnecting' && state.error
          ? html`<p class="status" role="alert">${state.error.message}</p>`
          : nothing
      }
      <div
        class="table"
        part="table"
        role="table"
        aria-label="ScaledObjects"
        aria-rowcount=${rows.length + 1}
      >
        <div class="row header" role="row">
          ${scaledObjectColumns.map(
            (c) =>
              html`<div role="columnheader" title=${c.description} class=${c.numeric ? 'numeric' : ''}>
                ${c.title}
              </div>`,
          )}
        </div>
        ${repeat(
          rows,
          (r) => r.key,
          (r) => this.renderRow(r.row),
        )}
      </div>
    `;
  }

  private renderRow(row: ScaledObjectRow): TemplateResult {
    return html`<div class="row" role="row" data-key="${row.namespace}/${row.name}">
      ${scaledObjectColumns.map((c) => this.renderCell(c.id, row))}
    </div>`;
  }

  private renderCell(id: ScaledObjectColumnId, row: ScaledObjectRow): TemplateResult {
    if (id === 'name') {
      const href = this.links?.({
        kind: 'ScaledObject',
        apiVersion: 'keda.sh/v1alpha1',
        namespace: row.namespace,
        name: row.name,
      });
      return html`<div role="cell" class="name" title=${row.name}>
        ${href ? html`<a href=${href}>${row.name}</a>` : html`<span>${row.name}</span>`}
      </div>`;
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

  private renderLoading(): TemplateResult {
    return html`<div class="table" part="table" role="table" aria-label="ScaledObjects" aria-busy="true">
      <div class="row header" role="row">
        ${scaledObjectColumns.map((c) => html`<div role="columnheader">${c.title}</div>`)}
      </div>
      ${[0, 1, 2].map(
        () =>
          html`<div class="row" aria-hidden="true">
            ${scaledObjectColumns.map(() => html`<div><div class="skeleton"></div></div>`)}
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
}

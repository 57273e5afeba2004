import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { humanDuration } from '../../core/kube/age.js';
import type { EventRecord } from '../../core/kube/events.js';
import { linksContext, type LinkResolver } from '../../context/contexts.js';
import { ClockController } from '../../controllers/clock-controller.js';
import { themeStyles } from '../../styles/theme.js';
import { facets, filterEvents, isEmptyFilter, shownMessage, type EventFilter } from './event-filter.js';

/** Rows rendered before "Show more" (events expire after an hour, but a busy namespace has many). */
const PAGE = 200;

/**
 * The events of a ScaledObject and everything it scales, newest first, repeats folded with their
 * count, filterable by type, reason, source and text. Messages are text, with credentials masked.
 * Objects link through the host's `linksContext`.
 *
 * @fires keda-filter-change - The filter changed; `detail` is the `EventFilter`.
 * @csspart toolbar - The filters.
 * @csspart table - The log.
 * @cssprop --keda-warn - Warning events.
 */
export class EventLog extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
        margin-bottom: 6px;
      }
      label {
        display: inline-flex;
        gap: 4px;
        align-items: center;
        color: var(--_muted);
        font-size: 0.85em;
      }
      select,
      input,
      button {
        font: inherit;
        font-size: 0.9em;
        color: var(--_fg);
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: 6px;
        padding: 2px 6px;
      }
      input[type='search'] {
        min-width: 12em;
      }
      button {
        cursor: pointer;
        background: var(--_surface);
      }
      :is(select, input, button, a):focus-visible {
        outline: 2px solid var(--_accent);
        outline-offset: 1px;
      }
      .count {
        margin-left: auto;
        color: var(--_muted);
        font-size: 0.85em;
      }
      .scroll {
        max-height: var(--keda-event-log-height, 360px);
        overflow: auto;
        border: 1px solid var(--_border);
        border-radius: 8px;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.9em;
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: 4px 8px;
        border-top: 1px solid var(--_border);
      }
      thead th {
        position: sticky;
        top: 0;
        background: var(--_surface);
        color: var(--_muted);
        font-weight: 600;
        font-size: 0.85em;
        border-top: 0;
        white-space: nowrap;
      }
      td.when,
      td.count-cell {
        white-space: nowrap;
        font-variant-numeric: tabular-nums;
      }
      td.reason {
        font-family: var(--_mono);
        font-size: 0.92em;
        white-space: nowrap;
      }
      tr.warning td.type,
      tr.warning td.reason {
        color: var(--_warn);
        font-weight: 600;
      }
      td.message {
        overflow-wrap: anywhere;
        min-width: 20em;
      }
      .muted {
        color: var(--_muted);
        font-size: 0.88em;
      }
      .times {
        display: inline-block;
        padding: 0 6px;
        border-radius: 999px;
        background: var(--_surface);
        border: 1px solid var(--_border);
        font-size: 0.85em;
      }
      a {
        color: var(--_accent);
      }
      .state-box {
        padding: 16px;
        border: 1px dashed var(--_border);
        border-radius: 8px;
        color: var(--_muted);
        text-align: center;
      }
      .state-box.error {
        color: var(--_error);
        border-color: currentColor;
      }
      .api-message {
        font-family: var(--_mono);
        color: var(--_fg);
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** Folded events (core/kube/events `mergeEvents`), any order. */
  @property({ attribute: false }) events: readonly EventRecord[] = [];
  @property({ type: Boolean }) loading = false;
  /** Why events cannot be read (API Status message, verbatim). */
  @property() error: string | undefined;
  @property({ attribute: 'error-hint' }) errorHint: string | undefined;
  @property({ attribute: false }) filter: EventFilter = {};

  @state() private limit = PAGE;

  @consume({ context: linksContext, subscribe: true })
  private links: LinkResolver | undefined;

  private readonly clock = new ClockController(this, 1000);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('filter')) this.limit = PAGE;
  }

  protected override render(): TemplateResult {
    if (this.error)
      return html`<div class="state-box error" role="alert">
        <strong>Cannot read events</strong>
        <div class="api-message">${this.error}</div>
        ${this.errorHint ? html`<div>${this.errorHint}</div>` : nothing}
      </div>`;
    if (this.loading && this.events.length === 0)
      return html`<div class="state-box" role="status">Loading events…</div>`;
    if (this.events.length === 0)
      return html`<div class="state-box" role="status">
        No events. Kubernetes keeps events for one hour; KEDA, the HPA and the workload controllers record one
        whenever they scale.
      </div>`;
    const shown = filterEvents(this.events, this.filter).sort((a, b) => b.time - a.time);
    const now = this.clock.now();
    return html`${this.renderToolbar(shown.length)}
    ${
      shown.length === 0
        ? html`<div class="state-box" role="status">No event matches the filter.</div>`
        : html`<div class="scroll">
            <table part="table" aria-label="Events, newest first">
              <thead>
                <tr>
                  <th scope="col">Last seen</th>
                  <th scope="col">Type</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Object</th>
                  <th scope="col">Source</th>
                  <th scope="col">Count</th>
                  <th scope="col">Message</th>
                </tr>
              </thead>
              <tbody>
                ${shown.slice(0, this.limit).map((e) => this.renderRow(e, now))}
              </tbody>
            </table>
          </div>`
    }
    ${
      shown.length > this.limit
        ? html`<button type="button" class="more" @click=${() => (this.limit += PAGE)}>
            Show ${Math.min(PAGE, shown.length - this.limit)} more
          </button>`
        : nothing
    }`;
  }

  private renderToolbar(matching: number): TemplateResult {
    const f = facets(this.events);
    const select = (
      label: string,
      key: 'type' | 'reason' | 'source',
      values: { value: string; count: number }[],
    ) =>
      html`<label
        >${label}
        <select
          name=${key}
          .value=${this.filter[key] ?? ''}
          @change=${(e: Event) => this.setFilter({ [key]: (e.target as HTMLSelectElement).value || undefined })}
        >
          <option value="">All</option>
          ${values.map(
            (v) =>
              html`<option value=${v.value} ?selected=${this.filter[key] === v.value}>
                ${v.value} (${v.count})
              </option>`,
          )}
        </select></label
      >`;
    return html`<div class="toolbar" part="toolbar" role="search" aria-label="Filter events">
      ${select('Type', 'type', f.types)} ${select('Reason', 'reason', f.reasons)}
      ${select('Source', 'source', f.sources)}
      <input
        type="search"
        placeholder="Search messages"
        aria-label="Search event messages"
        .value=${this.filter.text ?? ''}
        @input=${(e: Event) => this.setFilter({ text: (e.target as HTMLInputElement).value || undefined })}
      />
      ${
        isEmptyFilter(this.filter)
          ? nothing
          : html`<button type="button" class="clear" @click=${() => this.setFilter(undefined)}>Clear</button>`
      }
      <span class="count" role="status">${matching} of ${this.events.length} events</span>
    </div>`;
  }

  private renderRow(e: EventRecord, now: number): TemplateResult {
    const o = e.involved;
    const href =
      o.kind && o.name
        ? this.links?.({ kind: o.kind, apiVersion: o.apiVersion, namespace: o.namespace, name: o.name })
        : undefined;
    const object = `${o.kind ?? '?'}/${o.name ?? '?'}`;
    const ago = (t: number) => (now - t < 1000 ? 'now' : `${humanDuration(now - t)} ago`);
    return html`<tr class=${e.type === 'Warning' ? 'warning' : 'normal'} data-key=${e.key}>
      <td class="when" title=${new Date(e.time).toISOString()}>${ago(e.time)}</td>
      <td class="type">${e.type}</td>
      <td class="reason">${e.reason}</td>
      <td class="object">${href ? html`<a href=${href}>${object}</a>` : object}</td>
      <td class="source">${e.source}</td>
      <td class="count-cell">
        ${
          e.count > 1
            ? html`<span class="times" title=${`first seen ${new Date(e.firstTime).toISOString()}`}
                  >×${e.count}</span
                >
                <div class="muted">since ${ago(e.firstTime)}</div>`
            : '1'
        }
      </td>
      <td class="message">${shownMessage(e)}</td>
    </tr>`;
  }

  private setFilter(patch: Partial<EventFilter> | undefined): void {
    const next: EventFilter = patch === undefined ? {} : { ...this.filter, ...patch };
    for (const k of Object.keys(next) as (keyof EventFilter)[]) if (next[k] === undefined) delete next[k];
    this.filter = next;
    this.dispatchEvent(
      new CustomEvent('keda-filter-change', { detail: next, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'keda-event-log': EventLog;
  }
  interface HTMLElementEventMap {
    'keda-filter-change': CustomEvent<EventFilter>;
  }
}

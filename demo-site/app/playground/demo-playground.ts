import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { maskSecretsInText } from 'keda-elements/core/keda/mask';
import { linkTo } from '../links.ts';
import { siteHref } from '../router.ts';
import { playgroundStyles } from './demo-playground.styles.ts';
import { SimControl, SimControlError, type SimClock, type SimSource } from './sim-control.ts';

const SPEEDS = [1, 5, 10, 30, 60, 300];
/** The control API is not watchable: while the panel is open it reads sources and clock this often. */
const REFRESH_MS = 2000;
const BURSTS: Record<string, number[]> = { queue: [50, 500], gauge: [20, 100], resource: [300, 1000] };

/**
 * The playground of the simulated cluster: the virtual clock's speed, and per event source its
 * load (a queue's backlog and arrival rate, a gauge's value), bursts, and "break this trigger"
 * (the source fails, so KEDA counts failures and, where configured, falls back).
 *
 * @fires demo-playground-change - After a change was accepted; `detail` is the source key or `clock`.
 */
export class DemoPlayground extends LitElement {
  static override styles = playgroundStyles;
  static override properties = {
    base: { type: String },
    sources: { state: true },
    clock: { state: true },
    error: { state: true },
    busy: { state: true },
    filter: { state: true },
    focusRef: { attribute: false },
  };

  /** `/clusters/<sim>`: where the simulated cluster is served. */
  base: string | undefined;
  /** `ScaledObject <ns>/<name>` of the page shown: its sources come first, marked. */
  focusRef: string | undefined;
  private sources: SimSource[] | undefined;
  private clock: SimClock | undefined;
  private error: string | undefined;
  private busy = new Set<string>();
  private filter = '';
  private control: SimControl | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** Slider ranges fixed when a source is first seen, so the thumb does not jump as values move. */
  private readonly ranges = new Map<string, number>();

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('base')) {
      this.control = this.base ? new SimControl(this.base) : undefined;
      this.sources = undefined;
      this.clock = undefined;
      void this.refresh();
    }
  }

  /** Reads sources and clock now. */
  async refresh(): Promise<void> {
    const control = this.control;
    if (!control || !this.isConnected) return;
    try {
      const [sources, clock] = await Promise.all([control.sources(), control.clock()]);
      if (control !== this.control) return;
      this.sources = sources;
      this.clock = clock;
      this.error = undefined;
    } catch (error) {
      if (control === this.control) this.error = messageOf(error);
    }
  }

  private async act(id: string, action: (control: SimControl) => Promise<unknown>): Promise<void> {
    const control = this.control;
    if (!control) return;
    this.busy = new Set(this.busy).add(id);
    try {
      await action(control);
      this.error = undefined;
      this.dispatchEvent(
        new CustomEvent('demo-playground-change', { detail: id, bubbles: true, composed: true }),
      );
      await this.refresh();
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      const next = new Set(this.busy);
      next.delete(id);
      this.busy = next;
    }
  }

  protected override render(): TemplateResult {
    return html`
      <header>
        <h2>Playground</h2>
        <p>Change the simulated cluster's load and watch KEDA and the HPA react in the views.</p>
      </header>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing} ${this.renderClock()}
      <section aria-label="Event sources">
        <div class="section-head">
          <h3>Event sources</h3>
          <input
            type="search"
            placeholder="Filter sources"
            aria-label="Filter event sources"
            .value=${this.filter}
            @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)}
          />
        </div>
        ${this.renderSources()}
      </section>
    `;
  }

  private renderClock(): TemplateResult {
    const clock = this.clock;
    const time = clock ? new Date(clock.nowMs).toISOString().replace('T', ' ').slice(0, 19) : '…';
    const speeds =
      clock && !SPEEDS.includes(clock.speed) ? [...SPEEDS, clock.speed].sort((a, b) => a - b) : SPEEDS;
    return html`<section class="clock" aria-label="Clock">
      <div>
        <h3>Clock</h3>
        <div class="time" title="Virtual time of the simulated cluster (UTC)">
          ${time} UTC${clock?.paused ? ' · paused' : ''}
        </div>
      </div>
      <label>
        <span>Speed</span>
        <select
          name="speed"
          ?disabled=${!clock || clock.stepped || this.busy.has('clock')}
          @change=${(e: Event) => {
            const speed = Number((e.target as HTMLSelectElement).value);
            void this.act('clock', (c) => c.setClock({ speed }));
          }}
        >
          ${speeds.map((s) => html`<option value=${s} ?selected=${clock?.speed === s}>${s}×</option>`)}
        </select>
      </label>
      <button
        type="button"
        ?disabled=${!clock || clock.stepped || this.busy.has('clock')}
        @click=${() => void this.act('clock', (c) => c.setClock({ paused: !clock?.paused }))}
      >
        ${clock?.paused ? 'Resume' : 'Pause'}
      </button>
    </section>`;
  }

  private renderSources(): TemplateResult {
    if (!this.sources) return html`<p class="hint">${this.error ? '' : 'Loading event sources…'}</p>`;
    const words = this.filter.toLowerCase().split(/\s+/).filter(Boolean);
    const shown = this.sources
      .filter((s) => words.every((w) => `${s.key} ${s.type} ${s.usedBy.join(' ')}`.toLowerCase().includes(w)))
      .sort(
        (a, b) =>
          Number(this.isFocused(b)) - Number(this.isFocused(a)) ||
          Number(b.usedBy.length > 0) - Number(a.usedBy.length > 0) ||
          a.key.localeCompare(b.key),
      );
    if (shown.length === 0)
      return html`<p class="hint">
        ${
          this.sources.length === 0
            ? 'No event sources yet: a source appears when a trigger first reads it.'
            : 'No source matches the filter.'
        }
      </p>`;
    return html`<ul class="sources">
      ${shown.map((s) => this.renderSource(s))}
    </ul>`;
  }

  private isFocused(source: SimSource): boolean {
    return this.focusRef !== undefined && source.usedBy.includes(this.focusRef);
  }

  private renderSource(source: SimSource): TemplateResult {
    const busy = this.busy.has(source.key);
    const focused = this.isFocused(source);
    return html`<li
      class="source ${source.failing ? 'failing' : ''} ${focused ? 'focused' : ''}"
      data-key=${source.key}
    >
      ${focused ? html`<div class="this-page">Trigger of this page's ScaledObject</div>` : nothing}
      <div class="source-head">
        <span class="type">${source.type}</span>
        <span class="value" aria-live="polite">${valueText(source)}</span>
      </div>
      <div class="key" title=${maskSecretsInText(source.key)}>${shortKey(source)}</div>
      ${this.renderUsers(source)} ${this.renderControls(source, busy)}
      <label class="break">
        <input
          type="checkbox"
          name="failing"
          .checked=${source.failing}
          ?disabled=${busy}
          @change=${(e: Event) => {
            const failing = (e.target as HTMLInputElement).checked;
            void this.act(source.key, (c) => c.changeSource({ key: source.key, failing }));
          }}
        />
        <span>Break this trigger</span>
      </label>
      ${
        source.failing && source.failureMessage
          ? html`<p class="failure">Scaler error: ${maskSecretsInText(source.failureMessage)}</p>`
          : nothing
      }
    </li>`;
  }

  private renderUsers(source: SimSource): TemplateResult {
    if (source.usedBy.length === 0) return html`<div class="users muted">Not read by any trigger now</div>`;
    return html`<div class="users">
      Read by
      ${source.usedBy.map((user, i) => {
        const [kind = '', ref = ''] = user.split(' ');
        const [namespace, name] = ref.split('/');
        const href =
          namespace && name && (kind === 'ScaledObject' || kind === 'ScaledJob')
            ? linkTo({ kind, namespace, name })
            : undefined;
        return html`${i > 0 ? ', ' : ''}${href ? html`<a href=${siteHref(href)}>${ref}</a>` : ref}`;
      })}
    </div>`;
  }

  private renderControls(source: SimSource, busy: boolean): TemplateResult {
    const bursts = BURSTS[source.kind];
    if (source.kind === 'cron')
      return html`<p class="hint">Follows its schedule: change the clock to move through it.</p>`;
    const value = source.value ?? 0;
    if (!this.ranges.has(source.key)) this.ranges.set(source.key, niceMax(Math.max(value * 3, 100)));
    const max = Math.max(this.ranges.get(source.key)!, niceMax(value));
    const queue = source.kind === 'queue';
    const rate = source.curve?.type === 'constant' ? (source.curve.value ?? 0) : undefined;
    return html`
      <div class="control">
        <label for="v-${source.key}"
          >${queue ? 'Backlog' : source.kind === 'resource' ? 'Load' : 'Value'}</label
        >
        <input
          id="v-${source.key}"
          type="range"
          name="value"
          min="0"
          max=${max}
          step=${max >= 1000 ? 10 : 1}
          .value=${String(Math.round(value))}
          ?disabled=${busy}
          @change=${(e: Event) => {
            const next = Number((e.target as HTMLInputElement).value);
            void this.act(source.key, (c) => c.changeSource({ key: source.key, value: next }));
          }}
        />
        <input
          type="number"
          name="value-number"
          aria-label=${`${queue ? 'Backlog' : 'Value'} of ${source.key}`}
          min="0"
          .value=${String(Math.round(value))}
          ?disabled=${busy}
          @change=${(e: Event) => {
            const next = Number((e.target as HTMLInputElement).value);
            if (Number.isFinite(next) && next >= 0)
              void this.act(source.key, (c) => c.changeSource({ key: source.key, value: next }));
          }}
        />
      </div>
      ${
        queue
          ? html`<div class="control">
              <label for="r-${source.key}">Arrivals/s</label>
              <input
                id="r-${source.key}"
                type="range"
                name="rate"
                min="0"
                max="100"
                .value=${String(rate ?? 0)}
                ?disabled=${busy}
                @change=${(e: Event) => {
                  const next = Number((e.target as HTMLInputElement).value);
                  void this.act(source.key, (c) =>
                    c.changeSource({ key: source.key, curve: { type: 'constant', value: next } }),
                  );
                }}
              />
              <span class="rate">${rate === undefined ? (source.curve?.type ?? '—') : `${rate}/s`}</span>
            </div>`
          : nothing
      }
      ${
        bursts
          ? html`<div class="bursts">
              ${bursts.map(
                (amount) =>
                  html`<button
                    type="button"
                    name="burst"
                    data-amount=${amount}
                    ?disabled=${busy}
                    @click=${() => void this.act(source.key, (c) => c.burst(source.key, amount))}
                  >
                    Burst +${amount}${queue ? '' : ' for 60 s'}
                  </button>`,
              )}
            </div>`
          : nothing
      }
    `;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof SimControlError) return `The simulated cluster refused: ${error.message}`;
  return String(error);
}

function niceMax(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(value, 1)));
  return Math.ceil(value / magnitude) * magnitude;
}

function valueText(source: SimSource): string {
  if (source.value === null) return source.failing ? 'failing' : 'no value';
  const v = Number.isInteger(source.value) ? String(source.value) : source.value.toFixed(1);
  switch (source.kind) {
    case 'queue':
      return `${v} waiting${source.consumers !== undefined ? ` · ${source.consumers} consumer${source.consumers === 1 ? '' : 's'}` : ''}`;
    case 'resource':
      return source.type === 'memory'
        ? `${Math.round(source.value)} bytes`
        : `${Math.round(source.value)}m CPU`;
    default:
      return v;
  }
}

/** The part of a key after the trigger type (`rabbitmq:amqp://…/hello` -> `…/hello`). */
function shortKey(source: SimSource): string {
  const key = maskSecretsInText(source.key);
  const rest = key.startsWith(`${source.type}:`) ? key.slice(source.type.length + 1) : key;
  return rest;
}

customElements.define('demo-playground', DemoPlayground);

declare global {
  interface HTMLElementTagNameMap {
    'demo-playground': DemoPlayground;
  }
}

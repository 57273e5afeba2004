import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import cytoscape, { type Core, type ElementDefinition, type EventObject } from 'cytoscape';
import { buildRelationshipGraph } from '../../core/graph/build.js';
import { layeredLayout, type GraphLayout } from '../../core/graph/layout.js';
import { neighbourhood } from '../../core/graph/neighbourhood.js';
import type { GraphNode, RelationshipGraph } from '../../core/graph/types.js';
import { errorHint } from '../../core/kube/error-hints.js';
import type { KubeObject } from '../../core/kube/types.js';
import { clockContext, linksContext, type Clock, type LinkResolver } from '../../context/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import type { InformerState } from '../../data/informer.js';
import type { KedaStore } from '../../data/keda-store.js';
import { themeStyles } from '../../styles/theme.js';
import { graphStylesheet, NODE_HEIGHT, NODE_WIDTH } from './internal/cy-style.js';
import { graphNeeds, sameArrays, snapshot } from './internal/graph-input.js';
import { nextNode, type Direction } from './internal/keyboard.js';
import { readPalette, samePalette, type GraphPalette } from './internal/palette.js';
import { graphStyles } from './keda-relationship-graph.styles.js';

/** Above this many nodes the canvas trades arrows and curves for speed while panning. */
const LARGE = 600;
/** Watch bursts (pods churning) rebuild the graph at most this often. */
const REBUILD_INTERVAL_MS = 250;
const LINE_CHARS = 27;

export interface KedaFocusChangeDetail {
  /** The node id now focused (`ScaledObject/<ns>/<name>`), or '' for the whole graph. */
  focus: string;
}

export interface KedaGraphRenderedDetail {
  nodes: number;
  edges: number;
}

const clipLine = (text: string) => (text.length > LINE_CHARS ? `${text.slice(0, LINE_CHARS - 1)}…` : text);

function nodeText(n: GraphNode): string {
  const caption = n.stateLabel && n.kind !== 'Metric' ? `${n.caption} · ${n.stateLabel}` : n.caption;
  return `${clipLine(n.label)}\n${clipLine(caption)}`;
}

function describe(n: GraphNode): string {
  return [n.label, n.caption, n.stateLabel, n.namespace ? `namespace ${n.namespace}` : undefined]
    .filter(Boolean)
    .join(', ');
}

/**
 * How a ScaledObject or ScaledJob connects to everything around it: event sources and their
 * external metrics on the left, the HPA, scale target, ReplicaSets and Pods (a count) or Jobs on
 * the right, TriggerAuthentications and the Secrets (names and keys only), ConfigMaps, env and pod
 * identity they read. Left-to-right layered layout, state colours, hover details, click (or Enter)
 * opens the object's page, arrow keys move between nodes, a list alternative for screen readers.
 *
 * @fires keda-focus-change - The user focused one node or went back to the whole graph; `detail` is `{focus}`.
 * @fires keda-graph-rendered - The canvas drew a new graph; `detail` is `{nodes, edges}`.
 * @csspart toolbar - Zoom, fit, focus and list controls.
 * @csspart stage - The canvas frame.
 * @csspart list - The list of nodes and edges.
 * @cssprop --keda-graph-height - Height of the canvas (default 70vh).
 * @cssprop --keda-fg - Text and labels.
 * @cssprop --keda-bg - Canvas background.
 * @cssprop --keda-surface - Node fill.
 * @cssprop --keda-border - Borders and stateless nodes.
 * @cssprop --keda-accent - Keyboard focus and highlighted edges.
 * @cssprop --keda-ok - Active and healthy.
 * @cssprop --keda-warn - Paused, fallback, degraded, not all ready.
 * @cssprop --keda-error - Errors and missing objects.
 * @cssprop --keda-info - Cooldown.
 */
export class RelationshipGraphElement extends LitElement {
  static override styles = [themeStyles, graphStyles];

  /** Only this namespace (all when empty). */
  @property({ reflect: true }) namespace = '';
  /** A node id to show with its neighbourhood only (`ScaledObject/orders/orders-processor`); '' for all. */
  @property({ attribute: 'focus-node', reflect: true }) focusNode = '';
  /** A prebuilt graph to show instead of the store's (for other hosts and benchmarks). */
  @property({ attribute: false }) graph: RelationshipGraph | undefined;

  /** An explicit store; by default the one of the enclosing `<keda-connection>`. */
  @property({ attribute: false })
  set store(store: KedaStore | undefined) {
    this.data.use(store);
  }
  get store(): KedaStore | undefined {
    return this.data.store;
  }

  @consume({ context: linksContext, subscribe: true })
  @state()
  private links: LinkResolver | undefined;

  @consume({ context: clockContext, subscribe: true })
  private clock: Clock | undefined;

  @state() private model: RelationshipGraph | undefined;
  @state() private storeState: InformerState | undefined;
  @state() private listVisible = false;
  @state() private active: string | undefined;
  @state() private announcement = '';

  @query('.canvas') private canvas!: HTMLDivElement | null;
  @query('.tooltip') private tooltip!: HTMLDivElement | null;

  private readonly data = new StoreController(this, graphNeeds(undefined));
  private cy: Core | undefined;
  private cyLarge = false;
  private layout: GraphLayout | undefined;
  private shown: RelationshipGraph | undefined;
  private shownIds = new Map<string, GraphNode>();
  private drawnFrom: RelationshipGraph | undefined;
  private drawnFocus: string | undefined;
  private userMoved = false;
  private lastArrays: ReadonlyArray<readonly KubeObject[]> | undefined;
  private rebuildTimer: ReturnType<typeof setTimeout> | undefined;
  private lastRebuild = 0;
  private palette: GraphPalette | undefined;
  private themeObserver: MutationObserver | undefined;
  private media: MediaQueryList | undefined;
  private themeFrame = 0;
  private resizeObserver: ResizeObserver | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    const onTheme = () => this.queueThemeCheck();
    this.themeObserver = new MutationObserver(onTheme);
    for (const el of [document.documentElement, document.body]) {
      if (el)
        this.themeObserver.observe(el, {
          attributes: true,
          attributeFilter: ['class', 'style', 'data-theme'],
        });
    }
    this.media = matchMedia('(prefers-color-scheme: dark)');
    this.media.addEventListener('change', onTheme);
    this.onMediaChange = onTheme;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.themeObserver?.disconnect();
    if (this.onMediaChange) this.media?.removeEventListener('change', this.onMediaChange);
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    clearTimeout(this.rebuildTimer);
    this.rebuildTimer = undefined;
    cancelAnimationFrame(this.themeFrame);
    this.cy?.destroy();
    this.cy = undefined;
    this.drawnFrom = undefined;
  }

  private onMediaChange: (() => void) | undefined;

  /** Fits the whole graph (or the focused part) into view. */
  fit(): void {
    this.cy?.fit(undefined, 24);
  }

  /** Zooms around the centre by `factor` (>1 in). */
  zoomBy(factor: number): void {
    const cy = this.cy;
    if (!cy) return;
    this.userMoved = true;
    const box = this.canvas?.getBoundingClientRect();
    cy.zoom({
      level: Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor)),
      renderedPosition: { x: (box?.width ?? 0) / 2, y: (box?.height ?? 0) / 2 },
    });
  }

  /** Re-reads the `--keda-*` colours (hosts call this after changing them on an ancestor's style). */
  refreshTheme(): void {
    this.applyTheme();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('namespace')) {
      this.data.need(graphNeeds(this.namespace || undefined));
      this.lastArrays = undefined;
    }
    if (changed.has('graph') && this.graph) {
      this.model = this.graph;
      this.storeState = undefined;
    }
    const shown = this.visibleGraph();
    if (shown !== this.shown) {
      this.shown = shown;
      this.shownIds = new Map((shown?.nodes ?? []).map((n) => [n.id, n]));
      this.layout = shown
        ? layeredLayout(shown, { columnWidth: NODE_WIDTH + 64, rowHeight: NODE_HEIGHT + 22 })
        : undefined;
      if (this.active && !this.shownIds.has(this.active)) this.active = undefined;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.graph) this.scheduleRebuild(changed.has('namespace'));
    this.draw();
  }

  // ---- model ---------------------------------------------------------------------------------

  private scheduleRebuild(now: boolean): void {
    const store = this.data.store;
    if (!store || this.rebuildTimer !== undefined) return;
    const wait = now ? 0 : Math.max(0, this.lastRebuild + REBUILD_INTERVAL_MS - performance.now());
    this.rebuildTimer = setTimeout(() => {
      this.rebuildTimer = undefined;
      this.rebuild();
    }, wait);
  }

  private rebuild(): void {
    const store = this.data.store;
    if (!store || this.graph) return;
    this.lastRebuild = performance.now();
    const snap = snapshot(store, this.namespace || undefined, this.clock?.now() ?? Date.now());
    this.storeState = snap.scalers;
    if (sameArrays(this.lastArrays, snap.arrays) && this.model) return;
    this.lastArrays = snap.arrays;
    this.model = buildRelationshipGraph(snap.input);
  }

  private visibleGraph(): RelationshipGraph | undefined {
    const model = this.model;
    if (!model) return undefined;
    if (!this.focusNode) return model;
    const memo = this.visibleMemo;
    if (memo && memo.model === model && memo.focus === this.focusNode) return memo.graph;
    const graph = neighbourhood(model, this.focusNode);
    this.visibleMemo = { model, focus: this.focusNode, graph };
    return graph;
  }

  private visibleMemo:
    { model: RelationshipGraph; focus: string; graph: RelationshipGraph | undefined } | undefined;

  // ---- rendering -----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const store = this.data.store;
    const model = this.model;
    const shown = this.visibleGraph();
    let message: TemplateResult | typeof nothing = nothing;
    if (!model && !store) {
      message = this.message(
        'Not connected',
        html`<p>
          Place this element inside <code>&lt;keda-connection&gt;</code> or set its <code>graph</code>.
        </p>`,
      );
    } else if (this.storeState?.phase === 'error' && this.storeState.error && !this.storeState.synced) {
      const error = this.storeState.error;
      message = this.message(
        'Cannot read ScaledObjects',
        html`<p class="api-message">${error.message}</p>
          <p>${errorHint(error.code, 'scaledobjects.keda.sh')}</p>`,
      );
    } else if (!model || (!this.graph && !this.storeState?.synced)) {
      message = this.message('Loading…', html`<p>Reading ScaledObjects, ScaledJobs and what they scale.</p>`);
    } else if (model.nodes.length === 0) {
      message = this.message(
        'Nothing to show',
        html`<p>
          There are no ScaledObjects or ScaledJobs
          ${this.namespace ? html`in namespace <code>${this.namespace}</code>` : 'in this cluster'}. Create
          one and it appears here with its event sources, metrics and scale target.
        </p>`,
      );
    } else if (!shown) {
      message = this.message(
        'Not in this graph',
        html`<p>
            <code>${this.focusNode}</code> is not among the objects
            shown${this.namespace ? html` in namespace <code>${this.namespace}</code>` : nothing}.
          </p>
          <button type="button" @click=${() => this.setFocus('')}>Show everything</button>`,
      );
    }
    const hasGraph = message === nothing && !!shown;
    return html`
      ${message}
      <div class="toolbar" part="toolbar" ?hidden=${!hasGraph}>
        ${
          this.focusNode && hasGraph
            ? html`<span class="focus-chip"
                >Focused on <strong>${this.shownIds.get(this.focusNode)?.label ?? this.focusNode}</strong>
                <button type="button" @click=${() => this.setFocus('')}>Show everything</button></span
              >`
            : nothing
        }
        <span class="summary" aria-live="polite"
          >${shown ? `${shown.nodes.length} objects, ${shown.edges.length} relations` : ''}${
            this.storeState?.phase === 'error' ? ' · watch interrupted, retrying' : ''
          }</span
        >
        <span class="spacer"></span>
        <button type="button" aria-label="Zoom out" title="Zoom out" @click=${() => this.zoomBy(1 / 1.25)}>
          −
        </button>
        <button type="button" aria-label="Zoom in" title="Zoom in" @click=${() => this.zoomBy(1.25)}>
          +
        </button>
        <button type="button" @click=${() => this.fit()}>Fit</button>
        ${
          this.active && this.active !== this.focusNode
            ? html`<button type="button" @click=${() => this.setFocus(this.active ?? '')}>
                Focus selected
              </button>`
            : nothing
        }
        <button type="button" aria-pressed=${this.listVisible ? 'true' : 'false'} @click=${this.toggleList}>
          Show as list
        </button>
      </div>
      <div class="stage" part="stage" ?hidden=${!hasGraph || this.listVisible}>
        <div
          class="canvas"
          tabindex="0"
          role="application"
          aria-roledescription="relationship graph"
          aria-label="Relationship graph. Arrow keys move between objects, Enter opens one, F focuses on it. The same content is available as a list."
          aria-describedby="graph-status"
          @keydown=${this.onKeyDown}
          @focus=${this.onCanvasFocus}
          @blur=${() => this.hideTooltip()}
        ></div>
        <div class="tooltip" hidden></div>
      </div>
      <p id="graph-status" class="visually-hidden" aria-live="polite">${this.announcement}</p>
      ${hasGraph ? this.renderLegend() : nothing} ${hasGraph && shown ? this.renderList(shown) : nothing}
    `;
  }

  private message(title: string, body: TemplateResult): TemplateResult {
    return html`<div class="message" role="status">
      <h3>${title}</h3>
      ${body}
    </div>`;
  }

  private renderLegend(): TemplateResult {
    const items: Array<[string, string]> = [
      ['Active / healthy', 'var(--_ok)'],
      ['Ready / no state', 'var(--_border)'],
      ['Cooldown', 'var(--_info)'],
      ['Paused / fallback / degraded', 'var(--_warn)'],
      ['Error / missing', 'var(--_error)'],
    ];
    return html`<div class="legend" aria-hidden="true" ?hidden=${this.listVisible}>
      ${items.map(([label, colour]) => html`<span style="--swatch: ${colour}">${label}</span>`)}
    </div>`;
  }

  private renderList(g: RelationshipGraph): TemplateResult {
    const out = new Map<string, GraphNode[]>();
    const into = new Map<string, GraphNode[]>();
    const byId = this.shownIds;
    for (const e of g.edges) {
      const s = byId.get(e.source);
      const t = byId.get(e.target);
      if (!s || !t) continue;
      (out.get(e.source) ?? out.set(e.source, []).get(e.source)!).push(t);
      (into.get(e.target) ?? into.set(e.target, []).get(e.target)!).push(s);
    }
    const scalers = g.nodes.filter((n) => n.kind === 'ScaledObject' || n.kind === 'ScaledJob').length;
    const names = (nodes: GraphNode[] | undefined) => (nodes ?? []).map((n) => n.label).join(', ');
    return html`<section
      class="list ${this.listVisible ? 'list-view' : 'visually-hidden'}"
      part="list"
      aria-label="Relationships as a list"
    >
      <h3>${g.nodes.length} objects around ${scalers} scaler${scalers === 1 ? '' : 's'}</h3>
      <ol>
        ${g.nodes.map((n) => {
          const href = n.ref ? this.links?.(n.ref) : undefined;
          return html`<li>
            ${href ? html`<a href=${href} data-node-id=${n.id}>${n.label}</a>` : html`<span>${n.label}</span>`}
            <span class="caption"
              >${n.caption}${n.stateLabel && n.kind !== 'Metric' ? ` · ${n.stateLabel}` : ''}${n.namespace ? ` · ${n.namespace}` : ''}</span
            >
            ${into.has(n.id) ? html`<span class="rel">· from ${names(into.get(n.id))}</span>` : nothing}
            ${out.has(n.id) ? html`<span class="rel">· to ${names(out.get(n.id))}</span>` : nothing}
          </li>`;
        })}
      </ol>
    </section>`;
  }

  private toggleList = () => {
    this.listVisible = !this.listVisible;
    if (!this.listVisible) void this.updateComplete.then(() => this.cy?.resize());
  };

  // ---- canvas --------------------------------------------------------------------------------

  private draw(): void {
    const shown = this.shown;
    const container = this.canvas;
    if (!shown || !container || !this.layout || this.listVisible) return;
    // A hidden stage has no size: cytoscape would fit the graph into nothing.
    if (container.clientWidth === 0 || container.clientHeight === 0) {
      void this.updateComplete.then(() => requestAnimationFrame(() => this.draw()));
      return;
    }
    if (this.drawnFrom === shown) return;
    const large = shown.nodes.length > LARGE;
    if (this.cy && this.cyLarge !== large) {
      this.cy.destroy();
      this.cy = undefined;
    }
    const first = !this.cy;
    const cy = this.cy ?? this.createCy(container, large);
    const positions = this.layout.positions;
    cy.batch(() => {
      const wanted = new Set<string>();
      for (const n of shown.nodes) wanted.add(n.id);
      for (const e of shown.edges) wanted.add(e.id);
      cy.elements().forEach((el) => {
        if (!wanted.has(el.id())) el.remove();
      });
      const add: ElementDefinition[] = [];
      for (const n of shown.nodes) {
        const data = { id: n.id, text: nodeText(n), kind: n.kind, state: n.state };
        const position = positions.get(n.id) ?? { x: 0, y: 0 };
        const existing = cy.getElementById(n.id);
        if (existing.nonempty()) {
          existing.data(data);
          existing.position(position);
        } else add.push({ group: 'nodes', data, position });
      }
      for (const e of shown.edges) {
        if (cy.getElementById(e.id).empty())
          add.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target } });
      }
      if (add.length) cy.add(add);
      cy.nodes().removeClass('focus-root');
      if (this.focusNode) cy.getElementById(this.focusNode).addClass('focus-root');
    });
    this.drawnFrom = shown;
    // Keep fitting while the graph fills in, until the user pans or zooms.
    if (first || this.drawnFocus !== this.focusNode || !this.userMoved) {
      if (this.drawnFocus !== this.focusNode) this.userMoved = false;
      this.drawnFocus = this.focusNode;
      cy.resize();
      this.fit();
    }
    cy.one('render', () => {
      this.dispatchEvent(
        new CustomEvent<KedaGraphRenderedDetail>('keda-graph-rendered', {
          detail: { nodes: shown.nodes.length, edges: shown.edges.length },
          bubbles: true,
          composed: true,
        }),
      );
    });
  }

  private createCy(container: HTMLDivElement, large: boolean): Core {
    this.palette = readPalette(this.renderRoot as ShadowRoot, this);
    const cy = cytoscape({
      container,
      style: graphStylesheet(this.palette, large),
      minZoom: 0.03,
      maxZoom: 2.5,
      boxSelectionEnabled: false,
      autoungrabify: true,
      autounselectify: true,
      textureOnViewport: large,
      hideEdgesOnViewport: false,
      motionBlur: false,
      pixelRatio: large ? 1 : 'auto',
    });
    this.cy = cy;
    this.cyLarge = large;
    cy.on('tap', 'node', (e: EventObject) => {
      const id = e.target.id() as string;
      this.setActive(id, false);
      this.open(id, e.originalEvent as MouseEvent | undefined);
    });
    cy.on('dbltap', 'node', (e: EventObject) => this.setFocus(e.target.id() as string));
    cy.on('mouseover', 'node', (e: EventObject) => {
      e.target.addClass('hover');
      e.target.connectedEdges().addClass('near');
      if (this.canvas) this.canvas.style.cursor = this.hrefOf(e.target.id()) ? 'pointer' : 'default';
      this.showTooltip(e.target.id() as string);
    });
    cy.on('mouseout', 'node', (e: EventObject) => {
      e.target.removeClass('hover');
      if (e.target.id() !== this.active) e.target.connectedEdges().removeClass('near');
      if (this.canvas) this.canvas.style.cursor = '';
      this.hideTooltip();
    });
    cy.on('viewport', () => this.hideTooltip());
    const moved = () => (this.userMoved = true);
    container.addEventListener('wheel', moved, { passive: true });
    container.addEventListener('pointerdown', moved);
    this.resizeObserver = new ResizeObserver(() => cy.resize());
    this.resizeObserver.observe(container);
    return cy;
  }

  private queueThemeCheck(): void {
    cancelAnimationFrame(this.themeFrame);
    this.themeFrame = requestAnimationFrame(() => this.applyTheme());
  }

  private applyTheme(): void {
    if (!this.cy) return;
    const next = readPalette(this.renderRoot as ShadowRoot, this);
    if (samePalette(this.palette, next)) return;
    this.palette = next;
    this.cy.style(graphStylesheet(next, this.cyLarge));
  }

  // ---- interaction ---------------------------------------------------------------------------

  private hrefOf(id: string): string | undefined {
    const ref = this.shownIds.get(id)?.ref;
    return ref ? this.links?.(ref) : undefined;
  }

  /** Follows the node's link as a real anchor would (so hosts' routers and new-tab clicks work). */
  private open(id: string, event?: MouseEvent | KeyboardEvent): void {
    const href = this.hrefOf(id);
    if (!href) return;
    if (event && (event.ctrlKey || event.metaKey || event.shiftKey || (event as MouseEvent).button === 1)) {
      window.open(href, '_blank', 'noopener');
      return;
    }
    const anchor = this.renderRoot.querySelector<HTMLAnchorElement>(`a[data-node-id="${CSS.escape(id)}"]`);
    if (anchor) anchor.click();
  }

  private setFocus(id: string): void {
    if (id === this.focusNode) return;
    this.focusNode = id;
    this.dispatchEvent(
      new CustomEvent<KedaFocusChangeDetail>('keda-focus-change', {
        detail: { focus: id },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private setActive(id: string | undefined, reveal: boolean): void {
    const cy = this.cy;
    if (cy && this.active) {
      const old = cy.getElementById(this.active);
      old.removeClass('kbd');
      old.connectedEdges().removeClass('near');
    }
    this.active = id;
    if (!cy || !id) return;
    const node = cy.getElementById(id);
    node.addClass('kbd');
    node.connectedEdges().addClass('near');
    const n = this.shownIds.get(id);
    if (n) {
      const outgoing = this.shown?.edges.filter((e) => e.source === id).length ?? 0;
      const incoming = this.shown?.edges.filter((e) => e.target === id).length ?? 0;
      const open = this.hrefOf(id) ? ' Enter opens it.' : '';
      this.announcement = `${describe(n)}. ${incoming} in, ${outgoing} out.${open}`;
    }
    if (reveal) {
      const p = node.renderedPosition();
      const w = cy.width();
      const h = cy.height();
      if (p.x < 40 || p.y < 30 || p.x > w - 40 || p.y > h - 30) cy.center(node);
      this.showTooltip(id);
    }
  }

  private onCanvasFocus = () => {
    if (this.active || !this.shown) return;
    const first =
      (this.focusNode && this.shownIds.has(this.focusNode) ? this.focusNode : undefined) ??
      this.shown.nodes.find((n) => n.kind === 'ScaledObject' || n.kind === 'ScaledJob')?.id ??
      this.shown.nodes[0]?.id;
    this.setActive(first, true);
  };

  private onKeyDown = (event: KeyboardEvent) => {
    const keys: Record<string, Direction> = {
      ArrowLeft: 'left',
      ArrowRight: 'right',
      ArrowUp: 'up',
      ArrowDown: 'down',
    };
    const direction = keys[event.key];
    if (direction) {
      event.preventDefault();
      if (!this.active) return this.onCanvasFocus();
      if (!this.shown || !this.layout) return;
      const next = nextNode(this.shown, this.layout.positions, this.active, direction);
      if (next) this.setActive(next, true);
      return;
    }
    if (event.key === 'Enter' && this.active) {
      event.preventDefault();
      this.open(this.active, event);
    } else if ((event.key === 'f' || event.key === 'F') && this.active) {
      this.setFocus(this.active);
    } else if (event.key === 'Escape' && this.focusNode) {
      this.setFocus('');
    } else if (event.key === '+' || event.key === '=') {
      this.zoomBy(1.25);
    } else if (event.key === '-') {
      this.zoomBy(1 / 1.25);
    } else if (event.key === '0') {
      this.fit();
    }
  };

  private showTooltip(id: string): void {
    const tip = this.tooltip;
    const n = this.shownIds.get(id);
    const cy = this.cy;
    if (!tip || !n || !cy) return;
    const title = document.createElement('strong');
    title.textContent = n.label;
    const caption = document.createElement('span');
    caption.className = 'caption';
    caption.textContent = [n.caption, n.stateLabel, n.namespace].filter(Boolean).join(' · ');
    const dl = document.createElement('dl');
    for (const [label, value] of n.details) {
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.textContent = value;
      dl.append(dt, dd);
    }
    const hint = document.createElement('span');
    hint.className = 'caption';
    hint.textContent = this.hrefOf(id) ? 'Click to open · double-click to focus' : 'Double-click to focus';
    tip.replaceChildren(title, caption, dl, hint);
    tip.hidden = false;
    const p = cy.getElementById(id).renderedPosition();
    const half = (NODE_WIDTH * cy.zoom()) / 2;
    const w = cy.width();
    const tipWidth = tip.offsetWidth;
    const right = p.x + half + 12;
    tip.style.left = `${right + tipWidth > w ? Math.max(4, p.x - half - 12 - tipWidth) : right}px`;
    tip.style.top = `${Math.max(4, Math.min(p.y - 20, cy.height() - tip.offsetHeight - 4))}px`;
  }

  private hideTooltip(): void {
    if (this.tooltip) this.tooltip.hidden = true;
  }
}

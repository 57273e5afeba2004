import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface VirtualRange {
  /** First row to render (inclusive). */
  start: number;
  /** Row after the last one to render (exclusive). */
  end: number;
  /** Space above and below the rendered rows, in px, so the scrollbar stays true. */
  padTop: number;
  padBottom: number;
}

/**
 * The height the scroller grows to (its max-height in px, else the window's), so that a short list that
 * gets longer renders the rows that will be in view at once, not as many as fit its current height.
 */
function capacity(scroller: HTMLElement): number {
  // A percentage stays a percentage in the computed style: the window's height bounds it.
  const max = getComputedStyle(scroller).maxHeight;
  return max.endsWith('px') ? parseFloat(max) : window.innerHeight;
}

/** How long the user's changes pause before the deferred overscan rows are rendered. */
const OVERSCAN_AFTER_MS = 100;

/**
 * Renders only the rows of a long, fixed-row-height list that are in view (plus an overscan), so
 * 10,000 rows cost as much as 40. The host calls `observe(scroller)` once it has rendered its
 * scroll container and `range(count)` while rendering.
 */
export class VirtualWindowController implements ReactiveController {
  private scroller: HTMLElement | undefined;
  private scrollTop = 0;
  private viewport = 600;
  private frame: number | undefined;
  /** The next range leaves the overscan out; a render once the user pauses brings it. */
  private overscanDeferred = false;
  private overscanTimer: ReturnType<typeof setTimeout> | undefined;
  /** The scroller's capacity (see `capacity`), read again only when it resizes: not per scroll frame. */
  private capacityPx: number | undefined;
  private readonly resize =
    typeof ResizeObserver === 'undefined'
      ? undefined
      : new ResizeObserver(() => {
          this.capacityPx = undefined;
          this.measure();
        });
  /** A max-height in vh follows the window even while the scroller's own size stays put. */
  private readonly onWindowResize = () => {
    this.capacityPx = undefined;
  };
  private readonly onScroll = () => {
    if (this.frame !== undefined) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      this.measure();
    });
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly rowHeight: number,
    private readonly overscan = 8,
    /** Height of a sticky header inside the scroller, which hides that much of the rows. */
    private readonly headerHeight = 0,
  ) {
    host.addController(this);
  }

  observe(scroller: HTMLElement | null): void {
    if (!scroller || scroller === this.scroller) return;
    this.release();
    this.scroller = scroller;
    this.capacityPx = undefined;
    scroller.addEventListener('scroll', this.onScroll, { passive: true });
    window.addEventListener('resize', this.onWindowResize);
    this.resize?.observe(scroller);
    this.onScroll();
  }

  /**
   * The next render shows only the rows in view, so that a change the user made (a filter
   * keystroke) lays out and paints no row nobody sees; the overscan follows once the changes pause
   * for OVERSCAN_AFTER_MS (while someone types, every keystroke replaces those rows anyway).
   * Scrolling renders the overscan at once.
   */
  deferOverscan(): void {
    this.overscanDeferred = true;
  }

  range(count: number): VirtualRange {
    const { first, last } = this.inView(this.scrollTop, this.viewport);
    const full = this.rows(count, first, last, this.overscan);
    if (!this.overscanDeferred) return full;
    this.overscanDeferred = false;
    const inView = this.rows(count, first, last, 0);
    if (inView.start !== full.start || inView.end !== full.end) this.renderOverscanLater();
    return inView;
  }

  /** The first row in view and the one past the last any part of which is in view. */
  private inView(scrollTop: number, viewport: number): { first: number; last: number } {
    const rowsHeight = Math.max(0, viewport - this.headerHeight);
    return {
      first: Math.floor(scrollTop / this.rowHeight),
      last: Math.ceil((scrollTop + rowsHeight) / this.rowHeight),
    };
  }

  private rows(count: number, first: number, last: number, overscan: number): VirtualRange {
    const start = Math.max(0, Math.min(count, first - overscan));
    const end = Math.min(count, last + overscan);
    return {
      start,
      end,
      padTop: start * this.rowHeight,
      padBottom: Math.max(0, (count - end) * this.rowHeight),
    };
  }

  /** Scrolls so that row `index` is visible (keyboard navigation, "reveal"). */
  reveal(index: number, headerHeight = 0): void {
    const scroller = this.scroller;
    if (!scroller) return;
    const top = index * this.rowHeight;
    const bottom = top + this.rowHeight;
    const viewTop = scroller.scrollTop;
    const viewBottom = viewTop + scroller.clientHeight - headerHeight;
    if (top < viewTop) scroller.scrollTop = top;
    else if (bottom > viewBottom) scroller.scrollTop = bottom - scroller.clientHeight + headerHeight;
  }

  hostDisconnected(): void {
    this.release();
  }

  private renderOverscanLater(): void {
    clearTimeout(this.overscanTimer);
    this.overscanTimer = setTimeout(() => {
      this.overscanTimer = undefined;
      this.host.requestUpdate();
    }, OVERSCAN_AFTER_MS);
  }

  private measure(): void {
    const scroller = this.scroller;
    if (!scroller) return;
    const top = scroller.scrollTop;
    this.capacityPx ??= capacity(scroller);
    const height = Math.max(scroller.clientHeight, this.capacityPx) || this.viewport;
    // Sideways scrolling needs no render: the scroller is marked, for styles (the pinned columns).
    scroller.toggleAttribute('data-scrolled-x', scroller.scrollLeft > 0);
    const before = this.inView(this.scrollTop, this.viewport);
    const after = this.inView(top, height);
    const bucketChanged =
      before.first !== after.first || before.last !== after.last || height !== this.viewport;
    this.scrollTop = top;
    this.viewport = height;
    if (bucketChanged) this.host.requestUpdate();
  }

  private release(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    clearTimeout(this.overscanTimer);
    this.frame = undefined;
    this.overscanTimer = undefined;
    if (this.scroller) {
      this.scroller.removeEventListener('scroll', this.onScroll);
      window.removeEventListener('resize', this.onWindowResize);
      this.resize?.unobserve(this.scroller);
    }
    this.scroller = undefined;
  }
}

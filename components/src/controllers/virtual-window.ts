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
 * Renders only the rows of a long, fixed-row-height list that are in view (plus an overscan), so
 * 10,000 rows cost as much as 40. The host calls `observe(scroller)` once it has rendered its
 * scroll container and `range(count)` while rendering.
 */
export class VirtualWindowController implements ReactiveController {
  private scroller: HTMLElement | undefined;
  private scrollTop = 0;
  private viewport = 600;
  private frame: number | undefined;
  private readonly resize =
    typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => this.measure());
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
    scroller.addEventListener('scroll', this.onScroll, { passive: true });
    this.resize?.observe(scroller);
    this.onScroll();
  }

  range(count: number): VirtualRange {
    const first = Math.floor(this.scrollTop / this.rowHeight);
    const visible = Math.ceil(Math.max(0, this.viewport - this.headerHeight) / this.rowHeight);
    const start = Math.max(0, Math.min(count, first - this.overscan));
    const end = Math.min(count, first + visible + this.overscan);
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

  private measure(): void {
    const scroller = this.scroller;
    if (!scroller) return;
    const top = scroller.scrollTop;
    const height = scroller.clientHeight || this.viewport;
    const bucketChanged =
      Math.floor(top / this.rowHeight) !== Math.floor(this.scrollTop / this.rowHeight) ||
      height !== this.viewport;
    this.scrollTop = top;
    this.viewport = height;
    if (bucketChanged) this.host.requestUpdate();
  }

  private release(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    if (this.scroller) {
      this.scroller.removeEventListener('scroll', this.onScroll);
      this.resize?.unobserve(this.scroller);
    }
    this.scroller = undefined;
  }
}

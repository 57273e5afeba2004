import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { asciiAdvances, surelyFits, type AsciiAdvances } from '../core/list/text-fit.js';
import { cancelIdle, whenIdle } from './idle.js';

/** The fonts a list's cells are set in: the row's own, the bold name, the monospace kind. */
export type CellFont = 'plain' | 'name' | 'mono';

/** Whether a text surely fits its column in the given cell font (false while unknown). */
export type Fit = (text: string, font?: CellFont) => boolean;

const NEVER: Fit = () => false;

const measured = new Map<string, AsciiAdvances>();
let context: CanvasRenderingContext2D | null | undefined;

/**
 * The advances of a CSS font, measured once per page in a canvas (the document's fonts);
 * undefined when the canvas cannot set the font.
 */
export function fontAdvances(font: string): AsciiAdvances | undefined {
  const known = measured.get(font);
  if (known) return known;
  context ??= typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return undefined;
  // A font the canvas cannot parse leaves the previous one in place: measure nothing then.
  context.font = '1px serif';
  const fallback = context.font;
  context.font = font;
  if (context.font === fallback) return undefined;
  const ctx = context;
  const advances = asciiAdvances((char) => ctx.measureText(char).width);
  measured.set(font, advances);
  return advances;
}

function fontOf(element: Element): string {
  const style = getComputedStyle(element);
  return `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
}

/**
 * What a list derives from its header's columns, measured with a ResizeObserver on the header
 * cells (the header row is the one grid that resolves the `fr` tracks):
 *
 * - The data rows are pinned to the header's tracks: once measured they lay out as flex rows of
 *   fixed-width cells, which the browser lays out cheaper than one grid per row. The widths are
 *   rewritten in the observer's callback, before paint, so rows never lag behind the header.
 * - Which texts surely fit their column (`fitFor`), so only the others are clipped with an
 *   ellipsis. Fonts come from the first rendered data row; until fonts and widths are known
 *   nothing fits, and the host re-renders in idle time once they are.
 */
export class HeaderColumnsController implements ReactiveController {
  private readonly widths = new Map<string, number>();
  private readonly fits = new Map<string, Fit>();
  private fonts: Partial<Record<CellFont, AsciiAdvances>> = {};
  private headers: HTMLElement[] = [];
  private table: HTMLElement | undefined;
  private idle: number | undefined;
  private readonly resize =
    typeof ResizeObserver === 'undefined'
      ? undefined
      : new ResizeObserver((entries) => this.resized(entries));
  /** The rules pinning the data rows' cells to the header's tracks. */
  private readonly pins =
    typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype
      ? new CSSStyleSheet()
      : undefined;
  private pinned = '';
  private stale = false;
  private readonly fontsLoaded = () => {
    measured.clear();
    this.fonts = {};
    this.stale = true;
    this.refitWhenIdle();
  };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    document.fonts?.addEventListener('loadingdone', this.fontsLoaded);
  }

  hostDisconnected(): void {
    document.fonts?.removeEventListener('loadingdone', this.fontsLoaded);
    if (this.idle !== undefined) cancelIdle(this.idle);
    this.idle = undefined;
    this.resize?.disconnect();
    this.headers = [];
    this.table = undefined;
    this.pinned = '';
    this.pins?.replaceSync('');
  }

  /** The fit of one column's texts. */
  fitFor(column: string): Fit {
    return this.fits.get(column) ?? NEVER;
  }

  /** After each render: watches the table's header cells and reads the cells' fonts once rows exist. */
  track(table: HTMLElement | null): void {
    this.table = table ?? undefined;
    if (table) this.adoptPins(table);
    const row = table?.firstElementChild;
    const headers = row?.classList.contains('header') ? ([...row.children] as HTMLElement[]) : [];
    if (headers.length !== this.headers.length || headers.some((h, i) => h !== this.headers[i])) {
      this.resize?.disconnect();
      this.headers = headers;
      for (const header of headers) this.resize?.observe(header);
    }
    if (this.fontToRead()) this.refitWhenIdle();
  }

  private adoptPins(table: HTMLElement): void {
    const root = table.getRootNode();
    const pins = this.pins;
    if (!pins || !(root instanceof ShadowRoot) || !Array.isArray(root.adoptedStyleSheets)) return;
    if (root.adoptedStyleSheets.includes(pins)) return;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, pins];
  }

  private resized(entries: ResizeObserverEntry[]): void {
    this.pin();
    let changed = false;
    for (const entry of entries) {
      const column = (entry.target as HTMLElement).dataset.column;
      if (!column || this.widths.get(column) === entry.contentRect.width) continue;
      this.widths.set(column, entry.contentRect.width);
      changed = true;
    }
    if (changed) {
      this.stale = true;
      this.refitWhenIdle();
    }
  }

  /** Gives each data row's cells the widths of the header's (layout is fresh in the callback). */
  private pin(): void {
    if (!this.pins) return;
    const rows = '.scroller > .row:not(.header)';
    const widths = this.headers.map((h) => h.getBoundingClientRect().width);
    const rules = widths.every((w) => w > 0)
      ? [
          `${rows} { display: flex; }`,
          `${rows} > * { flex: none; box-sizing: border-box; }`,
          ...widths.map((w, i) => `${rows} > :nth-child(${i + 1}) { width: ${w}px; }`),
        ].join('\n')
      : '';
    if (rules === this.pinned) return;
    this.pinned = rules;
    this.pins.replaceSync(rules);
  }

  /**
   * Reads the fonts and re-renders the host in idle time: clipped or not, a text that fits looks
   * the same, so the first rows are painted without waiting for fonts or a second render.
   */
  private refitWhenIdle(): void {
    if (this.idle !== undefined) return;
    this.idle = whenIdle(() => {
      this.idle = undefined;
      if (this.readFonts()) this.stale = true;
      if (this.stale) this.changed();
    });
  }

  /** The cells of the first data row whose font is not known yet, by font. */
  private unreadFonts(): Array<[CellFont, Element]> {
    const row = this.table?.querySelector('.row:not(.header)');
    if (!row) return [];
    const cells: Array<[CellFont, Element | null]> = [
      ['plain', row],
      ['name', row.querySelector('.name')],
      ['mono', row.querySelector('.mono')],
    ];
    return cells.filter((c): c is [CellFont, Element] => !this.fonts[c[0]] && c[1] !== null);
  }

  private fontToRead(): boolean {
    return !(this.fonts.plain && this.fonts.name && this.fonts.mono) && this.unreadFonts().length > 0;
  }

  /** Measures the fonts not known yet from the first data row; true when one was learned. */
  private readFonts(): boolean {
    let learned = false;
    for (const [font, element] of this.unreadFonts()) {
      const advances = fontAdvances(fontOf(element));
      if (!advances) continue;
      this.fonts[font] = advances;
      learned = true;
    }
    return learned;
  }

  private changed(): void {
    this.stale = false;
    this.fits.clear();
    const fonts = this.fonts;
    for (const [column, width] of this.widths) {
      this.fits.set(column, (text, font = 'plain') => surelyFits(text, fonts[font], width));
    }
    this.host.requestUpdate();
  }
}

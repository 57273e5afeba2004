import type { Core } from 'cytoscape';
import type { RelationshipGraphElement } from './keda-relationship-graph.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Reads and drives a rendered `keda-relationship-graph` as a person (or a screen reader) would. */
export class RelationshipGraphHarness {
  constructor(readonly element: RelationshipGraphElement) {}

  private get root(): ShadowRoot {
    const root = this.element.shadowRoot;
    if (!root) throw new Error('no shadow root');
    return root;
  }

  /** The canvas library instance (tests only: to click a node where a person would). */
  private get cy(): Core | undefined {
    return (this.element as unknown as { cy: Core | undefined }).cy;
  }

  async settle(): Promise<void> {
    for (let i = 0; i < 3; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await this.element.updateComplete;
    }
  }

  /** Waits until the canvas shows `count` nodes (or any, when unset). */
  async waitForCanvas(count?: number): Promise<void> {
    for (let i = 0; i < 150; i += 1) {
      await this.settle();
      const n = this.cy?.nodes().length ?? 0;
      if (n > 0 && (count === undefined || n === count)) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`canvas never showed ${count ?? 'any'} nodes (has ${this.cy?.nodes().length ?? 0})`);
  }

  /** The state message's title (Loading…, Nothing to show, Cannot read ScaledObjects…), or ''. */
  messageTitle(): string {
    return text(this.root.querySelector('.message h3'));
  }

  messageText(): string {
    return text(this.root.querySelector('.message'));
  }

  summary(): string {
    return text(this.root.querySelector('.toolbar .summary'));
  }

  /** The list alternative, one string per object. */
  listItems(): string[] {
    return [...this.root.querySelectorAll('.list li')].map((li) => text(li));
  }

  /** Links of the list alternative by label. */
  links(): Array<{ label: string; href: string }> {
    return [...this.root.querySelectorAll<HTMLAnchorElement>('.list a')].map((a) => ({
      label: text(a),
      href: a.getAttribute('href') ?? '',
    }));
  }

  isListVisible(): boolean {
    return !!this.root.querySelector('.list.list-view');
  }

  canvasNodeIds(): string[] {
    return this.cy?.nodes().map((n) => n.id()) ?? [];
  }

  /** The canvas border colour of a node, as drawn. */
  borderColour(id: string): string {
    return String(this.cy?.getElementById(id).style('border-color') ?? '');
  }

  /** A click on a node, as cytoscape reports it. */
  tapNode(id: string): void {
    const node = this.cy?.getElementById(id);
    if (!node || node.empty()) throw new Error(`no node ${id}`);
    node.emit('tap');
  }

  hoverNode(id: string): void {
    const node = this.cy?.getElementById(id);
    if (!node || node.empty()) throw new Error(`no node ${id}`);
    node.emit('mouseover');
  }

  tooltip(): HTMLElement | null {
    const tip = this.root.querySelector<HTMLElement>('.tooltip');
    return tip && !tip.hidden ? tip : null;
  }

  focusCanvas(): void {
    this.root.querySelector<HTMLElement>('.canvas')?.focus();
  }

  async key(key: string): Promise<void> {
    this.root
      .querySelector('.canvas')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
    await this.settle();
  }

  /** What the live region last said about the keyboard-selected object. */
  announcement(): string {
    return text(this.root.querySelector('#graph-status'));
  }

  async clickButton(label: string): Promise<void> {
    const button = [...this.root.querySelectorAll('button')].find(
      (b) => text(b) === label || b.getAttribute('aria-label') === label,
    );
    if (!button) throw new Error(`no button "${label}"`);
    button.click();
    await this.settle();
  }

  zoom(): number {
    return this.cy?.zoom() ?? 0;
  }
}

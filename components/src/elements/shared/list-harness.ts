import type { LitElement } from 'lit';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Drives a rendered `keda-*-list` the way a person would: reads rows, types, clicks. */
export class ListHarness {
  constructor(readonly element: LitElement) {}

  private get root(): ShadowRoot {
    const root = this.element.shadowRoot;
    if (!root) throw new Error(`${this.element.localName} has no shadow root`);
    return root;
  }

  async settle(): Promise<void> {
    // Store notifications are coalesced in a microtask, then Lit renders in another.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await this.element.updateComplete;
  }

  /** Column titles without sort marks. */
  headers(): string[] {
    return [...this.root.querySelectorAll('[role="columnheader"]')].map((h) =>
      text(h).replace(/[▲▼]/g, '').trim(),
    );
  }

  /** Rendered data rows (not the header), each as its cells' visible text. */
  rows(): string[][] {
    return [...this.root.querySelectorAll('[role="row"]:not(.header):not(.no-match)')].map((row) =>
      [...row.querySelectorAll('[role="cell"]')].map((cell) => text(cell)),
    );
  }

  names(): string[] {
    return this.rows().map((r) => r[0] ?? '');
  }

  row(name: string): Record<string, string> | undefined {
    const headers = this.headers();
    const cells = this.rows().find((r) => r[0] === name);
    if (!cells) return undefined;
    return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']));
  }

  rowElement(name: string): HTMLElement | undefined {
    return [...this.root.querySelectorAll<HTMLElement>('[role="row"]')].find(
      (r) => text(r.querySelector('[role="cell"]')) === name,
    );
  }

  cellTitle(name: string, column: string): string {
    const index = this.headers().indexOf(column);
    return this.rowElement(name)?.querySelectorAll('[role="cell"]')[index]?.getAttribute('title') ?? '';
  }

  ariaSort(column: string): string | null {
    const index = this.headers().indexOf(column);
    return this.root.querySelectorAll('[role="columnheader"]')[index]?.getAttribute('aria-sort') ?? null;
  }

  async sortBy(column: string): Promise<void> {
    const index = this.headers().indexOf(column);
    const button = this.root.querySelectorAll('[role="columnheader"]')[index]?.querySelector('button');
    if (!button) throw new Error(`no sortable column ${column}`);
    button.click();
    await this.settle();
  }

  async typeFilter(value: string): Promise<void> {
    const input = this.root.querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) throw new Error('no filter input');
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await this.settle();
  }

  filterErrors(): string[] {
    return [...this.root.querySelectorAll('.filter-errors span')].map((e) => text(e));
  }

  async openNamespaces(): Promise<string[]> {
    this.root.querySelector<HTMLButtonElement>('.ns-button')?.click();
    await this.settle();
    return [...this.root.querySelectorAll('.ns-option')].map((o) => text(o));
  }

  async toggleNamespace(label: string): Promise<void> {
    const option = [...this.root.querySelectorAll('.ns-option')].find((o) => text(o) === label);
    const box = option?.querySelector<HTMLInputElement>('input');
    if (!box) throw new Error(`no namespace option ${label}`);
    box.click();
    await this.settle();
  }

  countText(): string {
    return text(this.root.querySelector('.count'));
  }

  statusText(): string {
    return text(this.root.querySelector('[part="status"]'));
  }

  message(): { title: string; text: string } | undefined {
    const message = this.root.querySelector('[part="message"]');
    if (!message) return undefined;
    return { title: text(message.querySelector('h2')), text: text(message) };
  }

  isLoading(): boolean {
    return this.root.querySelector('[aria-busy="true"]') !== null;
  }

  tableRowCount(): number {
    return Number(this.root.querySelector('[role="table"]')?.getAttribute('aria-rowcount') ?? 0);
  }

  async scrollTo(fraction: number): Promise<void> {
    const scroller = this.root.querySelector<HTMLElement>('.scroller');
    if (!scroller) throw new Error('no scroller');
    scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * fraction;
    scroller.dispatchEvent(new Event('scroll'));
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    await this.settle();
  }

  linkHref(name: string): string | undefined {
    return this.rowElement(name)?.querySelector('a')?.getAttribute('href') ?? undefined;
  }
}

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
    return [...this.root.querySelectorAll('[role="columnheader"]:not(.select)')].map((h) =>
      text(h).replace(/[▲▼]/g, '').trim(),
    );
  }

  /** Rendered data rows (not the header), each as its cells' visible text. */
  rows(): string[][] {
    return [...this.root.querySelectorAll('[role="row"]:not(.header):not(.no-match)')].map((row) =>
      [...row.querySelectorAll('[role="cell"]:not(.select)')].map((cell) => text(cell)),
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
      (r) => text(r.querySelector('[role="cell"]:not(.select)')) === name,
    );
  }

  cell(name: string, column: string): HTMLElement | undefined {
    const index = this.headers().indexOf(column);
    return this.rowElement(name)?.querySelectorAll<HTMLElement>('[role="cell"]:not(.select)')[index];
  }

  cellTitle(name: string, column: string): string {
    return this.cell(name, column)?.getAttribute('title') ?? '';
  }

  /** Every data cell, for checks that hold across the table. */
  cells(): HTMLElement[] {
    return [
      ...this.root.querySelectorAll<HTMLElement>('[role="row"]:not(.header) [role="cell"]:not(.select)'),
    ];
  }

  ariaSort(column: string): string | null {
    const index = this.headers().indexOf(column);
    return (
      this.root.querySelectorAll('[role="columnheader"]:not(.select)')[index]?.getAttribute('aria-sort') ??
      null
    );
  }

  async sortBy(column: string): Promise<void> {
    const index = this.headers().indexOf(column);
    const headers = this.root.querySelectorAll('[role="columnheader"]:not(.select)');
    const button = headers[index]?.querySelector('button');
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

  // Selection and bulk actions.

  private checkbox(name: string): HTMLInputElement {
    const box = this.rowElement(name)?.querySelector<HTMLInputElement>('.select input');
    if (!box) throw new Error(`no row ${name} with a checkbox`);
    return box;
  }

  isChecked(name: string): boolean {
    return this.checkbox(name).checked && this.rowElement(name)?.getAttribute('aria-selected') === 'true';
  }

  /** Clicks a row's checkbox (with shift for a range). */
  async check(name: string, options: { shift?: boolean } = {}): Promise<void> {
    const box = this.checkbox(name);
    box.dispatchEvent(
      new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, shiftKey: !!options.shift }),
    );
    await this.settle();
  }

  /** The row checkbox, for keyboard tests (focus it, press space). */
  checkboxOf(name: string): HTMLInputElement {
    return this.checkbox(name);
  }

  private get selectAll(): HTMLInputElement {
    const box = this.root.querySelector<HTMLInputElement>('.select-all');
    if (!box) throw new Error('no select-all checkbox');
    return box;
  }

  /** The header checkbox: `all`, `some` (indeterminate) or `none`. */
  selectAllState(): 'all' | 'some' | 'none' {
    const box = this.selectAll;
    return box.indeterminate ? 'some' : box.checked ? 'all' : 'none';
  }

  selectAllLabel(): string {
    return this.selectAll.getAttribute('aria-label') ?? '';
  }

  async toggleAll(): Promise<void> {
    this.selectAll.click();
    await this.settle();
  }

  /** The bulk bar's text (count), or undefined when it is hidden. */
  bulkBar(): string | undefined {
    const bar = this.root.querySelector('[part="bulk-bar"]');
    return bar ? text(bar.querySelector('.bulk-count')) : undefined;
  }

  bulkActions(): string[] {
    return [...this.root.querySelectorAll('[part="bulk-bar"] .bulk-action')].map((b) => text(b));
  }

  async bulk(label: string): Promise<void> {
    const button = [...this.root.querySelectorAll<HTMLButtonElement>('[part="bulk-bar"] button')].find(
      (b) => text(b) === label,
    );
    if (!button) throw new Error(`no bulk action ${label}`);
    button.click();
    await this.settle();
  }

  /** The open confirmation dialog: its title and the names it lists. */
  confirmation(): { title: string; names: string[] } | undefined {
    const dialog = this.root.querySelector<HTMLDialogElement>('dialog.confirm');
    if (!dialog?.open) return undefined;
    return {
      title: text(dialog.querySelector('h2')),
      names: [...dialog.querySelectorAll('.confirm-names li')].map((li) => text(li)),
    };
  }

  async answerConfirmation(confirm: boolean): Promise<void> {
    const button = this.root.querySelector<HTMLButtonElement>(
      confirm ? 'dialog.confirm .confirm-delete' : 'dialog.confirm .confirm-cancel',
    );
    if (!button) throw new Error('no confirmation open');
    button.click();
    await this.settle();
  }

  /** What the last bulk action reported: the summary line and each failure's text. */
  bulkResult(): { summary: string; failures: string[] } | undefined {
    const report = this.root.querySelector('[part="bulk-result"]');
    if (!report) return undefined;
    return {
      summary: text(report.querySelector('p')),
      failures: [...report.querySelectorAll('.failures li')].map((li) => text(li)),
    };
  }
}

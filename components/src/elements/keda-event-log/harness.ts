import type { EventLog } from './keda-event-log.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Reads and drives a rendered `keda-event-log` as a person would. */
export class EventLogHarness {
  constructor(readonly element: EventLog) {}

  private get root(): ShadowRoot {
    const root = this.element.shadowRoot;
    if (!root) throw new Error('no shadow root');
    return root;
  }

  async settle(): Promise<void> {
    await this.element.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    await this.element.updateComplete;
  }

  state(): 'loading' | 'empty' | 'error' | 'data' {
    if (this.root.querySelector('.state-box.error')) return 'error';
    if (this.root.querySelector('[part="toolbar"]')) return 'data';
    return text(this.root.querySelector('.state-box')).startsWith('Loading') ? 'loading' : 'empty';
  }

  stateText(): string {
    return text(this.root.querySelector('.state-box'));
  }

  /** Rows as `{when, type, reason, object, source, count, message}` texts, newest first. */
  rows(): Array<Record<'when' | 'type' | 'reason' | 'object' | 'source' | 'count' | 'message', string>> {
    return [...this.root.querySelectorAll('tbody tr')].map((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => text(td));
      const [when = '', type = '', reason = '', object = '', source = '', count = '', message = ''] = cells;
      return { when, type, reason, object, source, count, message };
    });
  }

  /** The href of the object link in row `index`, if any. */
  objectHref(index: number): string | undefined {
    return (
      this.root.querySelectorAll('tbody tr')[index]?.querySelector('td.object a')?.getAttribute('href') ??
      undefined
    );
  }

  /** The options of a filter menu (`type`, `reason`, `source`), without "All". */
  options(name: 'type' | 'reason' | 'source'): string[] {
    return [...this.root.querySelectorAll(`select[name="${name}"] option`)].map((o) => text(o)).slice(1);
  }

  async choose(name: 'type' | 'reason' | 'source', value: string): Promise<void> {
    const select = this.root.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
    if (!select) throw new Error(`no ${name} menu`);
    select.value = value;
    select.dispatchEvent(new Event('change'));
    await this.settle();
  }

  async search(value: string): Promise<void> {
    const input = this.root.querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) throw new Error('no search box');
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await this.settle();
  }

  count(): string {
    return text(this.root.querySelector('.count'));
  }

  has(selector: string): boolean {
    return this.root.querySelector(selector) !== null;
  }
}

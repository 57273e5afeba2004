import type { ScaledObjectList } from './keda-scaled-object-list.js';

/** Reads a rendered `keda-scaled-object-list` the way a person would: headers, rows, messages. */
export class ScaledObjectListHarness {
  constructor(readonly element: ScaledObjectList) {}

  private get root(): ShadowRoot {
    const root = this.element.shadowRoot;
    if (!root) throw new Error('keda-scaled-object-list has no shadow root');
    return root;
  }

  async settle(): Promise<void> {
    // Store notifications are coalesced in a microtask, then Lit renders in another.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await this.element.updateComplete;
  }

  headers(): string[] {
    return [...this.root.querySelectorAll('[role="columnheader"]')].map((h) => h.textContent?.trim() ?? '');
  }

  /** Data rows (not the header), each as its cells' visible text. */
  rows(): string[][] {
    return [...this.root.querySelectorAll('[role="row"]:not(.header)')].map((row) =>
      [...row.querySelectorAll('[role="cell"]')].map((cell) => cell.textContent?.trim() ?? ''),
    );
  }

  row(name: string): Record<string, string> | undefined {
    const headers = this.headers();
    const cells = this.rows().find((r) => r[0] === name);
    if (!cells) return undefined;
    return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']));
  }

  statusText(): string {
    return this.root.querySelector('[part="status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  message(): { title: string; text: string } | undefined {
    const message = this.root.querySelector('[part="message"]');
    if (!message) return undefined;
    return {
      title: message.querySelector('h2')?.textContent?.trim() ?? '',
      text: message.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    };
  }

  isLoading(): boolean {
    return this.root.querySelector('[aria-busy="true"]') !== null;
  }

  linkHref(name: string): string | undefined {
    const row = [...this.root.querySelectorAll('[role="row"]')].find(
      (r) => r.querySelector('[role="cell"]')?.textContent?.trim() === name,
    );
    return row?.querySelector('a')?.getAttribute('href') ?? undefined;
  }
}

import type { KedaOverview } from './keda-overview.js';

/** Reads and drives a `keda-overview` the way a user would, for tests. */
export class OverviewHarness {
  constructor(readonly element: KedaOverview) {}

  private get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  async settle(): Promise<void> {
    await this.element.updateComplete;
  }

  private card(kind: 'ScaledObjects' | 'ScaledJobs'): Element | null {
    return this.root.querySelector(`[part="counts"][aria-label="${kind} by state"]`);
  }

  total(kind: 'ScaledObjects' | 'ScaledJobs'): string {
    return this.card(kind)?.querySelector('.total')?.textContent?.trim() ?? '';
  }

  /** `{Ready: 2, Active: 1, …}` as shown. */
  counts(kind: 'ScaledObjects' | 'ScaledJobs'): Record<string, string> {
    const out: Record<string, string> = {};
    for (const item of this.card(kind)?.querySelectorAll('[part="count"]') ?? []) {
      out[item.querySelector('.state')?.textContent?.trim() ?? ''] =
        item.querySelector('.n')?.textContent?.trim() ?? '';
    }
    return out;
  }

  /** The href of a state's count (undefined: plain text). */
  countHref(kind: 'ScaledObjects' | 'ScaledJobs', label: string): string | undefined {
    for (const item of this.card(kind)?.querySelectorAll('[part="count"]') ?? []) {
      if (item.querySelector('.state')?.textContent?.trim() === label)
        return item instanceof HTMLAnchorElement ? (item.getAttribute('href') ?? undefined) : undefined;
    }
    return undefined;
  }

  health(): Array<{ id: string; status: string; detail: string }> {
    return [...this.root.querySelectorAll<HTMLElement>('[part="health-item"]')].map((li) => ({
      id: li.dataset.check ?? '',
      status: ['ok', 'problem', 'unknown', 'checking'].find((s) => li.classList.contains(s)) ?? '',
      detail: li.querySelector('.detail')?.textContent?.trim() ?? '',
    }));
  }

  /** Recent scaling events: `{who, change, reason, href}`. */
  events(): Array<{ who: string; change: string; reason: string; href: string | null }> {
    return [...this.root.querySelectorAll<HTMLElement>('.event')].map((li) => ({
      who: li.querySelector('.who')?.textContent?.replace(/\s+/g, '') ?? '',
      change: li.querySelector('.change')?.textContent?.trim() ?? '',
      reason: li.dataset.reason ?? '',
      href: li.querySelector('.who a')?.getAttribute('href') ?? null,
    }));
  }

  eventsText(): string {
    return this.root.querySelector('[part="events"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  /** Most active rows as `namespace/name changes replicas`. */
  mostActive(): string[] {
    return [...this.root.querySelectorAll('[part="active"] tbody tr')].map((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, '') ?? '');
      return `${cells[0]} ${cells[2]} ${cells[3]}`;
    });
  }

  statusText(): string {
    return this.root.querySelector('[part="status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  bannerText(): string {
    return this.root.querySelector('.banner')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  async chooseRange(range: string): Promise<void> {
    const select = this.root.querySelector<HTMLSelectElement>('[part="events"] select')!;
    select.value = range;
    select.dispatchEvent(new Event('change'));
    await this.settle();
  }

  async checkAgain(): Promise<void> {
    this.root.querySelector<HTMLButtonElement>('.health button')!.click();
    await this.settle();
  }
}

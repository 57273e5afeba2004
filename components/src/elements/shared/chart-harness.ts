import { getInstanceByDom } from 'echarts/core';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

interface SeriesOwner {
  getSeriesByIndex(index: number): { getData(): { count(): number } };
}

/** What the live-chart harnesses share: the state shown, the toolbar, the text alternative, the chart's option. */
export class ChartHarness<E extends HTMLElement & { updateComplete: Promise<boolean> }> {
  constructor(readonly element: E) {}

  protected get root(): ShadowRoot {
    const root = this.element.shadowRoot;
    if (!root) throw new Error('no shadow root');
    return root;
  }

  async settle(): Promise<void> {
    await this.element.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    await this.element.updateComplete;
  }

  /** `loading`, `empty`, `error` or `data`. */
  state(): 'loading' | 'empty' | 'error' | 'data' {
    if (this.root.querySelector('.state-box.error')) return 'error';
    if (this.root.querySelector('.plot')) return 'data';
    const box = text(this.root.querySelector('.state-box'));
    return box.startsWith('Loading') ? 'loading' : 'empty';
  }

  /** Whether anything in the shadow DOM matches `selector` (e.g. markup that must never appear). */
  has(selector: string): boolean {
    return this.root.querySelector(selector) !== null;
  }

  /** The text of the state box (loading, empty or error). */
  stateText(): string {
    return text(this.root.querySelector('.state-box'));
  }

  toolbar(): string {
    return text(this.root.querySelector('[part="toolbar"]'));
  }

  /** The accessible name of the plot (the summary sentence). */
  summary(): string {
    return this.root.querySelector('.plot')?.getAttribute('aria-label') ?? '';
  }

  /** The text alternative's rows as cell texts (row header first). */
  tableRows(): string[][] {
    return [...this.root.querySelectorAll('[part="text-alternative"] tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => text(c)),
    );
  }

  async clickButton(label: string): Promise<void> {
    const button = [...this.root.querySelectorAll('button')].find((b) => text(b) === label);
    if (!button) throw new Error(`no button "${label}"`);
    button.click();
    await this.settle();
  }

  buttons(): string[] {
    return [...this.root.querySelectorAll('button')].map((b) => text(b));
  }

  /** The ECharts option in force (what is drawn). */
  option(): Record<string, unknown> & { series: Array<Record<string, unknown>> } {
    const plot = this.root.querySelector<HTMLElement>('.plot');
    const chart = plot ? getInstanceByDom(plot) : undefined;
    if (!chart) throw new Error('no chart');
    return chart.getOption() as Record<string, unknown> & { series: Array<Record<string, unknown>> };
  }

  /** How many points series `index` holds as ECharts reads its data (what it draws). */
  seriesPointCount(index = 0): number {
    const plot = this.root.querySelector<HTMLElement>('.plot');
    const chart = plot ? getInstanceByDom(plot) : undefined;
    if (!chart) throw new Error('no chart');
    const model = (chart as unknown as { getModel(): SeriesOwner }).getModel();
    return model.getSeriesByIndex(index).getData().count();
  }

  /** The chart's connect group. */
  group(): string | undefined {
    const plot = this.root.querySelector<HTMLElement>('.plot');
    return plot ? getInstanceByDom(plot)?.group : undefined;
  }

  /** Every text the chart's tooltip would show for the data index `dataIndex` of series 0. */
  async tooltipAt(dataIndex: number): Promise<{ text: string; html: string }> {
    const plot = this.root.querySelector<HTMLElement>('.plot');
    const chart = plot ? getInstanceByDom(plot) : undefined;
    if (!chart || !plot) throw new Error('no chart');
    chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex });
    await new Promise((r) => setTimeout(r, 50));
    const tip = [...plot.querySelectorAll<HTMLElement>('div')].find((d) => d.querySelector('.keda-tooltip'));
    const box = tip?.querySelector('.keda-tooltip');
    return { text: text(box), html: box?.innerHTML ?? '' };
  }
}

import type { ScaledObjectDetails } from './keda-scaled-object-details.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Reads and drives a rendered `keda-scaled-object-details` as a person would. */
export class ScaledObjectDetailsHarness {
  constructor(readonly element: ScaledObjectDetails) {}

  private get root(): ShadowRoot {
    const root = this.element.shadowRoot;
    if (!root) throw new Error('no shadow root');
    return root;
  }

  async settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await this.element.updateComplete;
  }

  stateLabel(): string {
    return text(this.root.querySelector('header .state'));
  }

  summary(): string {
    return text(this.root.querySelector('header .summary'));
  }

  /** A section's text by its title (Conditions, Scaling, Scale target, HPA, Triggers…). */
  section(title: string): string {
    const section = [...this.root.querySelectorAll('section')].find(
      (s) => text(s.querySelector('h3')) === title,
    );
    return text(section);
  }

  /** The value of a `<dt>` label in any section. */
  term(label: string): string {
    const dt = [...this.root.querySelectorAll('dt')].find((d) => text(d) === label);
    return text(dt?.nextElementSibling);
  }

  /** Trigger table rows as cell texts. */
  triggerRows(): string[][] {
    const section = [...this.root.querySelectorAll('section')].find(
      (s) => text(s.querySelector('h3')) === 'Triggers',
    );
    return [...(section?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => text(td)),
    );
  }

  async click(label: string): Promise<void> {
    const button = [...this.root.querySelectorAll('button')].find(
      (b) => text(b) === label && b.offsetParent !== null,
    );
    if (!button) throw new Error(`no visible button "${label}"`);
    button.click();
    await this.settle();
  }

  async setReplicas(value: string): Promise<void> {
    const input = this.root.querySelector<HTMLInputElement>('dialog.pause-replicas input');
    if (!input) throw new Error('no replicas input');
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await this.settle();
  }

  notice(): string {
    return text(this.root.querySelector('.notice'));
  }

  message(): string {
    return text(this.root.querySelector('.message'));
  }
}

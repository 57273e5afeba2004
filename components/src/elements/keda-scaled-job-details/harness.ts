import type { LitElement } from 'lit';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/**
 * Reads and drives a rendered details element (`keda-scaled-job-details`,
 * `keda-trigger-auth-details`) as a person would: by section titles, labels, table rows and
 * button texts.
 */
export class DetailsHarness {
  constructor(readonly element: LitElement) {}

  protected get root(): ShadowRoot {
    const root = this.element.shadowRoot;
    if (!root) throw new Error('no shadow root');
    return root;
  }

  async settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await this.element.updateComplete;
  }

  /** All visible text of the shadow DOM (what a screen reader could reach). */
  allText(): string {
    return text(this.root as unknown as Element);
  }

  title(): string {
    return text(this.root.querySelector('header h2'));
  }

  stateLabel(): string {
    return text(this.root.querySelector('header .state'));
  }

  summary(): string {
    return text(this.root.querySelector('header .summary'));
  }

  private sectionEl(title: string): HTMLElement | undefined {
    return [...this.root.querySelectorAll('section')].find((s) => text(s.querySelector('h3')) === title);
  }

  /** A section's text by its title. */
  section(title: string): string {
    return text(this.sectionEl(title));
  }

  /** The value of a `<dt>` label, in one section or any. */
  term(label: string, section?: string): string {
    const scope = section ? this.sectionEl(section) : this.root;
    const dt = [...(scope?.querySelectorAll('dt') ?? [])].find((d) => text(d) === label);
    return text(dt?.nextElementSibling);
  }

  /** A section's table body rows as cell texts. */
  rows(section: string): string[][] {
    return [...(this.sectionEl(section)?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => text(td)),
    );
  }

  /** The links of a section: text and href. */
  links(section: string): Array<{ text: string; href: string }> {
    return [...(this.sectionEl(section)?.querySelectorAll('a') ?? [])].map((a) => ({
      text: text(a),
      href: a.getAttribute('href') ?? '',
    }));
  }

  headerLink(label: string): string | undefined {
    const a = [...this.root.querySelectorAll('header a')].find((l) => text(l) === label);
    return a?.getAttribute('href') ?? undefined;
  }

  /** Clicks a visible button by its text (inside an open dialog when one is open). */
  async click(label: string): Promise<void> {
    const open = this.root.querySelector('dialog[open]');
    const scope = open ?? this.root;
    const button = [...scope.querySelectorAll('button')].find(
      (b) => text(b) === label && (open !== null || b.offsetParent !== null),
    );
    if (!button) throw new Error(`no visible button "${label}"`);
    button.click();
    await this.settle();
  }

  dialogText(): string {
    return text(this.root.querySelector('dialog[open]'));
  }

  notice(): string {
    return text(this.root.querySelector('.notice'));
  }

  message(): string {
    return text(this.root.querySelector('.message'));
  }
}

/** Reads and drives a rendered `keda-scaled-job-details`. */
export class ScaledJobDetailsHarness extends DetailsHarness {
  jobRows(): string[][] {
    return this.rows('Jobs');
  }

  triggerRows(): string[][] {
    return this.rows('Triggers');
  }

  containerRows(): string[][] {
    return this.rows('Job template');
  }
}

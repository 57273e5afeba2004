import type { WizardStep } from '../../core/keda/wizard.js';
import type { WhatIfChart } from './internal/what-if-chart.js';
import type { CreateWizard } from './keda-create-wizard.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Drives a rendered `keda-create-wizard` the way a person would: reads steps and fields, types, clicks. */
export class CreateWizardHarness {
  constructor(readonly element: CreateWizard) {}

  private get root(): ShadowRoot {
    const root = this.element.shadowRoot;
    if (!root) throw new Error('no shadow root');
    return root;
  }

  async settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await this.element.updateComplete;
  }

  currentStep(): WizardStep {
    return this.root.querySelector('[data-current-step]')?.getAttribute('data-current-step') as WizardStep;
  }

  stepTitle(): string {
    return text(this.root.querySelector('#step-title'));
  }

  /** The step buttons' states: `current`, `visited`, `locked`, with `!` when the step has errors. */
  steps(): string[] {
    return [...this.root.querySelectorAll<HTMLButtonElement>('[data-step]')].map(
      (b) =>
        `${b.dataset.step}:${b.getAttribute('aria-current') === 'step' ? 'current' : b.disabled ? 'locked' : 'visited'}${
          b.classList.contains('has-error') ? '!' : ''
        }`,
    );
  }

  private button(action: string): HTMLButtonElement {
    const b = this.root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
    if (!b) throw new Error(`no ${action} button`);
    return b;
  }

  async next(): Promise<void> {
    this.button('next').click();
    await this.settle();
  }

  async back(): Promise<void> {
    this.button('back').click();
    await this.settle();
  }

  async goToStep(step: WizardStep): Promise<void> {
    const b = this.root.querySelector<HTMLButtonElement>(`[data-step="${step}"]`);
    if (!b || b.disabled) throw new Error(`step ${step} is not reachable`);
    b.click();
    await this.settle();
  }

  field<T extends HTMLElement = HTMLInputElement>(id: string): T | null {
    return this.root.querySelector<T>(`[data-field="${CSS.escape(id)}"]`);
  }

  /** Types into an input or textarea, or chooses an option of a select, by field id. */
  async set(id: string, value: string): Promise<void> {
    const el = this.field<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(id);
    if (!el) throw new Error(`no field ${id}`);
    el.value = value;
    el.dispatchEvent(
      new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }),
    );
    await this.settle();
  }

  value(id: string): string {
    return this.field<HTMLInputElement>(id)?.value ?? '';
  }

  /** Clicks a checkbox or radio by field id. */
  async click(id: string): Promise<void> {
    const el = this.field(id);
    if (!el) throw new Error(`no field ${id}`);
    el.click();
    await this.settle();
  }

  async pickWorkload(kindSlashName: string): Promise<void> {
    const el = this.root.querySelector<HTMLInputElement>(`[data-workload="${kindSlashName}"]`);
    if (!el) throw new Error(`no workload ${kindSlashName}`);
    el.click();
    await this.settle();
  }

  workloads(): string[] {
    return [...this.root.querySelectorAll('[data-workload]')].map(
      (w) => w.getAttribute('data-workload') ?? '',
    );
  }

  notice(): string {
    return text(this.root.querySelector('.notice'));
  }

  async searchTriggers(query: string): Promise<string[]> {
    await this.set('picker.query', query);
    return [...this.root.querySelectorAll('.picker-item')].map((b) => b.getAttribute('data-type') ?? '');
  }

  async addTrigger(type: string): Promise<string> {
    const add = this.root.querySelector<HTMLButtonElement>('[data-action="add-trigger"]');
    if (add) {
      add.click();
      await this.settle();
    }
    await this.searchTriggers(type);
    const button = this.root.querySelector<HTMLButtonElement>(`.picker-item[data-type="${type}"]`);
    if (!button) throw new Error(`no trigger type ${type} in the picker`);
    button.click();
    await this.settle();
    const triggers = this.root.querySelectorAll('section.trigger[data-trigger]');
    return triggers[triggers.length - 1]?.getAttribute('data-trigger') ?? '';
  }

  /** The id of the trigger at a position (on the Triggers and Authentication steps). */
  triggerId(index: number): string {
    return this.root.querySelectorAll('section[data-trigger]')[index]?.getAttribute('data-trigger') ?? '';
  }

  /** Field id of a trigger parameter, by trigger position. */
  paramField(index: number, key: string): string {
    const sections = this.root.querySelectorAll('section.trigger[data-trigger]');
    const id = sections[index]?.getAttribute('data-trigger');
    return `trigger.${id}.param.${key}`;
  }

  async setParam(index: number, key: string, value: string): Promise<void> {
    await this.set(this.paramField(index, key), value);
  }

  async setParamSource(index: number, key: string, source: 'value' | 'auth' | 'env'): Promise<void> {
    const section = this.root.querySelectorAll('section.trigger[data-trigger]')[index];
    const button = section?.querySelector<HTMLButtonElement>(
      `[data-param="${key}"] [data-source="${source}"]`,
    );
    if (!button) throw new Error(`no source ${source} for ${key}`);
    button.click();
    await this.settle();
  }

  /** Types a Secret value into its password input (the only place it is ever shown). */
  async typeSecret(parameter: string, value: string): Promise<void> {
    const input = this.root.querySelector<HTMLInputElement>(`input[data-secret="${parameter}"]`);
    if (!input) throw new Error(`no secret input for ${parameter}`);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await this.settle();
  }

  /** The Secret names the Authentication step offers (its datalist for the Secret name). */
  secretsOffered(): string[] {
    return [...this.root.querySelectorAll('datalist#wizard-secrets option')].map(
      (o) => o.getAttribute('value') ?? '',
    );
  }

  /** The key names offered for the chosen Secret (the datalist of the Secret key inputs). */
  secretKeysOffered(): string[] {
    return [...this.root.querySelectorAll('datalist#wizard-secret-keys option')].map(
      (o) => o.getAttribute('value') ?? '',
    );
  }

  secretInput(parameter: string): HTMLInputElement | null {
    return this.root.querySelector<HTMLInputElement>(`input[data-secret="${parameter}"]`);
  }

  /** The messages shown under a field (client validation and API problems). */
  messagesFor(field: string): string {
    return text(this.root.querySelector(`[data-messages-for="${CSS.escape(field)}"]`));
  }

  errorSummary(): string {
    return text(this.root.querySelector('.issue-summary'));
  }

  /** The focused element inside the wizard. */
  focused(): Element | null {
    return this.root.activeElement;
  }

  reviewStatus(role: string): string {
    return text(this.root.querySelector(`[data-status="${role}"]`));
  }

  reviewYaml(role: string): string {
    return this.root.querySelector(`section.object[data-role="${role}"] pre`)?.textContent ?? '';
  }

  reviewProblems(role: string): string {
    return text(this.root.querySelector(`section.object[data-role="${role}"] .api-problems`));
  }

  async fixIn(role: string): Promise<void> {
    const button = this.root.querySelector<HTMLButtonElement>(
      `section.object[data-role="${role}"] .api-problems button`,
    );
    if (!button) throw new Error(`no fix link for ${role}`);
    button.click();
    await this.settle();
  }

  canCreate(): boolean {
    return !this.button('create').disabled;
  }

  async create(): Promise<void> {
    this.button('create').click();
    await this.settle();
  }

  async dryRun(): Promise<void> {
    this.button('dry-run').click();
    await this.settle();
  }

  outcome(): string {
    return text(this.root.querySelector('[part="outcome"]'));
  }

  async clickText(label: string): Promise<void> {
    const button = [...this.root.querySelectorAll('button')].find((b) => text(b) === label);
    if (!button) throw new Error(`no button "${label}"`);
    button.click();
    await this.settle();
  }

  chart(): WhatIfChart | null {
    return this.root.querySelector('keda-what-if-chart');
  }

  /** The what-if preview's message when it shows no chart (no preview yet, simulating, KEDA's error). */
  whatIfNotice(): string {
    return text(this.root.querySelector('section.what-if .notice'));
  }

  whatIfSummary(): string {
    return text(this.chart()?.shadowRoot?.querySelector('figcaption'));
  }

  whatIfRows(): string[][] {
    return [...(this.chart()?.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => text(td)),
    );
  }

  /** Everything rendered, markup and text, including the chart's own shadow root. */
  renderedMarkup(): string {
    return `${this.root.innerHTML}${this.chart()?.shadowRoot?.innerHTML ?? ''}`;
  }
}

import { closeCompletion, currentCompletions, startCompletion } from '@codemirror/autocomplete';
import { closeHoverTooltips, EditorView } from '@codemirror/view';
import type { YamlEditor } from './keda-yaml-editor.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

export interface HarnessProblem {
  line: number;
  column: number;
  severity: string;
  source: string;
  message: string;
}

export interface HarnessHoverDoc {
  /** `spec.pollingInterval` */
  field: string;
  /** `integer`, `string · required` */
  type: string;
  description: string;
  /** `default 30 · minimum 1` */
  facts: string;
}

/** Reads and drives a rendered `keda-yaml-editor` as a person would (typing goes through CodeMirror). */
export class YamlEditorHarness {
  constructor(readonly element: YamlEditor) {}

  private get root(): ShadowRoot {
    const root = this.element.shadowRoot;
    if (!root) throw new Error('no shadow root');
    return root;
  }

  async settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await this.element.updateComplete;
  }

  /** `loading`, `empty`, `error`, `data` (the editor), or `none`. */
  state(): string {
    return this.root.querySelector<HTMLElement>('[data-state]')?.dataset.state ?? 'none';
  }

  /** The title and text of a loading / empty / error message. */
  message(): string {
    return text(this.root.querySelector('.message'));
  }

  view(): EditorView {
    const dom = this.root.querySelector<HTMLElement>('.cm-editor');
    const view = dom ? EditorView.findFromDOM(dom) : null;
    if (!view) throw new Error('no editor');
    return view;
  }

  hasEditor(): boolean {
    return this.root.querySelector('.cm-editor') !== null;
  }

  text(): string {
    return this.view().state.doc.toString();
  }

  /** Replaces the whole text, as typing would (a user input transaction, subject to read-only). */
  async setText(value: string): Promise<void> {
    const view = this.view();
    view.dispatch({
      changes: { from: 0, to: view.state.doc.length, insert: value },
      userEvent: 'input.type',
    });
    await this.settle();
  }

  /** Replaces the first occurrence of `search` in the text. */
  async replace(search: string, replacement: string): Promise<void> {
    const current = this.text();
    const from = current.indexOf(search);
    if (from < 0) throw new Error(`"${search}" is not in the text`);
    this.view().dispatch({
      changes: { from, to: from + search.length, insert: replacement },
      userEvent: 'input.type',
    });
    await this.settle();
  }

  /** The problems list. */
  problems(): HarnessProblem[] {
    return [...this.root.querySelectorAll<HTMLElement>('.problems li')].map((li) => ({
      line: Number(li.dataset.line),
      column: Number(li.dataset.column),
      severity: li.dataset.severity ?? '',
      source: li.dataset.source ?? '',
      message: text(li.querySelector('.text')),
    }));
  }

  /** 1-based lines that carry a lint mark in the editor. */
  markedLines(): number[] {
    const lines = [...this.root.querySelectorAll('.cm-content > .cm-line')];
    const marked = new Set<number>();
    for (const mark of this.root.querySelectorAll('.cm-lintRange')) {
      const line = mark.closest('.cm-line');
      if (line) marked.add(lines.indexOf(line) + 1);
    }
    return [...marked].sort((a, b) => a - b);
  }

  buttons(): string[] {
    return [...this.root.querySelectorAll('button')].map((b) => text(b));
  }

  button(label: string): HTMLButtonElement | undefined {
    return [...this.root.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === label);
  }

  async click(label: string): Promise<void> {
    const button = this.button(label);
    if (!button) throw new Error(`no button "${label}" (have: ${this.buttons().join(' | ')})`);
    if (button.disabled) throw new Error(`button "${label}" is disabled`);
    button.click();
    await this.settle();
  }

  /** The text of a notice or panel: `failure`, `done`, `draft`, `live-changed`, `rebased`, `review`, `conflict`, `readonly-notice`. */
  notice(name: string): string {
    return text(this.root.querySelector(`.${name}`));
  }

  /** `text → href` of the links inside a panel or notice. */
  links(name: string): string[] {
    return [...this.root.querySelectorAll<HTMLAnchorElement>(`.${name} a[href]`)].map(
      (a) => `${text(a)} → ${a.getAttribute('href')}`,
    );
  }

  failureKind(): string | undefined {
    return this.root.querySelector<HTMLElement>('.failure')?.dataset.kind;
  }

  /** Diff lines (`+ text`, `- text`, `  text`) of the diff inside a panel. */
  diff(panel: string): string[] {
    return [...this.root.querySelectorAll(`.${panel} .diff > div:not(.gap)`)].map((d) =>
      (d.textContent ?? '').replace(/\s+$/, ''),
    );
  }

  /** The status beside the actions: errors to fix, unsaved changes, what is running. */
  status(): string {
    return this.root.querySelector('footer .count')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  /** Everything shown outside the editor (notices, panels, problems, status). */
  textOutsideEditor(): string {
    const clone = this.root.querySelector('.root')?.cloneNode(true) as HTMLElement | undefined;
    clone?.querySelector('.editor')?.remove();
    return clone?.textContent ?? '';
  }

  /** Opens completion at the end of the text and returns the offered labels. */
  async completeAtEnd(): Promise<string[]> {
    return this.completeAt(this.view().state.doc.length);
  }

  /** Opens completion right after the first occurrence of `search` and returns the offered labels. */
  async completeAfter(search: string): Promise<string[]> {
    return this.completeAt(this.offsetOf(search) + search.length);
  }

  private async completeAt(pos: number): Promise<string[]> {
    const view = this.view();
    closeCompletion(view);
    view.dispatch({ selection: { anchor: pos } });
    view.focus();
    startCompletion(view);
    for (let i = 0; i < 100; i += 1) {
      const options = currentCompletions(view.state);
      if (options.length > 0) return options.map((o) => o.label);
      await new Promise((r) => setTimeout(r, 10));
    }
    return [];
  }

  /**
   * Moves the mouse onto the first character of the first occurrence of `search` and returns the
   * hover documentation that opens (undefined when none opens within a second).
   */
  async hoverDocs(search: string): Promise<HarnessHoverDoc | undefined> {
    const view = this.view();
    const pos = this.offsetOf(search);
    view.dispatch({ effects: [closeHoverTooltips, EditorView.scrollIntoView(pos, { y: 'center' })] });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const box = view.coordsAtPos(pos, 1);
    if (!box) throw new Error(`"${search}" is not visible`);
    const x = (box.left + box.right) / 2;
    const y = (box.top + box.bottom) / 2;
    const target = this.root.elementFromPoint(x, y) ?? view.contentDOM;
    target.dispatchEvent(
      new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true, composed: true }),
    );
    for (let i = 0; i < 100; i += 1) {
      const doc = this.root.querySelector('.cm-tooltip-hover .keda-doc');
      if (doc) {
        return {
          field: doc.querySelector('.keda-doc-title')?.firstChild?.textContent ?? '',
          type: text(doc.querySelector('.keda-doc-type')),
          description: text(doc.querySelector('.keda-doc-body')),
          facts: text(doc.querySelector('.keda-doc-facts')),
        };
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    return undefined;
  }

  private offsetOf(search: string): number {
    const from = this.text().indexOf(search);
    if (from < 0) throw new Error(`"${search}" is not in the text`);
    return from;
  }
}

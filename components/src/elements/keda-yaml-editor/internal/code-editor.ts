/**
 * The CodeMirror 6 view behind `keda-yaml-editor`, built from the pieces it needs only (no
 * `basicSetup`): YAML language, history, line numbers, the schema's completion and hover, lint
 * marks for the element's own checks (pushed with `setDiagnostics`, no lint scheduling of its
 * own), read-only switching and the theme. Styles go into the element's shadow root.
 */
import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { indentOnInput } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import type { LocatedIssue } from '../../../core/keda/check-edit.js';
import { editorTheme } from './editor-theme.js';
import { yamlIndent } from './yaml-indent.js';
import { schemaCompletion, schemaHover, type SchemaAt } from './schema-assist.js';

export interface CodeEditorOptions {
  parent: HTMLElement;
  root: ShadowRoot;
  text: string;
  readOnly: boolean;
  /** Accessible name of the text area. */
  label: string;
  /** The schema for completion and hover at a place in the text. */
  schema: SchemaAt;
  /** After every change of the text by the person or by `replaceText`. */
  onChange: (text: string) => void;
  /** Mod-S. */
  onSave: () => void;
}

export class CodeEditor {
  readonly view: EditorView;
  private readonly readOnly = new Compartment();

  constructor(options: CodeEditorOptions) {
    this.view = new EditorView({
      parent: options.parent,
      root: options.root,
      state: EditorState.create({
        doc: options.text,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          drawSelection(),
          history(),
          indentOnInput(),
          yaml(),
          yamlIndent,
          EditorState.tabSize.of(2),
          autocompletion({ override: [schemaCompletion(options.schema)], icons: false }),
          schemaHover(options.schema),
          lintGutter(),
          keymap.of([
            { key: 'Mod-s', run: () => (options.onSave(), true), preventDefault: true },
            ...completionKeymap,
            ...defaultKeymap,
            ...historyKeymap,
            indentWithTab,
          ]),
          this.readOnly.of(readOnlyExtensions(options.readOnly)),
          // An explicit tab stop: the scrolling text is reachable by keyboard even read-only
          // (axe's scrollable-region-focusable does not count contenteditable as focusable).
          EditorView.contentAttributes.of({ 'aria-label': options.label, tabindex: '0' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) options.onChange(update.state.doc.toString());
          }),
          editorTheme,
        ],
      }),
    });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  /** Replaces the whole text as one undoable change (Mod-Z brings the previous text back). */
  replaceText(text: string): void {
    if (text === this.text) return;
    this.view.dispatch({
      changes: { from: 0, to: this.view.state.doc.length, insert: text },
      userEvent: 'input.replace',
    });
  }

  setReadOnly(readOnly: boolean): void {
    this.view.dispatch({ effects: this.readOnly.reconfigure(readOnlyExtensions(readOnly)) });
  }

  /** Shows these problems as marks in the text and the gutter. */
  setIssues(issues: readonly LocatedIssue[]): void {
    const length = this.view.state.doc.length;
    const diagnostics: Diagnostic[] = issues.map((issue) => {
      const from = Math.max(0, Math.min(issue.from, length));
      const to = Math.max(from, Math.min(issue.to, length));
      return {
        from,
        to,
        severity: issue.severity,
        source: issue.source,
        message: issue.hint ? `${issue.message}\n${issue.hint}` : issue.message,
      };
    });
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
  }

  /** Puts the cursor at a 1-based line and column and focuses the text. */
  focusAt(line: number, column: number): void {
    const doc = this.view.state.doc;
    const l = doc.line(Math.max(1, Math.min(line, doc.lines)));
    const pos = Math.min(l.from + Math.max(0, column - 1), l.to);
    this.view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
    this.view.focus();
  }

  destroy(): void {
    this.view.destroy();
  }
}

function readOnlyExtensions(readOnly: boolean) {
  return [
    EditorState.readOnly.of(readOnly),
    EditorView.contentAttributes.of({ 'aria-readonly': String(readOnly) }),
  ];
}

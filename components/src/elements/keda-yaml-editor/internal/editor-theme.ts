/**
 * CodeMirror's look from the element's `--keda-*` properties (through the `--_*` variables of
 * `themeStyles`), so the editor follows light and dark like the rest of the element.
 */
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import type { Extension } from '@codemirror/state';
import { tags } from '@lezer/highlight';

const theme = EditorView.theme({
  '&': {
    color: 'var(--_fg)',
    backgroundColor: 'var(--_bg)',
    fontSize: 'var(--keda-editor-font-size, 13px)',
    height: '100%',
  },
  '&.cm-focused': { outline: '2px solid var(--_accent)', outlineOffset: '-2px' },
  '.cm-scroller': { fontFamily: 'var(--_mono)', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--_fg)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--_fg)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection':
    { backgroundColor: 'color-mix(in srgb, var(--_accent) 28%, transparent)' },
  '.cm-gutters': {
    backgroundColor: 'var(--_surface)',
    color: 'var(--_muted)',
    borderRight: '1px solid var(--_border)',
  },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--_fg) 4%, transparent)' },
  '.cm-activeLineGutter': {
    backgroundColor: 'color-mix(in srgb, var(--_fg) 8%, transparent)',
    color: 'var(--_fg)',
  },
  '.cm-tooltip': {
    backgroundColor: 'var(--_bg)',
    color: 'var(--_fg)',
    border: '1px solid var(--_border)',
    borderRadius: '6px',
    boxShadow: '0 4px 16px color-mix(in srgb, var(--_fg) 18%, transparent)',
  },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    backgroundColor: 'var(--_accent)',
    color: 'var(--_on-accent)',
  },
  '.cm-completionDetail': { color: 'var(--_muted)', fontStyle: 'normal', marginLeft: '1em' },
  '.cm-tooltip.cm-completionInfo': { maxWidth: '32em', whiteSpace: 'pre-wrap', padding: '6px 10px' },
  '.cm-diagnostic': { whiteSpace: 'pre-wrap' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--_error)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--_warn)' },
  '.cm-lintRange-error': {
    backgroundImage: 'none',
    textDecoration: 'underline wavy var(--_error)',
    textUnderlineOffset: '3px',
  },
  '.cm-lintRange-warning': {
    backgroundImage: 'none',
    textDecoration: 'underline wavy var(--_warn)',
    textUnderlineOffset: '3px',
  },
  '.keda-doc': { maxWidth: '36em', padding: '6px 10px', fontFamily: 'var(--_font)', fontSize: '13px' },
  '.keda-doc-title': { fontFamily: 'var(--_mono)', fontWeight: '600', marginBottom: '4px' },
  '.keda-doc-type': { color: 'var(--_muted)', fontWeight: 'normal', marginLeft: '0.6em' },
  '.keda-doc-body': { whiteSpace: 'pre-wrap' },
  '.keda-doc-facts': { color: 'var(--_muted)', marginTop: '4px' },
});

const highlight = HighlightStyle.define([
  { tag: tags.definition(tags.propertyName), color: 'var(--_syntax-key)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--_syntax-string)' },
  { tag: tags.content, color: 'var(--_fg)' },
  { tag: tags.lineComment, color: 'var(--_muted)', fontStyle: 'italic' },
  { tag: [tags.separator, tags.punctuation, tags.squareBracket, tags.brace], color: 'var(--_muted)' },
  { tag: [tags.labelName, tags.typeName, tags.meta, tags.keyword], color: 'var(--_syntax-meta)' },
]);

export const editorTheme: Extension = [theme, syntaxHighlighting(highlight)];

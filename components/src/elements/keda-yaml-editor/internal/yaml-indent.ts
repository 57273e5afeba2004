/**
 * Indentation for a new line in YAML, as a person expects it: like the line above; two more after
 * a `key:` that opens a block (or `key: |`); under the key after `- key: value`. Replaces the
 * syntax-tree guess, which indents after any scalar value.
 */
import { indentService } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { newLineIndent } from '../../../core/keda/yaml-cursor.js';

export const yamlIndent: Extension = indentService.of((context, pos) => {
  // The nearest non-blank line above the new one gives the indentation.
  let line = context.lineAt(pos, -1);
  let text = line.text.slice(0, pos - line.from);
  while (text.trim() === '' && line.from > 0) {
    line = context.lineAt(line.from - 1, -1);
    text = line.text;
  }
  return text.trim() === '' ? 0 : newLineIndent(text);
});

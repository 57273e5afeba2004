/**
 * Where in the object a cursor is, from the text alone (which is usually half-typed and does not
 * parse): the path of the mapping a key is being typed in, or of the field whose value is being
 * typed. Reads block YAML by indentation as a person does: keys, `- ` items (also at their
 * parent's indentation), block scalars and comments; flow collections are treated as values.
 */
import type { FieldPath } from './crd-schema.js';

export interface CursorContext {
  /** `key`: typing a field name; `value`: typing the value after `key: `. */
  position: 'key' | 'value';
  /** For `key`: the mapping the key goes into. For `value`: the field being given a value. */
  path: FieldPath;
  /** The word typed so far and where it starts (what a completion replaces). */
  prefix: string;
  from: number;
  /** Keys already written in the same mapping above the cursor. */
  siblings: string[];
}

interface Frame {
  col: number;
  kind: 'root' | 'key' | 'item';
  segment: string | number | undefined;
  /** For keys: written with an inline value (then nothing nests under it). */
  inline: boolean;
  items: number;
  keys: string[];
}

interface LineShape {
  indent: number;
  /** Columns of `- ` item markers on the line. */
  dashes: number[];
  /** The key and its column, when the line (after dashes) starts `key:`. */
  key?: { name: string; col: number; value: string };
  /** Column where the content after the dashes starts. */
  contentCol: number;
  content: string;
}

const KEY =
  /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"\-?:,[\]{}&*!|>%@`][^:#]*?|-[^\s:#][^:#]*?))\s*:(?:\s+(.*)|\s*$)/;

function shape(line: string): LineShape {
  const indent = line.length - line.trimStart().length;
  const dashes: number[] = [];
  let col = indent;
  while (line[col] === '-' && (line[col + 1] === ' ' || line[col + 1] === undefined)) {
    dashes.push(col);
    col += 1;
    while (line[col] === ' ') col += 1;
  }
  const content = line.slice(col);
  const m = KEY.exec(content);
  const name = m ? (m[1] ?? m[2]?.replace(/''/g, "'") ?? m[3] ?? '') : undefined;
  return {
    indent,
    dashes,
    contentCol: col,
    content,
    key: m && name !== undefined ? { name: name.trimEnd(), col, value: (m[4] ?? '').trim() } : undefined,
  };
}

const isBlockScalarIndicator = (value: string) => /^[|>][-+0-9]*\s*(#.*)?$/.test(value);

class Tracker {
  readonly stack: Frame[] = [
    { col: -1, kind: 'root', segment: undefined, inline: false, items: 0, keys: [] },
  ];

  private top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  item(col: number): void {
    while (this.stack.length > 1) {
      const top = this.top();
      if (top.col > col || (top.col === col && (top.kind === 'item' || top.inline))) this.stack.pop();
      else break;
    }
    const parent = this.top();
    this.stack.push({ col, kind: 'item', segment: parent.items, inline: false, items: 0, keys: [] });
    parent.items += 1;
  }

  /** Pops to the mapping a key at `col` belongs to, and returns that mapping's frame. */
  parentOfKey(col: number): Frame {
    while (this.stack.length > 1 && this.top().col >= col) this.stack.pop();
    return this.top();
  }

  key(col: number, name: string, inline: boolean): void {
    const parent = this.parentOfKey(col);
    parent.keys.push(name);
    this.stack.push({ col, kind: 'key', segment: name, inline, items: 0, keys: [] });
  }

  path(): (string | number)[] {
    return this.stack.slice(1).map((f) => f.segment!) as (string | number)[];
  }
}

/** The cursor's place in the object, or undefined inside a comment, a block scalar or a flow collection. */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (before.includes('#')) return undefined;

  const tracker = new Tracker();
  const lines = text.slice(0, lineStart).split('\n');
  lines.pop(); // the empty remainder after the last newline
  let blockScalarCol: number | undefined;
  let flowDepth = 0;
  for (const raw of lines) {
    const trimmed = raw.trim();
    if (blockScalarCol !== undefined) {
      if (trimmed === '' || raw.length - raw.trimStart().length > blockScalarCol) continue;
      blockScalarCol = undefined;
    }
    if (flowDepth > 0) {
      flowDepth += (raw.match(/[[{]/g)?.length ?? 0) - (raw.match(/[\]}]/g)?.length ?? 0);
      continue;
    }
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (trimmed === '---' || trimmed === '...') {
      tracker.stack.length = 1;
      continue;
    }
    const s = shape(raw);
    for (const d of s.dashes) tracker.item(d);
    if (s.key) {
      const inline = s.key.value !== '' && !s.key.value.startsWith('#');
      tracker.key(s.key.col, s.key.name, inline && !isBlockScalarIndicator(s.key.value));
      if (isBlockScalarIndicator(s.key.value)) blockScalarCol = s.key.col;
      const opened = (s.key.value.match(/[[{]/g)?.length ?? 0) - (s.key.value.match(/[\]}]/g)?.length ?? 0);
      if (opened > 0 && /^[[{]/.test(s.key.value)) flowDepth = opened;
    }
  }
  if (
    blockScalarCol !== undefined &&
    (before.trim() === '' || before.length - before.trimStart().length > blockScalarCol)
  ) {
    return undefined;
  }
  if (flowDepth > 0) return undefined;

  const s = shape(before);
  for (const d of s.dashes) tracker.item(d);
  if (s.key && (before.endsWith(' ') || before.endsWith(':') || s.key.value !== '')) {
    if (/^[[{"']/.test(s.key.value)) return undefined;
    const parent = tracker.parentOfKey(s.key.col);
    const siblings = [...parent.keys];
    const prefix = s.key.value;
    return {
      position: 'value',
      path: [...tracker.path(), s.key.name],
      prefix,
      from: offset - prefix.length,
      siblings,
    };
  }
  const word = /[^\s:]*$/.exec(s.content)?.[0] ?? '';
  if (s.content.includes(':')) return undefined;
  const col = s.contentCol;
  const parent = tracker.parentOfKey(col);
  return {
    position: 'key',
    path: tracker.path(),
    prefix: word,
    from: offset - word.length,
    siblings: [...parent.keys],
  };
}

/** The path of the field whose key (or scalar value) is on the line at `offset`, for hover docs. */
export function fieldAt(text: string, offset: number): FieldPath | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const s = shape(line);
  if (!s.key) return undefined;
  const colon = line.indexOf(':', s.contentCol);
  const context = cursorContext(text, lineStart + colon + 1 + (line[colon + 1] === ' ' ? 1 : 0));
  if (!context) return undefined;
  if (context.position === 'value') return context.path;
  return [...context.path, s.key.name];
}

/** A line that starts a document (`---`) or ends one (`...`). */
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?=[ \t\r]|$)/;
const TOP_LEVEL_KIND = /^kind:[ \t]*(?:"([^"]*)"|'([^']*)'|([^\s#]+))/;

/**
 * The `kind:` written at the top level of the `---` document that holds `offset`, or undefined
 * when that document names none yet. Read from the text, which may not parse while it is typed.
 */
export function documentKindAt(text: string, offset: number): string | undefined {
  const lines = text.split('\n');
  const cursorLine = text.slice(0, offset).split('\n').length - 1;
  let start = 0;
  for (let i = cursorLine; i >= 0; i -= 1) {
    const marker = DOCUMENT_MARKER.exec(lines[i]!)?.[0];
    // `---` belongs to the document it starts; `...` to the one it ends.
    if (marker === '---' || (marker === '...' && i < cursorLine)) {
      start = marker === '---' ? i : i + 1;
      break;
    }
  }
  for (let i = start; i < lines.length; i += 1) {
    if (i > start && DOCUMENT_MARKER.test(lines[i]!)) break;
    const m = TOP_LEVEL_KIND.exec(lines[i]!);
    if (m) return m[1] ?? m[2] ?? m[3];
  }
  return undefined;
}

/**
 * The indentation of a new line typed after `previous`, as a person expects it: like `previous`;
 * two more after a `key:` that opens a block (or `key: |`); under the key after `- key: value`.
 */
export function newLineIndent(previous: string): number {
  const indent = previous.length - previous.trimStart().length;
  const content = previous.trim();
  const dash = /^((?:-\s+)+)/.exec(content) ?? (content === '-' ? ['-', '- '] : null);
  const keyColumn = indent + (dash ? dash[1]!.length : 0);
  const rest = dash ? content.slice(dash[1]!.length) : content;
  if (rest === '') return keyColumn;
  const withoutComment = rest.replace(/\s+#.*$/, '');
  if (/:$/.test(withoutComment) || /:\s+[|>][-+0-9]*$/.test(withoutComment)) return keyColumn + 2;
  return keyColumn;
}

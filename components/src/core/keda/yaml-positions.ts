/**
 * Parses the YAML of one object and indexes where every field is written, so a problem found on
 * the parsed value (a schema error, a 422 cause's `field`) can be shown at its line and column.
 * Built on js-yaml's event stream (offsets into the source); reports syntax errors at their
 * position, every duplicated key (js-yaml stops at the first), and more than one document.
 * `parseYamlDocuments` parses a text of several `---` documents, each on its own.
 */
import {
  constructFromEvents,
  EVENT_ID,
  getScalarValue,
  parseEvents,
  SCALAR_STYLE,
  YAMLException,
  type Event,
  type ScalarEvent,
} from 'js-yaml';
import type { FieldPath } from './crd-schema.js';

/** A source range: offsets, end exclusive. */
export interface SourceRange {
  from: number;
  to: number;
}

/** Where a field is written: its key (for mapping entries) and its value. */
export interface FieldPosition {
  key?: SourceRange;
  value: SourceRange;
  /** A mapping or a sequence (its value spans lines; its key is what to mark). */
  collection?: boolean;
}

export interface YamlProblem {
  kind: 'syntax' | 'duplicate-key' | 'documents';
  message: string;
  from: number;
  to: number;
}

/** 1-based line and column. */
export interface LineColumn {
  line: number;
  column: number;
}

/** Offsets ↔ lines and columns of one text. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineColumn(offset: number): LineColumn {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - this.starts[lo]! + 1 };
  }

  /** The offset of a 1-based line and column (clamped to the text). */
  offset(line: number, column = 1): number {
    const start = this.starts[Math.max(0, Math.min(line, this.starts.length) - 1)] ?? 0;
    return Math.min(start + column - 1, this.text.length);
  }
}

const pathKey = (path: FieldPath): string => JSON.stringify(path);

/** Where each field of the parsed object is written. */
export class YamlPositionIndex {
  private readonly entries = new Map<string, FieldPosition>();
  readonly lines: LineIndex;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  /** @internal used while parsing */
  set(path: FieldPath, position: FieldPosition): void {
    this.entries.set(pathKey(path), position);
  }

  /** @internal */
  extend(path: FieldPath, to: number): void {
    const entry = this.entries.get(pathKey(path));
    if (entry && to > entry.value.to) entry.value.to = to;
  }

  get(path: FieldPath): FieldPosition | undefined {
    return this.entries.get(pathKey(path));
  }

  /**
   * The range to mark for a field: a scalar's value, a collection's key (its first line), or —
   * when the field is not written (a required field that is missing) — the key of its nearest
   * written ancestor. `exact` says whether the field itself was found.
   */
  locate(path: FieldPath): { range: SourceRange; exact: boolean; path: FieldPath } {
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const at = path.slice(0, depth);
      const entry = this.get(at);
      if (!entry) continue;
      const exact = depth === path.length;
      const collection = this.isCollection(at);
      const range =
        entry.key && (collection || !exact || entry.value.from < 0)
          ? entry.key
          : entry.value.from >= 0
            ? entry.value
            : (entry.key ?? { from: 0, to: 0 });
      return { range: { ...range }, exact, path: at };
    }
    return { range: { from: 0, to: 0 }, exact: false, path: [] };
  }

  private isCollection(path: FieldPath): boolean {
    return this.get(path)?.collection === true;
  }
}

export interface ParsedYaml {
  /** The object (last value wins for a duplicated key); `undefined` after a syntax error. */
  value: unknown;
  problems: YamlProblem[];
  index: YamlPositionIndex;
}

type Container =
  | {
      kind: 'map';
      path: FieldPath | undefined;
      key: string | undefined;
      keyRange?: SourceRange;
      keys: Map<string, SourceRange>;
    }
  | { kind: 'seq'; path: FieldPath | undefined; next: number };

function scalarRange(event: ScalarEvent): SourceRange {
  if (event.valueStart < 0) return { from: -1, to: -1 };
  const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
  return quoted
    ? { from: event.valueStart - 1, to: event.valueEnd + 1 }
    : { from: event.valueStart, to: event.valueEnd };
}

function eventStart(event: Event): number {
  switch (event.type) {
    case EVENT_ID.SCALAR:
      return event.valueStart >= 0 ? scalarRange(event).from : event.anchorStart;
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return event.start;
    case EVENT_ID.ALIAS:
      return event.anchorStart - 1;
    default:
      return -1;
  }
}

/** Parses one YAML document and indexes its fields' positions. */
export function parseYamlDocument(text: string): ParsedYaml {
  const index = new YamlPositionIndex(text);
  const problems: YamlProblem[] = [];
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: 100 });
  } catch (error) {
    const mark = error instanceof YAMLException ? error.mark : undefined;
    const from = mark ? mark.position : 0;
    problems.push({
      kind: 'syntax',
      message: error instanceof YAMLException ? error.reason : String(error),
      from,
      to: Math.min(from + 1, text.length),
    });
    return { value: undefined, problems, index };
  }

  const stack: Container[] = [];
  let documents = 0;
  let lastEnd = 0;
  const parentPaths: (FieldPath | undefined)[] = [];

  /** Registers a node that starts here and returns its path (undefined inside complex keys). */
  const place = (event: Event): FieldPath | undefined => {
    const parent = stack[stack.length - 1];
    const start = eventStart(event);
    if (!parent) {
      if (documents === 1) index.set([], { value: { from: Math.max(start, 0), to: Math.max(start, 0) } });
      return documents === 1 ? [] : undefined;
    }
    if (parent.kind === 'seq') {
      const i = parent.next;
      parent.next += 1;
      if (!parent.path) return undefined;
      const path = [...parent.path, i];
      index.set(path, { value: { from: start, to: start } });
      return path;
    }
    if (parent.key === undefined) {
      // This node is a key.
      if (event.type === EVENT_ID.SCALAR) {
        const name = getScalarValue(text, event);
        const range = scalarRange(event);
        const earlier = parent.keys.get(name);
        if (earlier) {
          problems.push({
            kind: 'duplicate-key',
            message: `duplicated mapping key "${name}"`,
            from: range.from,
            to: range.to,
          });
        }
        parent.keys.set(name, range);
        parent.key = name;
        parent.keyRange = range;
      } else {
        parent.key = '\u0000complex';
      }
      return undefined;
    }
    const key = parent.key;
    const keyRange = parent.keyRange;
    parent.key = undefined;
    parent.keyRange = undefined;
    if (!parent.path || key === '\u0000complex') return undefined;
    const path = [...parent.path, key];
    index.set(path, { key: keyRange, value: { from: start, to: start } });
    return path;
  };

  /** Whether the next node is a mapping key. */
  const atKey = (): boolean => {
    const top = stack[stack.length - 1];
    return top?.kind === 'map' && top.key === undefined;
  };

  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        documents += 1;
        break;
      case EVENT_ID.SCALAR:
      case EVENT_ID.ALIAS: {
        const wasKey = atKey();
        const path = place(event);
        const range =
          event.type === EVENT_ID.SCALAR
            ? scalarRange(event)
            : { from: event.anchorStart - 1, to: event.anchorEnd };
        if (range.to > lastEnd) lastEnd = range.to;
        if (path && !wasKey) {
          const entry = index.get(path);
          if (entry) entry.value = range;
        }
        if (documents > 1 && stack.length === 0 && range.from >= 0) {
          problems.push({
            kind: 'documents',
            message: 'only one object can be edited here: remove the extra "---" document',
            from: range.from,
            to: range.to,
          });
        }
        break;
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const inKey = atKey();
        const path = place(event);
        if (documents > 1 && stack.length === 0) {
          problems.push({
            kind: 'documents',
            message: 'only one object can be edited here: remove the extra "---" document',
            from: event.start,
            to: event.start + 1,
          });
        }
        const own = inKey ? undefined : path;
        if (own) {
          const entry = index.get(own);
          if (entry) entry.collection = true;
        }
        parentPaths.push(own);
        stack.push(
          event.type === EVENT_ID.MAPPING
            ? { kind: 'map', path: own, key: undefined, keys: new Map() }
            : { kind: 'seq', path: own, next: 0 },
        );
        if (event.start + 1 > lastEnd) lastEnd = event.start + 1;
        break;
      }
      case EVENT_ID.POP: {
        if (stack.length === 0) break; // end of a document
        stack.pop();
        const path = parentPaths.pop();
        if (path) index.extend(path, lastEnd);
        break;
      }
    }
  }

  let value: unknown;
  try {
    const docs = constructFromEvents(events, { source: text, json: true });
    value = docs[0] ?? null;
  } catch (error) {
    const mark = error instanceof YAMLException ? error.mark : undefined;
    const from = mark ? mark.position : 0;
    problems.push({
      kind: 'syntax',
      message: error instanceof YAMLException ? error.reason : String(error),
      from,
      to: Math.min(from + 1, text.length),
    });
    value = undefined;
  }
  return { value, problems, index };
}

/** One document of a multi-document text: offsets and lines are those of the whole text. */
export interface ParsedDocument extends ParsedYaml {
  /** 1-based position among the text's non-empty documents. */
  number: number;
  from: number;
  to: number;
}

/** `---` (a document starts on this line) or `...` (the document ends with this line). */
const DOCUMENT_MARKER = /^(---|\.\.\.)(?=[ \t\r]|$)/gm;

/**
 * Parses each `---` document of a text separately, so a syntax error in one leaves the others
 * checked. Each is parsed in a copy of the text whose other documents are blanked (newlines kept),
 * so its positions are those of the whole text. YAML forbids these markers at the start of a line
 * inside content, which makes the split exact. Empty documents (only comments) are left out.
 */
export function parseYamlDocuments(text: string): ParsedDocument[] {
  const bounds: number[] = [0];
  for (const m of text.matchAll(DOCUMENT_MARKER)) {
    if (m[1] === '---') bounds.push(m.index);
    else {
      const end = text.indexOf('\n', m.index);
      bounds.push(end < 0 ? text.length : end + 1);
    }
  }
  bounds.push(text.length);
  const documents: ParsedDocument[] = [];
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const from = bounds[i]!;
    const to = bounds[i + 1]!;
    if (to <= from) continue;
    const blank = (part: string) => part.replace(/[^\n]/g, ' ');
    const masked = blank(text.slice(0, from)) + text.slice(from, to) + blank(text.slice(to));
    const parsed = parseYamlDocument(masked);
    if (parsed.value === null && parsed.problems.length === 0) continue;
    documents.push({ ...parsed, number: documents.length + 1, from, to });
  }
  return documents;
}

/**
 * A small JSONPath evaluator for the subset Kubernetes uses in CRD printer columns:
 * `.a.b`, `['a.b']`, `[0]`, `[-1]`, `[1:3]`, `[*]`, `.*`, `..name`,
 * `[?(@.type=="Ready")]` (==, !=, <, <=, >, >= against string/number/bool literals or another `@`
 * path) and `[?(@.field)]` (existence). Optional `{…}` braces and a leading `$` are accepted.
 */

type Literal = string | number | boolean | null;
type Operator = '==' | '!=' | '<' | '<=' | '>' | '>=';

type Operand = { kind: 'literal'; value: Literal } | { kind: 'path'; steps: Step[] };

type Step =
  | { kind: 'field'; name: string }
  | { kind: 'recursive'; name: string | null }
  | { kind: 'wildcard' }
  | { kind: 'index'; index: number }
  | { kind: 'slice'; start: number | undefined; end: number | undefined }
  | { kind: 'filter'; left: Step[]; op: Operator | null; right: Operand | null };

export class JsonPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonPathError';
  }
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parsePath(stopAt: (ch: string) => boolean = () => false): Step[] {
    const steps: Step[] = [];
    this.skipSpaces();
    if (this.peek() === '$' || this.peek() === '@') this.pos++;
    while (this.pos < this.text.length) {
      const ch = this.peek();
      if (stopAt(ch)) break;
      if (ch === ' ') {
        this.skipSpaces();
        continue;
      }
      if (ch === '.') {
        if (this.text[this.pos + 1] === '.') {
          this.pos += 2;
          const name = this.readName();
          steps.push({ kind: 'recursive', name: name === '*' ? null : name });
        } else {
          this.pos++;
          if (this.peek() === '[' || this.pos >= this.text.length) continue;
          const name = this.readName();
          steps.push(name === '*' ? { kind: 'wildcard' } : { kind: 'field', name });
        }
        continue;
      }
      if (ch === '[') {
        steps.push(this.parseBracket());
        continue;
      }
      if (steps.length === 0) {
        // A bare leading name (`status.x`): treat like `.status.x`.
        steps.push({ kind: 'field', name: this.readName() });
        continue;
      }
      throw new JsonPathError(`unexpected "${ch}" at ${this.pos} in ${this.text}`);
    }
    return steps;
  }

  private peek(): string {
    return this.text[this.pos] ?? '';
  }

  private skipSpaces(): void {
    while (this.peek() === ' ') this.pos++;
  }

  private readName(): string {
    let name = '';
    while (this.pos < this.text.length) {
      const ch = this.peek();
      if (ch === '\\' && this.pos + 1 < this.text.length) {
        name += this.text[this.pos + 1] ?? '';
        this.pos += 2;
        continue;
      }
      if (ch === '.' || ch === '[' || ch === ' ' || ch === ')' || ch === '=' || ch === '!') break;
      if (ch === '<' || ch === '>') break;
      name += ch;
      this.pos++;
    }
    if (!name) throw new JsonPathError(`expected a field name at ${this.pos} in ${this.text}`);
    return name;
  }

  private readQuoted(): string {
    const quote = this.peek();
    this.pos++;
    let out = '';
    while (this.pos < this.text.length && this.peek() !== quote) {
      if (this.peek() === '\\' && this.pos + 1 < this.text.length) this.pos++;
      out += this.peek();
      this.pos++;
    }
    if (this.peek() !== quote) throw new JsonPathError(`unterminated string in ${this.text}`);
    this.pos++;
    return out;
  }

  private expect(ch: string): void {
    this.skipSpaces();
    if (this.peek() !== ch) throw new JsonPathError(`expected "${ch}" at ${this.pos} in ${this.text}`);
    this.pos++;
  }

  private parseBracket(): Step {
    this.pos++; // [
    this.skipSpaces();
    const ch = this.peek();
    let step: Step;
    if (ch === '*') {
      this.pos++;
      step = { kind: 'wildcard' };
    } else if (ch === "'" || ch === '"') {
      step = { kind: 'field', name: this.readQuoted() };
    } else if (ch === '?') {
      this.pos++;
      this.expect('(');
      step = this.parseFilter();
      this.expect(')');
    } else {
      const end = this.text.indexOf(']', this.pos);
      if (end < 0) throw new JsonPathError(`unterminated [ in ${this.text}`);
      const inner = this.text.slice(this.pos, end).trim();
      this.pos = end;
      step = parseIndexOrSlice(inner, this.text);
    }
    this.expect(']');
    return step;
  }

  private parseFilter(): Step {
    this.skipSpaces();
    if (this.peek() !== '@') throw new JsonPathError(`filter must start with @ in ${this.text}`);
    const left = this.parsePath((c) => c === ')' || c === '=' || c === '!' || c === '<' || c === '>');
    this.skipSpaces();
    const opMatch = /^(==|!=|<=|>=|<|>)/.exec(this.text.slice(this.pos));
    if (!opMatch) return { kind: 'filter', left, op: null, right: null };
    const op = opMatch[1] as Operator;
    this.pos += op.length;
    this.skipSpaces();
    return { kind: 'filter', left, op, right: this.parseOperand() };
  }

  private parseOperand(): Operand {
    const ch = this.peek();
    if (ch === "'" || ch === '"') return { kind: 'literal', value: this.readQuoted() };
    if (ch === '@') return { kind: 'path', steps: this.parsePath((c) => c === ')') };
    const m = /^[^\s)]+/.exec(this.text.slice(this.pos));
    const word = m?.[0] ?? '';
    this.pos += word.length;
    if (word === 'true') return { kind: 'literal', value: true };
    if (word === 'false') return { kind: 'literal', value: false };
    if (word === 'null') return { kind: 'literal', value: null };
    const n = Number(word);
    if (word === '' || Number.isNaN(n)) throw new JsonPathError(`bad literal "${word}" in ${this.text}`);
    return { kind: 'literal', value: n };
  }
}

function parseIndexOrSlice(inner: string, text: string): Step {
  if (inner.includes(':')) {
    const [a = '', b = ''] = inner.split(':');
    const toNum = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));
    const start = toNum(a);
    const end = toNum(b);
    if ((start !== undefined && Number.isNaN(start)) || (end !== undefined && Number.isNaN(end))) {
      throw new JsonPathError(`bad slice [${inner}] in ${text}`);
    }
    return { kind: 'slice', start, end };
  }
  const index = Number(inner);
  if (inner === '' || !Number.isInteger(index)) {
    // `[name]` without quotes: a field.
    return { kind: 'field', name: inner };
  }
  return { kind: 'index', index };
}

function children(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'object' && value !== null) return Object.values(value);
  return [];
}

function descendants(value: unknown, out: unknown[]): void {
  out.push(value);
  for (const child of children(value)) descendants(child, out);
}

function compare(a: unknown, op: Operator, b: unknown): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
  }
  if (typeof a === 'number' && typeof b === 'number') {
    if (op === '<') return a < b;
    if (op === '<=') return a <= b;
    if (op === '>') return a > b;
    return a >= b;
  }
  if (typeof a === 'string' && typeof b === 'string') {
    if (op === '<') return a < b;
    if (op === '<=') return a <= b;
    if (op === '>') return a > b;
    return a >= b;
  }
  return false;
}

function applyStep(nodes: unknown[], step: Step): unknown[] {
  const out: unknown[] = [];
  for (const node of nodes) {
    switch (step.kind) {
      case 'field':
        if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
          const record = node as Record<string, unknown>;
          if (Object.hasOwn(record, step.name)) out.push(record[step.name]);
        }
        break;
      case 'wildcard':
        out.push(...children(node));
        break;
      case 'recursive': {
        const all: unknown[] = [];
        descendants(node, all);
        for (const d of all) {
          if (step.name === null) {
            if (d !== node) out.push(d);
          } else if (typeof d === 'object' && d !== null && !Array.isArray(d)) {
            const record = d as Record<string, unknown>;
            if (Object.hasOwn(record, step.name)) out.push(record[step.name]);
          }
        }
        break;
      }
      case 'index':
        if (Array.isArray(node)) {
          const i = step.index < 0 ? node.length + step.index : step.index;
          if (i >= 0 && i < node.length) out.push(node[i]);
        }
        break;
      case 'slice':
        if (Array.isArray(node)) out.push(...node.slice(step.start, step.end));
        break;
      case 'filter':
        for (const item of children(node)) {
          const left = evaluateSteps(item, step.left);
          if (step.op === null || step.right === null) {
            if (left.length > 0) out.push(item);
            continue;
          }
          const right =
            step.right.kind === 'literal' ? [step.right.value] : evaluateSteps(item, step.right.steps);
          const op = step.op;
          if (left.some((l) => right.some((r) => compare(l, op, r)))) out.push(item);
        }
        break;
    }
  }
  return out;
}

function evaluateSteps(data: unknown, steps: readonly Step[]): unknown[] {
  let nodes: unknown[] = [data];
  for (const step of steps) {
    nodes = applyStep(nodes, step);
    if (nodes.length === 0) break;
  }
  return nodes;
}

export type CompiledJsonPath = (data: unknown) => unknown[];

const cache = new Map<string, CompiledJsonPath>();

/** Compiles an expression once; the result returns every match (possibly none). */
export function compileJsonPath(expression: string): CompiledJsonPath {
  const cached = cache.get(expression);
  if (cached) return cached;
  let text = expression.trim();
  if (text.startsWith('{') && text.endsWith('}')) text = text.slice(1, -1).trim();
  const steps = new Parser(text).parsePath();
  const compiled: CompiledJsonPath = (data) => evaluateSteps(data, steps);
  cache.set(expression, compiled);
  return compiled;
}

/** Evaluates `expression` against `data` and returns every match. */
export function evaluateJsonPath(data: unknown, expression: string): unknown[] {
  return compileJsonPath(expression)(data);
}

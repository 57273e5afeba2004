/**
 * A small subset of CEL (the language of CRD `x-kubernetes-validations` rules), enough to run
 * KEDA's rules in the browser before the API server does: literals, `self` and field selection,
 * `has()`, `size()`, `!`, unary `-`, arithmetic, comparisons, `in`, `&&`, `||` (commutative with
 * errors, as CEL's), `?:`, list literals and the string methods `startsWith`, `endsWith`, `contains`,
 * `matches`. Anything else is reported as unsupported so the caller can leave the rule to the server.
 */

export type CelResult =
  { ok: true; value: unknown } | { ok: false; reason: 'unsupported' | 'error'; message: string };

type Token =
  | { kind: 'num'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'id'; value: string }
  | { kind: 'op'; value: string }
  | { kind: 'end' };

class Unsupported extends Error {}
class EvalError extends Error {}

const OPERATORS = ['&&', '||', '==', '!=', '<=', '>=', '<', '>', '!', '?', ':', '+', '-', '*', '/', '%'];
const PUNCTUATION = ['(', ')', '[', ']', '.', ','];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    const number = /^(\d+\.\d+([eE][+-]?\d+)?|\d+[uU]?)/.exec(source.slice(i));
    if (number) {
      tokens.push({ kind: 'num', value: Number(number[0].replace(/[uU]$/, '')) });
      i += number[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      while (j < source.length && source[j] !== c) {
        if (source[j] === '\\') {
          const next = source[j + 1] ?? '';
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          j += 2;
        } else {
          value += source[j];
          j += 1;
        }
      }
      if (j >= source.length) throw new Unsupported('unterminated string');
      tokens.push({ kind: 'str', value });
      i = j + 1;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
    if (ident) {
      tokens.push({ kind: 'id', value: ident[0] });
      i += ident[0].length;
      continue;
    }
    const op = [...OPERATORS, ...PUNCTUATION].find((o) => source.startsWith(o, i));
    if (!op) throw new Unsupported(`unexpected character ${JSON.stringify(c)}`);
    tokens.push({ kind: 'op', value: op });
    i += op.length;
  }
  tokens.push({ kind: 'end' });
  return tokens;
}

/** An AST node is a thunk: CEL's `||`/`&&` and `?:` need lazy operands. */
type Node = (self: unknown) => unknown;

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const node = this.expr();
    if (this.peek().kind !== 'end') throw new Unsupported('trailing tokens');
    return node;
  }

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private isOp(value: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.value === value;
  }

  private expect(value: string): void {
    if (!this.isOp(value)) throw new Unsupported(`expected ${value}`);
    this.pos += 1;
  }

  private expr(): Node {
    const condition = this.or();
    if (!this.isOp('?')) return condition;
    this.pos += 1;
    const then = this.or();
    this.expect(':');
    const otherwise = this.expr();
    return (self) => (truthy(condition(self)) ? then(self) : otherwise(self));
  }

  private or(): Node {
    let left = this.and();
    while (this.isOp('||')) {
      this.pos += 1;
      const l = left;
      const r = this.and();
      left = (self) => logical(l, r, self, true);
    }
    return left;
  }

  private and(): Node {
    let left = this.relation();
    while (this.isOp('&&')) {
      this.pos += 1;
      const l = left;
      const r = this.relation();
      left = (self) => logical(l, r, self, false);
    }
    return left;
  }

  private relation(): Node {
    let left = this.addition();
    for (;;) {
      const t = this.peek();
      const op =
        t.kind === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(t.value)
          ? t.value
          : t.kind === 'id' && t.value === 'in'
            ? 'in'
            : undefined;
      if (!op) return left;
      this.pos += 1;
      const l = left;
      const r = this.addition();
      left = (self) => compare(op, l(self), r(self));
    }
  }

  private addition(): Node {
    let left = this.multiplication();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.tokens[this.pos++] as { value: string }).value;
      const l = left;
      const r = this.multiplication();
      left = (self) => arithmetic(op, l(self), r(self));
    }
    return left;
  }

  private multiplication(): Node {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = (this.tokens[this.pos++] as { value: string }).value;
      const l = left;
      const r = this.unary();
      left = (self) => arithmetic(op, l(self), r(self));
    }
    return left;
  }

  private unary(): Node {
    if (this.isOp('!')) {
      this.pos += 1;
      const operand = this.unary();
      return (self) => {
        const v = operand(self);
        if (typeof v !== 'boolean') throw new EvalError('no such overload: !');
        return !v;
      };
    }
    if (this.isOp('-')) {
      this.pos += 1;
      const operand = this.unary();
      return (self) => {
        const v = operand(self);
        if (typeof v !== 'number') throw new EvalError('no such overload: -');
        return -v;
      };
    }
    return this.member();
  }

  private member(): Node {
    let node = this.primary();
    for (;;) {
      if (this.isOp('.')) {
        this.pos += 1;
        const name = this.identifier();
        if (this.isOp('(')) {
          const target = node;
          const args = this.args();
          node = (self) =>
            callMethod(
              name,
              target(self),
              args.map((a) => a(self)),
            );
        } else {
          const target = node;
          node = (self) => select(target(self), name);
        }
      } else if (this.isOp('[')) {
        this.pos += 1;
        const index = this.expr();
        this.expect(']');
        const target = node;
        node = (self) => indexInto(target(self), index(self));
      } else {
        return node;
      }
    }
  }

  private identifier(): string {
    const t = this.peek();
    if (t.kind !== 'id') throw new Unsupported('expected a name');
    this.pos += 1;
    return t.value;
  }

  private args(): Node[] {
    this.expect('(');
    const args: Node[] = [];
    while (!this.isOp(')')) {
      args.push(this.expr());
      if (!this.isOp(')')) this.expect(',');
    }
    this.expect(')');
    return args;
  }

  private primary(): Node {
    const t = this.peek();
    if (t.kind === 'num' || t.kind === 'str') {
      this.pos += 1;
      return () => t.value;
    }
    if (this.isOp('(')) {
      this.pos += 1;
      const inner = this.expr();
      this.expect(')');
      return inner;
    }
    if (this.isOp('[')) {
      this.pos += 1;
      const items: Node[] = [];
      while (!this.isOp(']')) {
        items.push(this.expr());
        if (!this.isOp(']')) this.expect(',');
      }
      this.expect(']');
      return (self) => items.map((item) => item(self));
    }
    if (t.kind === 'id') {
      this.pos += 1;
      switch (t.value) {
        case 'self':
          return (self) => self;
        case 'true':
          return () => true;
        case 'false':
          return () => false;
        case 'null':
          return () => null;
        case 'has':
          return this.has();
        case 'size': {
          const [arg] = this.args();
          if (!arg) throw new Unsupported('size() needs an argument');
          return (self) => size(arg(self));
        }
        default:
          throw new Unsupported(`unsupported name ${t.value}`);
      }
    }
    throw new Unsupported('unexpected token');
  }

  /** `has(a.b)`: whether field `b` is present on `a` (a macro: `a.b` itself is not evaluated). */
  private has(): Node {
    this.expect('(');
    let target = this.primary();
    const names: string[] = [];
    while (this.isOp('.')) {
      this.pos += 1;
      names.push(this.identifier());
    }
    this.expect(')');
    const field = names.pop();
    if (field === undefined) throw new Unsupported('has() needs a field selection');
    for (const name of names) {
      const inner = target;
      target = (self) => select(inner(self), name);
    }
    const object = target;
    return (self) => {
      const value = object(self);
      if (!isRecord(value)) throw new EvalError('has() on a non-object');
      return Object.prototype.hasOwnProperty.call(value, field) && value[field] !== null;
    };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function truthy(value: unknown): boolean {
  if (typeof value !== 'boolean') throw new EvalError('condition is not a bool');
  return value;
}

/** CEL's commutative `||` / `&&`: an error on one side is absorbed when the other decides. */
function logical(left: Node, right: Node, self: unknown, isOr: boolean): boolean {
  let leftError: unknown;
  try {
    const l = left(self);
    if (typeof l !== 'boolean') throw new EvalError('no such overload: logical operator');
    if (l === isOr) return isOr;
  } catch (error) {
    if (error instanceof Unsupported) throw error;
    leftError = error;
  }
  const r = right(self);
  if (typeof r !== 'boolean') throw new EvalError('no such overload: logical operator');
  if (r === isOr) return isOr;
  if (leftError) throw leftError;
  return !isOr;
}

function compare(op: string, l: unknown, r: unknown): boolean {
  if (op === 'in') {
    if (Array.isArray(r)) return r.some((item) => equal(item, l));
    if (isRecord(r)) return typeof l === 'string' && Object.prototype.hasOwnProperty.call(r, l);
    throw new EvalError('no such overload: in');
  }
  if (op === '==') return equal(l, r);
  if (op === '!=') return !equal(l, r);
  const comparable =
    (typeof l === 'number' && typeof r === 'number') || (typeof l === 'string' && typeof r === 'string');
  if (!comparable) throw new EvalError(`no such overload: ${op}`);
  const a = l as number | string;
  const b = r as number | string;
  return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
}

function equal(l: unknown, r: unknown): boolean {
  return JSON.stringify(l) === JSON.stringify(r);
}

function arithmetic(op: string, l: unknown, r: unknown): unknown {
  if (op === '+' && typeof l === 'string' && typeof r === 'string') return l + r;
  if (op === '+' && Array.isArray(l) && Array.isArray(r)) return [...l, ...r];
  if (typeof l !== 'number' || typeof r !== 'number') throw new EvalError(`no such overload: ${op}`);
  switch (op) {
    case '+':
      return l + r;
    case '-':
      return l - r;
    case '*':
      return l * r;
    case '/':
      if (r === 0) throw new EvalError('division by zero');
      return Number.isInteger(l) && Number.isInteger(r) ? Math.trunc(l / r) : l / r;
    default:
      if (r === 0) throw new EvalError('modulus by zero');
      return l % r;
  }
}

function select(target: unknown, name: string): unknown {
  if (!isRecord(target) || !Object.prototype.hasOwnProperty.call(target, name)) {
    throw new EvalError(`no such key: ${name}`);
  }
  return target[name];
}

function indexInto(target: unknown, index: unknown): unknown {
  if (Array.isArray(target) && typeof index === 'number') {
    if (index < 0 || index >= target.length) throw new EvalError('index out of range');
    return target[index];
  }
  if (isRecord(target) && typeof index === 'string') return select(target, index);
  throw new EvalError('no such overload: index');
}

function size(value: unknown): number {
  if (typeof value === 'string') return [...value].length;
  if (Array.isArray(value)) return value.length;
  if (isRecord(value)) return Object.keys(value).length;
  throw new EvalError('no such overload: size');
}

function callMethod(name: string, target: unknown, args: unknown[]): unknown {
  if (name === 'size' && args.length === 0) return size(target);
  const [arg] = args;
  if (typeof target === 'string' && typeof arg === 'string' && args.length === 1) {
    if (name === 'startsWith') return target.startsWith(arg);
    if (name === 'endsWith') return target.endsWith(arg);
    if (name === 'contains') return target.includes(arg);
    if (name === 'matches') return new RegExp(arg).test(target);
  }
  throw new Unsupported(`unsupported function ${name}`);
}

/** Evaluates a CEL expression with `self` bound to `self`. */
export function evaluateCel(expression: string, self: unknown): CelResult {
  let program: Node;
  try {
    program = new Parser(tokenize(expression)).parse();
  } catch (error) {
    return { ok: false, reason: 'unsupported', message: (error as Error).message };
  }
  try {
    return { ok: true, value: program(self) };
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, reason: 'unsupported', message: error.message };
    return { ok: false, reason: 'error', message: (error as Error).message };
  }
}

/** Whether a validation rule holds: `true`/`false`, or `undefined` when this subset cannot tell. */
export function celRuleHolds(rule: string, self: unknown): boolean | undefined {
  const result = evaluateCel(rule, self);
  return result.ok && typeof result.value === 'boolean' ? result.value : undefined;
}

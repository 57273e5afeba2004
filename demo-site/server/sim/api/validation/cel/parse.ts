/**
 * A parser for the subset of CEL used by CRD validation rules: literals (int, uint, double,
 * string, bool, null, lists, maps), identifiers, field selection, indexing, `has()`, function
 * and method calls, the comprehension macros (`all`, `exists`, `exists_one`, `map`, `filter`),
 * unary `!`/`-`, arithmetic, comparisons, `in`, `&&`, `||` and `?:`.
 */

export type BinaryOp =
  '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | '+' | '-' | '*' | '/' | '%';

export type Literal =
  | { type: 'int'; value: bigint }
  | { type: 'uint'; value: bigint }
  | { type: 'double'; value: number }
  | { type: 'string'; value: string }
  | { type: 'bool'; value: boolean }
  | { type: 'null' };

export type Expr =
  | { kind: 'literal'; value: Literal }
  | { kind: 'ident'; name: string }
  | { kind: 'select'; operand: Expr; field: string }
  | { kind: 'has'; operand: Expr; field: string }
  | { kind: 'index'; operand: Expr; index: Expr }
  | { kind: 'call'; name: string; target: Expr | undefined; args: Expr[] }
  | {
      kind: 'comprehension';
      macro: 'all' | 'exists' | 'exists_one' | 'map' | 'filter';
      range: Expr;
      variable: string;
      body: Expr;
      transform: Expr | undefined;
    }
  | { kind: 'unary'; op: '!' | '-'; operand: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'conditional'; test: Expr; then: Expr; otherwise: Expr }
  | { kind: 'list'; items: Expr[] }
  | { kind: 'map'; entries: { key: Expr; value: Expr }[] };

/** A CEL syntax error (the rule cannot be compiled). */
export class CelSyntaxError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
    this.name = 'CelSyntaxError';
  }
}

type TokenKind = 'int' | 'uint' | 'double' | 'string' | 'ident' | 'punct' | 'eof';

interface Token {
  kind: TokenKind;
  text: string;
  /** Decoded value of string literals. */
  value?: string;
  pos: number;
}

const PUNCTUATION = [
  '&&',
  '||',
  '==',
  '!=',
  '<=',
  '>=',
  '<',
  '>',
  '!',
  '?',
  ':',
  '+',
  '-',
  '*',
  '/',
  '%',
  '.',
  ',',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
];
const RESERVED = new Set([
  'as',
  'break',
  'const',
  'continue',
  'else',
  'for',
  'function',
  'if',
  'import',
  'let',
  'loop',
  'package',
  'namespace',
  'return',
  'var',
  'void',
  'while',
]);
const MACROS = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '`': '`',
  '?': '?',
};

function decodeEscapes(body: string, pos: number): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body[i + 1] ?? '';
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      i++;
    } else if (next === 'x' || next === 'X' || next === 'u' || next === 'U') {
      const width = next === 'x' || next === 'X' ? 2 : next === 'u' ? 4 : 8;
      const hex = body.slice(i + 2, i + 2 + width);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width)
        throw new CelSyntaxError('invalid escape sequence', pos + i);
      out += String.fromCodePoint(parseInt(hex, 16));
      i += 1 + width;
    } else if (/[0-3]/.test(next)) {
      const oct = body.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(oct)) throw new CelSyntaxError('invalid escape sequence', pos + i);
      out += String.fromCodePoint(parseInt(oct, 8));
      i += 3;
    } else {
      throw new CelSyntaxError('invalid escape sequence', pos + i);
    }
  }
  return out;
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] ?? '';
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (src.startsWith('//', i)) {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const start = i;
    const stringMatch = /^([rR]?)([bB]?)('''|"""|'|")/.exec(src.slice(i));
    if (stringMatch && (stringMatch[1] || stringMatch[2] || /['"]/.test(c))) {
      const raw = !!stringMatch[1];
      if (stringMatch[2]) throw new CelSyntaxError('bytes literals are not supported', i);
      const quote = stringMatch[3] ?? '"';
      let j = i + stringMatch[0].length;
      let body = '';
      for (;;) {
        if (j >= src.length) throw new CelSyntaxError('unterminated string literal', start);
        if (src.startsWith(quote, j)) break;
        if (!raw && src[j] === '\\') {
          body += src.slice(j, j + 2);
          j += 2;
          continue;
        }
        if (quote.length === 1 && src[j] === '\n')
          throw new CelSyntaxError('unterminated string literal', start);
        body += src[j];
        j++;
      }
      tokens.push({
        kind: 'string',
        text: src.slice(start, j + quote.length),
        value: raw ? body : decodeEscapes(body, start),
        pos: start,
      });
      i = j + quote.length;
      continue;
    }
    const number = /^(0[xX][0-9a-fA-F]+[uU]?|(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?[uU]?)/.exec(src.slice(i));
    if (number && (/\d/.test(c) || (c === '.' && /\d/.test(src[i + 1] ?? '')))) {
      const text = number[0];
      const isHex = /^0[xX]/.test(text);
      const isDouble = !isHex && /[.eE]/.test(text);
      const kind: TokenKind = /[uU]$/.test(text) ? 'uint' : isDouble ? 'double' : 'int';
      if (kind === 'uint' && isDouble) throw new CelSyntaxError(`invalid uint literal ${text}`, start);
      tokens.push({ kind, text, pos: start });
      i += text.length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (ident) {
      tokens.push({ kind: 'ident', text: ident[0], pos: start });
      i += ident[0].length;
      continue;
    }
    const punct = PUNCTUATION.find((p) => src.startsWith(p, i));
    if (!punct) throw new CelSyntaxError(`token recognition error at: '${c}'`, i);
    tokens.push({ kind: 'punct', text: punct, pos: start });
    i += punct.length;
  }
  tokens.push({ kind: 'eof', text: '<EOF>', pos: src.length });
  return tokens;
}

function intLiteral(text: string, pos: number): bigint {
  const value = BigInt(text.replace(/[uU]$/, ''));
  const limit = /[uU]$/.test(text) ? 2n ** 64n - 1n : 2n ** 63n;
  if (value > limit) throw new CelSyntaxError(`invalid int literal ${text}`, pos);
  return value;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const expr = this.expr();
    const t = this.peek();
    if (t.kind !== 'eof') throw new CelSyntaxError(`mismatched input '${t.text}' expecting <EOF>`, t.pos);
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.pos] ?? { kind: 'eof', text: '<EOF>', pos: 0 };
  }

  private next(): Token {
    const t = this.peek();
    this.pos++;
    return t;
  }

  private accept(text: string): boolean {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === text) {
      this.pos++;
      return true;
    }
    return false;
  }

  private expect(text: string): void {
    const t = this.peek();
    if (!this.accept(text))
      throw new CelSyntaxError(`mismatched input '${t.text}' expecting '${text}'`, t.pos);
  }

  private expr(): Expr {
    const test = this.or();
    if (!this.accept('?')) return test;
    const then = this.or();
    this.expect(':');
    const otherwise = this.expr();
    return { kind: 'conditional', test, then, otherwise };
  }

  private or(): Expr {
    let left = this.and();
    while (this.accept('||')) left = { kind: 'binary', op: '||', left, right: this.and() };
    return left;
  }

  private and(): Expr {
    let left = this.relation();
    while (this.accept('&&')) left = { kind: 'binary', op: '&&', left, right: this.relation() };
    return left;
  }

  private relation(): Expr {
    let left = this.addition();
    for (;;) {
      const t = this.peek();
      const isOp =
        (t.kind === 'punct' && ['<', '<=', '>', '>=', '==', '!='].includes(t.text)) ||
        (t.kind === 'ident' && t.text === 'in');
      if (!isOp) return left;
      this.pos++;
      left = { kind: 'binary', op: t.text as BinaryOp, left, right: this.addition() };
    }
  }

  private addition(): Expr {
    let left = this.multiplication();
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'punct' || (t.text !== '+' && t.text !== '-')) return left;
      this.pos++;
      left = { kind: 'binary', op: t.text, left, right: this.multiplication() };
    }
  }

  private multiplication(): Expr {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'punct' || (t.text !== '*' && t.text !== '/' && t.text !== '%')) return left;
      this.pos++;
      left = { kind: 'binary', op: t.text, left, right: this.unary() };
    }
  }

  private unary(): Expr {
    if (this.accept('!')) return { kind: 'unary', op: '!', operand: this.unary() };
    const t = this.peek();
    if (t.kind === 'punct' && t.text === '-') {
      this.pos++;
      const n = this.peek();
      // -9223372036854775808 and friends are literals, not negations.
      if (n.kind === 'int' || n.kind === 'double') {
        const operand = this.member();
        if (operand.kind === 'literal' && operand.value.type === 'int') {
          return { kind: 'literal', value: { type: 'int', value: -operand.value.value } };
        }
        if (operand.kind === 'literal' && operand.value.type === 'double') {
          return { kind: 'literal', value: { type: 'double', value: -operand.value.value } };
        }
        return { kind: 'unary', op: '-', operand };
      }
      return { kind: 'unary', op: '-', operand: this.unary() };
    }
    return this.member();
  }

  private args(): Expr[] {
    const args: Expr[] = [];
    if (this.accept(')')) return args;
    do args.push(this.expr());
    while (this.accept(','));
    this.expect(')');
    return args;
  }

  private member(): Expr {
    let operand = this.primary();
    for (;;) {
      if (this.accept('.')) {
        const name = this.next();
        if (name.kind !== 'ident')
          throw new CelSyntaxError(`mismatched input '${name.text}' expecting IDENTIFIER`, name.pos);
        if (this.accept('(')) {
          const args = this.args();
          operand = this.methodCall(operand, name, args);
        } else {
          operand = { kind: 'select', operand, field: name.text };
        }
      } else if (this.accept('[')) {
        const index = this.expr();
        this.expect(']');
        operand = { kind: 'index', operand, index };
      } else {
        return operand;
      }
    }
  }

  private methodCall(target: Expr, name: Token, args: Expr[]): Expr {
    if (!MACROS.has(name.text)) return { kind: 'call', name: name.text, target, args };
    const [variable, body, transform] = args;
    const arity = name.text === 'map' ? [2, 3] : [2];
    if (!arity.includes(args.length) || variable?.kind !== 'ident' || !body) {
      throw new CelSyntaxError(`invalid argument to ${name.text}() macro`, name.pos);
    }
    const macro = name.text as 'all' | 'exists' | 'exists_one' | 'map' | 'filter';
    if (macro === 'map') {
      // map(x, transform) or map(x, predicate, transform)
      const always: Expr = { kind: 'literal', value: { type: 'bool', value: true } };
      return {
        kind: 'comprehension',
        macro,
        range: target,
        variable: variable.name,
        body: transform ? body : always,
        transform: transform ?? body,
      };
    }
    return {
      kind: 'comprehension',
      macro,
      range: target,
      variable: variable.name,
      body,
      transform: undefined,
    };
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.kind) {
      case 'int':
        return { kind: 'literal', value: { type: 'int', value: intLiteral(t.text, t.pos) } };
      case 'uint':
        return { kind: 'literal', value: { type: 'uint', value: intLiteral(t.text, t.pos) } };
      case 'double':
        return { kind: 'literal', value: { type: 'double', value: Number(t.text) } };
      case 'string':
        return { kind: 'literal', value: { type: 'string', value: t.value ?? '' } };
      case 'ident': {
        if (t.text === 'true' || t.text === 'false')
          return { kind: 'literal', value: { type: 'bool', value: t.text === 'true' } };
        if (t.text === 'null') return { kind: 'literal', value: { type: 'null' } };
        if (RESERVED.has(t.text)) throw new CelSyntaxError(`reserved identifier: ${t.text}`, t.pos);
        if (!this.accept('(')) return { kind: 'ident', name: t.text };
        const args = this.args();
        if (t.text === 'has') {
          const [arg] = args;
          if (args.length !== 1 || arg?.kind !== 'select')
            throw new CelSyntaxError('invalid argument to has() macro', t.pos);
          return { kind: 'has', operand: arg.operand, field: arg.field };
        }
        return { kind: 'call', name: t.text, target: undefined, args };
      }
      case 'punct':
        if (t.text === '(') {
          const inner = this.expr();
          this.expect(')');
          return inner;
        }
        if (t.text === '[') {
          const items: Expr[] = [];
          while (!this.accept(']')) {
            items.push(this.expr());
            if (!this.accept(',')) {
              this.expect(']');
              break;
            }
          }
          return { kind: 'list', items };
        }
        if (t.text === '{') {
          const entries: { key: Expr; value: Expr }[] = [];
          while (!this.accept('}')) {
            const key = this.expr();
            this.expect(':');
            entries.push({ key, value: this.expr() });
            if (!this.accept(',')) {
              this.expect('}');
              break;
            }
          }
          return { kind: 'map', entries };
        }
        if (t.text === '.') return this.primary();
        break;
      default:
        break;
    }
    throw new CelSyntaxError(`mismatched input '${t.text}'`, t.pos);
  }
}

/** Parses a CEL expression; throws CelSyntaxError. */
export function parseCel(source: string): Expr {
  return new Parser(tokenize(source)).parse();
}

/**
 * The checks KEDA's webhook makes of `advanced.scalingModifiers.formula` by compiling it with
 * expr-lang (after `castToFloatIfNecessary`): syntax errors and names that are not trigger
 * names, reported as expr does (`unknown name x (1:7)` and a snippet with a caret). This is a
 * parser for expr's common syntax, not all of it; what it cannot judge it lets through.
 */

type Kind = 'Identifier' | 'Number' | 'String' | 'Operator' | 'Bracket' | 'EOF';

interface Token {
  kind: Kind;
  value: string;
  /** Rune offset in the source. */
  from: number;
}

const WORD_OPERATORS = new Set([
  'and',
  'or',
  'not',
  'in',
  'matches',
  'contains',
  'startsWith',
  'endsWith',
  'let',
  'if',
  'else',
]);
const OPERATORS = [
  '??',
  '?.',
  '..',
  '**',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '!',
  '?',
  '.',
  ':',
  ',',
  '|',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '#',
  ';',
  '=',
];
const BUILTINS = new Set(
  (
    'all none any one filter map find findIndex findLast findLastIndex count sum groupBy sortBy reduce len type abs ceil floor ' +
    'round int float string trim trimPrefix trimSuffix upper lower split splitAfter replace repeat join indexOf lastIndexOf ' +
    'hasPrefix hasSuffix max min mean median toJSON fromJSON toBase64 fromBase64 now duration date timezone first last get ' +
    'take keys values toPairs fromPairs reverse uniq concat flatten sort bitand bitor bitxor bitnand bitnot bitshl bitshr bitushr'
  ).split(' '),
);
const BINARY = new Set([
  '??',
  '..',
  '**',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  'and',
  'or',
  'in',
  'matches',
  'contains',
  'startsWith',
  'endsWith',
  '|',
]);

/** expr's `file.Error`: message, then ` (line:column)` and the snippet with a caret. */
export class FormulaError extends Error {
  constructor(message: string, source: string, from: number) {
    const runes = [...source];
    let line = 1;
    let column = 0;
    let lineStart = 0;
    for (let i = 0; i < runes.length && i < from; i++) {
      if (runes[i] === '\n') {
        line++;
        column = 0;
        lineStart = i + 1;
      } else column++;
    }
    let lineEnd = runes.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = runes.length;
    const text = runes.slice(lineStart, lineEnd).join('').replace(/\t/g, ' ');
    super(
      lineStart === lineEnd
        ? message
        : `${message} (${line}:${column + 1})\n | ${text}\n | ${'.'.repeat(column)}^`,
    );
    this.name = 'FormulaError';
  }
}

function describe(t: Token): string {
  return t.value === '' ? t.kind : `${t.kind}(${JSON.stringify(t.value)})`;
}

function tokenize(source: string): Token[] {
  const runes = [...source];
  const tokens: Token[] = [];
  let i = 0;
  while (i < runes.length) {
    const c = runes[i] ?? '';
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = runes.slice(i).join('');
    const from = i;
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(runes[i + 1] ?? ''))) {
      const m = /^(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|[0-9_]*\.?[0-9_]+(?:[eE][+-]?[0-9]+)?)/.exec(
        rest,
      );
      const text = m?.[0] ?? c;
      tokens.push({ kind: 'Number', value: text, from });
      i += [...text].length;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < runes.length && runes[j] !== c) j += runes[j] === '\\' && c !== '`' ? 2 : 1;
      if (j >= runes.length) throw new FormulaError('literal not terminated', source, from);
      tokens.push({ kind: 'String', value: runes.slice(i + 1, j).join(''), from });
      i = j + 1;
      continue;
    }
    const ident = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(rest);
    if (ident) {
      const word = ident[0];
      tokens.push({ kind: WORD_OPERATORS.has(word) ? 'Operator' : 'Identifier', value: word, from });
      i += word.length;
      continue;
    }
    if ('()[]{}'.includes(c)) {
      tokens.push({ kind: 'Bracket', value: c, from });
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => rest.startsWith(o));
    if (!op) {
      const code = c.codePointAt(0) ?? 0;
      throw new FormulaError(
        `unrecognized character: U+${code.toString(16).toUpperCase().padStart(4, '0')} '${c}'`,
        source,
        from,
      );
    }
    tokens.push({ kind: 'Operator', value: op, from });
    i += op.length;
  }
  tokens.push({ kind: 'EOF', value: '', from: runes.length });
  return tokens;
}

class FormulaParser {
  private pos = 0;
  /** Name references in the order expr's checker meets them. */
  readonly names: Token[] = [];
  readonly declared = new Set<string>();

  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  private get current(): Token {
    return this.tokens[this.pos] ?? { kind: 'EOF', value: '', from: 0 };
  }

  private is(kind: Kind, value?: string): boolean {
    return this.current.kind === kind && (value === undefined || this.current.value === value);
  }

  private fail(): never {
    if (this.current.kind === 'EOF')
      throw new FormulaError('unexpected end of expression', this.source, this.current.from);
    throw new FormulaError(`unexpected token ${describe(this.current)}`, this.source, this.current.from);
  }

  private expect(kind: Kind, value: string): void {
    if (!this.is(kind, value)) this.fail();
    this.pos++;
  }

  parse(): void {
    this.sequence();
    if (!this.is('EOF')) this.fail();
  }

  private sequence(): void {
    this.expression();
    while (this.is('Operator', ';')) {
      this.pos++;
      if (this.is('EOF')) return;
      this.expression();
    }
  }

  private expression(): void {
    if (this.is('Operator', 'let')) {
      this.pos++;
      if (!this.is('Identifier')) this.fail();
      this.declared.add(this.current.value);
      this.pos++;
      this.expect('Operator', '=');
      this.expression();
      this.expect('Operator', ';');
      this.expression();
      return;
    }
    this.binary();
    if (this.is('Operator', '?')) {
      this.pos++;
      this.expression();
      this.expect('Operator', ':');
      this.expression();
    }
  }

  private binary(): void {
    this.unary();
    for (;;) {
      const next = this.tokens[this.pos + 1];
      // `a not in b`, `a not matches b`…
      if (this.is('Operator', 'not') && next?.kind === 'Operator' && BINARY.has(next.value)) this.pos++;
      if (this.current.kind !== 'Operator' || !BINARY.has(this.current.value)) return;
      this.pos++;
      this.unary();
    }
  }

  private unary(): void {
    while (
      this.is('Operator', '!') ||
      this.is('Operator', 'not') ||
      this.is('Operator', '-') ||
      this.is('Operator', '+')
    )
      this.pos++;
    this.postfix();
  }

  private args(close: string): void {
    if (this.is('Bracket', close)) {
      this.pos++;
      return;
    }
    for (;;) {
      if (this.is('Bracket', '{') && !this.isMapLiteral()) this.closure();
      else this.expression();
      if (this.is('Operator', ',')) {
        this.pos++;
        if (this.is('Bracket', close)) break;
        continue;
      }
      break;
    }
    this.expect('Bracket', close);
  }

  private isMapLiteral(): boolean {
    const next = this.tokens[this.pos + 1];
    const after = this.tokens[this.pos + 2];
    if (next?.kind === 'Bracket' && next.value === '}') return true;
    return (
      !!next &&
      (next.kind === 'Identifier' || next.kind === 'String' || next.kind === 'Number') &&
      after?.kind === 'Operator' &&
      after.value === ':'
    );
  }

  private closure(): void {
    this.expect('Bracket', '{');
    this.expression();
    this.expect('Bracket', '}');
  }

  private postfix(): void {
    this.primary();
    for (;;) {
      if (this.is('Operator', '.') || this.is('Operator', '?.')) {
        this.pos++;
        if (this.is('Bracket', '[')) {
          this.pos++;
          this.expression();
          this.expect('Bracket', ']');
          continue;
        }
        if (this.current.kind !== 'Identifier' && this.current.kind !== 'Operator') this.fail();
        this.pos++;
        if (this.is('Bracket', '(')) {
          this.pos++;
          this.args(')');
        }
      } else if (this.is('Bracket', '[')) {
        this.pos++;
        if (!this.is('Operator', ':')) this.expression();
        if (this.is('Operator', ':')) {
          this.pos++;
          if (!this.is('Bracket', ']')) this.expression();
        }
        this.expect('Bracket', ']');
      } else {
        return;
      }
    }
  }

  private primary(): void {
    const t = this.current;
    switch (t.kind) {
      case 'Number':
      case 'String':
        this.pos++;
        return;
      case 'Identifier':
        this.pos++;
        if (this.is('Bracket', '(')) {
          if (!BUILTINS.has(t.value) && !this.declared.has(t.value)) this.names.push(t);
          this.pos++;
          this.args(')');
        } else if (!['true', 'false', 'nil', '$env'].includes(t.value)) {
          this.names.push(t);
        }
        return;
      case 'Operator':
        if (t.value === '#') {
          this.pos++;
          if (this.is('Identifier')) this.pos++;
          return;
        }
        if (t.value === '.') {
          this.pos++;
          if (!this.is('Identifier')) this.fail();
          this.pos++;
          return;
        }
        if (t.value === 'if') {
          this.pos++;
          this.expression();
          this.closure();
          this.expect('Operator', 'else');
          if (this.is('Operator', 'if')) this.primary();
          else this.closure();
          return;
        }
        break;
      case 'Bracket':
        if (t.value === '(') {
          this.pos++;
          this.sequence();
          this.expect('Bracket', ')');
          return;
        }
        if (t.value === '[') {
          this.pos++;
          this.args(']');
          return;
        }
        if (t.value === '{') {
          this.pos++;
          while (!this.is('Bracket', '}')) {
            if (this.is('Identifier') || this.is('String') || this.is('Number')) this.pos++;
            else if (this.is('Bracket', '(')) this.primary();
            else this.fail();
            this.expect('Operator', ':');
            this.expression();
            if (!this.is('Operator', ',')) break;
            this.pos++;
          }
          this.expect('Bracket', '}');
          return;
        }
        break;
      default:
        break;
    }
    this.fail();
  }
}

/** `castToFloatIfNecessary`: how KEDA rewrites the formula before compiling it. */
export function castToFloatIfNecessary(formula: string): string {
  if (formula.includes('??')) {
    if (formula.startsWith('let _kedaCompositeResult = ')) return formula;
    return `let _kedaCompositeResult = (${formula}); _kedaCompositeResult == nil ? nil : float(_kedaCompositeResult)`;
  }
  if (formula.startsWith('float(')) return formula;
  return `float(${formula})`;
}

/** Compiles `formula` against the trigger names; throws FormulaError as expr would. */
export function checkFormula(formula: string, names: ReadonlySet<string>): void {
  const parser = new FormulaParser(tokenize(formula), formula);
  parser.parse();
  const unknown = parser.names.find((t) => !names.has(t.value) && !parser.declared.has(t.value));
  if (unknown) throw new FormulaError(`unknown name ${unknown.value}`, formula, unknown.from);
}

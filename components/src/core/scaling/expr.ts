/**
 * A subset of expr-lang (github.com/expr-lang/expr, used by KEDA for `scalingModifiers.formula`),
 * big enough for KEDA's documented formulas: number literals, variables (trigger names), `nil`,
 * `true`/`false`, arithmetic `+ - * / % ** ^`, comparisons (chained like expr), `&& || ! and or not`,
 * ternary `a ? b : c` and `a ?: b`, `??`, parentheses, `let x = …; …` and the builtins
 * `min max abs ceil floor round float int`. Operator precedences follow expr's `parser/operator`.
 * Errors carry expr's location format: `message (line:column)\n | source\n | ...^`.
 */

/** A runtime value: expr formulas over float64 trigger values only produce these. */
export type ExprValue = number | boolean | null;

/** An expr error (lexing, parsing, checking or running), formatted like expr's `file.Error`. */
export class ExprError extends Error {
  /** The message without location. */
  readonly detail: string;
  /** 1-based line of the offending token. */
  readonly line: number;
  /** 1-based column of the offending token. */
  readonly column: number;
  constructor(detail: string, source: string, offset: number) {
    const { line, column, snippet } = locate(source, offset);
    super(snippet === '' ? detail : `${detail} (${line}:${column + 1})${snippet}`);
    this.name = 'ExprError';
    this.detail = detail;
    this.line = line;
    this.column = column + 1;
  }
}

function locate(source: string, offset: number): { line: number; column: number; snippet: string } {
  const runes = [...source];
  let line = 1;
  let column = 0;
  let lineStart = 0;
  for (let i = 0; i < runes.length && i < offset; i++) {
    if (runes[i] === '\n') {
      line++;
      column = 0;
      lineStart = i + 1;
    } else {
      column++;
    }
  }
  let lineEnd = runes.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = runes.length;
  if (lineStart === lineEnd) return { line, column, snippet: '' };
  const text = runes.slice(lineStart, lineEnd).join('').replace(/\t/g, ' ');
  return { line, column, snippet: `\n | ${text}\n | ${'.'.repeat(column)}^` };
}

type Kind = 'Identifier' | 'Number' | 'Operator' | 'Bracket' | 'EOF';

interface Token {
  kind: Kind;
  value: string;
  /** Rune offset in the source. */
  from: number;
}

const tokenString = (t: Token): string => (t.value === '' ? t.kind : `${t.kind}(${JSON.stringify(t.value)})`);

const KEYWORD_OPERATORS = new Set(['and', 'or', 'not', 'in', 'let', 'if', 'else', 'matches', 'contains']);
const MULTI_CHAR_OPERATORS = ['**', '??', '==', '!=', '<=', '>=', '&&', '||', '..'];

function lex(source: string): Token[] {
  const runes = [...source];
  const tokens: Token[] = [];
  let i = 0;
  const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
  const isIdentStart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_$]/.test(c);
  const isIdentPart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_$]/.test(c);
  while (i < runes.length) {
    const c = runes[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const from = i;
    if (isDigit(c) || (c === '.' && isDigit(runes[i + 1]))) {
      let j = i;
      while (isDigit(runes[j]) || runes[j] === '_') j++;
      if (runes[j] === '.' && runes[j + 1] !== '.') {
        j++;
        while (isDigit(runes[j]) || runes[j] === '_') j++;
      }
      if (runes[j] === 'e' || runes[j] === 'E') {
        let k = j + 1;
        if (runes[k] === '+' || runes[k] === '-') k++;
        if (isDigit(runes[k])) {
          while (isDigit(runes[k])) k++;
          j = k;
        }
      }
      if (isIdentPart(runes[j])) {
        let k = j;
        while (isIdentPart(runes[k])) k++;
        throw new ExprError(`bad number syntax: ${JSON.stringify(runes.slice(i, k).join(''))}`, source, from);
      }
      tokens.push({ kind: 'Number', value: runes.slice(i, j).join(''), from });
      i = j;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i;
      while (isIdentPart(runes[j])) j++;
      const word = runes.slice(i, j).join('');
      tokens.push({ kind: KEYWORD_OPERATORS.has(word) ? 'Operator' : 'Identifier', value: word, from });
      i = j;
      continue;
    }
    if ('()[]{}'.includes(c)) {
      tokens.push({ kind: 'Bracket', value: c, from });
      i++;
      continue;
    }
    const two = c + (runes[i + 1] ?? '');
    if (MULTI_CHAR_OPERATORS.includes(two)) {
      tokens.push({ kind: 'Operator', value: two, from });
      i += 2;
      continue;
    }
    if ('+-*/%^!<>=?:,;.|#'.includes(c)) {
      tokens.push({ kind: 'Operator', value: c, from });
      i++;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      throw new ExprError('strings are not supported in scalingModifiers formulas here', source, from);
    }
    const code = c.codePointAt(0) ?? 0;
    throw new ExprError(
      `unrecognized character: U+${code.toString(16).toUpperCase().padStart(4, '0')} '${c}'`,
      source,
      from,
    );
  }
  tokens.push({ kind: 'EOF', value: '', from: runes.length });
  return tokens;
}

/** Parsed expression nodes. */
export type ExprNode =
  | { kind: 'number'; value: number; integer: boolean; at: number }
  | { kind: 'bool'; value: boolean; at: number }
  | { kind: 'nil'; at: number }
  | { kind: 'name'; name: string; at: number }
  | { kind: 'unary'; op: string; operand: ExprNode; at: number }
  | { kind: 'binary'; op: string; left: ExprNode; right: ExprNode; at: number }
  | { kind: 'conditional'; cond: ExprNode; then: ExprNode; else: ExprNode; at: number }
  | { kind: 'call'; name: string; args: ExprNode[]; at: number }
  | { kind: 'let'; name: string; value: ExprNode; body: ExprNode; at: number }
  | { kind: 'sequence'; nodes: ExprNode[]; at: number };

const BINARY: Readonly<Record<string, { precedence: number; right: boolean }>> = {
  or: { precedence: 10, right: false },
  '||': { precedence: 10, right: false },
  and: { precedence: 15, right: false },
  '&&': { precedence: 15, right: false },
  '==': { precedence: 20, right: false },
  '!=': { precedence: 20, right: false },
  '<': { precedence: 20, right: false },
  '>': { precedence: 20, right: false },
  '>=': { precedence: 20, right: false },
  '<=': { precedence: 20, right: false },
  '+': { precedence: 30, right: false },
  '-': { precedence: 30, right: false },
  '*': { precedence: 60, right: false },
  '/': { precedence: 60, right: false },
  '%': { precedence: 60, right: false },
  '**': { precedence: 100, right: true },
  '^': { precedence: 100, right: true },
  '??': { precedence: 500, right: false },
};
const UNARY: Readonly<Record<string, number>> = { not: 50, '!': 50, '-': 90, '+': 90 };
const COMPARISONS = new Set(['<', '>', '<=', '>=']);

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  private get current(): Token {
    return this.tokens[this.pos] as Token;
  }

  private is(kind: Kind, value?: string): boolean {
    return this.current.kind === kind && (value === undefined || this.current.value === value);
  }

  private next(): void {
    if (this.current.kind === 'EOF')
      throw new ExprError('unexpected end of expression', this.source, this.current.from);
    this.pos++;
  }

  private fail(token: Token = this.current): never {
    throw new ExprError(`unexpected token ${tokenString(token)}`, this.source, token.from);
  }

  private expect(kind: Kind, value: string): void {
    if (this.is(kind, value)) this.next();
    else this.fail();
  }

  parseProgram(): ExprNode {
    const node = this.parseSequence();
    if (!this.is('EOF')) this.fail();
    return node;
  }

  private parseSequence(): ExprNode {
    const first = this.parseExpression(0);
    const nodes = [first];
    while (this.is('Operator', ';')) {
      this.next();
      if (this.is('EOF')) break;
      nodes.push(this.parseExpression(0));
    }
    return nodes.length === 1 ? first : { kind: 'sequence', nodes, at: first.at };
  }

  private parseExpression(precedence: number): ExprNode {
    if (precedence === 0 && this.is('Operator', 'let')) return this.parseLet();
    let left = this.parsePrimary();
    let prev = '';
    for (;;) {
      const op = this.current;
      if (op.kind !== 'Operator') break;
      const info = BINARY[op.value];
      if (!info || info.precedence < precedence) break;
      this.next();
      if (prev === '??' && op.value !== '??') {
        throw new ExprError(
          `Operator (${op.value}) and coalesce expressions (??) cannot be mixed. Wrap either by parentheses.`,
          this.source,
          op.from,
        );
      }
      if (COMPARISONS.has(op.value)) {
        left = this.parseComparison(left, op, info.precedence);
      } else {
        const right = this.parseExpression(info.right ? info.precedence : info.precedence + 1);
        left = { kind: 'binary', op: op.value, left, right, at: op.from };
      }
      prev = op.value;
    }
    if (precedence === 0) left = this.parseConditional(left);
    return left;
  }

  private parseComparison(left: ExprNode, token: Token, precedence: number): ExprNode {
    let root: ExprNode | undefined;
    let lhs = left;
    let op = token;
    for (;;) {
      const rhs = this.parseExpression(precedence + 1);
      const cmp: ExprNode = { kind: 'binary', op: op.value, left: lhs, right: rhs, at: op.from };
      root = root ? { kind: 'binary', op: '&&', left: root, right: cmp, at: op.from } : cmp;
      lhs = rhs;
      if (!(this.current.kind === 'Operator' && COMPARISONS.has(this.current.value))) break;
      op = this.current;
      this.next();
    }
    return root;
  }

  private parseConditional(node: ExprNode): ExprNode {
    let result = node;
    while (this.is('Operator', '?')) {
      const at = this.current.from;
      this.next();
      if (this.is('Operator', ':')) {
        this.next();
        const otherwise = this.parseExpression(0);
        result = { kind: 'conditional', cond: result, then: result, else: otherwise, at };
      } else {
        const then = this.parseExpression(0);
        this.expect('Operator', ':');
        const otherwise = this.parseExpression(0);
        result = { kind: 'conditional', cond: result, then, else: otherwise, at };
      }
    }
    return result;
  }

  private parseLet(): ExprNode {
    this.next();
    const name = this.current;
    if (name.kind !== 'Identifier') this.fail();
    this.next();
    this.expect('Operator', '=');
    const value = this.parseExpression(0);
    this.expect('Operator', ';');
    const body = this.parseSequence();
    return { kind: 'let', name: name.value, value, body, at: name.from };
  }

  private parsePrimary(): ExprNode {
    const token = this.current;
    if (token.kind === 'Operator' && UNARY[token.value] !== undefined) {
      this.next();
      const operand = this.parseExpression(UNARY[token.value] as number);
      return { kind: 'unary', op: token.value, operand, at: token.from };
    }
    if (token.kind === 'Bracket' && token.value === '(') {
      this.next();
      const inner = this.parseSequence();
      this.expect('Bracket', ')');
      return inner;
    }
    if (token.kind === 'Number') {
      this.next();
      const text = token.value.replace(/_/g, '');
      const integer = /^[0-9]+$/.test(text);
      const value = Number(text);
      if (integer && !Number.isSafeInteger(value)) {
        throw new ExprError('integer literal is too large', this.source, token.from);
      }
      return { kind: 'number', value, integer, at: token.from };
    }
    if (token.kind === 'Identifier') {
      this.next();
      if (token.value === 'true' || token.value === 'false')
        return { kind: 'bool', value: token.value === 'true', at: token.from };
      if (token.value === 'nil') return { kind: 'nil', at: token.from };
      if (this.is('Bracket', '(')) {
        this.next();
        const args: ExprNode[] = [];
        if (!this.is('Bracket', ')')) {
          args.push(this.parseExpression(0));
          while (this.is('Operator', ',')) {
            this.next();
            args.push(this.parseExpression(0));
          }
        }
        this.expect('Bracket', ')');
        return { kind: 'call', name: token.value, args, at: token.from };
      }
      return { kind: 'name', name: token.value, at: token.from };
    }
    if (token.kind === 'EOF') throw new ExprError('unexpected end of expression', this.source, token.from);
    return this.fail();
  }
}

/** Builtins of the subset with their arities ([min, max]; max -1 = variadic). */
const BUILTINS: Readonly<Record<string, [number, number]>> = {
  min: [1, -1],
  max: [1, -1],
  abs: [1, 1],
  ceil: [1, 1],
  floor: [1, 1],
  round: [1, 1],
  float: [1, 1],
  int: [1, 1],
};

/** A checked formula, ready to evaluate. */
export interface CompiledExpr {
  readonly source: string;
  readonly ast: ExprNode;
  /** The variable names the formula reads. */
  readonly variables: readonly string[];
}

type StaticType = 'float64' | 'int' | 'bool' | 'nil' | 'any';

const isNumeric = (t: StaticType): boolean => t === 'float64' || t === 'int' || t === 'any';
const isBoolish = (t: StaticType): boolean => t === 'bool' || t === 'any';

/**
 * Parses and type-checks a formula against the known variable names (all float64, as KEDA's
 * `expr.Env(map[string]float64)`). Throws {@link ExprError} with expr's message and location.
 */
export function compileExpr(source: string, variables: readonly string[]): CompiledExpr {
  const ast = new Parser(lex(source), source).parseProgram();
  const known = new Set(variables);
  const used = new Set<string>();
  const check = (node: ExprNode, scope: ReadonlySet<string>): StaticType => {
    const mismatch = (op: string, l: StaticType, r: StaticType): never => {
      throw new ExprError(`invalid operation: ${op} (mismatched types ${l} and ${r})`, source, node.at);
    };
    switch (node.kind) {
      case 'number':
        return node.integer ? 'int' : 'float64';
      case 'bool':
        return 'bool';
      case 'nil':
        return 'nil';
      case 'name':
        if (scope.has(node.name)) return 'any';
        if (!known.has(node.name)) throw new ExprError(`unknown name ${node.name}`, source, node.at);
        used.add(node.name);
        return 'float64';
      case 'unary': {
        const t = check(node.operand, scope);
        if ((node.op === '!' || node.op === 'not') && !isBoolish(t)) {
          throw new ExprError(`invalid operation: ${node.op} (mismatched type ${t})`, source, node.at);
        }
        if ((node.op === '-' || node.op === '+') && !isNumeric(t)) {
          throw new ExprError(`invalid operation: ${node.op} (mismatched type ${t})`, source, node.at);
        }
        return node.op === '!' || node.op === 'not' ? 'bool' : t;
      }
      case 'binary': {
        const l = check(node.left, scope);
        const r = check(node.right, scope);
        switch (node.op) {
          case '??':
            return l === 'nil' ? r : l;
          case '==':
          case '!=':
            return 'bool';
          case '&&':
          case '||':
          case 'and':
          case 'or':
            if (!isBoolish(l) || !isBoolish(r)) mismatch(node.op, l, r);
            return 'bool';
          case '<':
          case '>':
          case '<=':
          case '>=':
            if (!isNumeric(l) || !isNumeric(r)) mismatch(node.op, l, r);
            return 'bool';
          case '%':
            if (!isNumeric(l) || !isNumeric(r)) mismatch(node.op, l, r);
            return 'int';
          case '/':
          case '**':
          case '^':
            if (!isNumeric(l) || !isNumeric(r)) mismatch(node.op, l, r);
            return 'float64';
          default:
            if (!isNumeric(l) || !isNumeric(r)) mismatch(node.op, l, r);
            return l === 'int' && r === 'int' ? 'int' : l === 'any' || r === 'any' ? 'any' : 'float64';
        }
      }
      case 'conditional': {
        const c = check(node.cond, scope);
        if (!isBoolish(c)) {
          throw new ExprError(`non-bool expression (type ${c}) used as condition`, source, node.cond.at);
        }
        const a = check(node.then, scope);
        const b = check(node.else, scope);
        return a === b ? a : 'any';
      }
      case 'call': {
        const arity = BUILTINS[node.name];
        if (!arity) throw new ExprError(`unknown name ${node.name}`, source, node.at);
        const [lo, hi] = arity;
        if (node.args.length < lo)
          throw new ExprError(`not enough arguments to call ${node.name}`, source, node.at);
        if (hi >= 0 && node.args.length > hi)
          throw new ExprError(`too many arguments to call ${node.name}`, source, node.at);
        for (const arg of node.args) {
          const t = check(arg, scope);
          if (node.name !== 'float' && node.name !== 'int' && !isNumeric(t) && t !== 'nil') {
            throw new ExprError(`invalid argument for ${node.name} (type ${t})`, source, node.at);
          }
        }
        return node.name === 'int' ? 'int' : node.name === 'float' ? 'float64' : 'any';
      }
      case 'let': {
        if (known.has(node.name) || BUILTINS[node.name]) {
          throw new ExprError(`cannot redeclare variable ${node.name}`, source, node.at);
        }
        check(node.value, scope);
        return check(node.body, new Set([...scope, node.name]));
      }
      case 'sequence': {
        let last: StaticType = 'any';
        for (const n of node.nodes) last = check(n, scope);
        return last;
      }
    }
  };
  check(ast, new Set());
  return { source, ast, variables: [...used] };
}

const goTypeName = (v: ExprValue): string =>
  v === null ? '<nil>' : typeof v === 'boolean' ? 'bool' : 'float64';

/** Go's `math.Round`: half away from zero. */
function goRound(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/**
 * Evaluates a compiled formula. Variables absent from `env` or set to `null` are `nil` (KEDA passes
 * nil for a trigger whose failures exceed the fallback threshold). Throws {@link ExprError} for
 * runtime type errors such as `invalid operation: <nil> + float64`.
 */
export function evaluateExpr(
  compiled: CompiledExpr,
  env: Readonly<Record<string, number | null>>,
): ExprValue {
  const { source } = compiled;
  const fail = (message: string, at: number): never => {
    throw new ExprError(message, source, at);
  };
  const num = (v: ExprValue, op: string, other: ExprValue, at: number, leftFirst: boolean): number => {
    if (typeof v !== 'number') {
      const [l, r] = leftFirst ? [v, other] : [other, v];
      return fail(`invalid operation: ${goTypeName(l)} ${op} ${goTypeName(r)}`, at);
    }
    return v;
  };
  const evaluate = (node: ExprNode, locals: ReadonlyMap<string, ExprValue>): ExprValue => {
    switch (node.kind) {
      case 'number':
        return node.value;
      case 'bool':
        return node.value;
      case 'nil':
        return null;
      case 'name':
        if (locals.has(node.name)) return locals.get(node.name) ?? null;
        return env[node.name] ?? null;
      case 'unary': {
        const v = evaluate(node.operand, locals);
        if (node.op === '!' || node.op === 'not') {
          if (typeof v !== 'boolean') return fail(`invalid operation: ${node.op}${goTypeName(v)}`, node.at);
          return !v;
        }
        if (typeof v !== 'number') return fail(`invalid operation: ${node.op}${goTypeName(v)}`, node.at);
        return node.op === '-' ? -v : v;
      }
      case 'binary': {
        const op = node.op;
        if (op === '??') {
          const l = evaluate(node.left, locals);
          return l === null ? evaluate(node.right, locals) : l;
        }
        if (op === '&&' || op === 'and' || op === '||' || op === 'or') {
          const l = evaluate(node.left, locals);
          if (typeof l !== 'boolean') return fail(`invalid operation: ${goTypeName(l)} ${op} bool`, node.at);
          if ((op === '&&' || op === 'and') && !l) return false;
          if ((op === '||' || op === 'or') && l) return true;
          const r = evaluate(node.right, locals);
          if (typeof r !== 'boolean') return fail(`invalid operation: bool ${op} ${goTypeName(r)}`, node.at);
          return r;
        }
        const l = evaluate(node.left, locals);
        const r = evaluate(node.right, locals);
        if (op === '==') return l === r;
        if (op === '!=') return l !== r;
        const a = num(l, op, r, node.at, true);
        const b = num(r, op, l, node.at, false);
        switch (op) {
          case '+':
            return a + b;
          case '-':
            return a - b;
          case '*':
            return a * b;
          case '/':
            return a / b;
          case '%':
            if (Math.trunc(b) === 0) return fail('integer divide by zero', node.at);
            return Math.trunc(a) % Math.trunc(b);
          case '**':
          case '^':
            return a ** b;
          case '<':
            return a < b;
          case '>':
            return a > b;
          case '<=':
            return a <= b;
          case '>=':
            return a >= b;
          default:
            return fail(`unknown operator (${op})`, node.at);
        }
      }
      case 'conditional': {
        const c = evaluate(node.cond, locals);
        if (typeof c !== 'boolean')
          return fail(`non-bool expression (type ${goTypeName(c)}) used as condition`, node.at);
        return evaluate(c ? node.then : node.else, locals);
      }
      case 'call': {
        const args = node.args.map((a) => evaluate(a, locals));
        const numbers = (): number[] =>
          args.map((a) =>
            typeof a === 'number'
              ? a
              : fail(`invalid argument for ${node.name} (type ${goTypeName(a)})`, node.at),
          );
        switch (node.name) {
          case 'min':
            return Math.min(...numbers());
          case 'max':
            return Math.max(...numbers());
          case 'abs':
            return Math.abs(numbers()[0] as number);
          case 'ceil':
            return Math.ceil(numbers()[0] as number);
          case 'floor':
            return Math.floor(numbers()[0] as number);
          case 'round':
            return goRound(numbers()[0] as number);
          case 'float': {
            const v = args[0] ?? null;
            if (typeof v === 'number') return v;
            return fail(`invalid argument for float (type ${goTypeName(v)})`, node.at);
          }
          case 'int': {
            const v = args[0] ?? null;
            if (typeof v === 'number') return Math.trunc(v);
            return fail(`invalid argument for int (type ${goTypeName(v)})`, node.at);
          }
          default:
            return fail(`unknown name ${node.name}`, node.at);
        }
      }
      case 'let': {
        const value = evaluate(node.value, locals);
        return evaluate(node.body, new Map([...locals, [node.name, value]]));
      }
      case 'sequence': {
        let last: ExprValue = null;
        for (const n of node.nodes) last = evaluate(n, locals);
        return last;
      }
    }
  };
  return evaluate(compiled.ast, new Map());
}

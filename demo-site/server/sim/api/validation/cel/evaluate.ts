/**
 * Evaluation of parsed CEL expressions over JSON data typed by a structural schema (integers are
 * `int`, numbers `double`, objects maps). Errors follow cel-go's runtime messages (`no such key:
 * x`, `no such overload`, `integer overflow`, `division by zero`); `&&` and `||` absorb errors the
 * way CEL's commutative logic does.
 */
import { isObject } from '../../../core/json.ts';
import { compileGoRegexp } from '../go-regexp.ts';
import { childSchema, type Schema } from '../schema.ts';
import type { BinaryOp, Expr } from './parse.ts';

export type CelValue =
  | { type: 'int'; value: bigint }
  | { type: 'uint'; value: bigint }
  | { type: 'double'; value: number }
  | { type: 'string'; value: string }
  | { type: 'bool'; value: boolean }
  | { type: 'null' }
  | { type: 'list'; value: CelValue[] }
  | { type: 'map'; value: Map<string, { key: CelValue; value: CelValue }> };

/** A runtime evaluation error (`no such key: x`…). */
export class CelEvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CelEvalError';
  }
}

/** A reference the type checker would reject (unknown identifier or function). */
export class CelCompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CelCompileError';
  }
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

export const celBool = (value: boolean): CelValue => ({ type: 'bool', value });
const celInt = (value: bigint): CelValue => {
  if (value < INT64_MIN || value > INT64_MAX) throw new CelEvalError('integer overflow');
  return { type: 'int', value };
};
const celUint = (value: bigint): CelValue => {
  if (value < 0n || value > UINT64_MAX) throw new CelEvalError('unsigned integer overflow');
  return { type: 'uint', value };
};
const celString = (value: string): CelValue => ({ type: 'string', value });

function mapKey(key: CelValue): string {
  switch (key.type) {
    case 'string':
      return `s:${key.value}`;
    case 'int':
    case 'uint':
      return `n:${key.value.toString()}`;
    case 'double':
      return Number.isInteger(key.value) ? `n:${key.value}` : `d:${key.value}`;
    case 'bool':
      return `b:${key.value}`;
    default:
      throw new CelEvalError(`unsupported key type: ${key.type}`);
  }
}

/** Decoded JSON as a CEL value, typed by its schema (integer → int, number → double). */
export function toCel(value: unknown, schema: Schema | undefined): CelValue {
  if (value === null || value === undefined) return { type: 'null' };
  if (typeof value === 'boolean') return celBool(value);
  if (typeof value === 'string') return celString(value);
  if (typeof value === 'number') {
    const wantsDouble = schema?.types.includes('number') === true;
    if (!wantsDouble && Number.isInteger(value)) return { type: 'int', value: BigInt(value) };
    return { type: 'double', value };
  }
  if (Array.isArray(value)) return { type: 'list', value: value.map((v) => toCel(v, schema?.items)) };
  const entries = new Map<string, { key: CelValue; value: CelValue }>();
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      entries.set(mapKey(celString(k)), { key: celString(k), value: toCel(v, childSchema(schema, k)) });
    }
  }
  return { type: 'map', value: entries };
}

function typeName(v: CelValue): string {
  return v.type === 'null' ? 'null_type' : v.type;
}

function noOverload(): CelEvalError {
  return new CelEvalError('no such overload');
}

function numeric(v: CelValue): number | bigint | undefined {
  if (v.type === 'int' || v.type === 'uint') return v.value;
  if (v.type === 'double') return v.value;
  return undefined;
}

function compareNumbers(a: number | bigint, b: number | bigint): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  const x = Number(a);
  const y = Number(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
  return x < y ? -1 : x > y ? 1 : 0;
}

export function celEquals(a: CelValue, b: CelValue): boolean {
  const na = numeric(a);
  const nb = numeric(b);
  if (na !== undefined && nb !== undefined) return compareNumbers(na, nb) === 0;
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'null':
      return true;
    case 'string':
    case 'bool':
      return a.value === (b as typeof a).value;
    case 'list': {
      const other = (b as typeof a).value;
      return (
        a.value.length === other.length && a.value.every((v, i) => celEquals(v, other[i] ?? { type: 'null' }))
      );
    }
    case 'map': {
      const other = (b as typeof a).value;
      if (a.value.size !== other.size) return false;
      for (const [k, entry] of a.value) {
        const o = other.get(k);
        if (!o || !celEquals(entry.value, o.value)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

function compare(op: BinaryOp, a: CelValue, b: CelValue): boolean {
  let c: number;
  const na = numeric(a);
  const nb = numeric(b);
  if (na !== undefined && nb !== undefined) c = compareNumbers(na, nb);
  else if (a.type === 'string' && b.type === 'string') c = a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  else if (a.type === 'bool' && b.type === 'bool') c = Number(a.value) - Number(b.value);
  else throw noOverload();
  if (Number.isNaN(c)) return false;
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    default:
      return c >= 0;
  }
}

function arithmetic(op: BinaryOp, a: CelValue, b: CelValue): CelValue {
  if (a.type === 'int' && b.type === 'int') {
    switch (op) {
      case '+':
        return celInt(a.value + b.value);
      case '-':
        return celInt(a.value - b.value);
      case '*':
        return celInt(a.value * b.value);
      case '/':
        if (b.value === 0n) throw new CelEvalError('division by zero');
        return celInt(a.value / b.value);
      default:
        if (b.value === 0n) throw new CelEvalError('modulus by zero');
        return celInt(a.value % b.value);
    }
  }
  if (a.type === 'uint' && b.type === 'uint') {
    switch (op) {
      case '+':
        return celUint(a.value + b.value);
      case '-':
        return celUint(a.value - b.value);
      case '*':
        return celUint(a.value * b.value);
      case '/':
        if (b.value === 0n) throw new CelEvalError('division by zero');
        return celUint(a.value / b.value);
      default:
        if (b.value === 0n) throw new CelEvalError('modulus by zero');
        return celUint(a.value % b.value);
    }
  }
  if (a.type === 'double' && b.type === 'double' && op !== '%') {
    const value =
      op === '+'
        ? a.value + b.value
        : op === '-'
          ? a.value - b.value
          : op === '*'
            ? a.value * b.value
            : a.value / b.value;
    return { type: 'double', value };
  }
  if (op === '+' && a.type === 'string' && b.type === 'string') return celString(a.value + b.value);
  if (op === '+' && a.type === 'list' && b.type === 'list')
    return { type: 'list', value: [...a.value, ...b.value] };
  throw noOverload();
}

function asBool(v: CelValue): boolean {
  if (v.type !== 'bool') throw noOverload();
  return v.value;
}

function asString(v: CelValue): string {
  if (v.type !== 'string') throw noOverload();
  return v.value;
}

function size(v: CelValue): CelValue {
  if (v.type === 'string') return celInt(BigInt([...v.value].length));
  if (v.type === 'list') return celInt(BigInt(v.value.length));
  if (v.type === 'map') return celInt(BigInt(v.value.size));
  throw noOverload();
}

function convertInt(v: CelValue): CelValue {
  switch (v.type) {
    case 'int':
      return v;
    case 'uint':
      return celInt(v.value);
    case 'double':
      if (!Number.isFinite(v.value)) throw new CelEvalError('integer overflow');
      return celInt(BigInt(Math.trunc(v.value)));
    case 'string':
      if (!/^[+-]?\d+$/.test(v.value))
        throw new CelEvalError(`strconv.ParseInt: parsing "${v.value}": invalid syntax`);
      return celInt(BigInt(v.value));
    default:
      throw noOverload();
  }
}

function convertString(v: CelValue): CelValue {
  switch (v.type) {
    case 'string':
      return v;
    case 'int':
    case 'uint':
      return celString(v.value.toString());
    case 'double':
      return celString(String(v.value));
    case 'bool':
      return celString(String(v.value));
    default:
      throw noOverload();
  }
}

function convertDouble(v: CelValue): CelValue {
  switch (v.type) {
    case 'double':
      return v;
    case 'int':
    case 'uint':
      return { type: 'double', value: Number(v.value) };
    case 'string': {
      const n = Number(v.value);
      if (v.value.trim() === '' || Number.isNaN(n))
        throw new CelEvalError(`strconv.ParseFloat: parsing "${v.value}": invalid syntax`);
      return { type: 'double', value: n };
    }
    default:
      throw noOverload();
  }
}

type Scope = ReadonlyMap<string, CelValue>;

function evalCall(name: string, target: CelValue | undefined, args: CelValue[]): CelValue {
  const all = target ? [target, ...args] : args;
  const [a, b] = all;
  switch (name) {
    case 'size':
      if (all.length === 1 && a) return size(a);
      break;
    case 'startsWith':
      if (target && b) return celBool(asString(target).startsWith(asString(b)));
      break;
    case 'endsWith':
      if (target && b) return celBool(asString(target).endsWith(asString(b)));
      break;
    case 'contains':
      if (target && b) return celBool(asString(target).includes(asString(b)));
      break;
    case 'matches':
      if (all.length === 2 && a && b) {
        const re = compileGoRegexp(asString(b));
        if (!re.regexp) throw new CelEvalError(`invalid regular expression: ${re.error ?? ''}`);
        return celBool(re.regexp.test(asString(a)));
      }
      break;
    case 'lowerAscii':
      if (target) return celString(asString(target).replace(/[A-Z]/g, (c) => c.toLowerCase()));
      break;
    case 'upperAscii':
      if (target) return celString(asString(target).replace(/[a-z]/g, (c) => c.toUpperCase()));
      break;
    case 'int':
      if (!target && a && all.length === 1) return convertInt(a);
      break;
    case 'uint':
      if (!target && a && all.length === 1) {
        const n = numeric(a);
        if (n === undefined) throw noOverload();
        return celUint(typeof n === 'bigint' ? n : BigInt(Math.trunc(n)));
      }
      break;
    case 'double':
      if (!target && a && all.length === 1) return convertDouble(a);
      break;
    case 'string':
      if (!target && a && all.length === 1) return convertString(a);
      break;
    default:
      throw new CelCompileError(`undeclared reference to '${name}' (in container '')`);
  }
  throw noOverload();
}

function evalBinary(op: BinaryOp, left: () => CelValue, right: () => CelValue): CelValue {
  if (op === '&&' || op === '||') {
    const short = op === '||';
    let leftError: unknown;
    try {
      if (asBool(left()) === short) return celBool(short);
    } catch (error) {
      if (error instanceof CelCompileError) throw error;
      leftError = error;
    }
    const r = asBool(right());
    if (r === short) return celBool(short);
    if (leftError) throw leftError;
    return celBool(!short);
  }
  const a = left();
  const b = right();
  switch (op) {
    case '==':
      return celBool(celEquals(a, b));
    case '!=':
      return celBool(!celEquals(a, b));
    case '<':
    case '<=':
    case '>':
    case '>=':
      return celBool(compare(op, a, b));
    case 'in':
      if (b.type === 'list') return celBool(b.value.some((v) => celEquals(v, a)));
      if (b.type === 'map') return celBool(b.value.has(mapKey(a)));
      throw noOverload();
    default:
      return arithmetic(op, a, b);
  }
}

function evalComprehension(expr: Extract<Expr, { kind: 'comprehension' }>, scope: Scope): CelValue {
  const range = evaluate(expr.range, scope);
  let items: CelValue[];
  if (range.type === 'list') items = range.value;
  else if (range.type === 'map') items = [...range.value.values()].map((e) => e.key);
  else throw noOverload();
  const bind = (item: CelValue): Scope => new Map([...scope, [expr.variable, item]]);
  switch (expr.macro) {
    case 'all':
    case 'exists': {
      const want = expr.macro === 'exists';
      let pending: unknown;
      for (const item of items) {
        try {
          if (asBool(evaluate(expr.body, bind(item))) === want) return celBool(want);
        } catch (error) {
          if (error instanceof CelCompileError) throw error;
          pending ??= error;
        }
      }
      if (pending) throw pending;
      return celBool(!want);
    }
    case 'exists_one':
      return celBool(items.filter((item) => asBool(evaluate(expr.body, bind(item)))).length === 1);
    case 'filter':
      return { type: 'list', value: items.filter((item) => asBool(evaluate(expr.body, bind(item)))) };
    case 'map': {
      const transform = expr.transform ?? expr.body;
      return {
        type: 'list',
        value: items
          .filter((item) => asBool(evaluate(expr.body, bind(item))))
          .map((item) => evaluate(transform, bind(item))),
      };
    }
  }
  throw noOverload();
}

/** Evaluates `expr` with the variables in `scope` (`self`, `oldSelf`, comprehension variables). */
export function evaluate(expr: Expr, scope: Scope): CelValue {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'ident': {
      const v = scope.get(expr.name);
      if (!v) throw new CelCompileError(`undeclared reference to '${expr.name}' (in container '')`);
      return v;
    }
    case 'select': {
      const operand = evaluate(expr.operand, scope);
      if (operand.type !== 'map')
        throw new CelEvalError(`type '${typeName(operand)}' does not support field selection`);
      const entry = operand.value.get(mapKey(celString(expr.field)));
      if (!entry) throw new CelEvalError(`no such key: ${expr.field}`);
      return entry.value;
    }
    case 'has': {
      const operand = evaluate(expr.operand, scope);
      if (operand.type !== 'map') throw noOverload();
      return celBool(operand.value.has(mapKey(celString(expr.field))));
    }
    case 'index': {
      const operand = evaluate(expr.operand, scope);
      const index = evaluate(expr.index, scope);
      if (operand.type === 'list') {
        const n = numeric(index);
        if (n === undefined || (typeof n === 'number' && !Number.isInteger(n))) throw noOverload();
        const i = Number(n);
        const item = operand.value[i];
        if (i < 0 || !item) throw new CelEvalError(`index out of bounds: ${i}`);
        return item;
      }
      if (operand.type === 'map') {
        const entry = operand.value.get(mapKey(index));
        if (!entry)
          throw new CelEvalError(
            `no such key: ${index.type === 'string' ? index.value : JSON.stringify(numeric(index)?.toString())}`,
          );
        return entry.value;
      }
      throw noOverload();
    }
    case 'call':
      return evalCall(
        expr.name,
        expr.target ? evaluate(expr.target, scope) : undefined,
        expr.args.map((a) => evaluate(a, scope)),
      );
    case 'comprehension':
      return evalComprehension(expr, scope);
    case 'unary': {
      const v = evaluate(expr.operand, scope);
      if (expr.op === '!') return celBool(!asBool(v));
      if (v.type === 'int') return celInt(-v.value);
      if (v.type === 'double') return { type: 'double', value: -v.value };
      throw noOverload();
    }
    case 'binary':
      return evalBinary(
        expr.op,
        () => evaluate(expr.left, scope),
        () => evaluate(expr.right, scope),
      );
    case 'conditional':
      return asBool(evaluate(expr.test, scope))
        ? evaluate(expr.then, scope)
        : evaluate(expr.otherwise, scope);
    case 'list':
      return { type: 'list', value: expr.items.map((i) => evaluate(i, scope)) };
    case 'map': {
      const entries = new Map<string, { key: CelValue; value: CelValue }>();
      for (const e of expr.entries) {
        const key = evaluate(e.key, scope);
        entries.set(mapKey(key), { key, value: evaluate(e.value, scope) });
      }
      return { type: 'map', value: entries };
    }
  }
  throw noOverload();
}

/** Whether an expression mentions `oldSelf` (a transition rule). */
export function usesOldSelf(expr: Expr): boolean {
  switch (expr.kind) {
    case 'ident':
      return expr.name === 'oldSelf';
    case 'literal':
      return false;
    case 'select':
    case 'has':
      return usesOldSelf(expr.operand);
    case 'index':
      return usesOldSelf(expr.operand) || usesOldSelf(expr.index);
    case 'call':
      return (expr.target ? usesOldSelf(expr.target) : false) || expr.args.some(usesOldSelf);
    case 'comprehension':
      return (
        usesOldSelf(expr.range) ||
        usesOldSelf(expr.body) ||
        (expr.transform ? usesOldSelf(expr.transform) : false)
      );
    case 'unary':
      return usesOldSelf(expr.operand);
    case 'binary':
      return usesOldSelf(expr.left) || usesOldSelf(expr.right);
    case 'conditional':
      return usesOldSelf(expr.test) || usesOldSelf(expr.then) || usesOldSelf(expr.otherwise);
    case 'list':
      return expr.items.some(usesOldSelf);
    case 'map':
      return expr.entries.some((e) => usesOldSelf(e.key) || usesOldSelf(e.value));
  }
  return false;
}

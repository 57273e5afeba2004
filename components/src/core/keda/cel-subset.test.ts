import { test } from 'node:test';
import assert from 'node:assert/strict';
import { celRuleHolds, evaluateCel, type CelResult } from './cel-subset.js';

const ok = (value: unknown): CelResult => ({ ok: true, value });
const error = (message: string): CelResult => ({ ok: false, reason: 'error', message });
const unsupported = (message: string): CelResult => ({ ok: false, reason: 'unsupported', message });

const self = { n: 3, f: 2.5, s: 'orders-queue', l: [1, 2, 3], m: { a: 1, b: null }, t: true, none: null };

test('literals: numbers (unsigned suffix, exponents), strings with escapes, booleans, null, lists', () => {
  const cases: Array<[string, unknown]> = [
    ['42', 42],
    ['7u', 7],
    ['1.5e2', 150],
    ['"a\\tb\\nc\\"d"', 'a\tb\nc"d'],
    ["'single'", 'single'],
    ['true', true],
    ['false', false],
    ['null', null],
    ['[1, "x", [true]]', [1, 'x', [true]]],
    ['[]', []],
    ['  ( 1 )  ', 1],
  ];
  for (const [expression, value] of cases)
    assert.deepEqual(evaluateCel(expression, {}), ok(value), expression);
});

test('field selection, indexing and has() on self', () => {
  const cases: Array<[string, CelResult]> = [
    ['self.n', ok(3)],
    ['self.m.a', ok(1)],
    ['self.l[1]', ok(2)],
    ['self["s"]', ok('orders-queue')],
    ['has(self.n)', ok(true)],
    ['has(self.m.a)', ok(true)],
    ['has(self.m.b)', ok(false)],
    ['has(self.missing)', ok(false)],
    ['self.missing', error('no such key: missing')],
    ['self.n.x', error('no such key: x')],
    ['self.l[3]', error('index out of range')],
    ['self.l[-1]', error('index out of range')],
    ['self.l["a"]', error('no such overload: index')],
    ['has(self.n.x)', error('has() on a non-object')],
    ['has(self)', unsupported('has() needs a field selection')],
  ];
  for (const [expression, result] of cases)
    assert.deepEqual(evaluateCel(expression, self), result, expression);
});

test('arithmetic: integer division truncates, float division does not, strings and lists concatenate', () => {
  const cases: Array<[string, CelResult]> = [
    ['self.n + 2 * 3', ok(9)],
    ['self.n - 5', ok(-2)],
    ['7 / 2', ok(3)],
    ['-7 / 2', ok(-3)],
    ['self.f / 2', ok(1.25)],
    ['7 % 4', ok(3)],
    ['-self.n', ok(-3)],
    ['"a" + "b"', ok('ab')],
    ['[1] + [2]', ok([1, 2])],
    ['1 / 0', error('division by zero')],
    ['1 % 0', error('modulus by zero')],
    ['"a" - "b"', error('no such overload: -')],
    ['"a" + 1', error('no such overload: +')],
    ['-"a"', error('no such overload: -')],
    ['!1', error('no such overload: !')],
  ];
  for (const [expression, result] of cases)
    assert.deepEqual(evaluateCel(expression, self), result, expression);
});

test('comparisons and in: numbers and strings compare, lists and maps by value, mixed types do not', () => {
  const cases: Array<[string, CelResult]> = [
    ['self.n == 3', ok(true)],
    ['self.n != 3', ok(false)],
    ['self.l == [1, 2, 3]', ok(true)],
    ['self.n < 4', ok(true)],
    ['self.n <= 3', ok(true)],
    ['self.n > 3', ok(false)],
    ['self.n >= 4', ok(false)],
    ['"abc" < "abd"', ok(true)],
    ['2 in self.l', ok(true)],
    ['9 in self.l', ok(false)],
    ['"a" in self.m', ok(true)],
    ['"z" in self.m', ok(false)],
    ['1 in self.m', ok(false)],
    ['1 in "abc"', error('no such overload: in')],
    ['self.n < "4"', error('no such overload: <')],
  ];
  for (const [expression, result] of cases)
    assert.deepEqual(evaluateCel(expression, self), result, expression);
});

test('&& and || are commutative over errors, as in CEL; a non-bool operand is an error', () => {
  const cases: Array<[string, CelResult]> = [
    ['self.t || self.missing', ok(true)],
    ['self.missing || self.t', ok(true)],
    ['self.missing && false', ok(false)],
    ['false && self.missing', ok(false)],
    ['self.missing || false', error('no such key: missing')],
    ['self.missing && true', error('no such key: missing')],
    ['true && true && self.t', ok(true)],
    ['false || false', ok(false)],
    ['1 || true', ok(true)],
    ['1 || false', error('no such overload: logical operator')],
    ['true || 1', ok(true)],
    ['false || 1', error('no such overload: logical operator')],
    ['!self.t || !false', ok(true)],
  ];
  for (const [expression, result] of cases)
    assert.deepEqual(evaluateCel(expression, self), result, expression);
});

test('?: evaluates only the chosen side; its condition must be a bool', () => {
  assert.deepEqual(evaluateCel('self.t ? "yes" : self.missing', self), ok('yes'));
  assert.deepEqual(evaluateCel('!self.t ? self.missing : 1 ? 2 : 3', self), error('condition is not a bool'));
  assert.deepEqual(evaluateCel('false ? 1 : true ? 2 : 3', self), ok(2));
  assert.deepEqual(evaluateCel('self.n ? 1 : 2', self), error('condition is not a bool'));
});

test('size and string methods; anything else is left to the server', () => {
  const cases: Array<[string, CelResult]> = [
    ['size("héllo")', ok(5)],
    ['size(self.l)', ok(3)],
    ['size(self.m)', ok(2)],
    ['self.s.size()', ok(12)],
    ['size(self.n)', error('no such overload: size')],
    ['self.s.startsWith("orders")', ok(true)],
    ['self.s.endsWith("queue")', ok(true)],
    ['self.s.contains("-")', ok(true)],
    ['self.s.matches("^[a-z-]+$")', ok(true)],
    ['self.s.matches("^[0-9]+$")', ok(false)],
    ['self.s.lowerAscii()', unsupported('unsupported function lowerAscii')],
    ['self.s.find("x")', unsupported('unsupported function find')],
    // An unsupported function is not an error that || or && could absorb.
    ['self.s.lowerAscii() == "x" || true', unsupported('unsupported function lowerAscii')],
    ['self.n.startsWith("1")', unsupported('unsupported function startsWith')],
    ['self.s.startsWith("a", "b")', unsupported('unsupported function startsWith')],
    ['size()', unsupported('size() needs an argument')],
    ['int(self.s)', unsupported('unsupported name int')],
  ];
  for (const [expression, result] of cases)
    assert.deepEqual(evaluateCel(expression, self), result, expression);
});

test('syntax the subset does not know is unsupported, not an error', () => {
  const cases: Array<[string, string]> = [
    ['"open', 'unterminated string'],
    ['"ends in a backslash\\', 'unterminated string'],
    ['self.n & 1', 'unexpected character "&"'],
    ['1 2', 'trailing tokens'],
    ['(1', 'expected )'],
    ['[1 2]', 'expected ,'],
    ['self.', 'expected a name'],
    ['self.1', 'expected a name'],
    ['true ? 1', 'expected :'],
    [')', 'unexpected token'],
    ['self.l[0', 'expected ]'],
    ['has self.n', 'expected ('],
    ['has(self.n', 'expected )'],
    ['self.s.startsWith("a" "b")', 'expected ,'],
  ];
  for (const [expression, message] of cases)
    assert.deepEqual(evaluateCel(expression, self), unsupported(message), expression);
});

test('a rule holds, fails, or cannot be told (error, non-bool result, unsupported)', () => {
  assert.equal(celRuleHolds('self.n > 1', self), true);
  assert.equal(celRuleHolds('self.n > 5', self), false);
  assert.equal(celRuleHolds('self.n', self), undefined);
  assert.equal(celRuleHolds('self.missing > 1', self), undefined);
  assert.equal(celRuleHolds('self.all(x, x > 0)', self), undefined);
});

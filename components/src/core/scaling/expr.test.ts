import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileExpr, evaluateExpr, ExprError } from './expr.js';

const run = (source: string, env: Record<string, number | null> = {}) =>
  evaluateExpr(compileExpr(source, Object.keys(env)), env);

test('evaluates the formulas KEDA documents', () => {
  const cases: Array<[string, Record<string, number | null>, number | boolean | null]> = [
    ['trig_one + trig_two', { trig_one: 3, trig_two: 4 }, 7],
    ['(trig_one + trig_two) / 2', { trig_one: 3, trig_two: 4 }, 3.5],
    ['trig_one > 2 ? trig_one + trig_two : 1', { trig_one: 3, trig_two: 4 }, 7],
    ['trig_one > 2 ? trig_one + trig_two : 1', { trig_one: 1, trig_two: 4 }, 1],
    ['count < 2 ? 0 : count', { count: 1 }, 0],
    ['max(a, b, 2)', { a: 1, b: -5 }, 2],
    ['min(a, b)', { a: 1, b: -5 }, -5],
    ['abs(a) + ceil(1.2) + floor(1.8) + round(2.5) + round(-2.5)', { a: -3 }, 3 + 2 + 1 + 3 - 3],
    ['int(2.9) + float(1)', {}, 3],
    ['2 ** 3 ^ 2', {}, 512], // right-associative
    ['-2 ** 2', {}, -4], // unary minus binds looser than **
    ['7 % 3 + 1 - 2 * 3', {}, -4],
    ['a ?? 5', { a: null }, 5],
    ['a ?? 5', { a: 2 }, 2],
    ['a == nil ? 1 : 0', { a: null }, 1],
    ['1 < a < 3', { a: 2 }, true],
    ['1 < a < 3', { a: 5 }, false],
    ['a > 1 && !(a > 3) || false', { a: 2 }, true],
    ['a > 1 and not (a > 3)', { a: 2 }, true],
    ['let x = a * 2; x + 1', { a: 2 }, 5],
    ['a > 0 ?: false', { a: 1 }, true],
    ['1_000 + .5e1', {}, 1005],
    ['a / 0', { a: 1 }, Number.POSITIVE_INFINITY],
  ];
  for (const [source, env, expected] of cases) assert.equal(run(source, env), expected, source);
});

test('compile errors say where, in expr format', () => {
  const cases: Array<[string, string[], string]> = [
    ['a +', ['a'], 'unexpected end of expression (1:4)\n | a +\n | ...^'],
    ['a + b', ['a'], 'unknown name b (1:5)\n | a + b\n | ....^'],
    ['(a + 1', ['a'], 'unexpected token EOF (1:7)\n | (a + 1\n | ......^'],
    ['a + )', ['a'], 'unexpected token Bracket(")") (1:5)\n | a + )\n | ....^'],
    [
      'a ?? b + 1',
      ['a', 'b'],
      'Operator (+) and coalesce expressions (??) cannot be mixed. Wrap either by parentheses. (1:8)\n | a ?? b + 1\n | .......^',
    ],
    ['a # 1', ['a'], 'unexpected token Operator("#") (1:3)\n | a # 1\n | ..^'],
    ['a @ 1', ['a'], "unrecognized character: U+0040 '@' (1:3)\n | a @ 1\n | ..^"],
    ['foo(a)', ['a'], 'unknown name foo (1:1)\n | foo(a)\n | ^'],
    ['max()', [], 'not enough arguments to call max (1:1)\n | max()\n | ^'],
    [
      'a + true',
      ['a'],
      'invalid operation: + (mismatched types float64 and bool) (1:3)\n | a + true\n | ..^',
    ],
    ['a ? 1 : 2', ['a'], 'non-bool expression (type float64) used as condition (1:1)\n | a ? 1 : 2\n | ^'],
    ['a ?: 4', ['a'], 'non-bool expression (type float64) used as condition (1:1)\n | a ?: 4\n | ^'],
    ['1a', [], 'bad number syntax: "1a" (1:1)\n | 1a\n | ^'],
  ];
  for (const [source, vars, message] of cases) {
    assert.throws(
      () => compileExpr(source, vars),
      (err: unknown) => err instanceof ExprError && err.message === message,
      `${source}: expected ${JSON.stringify(message)}`,
    );
  }
});

test('runtime errors on nil operands', () => {
  assert.throws(() => run('a + 1', { a: null }), /invalid operation: <nil> \+ float64/);
  assert.throws(() => run('1 % 0'), /integer divide by zero/);
});

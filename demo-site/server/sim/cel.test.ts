/** Table-driven tests of the CEL subset used by CRD validation rules (parser and evaluator). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CelCompileError,
  CelEvalError,
  evaluate,
  toCel,
  usesOldSelf,
  type CelValue,
} from './api/validation/cel/evaluate.ts';
import { CelSyntaxError, parseCel } from './api/validation/cel/parse.ts';
import { compileSchema } from './api/validation/schema.ts';

const SCHEMA = compileSchema({
  type: 'object',
  properties: {
    minReplicaCount: { type: 'integer' },
    maxReplicaCount: { type: 'integer' },
    ratio: { type: 'number' },
    name: { type: 'string' },
    enabled: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string' } },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    items: { type: 'array', items: { type: 'object', properties: { w: { type: 'integer' } } } },
  },
});

const SELF = {
  minReplicaCount: 2,
  maxReplicaCount: 5,
  ratio: 0.5,
  name: 'app-web',
  enabled: true,
  tags: ['a', 'b'],
  labels: { team: 'x' },
  items: [{ w: 1 }, { w: 3 }],
};

/** Plain JS of a CEL value, for comparison (ints as numbers). */
function plain(v: CelValue): unknown {
  switch (v.type) {
    case 'int':
    case 'uint':
      return Number(v.value);
    case 'double':
    case 'string':
    case 'bool':
      return v.value;
    case 'null':
      return null;
    case 'list':
      return v.value.map(plain);
    case 'map':
      return Object.fromEntries([...v.value.values()].map((e) => [String(plain(e.key)), plain(e.value)]));
  }
  return undefined;
}

function run(expr: string, self: unknown = SELF, oldSelf?: unknown): unknown {
  const scope = new Map<string, CelValue>([['self', toCel(self, SCHEMA)]]);
  if (oldSelf !== undefined) scope.set('oldSelf', toCel(oldSelf, SCHEMA));
  return plain(evaluate(parseCel(expr), scope));
}

const KEDA_RULE =
  '!has(self.minReplicaCount) || self.minReplicaCount <= (has(self.maxReplicaCount) ? self.maxReplicaCount : 100)';

const VALUES: [string, unknown, unknown?][] = [
  // The KEDA ScaledObject rule over the cases it distinguishes.
  [KEDA_RULE, true],
  [KEDA_RULE, true, {}],
  [KEDA_RULE, true, { minReplicaCount: 100 }],
  [KEDA_RULE, false, { minReplicaCount: 101 }],
  [KEDA_RULE, false, { minReplicaCount: 6, maxReplicaCount: 5 }],
  [KEDA_RULE, true, { minReplicaCount: 5, maxReplicaCount: 5 }],
  // Literals.
  ['1', 1],
  ['-3', -3],
  ['0x1F', 31],
  ['7u', 7],
  ['1.5', 1.5],
  ['1e3', 1000],
  ["'single'", 'single'],
  ['"double \\"q\\" \\u00e9"', 'double "q" é'],
  ["r'raw\\n'", 'raw\\n'],
  ["'''multi\nline'''", 'multi\nline'],
  ['true', true],
  ['null', null],
  ['[1, 2, 3]', [1, 2, 3]],
  ["{'a': 1, 'b': [true]}", { a: 1, b: [true] }],
  // Field selection, has(), indexing.
  ['self.name', 'app-web'],
  ['has(self.name)', true],
  ['has(self.missing)', false],
  ['self.labels.team', 'x'],
  ["self.labels['team']", 'x'],
  ['self.tags[1]', 'b'],
  ['self.items[1].w', 3],
  // Logic and the ternary.
  ['!self.enabled', false],
  ['true && false', false],
  ['false || true', true],
  ['self.enabled ? 1 : 2', 1],
  ['false ? 1 : true ? 2 : 3', 2],
  // Errors are absorbed by && and || when the other side decides.
  ['false && self.missing > 0', false],
  ['self.missing > 0 && false', false],
  ['true || self.missing > 0', true],
  ['self.missing > 0 || true', true],
  // Comparison, arithmetic, strings, membership.
  ['self.minReplicaCount < self.maxReplicaCount', true],
  ['self.minReplicaCount >= 2 && self.maxReplicaCount != 4', true],
  ['self.ratio < 1', true],
  ['1 == 1.0', true],
  ["'a' < 'b'", true],
  ['self.maxReplicaCount - self.minReplicaCount * 2', 1],
  ['7 / 2', 3],
  ['7 % 4', 3],
  ['-7 / 2', -3],
  ['0.5 + 0.25', 0.75],
  ["'a' + 'b'", 'ab'],
  ['[1] + [2]', [1, 2]],
  ["'b' in self.tags", true],
  ["'team' in self.labels", true],
  ['size(self.tags)', 2],
  ['self.name.size()', 7],
  ["self.name.startsWith('app-')", true],
  ["self.name.endsWith('web')", true],
  ["self.name.contains('p-w')", true],
  ["self.name.matches('^[a-z-]+$')", true],
  ['int(self.ratio * 4.0)', 2],
  ["int('42') + 1", 43],
  ['string(self.minReplicaCount)', '2'],
  ['double(1) / 4.0', 0.25],
  // Comprehension macros.
  ['self.items.all(i, i.w > 0)', true],
  ['self.items.exists(i, i.w > 2)', true],
  ['self.items.exists_one(i, i.w > 0)', false],
  ['self.items.map(i, i.w * 2)', [2, 6]],
  ['self.items.filter(i, i.w > 1).size()', 1],
  ['self.labels.all(k, k.size() > 1)', true],
  // Transition rules.
  ['self.name == oldSelf.name', false, undefined],
];

const ERRORS: [string, string, unknown?][] = [
  ['self.missing', 'no such key: missing'],
  ["self.labels['nope']", 'no such key: nope'],
  ['self.tags[5]', 'index out of bounds: 5'],
  ['1 / 0', 'division by zero'],
  ['1 % 0', 'modulus by zero'],
  ['9223372036854775807 + 1', 'integer overflow'],
  ["1 + 'a'", 'no such overload'],
  ['1 + 1.0', 'no such overload'],
  ["1 > 'b'", 'no such overload'],
  ["self.enabled ? 1 > 'b' : true", 'no such overload'],
  ['!1', 'no such overload'],
];

describe('CEL subset', () => {
  for (const [expr, expected, self] of VALUES) {
    test(`${expr} ⇒ ${JSON.stringify(expected)}${self === undefined ? '' : ` with self = ${JSON.stringify(self)}`}`, () => {
      if (expr.includes('oldSelf')) assert.equal(run(expr, SELF, { ...SELF, name: 'other' }), expected);
      else assert.deepEqual(run(expr, self ?? SELF), expected);
    });
  }

  for (const [expr, message] of ERRORS) {
    test(`${expr} fails: ${message}`, () => {
      assert.throws(
        () => run(expr),
        (e: unknown) => e instanceof CelEvalError && e.message === message,
      );
    });
  }

  test('unknown identifiers and functions are compile errors', () => {
    assert.throws(
      () => run('other.x'),
      (e: unknown) =>
        e instanceof CelCompileError && e.message === "undeclared reference to 'other' (in container '')",
    );
    assert.throws(
      () => run('frobnicate(1)'),
      (e: unknown) =>
        e instanceof CelCompileError &&
        e.message === "undeclared reference to 'frobnicate' (in container '')",
    );
  });

  test('syntax errors', () => {
    for (const bad of ['self.', '(1 + 2', "'unterminated", '1 +', 'has(self)', 'a ? b', 'if x']) {
      assert.throws(() => parseCel(bad), CelSyntaxError, bad);
    }
  });

  test('usesOldSelf finds transition rules', () => {
    assert.equal(usesOldSelf(parseCel('self == oldSelf')), true);
    assert.equal(usesOldSelf(parseCel(KEDA_RULE)), false);
    assert.equal(usesOldSelf(parseCel('self.items.all(i, i.w == oldSelf.items[0].w)')), true);
  });

  test('integers and doubles are typed by the schema', () => {
    assert.deepEqual(toCel(2, compileSchema({ type: 'number' })), { type: 'double', value: 2 });
    assert.deepEqual(toCel(2, compileSchema({ type: 'integer' })), { type: 'int', value: 2n });
    assert.deepEqual(toCel(2.5, undefined), { type: 'double', value: 2.5 });
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  castToFloatIfNecessary,
  compositeIsActive,
  evaluateComposite,
  formulaVariables,
  goParseFloat,
  validateScalingModifiers,
  type ModifiersScaledObject,
} from './modifiers.js';

const triggers = [
  { type: 'rabbitmq', name: 'queue' },
  { type: 'prometheus', name: 'rps' },
  { type: 'cpu', name: 'cpu_trig' },
  { type: 'kafka' },
];
const so = (
  sm: Record<string, string>,
  extra: Partial<ModifiersScaledObject> = {},
): ModifiersScaledObject => ({
  triggers,
  advanced: { scalingModifiers: sm },
  ...extra,
});

test('the formula KEDA compiles', () => {
  assert.equal(castToFloatIfNecessary('a + b'), 'float(a + b)');
  assert.equal(castToFloatIfNecessary('float(a)'), 'float(a)');
  assert.equal(
    castToFloatIfNecessary('a ?? b'),
    'let _kedaCompositeResult = (a ?? b); _kedaCompositeResult == nil ? nil : float(_kedaCompositeResult)',
  );
  assert.deepEqual(formulaVariables(triggers), ['queue', 'rps']);
});

test('validation errors are the webhook/cache texts', () => {
  const cases: Array<[Record<string, string>, string]> = [
    [{ target: '2' }, 'error ScalingModifiers.Formula is mandatory'],
    [
      { formula: 'queue' },
      'error validating formula in ScalingModifiers\nformula is given but target is empty',
    ],
    [
      { formula: 'queue +', target: '2' },
      'error validating formula in ScalingModifiers\nunexpected token Bracket(")") (1:14)\n | float(queue +)\n | .............^',
    ],
    [
      { formula: 'cpu_trig + 1', target: '2' },
      'error validating formula in ScalingModifiers\nunknown name cpu_trig (1:7)\n | float(cpu_trig + 1)\n | ......^',
    ],
    [
      { formula: 'queue', target: 'abc' },
      'error validating target in ScalingModifiers\nerror converting target for scalingModifiers (string->float) to valid target: strconv.ParseFloat: parsing "abc": invalid syntax',
    ],
    [
      { formula: 'queue', target: '0' },
      'error validating target in ScalingModifiers\nerror converting target for scalingModifiers (string->float) to valid target: %!w(<nil>)',
    ],
    [
      { formula: 'queue', target: '2', metricType: 'Utilization' },
      'error validating target in ScalingModifiers\nerror trigger type is Utilization, but it needs to be AverageValue or Value for external metrics',
    ],
    [
      { formula: 'queue > 1', target: '2' },
      'error validating formula in ScalingModifiers\ninvalid argument for float (type bool) (1:1)\n | float(queue > 1)\n | ^',
    ],
  ];
  for (const [sm, error] of cases)
    assert.deepEqual(validateScalingModifiers(so(sm)), { ok: false, error }, JSON.stringify(sm));
});

test('composite value, int64 milli truncation, nil fallback and activation', () => {
  const valid = validateScalingModifiers(so({ formula: 'queue + rps', target: '2', activationTarget: '5' }));
  assert.ok(valid.ok);
  const r = evaluateComposite(valid.modifiers, { queue: 3.0005, rps: 2 });
  assert.ok(r.ok);
  assert.equal(r.milli, 5000);
  assert.equal(r.quantity, '5');
  assert.equal(r.nilFallback, false);
  assert.equal(compositeIsActive(5000, valid.modifiers), false, 'the truncated 5.000 is not above 5');
  assert.equal(compositeIsActive(5001, valid.modifiers), true);

  const coalesce = validateScalingModifiers(so({ formula: 'queue ?? rps', target: '4' }));
  assert.ok(coalesce.ok);
  assert.equal(
    (evaluateComposite(coalesce.modifiers, { queue: null, rps: 7 }) as { value: number }).value,
    7,
  );
  const nilBoth = validateScalingModifiers(so({ formula: 'queue ?? nil', target: '4' }));
  assert.ok(nilBoth.ok);
  assert.deepEqual(evaluateComposite(nilBoth.modifiers, { queue: null }, { replicas: 3 }), {
    ok: true,
    value: 12,
    milli: 12000,
    quantity: '12',
    nilFallback: true,
  });
  assert.deepEqual(evaluateComposite(nilBoth.modifiers, { queue: null }, null), {
    ok: false,
    error: 'scalingModifiers formula evaluated to nil but no fallback is configured',
  });
  const plain = validateScalingModifiers(so({ formula: 'queue * 2', target: '4' }));
  assert.ok(plain.ok);
  const failed = evaluateComposite(plain.modifiers, { queue: null });
  assert.ok(
    !failed.ok &&
      failed.error.startsWith('error trying to run custom formula: invalid operation: <nil> * float64'),
  );
});

test('Go ParseFloat', () => {
  assert.deepEqual(goParseFloat('2.5'), { ok: true, value: 2.5 });
  assert.deepEqual(goParseFloat('.5'), { ok: true, value: 0.5 });
  assert.deepEqual(goParseFloat('1e3'), { ok: true, value: 1000 });
  assert.deepEqual(goParseFloat('+Inf'), { ok: true, value: Number.POSITIVE_INFINITY });
  assert.equal(goParseFloat('1,5').ok, false);
  assert.equal(goParseFloat('').ok, false);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  boolAnnotation,
  excludedLabels,
  goParseBool,
  goParseInt32,
  hpaOwnershipValidationDisabled,
  KEDA_ANNOTATIONS,
  scaledJobPaused,
  scaledObjectPauseState,
  transferHpaOwnership,
} from './annotations.js';

const A = KEDA_ANNOTATIONS;

test('Go ParseBool spellings', () => {
  for (const t of ['1', 't', 'T', 'TRUE', 'true', 'True']) assert.equal(goParseBool(t), true, t);
  for (const f of ['0', 'f', 'F', 'FALSE', 'false', 'False']) assert.equal(goParseBool(f), false, f);
  for (const x of ['yes', 'tRue', '', ' true']) assert.equal(goParseBool(x), undefined, x);
});

test('boolean annotations: absent false, non-bool true', () => {
  const cases: Array<[Record<string, string> | undefined, boolean]> = [
    [undefined, false],
    [{}, false],
    [{ [A.paused]: 'true' }, true],
    [{ [A.paused]: 'false' }, false],
    [{ [A.paused]: 'F' }, false],
    [{ [A.paused]: 'yes' }, true],
    [{ [A.paused]: '' }, true],
  ];
  for (const [annotations, expected] of cases) {
    assert.equal(boolAnnotation(annotations, A.paused), expected, JSON.stringify(annotations));
    assert.equal(scaledJobPaused(annotations), expected);
  }
});

test('Go ParseInt(s, 10, 32) with its error texts', () => {
  assert.deepEqual(goParseInt32('3'), { ok: true, value: 3 });
  assert.deepEqual(goParseInt32('+3'), { ok: true, value: 3 });
  assert.deepEqual(goParseInt32('-0'), { ok: true, value: 0 });
  assert.deepEqual(goParseInt32('abc'), {
    ok: false,
    error: 'strconv.ParseInt: parsing "abc": invalid syntax',
  });
  assert.deepEqual(goParseInt32('1.5'), {
    ok: false,
    error: 'strconv.ParseInt: parsing "1.5": invalid syntax',
  });
  assert.deepEqual(goParseInt32('2147483648'), {
    ok: false,
    error: 'strconv.ParseInt: parsing "2147483648": value out of range',
  });
});

test('ScaledObject pause state', () => {
  const cases: Array<[string, Record<string, string>, Partial<ReturnType<typeof scaledObjectPauseState>>]> = [
    ['nothing', {}, { paused: false, hasPausedAnnotation: false, pausedCondition: false }],
    [
      'paused=true',
      { [A.paused]: 'true' },
      { paused: true, hasPausedAnnotation: true, pausedCondition: true },
    ],
    [
      'paused=false still has annotation',
      { [A.paused]: 'false' },
      { paused: false, hasPausedAnnotation: true },
    ],
    ['paused=garbage pauses', { [A.paused]: 'please' }, { paused: true }],
    ['paused-replicas alone pauses', { [A.pausedReplicas]: '2' }, { paused: true, pausedReplicas: 2 }],
    [
      'paused-replicas overrides paused=false',
      { [A.paused]: 'false', [A.pausedReplicas]: '0' },
      { paused: true, pausedReplicas: 0 },
    ],
    [
      'bad paused-replicas still pauses, with the parse error',
      { [A.pausedReplicas]: 'two' },
      { paused: true, pausedReplicasError: 'strconv.ParseInt: parsing "two": invalid syntax' },
    ],
    ['scale-in', { [A.pausedScaleIn]: 'true' }, { paused: false, pauseScaleIn: true, pausedCondition: true }],
    ['scale-out', { [A.pausedScaleOut]: '1' }, { pauseScaleOut: true, pausedCondition: true }],
    ['force activation', { [A.forceActivation]: 'x' }, { forceActivation: true, pausedCondition: false }],
  ];
  for (const [name, annotations, expected] of cases) {
    const state = scaledObjectPauseState(annotations);
    for (const [key, value] of Object.entries(expected)) {
      assert.deepEqual(state[key as keyof typeof state], value, `${name}: ${key}`);
    }
  }
});

test('exact-text annotations', () => {
  assert.equal(transferHpaOwnership({ [A.transferHpaOwnership]: 'true' }), true);
  assert.equal(transferHpaOwnership({ [A.transferHpaOwnership]: 'True' }), false);
  assert.equal(hpaOwnershipValidationDisabled({ [A.validationsHpaOwnership]: 'false' }), true);
  assert.equal(hpaOwnershipValidationDisabled({ [A.validationsHpaOwnership]: '0' }), false);
  assert.deepEqual(
    [...excludedLabels({ [A.hpaExcludedLabels]: 'a,b, c' }, A.hpaExcludedLabels)],
    ['a', 'b', ' c'],
  );
  assert.equal(excludedLabels(undefined, A.hpaExcludedLabels).size, 0);
});

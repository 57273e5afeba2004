import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  conditionsInitialized,
  getKedaCondition,
  initializedConditions,
  setKedaCondition,
} from './condition-list.js';

test('initialized conditions in KEDA order', () => {
  assert.deepEqual(initializedConditions(), [
    { type: 'Ready', status: 'Unknown' },
    { type: 'Active', status: 'Unknown' },
    { type: 'Fallback', status: 'Unknown' },
    { type: 'Paused', status: 'False' },
  ]);
  assert.equal(conditionsInitialized(initializedConditions()), true);
  assert.equal(conditionsInitialized([{ type: 'Ready', status: 'True' }]), false);
  assert.equal(conditionsInitialized(undefined), false);
});

test('set updates in place, appends new types, never mutates the input', () => {
  const before = initializedConditions();
  const after = setKedaCondition(before, {
    type: 'Active',
    status: 'True',
    reason: 'ScalerActive',
    message: 'm',
  });
  assert.deepEqual(after[1], { type: 'Active', status: 'True', reason: 'ScalerActive', message: 'm' });
  assert.deepEqual(before[1], { type: 'Active', status: 'Unknown' });
  const withHpa = setKedaCondition(after, {
    type: 'HPAActive',
    status: 'True',
    reason: 'HPAActive',
    message: 'HPA is actively scaling',
  });
  assert.deepEqual(
    withHpa.map((c) => c.type),
    ['Ready', 'Active', 'Fallback', 'Paused', 'HPAActive'],
  );
  const cleared = setKedaCondition(withHpa, { type: 'Active', status: 'False' });
  assert.deepEqual(getKedaCondition(cleared, 'Active'), { type: 'Active', status: 'False' });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goLabelSelectorString } from './autoscaling.js';

// The HPA controller names external metrics in its messages with Go's %v of *LabelSelector.
test('no selector prints as Go nil', () => {
  assert.equal(goLabelSelectorString(undefined), 'nil');
});

test('an empty selector prints empty map and list', () => {
  assert.equal(
    goLabelSelectorString({}),
    '&LabelSelector{MatchLabels:map[string]string{},MatchExpressions:[]LabelSelectorRequirement{},}',
  );
});

test('labels sorted by key, expressions in order with their values space-separated', () => {
  assert.equal(
    goLabelSelectorString({
      matchLabels: { scaledobject: 'consumer', app: 'orders' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['a', 'b'] },
        { key: 'canary', operator: 'DoesNotExist' },
      ],
    }),
    '&LabelSelector{MatchLabels:map[string]string{app: orders,scaledobject: consumer,},' +
      'MatchExpressions:[]LabelSelectorRequirement{' +
      'LabelSelectorRequirement{Key:tier,Operator:In,Values:[a b],},' +
      'LabelSelectorRequirement{Key:canary,Operator:DoesNotExist,Values:[],},},}',
  );
});

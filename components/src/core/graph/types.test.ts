import { test } from 'node:test';
import assert from 'node:assert/strict';
import { objectNodeId, parseFocus } from './types.js';

test('node ids: Kind/namespace/name, Kind/name without a namespace', () => {
  assert.equal(objectNodeId('ScaledObject', 'orders', 'consumer'), 'ScaledObject/orders/consumer');
  assert.equal(
    objectNodeId('ClusterTriggerAuthentication', undefined, 'shared'),
    'ClusterTriggerAuthentication/shared',
  );
  assert.equal(
    objectNodeId('ClusterTriggerAuthentication', '', 'shared'),
    'ClusterTriggerAuthentication/shared',
  );
});

test('a focus parameter is a node id with two or three non-empty parts, else nothing', () => {
  assert.equal(parseFocus('ScaledObject/orders/consumer'), 'ScaledObject/orders/consumer');
  assert.equal(parseFocus('ClusterTriggerAuthentication/shared'), 'ClusterTriggerAuthentication/shared');
  for (const bad of [
    null,
    undefined,
    '',
    'ScaledObject',
    'a/b/c/d',
    'ScaledObject//consumer',
    '/orders/x',
    'a/',
  ]) {
    assert.equal(parseFocus(bad), undefined, String(bad));
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bulkActionsFor, forceActivationPatch, pausePatch, resumePatch } from './actions.js';

test('pause sets paused; pause at a replica count sets paused-replicas and clears paused', () => {
  assert.deepEqual(pausePatch(), { metadata: { annotations: { 'autoscaling.keda.sh/paused': 'true' } } });
  assert.deepEqual(pausePatch(0), {
    metadata: {
      annotations: { 'autoscaling.keda.sh/paused-replicas': '0', 'autoscaling.keda.sh/paused': null },
    },
  });
  assert.equal(
    pausePatch(2147483647).metadata.annotations['autoscaling.keda.sh/paused-replicas'],
    '2147483647',
  );
});

test('pause refuses a replica count Kubernetes cannot hold', () => {
  for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2147483648]) {
    assert.throws(() => pausePatch(bad), RangeError, String(bad));
  }
  assert.throws(() => pausePatch(-1), /whole number from 0 to 2147483647, got -1/);
});

test('resume removes every pause annotation; force activation sets or removes its annotation', () => {
  assert.deepEqual(Object.entries(resumePatch().metadata.annotations).sort(), [
    ['autoscaling.keda.sh/paused', null],
    ['autoscaling.keda.sh/paused-replicas', null],
    ['autoscaling.keda.sh/paused-scale-in', null],
    ['autoscaling.keda.sh/paused-scale-out', null],
  ]);
  assert.deepEqual(forceActivationPatch(true), {
    metadata: { annotations: { 'autoscaling.keda.sh/force-activation': 'true' } },
  });
  assert.deepEqual(forceActivationPatch(false), {
    metadata: { annotations: { 'autoscaling.keda.sh/force-activation': null } },
  });
});

test('bulk actions per kind: force activation only for ScaledObjects, only delete for authentications', () => {
  const ids = (kind: Parameters<typeof bulkActionsFor>[0]) => bulkActionsFor(kind).map((a) => a.id);
  assert.deepEqual(ids('ScaledObject'), [
    'pause',
    'resume',
    'force-activation',
    'stop-force-activation',
    'delete',
  ]);
  assert.deepEqual(ids('ScaledJob'), ['pause', 'resume', 'delete']);
  assert.deepEqual(ids('TriggerAuthentication'), ['delete']);
  assert.deepEqual(ids('ClusterTriggerAuthentication'), ['delete']);
});

test('each bulk action sends its patch; delete sends none and asks first', () => {
  const byId = new Map(bulkActionsFor('ScaledObject').map((a) => [a.id, a]));
  assert.deepEqual(byId.get('pause')?.patch?.(), pausePatch());
  assert.deepEqual(byId.get('resume')?.patch?.(), resumePatch());
  assert.deepEqual(byId.get('force-activation')?.patch?.(), forceActivationPatch(true));
  assert.deepEqual(byId.get('stop-force-activation')?.patch?.(), forceActivationPatch(false));
  const del = byId.get('delete');
  assert.equal(del?.patch, undefined);
  assert.equal(del?.confirm, true);
  assert.ok([...byId.values()].filter((a) => a.id !== 'delete').every((a) => !a.confirm));
  assert.equal(byId.get('pause')?.done, 'Paused');
});

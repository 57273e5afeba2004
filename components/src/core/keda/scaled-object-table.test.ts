import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Condition } from '../kube/types.js';
import type { HorizontalPodAutoscaler } from '../kube/autoscaling.js';
import {
  scaledObjectFilterKeys,
  scaledObjectListColumns,
  scaledObjectListRow,
  scaledObjectSelection,
} from './scaled-object-table.js';
import { stateRank } from './state.js';
import type { ScaledObject } from './types.js';

const now = Date.parse('2026-11-30T12:00:00Z');

const c = (type: string, status: string, reason?: string): Condition => ({
  type,
  status,
  ...(reason ? { reason } : {}),
});

const so: ScaledObject = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  metadata: {
    name: 'consumer',
    namespace: 'orders',
    uid: 'so-1',
    resourceVersion: '11',
    creationTimestamp: '2026-11-29T12:00:00Z',
  },
  spec: {
    scaleTargetRef: { name: 'consumer-deploy' },
    minReplicaCount: 1,
    maxReplicaCount: 10,
    triggers: [
      { type: 'rabbitmq', metadata: { queueName: 'orders' }, authenticationRef: { name: 'rabbit-auth' } },
      { type: 'cpu', metadata: { value: '80' } },
    ],
  },
  status: {
    scaleTargetKind: 'apps/v1.Deployment',
    triggersTypes: 'rabbitmq,cpu',
    authenticationsTypes: 'rabbit-auth',
    lastActiveTime: '2026-11-30T11:30:00Z',
    conditions: [c('Ready', 'True'), c('Active', 'True'), c('Fallback', 'False'), c('Paused', 'False')],
  },
};

test('columns: kubectl order with STATE and REPLICAS after NAMESPACE and LAST ACTIVE before AGE, each with a width', () => {
  assert.deepEqual(
    scaledObjectListColumns.map((col) => col.id),
    [
      'name',
      'namespace',
      'state',
      'replicas',
      'scaleTargetKind',
      'scaleTargetName',
      'min',
      'max',
      'ready',
      'active',
      'fallback',
      'paused',
      'triggers',
      'authentications',
      'lastActive',
      'age',
    ],
  );
  for (const col of scaledObjectListColumns) assert.match(col.width, /^minmax\(/, col.id);
  assert.equal(scaledObjectFilterKeys.get('type'), 'trigger');
  assert.equal(scaledObjectFilterKeys.get('namespace'), 'ns');
});

test('a row: kubectl cells, state, last active and key', () => {
  const row = scaledObjectListRow(so, now);
  assert.equal(row.key, 'so-1');
  assert.equal(row.resourceVersion, '11');
  assert.equal(row.builtAt, now);
  assert.equal(row.state.kind, 'active');
  assert.equal(row.lastActive, '30m');
  assert.equal(row.lastActiveAt, Date.parse('2026-11-30T11:30:00Z'));
  assert.equal(row.object, so);
  assert.equal(row.hpaName, 'keda-hpa-consumer');
  assert.equal(row.hpaFound, false);
  assert.equal(row.replicas, undefined);
});

test("a row's replicas come from its HPA; a missing currentReplicas is 0 (omitempty)", () => {
  const hpa = (status?: HorizontalPodAutoscaler['status']): HorizontalPodAutoscaler => ({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'keda-hpa-consumer', namespace: 'orders' },
    spec: { scaleTargetRef: { kind: 'Deployment', name: 'consumer-deploy' }, maxReplicas: 10 },
    ...(status ? { status } : {}),
  });
  const scaling = scaledObjectListRow(so, now, hpa({ currentReplicas: 2, desiredReplicas: 5 }));
  assert.deepEqual(scaling.replicas, { current: 2, desired: 5 });
  assert.equal(scaling.hpaFound, true);
  assert.equal(scaledObjectSelection.sortValue(scaling, 'replicas'), 2);
  assert.deepEqual(scaledObjectListRow(so, now, hpa({ desiredReplicas: 0 })).replicas, {
    current: 0,
    desired: 0,
  });
  const fresh = scaledObjectListRow(so, now, hpa());
  assert.equal(fresh.hpaFound, true);
  assert.equal(fresh.replicas, undefined);
  assert.equal(scaledObjectSelection.sortValue(fresh, 'replicas'), undefined);
});

test('without uid, lastActiveTime or with an unparsable one', () => {
  const never = scaledObjectListRow({ ...so, metadata: { name: 'a', namespace: 'b' }, status: {} }, now);
  assert.equal(never.key, 'b/a');
  assert.equal(never.lastActive, undefined);
  assert.equal(never.lastActiveAt, undefined);
  const broken = scaledObjectListRow({ ...so, status: { ...so.status, lastActiveTime: 'soon' } }, now);
  assert.equal(broken.lastActive, '<invalid>');
  assert.equal(broken.lastActiveAt, undefined);
});

test('filter values: target, kind (full and short), the shared keys', () => {
  const row = scaledObjectListRow(so, now);
  const values = (key: string) => scaledObjectSelection.filterValues(row, key);
  assert.deepEqual(values('target'), ['consumer-deploy']);
  assert.deepEqual(values('kind'), ['apps/v1.Deployment', 'Deployment']);
  assert.deepEqual(values('name'), ['consumer']);
  assert.deepEqual(values('ns'), ['orders']);
  // Spec trigger types first, then the status' list (which repeats them).
  assert.deepEqual(values('trigger'), ['rabbitmq', 'cpu', 'rabbitmq', 'cpu']);
  assert.deepEqual(values('auth'), ['rabbit-auth', 'rabbit-auth']);
  assert.deepEqual(values('state'), ['active', 'Active']);
  assert.deepEqual(values('ready'), ['True']);
  assert.deepEqual(values('active'), ['True']);
  assert.deepEqual(values('paused'), ['False']);
  assert.deepEqual(values('fallback'), ['False']);
  assert.deepEqual(values('colour'), []);
});

test('filter values of a ScaledObject with nothing set: none for absent conditions, no target or kind', () => {
  const row = scaledObjectListRow(
    { ...so, spec: undefined as unknown as ScaledObject['spec'], status: undefined },
    now,
  );
  const values = (key: string) => scaledObjectSelection.filterValues(row, key);
  assert.deepEqual(values('target'), []);
  assert.deepEqual(values('kind'), ['', '']);
  assert.deepEqual(values('trigger'), []);
  assert.deepEqual(values('auth'), []);
  assert.deepEqual(values('ready'), ['none']);
  assert.deepEqual(values('fallback'), ['none']);
  assert.deepEqual(values('state'), ['pending', 'Pending']);
});

test('search text: name, namespace, target, trigger types', () => {
  assert.deepEqual(scaledObjectSelection.searchText(so), [
    'consumer',
    'orders',
    'consumer-deploy',
    'rabbitmq,cpu',
    'rabbitmq',
    'cpu',
  ]);
  assert.deepEqual(
    scaledObjectSelection.searchText({
      ...so,
      metadata: {},
      spec: undefined as unknown as ScaledObject['spec'],
      status: undefined,
    }),
    ['', '', '', ''],
  );
});

test('sort values: state by urgency, age and last active newest first, never-active last', () => {
  const row = scaledObjectListRow(so, now);
  assert.equal(scaledObjectSelection.sortValue(row, 'state'), stateRank('active'));
  assert.ok(
    (scaledObjectSelection.sortValue(
      scaledObjectListRow({ ...so, status: { conditions: [c('Ready', 'False')] } }, now),
      'state',
    ) as number) < (scaledObjectSelection.sortValue(row, 'state') as number),
    'an error sorts before an active one',
  );
  assert.equal(scaledObjectSelection.sortValue(row, 'age'), -Date.parse('2026-11-29T12:00:00Z'));
  assert.equal(scaledObjectSelection.sortValue(row, 'lastActive'), -Date.parse('2026-11-30T11:30:00Z'));
  assert.equal(
    scaledObjectSelection.sortValue(scaledObjectListRow({ ...so, status: {} }, now), 'lastActive'),
    undefined,
  );
  assert.equal(scaledObjectSelection.sortValue(row, 'max'), 10);
});

test('the pause and force-activation annotations: state at once, forced:true filter, forced first within a state', () => {
  const annotated = (annotations: Record<string, string>) =>
    scaledObjectListRow({ ...so, metadata: { ...so.metadata, annotations } }, now);
  const pausedAt = annotated({ 'autoscaling.keda.sh/paused-replicas': '2' });
  assert.equal(pausedAt.state.label, 'Paused at 2');
  assert.deepEqual(scaledObjectSelection.filterValues(pausedAt, 'state'), ['paused', 'Paused at 2']);
  assert.equal(scaledObjectSelection.sortValue(pausedAt, 'state'), stateRank('paused'));

  const forced = annotated({ 'autoscaling.keda.sh/force-activation': 'true' });
  const plain = scaledObjectListRow(so, now);
  assert.equal(scaledObjectFilterKeys.get('forced'), 'forced');
  assert.deepEqual(scaledObjectSelection.filterValues(forced, 'forced'), ['true']);
  assert.deepEqual(scaledObjectSelection.filterValues(plain, 'forced'), ['false']);
  const rank = (row: typeof plain) => scaledObjectSelection.sortValue(row, 'state') as number;
  assert.ok(rank(forced) < rank(plain), 'forced before the other active ones');
  assert.ok(rank(forced) > stateRank('paused'), 'but after a more urgent state');
});

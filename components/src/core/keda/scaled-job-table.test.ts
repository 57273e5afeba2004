import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Condition } from '../kube/types.js';
import {
  scaledJobFilterKeys,
  scaledJobListColumns,
  scaledJobListRow,
  scaledJobSelection,
  scaledJobState,
  annotatedScaledJobState,
} from './scaled-job-table.js';
import { stateRank } from './state.js';
import type { ScaledJob } from './types.js';

const now = Date.parse('2026-11-30T12:00:00Z');

function job(conditions?: Condition[], extra: Partial<ScaledJob> = {}): ScaledJob {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledJob',
    metadata: { name: 'batch', namespace: 'jobs', creationTimestamp: '2026-11-30T10:00:00Z' },
    spec: {
      jobTargetRef: {},
      minReplicaCount: 0,
      maxReplicaCount: 20,
      triggers: [{ type: 'rabbitmq', metadata: {} }],
    },
    ...(conditions ? { status: { conditions } } : {}),
    ...extra,
  };
}

const c = (type: string, status: string, reason?: string): Condition => ({
  type,
  status,
  ...(reason ? { reason } : {}),
});

test('columns: kubectl get scaledjobs -A plus STATE, RUNNING and LAST ACTIVE; RUNNING, MIN and MAX numeric', () => {
  assert.deepEqual(
    scaledJobListColumns.map((col) => col.title),
    [
      'NAME',
      'NAMESPACE',
      'STATE',
      'RUNNING',
      'MIN',
      'MAX',
      'READY',
      'ACTIVE',
      'PAUSED',
      'TRIGGERS',
      'AUTHENTICATIONS',
      'LAST ACTIVE',
      'AGE',
    ],
  );
  assert.deepEqual(
    scaledJobListColumns.filter((col) => col.numeric).map((col) => col.id),
    ['running', 'min', 'max'],
  );
  assert.equal(scaledJobFilterKeys.get('type'), 'trigger');
  assert.equal(scaledJobFilterKeys.get('fallback'), undefined, 'ScaledJobs have no fallback');
});

test('state: pending without conditions, then error > paused > degraded > active > ready > unknown', () => {
  const kind = (conditions?: Condition[]) => scaledJobState(job(conditions)).kind;
  assert.equal(kind(undefined), 'pending');
  assert.equal(kind([]), 'pending');
  assert.equal(kind([c('Ready', 'False', 'ScaledJobCheckFailed'), c('Paused', 'True')]), 'error');
  assert.equal(kind([c('Ready', 'True'), c('Active', 'True'), c('Paused', 'True')]), 'paused');
  assert.equal(kind([c('Ready', 'Unknown', 'TriggerError'), c('Active', 'True')]), 'degraded');
  // Unknown without a reason is KEDA's initial condition, not a problem.
  assert.equal(kind([c('Ready', 'Unknown'), c('Active', 'True')]), 'active');
  assert.equal(kind([c('Ready', 'True'), c('Active', 'False')]), 'ready');
  assert.equal(kind([c('Ready', 'True')]), 'ready');
  assert.equal(kind([c('Ready', 'Unknown')]), 'unknown');
  assert.equal(kind([c('Paused', 'False')]), 'unknown');
});

test('state names the condition behind it', () => {
  const ready = c('Ready', 'True');
  const active = c('Active', 'False', 'ScalerNotActive');
  assert.equal(scaledJobState(job([ready, active])).condition, active, 'ready: Active explains it');
  assert.equal(scaledJobState(job([ready])).condition, ready, 'ready without Active: Ready');
  const unknownActive = c('Active', 'Unknown');
  assert.equal(
    scaledJobState(job([unknownActive])).condition,
    unknownActive,
    'unknown: Active when no Ready',
  );
  assert.equal(scaledJobState(job([c('Paused', 'False')])).condition, undefined);
});

test('a row: condition statuses verbatim, counts only when numbers, last active and age from timestamps', () => {
  const sj = job([c('Ready', 'True'), c('Active', 'True'), c('Paused', 'False')], {
    metadata: {
      name: 'batch',
      namespace: 'jobs',
      uid: 'u1',
      resourceVersion: '7',
      creationTimestamp: '2026-11-30T10:00:00Z',
    },
  });
  sj.status = {
    ...sj.status,
    triggersTypes: 'rabbitmq',
    authenticationsTypes: 'rabbit-auth',
    lastActiveTime: '2026-11-30T11:59:15Z',
  };
  const row = scaledJobListRow(sj, now);
  assert.equal(row.key, 'u1');
  assert.equal(row.resourceVersion, '7');
  assert.equal(row.state.kind, 'active');
  assert.equal(row.min, 0);
  assert.equal(row.max, 20);
  assert.deepEqual([row.ready, row.active, row.paused], ['True', 'True', 'False']);
  assert.equal(row.triggers, 'rabbitmq');
  assert.equal(row.authentications, 'rabbit-auth');
  assert.equal(row.lastActive, '45s');
  assert.equal(row.lastActiveAt, Date.parse('2026-11-30T11:59:15Z'));
  assert.equal(row.age, '120m');
  assert.equal(row.created, Date.parse('2026-11-30T10:00:00Z'));
  assert.equal(row.jobs, undefined, 'no Jobs given');
});

test("a row carries its Jobs' counts; RUNNING sorts by the running count, none as 0", () => {
  const counts = { running: 3, pending: 1, complete: 5, failed: 0 };
  const row = scaledJobListRow(job([c('Ready', 'True')]), now, counts);
  assert.equal(row.jobs, counts);
  assert.equal(scaledJobSelection.sortValue(row, 'running'), 3);
  assert.equal(scaledJobSelection.sortValue(scaledJobListRow(job([]), now), 'running'), 0);
});

test('a row of a bare or malformed ScaledJob: empty cells, never NaN', () => {
  const bare = scaledJobListRow(
    {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledJob',
      metadata: {},
      spec: undefined as unknown as ScaledJob['spec'],
    },
    now,
  );
  assert.equal(bare.key, '/');
  assert.equal(bare.name, '');
  assert.equal(bare.min, undefined);
  assert.equal(bare.max, undefined);
  assert.equal(bare.ready, undefined);
  assert.equal(bare.triggers, undefined);
  assert.equal(bare.lastActive, undefined);
  assert.equal(bare.lastActiveAt, undefined);
  assert.equal(bare.age, '<unknown>');
  assert.equal(bare.created, 0);

  const odd = scaledJobListRow(
    job([], {
      metadata: { name: 'odd', namespace: 'jobs', creationTimestamp: 'not a date' },
      spec: {
        jobTargetRef: {},
        minReplicaCount: Number.NaN,
        maxReplicaCount: '3' as unknown as number,
        triggers: [],
      },
      status: { triggersTypes: '', lastActiveTime: 'garbage' },
    }),
    now,
  );
  assert.equal(odd.key, 'jobs/odd');
  assert.equal(odd.min, undefined);
  assert.equal(odd.max, undefined);
  assert.equal(odd.triggers, undefined);
  assert.equal(odd.lastActive, '<invalid>');
  assert.equal(odd.lastActiveAt, undefined);
  assert.equal(odd.created, 0);
});

test('filter values come from the shared rules; search text; sort values', () => {
  const sj = job([c('Ready', 'True')], {
    spec: {
      jobTargetRef: {},
      triggers: [
        { type: 'rabbitmq', metadata: {}, authenticationRef: { name: 'rabbit-auth' } },
        { type: 'cron', metadata: {} },
      ],
    },
  });
  sj.status = { ...sj.status, triggersTypes: 'rabbitmq,cron', lastActiveTime: '2026-11-30T11:00:00Z' };
  const row = scaledJobListRow(sj, now);
  assert.deepEqual(scaledJobSelection.filterValues(row, 'name'), ['batch']);
  assert.deepEqual(scaledJobSelection.filterValues(row, 'auth'), ['rabbit-auth']);
  assert.deepEqual(scaledJobSelection.filterValues(row, 'active'), ['none']);
  assert.deepEqual(scaledJobSelection.filterValues(row, 'fallback'), [], 'no fallback on a ScaledJob row');
  assert.deepEqual(scaledJobSelection.searchText(sj), ['batch', 'jobs', 'rabbitmq,cron', 'rabbitmq', 'cron']);
  assert.deepEqual(
    scaledJobSelection.searchText({
      ...sj,
      metadata: {},
      spec: undefined as unknown as ScaledJob['spec'],
      status: undefined,
    }),
    ['', '', ''],
  );

  assert.equal(scaledJobSelection.sortValue(row, 'state'), stateRank('ready'));
  assert.equal(scaledJobSelection.sortValue(row, 'age'), -Date.parse('2026-11-30T10:00:00Z'));
  assert.equal(scaledJobSelection.sortValue(row, 'lastActive'), -Date.parse('2026-11-30T11:00:00Z'));
  assert.equal(scaledJobSelection.sortValue(row, 'name'), 'batch');
  const never = scaledJobListRow(job([c('Ready', 'True')]), now);
  assert.equal(scaledJobSelection.sortValue(never, 'lastActive'), undefined, 'never active sorts last');
});

test('the paused annotation shows as Paused at once; a check error first; paused-replicas is not for ScaledJobs', () => {
  const annotated = (
    annotations: Record<string, string>,
    conditions = [c('Ready', 'True'), c('Paused', 'False')],
  ) =>
    annotatedScaledJobState(job(conditions, { metadata: { name: 'batch', namespace: 'jobs', annotations } }));
  const early = annotated({ 'autoscaling.keda.sh/paused': 'true' });
  assert.equal(early.kind, 'paused');
  assert.equal(early.condition, undefined);
  assert.equal(
    early.pauseNote,
    'autoscaling.keda.sh/paused: "true": KEDA stops creating Jobs; KEDA has not reported Paused=True yet',
  );
  const reported = annotated({ 'autoscaling.keda.sh/paused': 'true' }, [
    c('Ready', 'True'),
    c('Paused', 'True'),
  ]);
  assert.equal(reported.condition?.type, 'Paused');
  assert.equal(reported.pauseNote, 'autoscaling.keda.sh/paused: "true": KEDA stops creating Jobs');
  assert.equal(annotated({ 'autoscaling.keda.sh/paused': 'false' }).kind, 'ready');
  assert.equal(annotated({ 'autoscaling.keda.sh/paused-replicas': '1' }).kind, 'ready');
  assert.equal(annotated({ 'autoscaling.keda.sh/paused': 'true' }, [c('Ready', 'False')]).kind, 'error');
  assert.equal(
    scaledJobListRow(
      job([c('Ready', 'True')], { metadata: { annotations: { 'autoscaling.keda.sh/paused': 'true' } } }),
      now,
    ).state.kind,
    'paused',
  );
});

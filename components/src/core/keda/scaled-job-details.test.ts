import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scaledJobDetails } from './scaled-job-details.js';
import { jobTemplate } from './scaled-job-details-template.js';
import { jobCounts, ownedJobRows, type JobLike } from './scaled-job-details-jobs.js';
import type { ScaledJob } from './types.js';

const now = Date.parse('2026-11-30T12:00:00Z');

const sj: ScaledJob = {
  metadata: { name: 'order-exporter', namespace: 'orders', generation: 3 },
  spec: {
    jobTargetRef: {
      backoffLimit: 0,
      template: {
        spec: {
          containers: [
            {
              name: 'exporter',
              image: 'registry.example.com/exporter:1.4.0',
              command: ['/bin/export', '--all'],
              env: [
                { name: 'PLAIN', value: 'hunter2' },
                { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
                { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
              ],
              envFrom: [{ secretRef: { name: 'bulk' }, prefix: 'X_' }],
              resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '512Mi' } },
            },
          ],
        },
      },
    },
    pollingInterval: 15,
    maxReplicaCount: 10,
    successfulJobsHistoryLimit: 0,
    triggers: [
      {
        type: 'rabbitmq',
        metadata: { queueName: 'exports', mode: 'QueueLength', value: '10', host: 'amqp://u:pw@mq:5672' },
        authenticationRef: { name: 'orders-rabbitmq' },
      },
    ],
  },
  status: {
    Paused: 'false',
    triggersActivity: { 's0-rabbitmq-exports': { isActive: true } },
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        reason: 'ScaledJobReady',
        message: 'ScaledJob is defined correctly and is ready to scaling',
      },
      {
        type: 'Active',
        status: 'True',
        reason: 'ScalerActive',
        message: 'Scaling is performed because triggers are active',
      },
      { type: 'Paused', status: 'False', reason: 'ScaledJobUnpaused', message: 'ScaledJob is unpaused' },
    ],
  },
};

test('settings: KEDA defaults are marked and 0 stays 0', () => {
  const model = scaledJobDetails(sj);
  const by = Object.fromEntries(
    model.settings.map((s) => [s.label, `${s.value}${s.isDefault ? ' (default)' : ''}`]),
  );
  assert.deepEqual(by, {
    'Polling interval': '15 s',
    'Min replicas': '0 (default)',
    'Max replicas': '10',
    'Job capacity': '10',
    'Successful history': '0',
    'Failed history': '100 (default)',
  });
  assert.equal(model.state.label, 'Active');
  assert.equal(model.paused, false);
  assert.equal(model.statusPaused, 'false');
  assert.deepEqual(model.rollout, {
    strategy: { value: 'immediate', isDefault: true },
    propagationPolicy: { value: 'background', isDefault: true },
    deprecatedField: false,
  });
});

test('scaling strategies: parameters and the one KEDA actually runs', () => {
  const cases: Array<[ScaledJob['spec']['scalingStrategy'], string, string, string[]]> = [
    [undefined, 'default (default)', 'default', ['Pending pod conditions', 'Several triggers']],
    [
      { strategy: 'custom', customScalingQueueLengthDeduction: 0, customScalingRunningJobPercentage: '0.5' },
      'custom',
      'custom',
      ['Queue length deduction', 'Running-job percentage', 'Pending pod conditions', 'Several triggers'],
    ],
    [
      { strategy: 'custom' },
      'custom',
      'default',
      ['Queue length deduction', 'Running-job percentage', 'Pending pod conditions', 'Several triggers'],
    ],
    [
      { strategy: 'accurate', pendingPodConditions: ['Ready'] },
      'accurate',
      'accurate',
      ['Pending pod conditions', 'Several triggers'],
    ],
    [
      { strategy: 'eager', multipleScalersCalculation: 'sum' },
      'eager',
      'eager',
      ['Pending pod conditions', 'Several triggers'],
    ],
  ];
  for (const [strategy, declared, effective, labels] of cases) {
    const copy = structuredClone(sj);
    if (strategy) copy.spec.scalingStrategy = strategy;
    const s = scaledJobDetails(copy).strategy;
    assert.equal(`${s.declared.value}${s.declared.isDefault ? ' (default)' : ''}`, declared);
    assert.equal(s.effective, effective);
    assert.deepEqual(
      s.parameters.map((p) => p.label),
      labels,
    );
    assert.equal(!!s.fallbackReason, declared === 'custom' && effective === 'default');
  }
  const custom = structuredClone(sj);
  custom.spec.scalingStrategy = {
    strategy: 'custom',
    customScalingQueueLengthDeduction: 0,
    customScalingRunningJobPercentage: '0.5',
  };
  const deduction = scaledJobDetails(custom).strategy.parameters[0]!;
  assert.deepEqual([deduction.value, deduction.isDefault], ['0', false]);
  const eager = structuredClone(sj);
  eager.spec.scalingStrategy = { strategy: 'eager', multipleScalersCalculation: 'sum' };
  assert.deepEqual(scaledJobDetails(eager).strategy.parameters.at(-1), {
    label: 'Several triggers',
    value: 'sum',
    isDefault: false,
    help: 'How the queue lengths of several triggers combine (scalingStrategy.multipleScalersCalculation)',
  });
});

test('deprecated rolloutStrategy wins over rollout.strategy; paused annotation uses Go bool parsing', () => {
  const copy = structuredClone(sj);
  copy.spec.rolloutStrategy = 'gradual';
  copy.spec.rollout = { strategy: 'immediate', propagationPolicy: 'foreground' };
  copy.metadata.annotations = { 'autoscaling.keda.sh/paused': 'yes' };
  const model = scaledJobDetails(copy);
  assert.deepEqual(model.rollout.strategy, { value: 'gradual', isDefault: false });
  assert.deepEqual(model.rollout.propagationPolicy, { value: 'foreground', isDefault: false });
  assert.equal(model.rollout.deprecatedField, true);
  assert.equal(model.paused, true);
  copy.metadata.annotations = { 'autoscaling.keda.sh/paused': 'false' };
  assert.equal(scaledJobDetails(copy).paused, false);
});

test('triggers: metric name, target, activity and masked metadata', () => {
  const [t] = scaledJobDetails(sj).triggers;
  assert.equal(t!.metricName, 's0-rabbitmq-exports');
  assert.deepEqual(t!.target, { value: 10, key: 'value', isDefault: false });
  assert.equal(t!.active, true);
  assert.deepEqual(t!.authenticationRef, { kind: 'TriggerAuthentication', name: 'orders-rabbitmq' });
  assert.equal(Object.fromEntries(t!.metadata).host, 'amqp://u:****@mq:5672');
});

test('job template: settings with Kubernetes defaults, env names and sources but never values', () => {
  const t = jobTemplate(sj.spec.jobTargetRef);
  assert.deepEqual(t.backoffLimit, { value: 0, isDefault: false });
  assert.deepEqual(t.parallelism, { value: 1, isDefault: true });
  assert.deepEqual(t.restartPolicy, { value: 'OnFailure', isDefault: true });
  const [c] = t.containers;
  assert.equal(c!.image, 'registry.example.com/exporter:1.4.0');
  assert.deepEqual(c!.command, ['/bin/export', '--all']);
  assert.deepEqual(
    c!.env.map((e) => [e.name, e.from]),
    [
      ['PLAIN', 'value (not shown)'],
      ['DB_PASSWORD', 'Secret db key password'],
      ['POD', 'field metadata.name'],
    ],
  );
  assert.deepEqual(c!.envFrom, [{ from: 'Secret bulk (prefix X_)', secretName: 'bulk' }]);
  assert.deepEqual(c!.requests, [
    ['cpu', '250m'],
    ['memory', '256Mi'],
  ]);
  assert.ok(!JSON.stringify(t).includes('hunter2'));
  // Hostile shapes do not throw.
  assert.deepEqual(jobTemplate('nonsense').containers, []);
  assert.deepEqual(jobTemplate({ template: { spec: { containers: [null, 3] } } }).containers.length, 2);
});

const job = (name: string, extra: Partial<JobLike> & { created: string; generation?: string }): JobLike => ({
  metadata: {
    name,
    namespace: 'orders',
    creationTimestamp: extra.created,
    labels: { 'scaledjob.keda.sh/name': 'order-exporter' },
    annotations: extra.generation ? { 'scaledjob.keda.sh/generation': extra.generation } : {},
  },
  spec: extra.spec ?? { completions: 1 },
  status: extra.status ?? {},
});

test('owned Jobs: only labelled ones in the namespace, phase, duration, completions, generation', () => {
  const jobs: JobLike[] = [
    job('order-exporter-a', {
      created: '2026-11-30T11:00:00Z',
      generation: '3',
      status: {
        startTime: '2026-11-30T11:00:00Z',
        completionTime: '2026-11-30T11:00:40Z',
        succeeded: 1,
        conditions: [{ type: 'Complete', status: 'True' }],
      },
    }),
    job('order-exporter-b', {
      created: '2026-11-30T11:58:00Z',
      generation: '2',
      status: { startTime: '2026-11-30T11:58:00Z', active: 1 },
    }),
    job('order-exporter-c', {
      created: '2026-11-30T11:30:00Z',
      status: {
        startTime: '2026-11-30T11:30:00Z',
        failed: 1,
        conditions: [
          {
            type: 'Failed',
            status: 'True',
            reason: 'BackoffLimitExceeded',
            message: 'Job has reached the specified backoff limit',
          },
        ],
      },
    }),
    job('order-exporter-d', { created: '2026-11-30T11:59:00Z', spec: { parallelism: 3 } }),
    {
      ...job('other', { created: '2026-11-30T11:00:00Z' }),
      metadata: { name: 'other', namespace: 'orders', labels: { 'scaledjob.keda.sh/name': 'x' } },
    },
    {
      ...job('elsewhere', { created: '2026-11-30T11:00:00Z' }),
      metadata: {
        name: 'elsewhere',
        namespace: 'shop',
        labels: { 'scaledjob.keda.sh/name': 'order-exporter' },
      },
    },
  ];
  const rows = ownedJobRows(jobs, { name: 'order-exporter', namespace: 'orders', generation: 3 }, now);
  assert.deepEqual(
    rows.map((r) => [r.name, r.phase, r.duration, r.completions, r.previousGeneration]),
    [
      ['order-exporter-d', 'Pending', '—', '0/1 of 3', false],
      ['order-exporter-b', 'Running', '2m', '0/1', true],
      ['order-exporter-c', 'Failed', '—', '0/1', false],
      ['order-exporter-a', 'Complete', '40s', '1/1', false],
    ],
  );
  assert.equal(rows[2]!.failure, 'BackoffLimitExceeded: Job has reached the specified backoff limit');
  assert.deepEqual(jobCounts(rows), { Complete: 1, Failed: 1, Running: 1, Pending: 1, Suspended: 0 });
});

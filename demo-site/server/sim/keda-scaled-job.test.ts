/**
 * The simulated KEDA ScaledJob controller end to end: Jobs per scaling strategy (default, accurate,
 * eager, custom), their labels / annotations / owner, KEDAJobsCreated, history limits, and the
 * immediate / gradual rollout on a spec change.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { JobResource, ScaledJobResource } from '../../../components/src/core/kube/resource.ts';
import type { SimCluster } from './index.ts';
import { conditionOf, eventsV1, notes, step, steppedCluster, type Obj } from './test-sim.ts';

async function scaledJob(
  cluster: SimCluster,
  name: string,
  extra: Record<string, unknown> = {},
  annotations: Record<string, string> = {},
): Promise<void> {
  await cluster.client.create(ScaledJobResource, {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledJob',
    metadata: { name, namespace: 'default', labels: { team: 'exports' }, annotations },
    spec: {
      pollingInterval: 10,
      maxReplicaCount: 5,
      jobTargetRef: {
        template: {
          metadata: { annotations: { 'sim.keda.sh/run-seconds': '300' } },
          spec: { containers: [{ name: 'worker', image: 'registry.example.com/worker:1' }] },
        },
      },
      triggers: [
        {
          type: 'rabbitmq',
          metadata: { queueName: name, mode: 'QueueLength', value: '1', host: 'amqp://mq:5672' },
        },
      ],
      ...extra,
    },
  } as Obj);
}

async function jobsOf(cluster: SimCluster, name: string): Promise<Obj[]> {
  const list = await cluster.client.list<Obj>(JobResource, {
    namespace: 'default',
    labelSelector: `scaledjob.keda.sh/name=${name}`,
  });
  return list.items;
}

/** Sets the queue of a ScaledJob (no consumers draining it). */
function setQueue(cluster: SimCluster, name: string, value: number): void {
  const source = cluster.sources.list().find((s) => s.key.endsWith(`/${name}`));
  assert.ok(source, `the queue of ${name} was read`);
  cluster.sources.configure(source.key, { value, drain: null });
}

describe('ScaledJob', () => {
  test('creates Jobs the way KEDA does: labels, annotations, owner, restartPolicy, KEDAJobsCreated', async () => {
    const cluster = await steppedCluster();
    try {
      await scaledJob(cluster, 'export', {}, { 'example.com/owner': 'team-a' });
      await step(cluster, 1);
      setQueue(cluster, 'export', 2);
      await step(cluster, 10);
      const jobs = await jobsOf(cluster, 'export');
      assert.equal(jobs.length, 2);
      const job = jobs[0] as Obj;
      const sj = await cluster.client.get<Obj>(ScaledJobResource, { namespace: 'default', name: 'export' });
      assert.match(job.metadata.name ?? '', /^export-[a-z0-9]{5}$/);
      assert.deepEqual(job.metadata.labels, {
        'app.kubernetes.io/name': 'export',
        'app.kubernetes.io/version': '2.20.2',
        'app.kubernetes.io/part-of': 'export',
        'app.kubernetes.io/managed-by': 'keda-operator',
        'scaledjob.keda.sh/name': 'export',
        team: 'exports',
      });
      assert.deepEqual(job.metadata.annotations, {
        'scaledjob.keda.sh/generation': '1',
        'example.com/owner': 'team-a',
      });
      assert.deepEqual(job.metadata.ownerReferences, [
        {
          apiVersion: 'keda.sh/v1alpha1',
          kind: 'ScaledJob',
          name: 'export',
          uid: sj.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
      const template = (
        job.spec as {
          template: { metadata: { labels: Record<string, string> }; spec: { restartPolicy: string } };
        }
      ).template;
      assert.equal(template.metadata.labels['scaledjob.keda.sh/name'], 'export');
      assert.equal(template.spec.restartPolicy, 'OnFailure');
      assert.deepEqual(sj.metadata.finalizers, ['finalizer.keda.sh']);
      assert.equal(conditionOf(sj, 'Ready')?.reason, 'ScaledJobReady');
      assert.equal(conditionOf(sj, 'Active')?.status, 'True');
      assert.equal(sj.status?.triggersTypes, 'rabbitmq');
      assert.deepEqual(sj.status?.externalMetricNames, ['s0-rabbitmq-export']);
      const texts = notes(await eventsV1(cluster, 'default', 'export', 'ScaledJob'));
      assert.ok(texts.includes('ScaledJobReady: ScaledJob is ready for scaling'), texts.join('\n'));
      assert.ok(texts.includes('KEDAJobsCreated: Created 2 jobs'), texts.join('\n'));
      assert.ok(
        texts.includes('ScaledJobActive: Scaling is performed because triggers are active'),
        texts.join('\n'),
      );
    } finally {
      await cluster.close();
    }
  });

  const strategies: [string, Record<string, unknown> | undefined, number, number][] = [
    // [name, scalingStrategy, jobs after the first poll, more after the second (3 running)]
    ['default', undefined, 3, 0],
    ['accurate', { strategy: 'accurate' }, 3, 2],
    ['eager', { strategy: 'eager' }, 3, 2],
    [
      'custom',
      { strategy: 'custom', customScalingQueueLengthDeduction: 1, customScalingRunningJobPercentage: '0.5' },
      2,
      1,
    ],
  ];
  for (const [name, strategy, first, second] of strategies) {
    test(`scaling strategy ${name}: queue of 3, max 5`, async () => {
      const cluster = await steppedCluster();
      try {
        await scaledJob(cluster, name, strategy ? { scalingStrategy: strategy } : {});
        await step(cluster, 1);
        setQueue(cluster, name, 3);
        await step(cluster, 10);
        assert.equal((await jobsOf(cluster, name)).length, first, 'after the first poll');
        await step(cluster, 10);
        assert.equal((await jobsOf(cluster, name)).length, first + second, 'after the second poll');
      } finally {
        await cluster.close();
      }
    });
  }

  test('history limits keep the newest finished Jobs; immediate rollout deletes the previous generation', async () => {
    const cluster = await steppedCluster();
    try {
      await scaledJob(cluster, 'hist', {
        successfulJobsHistoryLimit: 1,
        failedJobsHistoryLimit: 0,
        jobTargetRef: {
          template: {
            metadata: { annotations: { 'sim.keda.sh/run-seconds': '15' } },
            spec: {
              restartPolicy: 'Never',
              containers: [{ name: 'worker', image: 'registry.example.com/worker:1' }],
            },
          },
        },
      });
      await step(cluster, 1);
      setQueue(cluster, 'hist', 3);
      await step(cluster, 10);
      assert.equal((await jobsOf(cluster, 'hist')).length, 3);
      setQueue(cluster, 'hist', 0);
      await step(cluster, 60);
      const left = await jobsOf(cluster, 'hist');
      assert.equal(left.length, 1, 'one successful Job kept');
      const status = left[0]?.status as {
        succeeded?: number;
        conditions?: { type: string; status: string }[];
      };
      assert.equal(status.succeeded, 1);
      assert.ok(status.conditions?.some((c) => c.type === 'Complete' && c.status === 'True'));

      // Running jobs of the old spec go when the spec changes (rollout immediate, the default).
      setQueue(cluster, 'hist', 2);
      await step(cluster, 10);
      assert.equal(
        (await jobsOf(cluster, 'hist')).filter(
          (j) => !(j.status as { completionTime?: string }).completionTime,
        ).length,
        2,
      );
      setQueue(cluster, 'hist', 0);
      await cluster.client.patch(ScaledJobResource, { namespace: 'default', name: 'hist' }, 'merge', {
        spec: { maxReplicaCount: 4 },
      });
      await step(cluster, 1);
      const after = await jobsOf(cluster, 'hist');
      assert.ok(
        after.every(
          (j) =>
            j.metadata.annotations?.['scaledjob.keda.sh/generation'] === '2' ||
            !!(j.status as { completionTime?: string }).completionTime,
        ),
      );
      const texts = notes(await eventsV1(cluster, 'default', 'hist', 'ScaledJob'));
      assert.ok(
        texts.some((t) =>
          /^ScaledJobRolloutCleanupStarted: Deleting \d+ jobs owned by the previous version of the scaledJob$/.test(
            t,
          ),
        ),
        texts.join('\n'),
      );
      assert.ok(
        texts.some((t) =>
          /^ScaledJobRolloutCleanupCompleted: Deleted \d+ jobs owned by the previous version of the scaledJob$/.test(
            t,
          ),
        ),
        texts.join('\n'),
      );
    } finally {
      await cluster.close();
    }
  });

  test('gradual rollout keeps the running Jobs; paused stops creating them', async () => {
    const cluster = await steppedCluster();
    try {
      await scaledJob(cluster, 'grad', { rollout: { strategy: 'gradual' } });
      await step(cluster, 1);
      setQueue(cluster, 'grad', 2);
      await step(cluster, 10);
      assert.equal((await jobsOf(cluster, 'grad')).length, 2);
      await cluster.client.patch(ScaledJobResource, { namespace: 'default', name: 'grad' }, 'merge', {
        metadata: { annotations: { 'autoscaling.keda.sh/paused': 'true' } },
        spec: { maxReplicaCount: 8 },
      });
      await step(cluster, 1);
      assert.equal((await jobsOf(cluster, 'grad')).length, 2, 'gradual: the old Jobs stay');
      setQueue(cluster, 'grad', 9);
      await step(cluster, 30);
      assert.equal((await jobsOf(cluster, 'grad')).length, 2, 'paused: no new Jobs');
      const sj = await cluster.client.get<Obj>(ScaledJobResource, { namespace: 'default', name: 'grad' });
      assert.deepEqual(conditionOf(sj, 'Paused'), {
        type: 'Paused',
        status: 'True',
        reason: 'ScaledJobPaused',
        message: 'ScaledJob is paused',
      });
    } finally {
      await cluster.close();
    }
  });
});

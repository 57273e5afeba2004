/**
 * The workload controllers on a stepped clock: Deployment → ReplicaSet → Pods (with the kubelet
 * simulation), rollouts and their events, StatefulSet ordinals, Jobs running to completion, and
 * the HPA controller on cpu utilization.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DeploymentResource,
  HorizontalPodAutoscalerResource,
  JobResource,
  PodResource,
  ReplicaSetResource,
  StatefulSetResource,
} from '../../../components/src/core/kube/resource.ts';
import type { SimCluster } from './index.ts';
import {
  conditionOf,
  conditionSummary,
  coreEvents,
  createDeployment,
  createScaledObject,
  step,
  steppedCluster,
  type Obj,
} from './test-sim.ts';

async function list(cluster: SimCluster, type: typeof PodResource, labelSelector?: string): Promise<Obj[]> {
  return (
    await cluster.client.list<Obj>(type, {
      namespace: 'default',
      ...(labelSelector ? { labelSelector } : {}),
    })
  ).items;
}

const messages = (events: readonly Obj[]): string[] =>
  events.map((e) => `${String(e.reason)}: ${String(e.message)}`);

describe('Deployment → ReplicaSet → Pods', () => {
  test('creates the ReplicaSet and pods; pods start; status and events as the real controllers write them', async () => {
    const cluster = await steppedCluster();
    try {
      await createDeployment(cluster, 'default', 'web', 3);
      await step(cluster, 0.1);
      const [rs] = await list(cluster, ReplicaSetResource);
      assert.ok(rs);
      const hash = rs.metadata.labels?.['pod-template-hash'] ?? '';
      assert.match(hash, /^[bcdfghjklmnpqrstvwxz2456789]{10}$/);
      assert.equal(rs.metadata.name, `web-${hash}`);
      assert.equal(rs.metadata.annotations?.['deployment.kubernetes.io/revision'], '1');
      assert.equal(rs.metadata.ownerReferences?.[0]?.kind, 'Deployment');
      let pods = await list(cluster, PodResource, 'app=web');
      assert.equal(pods.length, 3);
      assert.ok(pods.every((p) => (p.status as { phase: string }).phase === 'Pending'));
      assert.ok(pods.every((p) => p.metadata.name?.startsWith(`web-${hash}-`)));

      await step(cluster, 10);
      pods = await list(cluster, PodResource, 'app=web');
      for (const pod of pods) {
        const status = pod.status as {
          phase: string;
          podIP: string;
          containerStatuses: { ready: boolean; state: { running?: unknown } }[];
        };
        assert.equal(status.phase, 'Running');
        assert.match(status.podIP, /^10\.244\.\d+\.\d+$/);
        assert.equal(status.containerStatuses[0]?.ready, true);
        assert.ok(status.containerStatuses[0]?.state.running);
        assert.match(String((pod.spec as { nodeName: string }).nodeName), /^sim-worker-\d$/);
        assert.equal(conditionOf(pod, 'Ready')?.status, 'True');
      }
      const d = await cluster.client.get<Obj>(DeploymentResource, { namespace: 'default', name: 'web' });
      const { conditions: _c, ...counts } = d.status ?? {};
      assert.deepEqual(counts, {
        observedGeneration: 1,
        replicas: 3,
        updatedReplicas: 3,
        readyReplicas: 3,
        availableReplicas: 3,
      });
      assert.deepEqual(conditionSummary(d), [
        'Available True MinimumReplicasAvailable',
        'Progressing True NewReplicaSetAvailable',
      ]);
      assert.equal(
        conditionOf(d, 'Progressing')?.message,
        `ReplicaSet "web-${hash}" has successfully progressed.`,
      );
      assert.equal(d.metadata.annotations?.['deployment.kubernetes.io/revision'], '1');
      assert.deepEqual(messages(await coreEvents(cluster, 'default', 'web', 'Deployment')), [
        `ScalingReplicaSet: Scaled up replica set web-${hash} from 0 to 3`,
      ]);
      const rsEvents = await coreEvents(cluster, 'default', `web-${hash}`, 'ReplicaSet');
      assert.equal(rsEvents.length, 3);
      assert.ok(
        rsEvents.every(
          (e) =>
            /^Created pod: web-/.test(String(e.message)) &&
            (e.source as { component: string }).component === 'replicaset-controller',
        ),
      );

      // Scale down: SuccessfulDelete and the Deployment's ScalingReplicaSet.
      await cluster.client.patch(
        DeploymentResource,
        { namespace: 'default', name: 'web' },
        'merge',
        { spec: { replicas: 1 } },
        { subresource: 'scale' },
      );
      await step(cluster, 1);
      assert.equal((await list(cluster, PodResource, 'app=web')).length, 1);
      const all = messages(await coreEvents(cluster, 'default', 'web', 'Deployment'));
      assert.ok(
        all.includes(`ScalingReplicaSet: Scaled down replica set web-${hash} from 3 to 1`),
        all.join('\n'),
      );
      assert.equal(
        messages(await coreEvents(cluster, 'default', `web-${hash}`, 'ReplicaSet')).filter((m) =>
          m.startsWith('SuccessfulDelete: Deleted pod: web-'),
        ).length,
        2,
      );
    } finally {
      await cluster.close();
    }
  });

  test('a template change rolls out a new ReplicaSet (revision 2) and scales the old one down', async () => {
    const cluster = await steppedCluster();
    try {
      await createDeployment(cluster, 'default', 'web', 4);
      await step(cluster, 10);
      const [old] = await list(cluster, ReplicaSetResource);
      await cluster.client.patch(DeploymentResource, { namespace: 'default', name: 'web' }, 'strategic', {
        spec: {
          template: { spec: { containers: [{ name: 'web', image: 'registry.example.com/web:2.0' }] } },
        },
      });
      for (let i = 0; i < 12; i++) await step(cluster, 5);
      const sets = await list(cluster, ReplicaSetResource);
      assert.equal(sets.length, 2);
      const fresh = sets.find((r) => r.metadata.name !== old?.metadata.name) as Obj;
      assert.equal(fresh.metadata.annotations?.['deployment.kubernetes.io/revision'], '2');
      assert.equal((fresh.spec as { replicas: number }).replicas, 4);
      assert.equal(((sets.find((r) => r !== fresh) as Obj).spec as { replicas: number }).replicas, 0);
      const d = await cluster.client.get<Obj>(DeploymentResource, { namespace: 'default', name: 'web' });
      assert.equal((d.status as { updatedReplicas: number }).updatedReplicas, 4);
      assert.equal(d.metadata.annotations?.['deployment.kubernetes.io/revision'], '2');
      const all = messages(await coreEvents(cluster, 'default', 'web', 'Deployment'));
      assert.ok(
        all.some((m) =>
          m.startsWith(`ScalingReplicaSet: Scaled up replica set ${fresh.metadata.name ?? ''} from 0 to`),
        ),
        all.join('\n'),
      );
      assert.ok(
        all.some((m) =>
          m.startsWith(`ScalingReplicaSet: Scaled down replica set ${old?.metadata.name ?? ''} from 4 to`),
        ),
        all.join('\n'),
      );
      const images = (await list(cluster, PodResource, 'app=web')).map(
        (p) => (p.spec as { containers: { image: string }[] }).containers[0]?.image,
      );
      assert.deepEqual(images, [
        'registry.example.com/web:2.0',
        'registry.example.com/web:2.0',
        'registry.example.com/web:2.0',
        'registry.example.com/web:2.0',
      ]);
    } finally {
      await cluster.close();
    }
  });
});

describe('StatefulSet and Job', () => {
  test('StatefulSet: ordinal pods, one at a time (OrderedReady)', async () => {
    const cluster = await steppedCluster();
    try {
      await cluster.client.create(StatefulSetResource, {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'db', namespace: 'default' },
        spec: {
          replicas: 3,
          serviceName: 'db',
          selector: { matchLabels: { app: 'db' } },
          template: {
            metadata: { labels: { app: 'db' } },
            spec: { containers: [{ name: 'db', image: 'postgres:16' }] },
          },
        },
      } as Obj);
      await step(cluster, 0.1);
      assert.deepEqual(
        (await list(cluster, PodResource, 'app=db')).map((p) => p.metadata.name),
        ['db-0'],
      );
      await step(cluster, 30);
      assert.deepEqual(
        (await list(cluster, PodResource, 'app=db')).map((p) => p.metadata.name),
        ['db-0', 'db-1', 'db-2'],
      );
      const sts = await cluster.client.get<Obj>(StatefulSetResource, { namespace: 'default', name: 'db' });
      assert.equal((sts.status as { readyReplicas: number }).readyReplicas, 3);
      assert.deepEqual(messages(await coreEvents(cluster, 'default', 'db', 'StatefulSet')), [
        'SuccessfulCreate: create Pod db-0 in StatefulSet db successful',
        'SuccessfulCreate: create Pod db-1 in StatefulSet db successful',
        'SuccessfulCreate: create Pod db-2 in StatefulSet db successful',
      ]);
    } finally {
      await cluster.close();
    }
  });

  test('Job: pods run to completion; Complete condition, succeeded count, Completed event', async () => {
    const cluster = await steppedCluster();
    try {
      await cluster.client.create(JobResource, {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'once', namespace: 'default' },
        spec: {
          completions: 2,
          template: {
            metadata: { annotations: { 'sim.keda.sh/run-seconds': '20' } },
            spec: { restartPolicy: 'Never', containers: [{ name: 'once', image: 'busybox:1.36' }] },
          },
        },
      } as Obj);
      await step(cluster, 10);
      let job = await cluster.client.get<Obj>(JobResource, { namespace: 'default', name: 'once' });
      assert.equal((job.status as { active: number }).active, 1);
      await step(cluster, 60);
      job = await cluster.client.get<Obj>(JobResource, { namespace: 'default', name: 'once' });
      const status = job.status as { succeeded: number; completionTime: string; startTime: string };
      assert.equal(status.succeeded, 2);
      assert.ok(status.completionTime && status.startTime);
      assert.deepEqual(conditionSummary(job), [
        'SuccessCriteriaMet True CompletionsReached',
        'Complete True CompletionsReached',
      ]);
      const events = messages(await coreEvents(cluster, 'default', 'once', 'Job'));
      assert.equal(events.filter((m) => /^SuccessfulCreate: Created pod: once-/.test(m)).length, 2);
      assert.equal(events.at(-1), 'Completed: Job completed');
      const pods = await list(cluster, PodResource, 'job-name=once');
      assert.ok(pods.every((p) => (p.status as { phase: string }).phase === 'Succeeded'));
    } finally {
      await cluster.close();
    }
  });
});

describe('HPA controller', () => {
  test('cpu utilization from the simulated pod usage: currentMetrics, conditions, SuccessfulRescale', async () => {
    const cluster = await steppedCluster();
    try {
      await createDeployment(cluster, 'default', 'api', 2, { cpu: '200m' });
      await createScaledObject(cluster, 'default', 'api', {
        scaleTargetRef: { name: 'api' },
        minReplicaCount: 2,
        maxReplicaCount: 8,
        triggers: [{ type: 'cpu', metricType: 'Utilization', metadata: { value: '50' } }],
      });
      await step(cluster, 20);
      cluster.sources.addRules([{ key: 'cpu:default/api', curve: { type: 'constant', value: 900 } }]);
      cluster.sources.configure('cpu:default/api', { curve: { type: 'constant', value: 900 } });
      await step(cluster, 30);
      const hpa = await cluster.client.get<Obj>(HorizontalPodAutoscalerResource, {
        namespace: 'default',
        name: 'keda-hpa-api',
      });
      const metric = (
        hpa.status?.currentMetrics as {
          resource: { name: string; current: { averageUtilization: number } };
        }[]
      )[0];
      assert.equal(metric?.resource.name, 'cpu');
      assert.ok((metric?.resource.current.averageUtilization ?? 0) > 0);
      assert.ok(Number(hpa.status?.currentReplicas) > 2, JSON.stringify(hpa.status));
      assert.equal(
        conditionOf(hpa, 'ScalingActive')?.message,
        'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
      );
      assert.ok(conditionOf(hpa, 'AbleToScale')?.lastTransitionTime);
      const events = await coreEvents(cluster, 'default', 'keda-hpa-api', 'HorizontalPodAutoscaler');
      const rescale = events.find((e) => e.reason === 'SuccessfulRescale');
      assert.match(
        String(rescale?.message),
        /^New size: \d+; reason: cpu resource utilization \(percentage of request\) above target$/,
      );
      assert.deepEqual(rescale?.source, { component: 'horizontal-pod-autoscaler' });
    } finally {
      await cluster.close();
    }
  });
});

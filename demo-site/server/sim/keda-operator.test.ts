/**
 * The simulated KEDA operator, controller by controller, on an empty cluster with a stepped clock:
 * finalizer and label, the HPA it creates, status fields, conditions and events (2.20 and 2.19
 * shapes), activation / cooldown / deactivation, pause annotations, fallback, scalingModifiers,
 * a missing target and an unknown trigger type, TriggerAuthentication status, deletion.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DeploymentResource,
  HorizontalPodAutoscalerResource,
  ScaledObjectResource,
  TriggerAuthenticationResource,
} from '../../../components/src/core/kube/resource.ts';
import type { SimCluster } from './index.ts';
import { ApiError } from './index.ts';
import {
  conditionOf,
  conditionSummary,
  coreEvents,
  createDeployment,
  createScaledObject,
  createSecretAuth,
  eventsV1,
  notes,
  step,
  steppedCluster,
  type Obj,
} from './test-sim.ts';

const PROM = {
  type: 'prometheus',
  metadata: {
    serverAddress: 'http://prometheus.monitoring:9090',
    query: 'sum(queue_depth)',
    threshold: '50',
    activationThreshold: '10',
  },
};

function sourceKey(cluster: SimCluster, type: string): string {
  const source = cluster.sources.list().find((s) => s.type === type);
  assert.ok(source, `a ${type} source was read`);
  return source.key;
}

async function get(
  cluster: SimCluster,
  kind: 'so' | 'hpa' | 'deploy',
  name: string,
  namespace = 'default',
): Promise<Obj> {
  const type =
    kind === 'so'
      ? ScaledObjectResource
      : kind === 'hpa'
        ? HorizontalPodAutoscalerResource
        : DeploymentResource;
  return cluster.client.get<Obj>(type, { namespace, name });
}

async function missing(cluster: SimCluster, kind: 'so' | 'hpa', name: string): Promise<boolean> {
  try {
    await get(cluster, kind, name);
    return false;
  } catch (error) {
    return error instanceof ApiError && error.code === 404;
  }
}

describe('KEDA 2.20.2: a ScaledObject', () => {
  test('gets the finalizer, the label, its HPA keda-hpa-<name>, every status field and the first events', async () => {
    const cluster = await steppedCluster();
    try {
      await createDeployment(cluster, 'default', 'web', 0);
      await createSecretAuth(cluster, 'default', 'web-auth', 'bearerToken', 'token-123');
      await createScaledObject(cluster, 'default', 'web', {
        scaleTargetRef: { name: 'web' },
        pollingInterval: 5,
        cooldownPeriod: 30,
        maxReplicaCount: 10,
        advanced: {
          horizontalPodAutoscalerConfig: { behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } },
        },
        triggers: [{ ...PROM, authenticationRef: { name: 'web-auth' } }],
      });
      await step(cluster, 1);
      const so = await get(cluster, 'so', 'web');
      assert.deepEqual(so.metadata.finalizers, ['finalizer.keda.sh']);
      assert.equal(so.metadata.labels?.['scaledobject.keda.sh/name'], 'web');
      const { conditions, ...status } = so.status ?? {};
      assert.deepEqual(status, {
        scaleTargetKind: 'apps/v1.Deployment',
        scaleTargetGVKR: { group: 'apps', version: 'v1', kind: 'Deployment', resource: 'deployments' },
        originalReplicaCount: 0,
        triggersTypes: 'prometheus',
        authenticationsTypes: 'web-auth',
        hpaName: 'keda-hpa-web',
        externalMetricNames: ['s0-prometheus'],
        triggersActivity: { 's0-prometheus': { isActive: false } },
      });
      assert.deepEqual(conditions, [
        {
          type: 'Ready',
          status: 'True',
          reason: 'ScaledObjectReady',
          message: 'ScaledObject is defined correctly and is ready for scaling',
        },
        {
          type: 'Active',
          status: 'False',
          reason: 'ScalerNotActive',
          message: 'Scaling is not performed because triggers are not active',
        },
        {
          type: 'Fallback',
          status: 'False',
          reason: 'NoFallbackFound',
          message: 'No fallbacks are active on this scaled object',
        },
        { type: 'Paused', status: 'False' },
        {
          type: 'HPAActive',
          status: 'True',
          reason: 'ScalingDisabled',
          message: 'scaling is disabled since the replica count of the target is zero',
        },
      ]);

      const hpa = await get(cluster, 'hpa', 'keda-hpa-web');
      assert.deepEqual(hpa.metadata.labels, {
        'app.kubernetes.io/name': 'keda-hpa-web',
        'app.kubernetes.io/version': '2.20.2',
        'app.kubernetes.io/part-of': 'web',
        'app.kubernetes.io/managed-by': 'keda-operator',
        'scaledobject.keda.sh/name': 'web',
      });
      assert.deepEqual(hpa.metadata.ownerReferences, [
        {
          apiVersion: 'keda.sh/v1alpha1',
          kind: 'ScaledObject',
          name: 'web',
          uid: so.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
      const spec = hpa.spec as Record<string, unknown>;
      assert.deepEqual(spec.scaleTargetRef, { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' });
      assert.equal(spec.minReplicas, 1);
      assert.equal(spec.maxReplicas, 10);
      assert.deepEqual(spec.metrics, [
        {
          type: 'External',
          external: {
            metric: {
              name: 's0-prometheus',
              selector: { matchLabels: { 'scaledobject.keda.sh/name': 'web' } },
            },
            target: { type: 'AverageValue', averageValue: '50' },
          },
        },
      ]);
      assert.equal(
        (spec.behavior as { scaleDown: { stabilizationWindowSeconds: number } }).scaleDown
          .stabilizationWindowSeconds,
        60,
      );

      const events = await eventsV1(cluster, 'default', 'web');
      assert.deepEqual(notes(events), [
        'KEDAScalersStarted: Scaler prometheus is built',
        'KEDAScalersStarted: Started scalers watch',
        'ScaledObjectReady: ScaledObject is ready for scaling',
      ]);
      assert.deepEqual(
        events.map((e) => e.action),
        // EventEmitter passes the message as the action; the scale handler passes the reason.
        ['KEDAScalersStarted', 'ScalersWatchStarted', 'ScaledObject is ready for scaling'],
      );
      for (const e of events) {
        assert.equal(e.reportingController, 'keda-operator');
        assert.match(String(e.reportingInstance), /^keda-operator-keda-operator-/);
        assert.match(String(e.metadata.name), /^web\.[0-9a-f]{16}$/);
        assert.match(String(e.eventTime), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
        assert.deepEqual(e.deprecatedSource, {});
        assert.equal((e.regarding as { kind: string }).kind, 'ScaledObject');
      }

      const ta = await cluster.client.get<Obj>(TriggerAuthenticationResource, {
        namespace: 'default',
        name: 'web-auth',
      });
      assert.deepEqual(ta.status, { scaledobjects: 'web' });
      assert.deepEqual(ta.metadata.finalizers, ['finalizer.keda.sh']);
      assert.deepEqual(notes(await eventsV1(cluster, 'default', 'web-auth', 'TriggerAuthentication')), [
        'TriggerAuthenticationAdded: New TriggerAuthentication configured',
      ]);
    } finally {
      await cluster.close();
    }
  });

  test('activates from 0, lets the HPA scale, cools down and deactivates back to 0', async () => {
    const cluster = await steppedCluster();
    try {
      await createDeployment(cluster, 'default', 'web', 0);
      await createScaledObject(cluster, 'default', 'web', {
        scaleTargetRef: { name: 'web' },
        pollingInterval: 5,
        cooldownPeriod: 30,
        maxReplicaCount: 10,
        triggers: [PROM],
      });
      await step(cluster, 1);
      const key = sourceKey(cluster, 'prometheus');
      assert.equal(key, 'prometheus:http://prometheus.monitoring:9090/default/sum(queue_depth)');
      cluster.sources.configure(key, { value: 120 });
      await step(cluster, 5);
      let so = await get(cluster, 'so', 'web');
      assert.equal(conditionOf(so, 'Active')?.reason, 'ScalerActive');
      assert.equal((await get(cluster, 'deploy', 'web')).spec?.replicas, 1);
      assert.ok(so.status?.lastActiveTime);
      assert.deepEqual(so.status?.triggersActivity, { 's0-prometheus': { isActive: true } });
      await step(cluster, 30);
      // 120 against 50 per replica: 3 replicas.
      assert.equal((await get(cluster, 'deploy', 'web')).spec?.replicas, 3);
      so = await get(cluster, 'so', 'web');
      assert.deepEqual(conditionOf(so, 'HPAActive'), {
        type: 'HPAActive',
        status: 'True',
        reason: 'HPAActive',
        message: 'HPA is actively scaling',
      });
      cluster.sources.configure(key, { value: 0 });
      await step(cluster, 10);
      assert.deepEqual(conditionOf(await get(cluster, 'so', 'web'), 'Active'), {
        type: 'Active',
        status: 'False',
        reason: 'ScalerCooldown',
        message: 'Scaler cooling down because triggers are not active',
      });
      await step(cluster, 40);
      assert.equal((await get(cluster, 'deploy', 'web')).spec?.replicas, 0);
      const texts = notes(await eventsV1(cluster, 'default', 'web'));
      assert.ok(
        texts.includes(
          'KEDAScaleTargetActivated: Scaled apps/v1.Deployment default/web from 0 to 1, triggered by s0-prometheus',
        ),
        texts.join('\n'),
      );
      assert.ok(
        texts.includes('KEDAScaleTargetDeactivated: Deactivated apps/v1.Deployment default/web from 3 to 0'),
        texts.join('\n'),
      );
      await step(cluster, 20);
      assert.deepEqual(conditionOf(await get(cluster, 'so', 'web'), 'HPAActive'), {
        type: 'HPAActive',
        status: 'True',
        reason: 'ScalingDisabled',
        message: 'scaling is disabled since the replica count of the target is zero',
      });
    } finally {
      await cluster.close();
    }
  });

  test('initialCooldownPeriod and idleReplicaCount: idle after the initial cooldown, back to min on activity', async () => {
    const cluster = await steppedCluster();
    try {
      await createDeployment(cluster, 'default', 'web', 3);
      await createScaledObject(cluster, 'default', 'web', {
        scaleTargetRef: { name: 'web' },
        pollingInterval: 5,
        initialCooldownPeriod: 60,
        idleReplicaCount: 0,
        minReplicaCount: 2,
        maxReplicaCount: 5,
        triggers: [PROM],
      });
      await step(cluster, 10);
      assert.equal((await get(cluster, 'deploy', 'web')).spec?.replicas, 3, 'still in the initial cooldown');
      assert.equal(conditionOf(await get(cluster, 'so', 'web'), 'Active')?.reason, 'ScalerCooldown');
      await step(cluster, 60);
      assert.equal((await get(cluster, 'deploy', 'web')).spec?.replicas, 0, 'idle');
      cluster.sources.configure(sourceKey(cluster, 'prometheus'), { value: 30 });
      await step(cluster, 5);
      assert.equal((await get(cluster, 'deploy', 'web')).spec?.replicas, 2, 'activated to minReplicaCount');
      const texts = notes(await eventsV1(cluster, 'default', 'web'));
      assert.ok(
        texts.includes('KEDAScaleTargetDeactivated: Deactivated apps/v1.Deployment default/web from 3 to 0'),
        texts.join('\n'),
      );
      assert.ok(
        texts.includes(
          'KEDAScaleTargetActivated: Scaled apps/v1.Deployment default/web from 0 to 2, triggered by s0-prometheus',
        ),
        texts.join('\n'),
      );
    } finally {
      await cluster.close();
    }
  });

  test('external metrics: the adapter serves the trigger value as KEDA does (%.3f, canonical text kept: 4.667)', async () => {
    const cluster = await steppedCluster();
    try {
      await createDeployment(cluster, 'default', 'web', 1);
      await createScaledObject(cluster, 'default', 'web', {
        scaleTargetRef: { name: 'web' },
        triggers: [PROM],
      });
      await step(cluster, 1);
      cluster.sources.configure(sourceKey(cluster, 'prometheus'), { value: 4.6666 });
      const { url } = await cluster.listen({ port: 0, insecureHttp: true });
      const selector = encodeURIComponent('scaledobject.keda.sh/name=web');
      const res = await fetch(
        `${url}/apis/external.metrics.k8s.io/v1beta1/namespaces/default/s0-prometheus?labelSelector=${selector}`,
      );
      const served = await res.text();
      assert.equal(res.status, 200, served);
      const list = JSON.parse(served) as {
        items: { metricName: string; value: string; metricLabels: unknown }[];
      };
      assert.deepEqual(
        list.items.map((i) => [i.metricName, i.value, i.metricLabels]),
        [['s0-prometheus', '4.667', null]],
      );
    } finally {
      await cluster.close();
    }
  });

  test('pause: paused deletes the HPA; paused-replicas scales to N; unpause brings the HPA back', async () => {
    const cluster = await steppedCluster();
    try {
      await createDeployment(cluster, 'default', 'web', 2);
      await createScaledObject(cluster, 'default', 'web', {
        scaleTargetRef: { name: 'web' },
        minReplicaCount: 1,
        maxReplicaCount: 10,
        triggers: [PROM],
      });
      await step(cluster, 1);
      assert.equal(await missing(cluster, 'hpa', 'keda-hpa-web'), false);
      await cluster.client.patch(ScaledObjectResource, { namespace: 'default', name: 'web' }, 'merge', {
        metadata: { annotations: { 'autoscaling.keda.sh/paused': 'true' } },
      });
      await step(cluster, 1);
      let so = await get(cluster, 'so', 'web');
      assert.equal(await missing(cluster, 'hpa', 'keda-hpa-web'), true, 'paused: HPA deleted');
      assert.deepEqual(conditionOf(so, 'Paused'), {
        type: 'Paused',
        status: 'True',
        reason: 'ScaledObjectPaused',
        message: 'ScaledObject is paused',
      });
      assert.equal(conditionOf(so, 'Ready')?.message, 'ScaledObject is paused');

      await cluster.client.patch(ScaledObjectResource, { namespace: 'default', name: 'web' }, 'merge', {
        metadata: {
          annotations: { 'autoscaling.keda.sh/paused': null, 'autoscaling.keda.sh/paused-replicas': '4' },
        },
      });
      await step(cluster, 1);
      so = await get(cluster, 'so', 'web');
      assert.equal(so.status?.pausedReplicaCount, 4);
      assert.equal((await get(cluster, 'deploy', 'web')).spec?.replicas, 4);

      await cluster.client.patch(ScaledObjectResource, { namespace: 'default', name: 'web' }, 'merge', {
        metadata: { annotations: { 'autoscaling.keda.sh/paused-replicas': null } },
      });
      await step(cluster, 1);
      so = await get(cluster, 'so', 'web');
      assert.deepEqual(conditionOf(so, 'Paused'), {
        type: 'Paused',
        status: 'False',
        reason: 'ScaledObjectUnpaused',
        message: 'pause annotation removed for ScaledObject',
      });
      assert.equal(so.status?.pausedReplicaCount, undefined);
      assert.equal(await missing(cluster, 'hpa', 'keda-hpa-web'), false, 'unpaused: HPA back');
      const texts = notes(await eventsV1(cluster, 'default', 'web'));
      for (const expected of [
        'ScaledObjectPaused: ScaledObject is paused',
        'KEDAScalersStopped: Stopped scalers watch',
        'ScaledObjectUnpaused: pause annotation removed for ScaledObject',
      ]) {
        assert.ok(texts.includes(expected), `${expected} in\n${texts.join('\n')}`);
      }
    } finally {
      await cluster.close();
    }
  });

  test('paused-scale-in / paused-scale-out disable the HPA direction; force-activation activates', async () => {
    const cluster = await steppedCluster();
    try {
      await createDeployment(cluster, 'default', 'web', 0);
      await createScaledObject(
        cluster,
        'default',
        'web',
        { scaleTargetRef: { name: 'web' }, pollingInterval: 5, triggers: [PROM] },
        { 'autoscaling.keda.sh/paused-scale-in': 'true' },
      );
      await step(cluster, 1);
      let hpa = await get(cluster, 'hpa', 'keda-hpa-web');
      assert.equal(
        (hpa.spec as { behavior: { scaleDown: { selectPolicy: string } } }).behavior.scaleDown.selectPolicy,
        'Disabled',
      );
      assert.equal(conditionOf(await get(cluster, 'so', 'web'), 'Paused')?.status, 'True');
      await cluster.client.patch(ScaledObjectResource, { namespace: 'default', name: 'web' }, 'merge', {
        metadata: {
          annotations: {
            'autoscaling.keda.sh/paused-scale-in': null,
            'autoscaling.keda.sh/paused-scale-out': 'true',
          },
        },
      });
      await step(cluster, 1);
      hpa = await get(cluster, 'hpa', 'keda-hpa-web');
      assert.equal(
        (hpa.spec as { behavior: { scaleUp: { selectPolicy: string } } }).behavior.scaleUp.selectPolicy,
        'Disabled',
      );
      await cluster.client.patch(ScaledObjectResource, { namespace: 'default', name: 'web' }, 'merge', {
        metadata: {
          annotations: {
            'autoscaling.keda.sh/paused-scale-out': null,
            'autoscaling.keda.sh/force-activation': 'true',
          },
        },
      });
      await step(cluster, 6);
      const so = await get(cluster, 'so', 'web');
      assert.equal(
        conditionOf(so, 'Active')?.message,
        'Scaling is performed because activation is being forced by annotation',
      );
      assert.equal((await get(cluster, 'deploy', 'web')).spec?.replicas, 1);
      assert.ok(
        notes(await eventsV1(cluster, 'default', 'web')).includes(
          'KEDAScaleTargetActivated: Scaled apps/v1.Deployment default/web from 0 to 1, caused by forced activation annotation',
        ),
      );
    } finally {
      await cluster.close();
    }
  });

  test('fallback: failures counted in status.health, then FallbackExists and the HPA lands on fallback.replicas', async () => {
    const cluster = await steppedCluster();
    try {
      await createDeployment(cluster, 'default', 'web', 1);
      await createScaledObject(cluster, 'default', 'web', {
        scaleTargetRef: { name: 'web' },
        pollingInterval: 5,
        minReplicaCount: 1,
        maxReplicaCount: 10,
        fallback: { failureThreshold: 3, replicas: 6 },
        triggers: [PROM],
      });
      await step(cluster, 1);
      const key = sourceKey(cluster, 'prometheus');
      cluster.sources.configure(key, { value: 40, failing: true });
      await step(cluster, 6);
      let so = await get(cluster, 'so', 'web');
      const health = (so.status?.health as Record<string, { numberOfFailures: number; status: string }>)[
        's0-prometheus'
      ];
      assert.equal(health?.status, 'Failing');
      assert.ok((health?.numberOfFailures ?? 0) >= 1);
      await step(cluster, 60);
      so = await get(cluster, 'so', 'web');
      assert.deepEqual(conditionOf(so, 'Fallback'), {
        type: 'Fallback',
        status: 'True',
        reason: 'FallbackExists',
        message: 'At least one trigger is falling back on this scaled object',
      });
      assert.equal((await get(cluster, 'deploy', 'web')).spec?.replicas, 6);
      const texts = notes(await eventsV1(cluster, 'default', 'web'));
      assert.ok(
        texts.includes('ScaledObjectFallbackActivated: ScaledObject fallback is active'),
        texts.join('\n'),
      );
      assert.ok(
        texts.some((t) => t.startsWith('KEDAScalerFailed: prometheus query api returned error')),
        texts.join('\n'),
      );
      cluster.sources.configure(key, { failing: false });
      await step(cluster, 10);
      so = await get(cluster, 'so', 'web');
      assert.equal(conditionOf(so, 'Fallback')?.reason, 'NoFallbackFound');
      assert.deepEqual((so.status?.health as Record<string, unknown>)['s0-prometheus'], {
        numberOfFailures: 0,
        status: 'Happy',
      });
      assert.ok(
        notes(await eventsV1(cluster, 'default', 'web')).includes(
          'ScaledObjectFallbackDeactivated: ScaledObject fallback is no longer active',
        ),
      );
    } finally {
      await cluster.close();
    }
  });

  test('scalingModifiers: one composite-metric for the HPA, served as the formula of the triggers', async () => {
    const cluster = await steppedCluster();
    try {
      await createDeployment(cluster, 'default', 'web', 1);
      await createScaledObject(cluster, 'default', 'web', {
        scaleTargetRef: { name: 'web' },
        advanced: { scalingModifiers: { formula: 'a + b', target: '10' } },
        triggers: [
          { ...PROM, name: 'a' },
          {
            type: 'metrics-api',
            name: 'b',
            metadata: { url: 'http://api:8080/depth', valueLocation: 'depth', targetValue: '5' },
          },
        ],
      });
      await step(cluster, 1);
      cluster.sources.configure(sourceKey(cluster, 'prometheus'), { value: 12 });
      cluster.sources.configure(sourceKey(cluster, 'metrics-api'), { value: 30 });
      await step(cluster, 31);
      const so = await get(cluster, 'so', 'web');
      assert.equal(so.status?.compositeScalerName, 'composite-metric');
      const hpa = await get(cluster, 'hpa', 'keda-hpa-web');
      const metrics = (hpa.spec as { metrics: { external: { metric: { name: string }; target: unknown } }[] })
        .metrics;
      assert.deepEqual(
        metrics.map((m) => [m.external.metric.name, m.external.target]),
        [['composite-metric', { type: 'AverageValue', averageValue: '10' }]],
      );
      // 42 / 10 per replica → 5 replicas.
      assert.equal((await get(cluster, 'deploy', 'web')).spec?.replicas, 5);
      assert.deepEqual(conditionOf(so, 'Active')?.reason, 'ScalerActive');
    } finally {
      await cluster.close();
    }
  });

  test('a missing target fails as KEDA does, and recovers once the Deployment exists', async () => {
    const cluster = await steppedCluster();
    try {
      await createScaledObject(cluster, 'default', 'web', {
        scaleTargetRef: { name: 'web' },
        triggers: [PROM],
      });
      await step(cluster, 1);
      let so = await get(cluster, 'so', 'web');
      assert.deepEqual(conditionSummary(so), [
        'Ready False ScaledObjectCheckFailed',
        'Active Unknown UnknownState',
        'Fallback False NoFallbackFound',
        'Paused False',
      ]);
      assert.equal(
        conditionOf(so, 'Ready')?.message,
        `ScaledObject doesn't have correct scaleTargetRef specification: deployments.apps "web" not found`,
      );
      assert.equal(conditionOf(so, 'Active')?.message, 'ScaledObject check failed');
      assert.deepEqual(notes(await eventsV1(cluster, 'default', 'web')), [
        "ScaledObjectCheckFailed: Target resource doesn't exist",
        `ScaledObjectCheckFailed: ScaledObject doesn't have correct scaleTargetRef specification: deployments.apps "web" not found`,
      ]);
      await createDeployment(cluster, 'default', 'web', 1);
      await step(cluster, 20);
      so = await get(cluster, 'so', 'web');
      assert.equal(conditionOf(so, 'Ready')?.reason, 'ScaledObjectReady');
      assert.ok(
        notes(await eventsV1(cluster, 'default', 'web')).includes(
          'ScaledObjectReady: ScaledObject is ready for scaling',
        ),
      );
    } finally {
      await cluster.close();
    }
  });

  test('an unknown trigger type: no scaler found for type', async () => {
    const cluster = await steppedCluster();
    try {
      await createDeployment(cluster, 'default', 'web', 1);
      await createScaledObject(cluster, 'default', 'web', {
        scaleTargetRef: { name: 'web' },
        triggers: [PROM, { type: 'nosuch', metadata: { a: 'b' } }],
      });
      await step(cluster, 1);
      const so = await get(cluster, 'so', 'web');
      assert.deepEqual(conditionOf(so, 'Ready'), {
        type: 'Ready',
        status: 'False',
        reason: 'ScaledObjectCheckFailed',
        message:
          'failed to ensure HPA is correctly created for ScaledObject: no scaler found for type: nosuch',
      });
      assert.equal(await missing(cluster, 'hpa', 'keda-hpa-web'), true);
      assert.deepEqual(notes(await eventsV1(cluster, 'default', 'web')), [
        'KEDAScalersStarted: Scaler prometheus is built',
        'KEDAScalerFailed: no scaler found for type: nosuch',
        'ScaledObjectCheckFailed: failed to ensure HPA is correctly created for ScaledObject: no scaler found for type: nosuch',
      ]);
    } finally {
      await cluster.close();
    }
  });

  test('deletion: scalers stopped, ScaledObjectDeleted, finalizer removed, HPA collected, TA status updated', async () => {
    const cluster = await steppedCluster();
    try {
      await createDeployment(cluster, 'default', 'web', 1);
      await createSecretAuth(cluster, 'default', 'web-auth', 'bearerToken', 't');
      await createScaledObject(cluster, 'default', 'web', {
        scaleTargetRef: { name: 'web' },
        triggers: [{ ...PROM, authenticationRef: { name: 'web-auth' } }],
      });
      await step(cluster, 1);
      const marked = await cluster.client.delete<Obj>(ScaledObjectResource, {
        namespace: 'default',
        name: 'web',
      });
      assert.ok(marked.metadata.deletionTimestamp, 'finalizer.keda.sh: a two-step delete');
      await step(cluster, 1);
      assert.equal(await missing(cluster, 'so', 'web'), true);
      assert.equal(await missing(cluster, 'hpa', 'keda-hpa-web'), true);
      const texts = notes(await eventsV1(cluster, 'default', 'web'));
      assert.deepEqual(texts.slice(-2), [
        'KEDAScalersStopped: Stopped scalers watch',
        'ScaledObjectDeleted: ScaledObject was deleted',
      ]);
      const deleted = (await eventsV1(cluster, 'default', 'web')).at(-1);
      assert.equal(deleted?.type, 'Warning');
      const ta = await cluster.client.get<Obj>(TriggerAuthenticationResource, {
        namespace: 'default',
        name: 'web-auth',
      });
      assert.deepEqual(ta.status ?? {}, {});
    } finally {
      await cluster.close();
    }
  });
});

describe('older operators', () => {
  test('2.19: core/v1 events from source.component keda-operator, no HPAActive condition', async () => {
    const cluster = await steppedCluster({ kedaVersion: '2.19' });
    try {
      await createDeployment(cluster, 'default', 'web', 1);
      await createScaledObject(cluster, 'default', 'web', {
        scaleTargetRef: { name: 'web' },
        triggers: [PROM],
      });
      await step(cluster, 40);
      const so = await get(cluster, 'so', 'web');
      assert.equal(conditionOf(so, 'HPAActive'), undefined);
      const events = await coreEvents(cluster, 'default', 'web');
      assert.deepEqual(events.map((e) => `${String(e.reason)}: ${String(e.message)}`).slice(0, 3), [
        'KEDAScalersStarted: Scaler prometheus is built',
        'KEDAScalersStarted: Started scalers watch',
        'ScaledObjectReady: ScaledObject is ready for scaling',
      ]);
      for (const e of events) {
        assert.deepEqual(e.source, { component: 'keda-operator' });
        assert.equal(e.eventTime, null);
        assert.equal(e.action, undefined);
        assert.equal(e.count, 1);
        assert.ok(e.firstTimestamp && e.lastTimestamp);
      }
      const hpa = await get(cluster, 'hpa', 'keda-hpa-web');
      assert.equal(hpa.metadata.labels?.['app.kubernetes.io/version'], '2.19.0');
    } finally {
      await cluster.close();
    }
  });

  test('2.20.1: no HPAActive condition either (HPA health folds into Ready)', async () => {
    const cluster = await steppedCluster({ kedaVersion: '2.20.1' });
    try {
      await createDeployment(cluster, 'default', 'web', 1);
      await createScaledObject(cluster, 'default', 'web', {
        scaleTargetRef: { name: 'web' },
        triggers: [PROM],
      });
      await step(cluster, 40);
      const so = await get(cluster, 'so', 'web');
      assert.equal(conditionOf(so, 'HPAActive'), undefined);
      assert.equal(conditionOf(so, 'Ready')?.status, 'True');
      const events = await eventsV1(cluster, 'default', 'web');
      assert.equal(events[0]?.reportingController, 'keda-operator');
    } finally {
      await cluster.close();
    }
  });
});

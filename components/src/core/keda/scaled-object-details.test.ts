import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scaledObjectDetails } from './scaled-object-details.js';
import type { ScaledObject } from './types.js';

const now = Date.parse('2026-11-30T12:00:00Z');

const so: ScaledObject = {
  metadata: { name: 'orders', namespace: 'shop', creationTimestamp: '2026-11-20T00:00:00Z' },
  spec: {
    scaleTargetRef: { name: 'orders-consumer' },
    pollingInterval: 0 as unknown as number,
    cooldownPeriod: 60,
    maxReplicaCount: 5,
    fallback: { failureThreshold: 3, replicas: 2 },
    triggers: [
      {
        type: 'rabbitmq',
        metadata: {
          queueName: 'orders',
          mode: 'QueueLength',
          value: '50',
          host: 'amqp://guest:guest@rabbitmq:5672',
        },
        authenticationRef: { name: 'rabbit' },
      },
      { type: 'cpu', metricType: 'Utilization', metadata: { value: '70' } },
    ],
  },
  status: {
    hpaName: 'keda-hpa-orders',
    externalMetricNames: ['s0-rabbitmq-orders'],
    lastActiveTime: '2026-11-30T11:59:30Z',
    triggersActivity: { 's0-rabbitmq-orders': { isActive: true } },
    health: { 's0-rabbitmq-orders': { numberOfFailures: 1, status: 'Failing' } },
    conditions: [
      { type: 'Ready', status: 'True', reason: 'ScaledObjectReady' },
      { type: 'Active', status: 'True', reason: 'ScalerActive' },
      { type: 'Fallback', status: 'False', reason: 'NoFallbackFound' },
      { type: 'Paused', status: 'False' },
      { type: 'HPAActive', status: 'True', reason: 'HPAActive' },
    ],
  },
};

test('settings show the value in effect and mark defaults; 0 stays 0', () => {
  const model = scaledObjectDetails(so, now);
  const byLabel = Object.fromEntries(model.settings.map((s) => [s.label, s]));
  assert.deepEqual(
    { value: byLabel['Polling interval']!.value, isDefault: byLabel['Polling interval']!.isDefault },
    { value: '0 s', isDefault: false },
  );
  assert.deepEqual(
    { v: byLabel['Cooldown period']!.value, d: byLabel['Cooldown period']!.isDefault },
    { v: '60 s', d: false },
  );
  assert.deepEqual(
    { v: byLabel['Min replicas']!.value, d: byLabel['Min replicas']!.isDefault },
    { v: '0', d: true },
  );
  assert.deepEqual(
    { v: byLabel['Max replicas']!.value, d: byLabel['Max replicas']!.isDefault },
    { v: '5', d: false },
  );
  assert.deepEqual(model.scaleTarget, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    kindIsDefault: true,
    name: 'orders-consumer',
  });
  assert.equal(model.kedaShape, '2.20.2+');
});

test('triggers carry metric names, targets, activation, activity, health and masked metadata', () => {
  const [rabbit, cpu] = scaledObjectDetails(so, now).triggers;
  assert.equal(rabbit!.metricName, 's0-rabbitmq-orders');
  assert.deepEqual(rabbit!.target, { value: 50, key: 'value', isDefault: false });
  assert.equal(rabbit!.activation?.value, 0);
  assert.equal(rabbit!.active, true);
  assert.deepEqual(rabbit!.health, { status: 'Failing', failures: 1 });
  assert.deepEqual(rabbit!.authenticationRef, { kind: 'TriggerAuthentication', name: 'rabbit' });
  assert.deepEqual(Object.fromEntries(rabbit!.metadata).host, 'amqp://guest:****@rabbitmq:5672');
  assert.equal(cpu!.metricName, 'cpu');
  assert.deepEqual(cpu!.metricType, { value: 'Utilization', isDefault: false });
  assert.equal(cpu!.target?.value, 70);
});

test('fallback, cooldown and pause come out of spec, status and annotations', () => {
  const paused = structuredClone(so);
  paused.metadata.annotations = { 'autoscaling.keda.sh/paused-replicas': '2' };
  const model = scaledObjectDetails(paused, now);
  assert.deepEqual(model.fallback, {
    failureThreshold: 3,
    replicas: 2,
    behavior: { value: 'static', isDefault: true },
  });
  assert.equal(model.cooldown.inCooldown, true);
  assert.equal(model.cooldown.remainingMs, 30_000);
  assert.equal(model.pause.paused, true);
  assert.equal(model.pause.pausedReplicas, 2);
});

test('a trigger KEDA cannot build is reported on that trigger', () => {
  const broken = structuredClone(so);
  broken.spec.triggers[0]!.metadata = { queueName: 'orders', mode: 'QueueLength', value: 'fifty' };
  const model = scaledObjectDetails(broken, now);
  assert.ok(model.metricsProblem);
  assert.ok(model.triggers[0]!.problem?.length);
  assert.equal(model.triggers[1]!.problem, undefined);
});

test('hpaBehavior is spec.advanced.horizontalPodAutoscalerConfig.behavior as written, else undefined', () => {
  assert.equal(scaledObjectDetails(so, now).hpaBehavior, undefined);
  const behavior = {
    scaleDown: { stabilizationWindowSeconds: 60, policies: [{ type: 'Pods', value: 1, periodSeconds: 30 }] },
  };
  const tuned = structuredClone(so);
  tuned.spec.advanced = { horizontalPodAutoscalerConfig: { behavior } };
  assert.deepEqual(scaledObjectDetails(tuned, now).hpaBehavior, behavior);
  tuned.spec.advanced = { horizontalPodAutoscalerConfig: { name: 'custom-hpa' } };
  assert.equal(scaledObjectDetails(tuned, now).hpaBehavior, undefined);
});

test('never active: the cooldown runs on initialCooldownPeriod, cooldownPeriod is still the one after activity', () => {
  const fresh = structuredClone(so);
  delete fresh.status!.lastActiveTime;
  fresh.metadata.creationTimestamp = '2026-11-30T11:59:40Z';
  fresh.spec.initialCooldownPeriod = 60;
  const model = scaledObjectDetails(fresh, now);
  assert.deepEqual(
    { basis: model.cooldown.basis, period: model.cooldown.periodSeconds, left: model.cooldown.remainingMs },
    { basis: 'creationTimestamp', period: 60, left: 40_000 },
  );
  assert.deepEqual(model.cooldownPeriod, { value: 60, isDefault: false });
  delete fresh.spec.cooldownPeriod;
  assert.deepEqual(scaledObjectDetails(fresh, now).cooldownPeriod, { value: 300, isDefault: true });
});

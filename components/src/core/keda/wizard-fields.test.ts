import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameFieldOf, wizardFieldOf } from './wizard-fields.js';
import { initialWizardState, newTriggerDraft, type WizardState } from './wizard-state.js';

function state(): WizardState {
  const s = initialWizardState('shop');
  s.name = 'orders';
  const rabbit = newTriggerDraft('rabbitmq', 'r1');
  rabbit.extra = [{ key: 'x-custom', value: '1' }];
  const cron = newTriggerDraft('cron', 'c1');
  s.triggers = [rabbit, cron];
  // rabbitmq's host comes from the new TriggerAuthentication; its Secret key is renamed to url.
  s.auth.keys = { host: 'url' };
  return s;
}

const at = (path: string, role: Parameters<typeof wizardFieldOf>[1] = 'scaledObject', s = state()) => {
  const place = wizardFieldOf(s, role, path);
  return `${place.step}:${place.field ?? ''}`;
};

test('metadata and scale target paths land on the target step', () => {
  assert.equal(at('metadata.name'), 'target:name');
  assert.equal(at('.metadata.name'), 'target:name', 'a leading dot is ignored');
  assert.equal(at('metadata.namespace'), 'target:namespace');
  assert.equal(at('metadata.labels.app'), 'target:name');
  assert.equal(at('spec.scaleTargetRef'), 'target:target.name');
  assert.equal(at('spec.scaleTargetRef.name'), 'target:target.name');
  assert.equal(at('spec.scaleTargetRef.apiVersion'), 'target:target.apiVersion');
  assert.equal(at('spec.scaleTargetRef.kind'), 'target:target.kind');
  assert.equal(at('spec.scaleTargetRef.envSourceContainerName'), 'target:target.envSourceContainerName');
  assert.equal(at('spec.envSourceContainerName', 'scaledJob'), 'target:target.envSourceContainerName');
});

test('a ScaledJob template path lands on the image field, or on the pasted YAML in paste mode', () => {
  const s = state();
  assert.equal(at('spec.jobTargetRef.template.spec.containers[0].image', 'scaledJob', s), 'target:job.image');
  s.job.mode = 'paste';
  assert.equal(at('spec.jobTargetRef.backoffLimit', 'scaledJob', s), 'target:job.pasted');
});

test('scaling fields and the ScaledJob scaling strategy land on the scaling step', () => {
  for (const f of [
    'pollingInterval',
    'cooldownPeriod',
    'idleReplicaCount',
    'maxReplicaCount',
    'failedJobsHistoryLimit',
  ]) {
    assert.equal(at(`spec.${f}`), `scaling:scaling.${f}`);
  }
  assert.equal(at('spec.scalingStrategy.strategy', 'scaledJob'), 'scaling:scaling.scalingStrategy');
  // The CEL rule on the whole spec is the min/max one.
  assert.equal(at('spec'), 'scaling:scaling.minReplicaCount');
});

test('trigger paths: the list, a trigger, its metadata keys (FromEnv and extra keys too), auth, name', () => {
  assert.equal(at('spec.triggers'), 'triggers:triggers');
  assert.equal(at('spec.triggers[0]'), 'triggers:trigger.r1.type');
  assert.equal(at('spec.triggers[7]'), 'triggers:triggers', 'a trigger the wizard does not have');
  assert.equal(at('spec.triggers[0].type'), 'triggers:trigger.r1.type');
  assert.equal(at('spec.triggers[0].metadata'), 'triggers:trigger.r1.type');
  assert.equal(at('spec.triggers[0].metadata.queueName'), 'triggers:trigger.r1.param.queueName');
  assert.equal(at('spec.triggers[0].metadata.hostFromEnv'), 'triggers:trigger.r1.param.host');
  assert.equal(at('spec.triggers[0].metadata.x-custom'), 'triggers:trigger.r1.extra.0');
  assert.equal(at('spec.triggers[0].metadata.nonsense'), 'triggers:trigger.r1.type');
  assert.equal(at('spec.triggers[9].metadata.queueName'), 'triggers:');
  assert.equal(at('spec.triggers[1].name'), 'triggers:trigger.c1.name');
  assert.equal(at('spec.triggers[1].metricType'), 'triggers:trigger.c1.metricType');
  assert.equal(at('spec.triggers[1].useCachedMetrics'), 'triggers:trigger.c1.useCachedMetrics');
  assert.equal(at('spec.triggers[9].name'), 'triggers:triggers');
  assert.equal(at('spec.triggers[0].authenticationRef.name'), 'auth:trigger.r1.auth');
  assert.equal(at('spec.triggers[9].authenticationRef'), 'auth:');
});

test('fallback, scaling modifiers and HPA settings land on their advanced fields', () => {
  assert.equal(at('spec.fallback.failureThreshold'), 'advanced:advanced.failureThreshold');
  assert.equal(at('spec.fallback.replicas'), 'advanced:advanced.fallbackReplicas');
  assert.equal(at('spec.fallback.behavior'), 'advanced:advanced.fallbackBehavior');
  assert.equal(at('spec.fallback'), 'advanced:advanced.fallbackEnabled');
  assert.equal(at('spec.advanced.scalingModifiers.formula'), 'advanced:advanced.formula');
  assert.equal(at('spec.advanced.scalingModifiers.target'), 'advanced:advanced.modifiersTarget');
  assert.equal(at('spec.advanced.scalingModifiers.activationTarget'), 'advanced:advanced.activationTarget');
  assert.equal(at('spec.advanced.scalingModifiers.metricType'), 'advanced:advanced.modifiersMetricType');
  assert.equal(at('spec.advanced.scalingModifiers'), 'advanced:advanced.formula');
  assert.equal(at('spec.advanced.horizontalPodAutoscalerConfig.name'), 'advanced:advanced.hpaName');
  assert.equal(
    at('spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleDown'),
    'advanced:advanced.behaviorPreset',
  );
  assert.equal(at('spec.advanced'), 'advanced:advanced.hpaName');
  assert.equal(
    at('spec.advanced.restoreToOriginalReplicaCount'),
    'advanced:advanced.restoreToOriginalReplicaCount',
  );
});

test('TriggerAuthentication paths: name, Secret name, the key of each mapped parameter, pod identity', () => {
  const ta = (path: string) => at(path, 'triggerAuthentication');
  assert.equal(ta('metadata.name'), 'auth:auth.name');
  assert.equal(ta('spec.secretTargetRef[0].name'), 'auth:auth.secretName');
  assert.equal(ta('spec.secretTargetRef[0].key'), 'auth:auth.key.host');
  assert.equal(ta('spec.secretTargetRef[0]'), 'auth:auth.key.host');
  assert.equal(ta('spec.secretTargetRef[5].key'), 'auth:auth.secretName', 'a parameter it does not map');
  assert.equal(ta('spec.podIdentity.provider'), 'auth:auth.podIdentity');
  assert.equal(ta('spec.hashiCorpVault'), 'auth:auth.name');
});

test('Secret paths: a key of a mapped parameter (renamed or not), else the Secret name', () => {
  const secret = (path: string, s?: WizardState) => at(path, 'secret', s);
  assert.equal(secret('stringData.url'), 'auth:auth.key.host');
  assert.equal(secret('data[url]'), 'auth:auth.key.host');
  assert.equal(secret('stringData.host'), 'auth:auth.secretName', 'host is stored under url');
  const plain = state();
  plain.auth.keys = {};
  assert.equal(secret('stringData.host', plain), 'auth:auth.key.host');
  assert.equal(secret('metadata.name'), 'auth:auth.secretName');
  assert.equal(secret('type'), 'auth:auth.secretName');
});

test('field paths as parsed segments work like their text', () => {
  assert.equal(
    wizardFieldOf(state(), 'scaledObject', ['spec', 'maxReplicaCount']).field,
    'scaling.maxReplicaCount',
  );
});

test('where each object name is typed', () => {
  assert.deepEqual(nameFieldOf('secret'), { step: 'auth', field: 'auth.secretName' });
  assert.deepEqual(nameFieldOf('triggerAuthentication'), { step: 'auth', field: 'auth.name' });
  assert.deepEqual(nameFieldOf('scaledObject'), { step: 'target', field: 'name' });
  assert.deepEqual(nameFieldOf('scaledJob'), { step: 'target', field: 'name' });
});

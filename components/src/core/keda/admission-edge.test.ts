// KEDA's admission rules on the objects its own tests pass less often: long names, negative
// fallbacks, StatefulSets, pod identity and oauth2 variants, paused-replicas, non-objects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admissionIssues } from './admission-rules.js';

const so = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'orders' }) => ({
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  metadata,
  spec: { scaleTargetRef: { name: 'orders' }, triggers: [{ type: 'cron', metadata: {} }], ...spec },
});
const denials = (kind: Parameters<typeof admissionIssues>[0], object: unknown) =>
  admissionIssues(kind, object).map((i) => `${i.severity} ${i.path.join('.')}: ${i.message}`);

test('not an object, or a ScaledObject with no spec at all: nothing to say beyond the name', () => {
  assert.deepEqual(admissionIssues('ScaledObject', null), []);
  assert.deepEqual(admissionIssues('ScaledObject', ['a']), []);
  assert.deepEqual(denials('ScaledObject', { metadata: { name: 'x' } }), []);
  assert.deepEqual(denials('ScaledObject', { metadata: { name: 'x' }, spec: { triggers: 'cron' } }), []);
});

test('a name over 63 characters is refused as a label value; the HPA name is not checked then', () => {
  const long = 'n'.repeat(64);
  assert.deepEqual(denials('ScaledObject', so({}, { name: long })), [
    `error metadata.name: scaledobject name "${long}" is 64 characters long; must be no more than 63 characters because it is used as the "scaledobject.keda.sh/name" label value`,
  ]);
});

test('a custom HPA name over 63 characters is blamed on the HPA name, not the ScaledObject name', () => {
  const hpa = 'h'.repeat(64);
  const [issue] = admissionIssues(
    'ScaledObject',
    so({ advanced: { horizontalPodAutoscalerConfig: { name: hpa } } }),
  );
  assert.deepEqual(issue?.path, ['spec', 'advanced', 'horizontalPodAutoscalerConfig', 'name']);
  assert.match(issue?.message ?? '', /^HPA name "h{64}" derived from scaledobject is 64 characters long/);
  assert.deepEqual(
    denials(
      'ScaledObject',
      so({ advanced: { horizontalPodAutoscalerConfig: { name: 'short' } } }, { name: 'x'.repeat(60) }),
    ),
    [],
  );
});

test('cpu/memory only with scale to zero: a StatefulSet too; another kind is KEDA’s business', () => {
  const cpuOnly = [{ type: 'cpu', metricType: 'Utilization', metadata: { value: '50' } }];
  const statefulSet = so({
    scaleTargetRef: { name: 'db', kind: 'StatefulSet' },
    triggers: cpuOnly,
    minReplicaCount: 0,
  });
  assert.match(
    denials('ScaledObject', statefulSet)[0] ?? '',
    /^error spec.minReplicaCount: scaledobject has only cpu\/memory triggers/,
  );
  const rollout = so({ scaleTargetRef: { name: 'web', kind: 'Rollout' }, triggers: cpuOnly });
  assert.deepEqual(denials('ScaledObject', rollout), []);
});

test('fallback: negative threshold or replicas; cpu-only fallback; scalingModifiers behaviour without a formula', () => {
  assert.ok(
    denials(
      'ScaledObject',
      so({ minReplicaCount: 1, fallback: { failureThreshold: -1, replicas: 2 } }),
    ).includes(
      'error spec.fallback: FailureThreshold=-1 & Replicas=2 must both be greater than or equal to 0',
    ),
  );
  assert.ok(
    denials('ScaledObject', so({ minReplicaCount: 1, fallback: { replicas: -3 } })).includes(
      'error spec.fallback: FailureThreshold=0 & Replicas=-3 must both be greater than or equal to 0',
    ),
  );
  assert.ok(
    denials('ScaledObject', so({ minReplicaCount: 1, fallback: { failureThreshold: 'x' } })).every(
      (d) => !d.includes('must both be'),
    ),
    'non-numbers are the schema’s to refuse',
  );
  const withModifiers = so({
    minReplicaCount: 1,
    fallback: { failureThreshold: 3, replicas: 2, behavior: 'scalingModifiers' },
    advanced: { scalingModifiers: { target: '2' } },
  });
  assert.ok(
    denials('ScaledObject', withModifiers).includes(
      'error spec.fallback.behavior: scalingModifiers fallback behavior requires scalingModifiers.formula to be defined',
    ),
  );
  const noModifiers = so({
    minReplicaCount: 1,
    fallback: { failureThreshold: 3, replicas: 2, behavior: 'scalingModifiers' },
  });
  assert.ok(denials('ScaledObject', noModifiers).some((d) => d.startsWith('error spec.fallback.behavior')));
  const fine = so({ minReplicaCount: 1, fallback: { failureThreshold: 3, replicas: 2, behavior: 'static' } });
  assert.deepEqual(denials('ScaledObject', fine), []);
});

test('scaling modifier errors land on the field they are about', () => {
  const modifiers = (sm: Record<string, unknown>) =>
    admissionIssues(
      'ScaledObject',
      so({
        minReplicaCount: 1,
        triggers: [{ type: 'cron', name: 'a', metadata: {} }],
        advanced: { scalingModifiers: sm },
      }),
    ).map((i) => i.path.at(-1));
  assert.deepEqual(modifiers({ formula: 'a', target: '' }), ['target']);
  assert.deepEqual(modifiers({ formula: 'a', target: '2', metricType: 'Utilization' }), ['metricType']);
  assert.deepEqual(modifiers({ formula: 'a', target: '2', activationTarget: 'x' }), ['activationTarget']);
  assert.deepEqual(modifiers({ formula: 'b', target: '2' }), ['formula']);
  assert.deepEqual(modifiers({ formula: 'a', target: '2' }), []);
});

test('paused-replicas: not an int32 is refused, negative is a warning, other values are fine', () => {
  const paused = (value: unknown) =>
    denials(
      'ScaledObject',
      so({}, { name: 'x', annotations: { 'autoscaling.keda.sh/paused-replicas': value } }),
    );
  assert.match(
    paused('three')[0] ?? '',
    /^error metadata.annotations.autoscaling.keda.sh\/paused-replicas: /,
  );
  assert.match(paused('99999999999')[0] ?? '', /^error /);
  assert.deepEqual(paused('-1'), [
    'warning metadata.annotations.autoscaling.keda.sh/paused-replicas: paused-replicas should not be negative',
  ]);
  assert.deepEqual(paused('0'), []);
  assert.deepEqual(paused(3), [], 'not a string: the API server refuses annotations that are not strings');
});

test('pod identity: azure-workload tenant rules, aws role and external id rules, other providers', () => {
  const ta = (podIdentity: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    denials('TriggerAuthentication', { metadata: { name: 't' }, spec: { podIdentity, ...extra } });
  assert.deepEqual(ta({ provider: 'azure-workload', identityAuthorityHost: 'https://login' }), [
    'error spec.podIdentity.identityTenantId: identityTenantID of PodIdentity should not be nil or empty when identityAuthorityHost of PodIdentity is set',
  ]);
  assert.deepEqual(
    ta({ provider: 'azure-workload', identityAuthorityHost: 'https://login', identityTenantId: 't' }),
    [],
  );
  assert.deepEqual(ta({ provider: 'azure-workload', identityTenantId: '' }), [
    `error spec.podIdentity.identityTenantId: identityTenantId of PodIdentity should not be empty. If it's set, identityTenantId has to be different than ""`,
  ]);
  assert.deepEqual(ta({ provider: 'aws', roleArn: 'arn:r', identityOwner: 'workload' }), [
    "error spec.podIdentity.roleArn: roleArn of PodIdentity can't be set if KEDA isn't identityOwner",
  ]);
  assert.deepEqual(ta({ provider: 'aws', roleArn: 'arn:r', identityOwner: 'keda', externalID: 'e' }), []);
  assert.deepEqual(ta({ provider: 'aws', externalID: 'e' }), [
    'error spec.podIdentity.externalID: externalID of PodIdentity requires roleArn to be set',
  ]);
  // KEDA's webhook returns after a provider it has no rules for: oauth2 is not checked then.
  assert.deepEqual(ta({ provider: 'gcp' }, { oauth2: { type: 'password' } }), []);
  assert.deepEqual(ta({}, { oauth2: { type: 'password' } }), [], 'an empty provider is another provider');
});

test('oauth2: type, client id, token URL required and http(s)', () => {
  const oauth2 = (o: Record<string, unknown>) =>
    denials('ClusterTriggerAuthentication', { metadata: { name: 'c' }, spec: { oauth2: o } });
  assert.deepEqual(oauth2({}), ["error spec.oauth2.type: oauth2.type must be 'clientCredentials', got ''"]);
  assert.deepEqual(oauth2({ type: 'clientCredentials' }), [
    'error spec.oauth2.clientId: oauth2.clientId is required when oauth2 is configured',
  ]);
  assert.deepEqual(oauth2({ type: 'clientCredentials', clientId: 'c' }), [
    'error spec.oauth2.tokenUrl: oauth2.tokenUrl is required when oauth2 is configured',
  ]);
  for (const bad of ['ftp://idp/token', 'not a url', 'http://']) {
    assert.deepEqual(
      oauth2({ type: 'clientCredentials', clientId: 'c', tokenUrl: bad }),
      ['error spec.oauth2.tokenUrl: oauth2.tokenUrl must be a valid http or https URL'],
      bad,
    );
  }
  assert.deepEqual(oauth2({ type: 'clientCredentials', clientId: 'c', tokenUrl: 'https://idp/token' }), []);
});

test('pollingInterval is only relevant at zero replicas or with cached metrics: else a warning', () => {
  const polling = (spec: Record<string, unknown>) =>
    denials('ScaledObject', so({ pollingInterval: 15, ...spec })).filter((d) =>
      d.includes('pollingInterval'),
    );
  assert.deepEqual(polling({ minReplicaCount: 1 }), [
    'warning spec.pollingInterval: PollingInterval is configured but is not relevant. PollingInterval is only relevant when minReplicaCount = 0 or idleReplicaCount = 0 or useCachedMetrics is enabled',
  ]);
  assert.deepEqual(polling({}), [], 'min defaults to 0');
  assert.deepEqual(polling({ minReplicaCount: 1, idleReplicaCount: 0 }), []);
  assert.deepEqual(
    polling({ minReplicaCount: 1, triggers: [{ type: 'rabbitmq', useCachedMetrics: true, metadata: {} }] }),
    [],
  );
});

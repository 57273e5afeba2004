// Where each of KEDA's webhook denials points in the object, and the rarer API error shapes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainWriteError, fieldOfDenial, fieldPathIn } from './api-write-error.js';

const so = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  metadata: { name: 'orders', namespace: 'shop', annotations: { 'autoscaling.keda.sh/paused': 'true' } },
  spec: {
    scaleTargetRef: { name: 'orders' },
    minReplicaCount: 0,
    fallback: { failureThreshold: 3, replicas: 2 },
    advanced: { horizontalPodAutoscalerConfig: { name: 'legacy' }, scalingModifiers: { formula: 'a + b' } },
    triggers: [
      { type: 'cpu', metricType: 'Utilization', metadata: { value: '60' } },
      { type: 'cron', name: 'night', useCachedMetrics: true, metadata: {} },
      { type: 'rabbitmq', name: 'night', metadata: {} },
      'not an object',
    ],
  },
};

const bare = { metadata: { name: 'x' }, spec: { triggers: 'none' } };

test('trigger denials point at the trigger they name', () => {
  assert.deepEqual(
    fieldOfDenial(
      'triggerName "night" is defined multiple times in the ScaledObject/ScaledJob, but it must be unique',
      so,
    ),
    ['spec', 'triggers', 2, 'name'],
    'the second trigger of that name',
  );
  assert.deepEqual(fieldOfDenial('triggerName "day" is defined multiple times', so), ['spec', 'triggers']);
  assert.deepEqual(fieldOfDenial('property "useCachedMetrics" is not supported for "cron" scaler', so), [
    'spec',
    'triggers',
    1,
    'useCachedMetrics',
  ]);
  assert.deepEqual(fieldOfDenial('property "useCachedMetrics" is not supported for "cpu" scaler', so), [
    'spec',
    'triggers',
  ]);
  assert.deepEqual(
    fieldOfDenial(
      "the scaledobject has a cpu trigger but the container orders doesn't have the cpu request defined",
      so,
    ),
    ['spec', 'triggers', 0],
  );
  assert.deepEqual(
    fieldOfDenial(
      "the scaledobject has a memory trigger but the container orders doesn't have the memory request defined",
      so,
    ),
    ['spec', 'triggers'],
  );
  assert.deepEqual(fieldOfDenial('no triggers defined in the ScaledObject/ScaledJob', bare), [
    'spec',
    'triggers',
  ]);
  assert.deepEqual(fieldOfDenial('triggerName "a" is defined multiple times', bare), ['spec', 'triggers']);
  assert.deepEqual(fieldOfDenial('triggerName "a" is defined multiple times', 'not an object'), [
    'spec',
    'triggers',
  ]);
});

test('replica, fallback and HPA denials', () => {
  assert.deepEqual(fieldOfDenial('MinReplicaCount=5 must be less than MaxReplicaCount=2', so), [
    'spec',
    'minReplicaCount',
  ]);
  assert.deepEqual(fieldOfDenial('IdleReplicaCount=1 must be less than MinReplicaCount=1', so), [
    'spec',
    'idleReplicaCount',
  ]);
  const cpuOnly =
    "scaledobject has only cpu/memory triggers AND minReplica is 0 (scale to zero doesn't work in this case)";
  assert.deepEqual(fieldOfDenial(cpuOnly, so), ['spec', 'minReplicaCount']);
  assert.deepEqual(fieldOfDenial(cpuOnly, bare), ['spec', 'triggers'], 'min left to its default');
  assert.deepEqual(
    fieldOfDenial('FailureThreshold=-1 & Replicas=2 must both be greater than or equal to 0', so),
    ['spec', 'fallback'],
  );
  assert.deepEqual(fieldOfDenial('type Utilization is not supported for the fallback to be enabled', so), [
    'spec',
    'fallback',
  ]);
  assert.deepEqual(
    fieldOfDenial('scalingModifiers fallback behavior requires the scalingModifiers to be set', so),
    ['spec', 'fallback', 'behavior'],
  );
  const mustName =
    "the existing hpa 'legacy' for workload 'orders' of type 'apps/v1.Deployment' must be specified by name in advanced settings to enable ownership transfer";
  assert.deepEqual(fieldOfDenial(mustName, so), [
    'spec',
    'advanced',
    'horizontalPodAutoscalerConfig',
    'name',
  ]);
  assert.deepEqual(fieldOfDenial(mustName, bare), ['spec', 'advanced']);
  const managed = "the HPA 'keda-hpa-orders' is already managed by the ScaledObject 'other'";
  assert.deepEqual(fieldOfDenial(managed, so), ['spec', 'advanced', 'horizontalPodAutoscalerConfig', 'name']);
  assert.deepEqual(fieldOfDenial(managed, bare), ['metadata', 'name']);
  assert.deepEqual(
    fieldOfDenial('HPA name "keda-hpa-x" derived from scaledobject is 64 characters long', bare),
    ['metadata', 'name'],
  );
  assert.deepEqual(fieldOfDenial('scaledobject name "x" is 70 characters long', bare), ['metadata', 'name']);
});

test('scaling modifier denials: target, metric type, else the formula', () => {
  const sm = ['spec', 'advanced', 'scalingModifiers'];
  assert.deepEqual(fieldOfDenial('error validating scalingModifiers: target must be set', so), [
    ...sm,
    'target',
  ]);
  assert.deepEqual(fieldOfDenial('error validating ScalingModifiers\nscalingModifiers.target is empty', so), [
    ...sm,
    'target',
  ]);
  assert.deepEqual(
    fieldOfDenial('error validating scalingModifiers\nmetricType Utilization is not supported', so),
    [...sm, 'metricType'],
  );
  assert.deepEqual(fieldOfDenial('error validating formula in ScalingModifiers\nunknown name c', so), [
    ...sm,
    'formula',
  ]);
});

test('pod identity, oauth2 and any quoted path the object has', () => {
  assert.deepEqual(fieldOfDenial('identityId of PodIdentity should not be empty', {}), [
    'spec',
    'podIdentity',
    'identityId',
  ]);
  assert.deepEqual(fieldOfDenial('identityTenantID of PodIdentity should not be empty', {}), [
    'spec',
    'podIdentity',
    'identityTenantId',
  ]);
  assert.deepEqual(fieldOfDenial("roleArn of PodIdentity can't be set if KEDA isn't identityOwner", {}), [
    'spec',
    'podIdentity',
    'roleArn',
  ]);
  assert.deepEqual(fieldOfDenial('oauth2.clientId is required when oauth2 is configured', {}), [
    'spec',
    'oauth2',
    'clientId',
  ]);
  assert.deepEqual(fieldOfDenial('spec.fallback.replicas looks wrong to me', so), [
    'spec',
    'fallback',
    'replicas',
  ]);
  assert.deepEqual(fieldOfDenial('metadata.annotations are not allowed here', so), [
    'metadata',
    'annotations',
  ]);
  assert.equal(fieldOfDenial('spec.nothing.here is wrong', so), undefined);
  assert.equal(fieldOfDenial('something KEDA says about nothing', so), undefined);
  assert.deepEqual(fieldPathIn(so, 'spec.triggers[1].name'), ['spec', 'triggers', 1, 'name']);
});

test('422 causes: field and message, a cause without a field, unknown reasons read as invalid', () => {
  const report = explainWriteError(
    {
      code: 422,
      message: 'ScaledObject.keda.sh "orders" is invalid',
      status: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        reason: 'Invalid',
        details: {
          causes: [
            { field: 'spec.minReplicaCount', message: 'must be >= 0', reason: 'FieldValueInvalid' },
            { message: 'the whole object is wrong', reason: 'SomethingNew' },
            { reason: 'FieldValueRequired' },
            { field: 'spec.maxReplicaCount', reason: 'FieldValueRequired' },
          ],
        },
      },
    },
    so,
  );
  assert.equal(report.kind, 'invalid');
  assert.deepEqual(
    report.issues.map((i) => [i.path, i.message, i.reason]),
    [
      [['spec', 'minReplicaCount'], 'spec.minReplicaCount: must be >= 0', 'FieldValueInvalid'],
      [[], 'the whole object is wrong', 'FieldValueInvalid'],
      [[], 'ScaledObject.keda.sh "orders" is invalid', 'FieldValueRequired'],
      [['spec', 'maxReplicaCount'], 'spec.maxReplicaCount: ', 'FieldValueRequired'],
    ],
  );
});

test('422 without causes: the field is read from the message, else the whole message is one issue', () => {
  const fromMessage = explainWriteError(
    {
      code: 422,
      message:
        'ScaledObject.keda.sh "orders" is invalid: spec.maxReplicaCount: Invalid value: 0: must be >= 1',
    },
    so,
  );
  assert.deepEqual(
    fromMessage.issues.map((i) => [i.path, i.message]),
    [[['spec', 'maxReplicaCount'], 'spec.maxReplicaCount: Invalid value: 0: must be >= 1']],
  );
  const plain = explainWriteError(
    {
      code: 400,
      message: 'bad',
      status: { kind: 'Status', apiVersion: 'v1', metadata: {}, reason: 'Invalid' },
    },
    so,
  );
  assert.equal(plain.kind, 'invalid', 'reason Invalid wins over the code');
  assert.deepEqual(
    plain.issues.map((i) => [i.path, i.message]),
    [[[], 'bad']],
  );
});

test('webhook denials carry the webhook and the field; other 403s are RBAC; the rest by code', () => {
  const denied = explainWriteError(
    {
      code: 403,
      message:
        'admission webhook "vscaledobject.kb.io" denied the request: MinReplicaCount=5 must be less than MaxReplicaCount=2',
    },
    so,
  );
  assert.equal(denied.kind, 'webhook');
  assert.equal(denied.webhook, 'vscaledobject.kb.io');
  assert.deepEqual(
    denied.issues.map((i) => [i.path, i.reason]),
    [[['spec', 'minReplicaCount'], 'FieldValueForbidden']],
  );
  const unplaced = explainWriteError(
    { code: 403, message: 'admission webhook "v.kb.io" denied the request: something else' },
    so,
  );
  assert.deepEqual(unplaced.issues, []);
  assert.equal(
    explainWriteError(
      {
        code: 500,
        message: 'x',
        status: { kind: 'Status', apiVersion: 'v1', metadata: {}, reason: 'Forbidden' },
      },
      so,
    ).kind,
    'forbidden',
  );
  assert.equal(explainWriteError({ code: 0, message: 'Failed to fetch' }, so).kind, 'network');
  assert.equal(explainWriteError({ code: 409, message: 'conflict' }, so).kind, 'conflict');
  assert.equal(explainWriteError({ code: 404, message: 'gone' }, so).kind, 'not-found');
  assert.equal(explainWriteError({ code: 500, message: 'boom' }, so).kind, 'other');
  assert.equal(explainWriteError({ code: 503, message: 'busy' }, so).issues.length, 0);
});

test('400 strict decoding: each unknown or duplicate field, also when only the reason says BadRequest', () => {
  const report = explainWriteError(
    {
      code: 500,
      message: 'strict decoding error: unknown field "spec.foo", duplicate field "spec.minReplicaCount"',
      status: { kind: 'Status', apiVersion: 'v1', metadata: {}, reason: 'BadRequest' },
    },
    so,
  );
  assert.equal(report.kind, 'bad-request');
  assert.deepEqual(
    report.issues.map((i) => [i.path, i.message, i.reason]),
    [
      [['spec', 'foo'], 'unknown field "spec.foo"', 'FieldValueUnknown'],
      [['spec', 'minReplicaCount'], 'duplicate field "spec.minReplicaCount"', 'FieldValueDuplicate'],
    ],
  );
});

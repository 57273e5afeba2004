import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Status } from '../kube/types.js';
import { explainWriteError, fieldOfDenial } from './api-write-error.js';
import { formatFieldPath, parseFieldPath, resolveFieldPath } from './field-path.js';

const object = {
  metadata: { name: 'orders', annotations: { 'autoscaling.keda.sh/paused-replicas': 'x' } },
  spec: {
    scaleTargetRef: { name: 'web' },
    triggers: [
      { type: 'prometheus', name: 'p', metadata: { targetQueryValue: 'x' } },
      { type: 'cpu', name: 'p', useCachedMetrics: true, metadata: {} },
    ],
  },
};

const status = (code: number, reason: string, message: string, causes?: Status['details']): Status => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message,
  reason,
  code,
  details: causes,
});

test('field paths: format, parse, resolve against keys with dots', () => {
  assert.equal(
    formatFieldPath(['spec', 'triggers', 0, 'metadata', 'value']),
    'spec.triggers[0].metadata.value',
  );
  assert.equal(formatFieldPath(['metadata', 'annotations', 'a.b/c']), 'metadata.annotations[a.b/c]');
  assert.deepEqual(parseFieldPath('.spec.triggers[0].metadata.value'), [
    'spec',
    'triggers',
    0,
    'metadata',
    'value',
  ]);
  assert.deepEqual(parseFieldPath('metadata.annotations[a.b/c]'), ['metadata', 'annotations', 'a.b/c']);
  assert.deepEqual(
    resolveFieldPath(parseFieldPath('metadata.annotations.autoscaling.keda.sh/paused-replicas'), object),
    {
      path: ['metadata', 'annotations', 'autoscaling.keda.sh/paused-replicas'],
      exact: true,
      rest: [],
    },
  );
  assert.deepEqual(resolveFieldPath(['spec', 'triggers', 5, 'type'], object), {
    path: ['spec', 'triggers'],
    exact: false,
    rest: [5, 'type'],
  });
});

test('422: every cause at its field', () => {
  const report = explainWriteError(
    {
      code: 422,
      message:
        'ScaledObject.keda.sh "orders" is invalid: spec.triggers[0].metadata.targetQueryValue: Invalid value: …',
      status: status(422, 'Invalid', 'x', {
        name: 'orders',
        group: 'keda.sh',
        kind: 'ScaledObject',
        causes: [
          {
            reason: 'FieldValueTypeInvalid',
            message:
              'Invalid value: "integer": spec.triggers[0].metadata.targetQueryValue in body must be of type string: "integer"',
            field: 'spec.triggers[0].metadata.targetQueryValue',
          },
          { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.scaleTargetRef.kind' },
        ],
      }),
    },
    object,
  );
  assert.equal(report.kind, 'invalid');
  assert.deepEqual(
    report.issues.map((i) => [i.path, i.reason, i.source]),
    [
      [['spec', 'triggers', 0, 'metadata', 'targetQueryValue'], 'FieldValueTypeInvalid', 'server'],
      [['spec', 'scaleTargetRef', 'kind'], 'FieldValueRequired', 'server'],
    ],
  );
});

test('422 without causes: the field from the message', () => {
  const report = explainWriteError(
    {
      code: 422,
      message: 'ScaledObject.keda.sh "orders" is invalid: spec.maxReplicaCount: Invalid value: 0: too small',
    },
    object,
  );
  assert.deepEqual(report.issues[0]!.path, ['spec', 'maxReplicaCount']);
});

test('403 from a webhook: the denial, mapped to its field', () => {
  const message =
    'admission webhook "vscaledobject.kb.io" denied the request: triggerName "p" is defined multiple times in the ScaledObject/ScaledJob, but it must be unique';
  const report = explainWriteError(
    {
      code: 403,
      message: `scaledobjects.keda.sh "orders" is forbidden: ${message}`,
      status: status(403, 'Forbidden', message),
    },
    object,
  );
  assert.equal(report.kind, 'webhook');
  assert.equal(report.webhook, 'vscaledobject.kb.io');
  assert.match(report.denial!, /^triggerName "p"/);
  assert.deepEqual(report.issues[0]!.path, ['spec', 'triggers', 1, 'name']);
});

test('403 RBAC is not a webhook denial', () => {
  const report = explainWriteError(
    {
      code: 403,
      message: 'scaledobjects.keda.sh "orders" is forbidden: User "u" cannot update resource "scaledobjects"',
    },
    object,
  );
  assert.equal(report.kind, 'forbidden');
  assert.deepEqual(report.issues, []);
});

test('table: webhook denials to fields', () => {
  const cases: Array<[string, string | undefined]> = [
    ['property "useCachedMetrics" is not supported for "cpu" scaler', 'spec.triggers[1].useCachedMetrics'],
    ['IdleReplicaCount=2 must be less than MinReplicaCount=1', 'spec.idleReplicaCount'],
    [
      "the workload 'web' of type 'apps/v1.Deployment' is already managed by the ScaledObject 'other'",
      'spec.scaleTargetRef.name',
    ],
    [
      "the scaledobject has a cpu trigger but the container app doesn't have the cpu request defined",
      'spec.triggers[1]',
    ],
    [
      'error validating formula in ScalingModifiers\nunknown name y (1:7)',
      'spec.advanced.scalingModifiers.formula',
    ],
    ['oauth2.tokenUrl must be a valid http or https URL', 'spec.oauth2.tokenUrl'],
    ['something else entirely', undefined],
  ];
  for (const [denial, field] of cases) {
    const path = fieldOfDenial(denial, object);
    assert.equal(path && formatFieldPath(path), field, denial);
  }
});

test('400 strict decoding: every unknown field', () => {
  const report = explainWriteError(
    {
      code: 400,
      message:
        'ScaledObject in version "v1alpha1" cannot be handled as a ScaledObject: strict decoding error: unknown field "spec.foo", unknown field "spec.triggers[0].bar"',
    },
    object,
  );
  assert.equal(report.kind, 'bad-request');
  assert.deepEqual(
    report.issues.map((i) => i.path),
    [
      ['spec', 'foo'],
      ['spec', 'triggers', 0, 'bar'],
    ],
  );
});

test('409, 404 and network errors', () => {
  assert.equal(
    explainWriteError({ code: 409, message: 'x', status: status(409, 'Conflict', 'x') }, object).kind,
    'conflict',
  );
  assert.equal(
    explainWriteError({ code: 409, message: 'x', status: status(409, 'AlreadyExists', 'x') }, object).kind,
    'already-exists',
  );
  assert.equal(explainWriteError({ code: 404, message: 'x' }, object).kind, 'not-found');
  assert.equal(explainWriteError({ code: 0, message: 'Cannot reach' }, object).kind, 'network');
});

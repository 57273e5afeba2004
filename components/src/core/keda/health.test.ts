import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crdHealth, metricsApiHealth, operatorHealth, type DeploymentLike } from './health.js';

const operator = (available: number, want = 1, message?: string): DeploymentLike => ({
  metadata: { name: 'keda-operator', namespace: 'keda' },
  spec: { replicas: want },
  status: {
    availableReplicas: available,
    conditions: [
      {
        type: 'Available',
        status: available > 0 ? 'True' : 'False',
        reason: 'MinimumReplicasUnavailable',
        message,
      },
    ],
  },
});

test('CRDs: served, missing (404 verbatim), forbidden, still listing', () => {
  const cases: Array<[Parameters<typeof crdHealth>[0], string, RegExp]> = [
    [{ synced: true }, 'ok', /is served/],
    [{ synced: false }, 'checking', /Listing/],
    [
      { synced: false, error: { code: 404, message: 'the server could not find the requested resource' } },
      'problem',
      /^the server could not find the requested resource\. KEDA's CRDs are not installed/,
    ],
    [
      { synced: false, error: { code: 403, message: 'scaledobjects.keda.sh is forbidden' } },
      'unknown',
      /forbidden\. You may not list/,
    ],
    [{ synced: true, error: { code: 0, message: 'network down' } }, 'ok', /reconnecting: network down/],
  ];
  for (const [state, status, detail] of cases) {
    const item = crdHealth(state);
    assert.equal(item.status, status, JSON.stringify(state));
    assert.match(item.detail, detail);
  }
});

test('operator: available, unavailable with its condition message, absent, not readable', () => {
  const synced = { synced: true };
  assert.equal(operatorHealth([operator(1)], synced, 'keda').status, 'ok');
  assert.match(
    operatorHealth([operator(1)], synced, 'keda').detail,
    /keda\/keda-operator: 1\/1 replicas available/,
  );
  const down = operatorHealth(
    [operator(0, 1, 'Deployment does not have minimum availability')],
    synced,
    'keda',
  );
  assert.equal(down.status, 'problem');
  assert.match(down.detail, /0\/1 replicas available\. Deployment does not have minimum availability\./);
  assert.equal(operatorHealth([operator(0, 0)], synced, 'keda').status, 'problem');
  assert.equal(operatorHealth([], synced, 'keda').status, 'unknown');
  assert.match(operatorHealth([], synced, 'keda').detail, /No Deployment keda-operator in namespace "keda"/);
  assert.equal(operatorHealth([], { synced: false }, 'keda').status, 'checking');
  const forbidden = operatorHealth(
    [],
    { synced: false, error: { code: 403, message: 'deployments.apps is forbidden' } },
    'keda',
  );
  assert.equal(forbidden.status, 'unknown');
  assert.match(forbidden.detail, /^deployments\.apps is forbidden\. You may not read Deployments in "keda"/);
});

test('metrics API: discovery answer, 404, 503, unsupported', () => {
  const cases: Array<[Parameters<typeof metricsApiHealth>[0], string]> = [
    [{ resources: [{ name: 'externalmetrics' }] }, 'ok'],
    [{ resources: [] }, 'problem'],
    [{ code: 404, message: 'the server could not find the requested resource' }, 'problem'],
    [{ code: 503, message: 'the server is currently unable to handle the request' }, 'problem'],
    [{ code: 0, message: 'Failed to fetch' }, 'unknown'],
    ['unsupported', 'unknown'],
    [undefined, 'checking'],
  ];
  for (const [input, status] of cases)
    assert.equal(metricsApiHealth(input).status, status, JSON.stringify(input));
  assert.match(
    metricsApiHealth({ code: 503, message: 'the server is currently unable to handle the request' }).detail,
    /^the server is currently unable to handle the request\. The APIService is registered/,
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRelationshipGraph, MAX_JOBS_SHOWN, type JobObject } from './build.js';
import { expectedEdges, fixtureInput, scaledJobs } from './fixture-cluster.js';

const graph = buildRelationshipGraph(fixtureInput);
const node = (id: string) => graph.nodes.find((n) => n.id === id);
const detail = (id: string, label: string) => node(id)?.details.find(([l]) => l === label)?.[1];

test('every relation of the fixture cluster is an edge, and nothing else is', () => {
  assert.deepEqual([...graph.edges.map((e) => e.id)].sort(), [...expectedEdges].sort());
  const ids = new Set(graph.nodes.map((n) => n.id));
  for (const e of graph.edges) {
    assert.ok(ids.has(e.source), `edge source ${e.source} is a node`);
    assert.ok(ids.has(e.target), `edge target ${e.target} is a node`);
  }
});

const nodeCases: Array<{
  id: string;
  kind: string;
  label: string;
  caption: string;
  state: string;
  layer: number;
}> = [
  {
    id: 'ScaledObject/orders/orders-processor',
    kind: 'ScaledObject',
    label: 'orders-processor',
    caption: 'ScaledObject',
    state: 'active',
    layer: 2,
  },
  {
    id: 'ScaledObject/shop/storefront-api',
    kind: 'ScaledObject',
    label: 'storefront-api',
    caption: 'ScaledObject',
    state: 'error',
    layer: 2,
  },
  {
    id: 'ScaledJob/orders/order-exporter',
    kind: 'ScaledJob',
    label: 'order-exporter',
    caption: 'ScaledJob',
    state: 'active',
    layer: 2,
  },
  {
    id: 'source/rabbitmq/rabbitmq.orders:5672/queueName=orders',
    kind: 'EventSource',
    label: 'queue orders',
    caption: 'rabbitmq · rabbitmq.orders:5672',
    state: 'none',
    layer: 0,
  },
  {
    id: 'source/kafka/kafka.shop:9092/topic=clicks',
    kind: 'EventSource',
    label: 'topic clicks',
    caption: 'kafka · kafka.shop:9092',
    state: 'none',
    layer: 0,
  },
  {
    id: 'source/cpu/shop/storefront-api',
    kind: 'EventSource',
    label: 'cpu 60%',
    caption: 'cpu',
    state: 'none',
    layer: 0,
  },
  {
    id: 'source/aws-sqs-queue/sqs.eu-west-1.amazonaws.com/queue=exports',
    kind: 'EventSource',
    label: 'queue exports',
    caption: 'aws-sqs-queue · sqs.eu-west-1.amazonaws.com',
    state: 'none',
    layer: 0,
  },
  {
    id: 'metric/ScaledObject/orders/orders-processor/s0-rabbitmq-orders',
    kind: 'Metric',
    label: 's0-rabbitmq-orders',
    caption: '18 / 20',
    state: 'none',
    layer: 1,
  },
  {
    id: 'metric/ScaledObject/shop/storefront-api/cpu',
    kind: 'Metric',
    label: 'cpu',
    caption: 'Resource metric',
    state: 'none',
    layer: 1,
  },
  {
    id: 'HorizontalPodAutoscaler/orders/keda-hpa-orders-processor',
    kind: 'HorizontalPodAutoscaler',
    label: 'keda-hpa-orders-processor',
    caption: 'HPA',
    state: 'ok',
    layer: 3,
  },
  {
    id: 'HorizontalPodAutoscaler/shop/keda-hpa-storefront-api',
    kind: 'HorizontalPodAutoscaler',
    label: 'keda-hpa-storefront-api',
    caption: 'HPA',
    state: 'missing',
    layer: 3,
  },
  {
    id: 'Deployment/orders/orders-processor',
    kind: 'Workload',
    label: 'orders-processor',
    caption: 'Deployment',
    state: 'warn',
    layer: 4,
  },
  {
    id: 'StatefulSet/shop/storefront',
    kind: 'Workload',
    label: 'storefront',
    caption: 'StatefulSet',
    state: 'ok',
    layer: 4,
  },
  {
    id: 'ReplicaSet/orders/orders-processor-7d9f',
    kind: 'ReplicaSet',
    label: 'orders-processor-7d9f',
    caption: 'ReplicaSet',
    state: 'warn',
    layer: 5,
  },
  {
    id: 'ReplicaSet/orders/orders-processor-7d9f/pods',
    kind: 'Pods',
    label: '3 pods',
    caption: 'Pods',
    state: 'warn',
    layer: 6,
  },
  {
    id: 'StatefulSet/shop/storefront/pods',
    kind: 'Pods',
    label: '2 pods',
    caption: 'Pods',
    state: 'ok',
    layer: 5,
  },
  {
    id: 'Job/orders/order-exporter-x1',
    kind: 'Job',
    label: 'order-exporter-x1',
    caption: 'Job',
    state: 'active',
    layer: 3,
  },
  {
    id: 'Job/orders/order-exporter-x0',
    kind: 'Job',
    label: 'order-exporter-x0',
    caption: 'Job',
    state: 'ok',
    layer: 3,
  },
  {
    id: 'TriggerAuthentication/orders/orders-rabbitmq',
    kind: 'TriggerAuthentication',
    label: 'orders-rabbitmq',
    caption: 'TriggerAuthentication',
    state: 'none',
    layer: 3,
  },
  {
    id: 'TriggerAuthentication/shop/no-such-auth',
    kind: 'TriggerAuthentication',
    label: 'no-such-auth',
    caption: 'TriggerAuthentication',
    state: 'missing',
    layer: 3,
  },
  {
    id: 'ClusterTriggerAuthentication/prometheus-bearer',
    kind: 'ClusterTriggerAuthentication',
    label: 'prometheus-bearer',
    caption: 'ClusterTriggerAuthentication',
    state: 'none',
    layer: 3,
  },
  {
    id: 'Secret/orders/orders-rabbitmq',
    kind: 'Secret',
    label: 'orders-rabbitmq',
    caption: 'Secret',
    state: 'none',
    layer: 4,
  },
  {
    id: 'ConfigMap/orders/exporter-settings',
    kind: 'ConfigMap',
    label: 'exporter-settings',
    caption: 'ConfigMap',
    state: 'none',
    layer: 4,
  },
  {
    id: 'TriggerAuthentication/orders/exporter-aws/env',
    kind: 'Env',
    label: 'AWS_ENDPOINT',
    caption: 'Container env',
    state: 'none',
    layer: 4,
  },
  {
    id: 'TriggerAuthentication/orders/exporter-aws/podIdentity',
    kind: 'PodIdentity',
    label: 'aws',
    caption: 'Pod identity',
    state: 'none',
    layer: 4,
  },
];

for (const c of nodeCases) {
  test(`node ${c.id}`, () => {
    const n = node(c.id);
    assert.ok(n, `${c.id} exists`);
    assert.deepEqual(
      { id: n.id, kind: n.kind, label: n.label, caption: n.caption, state: n.state, layer: n.layer },
      c,
    );
  });
}

const detailCases: Array<[id: string, label: string, value: string | undefined]> = [
  ['source/rabbitmq/rabbitmq.orders:5672/queueName=orders', 'host', 'amqp://app:****@rabbitmq.orders:5672/'],
  ['source/kafka/kafka.shop:9092/topic=clicks', 'password', '****'],
  ['metric/ScaledObject/orders/orders-processor/s1-prometheus', 'Current', '12500m'],
  ['metric/ScaledObject/orders/orders-processor/s1-prometheus', 'Target (AverageValue)', '50'],
  ['Secret/orders/orders-rabbitmq', 'Keys used', 'host → host'],
  [
    'ScaledObject/shop/storefront-api',
    'Condition',
    'ScaledObjectCheckFailed: error resolving auth params: no-such-auth not found',
  ],
  ['ReplicaSet/orders/orders-processor-7d9f/pods', 'Pending', '1'],
  [
    'TriggerAuthentication/orders/exporter-aws/podIdentity',
    'Role ARN',
    'arn:aws:iam::123456789012:role/exporter',
  ],
];
for (const [id, label, value] of detailCases) {
  test(`detail ${label} of ${id}`, () => assert.equal(detail(id, label), value));
}

test('no credential from trigger metadata or Secrets appears anywhere in the graph', () => {
  const text = JSON.stringify(graph);
  for (const secret of ['hunter2', 'k4fka-s3cret']) assert.ok(!text.includes(secret), secret);
});

test('a credential a KEDA or HPA condition message quotes is masked in the node details', () => {
  const leaky = 'dial amqp://guest:hunter3@rabbitmq.orders:5672/: connection refused';
  const input = structuredClone(fixtureInput);
  const so = input.scaledObjects[0]!;
  so.status!.conditions = [
    { type: 'Ready', status: 'False', reason: 'ScaledObjectCheckFailed', message: leaky },
  ];
  input.hpas![0]!.status!.conditions = [
    { type: 'ScalingActive', status: 'False', reason: 'FailedGetExternalMetric', message: leaky },
  ];
  const g = buildRelationshipGraph(input);
  const text = JSON.stringify(g);
  assert.ok(!text.includes('hunter3'));
  const details = (id: string) => g.nodes.find((n) => n.id === id)?.details ?? [];
  assert.ok(
    details('ScaledObject/orders/orders-processor').some(([, v]) => v.includes('amqp://guest:****@rabbitmq')),
  );
  assert.ok(
    details('HorizontalPodAutoscaler/orders/keda-hpa-orders-processor').some(
      ([l, v]) => l === 'ScalingActive' && v.startsWith('FailedGetExternalMetric: dial amqp://guest:****@'),
    ),
  );
});

test('kube nodes link to their objects and carry their uid; derived nodes do not link', () => {
  assert.deepEqual(node('Deployment/orders/orders-processor')?.ref, {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    namespace: 'orders',
    name: 'orders-processor',
  });
  assert.equal(node('Deployment/orders/orders-processor')?.uid, 'uid-Deployment-orders-orders-processor');
  assert.equal(node('ReplicaSet/orders/orders-processor-7d9f/pods')?.ref, undefined);
  assert.equal(
    node('Secret/(keda)/prometheus-token')?.ref,
    undefined,
    'cluster auth: Secret namespace unknown',
  );
});

test('the same queue read by two scalers is one event source node with two edges', () => {
  const twin = structuredClone(fixtureInput.scaledObjects[0]!);
  twin.metadata.name = 'orders-processor-canary';
  const g = buildRelationshipGraph({ ...fixtureInput, scaledObjects: [...fixtureInput.scaledObjects, twin] });
  const source = 'source/rabbitmq/rabbitmq.orders:5672/queueName=orders';
  assert.equal(g.nodes.filter((n) => n.id === source).length, 1);
  assert.equal(g.edges.filter((e) => e.source === source).length, 2);
});

test('unknown lists: a reference is "not read yet", not "missing"', () => {
  const g = buildRelationshipGraph({
    ...fixtureInput,
    known: new Set(),
    triggerAuthentications: [],
    hpas: [],
  });
  const ta = g.nodes.find((n) => n.id === 'TriggerAuthentication/orders/orders-rabbitmq');
  assert.equal(ta?.state, 'unknown');
  assert.ok(!g.nodes.some((n) => n.kind === 'HorizontalPodAutoscaler'), 'no HPA node before HPAs are read');
  assert.ok(
    g.edges.some((e) => e.id === 'ScaledObject/orders/orders-processor->Deployment/orders/orders-processor'),
  );
});

test(`a ScaledJob shows its newest ${MAX_JOBS_SHOWN} Jobs and folds the rest into a count`, () => {
  const jobs: JobObject[] = Array.from({ length: MAX_JOBS_SHOWN + 3 }, (_, i) => ({
    metadata: {
      namespace: 'orders',
      name: `order-exporter-${String(i).padStart(2, '0')}`,
      creationTimestamp: new Date(Date.UTC(2026, 10, 30, 8, i)).toISOString(),
      ownerReferences: [
        {
          apiVersion: 'keda.sh/v1alpha1',
          kind: 'ScaledJob',
          name: 'order-exporter',
          uid: 'x',
          controller: true,
        },
      ],
    },
    status: i === 0 ? { failed: 1, conditions: [{ type: 'Failed', status: 'True' }] } : { succeeded: 1 },
  }));
  const g = buildRelationshipGraph({ ...fixtureInput, scaledObjects: [], scaledJobs, jobs });
  assert.equal(g.nodes.filter((n) => n.kind === 'Job').length, MAX_JOBS_SHOWN);
  assert.ok(
    g.nodes.some((n) => n.id === `Job/orders/order-exporter-${MAX_JOBS_SHOWN + 2}`),
    'newest shown',
  );
  const folded = g.nodes.find((n) => n.kind === 'Jobs');
  assert.equal(folded?.label, '3 older Jobs');
  assert.equal(folded?.state, 'warn');
});

test('empty input is an empty graph', () => {
  assert.deepEqual(buildRelationshipGraph({ scaledObjects: [], now: 0 }), { nodes: [], edges: [] });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRelationshipGraph } from './build.js';
import { neighbourhood, scopeToNamespace } from './neighbourhood.js';
import { fixtureInput } from './fixture-cluster.js';
import type { ScaledObject } from '../keda/types.js';

// Two ScaledObjects share the ClusterTriggerAuthentication.
const second: ScaledObject = {
  ...structuredClone(fixtureInput.scaledObjects[0]!),
  metadata: { namespace: 'billing', name: 'invoices', uid: 'uid-inv' },
};
second.spec.scaleTargetRef = { name: 'invoices' };
second.spec.triggers = [second.spec.triggers[1]!];
const graph = buildRelationshipGraph({
  ...fixtureInput,
  scaledObjects: [...fixtureInput.scaledObjects, second],
});
const has = (g: { nodes: { id: string }[] } | undefined, id: string) => !!g?.nodes.some((n) => n.id === id);

const cases: Array<{ focus: string; includes: string[]; excludes: string[] }> = [
  {
    focus: 'ScaledObject/orders/orders-processor',
    includes: [
      'source/rabbitmq/rabbitmq.orders:5672/queueName=orders',
      'HorizontalPodAutoscaler/orders/keda-hpa-orders-processor',
      'ReplicaSet/orders/orders-processor-7d9f/pods',
      'Secret/(keda)/prometheus-token',
    ],
    excludes: [
      'ScaledObject/billing/invoices',
      'ScaledObject/shop/storefront-api',
      'ScaledJob/orders/order-exporter',
    ],
  },
  {
    focus: 'ClusterTriggerAuthentication/prometheus-bearer',
    includes: [
      'ScaledObject/orders/orders-processor',
      'ScaledObject/billing/invoices',
      'Deployment/billing/invoices',
      'Deployment/orders/orders-processor',
    ],
    excludes: ['ScaledObject/shop/storefront-api', 'TriggerAuthentication/orders/exporter-aws'],
  },
  {
    focus: 'Deployment/orders/orders-processor',
    includes: ['ScaledObject/orders/orders-processor', 'TriggerAuthentication/orders/orders-rabbitmq'],
    excludes: ['ScaledObject/billing/invoices'],
  },
  {
    focus: 'ScaledJob/orders/order-exporter',
    includes: ['Job/orders/order-exporter-x1', 'ConfigMap/orders/exporter-settings'],
    excludes: ['ScaledObject/orders/orders-processor'],
  },
];

for (const c of cases) {
  test(`focus on ${c.focus}`, () => {
    const g = neighbourhood(graph, c.focus);
    assert.ok(g);
    for (const id of c.includes) assert.ok(has(g, id), `includes ${id}`);
    for (const id of c.excludes) assert.ok(!has(g, id), `excludes ${id}`);
    const ids = new Set(g.nodes.map((n) => n.id));
    assert.ok(g.edges.every((e) => ids.has(e.source) && ids.has(e.target)));
  });
}

test('focus on an unknown node is undefined', () =>
  assert.equal(neighbourhood(graph, 'ScaledObject/x/y'), undefined));

test('namespace scope keeps the namespace and the cluster-scoped objects it uses', () => {
  const g = scopeToNamespace(graph, 'billing');
  assert.ok(has(g, 'ScaledObject/billing/invoices'));
  assert.ok(has(g, 'ClusterTriggerAuthentication/prometheus-bearer'));
  assert.ok(!has(g, 'ScaledObject/orders/orders-processor'));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HorizontalPodAutoscaler } from './autoscaling.js';
import { hpaMetricRows } from './hpa-metrics.js';

test('pairs spec metrics with current values, per target type', () => {
  const hpa: HorizontalPodAutoscaler = {
    metadata: { name: 'keda-hpa-orders' },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'orders' },
      maxReplicas: 5,
      metrics: [
        {
          type: 'External',
          external: {
            metric: { name: 's0-rabbitmq-orders' },
            target: { type: 'AverageValue', averageValue: '50' },
          },
        },
        {
          type: 'External',
          external: { metric: { name: 's1-prometheus' }, target: { type: 'Value', value: '10' } },
        },
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
        },
      ],
    },
    status: {
      currentReplicas: 5,
      desiredReplicas: 5,
      currentMetrics: [
        {
          type: 'External',
          external: { metric: { name: 's0-rabbitmq-orders' }, current: { averageValue: '53400m' } },
        },
        { type: '' },
        {
          type: 'Resource',
          resource: { name: 'cpu', current: { averageUtilization: 63, averageValue: '126m' } },
        },
      ],
    },
  };
  assert.deepEqual(hpaMetricRows(hpa), [
    {
      name: 's0-rabbitmq-orders',
      type: 'External',
      targetType: 'AverageValue',
      current: '53400m',
      target: '50',
    },
    { name: 's1-prometheus', type: 'External', targetType: 'Value', current: undefined, target: '10' },
    { name: 'cpu', type: 'Resource', targetType: 'Utilization', current: '63%', target: '70%' },
  ]);
});

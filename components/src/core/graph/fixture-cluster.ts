/**
 * A small cluster for the graph's tests (core, element and Headlamp map source): every relation
 * the graph draws appears at least once. Objects are shaped as the API server returns them.
 */
import type { HorizontalPodAutoscaler } from '../kube/autoscaling.js';
import type { KubeObject } from '../kube/types.js';
import type { ScaledJob, ScaledObject, TriggerAuthentication } from '../keda/types.js';
import type { GraphInput, JobObject, PodObject, WorkloadObject } from './build.js';

const T0 = '2026-11-30T08:00:00Z';
const cond = (type: string, status: 'True' | 'False' | 'Unknown', reason: string, message = '') => ({
  type,
  status,
  reason,
  message,
});
const meta = (namespace: string | undefined, name: string, extra: Partial<KubeObject['metadata']> = {}) => ({
  ...(namespace ? { namespace } : {}),
  name,
  uid: `uid-${namespace ?? 'cluster'}-${name}`,
  creationTimestamp: T0,
  ...extra,
});
const owner = (kind: string, apiVersion: string, namespace: string, name: string) => ({
  ownerReferences: [{ apiVersion, kind, name, uid: `uid-${namespace}-${name}`, controller: true }],
});

export const scaledObjects: ScaledObject[] = [
  {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: meta('orders', 'orders-processor'),
    spec: {
      scaleTargetRef: { name: 'orders-processor' },
      minReplicaCount: 0,
      maxReplicaCount: 20,
      triggers: [
        {
          type: 'rabbitmq',
          metadata: {
            queueName: 'orders',
            mode: 'QueueLength',
            value: '20',
            host: 'amqp://app:hunter2@rabbitmq.orders:5672/',
          },
          authenticationRef: { name: 'orders-rabbitmq' },
        },
        {
          type: 'prometheus',
          metadata: {
            serverAddress: 'http://prometheus.monitoring:9090',
            query: 'sum(rate(http_requests_total{app="orders"}[2m]))',
            threshold: '50',
          },
          authenticationRef: { name: 'prometheus-bearer', kind: 'ClusterTriggerAuthentication' },
        },
      ],
    },
    status: {
      hpaName: 'keda-hpa-orders-processor',
      externalMetricNames: ['s0-rabbitmq-orders', 's1-prometheus'],
      conditions: [
        cond(
          'Ready',
          'True',
          'ScaledObjectReady',
          'ScaledObject is defined correctly and is ready for scaling',
        ),
        cond('Active', 'True', 'ScalerActive', 'Scaling is performed because triggers are active'),
        cond('Fallback', 'False', 'NoFallbackFound', 'No fallbacks are active on this scaled object'),
        cond('Paused', 'False', 'ScaledObjectUnpaused', 'ScaledObject is not paused'),
      ],
    },
  },
  {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: meta('shop', 'storefront-api'),
    spec: {
      scaleTargetRef: { name: 'storefront', kind: 'StatefulSet', apiVersion: 'apps/v1' },
      minReplicaCount: 2,
      triggers: [
        { type: 'cpu', metricType: 'Utilization', metadata: { value: '60' } },
        {
          type: 'kafka',
          metadata: {
            bootstrapServers: 'kafka.shop:9092',
            topic: 'clicks',
            consumerGroup: 'storefront',
            lagThreshold: '10',
            sasl: 'plaintext',
            password: 'k4fka-s3cret',
          },
          authenticationRef: { name: 'no-such-auth' },
        },
      ],
    },
    status: {
      conditions: [
        cond(
          'Ready',
          'False',
          'ScaledObjectCheckFailed',
          'error resolving auth params: no-such-auth not found',
        ),
        cond('Active', 'False', 'ScalerNotActive', ''),
      ],
    },
  },
];

export const scaledJobs: ScaledJob[] = [
  {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledJob',
    metadata: meta('orders', 'order-exporter'),
    spec: {
      jobTargetRef: { template: { spec: { containers: [{ name: 'export', image: 'exporter:1' }] } } },
      maxReplicaCount: 5,
      triggers: [
        {
          type: 'aws-sqs-queue',
          metadata: {
            queueURL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/exports',
            awsRegion: 'eu-west-1',
            queueLength: '5',
          },
          authenticationRef: { name: 'exporter-aws' },
        },
      ],
    },
    status: { conditions: [cond('Ready', 'True', 'ScaledJobReady'), cond('Active', 'True', 'ScalerActive')] },
  },
];

export const triggerAuthentications: TriggerAuthentication[] = [
  {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'TriggerAuthentication',
    metadata: meta('orders', 'orders-rabbitmq'),
    spec: { secretTargetRef: [{ parameter: 'host', name: 'orders-rabbitmq', key: 'host' }] },
  },
  {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'TriggerAuthentication',
    metadata: meta('orders', 'exporter-aws'),
    spec: {
      podIdentity: { provider: 'aws', roleArn: 'arn:aws:iam::123456789012:role/exporter' },
      configMapTargetRef: [{ parameter: 'awsRegion', name: 'exporter-settings', key: 'region' }],
      env: [{ parameter: 'awsEndpoint', name: 'AWS_ENDPOINT' }],
    },
  },
];

export const clusterTriggerAuthentications: TriggerAuthentication[] = [
  {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ClusterTriggerAuthentication',
    metadata: meta(undefined, 'prometheus-bearer'),
    spec: { secretTargetRef: [{ parameter: 'bearerToken', name: 'prometheus-token', key: 'token' }] },
  },
];

export const hpas: HorizontalPodAutoscaler[] = [
  {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta(
      'orders',
      'keda-hpa-orders-processor',
      owner('ScaledObject', 'keda.sh/v1alpha1', 'orders', 'orders-processor'),
    ),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'orders-processor' },
      minReplicas: 1,
      maxReplicas: 20,
      metrics: [
        {
          type: 'External',
          external: {
            metric: { name: 's0-rabbitmq-orders' },
            target: { type: 'AverageValue', averageValue: '20' },
          },
        },
        {
          type: 'External',
          external: {
            metric: { name: 's1-prometheus' },
            target: { type: 'AverageValue', averageValue: '50' },
          },
        },
      ],
    },
    status: {
      currentReplicas: 3,
      desiredReplicas: 3,
      currentMetrics: [
        {
          type: 'External',
          external: { metric: { name: 's0-rabbitmq-orders' }, current: { averageValue: '18' } },
        },
        {
          type: 'External',
          external: { metric: { name: 's1-prometheus' }, current: { averageValue: '12500m' } },
        },
      ],
      conditions: [
        { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale' },
        { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound' },
      ],
    },
  },
];

export const deployments: WorkloadObject[] = [
  {
    metadata: meta('orders', 'orders-processor'),
    spec: { replicas: 3 },
    status: { replicas: 3, readyReplicas: 2, availableReplicas: 2 },
  },
];

export const statefulSets: WorkloadObject[] = [
  {
    metadata: meta('shop', 'storefront'),
    spec: { replicas: 2 },
    status: { replicas: 2, readyReplicas: 2 },
  },
];

export const replicaSets: WorkloadObject[] = [
  {
    metadata: meta(
      'orders',
      'orders-processor-7d9f',
      owner('Deployment', 'apps/v1', 'orders', 'orders-processor'),
    ),
    spec: { replicas: 3 },
    status: { replicas: 3, readyReplicas: 2 },
  },
  {
    metadata: meta(
      'orders',
      'orders-processor-5b21',
      owner('Deployment', 'apps/v1', 'orders', 'orders-processor'),
    ),
    spec: { replicas: 0 },
    status: { replicas: 0 },
  },
];

const pod = (
  ns: string,
  name: string,
  ownerKind: string,
  ownerName: string,
  ready: boolean,
  phase = 'Running',
): PodObject => ({
  metadata: meta(ns, name, owner(ownerKind, 'apps/v1', ns, ownerName)),
  status: { phase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});

export const pods: PodObject[] = [
  pod('orders', 'orders-processor-7d9f-a', 'ReplicaSet', 'orders-processor-7d9f', true),
  pod('orders', 'orders-processor-7d9f-b', 'ReplicaSet', 'orders-processor-7d9f', true),
  pod('orders', 'orders-processor-7d9f-c', 'ReplicaSet', 'orders-processor-7d9f', false, 'Pending'),
  pod('shop', 'storefront-0', 'StatefulSet', 'storefront', true),
  pod('shop', 'storefront-1', 'StatefulSet', 'storefront', true),
];

export const jobs: JobObject[] = [
  {
    metadata: meta('orders', 'order-exporter-x1', {
      ...owner('ScaledJob', 'keda.sh/v1alpha1', 'orders', 'order-exporter'),
      creationTimestamp: '2026-11-30T08:05:00Z',
    }),
    status: { active: 1 },
  },
  {
    metadata: meta('orders', 'order-exporter-x0', {
      ...owner('ScaledJob', 'keda.sh/v1alpha1', 'orders', 'order-exporter'),
      creationTimestamp: '2026-11-30T08:01:00Z',
    }),
    status: { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] },
  },
];

// Unique uids per kind (a Deployment and its ScaledObject often share a name).
for (const [kind, list] of [
  ['ScaledObject', scaledObjects],
  ['ScaledJob', scaledJobs],
  ['TriggerAuthentication', triggerAuthentications],
  ['ClusterTriggerAuthentication', clusterTriggerAuthentications],
  ['HorizontalPodAutoscaler', hpas],
  ['Deployment', deployments],
  ['StatefulSet', statefulSets],
  ['ReplicaSet', replicaSets],
  ['Pod', pods],
  ['Job', jobs],
] as const) {
  for (const o of list as readonly KubeObject[]) {
    o.metadata.uid = `uid-${kind}-${o.metadata.namespace ?? 'cluster'}-${o.metadata.name}`;
  }
}

export const fixtureInput: GraphInput = {
  scaledObjects,
  scaledJobs,
  triggerAuthentications,
  clusterTriggerAuthentications,
  hpas,
  workloads: { Deployment: deployments, StatefulSet: statefulSets },
  replicaSets,
  pods,
  jobs,
  known: new Set([
    'TriggerAuthentication',
    'ClusterTriggerAuthentication',
    'HorizontalPodAutoscaler',
    'Deployment',
    'StatefulSet',
  ]),
  now: Date.parse('2026-11-30T08:10:00Z'),
};

/** Every edge the fixture must produce, as `source -> target`. */
export const expectedEdges: readonly string[] = [
  'source/rabbitmq/rabbitmq.orders:5672/queueName=orders->metric/ScaledObject/orders/orders-processor/s0-rabbitmq-orders',
  'metric/ScaledObject/orders/orders-processor/s0-rabbitmq-orders->ScaledObject/orders/orders-processor',
  'source/prometheus/prometheus.monitoring:9090/query=sum(rate(http_requests_total{app="orders"}[2m]))->metric/ScaledObject/orders/orders-processor/s1-prometheus',
  'metric/ScaledObject/orders/orders-processor/s1-prometheus->ScaledObject/orders/orders-processor',
  'ScaledObject/orders/orders-processor->HorizontalPodAutoscaler/orders/keda-hpa-orders-processor',
  'HorizontalPodAutoscaler/orders/keda-hpa-orders-processor->Deployment/orders/orders-processor',
  'Deployment/orders/orders-processor->ReplicaSet/orders/orders-processor-7d9f',
  'ReplicaSet/orders/orders-processor-7d9f->ReplicaSet/orders/orders-processor-7d9f/pods',
  'ScaledObject/orders/orders-processor->TriggerAuthentication/orders/orders-rabbitmq',
  'TriggerAuthentication/orders/orders-rabbitmq->Secret/orders/orders-rabbitmq',
  'ScaledObject/orders/orders-processor->ClusterTriggerAuthentication/prometheus-bearer',
  'ClusterTriggerAuthentication/prometheus-bearer->Secret/(keda)/prometheus-token',
  'source/cpu/shop/storefront-api->metric/ScaledObject/shop/storefront-api/cpu',
  'metric/ScaledObject/shop/storefront-api/cpu->ScaledObject/shop/storefront-api',
  'source/kafka/kafka.shop:9092/topic=clicks->metric/ScaledObject/shop/storefront-api/s1-kafka-clicks',
  'metric/ScaledObject/shop/storefront-api/s1-kafka-clicks->ScaledObject/shop/storefront-api',
  'ScaledObject/shop/storefront-api->HorizontalPodAutoscaler/shop/keda-hpa-storefront-api',
  'ScaledObject/shop/storefront-api->StatefulSet/shop/storefront',
  'StatefulSet/shop/storefront->StatefulSet/shop/storefront/pods',
  'ScaledObject/shop/storefront-api->TriggerAuthentication/shop/no-such-auth',
  'source/aws-sqs-queue/sqs.eu-west-1.amazonaws.com/queue=exports->metric/ScaledJob/orders/order-exporter/s0-aws-sqs-exports',
  'metric/ScaledJob/orders/order-exporter/s0-aws-sqs-exports->ScaledJob/orders/order-exporter',
  'ScaledJob/orders/order-exporter->Job/orders/order-exporter-x1',
  'ScaledJob/orders/order-exporter->Job/orders/order-exporter-x0',
  'ScaledJob/orders/order-exporter->TriggerAuthentication/orders/exporter-aws',
  'TriggerAuthentication/orders/exporter-aws->ConfigMap/orders/exporter-settings',
  'TriggerAuthentication/orders/exporter-aws->TriggerAuthentication/orders/exporter-aws/env',
  'TriggerAuthentication/orders/exporter-aws->TriggerAuthentication/orders/exporter-aws/podIdentity',
];

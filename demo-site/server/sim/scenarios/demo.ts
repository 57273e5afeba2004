/**
 * The `demo` scenario: KEDA installed in `keda`, the rabbitmq-consumer sample in `default`, and a
 * few more workloads in `orders` and `payments` (RabbitMQ, Kafka lag, cron, a paused one), each a
 * Deployment with a ScaledObject whose status is what KEDA 2.20.2 would have written.
 */
import {
  ScaledObjectResource,
  TriggerAuthenticationResource,
} from '../../../../components/src/core/kube/resource.ts';
import { rfc3339 } from '../core/time.ts';
import { completedDeploymentStatus } from '../controllers/deployment.ts';
import { KEDA_FINALIZER } from '../controllers/keda-finalizer.ts';
import { deploymentResource } from '../registry/builtin.ts';
import type { ResourceRegistry } from '../registry/registry.ts';
import type { KObject, ResourceDef } from '../registry/types.ts';
import { scaledObjectStatus } from './keda-status.ts';
import type { Seeder } from './seeder.ts';

/** Namespaces the demo scenario adds (beyond the system ones). */
export const DEMO_NAMESPACES: readonly string[] = ['keda', 'orders', 'payments'];

interface Workload {
  namespace: string;
  name: string;
  image: string;
  replicas: number;
  /** Hours since the Deployment was created. */
  ageHours: number;
  scaledObject?: {
    spec: Record<string, unknown>;
    annotations?: Record<string, string>;
    active: boolean;
    originalReplicaCount: number;
  };
}

const KEDA_VERSION = '2.20.2';

const WORKLOADS: readonly Workload[] = [
  {
    namespace: 'keda',
    name: 'keda-operator',
    image: `ghcr.io/kedacore/keda:${KEDA_VERSION}`,
    replicas: 1,
    ageHours: 21 * 24,
  },
  {
    namespace: 'keda',
    name: 'keda-operator-metrics-apiserver',
    image: `ghcr.io/kedacore/keda-metrics-apiserver:${KEDA_VERSION}`,
    replicas: 1,
    ageHours: 21 * 24,
  },
  {
    namespace: 'keda',
    name: 'keda-admission-webhooks',
    image: `ghcr.io/kedacore/keda-admission-webhooks:${KEDA_VERSION}`,
    replicas: 1,
    ageHours: 21 * 24,
  },
  {
    namespace: 'default',
    name: 'rabbitmq-consumer',
    image: 'ghcr.io/kedacore/rabbitmq-client:v1.0',
    replicas: 0,
    ageHours: 3 * 24 + 5,
    scaledObject: {
      spec: {
        scaleTargetRef: { name: 'rabbitmq-consumer' },
        pollingInterval: 5,
        cooldownPeriod: 30,
        minReplicaCount: 0,
        maxReplicaCount: 5,
        triggers: [
          {
            type: 'rabbitmq',
            metadata: { queueName: 'hello', mode: 'QueueLength', value: '50' },
            authenticationRef: { name: 'rabbitmq-consumer-trigger' },
          },
        ],
      },
      active: false,
      originalReplicaCount: 1,
    },
  },
  {
    namespace: 'orders',
    name: 'orders-processor',
    image: 'registry.example.com/shop/orders-processor:2.3.1',
    replicas: 4,
    ageHours: 9 * 24 + 2,
    scaledObject: {
      spec: {
        scaleTargetRef: { name: 'orders-processor' },
        pollingInterval: 10,
        cooldownPeriod: 120,
        minReplicaCount: 1,
        maxReplicaCount: 20,
        triggers: [
          {
            type: 'rabbitmq',
            metadata: { queueName: 'orders', mode: 'QueueLength', value: '20' },
            authenticationRef: { name: 'orders-rabbitmq' },
          },
        ],
      },
      active: true,
      originalReplicaCount: 2,
    },
  },
  {
    namespace: 'orders',
    name: 'report-generator',
    image: 'registry.example.com/shop/report-generator:1.8.0',
    replicas: 0,
    ageHours: 6 * 24 + 7,
    scaledObject: {
      spec: {
        scaleTargetRef: { name: 'report-generator' },
        minReplicaCount: 0,
        maxReplicaCount: 3,
        triggers: [
          {
            type: 'cron',
            metadata: {
              timezone: 'Europe/Berlin',
              start: '0 8 * * 1-5',
              end: '0 18 * * 1-5',
              desiredReplicas: '3',
            },
          },
        ],
      },
      active: false,
      originalReplicaCount: 1,
    },
  },
  {
    namespace: 'payments',
    name: 'payments-worker',
    image: 'registry.example.com/pay/payments-worker:4.0.2',
    replicas: 2,
    ageHours: 12 * 24 + 3,
    scaledObject: {
      spec: {
        scaleTargetRef: { name: 'payments-worker' },
        pollingInterval: 15,
        cooldownPeriod: 300,
        minReplicaCount: 0,
        maxReplicaCount: 10,
        triggers: [
          {
            type: 'kafka',
            metadata: {
              bootstrapServers: 'kafka.payments.svc.cluster.local:9092',
              consumerGroup: 'payments-worker',
              topic: 'payments',
              lagThreshold: '100',
            },
          },
        ],
      },
      active: true,
      originalReplicaCount: 1,
    },
  },
  {
    namespace: 'payments',
    name: 'payments-reconciler',
    image: 'registry.example.com/pay/payments-reconciler:1.2.0',
    replicas: 2,
    ageHours: 18 * 24,
    scaledObject: {
      annotations: { 'autoscaling.keda.sh/paused': 'true' },
      spec: {
        scaleTargetRef: { name: 'payments-reconciler' },
        minReplicaCount: 1,
        maxReplicaCount: 6,
        triggers: [
          {
            type: 'prometheus',
            metadata: {
              serverAddress: 'http://prometheus.monitoring.svc.cluster.local:9090',
              query: 'sum(rate(payments_reconcile_backlog_total[2m]))',
              threshold: '100',
            },
          },
        ],
      },
      active: false,
      originalReplicaCount: 2,
    },
  },
];

const TRIGGER_AUTHENTICATIONS: readonly {
  namespace: string;
  name: string;
  secret: string;
  key: string;
  usedBy: string;
}[] = [
  {
    namespace: 'default',
    name: 'rabbitmq-consumer-trigger',
    secret: 'rabbitmq-consumer-secret',
    key: 'RabbitMqHost',
    usedBy: 'rabbitmq-consumer',
  },
  {
    namespace: 'orders',
    name: 'orders-rabbitmq',
    secret: 'orders-rabbitmq',
    key: 'host',
    usedBy: 'orders-processor',
  },
];

function deployment(w: Workload): KObject {
  const labels = { app: w.name };
  return {
    metadata: { name: w.name, namespace: w.namespace, labels },
    spec: {
      replicas: w.replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: w.name,
              image: w.image,
              resources: { requests: { cpu: '100m', memory: '128Mi' } },
            },
          ],
        },
      },
    },
  };
}

function resolve(
  registry: ResourceRegistry,
  type: { group: string; version: string; plural: string },
): ResourceDef {
  const def = registry.get(type.group, type.version, type.plural);
  if (!def)
    throw new Error(`scenario: ${type.plural}.${type.group} is not served (are the KEDA CRDs loaded?)`);
  return def;
}

export function seedDemo(seeder: Seeder, registry: ResourceRegistry): void {
  const scaledObjects = resolve(registry, ScaledObjectResource);
  const triggerAuths = resolve(registry, TriggerAuthenticationResource);

  for (const w of WORKLOADS) {
    const createdAt = seeder.hoursAgo(w.ageHours, 0.5);
    const d = deployment(w);
    d.metadata.generation = 1;
    deploymentResource.strategy.prepareForCreate?.(d);
    d.status = completedDeploymentStatus(d, createdAt);
    seeder.add(deploymentResource, d, createdAt);

    const spec = w.scaledObject;
    if (!spec) continue;
    const soCreated = new Date(createdAt.getTime() + (2 + seeder.random.int(20)) * 60_000);
    const so: KObject = {
      metadata: {
        name: w.name,
        namespace: w.namespace,
        labels: { 'scaledobject.keda.sh/name': w.name },
        finalizers: [KEDA_FINALIZER],
        ...(spec.annotations ? { annotations: spec.annotations } : {}),
      },
      spec: spec.spec,
    };
    so.status = scaledObjectStatus(so, {
      active: spec.active,
      originalReplicaCount: spec.originalReplicaCount,
      currentReplicas: w.replicas,
      lastActiveTime: spec.active ? rfc3339(seeder.hoursAgo(0.01)) : rfc3339(seeder.hoursAgo(5, 2)),
    });
    seeder.add(scaledObjects, so, soCreated);
  }

  for (const ta of TRIGGER_AUTHENTICATIONS) {
    seeder.add(
      triggerAuths,
      {
        metadata: { name: ta.name, namespace: ta.namespace, finalizers: [KEDA_FINALIZER] },
        spec: { secretTargetRef: [{ parameter: 'host', name: ta.secret, key: ta.key }] },
        status: { scaledobjects: ta.usedBy },
      },
      seeder.hoursAgo(10 * 24, 24),
    );
  }
}

/**
 * The `demo` scenario: KEDA 2.20 installed in `keda` and workloads in `default`, `orders`,
 * `payments` and `risk`, as manifests only: every status, HPA, ReplicaSet, pod and event is
 * written by the controllers during the simulated hour before "now" (and after). The stories:
 * - `default/rabbitmq-consumer` (KEDA's sample): the `hello` queue gets a batch now and then;
 * - `orders/orders-processor`: bursts of 267 orders every 30 minutes, worked off by the
 *   consumers (1 msg/s each, 20 s to start): 0 → 1 → 4 → 5 replicas, then cooldown back to 0;
 * - `orders/report-generator`: business hours in Europe/Berlin (cron);
 * - `orders/storefront-api`: cpu utilization following the day;
 * - `orders/order-exporter`: a ScaledJob draining the `exports` queue;
 * - `payments/payments-worker`: Kafka consumer lag following the day;
 * - `payments/payments-reconciler`: paused 10 minutes ago (Prometheus, ClusterTriggerAuthentication);
 * - `risk/fraud-scorer`: its metrics API fails since 15 minutes ago, fallback holds 4 replicas.
 */
import {
  ClusterTriggerAuthenticationResource,
  ScaledJobResource,
  ScaledObjectResource,
  TriggerAuthenticationResource,
  type ResourceType,
} from '../../../../components/src/core/kube/resource.ts';
import { SIM_ANNOTATIONS } from '../controllers/workloads/common.ts';
import { deploymentResource, secretResource } from '../registry/builtin.ts';
import type { ResourceRegistry } from '../registry/registry.ts';
import type { KObject, ResourceDef } from '../registry/types.ts';
import { sourceKey } from '../sources/identity.ts';
import type { ScenarioPlan } from './plan.ts';
import type { Seeder } from './seeder.ts';

/** Namespaces the demo scenario adds (beyond the system ones). */
export const DEMO_NAMESPACES: readonly string[] = ['keda', 'orders', 'payments', 'risk'];

const KEDA_VERSION = '2.20.2';
const DAY = 24;
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

interface DeploymentSpec {
  namespace: string;
  name: string;
  image: string;
  replicas: number;
  ageHours: number;
  cpu?: string;
  memory?: string;
  annotations?: Record<string, string>;
  env?: Record<string, string>;
}

function deployment(d: DeploymentSpec): KObject {
  const labels = { app: d.name };
  const container: Record<string, unknown> = {
    name: d.name,
    image: d.image,
    resources: { requests: { cpu: d.cpu ?? '100m', memory: d.memory ?? '128Mi' } },
  };
  if (d.env) container.env = Object.entries(d.env).map(([name, value]) => ({ name, value }));
  return {
    metadata: { name: d.name, namespace: d.namespace, labels },
    spec: {
      replicas: d.replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels, ...(d.annotations ? { annotations: d.annotations } : {}) },
        spec: { containers: [container] },
      },
    },
  };
}

const DEPLOYMENTS: readonly DeploymentSpec[] = [
  {
    namespace: 'keda',
    name: 'keda-operator',
    image: `ghcr.io/kedacore/keda:${KEDA_VERSION}`,
    replicas: 1,
    ageHours: 21 * DAY,
  },
  {
    namespace: 'keda',
    name: 'keda-operator-metrics-apiserver',
    image: `ghcr.io/kedacore/keda-metrics-apiserver:${KEDA_VERSION}`,
    replicas: 1,
    ageHours: 21 * DAY,
  },
  {
    namespace: 'keda',
    name: 'keda-admission-webhooks',
    image: `ghcr.io/kedacore/keda-admission-webhooks:${KEDA_VERSION}`,
    replicas: 1,
    ageHours: 21 * DAY,
  },
  {
    namespace: 'default',
    name: 'rabbitmq-consumer',
    image: 'ghcr.io/kedacore/rabbitmq-client:v1.0',
    replicas: 0,
    ageHours: 3 * DAY + 5,
  },
  {
    namespace: 'orders',
    name: 'orders-processor',
    image: 'registry.example.com/shop/orders-processor:2.3.1',
    replicas: 0,
    ageHours: 9 * DAY + 2,
    annotations: { [SIM_ANNOTATIONS.startupSeconds]: '20' },
  },
  {
    namespace: 'orders',
    name: 'report-generator',
    image: 'registry.example.com/shop/report-generator:1.8.0',
    replicas: 0,
    ageHours: 6 * DAY + 7,
  },
  {
    namespace: 'orders',
    name: 'storefront-api',
    image: 'registry.example.com/shop/storefront-api:5.12.0',
    replicas: 2,
    ageHours: 14 * DAY + 1,
    cpu: '200m',
    memory: '256Mi',
  },
  {
    namespace: 'payments',
    name: 'payments-worker',
    image: 'registry.example.com/pay/payments-worker:4.0.2',
    replicas: 0,
    ageHours: 12 * DAY + 3,
  },
  {
    namespace: 'payments',
    name: 'payments-reconciler',
    image: 'registry.example.com/pay/payments-reconciler:1.2.0',
    replicas: 2,
    ageHours: 18 * DAY,
  },
  {
    namespace: 'risk',
    name: 'fraud-scorer',
    image: 'registry.example.com/risk/fraud-scorer:0.9.4',
    replicas: 1,
    ageHours: 4 * DAY + 9,
  },
];

const SECRETS: readonly { namespace: string; name: string; data: Record<string, string> }[] = [
  {
    namespace: 'default',
    name: 'rabbitmq-consumer-secret',
    data: { RabbitMqHost: 'amqp://user:PASSWORD@rabbitmq.default.svc.cluster.local:5672' },
  },
  {
    namespace: 'orders',
    name: 'orders-rabbitmq',
    data: { host: 'amqp://orders:s3cr3t@rabbitmq.orders.svc.cluster.local:5672/shop' },
  },
  {
    namespace: 'payments',
    name: 'kafka-payments',
    data: { username: 'payments-worker', password: 'k4fka-s3cret' },
  },
  { namespace: 'risk', name: 'fraud-model-api', data: { apiKey: 'fm-7f3c1e9a4b2d' } },
  {
    namespace: 'keda',
    name: 'prometheus-token',
    data: { token: 'eyJhbGciOiJSUzI1NiJ9.c2ltdWxhdGVk.c2lnbmF0dXJl' },
  },
];

interface TriggerJson {
  type: string;
  name?: string;
  metadata: Record<string, string>;
  metricType?: string;
  authenticationRef?: { name: string; kind?: string };
}

const RABBIT_CONSUMER: TriggerJson = {
  type: 'rabbitmq',
  metadata: { queueName: 'hello', mode: 'QueueLength', value: '50' },
  authenticationRef: { name: 'rabbitmq-consumer-trigger' },
};
const ORDERS: TriggerJson = {
  type: 'rabbitmq',
  metadata: { queueName: 'orders', mode: 'QueueLength', value: '50' },
  authenticationRef: { name: 'orders-rabbitmq' },
};
const EXPORTS: TriggerJson = {
  type: 'rabbitmq',
  metadata: { queueName: 'exports', mode: 'QueueLength', value: '10' },
  authenticationRef: { name: 'orders-rabbitmq' },
};
const KAFKA: TriggerJson = {
  type: 'kafka',
  metadata: {
    bootstrapServers: 'kafka.payments.svc.cluster.local:9092',
    consumerGroup: 'payments-worker',
    topic: 'payments',
    lagThreshold: '100',
    sasl: 'plaintext',
  },
  authenticationRef: { name: 'kafka-payments' },
};
const PROMETHEUS: TriggerJson = {
  type: 'prometheus',
  metadata: {
    serverAddress: 'http://prometheus.monitoring.svc.cluster.local:9090',
    query: 'sum(rate(payments_reconcile_backlog_total[2m]))',
    threshold: '100',
    activationThreshold: '60',
    authModes: 'bearer',
  },
  authenticationRef: { name: 'prometheus-bearer', kind: 'ClusterTriggerAuthentication' },
};
const FRAUD: TriggerJson = {
  type: 'metrics-api',
  metadata: {
    url: 'http://fraud-model.risk.svc.cluster.local:8080/api/v1/backlog',
    valueLocation: 'backlog.pending',
    targetValue: '10',
    authMode: 'apiKey',
  },
  authenticationRef: { name: 'fraud-model-api' },
};

interface ScaledObjectSpec {
  namespace: string;
  name: string;
  spec: Record<string, unknown>;
}

const SCALED_OBJECTS: readonly ScaledObjectSpec[] = [
  {
    namespace: 'default',
    name: 'rabbitmq-consumer',
    spec: {
      scaleTargetRef: { name: 'rabbitmq-consumer' },
      pollingInterval: 5,
      cooldownPeriod: 30,
      minReplicaCount: 0,
      maxReplicaCount: 5,
      triggers: [RABBIT_CONSUMER],
    },
  },
  {
    namespace: 'orders',
    name: 'orders-processor',
    spec: {
      scaleTargetRef: { name: 'orders-processor' },
      pollingInterval: 10,
      cooldownPeriod: 120,
      minReplicaCount: 0,
      maxReplicaCount: 5,
      triggers: [ORDERS],
    },
  },
  {
    namespace: 'orders',
    name: 'report-generator',
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
  },
  {
    namespace: 'orders',
    name: 'storefront-api',
    spec: {
      scaleTargetRef: { name: 'storefront-api' },
      minReplicaCount: 2,
      maxReplicaCount: 8,
      triggers: [{ type: 'cpu', metricType: 'Utilization', metadata: { value: '60' } }],
    },
  },
  {
    namespace: 'payments',
    name: 'payments-worker',
    spec: {
      scaleTargetRef: { name: 'payments-worker' },
      pollingInterval: 15,
      cooldownPeriod: 300,
      minReplicaCount: 0,
      maxReplicaCount: 10,
      triggers: [KAFKA],
    },
  },
  {
    namespace: 'payments',
    name: 'payments-reconciler',
    spec: {
      scaleTargetRef: { name: 'payments-reconciler' },
      minReplicaCount: 1,
      maxReplicaCount: 6,
      triggers: [PROMETHEUS],
    },
  },
  {
    namespace: 'risk',
    name: 'fraud-scorer',
    spec: {
      scaleTargetRef: { name: 'fraud-scorer' },
      pollingInterval: 15,
      minReplicaCount: 1,
      maxReplicaCount: 8,
      fallback: { failureThreshold: 3, replicas: 4 },
      triggers: [FRAUD],
    },
  },
];

const SCALED_JOB: KObject = {
  metadata: { name: 'order-exporter', namespace: 'orders' },
  spec: {
    jobTargetRef: {
      backoffLimit: 0,
      template: {
        metadata: {
          annotations: { [SIM_ANNOTATIONS.runSeconds]: '40', [SIM_ANNOTATIONS.failureRate]: '0.1' },
        },
        spec: {
          restartPolicy: 'Never',
          containers: [
            {
              name: 'order-exporter',
              image: 'registry.example.com/shop/order-exporter:1.4.0',
              resources: { requests: { cpu: '250m', memory: '256Mi' } },
            },
          ],
        },
      },
    },
    pollingInterval: 15,
    maxReplicaCount: 10,
    successfulJobsHistoryLimit: 5,
    failedJobsHistoryLimit: 3,
    triggers: [EXPORTS],
  },
};

const TRIGGER_AUTHENTICATIONS: readonly {
  namespace: string;
  name: string;
  refs: { parameter: string; name: string; key: string }[];
}[] = [
  {
    namespace: 'default',
    name: 'rabbitmq-consumer-trigger',
    refs: [{ parameter: 'host', name: 'rabbitmq-consumer-secret', key: 'RabbitMqHost' }],
  },
  {
    namespace: 'orders',
    name: 'orders-rabbitmq',
    refs: [{ parameter: 'host', name: 'orders-rabbitmq', key: 'host' }],
  },
  {
    namespace: 'payments',
    name: 'kafka-payments',
    refs: [
      { parameter: 'username', name: 'kafka-payments', key: 'username' },
      { parameter: 'password', name: 'kafka-payments', key: 'password' },
    ],
  },
  {
    namespace: 'risk',
    name: 'fraud-model-api',
    refs: [{ parameter: 'apiKey', name: 'fraud-model-api', key: 'apiKey' }],
  },
];

function resolve(registry: ResourceRegistry, type: ResourceType): ResourceDef {
  const def = registry.get(type.group, type.version, type.plural);
  if (!def)
    throw new Error(`scenario: ${type.plural}.${type.group} is not served (are the KEDA CRDs loaded?)`);
  return def;
}

/** The key of the source a demo trigger reads (its TriggerAuthentication resolved from the demo secrets). */
function demoSourceKey(trigger: TriggerJson, namespace: string): string {
  const auth = TRIGGER_AUTHENTICATIONS.find(
    (t) => t.namespace === namespace && t.name === trigger.authenticationRef?.name,
  );
  const authParams: Record<string, string> = {};
  for (const ref of auth?.refs ?? []) {
    const secret = SECRETS.find((s) => s.namespace === namespace && s.name === ref.name);
    const value = secret?.data[ref.key];
    if (value !== undefined) authParams[ref.parameter] = value;
  }
  return sourceKey(trigger, namespace, { authParams });
}

/** Seeds the demo's manifests; returns its curves, history and timeline. */
export function seedDemo(seeder: Seeder, registry: ResourceRegistry): ScenarioPlan {
  const scaledObjects = resolve(registry, ScaledObjectResource);
  const scaledJobs = resolve(registry, ScaledJobResource);
  const triggerAuths = resolve(registry, TriggerAuthenticationResource);
  const clusterTriggerAuths = resolve(registry, ClusterTriggerAuthenticationResource);

  for (const s of SECRETS) {
    seeder.add(
      secretResource,
      {
        metadata: { name: s.name, namespace: s.namespace },
        type: 'Opaque',
        data: Object.fromEntries(Object.entries(s.data).map(([k, v]) => [k, b64(v)])),
      },
      seeder.hoursAgo(12 * DAY, 24),
    );
  }
  for (const ta of TRIGGER_AUTHENTICATIONS) {
    seeder.add(
      triggerAuths,
      {
        metadata: { name: ta.name, namespace: ta.namespace },
        spec: { secretTargetRef: ta.refs },
      },
      seeder.hoursAgo(10 * DAY, 24),
    );
  }
  seeder.add(
    clusterTriggerAuths,
    {
      metadata: { name: 'prometheus-bearer' },
      spec: { secretTargetRef: [{ parameter: 'bearerToken', name: 'prometheus-token', key: 'token' }] },
    },
    seeder.hoursAgo(20 * DAY, 6),
  );
  const created = new Map<string, Date>();
  for (const d of DEPLOYMENTS) {
    const at = seeder.hoursAgo(d.ageHours, 0.5);
    created.set(`${d.namespace}/${d.name}`, at);
    seeder.add(deploymentResource, deployment(d), at);
  }
  for (const so of SCALED_OBJECTS) {
    const base = created.get(`${so.namespace}/${so.name}`) ?? seeder.hoursAgo(2 * DAY);
    const at = new Date(base.getTime() + (2 + seeder.random.int(20)) * 60_000);
    seeder.add(scaledObjects, { metadata: { name: so.name, namespace: so.namespace }, spec: so.spec }, at);
  }
  seeder.add(scaledJobs, SCALED_JOB, seeder.hoursAgo(5 * DAY, 12));

  const berlin = 'Europe/Berlin';
  return {
    historySeconds: 1200,
    sources: [
      {
        match: { type: 'rabbitmq', namespace: 'default', metadata: { queueName: 'hello' } },
        curve: { type: 'bursts', amount: 120, everySeconds: 2400, offsetSeconds: -900 },
        drain: {
          perConsumerPerSecond: 2,
          consumers: { namespace: 'default', selector: 'app=rabbitmq-consumer' },
        },
      },
      {
        match: { type: 'rabbitmq', namespace: 'orders', metadata: { queueName: 'orders' } },
        curve: { type: 'bursts', amount: 267, everySeconds: 1800, offsetSeconds: -40 },
        drain: {
          perConsumerPerSecond: 1,
          consumers: { namespace: 'orders', selector: 'app=orders-processor' },
        },
      },
      {
        match: { type: 'rabbitmq', namespace: 'orders', metadata: { queueName: 'exports' } },
        curve: { type: 'bursts', amount: 60, everySeconds: 900, offsetSeconds: -300 },
        drain: {
          perConsumerPerSecond: 0.25,
          consumers: { namespace: 'orders', selector: 'scaledjob.keda.sh/name=order-exporter' },
        },
      },
      {
        match: { type: 'kafka', namespace: 'payments' },
        curve: {
          type: 'daily',
          timezone: berlin,
          points: [
            { hour: 0, value: 2 },
            { hour: 6, value: 1 },
            { hour: 9, value: 25 },
            { hour: 13, value: 40 },
            { hour: 18, value: 20 },
            { hour: 22, value: 6 },
          ],
        },
        drain: {
          perConsumerPerSecond: 15,
          consumers: { namespace: 'payments', selector: 'app=payments-worker' },
        },
      },
      {
        match: { type: 'prometheus', namespace: 'payments' },
        curve: { type: 'sine', base: 30, amplitude: 15, periodSeconds: 600 },
      },
      { match: { type: 'metrics-api', namespace: 'risk' }, curve: { type: 'constant', value: 25 } },
      {
        key: 'cpu:orders/storefront-api',
        curve: {
          type: 'daily',
          timezone: berlin,
          points: [
            { hour: 0, value: 150 },
            { hour: 7, value: 200 },
            { hour: 12, value: 1100 },
            { hour: 15, value: 800 },
            { hour: 20, value: 600 },
          ],
        },
      },
    ],
    timeline: [
      {
        at: -600,
        patch: {
          apiVersion: 'keda.sh/v1alpha1',
          kind: 'ScaledObject',
          namespace: 'payments',
          name: 'payments-reconciler',
          merge: { metadata: { annotations: { 'autoscaling.keda.sh/paused': 'true' } } },
        },
      },
      { at: -900, source: { key: demoSourceKey(FRAUD, 'risk'), failing: true } },
    ],
  };
}

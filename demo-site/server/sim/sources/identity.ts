/**
 * Which simulated source a trigger reads: triggers that name the same thing (the same RabbitMQ
 * queue on the same host, the same Kafka topic and consumer group, the same SQS queue URL…)
 * share one source, whichever ScaledObject or ScaledJob they belong to. Keys read
 * `<type>:<identity>`; types without a rule fall back to their metadata, minus the thresholds.
 */
import {
  triggerParam,
  type ResolvedTriggerParams,
  type TriggerLike,
} from '../../../../components/src/core/keda/trigger-params.ts';
import { triggerTargetInfo } from '../../../../components/src/core/keda/trigger-targets.ts';

/** How a source behaves. */
export type SourceKind = 'queue' | 'gauge' | 'cron' | 'workload' | 'resource';

/** Trigger types whose value is a backlog that consumers work off. */
const QUEUE_TYPES: ReadonlySet<string> = new Set([
  'activemq',
  'apache-kafka',
  'artemis-queue',
  'aws-dynamodb-streams',
  'aws-kinesis-stream',
  'aws-sqs-queue',
  'azure-eventhub',
  'azure-pipelines',
  'azure-queue',
  'azure-servicebus',
  'beanstalkd',
  'forgejo-runner',
  'gcp-cloudtasks',
  'gcp-pubsub',
  'github-runner',
  'ibmmq',
  'kafka',
  'liiklus',
  'nats-jetstream',
  'nsq',
  'pulsar',
  'rabbitmq',
  'redis',
  'redis-cluster',
  'redis-sentinel',
  'redis-streams',
  'redis-cluster-streams',
  'redis-sentinel-streams',
  'solace-event-queue',
  'temporal',
]);

export function sourceKindOf(type: string): SourceKind {
  if (type === 'cron') return 'cron';
  if (type === 'kubernetes-workload') return 'workload';
  if (type === 'cpu' || type === 'memory') return 'resource';
  return QUEUE_TYPES.has(type) ? 'queue' : 'gauge';
}

/** `amqp://user:pass@host:5672/vhost` → `host:5672/vhost` (no scheme, no credentials). */
export function hostIdentity(text: string | undefined): string {
  if (!text) return '';
  const noScheme = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const noCreds = noScheme.includes('@') ? noScheme.slice(noScheme.lastIndexOf('@') + 1) : noScheme;
  return noCreds.replace(/\/+$/, '');
}

type Get = (key: string) => string | undefined;

const RULES: Readonly<Record<string, (get: Get, namespace: string) => string[]>> = {
  rabbitmq: (g) => [hostIdentity(g('host')), g('vhostName') ?? '', g('queueName') ?? ''],
  kafka: (g) => [g('bootstrapServers') ?? '', g('topic') ?? '*', g('consumerGroup') ?? ''],
  'apache-kafka': (g) => [g('bootstrapServers') ?? '', g('topic') ?? '*', g('consumerGroup') ?? ''],
  'aws-sqs-queue': (g) => [g('queueURL') ?? g('queueURLFromEnv') ?? ''],
  'azure-servicebus': (g) =>
    g('queueName')
      ? [g('namespace') ?? hostIdentity(g('connection')), 'queue', g('queueName') ?? '']
      : [
          g('namespace') ?? hostIdentity(g('connection')),
          'topic',
          g('topicName') ?? '',
          g('subscriptionName') ?? '',
        ],
  'azure-queue': (g) => [g('accountName') ?? '', g('queueName') ?? ''],
  redis: (g) => [
    g('address') ?? `${g('host') ?? ''}:${g('port') ?? ''}`,
    g('databaseIndex') ?? '0',
    g('listName') ?? '',
  ],
  'redis-streams': (g) => [
    g('address') ?? `${g('host') ?? ''}:${g('port') ?? ''}`,
    g('stream') ?? '',
    g('consumerGroup') ?? '',
  ],
  'nats-jetstream': (g) => [
    g('natsServerMonitoringEndpoint') ?? '',
    g('account') ?? '',
    g('stream') ?? '',
    g('consumer') ?? '',
  ],
  'gcp-pubsub': (g) => [g('subscriptionName') ?? g('topicName') ?? ''],
  prometheus: (g, ns) => [g('serverAddress') ?? '', g('namespace') ?? ns, g('query') ?? ''],
  'metrics-api': (g) => [g('url') ?? '', g('valueLocation') ?? ''],
  postgresql: (g) => [g('host') ?? hostIdentity(g('connection')), g('dbName') ?? '', g('query') ?? ''],
  mysql: (g) => [g('host') ?? hostIdentity(g('connectionString')), g('dbName') ?? '', g('query') ?? ''],
  mssql: (g) => [g('host') ?? hostIdentity(g('connectionString')), g('database') ?? '', g('query') ?? ''],
  cron: (g) => [g('timezone') ?? '', g('start') ?? '', g('end') ?? '', g('desiredReplicas') ?? ''],
  'kubernetes-workload': (g, ns) => [ns, g('podSelector') ?? ''],
  'github-runner': (g) => [g('owner') ?? '', g('repos') ?? '', g('labels') ?? ''],
  temporal: (g) => [g('endpoint') ?? '', g('namespace') ?? 'default', g('taskQueue') ?? ''],
};

/** Metadata keys that tune scaling rather than name the thing measured. */
function scalingKeys(type: string): Set<string> {
  const info = triggerTargetInfo(type);
  const keys = new Set(info?.targetKeys ?? []);
  if (info?.activationKey) keys.add(info.activationKey);
  for (const k of ['metricType', 'useCachedMetrics', 'unsafeSsl', 'timeout']) keys.add(k);
  return keys;
}

/** The source key of a trigger (metadata, then TriggerAuthentication parameters, then env). */
export function sourceKey(
  trigger: TriggerLike,
  namespace: string,
  resolved: ResolvedTriggerParams = {},
): string {
  const get: Get = (key) => triggerParam(trigger, key, resolved);
  const rule = RULES[trigger.type];
  if (rule) return `${trigger.type}:${rule(get, namespace).join('/')}`;
  const skip = scalingKeys(trigger.type);
  const parts = Object.keys(trigger.metadata ?? {})
    .filter((k) => !skip.has(k) && !/password|secret|token|key$/i.test(k))
    .sort()
    .map((k) => `${k}=${trigger.metadata?.[k] ?? ''}`);
  return `${trigger.type}:${parts.join(',')}`;
}

/** Where a trigger's scaler connects (for its error messages). */
export function sourceEndpoint(trigger: TriggerLike, resolved: ResolvedTriggerParams = {}): string {
  const get: Get = (key) => triggerParam(trigger, key, resolved);
  switch (trigger.type) {
    case 'rabbitmq':
      return hostIdentity(get('host')).split('/')[0] ?? '';
    case 'kafka':
    case 'apache-kafka':
      return (get('bootstrapServers') ?? '').split(',')[0] ?? '';
    case 'prometheus':
      return get('serverAddress') ?? '';
    case 'metrics-api':
      return get('url') ?? '';
    case 'redis':
    case 'redis-streams':
      return get('address') ?? `${get('host') ?? ''}:${get('port') ?? ''}`;
    default:
      return get('host') ?? get('address') ?? get('serverAddress') ?? get('url') ?? trigger.type;
  }
}

/** The error a failing source of a type reports (what the scaler's client would say). */
export function defaultFailure(type: string, endpoint: string): string {
  const hostPort = endpoint.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split('/')[0] || type;
  switch (type) {
    case 'rabbitmq':
      return `error inspecting rabbitMQ: dial tcp ${hostPort}: connect: connection refused`;
    case 'kafka':
    case 'apache-kafka':
      return `error listing consumer group offsets: kafka: client has run out of available brokers to talk to: dial tcp ${hostPort}: connect: connection refused`;
    case 'prometheus':
      return 'prometheus query api returned error. status: 503 response: upstream connect error or disconnect/reset before headers. reset reason: connection failure';
    case 'metrics-api':
      return `error requesting metrics endpoint: Get "${endpoint}": dial tcp ${hostPort}: connect: connection refused`;
    case 'aws-sqs-queue':
      return 'operation error SQS: GetQueueAttributes, https response error StatusCode: 503, ServiceUnavailable';
    case 'redis':
    case 'redis-streams':
      return `connection to redis failed: dial tcp ${hostPort}: connect: connection refused`;
    default:
      return `error getting metrics from ${type}: dial tcp ${hostPort}: connect: connection refused`;
  }
}

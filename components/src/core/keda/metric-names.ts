/**
 * External metric names exactly as KEDA builds them (`s<index>-<name>`, kedacore/keda
 * `pkg/scalers/scaler.go` GenerateMetricNameWithIndex, `pkg/util/normalize_string.go`, and each
 * scaler's `GetMetricSpecForScaling`), for all 79 trigger types.
 */

import {
  decodeJsonNumber,
  triggerParam,
  type ResolvedTriggerParams,
  type TriggerLike,
} from './trigger-params.js';

/** The composite metric name used when `advanced.scalingModifiers` is set. */
export const COMPOSITE_METRIC_NAME = 'composite-metric';

/** KEDA's `NormalizeString`: `/ . : % ( )` become `-`. */
export function normalizeString(s: string): string {
  return s.replace(/[/.:%()]/g, '-');
}

/** KEDA's `GenerateMetricNameWithIndex`: `s<index>-<name>`. */
export function generateMetricNameWithIndex(triggerIndex: number, metricName: string): string {
  return `s${triggerIndex}-${metricName}`;
}

/** The trigger index encoded in a metric name (`s3-…` → 3), or `undefined`. */
export function triggerIndexOfMetricName(metricName: string): number | undefined {
  const m = /^s(\d+)-/.exec(metricName);
  return m ? Number(m[1]) : undefined;
}

/** The cron scaler's `parseCronTimeFormat`: spaces removed, `*`→`x`, `/`→`Sl`, `?`→`Qm`, `,`→`Cm`. */
export function parseCronTimeFormat(s: string): string {
  return s
    .replace(/ /g, '')
    .replace(/\*/g, 'x')
    .replace(/\//g, 'Sl')
    .replace(/\?/g, 'Qm')
    .replace(/,/g, 'Cm');
}

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/** Go's `url.QueryEscape` (space → `+`, everything but `A-Za-z0-9-_.~` percent-encoded in UTF-8). */
export function goQueryEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    if (ch === ' ') out += '+';
    else if (UNRESERVED.test(ch)) out += ch;
    else {
      for (const byte of new TextEncoder().encode(ch))
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

/** The aws-sqs-queue scaler's queue name: last path segment of `queueURL` (`/<account>/<queue>`), or the text itself when it is not a URL. */
export function sqsQueueName(queueURL: string): { ok: true; name: string } | { ok: false; error: string } {
  let path: string | undefined;
  if (queueURL.startsWith('/')) {
    path = queueURL.split('?')[0];
  } else {
    const m = /^[A-Za-z][A-Za-z0-9+.-]*:(\/\/[^/?#]*)?([^?#]*)/.exec(queueURL);
    if (m && (m[1] !== undefined || (m[2] ?? '').startsWith('/'))) path = m[2] ?? '';
  }
  if (path === undefined) return { ok: true, name: queueURL };
  const parts = path.split('/');
  if (parts.length !== 3 || (parts[2] ?? '').length === 0) {
    return { ok: false, error: 'cannot get queueName from queueURL' };
  }
  return { ok: true, name: parts[2] as string };
}

/** Extra inputs some scalers need to name their metric. */
export interface MetricNameContext extends ResolvedTriggerParams {
  /** The ScaledObject's namespace (kubernetes-workload names its metric after it). */
  namespace?: string;
  /**
   * For `external`/`external-push`: the metric specs the external scaler returns from
   * `GetMetricSpec` (names without the `s<i>-` prefix), by trigger index.
   */
  externalMetricSpecs?: Readonly<Record<number, ReadonlyArray<{ metricName: string; targetSize: number }>>>;
}

/** A trigger's metric name(s), or why KEDA could not build its scaler. */
export type MetricNamesResult =
  | { ok: true; kind: 'external'; names: string[] }
  | { ok: true; kind: 'resource'; resource: 'cpu' | 'memory' }
  | { ok: false; error: string };

type NameRule = (
  get: (key: string) => string | undefined,
  trigger: TriggerLike,
  index: number,
  ctx: MetricNameContext,
) => string[] | string;

const normalized =
  (template: (get: (key: string) => string) => string): NameRule =>
  (get) =>
    normalizeString(template((k) => get(k) ?? ''));
const fixed =
  (name: string): NameRule =>
  () =>
    name;

function boolParam(text: string | undefined): boolean {
  return (
    text === '1' || text === 't' || text === 'T' || text === 'TRUE' || text === 'true' || text === 'True'
  );
}

function positiveInt(text: string | undefined): boolean {
  if (text === undefined) return false;
  const parsed = decodeJsonNumber(text, 'int');
  return parsed.ok && parsed.value > 0;
}

const RULES: Readonly<Record<string, NameRule>> = {
  activemq: normalized((g) => `activemq-${g('destinationName')}`),
  'apache-kafka': (get) => {
    const topics = (get('topic') ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter((t, _i, all) => all.length > 1 || t !== '');
    return normalizeString(
      topics.length > 0 ? `kafka-${topics.join(',')}` : `kafka-${get('consumerGroup') ?? ''}-topics`,
    );
  },
  arangodb: fixed('arangodb'),
  'artemis-queue': normalized((g) => `artemis-${g('queueName')}`),
  'aws-cloudwatch': fixed('aws-cloudwatch'),
  'aws-dynamodb': normalized((g) => `aws-dynamodb-${g('tableName')}`),
  'aws-dynamodb-streams': normalized((g) => `aws-dynamodb-streams-${g('tableName')}`),
  'aws-kinesis-stream': normalized((g) => `aws-kinesis-${g('streamName')}`),
  'aws-sqs-queue': (get) => {
    const queue = sqsQueueName(get('queueURL') ?? '');
    if (!queue.ok) throw new Error(queue.error);
    return normalizeString(`aws-sqs-${queue.name}`);
  },
  'azure-app-insights': normalized((g) => `azure-app-insights-${g('metricId')}`),
  'azure-blob': normalized((g) => `azure-blob-${g('blobContainerName')}`),
  'azure-data-explorer': normalized((g) => `azure-data-explorer-${g('databaseName')}`),
  'azure-eventhub': normalized((g) => `azure-eventhub-${g('consumerGroup') || '$Default'}`),
  'azure-log-analytics': normalized((g) => `azure-log-analytics-${g('workspaceId')}`),
  'azure-monitor': normalized((g) => `azure-monitor-${g('metricName')}`),
  'azure-pipelines': normalized((g) => `azure-pipelines-${g('poolID') || '0'}`),
  'azure-queue': normalized((g) => `azure-queue-${g('queueName')}`),
  'azure-servicebus': (get) => {
    const queue = get('queueName');
    const topic = get('topicName');
    if (!queue && !topic) throw new Error('no service bus entity type set');
    const entityType = queue ? 'queue' : 'topic';
    const name = boolParam(get('useRegex')) ? `${entityType}-regex` : (queue ?? topic ?? '');
    return normalizeString(`azure-servicebus-${name}`);
  },
  beanstalkd: (get) => normalizeString(`beanstalkd-${goQueryEscape(get('tube') ?? '')}`),
  cassandra: normalized((g) => `cassandra-${g('keyspace')}`),
  clickhouse: fixed('clickhouse'),
  couchdb: normalized((g) => `coucdb-${g('dbName')}`), // sic: KEDA spells it "coucdb"
  cron: (get) =>
    normalizeString(
      `cron-${get('timezone') ?? ''}-${parseCronTimeFormat(get('start') ?? '')}-${parseCronTimeFormat(get('end') ?? '')}`,
    ),
  datadog: (get) => {
    const query = get('query') ?? '';
    const idx = query.indexOf('{');
    const base = idx >= 0 ? query.slice(0, idx) : (get('datadogMetricName') ?? '');
    return normalizeString(`datadog-${base}`);
  },
  dynatrace: fixed('dynatrace'),
  'elastic-forecast': normalized((g) => `elastic-forecast-${g('jobID')}`),
  elasticsearch: (get) => {
    const template = get('searchTemplateName');
    return template ? normalizeString(`elasticsearch-${template}`) : 'elasticsearch-query';
  },
  etcd: normalized((g) => `etcd-${g('watchKey')}`),
  'forgejo-runner': fixed('forgejo'),
  'gcp-cloudtasks': normalized((g) => `gcp-ct-${g('queueName')}`),
  'gcp-pubsub': (get) => normalizeString(`gcp-ps-${get('subscriptionName') || get('topicName') || ''}`),
  'gcp-spanner': normalized((g) => `gcp-spanner-${g('instanceId')}-${g('databaseId')}-${g('projectId')}`),
  'gcp-stackdriver': normalized((g) => `gcp-stackdriver-${g('projectId')}`),
  'gcp-storage': normalized((g) => `gcp-storage-${g('bucketName')}`),
  'github-runner': normalized((g) => `github-runner-${g('owner')}`),
  graphite: fixed('graphite'),
  'huawei-cloudeye': normalized((g) => `huawei-cloudeye-${g('metricName')}`),
  ibmmq: (get) =>
    normalizeString(`ibmmq-${(get('queueName') ?? get('queueNames') ?? '').split(',')[0]?.trim() ?? ''}`),
  influxdb: (get) =>
    normalizeString(
      get('influxVersion') === '3'
        ? `influxdb-${get('database') ?? ''}`
        : `influxdb-${get('organizationName') ?? ''}`,
    ),
  kafka: (get) => {
    const topic = get('topic');
    return normalizeString(topic ? `kafka-${topic}` : `kafka-${get('consumerGroup') ?? ''}-topics`);
  },
  'kubernetes-resource': normalized(
    (g) => `${g('resourceKind').toLowerCase()}-${g('resourceName')}-${g('key')}`,
  ),
  'kubernetes-workload': (_get, _t, _i, ctx) => normalizeString(`workload-${ctx.namespace ?? ''}`),
  liiklus: normalized((g) => `liiklus-${g('topic')}`),
  loki: fixed('loki'),
  'metrics-api': normalized((g) => `metric-api-${g('valueLocation')}`),
  mongodb: normalized((g) => `mongodb-${g('collection')}`),
  mssql: fixed('mssql'),
  mysql: (get) => {
    const conn = get('connectionString');
    const db = conn ? (conn.split('/').pop() ?? '') : (get('dbName') ?? '');
    return normalizeString(`mysql-${db}`);
  },
  'nats-jetstream': normalized((g) => `nats-jetstream-${g('stream')}`),
  'new-relic': fixed('new-relic'),
  nsq: normalized((g) => `nsq-${g('topic')}-${g('channel')}`),
  opensearch: (get) => {
    const template = get('searchTemplateName');
    return template ? normalizeString(`opensearch-${template}`) : 'opensearch-query';
  },
  'openstack-metric': normalized((g) => `openstack-metric-${g('metricID')}`),
  'openstack-swift': (get) => {
    const prefix = get('objectPrefix');
    const container = get('containerName') ?? '';
    return normalizeString(`openstack-swift-${prefix ? `${container}-${prefix}` : container}`);
  },
  postgresql: fixed('postgresql'),
  predictkube: fixed('predictkube-predictkube_metric'),
  prometheus: fixed('prometheus'),
  pulsar: normalized((g) => `pulsar-${g('topic')}-${g('subscription')}`),
  rabbitmq: (get) => normalizeString(`rabbitmq-${goQueryEscape(get('queueName') ?? '')}`),
  redis: normalized((g) => `redis-${g('listName')}`),
  'redis-cluster': normalized((g) => `redis-${g('listName')}`),
  'redis-sentinel': normalized((g) => `redis-${g('listName')}`),
  'redis-streams': normalized((g) => `redis-streams-${g('stream')}`),
  'redis-cluster-streams': normalized((g) => `redis-streams-${g('stream')}`),
  'redis-sentinel-streams': normalized((g) => `redis-streams-${g('stream')}`),
  'selenium-grid': (get) =>
    normalizeString(
      ['selenium-grid', get('browserName'), get('browserVersion'), get('platformName')]
        .filter((p) => p)
        .join('-'),
    ),
  'solace-direct-messaging': (get) => {
    const pattern = get('clientNamePattern') ?? '';
    return [
      'aggregatedClientTxByteRateTarget',
      'aggregatedClientAverageTxByteRateTarget',
      'aggregatedClientTxMsgRateTarget',
      'aggregatedClientAverageTxMsgRateTarget',
    ]
      .filter((key) => positiveInt(get(key)))
      .map((key) => normalizeString(`solace-dm-${pattern}-${key}`));
  },
  'solace-event-queue': (get) => {
    const queue = get('queueName') ?? '';
    return (
      [
        ['messageCountTarget', 'msgcount'],
        ['messageSpoolUsageTarget', 'msgspoolusage'],
        ['messageReceiveRateTarget', 'msgrcvrate'],
      ] as const
    )
      .filter(([key]) => positiveInt(get(key)))
      .map(([, suffix]) => normalizeString(`solace-${queue}-${suffix}`));
  },
  solarwinds: fixed('solarwinds'),
  solr: fixed('solr'),
  splunk: normalized((g) => `splunk-${g('savedSearchName')}`),
  'splunk-observability': fixed('signalfx'),
  sumologic: normalized((g) => `sumologic-${g('queryType')}`),
  temporal: (get) => {
    let name = `temporal-${get('namespace') ?? 'default'}-${get('taskQueue') ?? ''}`;
    const deployment = get('workerDeploymentName');
    if (deployment) name = `${name}-${deployment}-${get('workerDeploymentBuildId') ?? ''}`;
    return normalizeString(name);
  },
  external: (_get, _t, index, ctx) => externalNames(index, ctx),
  'external-push': (_get, _t, index, ctx) => externalNames(index, ctx),
  'external-mock': (_get, _t, index, ctx) => externalNames(index, ctx),
};

function externalNames(index: number, ctx: MetricNameContext): string[] {
  const specs = ctx.externalMetricSpecs?.[index];
  if (!specs) throw new Error('the external scaler supplies its metric names (GetMetricSpec); none given');
  return specs.map((s) => s.metricName);
}

/**
 * The metric name(s) a trigger at position `index` produces: `s<index>-<name>` external metrics,
 * or a Resource metric for cpu/memory. Unknown types fail with `no scaler found for type: <type>`.
 */
export function triggerMetricNames(
  trigger: TriggerLike,
  index: number,
  ctx: MetricNameContext = {},
): MetricNamesResult {
  if (trigger.type === 'cpu' || trigger.type === 'memory')
    return { ok: true, kind: 'resource', resource: trigger.type };
  const rule = RULES[trigger.type];
  if (!rule) return { ok: false, error: `no scaler found for type: ${trigger.type}` };
  try {
    const raw = rule((key) => triggerParam(trigger, key, ctx), trigger, index, ctx);
    const names = (Array.isArray(raw) ? raw : [raw]).map((n) => generateMetricNameWithIndex(index, n));
    return { ok: true, kind: 'external', names };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** The single external metric name of a trigger (first one for multi-metric scalers), or `undefined`. */
export function triggerMetricName(
  trigger: TriggerLike,
  index: number,
  ctx: MetricNameContext = {},
): string | undefined {
  const result = triggerMetricNames(trigger, index, ctx);
  return result.ok && result.kind === 'external' ? result.names[0] : undefined;
}

/** Every trigger type KEDA knows (79 on main). */
export const KNOWN_TRIGGER_TYPES: readonly string[] = [...Object.keys(RULES), 'cpu', 'memory'].sort();

import { maskTriggerValue } from '../keda/mask.js';
import { sqsQueueName } from '../keda/metric-names.js';
import type { ScaleTriggers } from '../keda/types.js';

/** Where a trigger's load comes from, as far as its metadata tells. */
export interface EventSource {
  /** Same queue on the same server in two ScaledObjects: one identity, one node. */
  identity: string;
  /** `queue orders`, `topic payments`, `0 8 * * 1-5 → 18:00`, `cpu 60%`. */
  label: string;
  /** The server the source lives on (masked), when the metadata names it. */
  where: string | undefined;
  details: Array<readonly [string, string]>;
}

interface SourceRule {
  /** What is measured: the first key present names it (`queueName` → `queue …`). */
  what: ReadonlyArray<readonly [key: string, noun: string]>;
  /** The server, first key present. */
  where: readonly string[];
  /** More keys worth showing on hover. */
  extra?: readonly string[];
}

const RULES: Readonly<Record<string, SourceRule>> = {
  rabbitmq: { what: [['queueName', 'queue']], where: ['host'], extra: ['vhostName', 'mode', 'protocol'] },
  kafka: {
    what: [
      ['topic', 'topic'],
      ['consumerGroup', 'group'],
    ],
    where: ['bootstrapServers'],
    extra: ['consumerGroup'],
  },
  'apache-kafka': {
    what: [
      ['topic', 'topic'],
      ['consumerGroup', 'group'],
    ],
    where: ['bootstrapServers'],
    extra: ['consumerGroup'],
  },
  'aws-sqs-queue': {
    what: [['queueURL', 'queue']],
    where: ['awsEndpoint', 'awsRegion'],
    extra: ['awsRegion'],
  },
  'aws-kinesis-stream': { what: [['streamName', 'stream']], where: ['awsRegion'] },
  'aws-dynamodb-streams': { what: [['tableName', 'table']], where: ['awsRegion'] },
  prometheus: { what: [['query', 'query']], where: ['serverAddress'], extra: ['namespace', 'customHeaders'] },
  redis: {
    what: [['listName', 'list']],
    where: ['address', 'host', 'addressFromEnv', 'hostFromEnv'],
    extra: ['databaseIndex'],
  },
  'redis-cluster': { what: [['listName', 'list']], where: ['addresses', 'hosts'] },
  'redis-sentinel': { what: [['listName', 'list']], where: ['addresses', 'hosts'] },
  'redis-streams': {
    what: [
      ['stream', 'stream'],
      ['consumerGroup', 'group'],
    ],
    where: ['address', 'host'],
  },
  'azure-servicebus': {
    what: [
      ['queueName', 'queue'],
      ['topicName', 'topic'],
    ],
    where: ['namespace'],
    extra: ['subscriptionName'],
  },
  'azure-queue': { what: [['queueName', 'queue']], where: ['accountName'] },
  'azure-eventhub': {
    what: [['eventHubName', 'event hub']],
    where: ['eventHubNamespace'],
    extra: ['consumerGroup'],
  },
  'gcp-pubsub': {
    what: [
      ['subscriptionName', 'subscription'],
      ['topicName', 'topic'],
    ],
    where: ['projectID'],
  },
  'metrics-api': { what: [['valueLocation', 'value']], where: ['url'] },
  postgresql: { what: [['query', 'query']], where: ['host', 'connectionFromEnv'], extra: ['dbName'] },
  mysql: { what: [['query', 'query']], where: ['host', 'connectionStringFromEnv'], extra: ['dbName'] },
  mssql: { what: [['query', 'query']], where: ['host'], extra: ['database'] },
  mongodb: { what: [['collection', 'collection']], where: ['host'], extra: ['dbName', 'query'] },
  'nats-jetstream': {
    what: [
      ['stream', 'stream'],
      ['consumer', 'consumer'],
    ],
    where: ['natsServerMonitoringEndpoint'],
    extra: ['consumer'],
  },
  stan: { what: [['subject', 'subject']], where: ['natsServerMonitoringEndpoint'], extra: ['durableName'] },
  activemq: { what: [['destinationName', 'queue']], where: ['managementEndpoint'] },
  'artemis-queue': { what: [['queueName', 'queue']], where: ['managementEndpoint'], extra: ['brokerName'] },
  ibmmq: { what: [['queueName', 'queue']], where: ['host'] },
  'gcp-storage': { what: [['bucketName', 'bucket']], where: [] },
  elasticsearch: { what: [['index', 'index']], where: ['addresses'], extra: ['searchTemplateName'] },
  'kubernetes-workload': { what: [['podSelector', 'pods']], where: [] },
  datadog: { what: [['query', 'query']], where: ['datadogSite'] },
  'new-relic': { what: [['nrql', 'NRQL']], where: ['account'] },
  influxdb: { what: [['query', 'query']], where: ['serverURL'] },
  loki: { what: [['query', 'query']], where: ['serverAddress'] },
  graphite: { what: [['query', 'query']], where: ['serverAddress'] },
  pulsar: { what: [['topic', 'topic']], where: ['adminURL'], extra: ['subscription'] },
  beanstalkd: { what: [['tube', 'tube']], where: ['server'] },
  external: { what: [['metricName', 'metric']], where: ['scalerAddress'] },
  'external-push': { what: [['metricName', 'metric']], where: ['scalerAddress'] },
};

/** Keys that name what is measured in scalers without a rule. */
const GENERIC_WHAT = /(queue|topic|stream|list|subscription|table|bucket|index|query)(name|url)?$/i;
const GENERIC_WHERE = /(host|address|server|url|endpoint|namespace|region)$/i;

const MAX_LABEL = 60;
const MAX_DETAILS = 12;

function clip(text: string, max = MAX_LABEL): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function shownValue(metadata: Readonly<Record<string, string>>, key: string): string | undefined {
  const raw = metadata[key];
  if (raw === undefined || raw.trim() === '') return undefined;
  return maskTriggerValue(key, raw.trim());
}

/** `key` or its `FromEnv` variant: `(env RABBIT_HOST)` keeps the node honest about where it is read. */
function valueOrEnv(metadata: Readonly<Record<string, string>>, key: string): string | undefined {
  if (key.endsWith('FromEnv')) {
    const env = shownValue(metadata, key);
    return env === undefined ? undefined : `env ${env}`;
  }
  return (
    shownValue(metadata, key) ??
    (shownValue(metadata, `${key}FromEnv`) !== undefined
      ? `env ${shownValue(metadata, `${key}FromEnv`)}`
      : undefined)
  );
}

/** The host part of a URL-ish server value (`amqp://u:****@rabbit.svc:5672/vhost` → `rabbit.svc:5672`). */
export function serverOf(value: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/?#]+)/i.exec(value);
  return m ? (m[1] as string) : value;
}

function cronLabel(metadata: Readonly<Record<string, string>>): string {
  const start = metadata.start?.trim() ?? '?';
  const end = metadata.end?.trim() ?? '?';
  return `cron ${start} → ${end}`;
}

/**
 * The event source behind a trigger. `namespace`/`owner` make sources that are private to one
 * scaler (cpu, memory, cron) or that cannot be told apart (no server named) unique to it.
 */
export function eventSourceOf(trigger: ScaleTriggers, namespace: string, owner: string): EventSource {
  const metadata = trigger.metadata ?? {};
  const type = trigger.type;
  const details: Array<readonly [string, string]> = [['Trigger type', type]];
  const add = (label: string, value: string | undefined) => {
    if (value !== undefined && !details.some(([l]) => l === label)) details.push([label, value]);
  };

  if (type === 'cpu' || type === 'memory') {
    const value = shownValue(metadata, 'value') ?? '?';
    const utilization = (trigger.metricType ?? 'Utilization') === 'Utilization';
    const container = shownValue(metadata, 'containerName');
    add('Metric type', trigger.metricType ?? 'Utilization');
    add('Target', utilization ? `${value}%` : value);
    add('Container', container);
    return {
      identity: `${type}/${namespace}/${owner}${container ? `/${container}` : ''}`,
      label: `${type} ${utilization ? `${value}%` : value}`,
      where: undefined,
      details,
    };
  }
  if (type === 'cron') {
    add('Timezone', shownValue(metadata, 'timezone'));
    add('Start', shownValue(metadata, 'start'));
    add('End', shownValue(metadata, 'end'));
    add('Desired replicas', shownValue(metadata, 'desiredReplicas'));
    return {
      identity: `cron/${namespace}/${owner}/${cronLabel(metadata)}`,
      label: clip(cronLabel(metadata)),
      where: undefined,
      details,
    };
  }

  const rule = RULES[type];
  let what: [string, string, string] | undefined;
  for (const [key, noun] of rule?.what ?? []) {
    const v = valueOrEnv(metadata, key);
    if (v !== undefined) {
      what = [key, noun, v];
      break;
    }
  }
  if (!what && !rule) {
    const key = Object.keys(metadata)
      .sort()
      .find((k) => GENERIC_WHAT.test(k));
    const v = key ? valueOrEnv(metadata, key) : undefined;
    if (key && v !== undefined) what = [key, key.replace(/(Name|URL|Url)$/, '').toLowerCase(), v];
  }
  let whereKey: string | undefined;
  let where: string | undefined;
  for (const key of rule?.where ??
    Object.keys(metadata)
      .sort()
      .filter((k) => GENERIC_WHERE.test(k))) {
    const v = valueOrEnv(metadata, key);
    if (v !== undefined) {
      whereKey = key;
      where = v;
      break;
    }
  }
  if (type === 'aws-sqs-queue' && what) {
    const raw = shownValue(metadata, 'queueURL');
    const parsed = raw ? sqsQueueName(raw) : undefined;
    if (parsed?.ok) what = ['queue', what[1], parsed.name];
    if (raw && /^[a-z]+:\/\//i.test(raw)) {
      whereKey = 'queueURL';
      where = raw;
    }
  }
  if (what) add(what[0], what[2]);
  if (whereKey && where !== undefined) add(whereKey, where);
  for (const key of rule?.extra ?? []) add(key, shownValue(metadata, key));
  const auth = trigger.authenticationRef;
  if (auth) add('Authentication', `${auth.kind ?? 'TriggerAuthentication'} ${auth.name}`);
  // The rest of the metadata, masked, so hovering tells the whole trigger.
  for (const k of Object.keys(metadata).sort()) {
    if (details.length >= MAX_DETAILS) break;
    add(k, shownValue(metadata, k));
  }

  const label = what ? clip(`${what[1]} ${what[2]}`) : clip(where ? serverOf(where) : type);
  const server = where !== undefined ? serverOf(where) : undefined;
  // Without a named server two equal queue names may be different queues: keep them per namespace.
  const scope = server ?? `ns:${namespace}`;
  const identity = what ? `${type}/${scope}/${what[0]}=${what[2]}` : `${type}/${scope}/${namespace}/${owner}`;
  return { identity, label, where: server, details };
}

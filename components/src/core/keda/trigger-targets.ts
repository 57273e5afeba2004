/**
 * Per trigger type: which metadata key holds the HPA target and which the activation threshold,
 * their defaults, and whether KEDA reads them as integers (`GetMetricTarget`, int64) or floats
 * (`GetMetricTargetMili`, float64). Read from each `pkg/scalers/*_scaler.go` (`keda:"..."` tags,
 * `GetMetricSpecForScaling`, `GetMetricsAndActivity`) of kedacore/keda main @ 8b4f083 and
 * cross-checked with `/work/shared/keda/scalers.json`. Inlined (not imported from the JSON) so the
 * browser bundle stays small.
 */

/** How a target or activation value is required. */
export type ParamDefault =
  /** Required: the scaler fails to build without it. */
  | 'required'
  /** Optional without a default: Go's zero value 0 applies. */
  | 'optional'
  /** A default value. */
  | number;

/** What KEDA reads from a trigger's metadata to build its HPA target and decide activity. */
export interface TriggerTargetInfo {
  /** The trigger type (`triggers[].type`). */
  type: string;
  /**
   * How the HPA metric target is obtained: from metadata (`metadata`), a constant (`fixed`),
   * a rule depending on several keys (`rule`: rabbitmq, redis streams), the external scaler
   * (`external`), or a Resource metric (`resource`: cpu/memory).
   */
  source: 'metadata' | 'fixed' | 'rule' | 'external' | 'resource';
  /** The metadata key(s) holding the target (aliases in KEDA's lookup order). */
  targetKeys: readonly string[];
  /** Default or requirement of the target key. */
  targetDefault: ParamDefault;
  /** The constant target when `source` is `fixed`. */
  fixedTarget?: number;
  /** `int`: parsed as int64 (`10.5` is an error); `float`: parsed as float64. */
  numeric: 'int' | 'float';
  /** The activation threshold key, when the scaler has one. */
  activationKey?: string;
  /** Default or requirement of the activation key. */
  activationDefault: ParamDefault;
  /** How activity is decided: `value > activation` (most), `value >= target` (github-runner), or scaler-specific. */
  activity: 'greater-than-activation' | 'at-least-target' | 'scaler-specific';
  /** Forced metric target type (splunk-observability always uses Value). */
  forcedMetricType?: 'Value' | 'AverageValue';
}

type Row = [
  type: string,
  keys: string,
  targetDefault: ParamDefault,
  numeric: 'int' | 'float',
  activationKey: string | null,
  activationDefault: ParamDefault,
];

// [type, target key(s) ('|' separated aliases), target default, numeric, activation key, activation default]
const METADATA_ROWS: readonly Row[] = [
  ['activemq', 'targetQueueSize', 10, 'int', 'activationTargetQueueSize', 0],
  ['apache-kafka', 'lagThreshold', 10, 'int', 'activationLagThreshold', 0],
  ['arangodb', 'queryValue', 0, 'float', 'activationQueryValue', 0],
  ['artemis-queue', 'queueLength', 10, 'int', 'activationQueueLength', 10],
  ['aws-cloudwatch', 'targetMetricValue', 'required', 'float', 'activationTargetMetricValue', 'optional'],
  ['aws-dynamodb', 'targetValue', -1, 'int', 'activationTargetValue', 0],
  ['aws-dynamodb-streams', 'shardCount', 2, 'int', 'activationShardCount', 0],
  ['aws-kinesis-stream', 'shardCount', 2, 'int', 'activationShardCount', 0],
  ['aws-sqs-queue', 'queueLength', 5, 'int', 'activationQueueLength', 0],
  ['azure-app-insights', 'targetValue', 'optional', 'float', 'activationTargetValue', 0],
  ['azure-blob', 'blobCount', 5, 'int', 'activationBlobCount', 0],
  ['azure-data-explorer', 'threshold', 'required', 'float', 'activationThreshold', 0],
  ['azure-eventhub', 'unprocessedEventThreshold', 64, 'int', 'activationUnprocessedEventThreshold', 0],
  ['azure-log-analytics', 'threshold', 'required', 'float', 'activationThreshold', 0],
  ['azure-monitor', 'targetValue', 'required', 'float', 'activationTargetValue', 0],
  ['azure-pipelines', 'targetPipelinesQueueLength', 1, 'int', 'activationTargetPipelinesQueueLength', 0],
  ['azure-queue', 'queueLength', 5, 'int', 'activationQueueLength', 0],
  ['azure-servicebus', 'messageCount', 5, 'int', 'activationMessageCount', 'optional'],
  ['beanstalkd', 'value', 'required', 'float', 'activationValue', 'optional'],
  ['cassandra', 'targetQueryValue', 'required', 'int', 'activationTargetQueryValue', 0],
  ['clickhouse', 'targetQueryValue', 'required', 'float', 'activationTargetQueryValue', 0],
  ['couchdb', 'queryValue', 'optional', 'int', 'activationQueryValue', 0],
  ['datadog', 'targetValue|queryValue', -1, 'float', 'activationTargetValue', 0],
  ['dynatrace', 'threshold', 'required', 'float', 'activationThreshold', 'optional'],
  ['elastic-forecast', 'targetValue', 'required', 'float', 'activationTargetValue', 0],
  ['elasticsearch', 'targetValue', 'required', 'float', 'activationTargetValue', 0],
  ['etcd', 'value', 'required', 'float', 'activationValue', 0],
  ['gcp-cloudtasks', 'value', 100, 'float', 'activationValue', 0],
  ['gcp-pubsub', 'value', 10, 'float', 'activationValue', 0],
  ['gcp-spanner', 'targetValue', 5, 'float', 'activationValue', 0],
  ['gcp-stackdriver', 'targetValue', 5, 'float', 'activationTargetValue', 0],
  ['gcp-storage', 'targetObjectCount', 100, 'int', 'activationTargetObjectCount', 0],
  ['github-runner', 'targetWorkflowQueueLength', 1, 'int', null, 0],
  ['graphite', 'threshold', 100, 'float', 'activationThreshold', 0],
  ['huawei-cloudeye', 'targetMetricValue', 'required', 'float', 'activationTargetMetricValue', 0],
  ['ibmmq', 'queueDepth', 20, 'int', 'activationQueueDepth', 0],
  ['influxdb', 'thresholdValue', 'optional', 'float', 'activationThresholdValue', 'optional'],
  ['kafka', 'lagThreshold', 10, 'int', 'activationLagThreshold', 0],
  ['kubernetes-resource', 'targetValue', 'required', 'float', 'activationTargetValue', 0],
  ['kubernetes-workload', 'value', 0, 'float', 'activationValue', 0],
  ['liiklus', 'lagThreshold', 10, 'int', 'activationLagThreshold', 0],
  ['loki', 'threshold', 'required', 'float', 'activationThreshold', 0],
  ['metrics-api', 'targetValue', 'optional', 'float', 'activationTargetValue', 0],
  ['mongodb', 'queryValue', 'required', 'float', 'activationQueryValue', 0],
  ['mssql', 'targetValue', 'required', 'float', 'activationTargetValue', 0],
  ['mysql', 'queryValue', 'required', 'float', 'activationQueryValue', 0],
  ['nats-jetstream', 'lagThreshold', 10, 'int', 'activationLagThreshold', 0],
  ['new-relic', 'threshold', 'required', 'float', 'activationThreshold', 0],
  ['nsq', 'depthThreshold', 10, 'int', 'activationDepthThreshold', 0],
  ['opensearch', 'targetValue', 'required', 'float', 'activationTargetValue', 0],
  ['openstack-metric', 'threshold', 'optional', 'float', 'activationThreshold', 'optional'],
  ['openstack-swift', 'objectCount', 2, 'int', 'activationObjectCount', 0],
  ['postgresql', 'targetQueryValue', 'optional', 'float', 'activationTargetQueryValue', 'optional'],
  ['predictkube', 'threshold', 'optional', 'float', 'activationThreshold', 'optional'],
  ['prometheus', 'threshold', 'required', 'float', 'activationThreshold', 'optional'],
  ['pulsar', 'msgBacklogThreshold', 10, 'int', 'activationMsgBacklogThreshold', 0],
  ['redis', 'listLength', 5, 'int', 'activationListLength', 'optional'],
  ['redis-cluster', 'listLength', 5, 'int', 'activationListLength', 'optional'],
  ['redis-sentinel', 'listLength', 5, 'int', 'activationListLength', 'optional'],
  ['solace-direct-messaging', 'aggregatedClientTxByteRateTarget', 0, 'int', null, 0],
  ['solace-event-queue', 'messageCountTarget', 'optional', 'int', 'activationMessageCountTarget', 0],
  ['solarwinds', 'targetValue', 'required', 'float', 'activationValue', 0],
  ['solr', 'targetQueryValue', 'required', 'float', 'activationTargetQueryValue', 0],
  ['splunk', 'targetValue', 'required', 'int', 'activationValue', 'required'],
  ['splunk-observability', 'targetValue', 'required', 'float', 'activationTargetValue', 'required'],
  ['sumologic', 'threshold', 'required', 'float', 'activationThreshold', 0],
  ['temporal', 'targetQueueSize', 5, 'int', 'activationTargetQueueSize', 0],
];

function fromRow([
  type,
  keys,
  targetDefault,
  numeric,
  activationKey,
  activationDefault,
]: Row): TriggerTargetInfo {
  const info: TriggerTargetInfo = {
    type,
    source: 'metadata',
    targetKeys: keys.split('|'),
    targetDefault,
    numeric,
    activationDefault,
    activity: type === 'github-runner' ? 'at-least-target' : 'greater-than-activation',
  };
  if (activationKey) info.activationKey = activationKey;
  if (type === 'splunk-observability') info.forcedMetricType = 'Value';
  if (type === 'solace-direct-messaging' || type === 'solace-event-queue') info.activity = 'scaler-specific';
  return info;
}

const SPECIAL: readonly TriggerTargetInfo[] = [
  // desiredReplicas is the metric VALUE inside the schedule; the target is always 1.
  {
    type: 'cron',
    source: 'fixed',
    targetKeys: [],
    targetDefault: 1,
    fixedTarget: 1,
    numeric: 'int',
    activationDefault: 0,
    activity: 'scaler-specific',
  },
  {
    type: 'forgejo-runner',
    source: 'fixed',
    targetKeys: [],
    targetDefault: 1,
    fixedTarget: 1,
    numeric: 'int',
    activationDefault: 0,
    activity: 'scaler-specific',
  },
  {
    type: 'selenium-grid',
    source: 'fixed',
    targetKeys: [],
    targetDefault: 1,
    fixedTarget: 1,
    numeric: 'int',
    activationKey: 'activationThreshold',
    activationDefault: 'optional',
    activity: 'greater-than-activation',
  },
  // value (mode+value) or the deprecated queueLength; 20 when neither nor mode is given.
  {
    type: 'rabbitmq',
    source: 'rule',
    targetKeys: ['value', 'queueLength'],
    targetDefault: 20,
    numeric: 'float',
    activationKey: 'activationValue',
    activationDefault: 'optional',
    activity: 'greater-than-activation',
  },
  ...['redis-streams', 'redis-cluster-streams', 'redis-sentinel-streams'].map((type): TriggerTargetInfo => ({
    type,
    source: 'rule',
    targetKeys: ['lagCount', 'pendingEntriesCount', 'streamLength'],
    targetDefault: 5,
    numeric: 'int',
    activationKey: 'activationLagCount',
    activationDefault: 0,
    activity: 'greater-than-activation',
  })),
  ...['external', 'external-push', 'external-mock'].map((type): TriggerTargetInfo => ({
    type,
    source: 'external',
    targetKeys: [],
    targetDefault: 'required',
    numeric: 'float',
    activationDefault: 0,
    activity: 'scaler-specific',
  })),
  ...['cpu', 'memory'].map((type): TriggerTargetInfo => ({
    type,
    source: 'resource',
    targetKeys: ['value'],
    targetDefault: 'required',
    numeric: 'int',
    activationDefault: 0,
    activity: 'scaler-specific',
  })),
];

/** Every trigger type's target/activation information, keyed by type. */
export const TRIGGER_TARGETS: ReadonlyMap<string, TriggerTargetInfo> = new Map(
  [...METADATA_ROWS.map(fromRow), ...SPECIAL].map((info) => [info.type, info]),
);

/** The target/activation information of a trigger type, `undefined` for an unknown type. */
export function triggerTargetInfo(type: string): TriggerTargetInfo | undefined {
  return TRIGGER_TARGETS.get(type);
}

/** The numeric value of a default (`required`/`optional` have none besides Go's zero value). */
export function defaultNumber(value: ParamDefault): number | undefined {
  return typeof value === 'number' ? value : value === 'optional' ? 0 : undefined;
}

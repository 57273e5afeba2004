import { test } from 'node:test';
import { readKedaReferenceJson } from '../../../test/keda-reference.js';
import assert from 'node:assert/strict';
import {
  generateMetricNameWithIndex,
  goQueryEscape,
  KNOWN_TRIGGER_TYPES,
  normalizeString,
  parseCronTimeFormat,
  sqsQueueName,
  triggerIndexOfMetricName,
  triggerMetricName,
  triggerMetricNames,
} from './metric-names.js';

const scalersJson = readKedaReferenceJson<{ types: string[] }>('scalers.json');

test('NormalizeString, GenerateMetricNameWithIndex, cron and query escaping', () => {
  assert.equal(normalizeString('a/b.c:d%e(f)g'), 'a-b-c-d-e-f-g');
  assert.equal(generateMetricNameWithIndex(2, 'prometheus'), 's2-prometheus');
  assert.equal(triggerIndexOfMetricName('s12-kafka-x'), 12);
  assert.equal(triggerIndexOfMetricName('composite-metric'), undefined);
  assert.equal(parseCronTimeFormat('0 6 * * 1-5'), '06xx1-5');
  assert.equal(parseCronTimeFormat('*/5 * ? * 1,3'), 'xSl5xQmx1Cm3');
  assert.equal(goQueryEscape('orders queue/é&x~y'), 'orders+queue%2F%C3%A9%26x~y');
});

test('SQS queue name from the queue URL', () => {
  assert.deepEqual(sqsQueueName('https://sqs.eu-west-1.amazonaws.com/123456789012/orders'), {
    ok: true,
    name: 'orders',
  });
  assert.deepEqual(sqsQueueName('orders'), { ok: true, name: 'orders' });
  assert.deepEqual(sqsQueueName('https://sqs.eu-west-1.amazonaws.com/orders'), {
    ok: false,
    error: 'cannot get queueName from queueURL',
  });
});

test('metric names per trigger type, like KEDA', () => {
  type Case = [string, Record<string, string>, string, number?];
  const cases: Case[] = [
    ['rabbitmq', { queueName: 'hello' }, 's0-rabbitmq-hello'],
    ['rabbitmq', { queueName: 'orders.v1 eu' }, 's0-rabbitmq-orders-v1+eu'],
    ['rabbitmq', { queueName: 'a/b' }, 's1-rabbitmq-a-2Fb', 1],
    ['kafka', { topic: 'orders', consumerGroup: 'g' }, 's0-kafka-orders'],
    ['kafka', { consumerGroup: 'billing' }, 's0-kafka-billing-topics'],
    ['apache-kafka', { topic: 'a, b', consumerGroup: 'g' }, 's0-kafka-a,b'],
    ['apache-kafka', { consumerGroup: 'g' }, 's0-kafka-g-topics'],
    ['prometheus', { serverAddress: 'http://p:9090', threshold: '5', query: 'x' }, 's0-prometheus'],
    [
      'cron',
      { timezone: 'Asia/Kolkata', start: '0 6 * * *', end: '0 20 * * *', desiredReplicas: '10' },
      's0-cron-Asia-Kolkata-06xxx-020xxx',
    ],
    [
      'cron',
      { timezone: 'Asia/Kolkata', start: '00 * * * Thu', end: '59 23 * * Thu', desiredReplicas: '2' },
      's0-cron-Asia-Kolkata-00xxxThu-5923xxThu',
    ],
    [
      'aws-sqs-queue',
      { queueURL: 'https://sqs.us-east-1.amazonaws.com/1234/my.queue', awsRegion: 'us-east-1' },
      's0-aws-sqs-my-queue',
    ],
    ['azure-servicebus', { queueName: 'jobs' }, 's0-azure-servicebus-jobs'],
    ['azure-servicebus', { topicName: 't', subscriptionName: 's' }, 's0-azure-servicebus-t'],
    ['azure-servicebus', { queueName: 'j.*', useRegex: 'true' }, 's0-azure-servicebus-queue-regex'],
    ['azure-queue', { queueName: 'q1' }, 's0-azure-queue-q1'],
    ['azure-eventhub', {}, 's0-azure-eventhub-$Default'],
    ['azure-eventhub', { consumerGroup: 'cg' }, 's0-azure-eventhub-cg'],
    ['redis', { listName: 'jobs', address: 'r:6379' }, 's0-redis-jobs'],
    ['redis-cluster', { listName: 'jobs' }, 's0-redis-jobs'],
    ['redis-sentinel', { listName: 'jobs' }, 's0-redis-jobs'],
    ['redis-streams', { stream: 'events' }, 's0-redis-streams-events'],
    ['redis-cluster-streams', { stream: 'events' }, 's0-redis-streams-events'],
    ['postgresql', { query: 'select 1', targetQueryValue: '1' }, 's0-postgresql'],
    ['mysql', { dbName: 'stats_db', query: 'q', queryValue: '1' }, 's0-mysql-stats_db'],
    ['mssql', {}, 's0-mssql'],
    ['mongodb', { collection: 'jobs' }, 's0-mongodb-jobs'],
    [
      'gcp-pubsub',
      { subscriptionName: 'projects/p/subscriptions/s' },
      's0-gcp-ps-projects-p-subscriptions-s',
    ],
    ['gcp-pubsub', { topicName: 'orders' }, 's0-gcp-ps-orders'],
    ['nats-jetstream', { stream: 'mystream' }, 's0-nats-jetstream-mystream'],
    ['metrics-api', { valueLocation: 'components.worker.tasks' }, 's0-metric-api-components-worker-tasks'],
    ['temporal', { taskQueue: 'workflows' }, 's0-temporal-default-workflows'],
    [
      'temporal',
      { namespace: 'prod', taskQueue: 'q', workerDeploymentName: 'd', workerDeploymentBuildId: 'v1.2' },
      's0-temporal-prod-q-d-v1-2',
    ],
    ['couchdb', { dbName: 'animals' }, 's0-coucdb-animals'],
    ['selenium-grid', { browserName: 'chrome', browserVersion: '91.0' }, 's0-selenium-grid-chrome-91-0'],
    ['splunk-observability', {}, 's0-signalfx'],
    ['elasticsearch', {}, 's0-elasticsearch-query'],
  ];
  for (const [type, metadata, expected, index] of cases) {
    assert.equal(
      triggerMetricName({ type, metadata }, index ?? 0),
      expected,
      `${type} ${JSON.stringify(metadata)}`,
    );
  }
});

test('context-dependent names: mysql connection string, kubernetes-workload namespace, auth params, external', () => {
  assert.equal(
    triggerMetricName({ type: 'mysql', metadata: { query: 'q' } }, 0, {
      authParams: { connectionString: 'user:pw@tcp(db:3306)/orders' },
    }),
    's0-mysql-orders',
  );
  assert.equal(
    triggerMetricName({ type: 'kubernetes-workload', metadata: { podSelector: 'app=x' } }, 3, {
      namespace: 'prod',
    }),
    's3-workload-prod',
  );
  assert.deepEqual(
    triggerMetricNames({ type: 'external', metadata: { scalerAddress: 'x:6000' } }, 1, {
      externalMetricSpecs: {
        1: [
          { metricName: 'queue-a', targetSize: 3 },
          { metricName: 'queue-b', targetSize: 1 },
        ],
      },
    }),
    { ok: true, kind: 'external', names: ['s1-queue-a', 's1-queue-b'] },
  );
  assert.equal(triggerMetricNames({ type: 'external', metadata: {} }, 0).ok, false);
});

test('cpu/memory are resource metrics; unknown types fail like KEDA', () => {
  assert.deepEqual(triggerMetricNames({ type: 'cpu', metadata: { value: '50' } }, 0), {
    ok: true,
    kind: 'resource',
    resource: 'cpu',
  });
  assert.deepEqual(triggerMetricNames({ type: 'stan', metadata: {} }, 0), {
    ok: false,
    error: 'no scaler found for type: stan',
  });
  assert.deepEqual(triggerMetricNames({ type: 'azure-servicebus', metadata: {} }, 0), {
    ok: false,
    error: 'no service bus entity type set',
  });
});

test('every trigger type in scalers.json is known, and names match metricNameExample where one is given', () => {
  const known = new Set(KNOWN_TRIGGER_TYPES);
  assert.deepEqual([...known].sort(), [...scalersJson.types].sort());
  for (const type of scalersJson.types) {
    const result = triggerMetricNames({ type, metadata: {} }, 0, {
      externalMetricSpecs: { 0: [{ metricName: 'm', targetSize: 1 }] },
    });
    if (type === 'aws-sqs-queue' || type === 'azure-servicebus') continue;
    assert.ok(result.ok, `${type}: ${result.ok ? '' : result.error}`);
    if (result.ok && result.kind === 'external') {
      for (const name of result.names) assert.match(name, /^s0-/, type);
    }
  }
});

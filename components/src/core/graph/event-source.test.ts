import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventSourceOf, serverOf } from './event-source.js';

const cases: Array<{
  name: string;
  type: string;
  metadata: Record<string, string>;
  metricType?: 'Utilization' | 'AverageValue';
  label: string;
  where: string | undefined;
  identity: string;
}> = [
  {
    name: 'rabbitmq queue and host, password masked',
    type: 'rabbitmq',
    metadata: { queueName: 'orders', host: 'amqp://u:p4ss@rabbit:5672/vh' },
    label: 'queue orders',
    where: 'rabbit:5672',
    identity: 'rabbitmq/rabbit:5672/queueName=orders',
  },
  {
    name: 'rabbitmq host from env',
    type: 'rabbitmq',
    metadata: { queueName: 'orders', hostFromEnv: 'RABBIT_URL' },
    label: 'queue orders',
    where: 'env RABBIT_URL',
    identity: 'rabbitmq/env RABBIT_URL/queueName=orders',
  },
  {
    name: 'rabbitmq host in a TriggerAuthentication: scoped to the namespace',
    type: 'rabbitmq',
    metadata: { queueName: 'orders' },
    label: 'queue orders',
    where: undefined,
    identity: 'rabbitmq/ns:shop/queueName=orders',
  },
  {
    name: 'kafka topic',
    type: 'kafka',
    metadata: { bootstrapServers: 'k1:9092,k2:9092', topic: 'clicks', consumerGroup: 'g' },
    label: 'topic clicks',
    where: 'k1:9092,k2:9092',
    identity: 'kafka/k1:9092,k2:9092/topic=clicks',
  },
  {
    name: 'kafka without topic names the consumer group',
    type: 'kafka',
    metadata: { bootstrapServers: 'k:9092', consumerGroup: 'g' },
    label: 'group g',
    where: 'k:9092',
    identity: 'kafka/k:9092/consumerGroup=g',
  },
  {
    name: 'SQS queue URL',
    type: 'aws-sqs-queue',
    metadata: { queueURL: 'https://sqs.us-east-1.amazonaws.com/1/jobs', awsRegion: 'us-east-1' },
    label: 'queue jobs',
    where: 'sqs.us-east-1.amazonaws.com',
    identity: 'aws-sqs-queue/sqs.us-east-1.amazonaws.com/queue=jobs',
  },
  {
    name: 'prometheus server and query',
    type: 'prometheus',
    metadata: { serverAddress: 'http://prom:9090', query: 'sum(up)', threshold: '1' },
    label: 'query sum(up)',
    where: 'prom:9090',
    identity: 'prometheus/prom:9090/query=sum(up)',
  },
  {
    name: 'cron schedule, private to its scaler',
    type: 'cron',
    metadata: { timezone: 'Europe/Paris', start: '0 8 * * *', end: '0 18 * * *', desiredReplicas: '5' },
    label: 'cron 0 8 * * * → 0 18 * * *',
    where: undefined,
    identity: 'cron/shop/web/cron 0 8 * * * → 0 18 * * *',
  },
  {
    name: 'cpu utilisation',
    type: 'cpu',
    metadata: { value: '60' },
    metricType: 'Utilization',
    label: 'cpu 60%',
    where: undefined,
    identity: 'cpu/shop/web',
  },
  {
    name: 'memory average value',
    type: 'memory',
    metadata: { value: '512Mi' },
    metricType: 'AverageValue',
    label: 'memory 512Mi',
    where: undefined,
    identity: 'memory/shop/web',
  },
  {
    name: 'unknown scaler: generic queue-ish key',
    type: 'acme-queue',
    metadata: { endpoint: 'https://acme.io', queueName: 'q1' },
    label: 'queue q1',
    where: 'acme.io',
    identity: 'acme-queue/acme.io/queueName=q1',
  },
];

for (const c of cases) {
  test(`event source: ${c.name}`, () => {
    const s = eventSourceOf(
      { type: c.type, metadata: c.metadata, ...(c.metricType ? { metricType: c.metricType } : {}) },
      'shop',
      'web',
    );
    assert.deepEqual(
      { label: s.label, where: s.where, identity: s.identity },
      {
        label: c.label,
        where: c.where,
        identity: c.identity,
      },
    );
    assert.ok(!JSON.stringify(s).includes('p4ss'), 'credentials masked');
  });
}

test('details show masked credentials, never the value', () => {
  const s = eventSourceOf(
    { type: 'redis', metadata: { address: 'redis:6379', listName: 'jobs', password: 'hunter2' } },
    'ns',
    'o',
  );
  assert.deepEqual(
    s.details.find(([k]) => k === 'password'),
    ['password', '****'],
  );
  assert.equal(s.label, 'list jobs');
});

test('long queries are clipped in the label, whole in the details', () => {
  const query = `sum(rate(${'x'.repeat(100)}[1m]))`;
  const s = eventSourceOf(
    { type: 'prometheus', metadata: { serverAddress: 'http://p:9090', query } },
    'n',
    'o',
  );
  assert.ok(s.label.length <= 60 && s.label.endsWith('…'));
  assert.deepEqual(
    s.details.find(([k]) => k === 'query'),
    ['query', query],
  );
});

const servers: Array<[string, string]> = [
  ['amqp://u:****@rabbit:5672/vhost', 'rabbit:5672'],
  ['http://prom.monitoring:9090/prometheus', 'prom.monitoring:9090'],
  ['kafka:9092', 'kafka:9092'],
];
for (const [value, expected] of servers)
  test(`serverOf ${value}`, () => assert.equal(serverOf(value), expected));

// The metric names of the scalers whose names depend on which parameters are set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sqsQueueName, triggerMetricName, triggerMetricNames } from './metric-names.js';

const name = (type: string, metadata: Record<string, string>) => triggerMetricName({ type, metadata }, 0);

test('SQS: a path-only URL, a URL with a query, and what is not a queue URL', () => {
  assert.deepEqual(sqsQueueName('/123456789/orders?x=1'), { ok: true, name: 'orders' });
  assert.deepEqual(sqsQueueName('/orders'), { ok: false, error: 'cannot get queueName from queueURL' });
  assert.deepEqual(sqsQueueName('https://sqs.eu-west-1.amazonaws.com/123/'), {
    ok: false,
    error: 'cannot get queueName from queueURL',
  });
  assert.deepEqual(
    sqsQueueName('urn:opaque'),
    { ok: true, name: 'urn:opaque' },
    'not a path: the text itself',
  );
  assert.deepEqual(sqsQueueName('arn:/1/q'), { ok: true, name: 'q' });
  assert.deepEqual(sqsQueueName('orders'), { ok: true, name: 'orders' });
  assert.deepEqual(triggerMetricNames({ type: 'aws-sqs-queue', metadata: { queueURL: '/only' } }, 0), {
    ok: false,
    error: 'cannot get queueName from queueURL',
  });
});

test('names that depend on which parameters are set', () => {
  assert.equal(name('azure-servicebus', { topicName: 'events' }), 's0-azure-servicebus-events');
  assert.equal(
    name('azure-servicebus', { queueName: 'q', useRegex: 'true' }),
    's0-azure-servicebus-queue-regex',
  );
  assert.equal(
    name('azure-servicebus', { topicName: 't', useRegex: 'T' }),
    's0-azure-servicebus-topic-regex',
  );
  assert.equal(name('azure-servicebus', { queueName: 'q', useRegex: 'yes' }), 's0-azure-servicebus-q');
  assert.deepEqual(triggerMetricNames({ type: 'azure-servicebus', metadata: {} }, 0), {
    ok: false,
    error: 'no service bus entity type set',
  });
  assert.equal(name('datadog', { query: 'sum:requests{env:prod}' }), 's0-datadog-sum-requests');
  assert.equal(name('datadog', { datadogMetricName: 'orders' }), 's0-datadog-orders');
  assert.equal(name('datadog', {}), 's0-datadog-');
  assert.equal(name('elasticsearch', { searchTemplateName: 'my-template' }), 's0-elasticsearch-my-template');
  assert.equal(name('elasticsearch', {}), 's0-elasticsearch-query');
  assert.equal(name('opensearch', { searchTemplateName: 't' }), 's0-opensearch-t');
  assert.equal(name('opensearch', {}), 's0-opensearch-query');
  assert.equal(name('ibmmq', { queueNames: 'a, b' }), 's0-ibmmq-a');
  assert.equal(name('ibmmq', {}), 's0-ibmmq-');
  assert.equal(name('influxdb', { influxVersion: '3', database: 'metrics' }), 's0-influxdb-metrics');
  assert.equal(name('influxdb', { influxVersion: '3' }), 's0-influxdb-');
  assert.equal(name('influxdb', { organizationName: 'acme' }), 's0-influxdb-acme');
  assert.equal(name('mysql', { connectionString: 'user:pw@tcp(db:3306)/orders' }), 's0-mysql-orders');
  assert.equal(name('mysql', { dbName: 'shop' }), 's0-mysql-shop');
  assert.equal(name('mysql', {}), 's0-mysql-');
  assert.equal(
    name('openstack-swift', { containerName: 'c', objectPrefix: 'logs/' }),
    's0-openstack-swift-c-logs-',
  );
  assert.equal(name('openstack-swift', { containerName: 'c' }), 's0-openstack-swift-c');
  assert.equal(name('temporal', { taskQueue: 'q' }), 's0-temporal-default-q');
  assert.equal(
    name('temporal', {
      namespace: 'n',
      taskQueue: 'q',
      workerDeploymentName: 'd',
      workerDeploymentBuildId: 'b1',
    }),
    's0-temporal-n-q-d-b1',
  );
  assert.equal(name('temporal', { taskQueue: 'q', workerDeploymentName: 'd' }), 's0-temporal-default-q-d-');
});

test('solace: one metric per target set to a positive whole number', () => {
  assert.deepEqual(
    triggerMetricNames(
      {
        type: 'solace-event-queue',
        metadata: {
          queueName: 'q',
          messageCountTarget: '10',
          messageSpoolUsageTarget: '0',
          messageReceiveRateTarget: 'x',
        },
      },
      1,
    ),
    { ok: true, kind: 'external', names: ['s1-solace-q-msgcount'] },
  );
  assert.deepEqual(
    triggerMetricNames(
      {
        type: 'solace-direct-messaging',
        metadata: {
          clientNamePattern: 'app',
          aggregatedClientTxMsgRateTarget: '5',
          aggregatedClientTxByteRateTarget: '-1',
        },
      },
      0,
    ),
    { ok: true, kind: 'external', names: ['s0-solace-dm-app-aggregatedClientTxMsgRateTarget'] },
  );
  assert.equal(
    triggerMetricName({ type: 'cpu', metadata: {} }, 0),
    undefined,
    'resource triggers have no external name',
  );
});

import { test } from 'node:test';
import { readKedaReferenceJson } from '../../../test/keda-reference.js';
import assert from 'node:assert/strict';
import { defaultActivationThreshold, kedaHpaMetricSpecs, triggerActivation } from './hpa-metric-specs.js';
import { TRIGGER_TARGETS } from './trigger-targets.js';
import type { TriggerLike } from './trigger-params.js';

const scalersJson = readKedaReferenceJson<{
  scalers: Array<{
    type: string;
    metadata: Array<{ name: string; default?: string | null; required: boolean }>;
  }>;
}>('scalers.json');

const selector = (so: string) => ({ matchLabels: { 'scaledobject.keda.sh/name': so } });

function specs(triggers: TriggerLike[], extra: Record<string, unknown> = {}) {
  return kedaHpaMetricSpecs({ name: 'so', spec: { triggers, ...extra } }, { namespace: 'default' });
}

test('external targets from each trigger type target key, Quantity formatted like KEDA', () => {
  type Case = [TriggerLike, { type: string; value: string }];
  const cases: Case[] = [
    [
      { type: 'rabbitmq', metadata: { queueName: 'q', mode: 'QueueLength', value: '20' } },
      { type: 'averageValue', value: '20' },
    ],
    [
      { type: 'rabbitmq', metadata: { queueName: 'q', queueLength: '7' } },
      { type: 'averageValue', value: '7' },
    ],
    [
      { type: 'rabbitmq', metadata: { queueName: 'q' } },
      { type: 'averageValue', value: '20' },
    ],
    [
      { type: 'rabbitmq', metadata: { queueName: 'q', mode: 'MessageRate', value: '2.5' } },
      { type: 'averageValue', value: '2.500' },
    ],
    [
      { type: 'kafka', metadata: { topic: 't', consumerGroup: 'g' } },
      { type: 'averageValue', value: '10' },
    ],
    [
      { type: 'kafka', metadata: { topic: 't', consumerGroup: 'g', lagThreshold: '1000' } },
      { type: 'averageValue', value: '1k' },
    ],
    [
      { type: 'prometheus', metadata: { threshold: '0.5', query: 'q', serverAddress: 's' } },
      { type: 'averageValue', value: '500m' },
    ],
    [
      { type: 'prometheus', metricType: 'Value', metadata: { threshold: '100' } },
      { type: 'value', value: '100' },
    ],
    [
      { type: 'aws-sqs-queue', metadata: { queueURL: 'q' } },
      { type: 'averageValue', value: '5' },
    ],
    [
      {
        type: 'cron',
        metadata: { timezone: 'UTC', start: '0 * * * *', end: '30 * * * *', desiredReplicas: '10' },
      },
      { type: 'averageValue', value: '1' },
    ],
    [
      { type: 'azure-servicebus', metadata: { queueName: 'q', messageCount: '3' } },
      { type: 'averageValue', value: '3' },
    ],
    [
      { type: 'redis-streams', metadata: { stream: 's' } },
      { type: 'averageValue', value: '5' },
    ],
    [
      { type: 'redis-streams', metadata: { stream: 's', consumerGroup: 'g', pendingEntriesCount: '9' } },
      { type: 'averageValue', value: '9' },
    ],
    [
      { type: 'redis-streams', metadata: { stream: 's', consumerGroup: 'g', lagCount: '4' } },
      { type: 'averageValue', value: '4' },
    ],
    [
      { type: 'splunk-observability', metadata: { targetValue: '3', activationTargetValue: '1' } },
      { type: 'value', value: '3' },
    ],
    [
      { type: 'metrics-api', metadata: { valueLocation: 'a.b', targetValue: '12.345' } },
      { type: 'averageValue', value: '12.345' },
    ],
  ];
  for (const [trigger, expected] of cases) {
    const result = specs([trigger]);
    assert.ok(result.ok, `${trigger.type}: ${result.ok ? '' : result.error}`);
    const target = result.metrics[0]?.external?.target;
    assert.equal(
      target?.[expected.type as 'value' | 'averageValue'],
      expected.value,
      `${trigger.type} ${JSON.stringify(trigger.metadata)}`,
    );
  }
});

test('cpu/memory become Resource / ContainerResource metrics and sort after External', () => {
  const result = specs([
    { type: 'cpu', metricType: 'Utilization', metadata: { value: '60' } },
    { type: 'rabbitmq', metadata: { queueName: 'hello' } },
    { type: 'memory', metricType: 'AverageValue', metadata: { value: '512Mi', containerName: 'app' } },
  ]);
  assert.ok(result.ok);
  assert.deepEqual(result.metrics, [
    {
      type: 'ContainerResource',
      containerResource: {
        name: 'memory',
        container: 'app',
        target: { type: 'AverageValue', averageValue: '512Mi' },
      },
    },
    {
      type: 'External',
      external: {
        metric: { name: 's1-rabbitmq-hello', selector: selector('so') },
        target: { type: 'AverageValue', averageValue: '20' },
      },
    },
    { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } },
  ]);
  assert.deepEqual(result.externalMetricNames, ['s1-rabbitmq-hello']);
  assert.deepEqual(result.resourceMetricNames, ['cpu']);
});

test("KEDA's errors", () => {
  const cases: Array<[TriggerLike[], RegExp]> = [
    [
      [
        { type: 'prometheus', metadata: { threshold: '1' } },
        { type: 'prometheus', metadata: { threshold: '2' } },
      ],
      /^$/, // different indexes: no clash
    ],
    [
      [{ type: 'cpu', metadata: { value: '50' } }],
      /unknown metric type: , allowed values are 'Utilization' or 'AverageValue'/,
    ],
    [[{ type: 'cpu', metadata: { type: 'Utilization', value: '50' } }], /DEPRECATED and is removed in v2.18/],
    [
      [{ type: 'kafka', metricType: 'Utilization', metadata: { topic: 't' } }],
      /'Utilization' metric type is unsupported/,
    ],
    [
      [{ type: 'kafka', metadata: { topic: 't', lagThreshold: '10.5' } }],
      /cannot unmarshal number 10.5 into Go value of type int64/,
    ],
    [[{ type: 'prometheus', metadata: {} }], /missing required parameter "threshold"/],
    [
      [{ type: 'prometheus', metadata: { threshold: 'ten' } }],
      /invalid character 't' looking for beginning of value/,
    ],
    [[{ type: 'rabbitmq', metadata: { queueName: 'q', value: '5' } }], /^mode must be specified$/],
    [
      [{ type: 'rabbitmq', metadata: { queueName: 'q', queueLength: '5', mode: 'QueueLength' } }],
      /queueLength is deprecated/,
    ],
    [[{ type: 'nope', metadata: {} }], /no scaler found for type: nope/],
    [[{ type: 'aws-dynamodb', metadata: { tableName: 't' } }], /no targetValue given/],
  ];
  for (const [triggers, error] of cases) {
    const result = specs(triggers);
    if (error.source === '^$') assert.ok(result.ok);
    else
      assert.ok(
        !result.ok && error.test(result.error),
        `${JSON.stringify(triggers)} -> ${JSON.stringify(result)}`,
      );
  }
});

test('duplicate external metric names are rejected with KEDA message', () => {
  const result = specs([{ type: 'external', metadata: { scalerAddress: 'x' } }]);
  assert.ok(!result.ok);
  const dup = kedaHpaMetricSpecs(
    { name: 'orders', spec: { triggers: [{ type: 'external', metadata: { scalerAddress: 'x' } }] } },
    {
      externalMetricSpecs: {
        0: [
          { metricName: 'a', targetSize: 1 },
          { metricName: 'a', targetSize: 2 },
        ],
      },
    },
  );
  assert.deepEqual(dup, {
    ok: false,
    error: 'metricName s0-a defined multiple times in ScaledObject orders',
  });
});

test('scalingModifiers replace external metrics by composite-metric after Resource metrics', () => {
  const result = specs(
    [
      { type: 'kafka', name: 'kafka', metadata: { topic: 't' } },
      { type: 'cpu', metricType: 'Utilization', metadata: { value: '50' } },
      { type: 'memory', metricType: 'Utilization', metadata: { value: '50', containerName: 'c' } },
    ],
    { advanced: { scalingModifiers: { formula: 'kafka * 2', target: '1.005', metricType: 'Value' } } },
  );
  assert.ok(result.ok);
  assert.equal(result.compositeScalerName, 'composite-metric');
  assert.deepEqual(result.metrics, [
    { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } },
    // int64(1.005*1000) = 1004 in Go (float truncation)
    {
      type: 'External',
      external: {
        metric: { name: 'composite-metric', selector: selector('so') },
        target: { type: 'Value', value: '1004m' },
      },
    },
  ]);
  assert.deepEqual(result.externalMetricNames, ['s0-kafka-t']);
});

test('activation thresholds and defaults', () => {
  assert.deepEqual(triggerActivation({ type: 'kafka', metadata: {} }), {
    key: 'activationLagThreshold',
    value: 0,
    isDefault: true,
  });
  assert.deepEqual(triggerActivation({ type: 'rabbitmq', metadata: { activationValue: '3.5' } }), {
    key: 'activationValue',
    value: 3.5,
    isDefault: false,
  });
  assert.deepEqual(triggerActivation({ type: 'artemis-queue', metadata: {} }), {
    key: 'activationQueueLength',
    value: 10,
    isDefault: true,
  });
  assert.equal(defaultActivationThreshold('prometheus'), 0);
  assert.equal(defaultActivationThreshold('splunk'), undefined);
  const result = specs([{ type: 'prometheus', metadata: { threshold: '3', activationThreshold: '1' } }]);
  assert.ok(result.ok);
  assert.equal(result.triggers[0]?.activationThreshold, 1);
  assert.equal(result.triggers[0]?.targetKey, 'threshold');
});

test('the target/activation table agrees with scalers.json keys and defaults', () => {
  for (const scaler of scalersJson.scalers) {
    const info = TRIGGER_TARGETS.get(scaler.type);
    assert.ok(info, `${scaler.type} missing`);
    const byName = new Map(scaler.metadata.map((m) => [m.name, m]));
    if (info.source === 'metadata' || info.source === 'rule') {
      for (const key of info.targetKeys) {
        if (key === 'queryValue' && scaler.type === 'datadog') continue; // alias of targetValue
        assert.ok(byName.has(key), `${scaler.type}: target key ${key} not in scalers.json`);
      }
      const main = byName.get(info.targetKeys[0] as string);
      if (info.source === 'metadata' && main?.default !== null && main?.default !== undefined) {
        assert.equal(Number(main.default), info.targetDefault, `${scaler.type} target default`);
      }
    }
    if (info.activationKey) {
      const act = byName.get(info.activationKey);
      assert.ok(act, `${scaler.type}: activation key ${info.activationKey} not in scalers.json`);
      if (act.default !== null && act.default !== undefined)
        assert.equal(Number(act.default), info.activationDefault, `${scaler.type} activation default`);
    }
  }
});

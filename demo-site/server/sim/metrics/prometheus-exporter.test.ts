// KEDA's and kube-state-metrics' Prometheus endpoints of the simulated cluster: the text format,
// the label names KEDA uses, values following the orders story, and no load on the sources.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HorizontalPodAutoscalerResource } from '../../../../components/src/core/kube/resource.ts';
import { call, startCluster, type Running } from '../test-helpers.ts';
import { escapeLabelValue, formatSampleValue, renderExposition } from './exposition.ts';
import { KEDA_OPERATOR_METRICS_PATH, KUBE_STATE_METRICS_PATH, scalerLabel } from './prometheus-exporter.ts';

describe('Prometheus text exposition', () => {
  test('HELP, TYPE, sorted and escaped labels, Go float formatting; empty families left out', () => {
    const text = renderExposition([
      {
        name: 'x_total',
        help: 'A "help"\nline \\ two',
        type: 'counter',
        series: [{ labels: { z: '1', a: 'q"u\\o\nte' }, value: 3 }],
      },
      { name: 'empty', help: 'none', type: 'gauge', series: [] },
      { name: 'bare', help: 'no labels', type: 'gauge', series: [{ labels: {}, value: 0.5 }] },
    ]);
    assert.equal(
      text,
      [
        '# HELP x_total A "help"\\nline \\\\ two',
        '# TYPE x_total counter',
        'x_total{a="q\\"u\\\\o\\nte",z="1"} 3',
        '# HELP bare no labels',
        '# TYPE bare gauge',
        'bare 0.5',
        '',
      ].join('\n'),
    );
    assert.equal(renderExposition([]), '');
  });

  const values: Array<[number, string]> = [
    [267, '267'],
    [53.4, '53.4'],
    [0, '0'],
    [-2, '-2'],
    [1e21, '1e+21'],
    [0.00001, '1e-05'],
    [NaN, 'NaN'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
  ];
  for (const [v, expected] of values)
    test(`value ${v} -> ${expected}`, () => assert.equal(formatSampleValue(v), expected));

  test('label escaping', () => assert.equal(escapeLabelValue('a\\b"c\nd'), 'a\\\\b\\"c\\nd'));

  test('scaler label: the trigger name, else the Go type of the scaler', () => {
    assert.equal(scalerLabel({ type: 'rabbitmq' }), 'rabbitMQScaler');
    assert.equal(scalerLabel({ type: 'rabbitmq', name: 'orders' }), 'orders');
    assert.equal(scalerLabel({ type: 'azure-blob' }), 'azureBlobScaler');
  });
});

/** Parses an exposition into `name{labels}` → value (labels as written). */
function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}

describe('the simulated cluster serves KEDA and kube-state-metrics expositions', () => {
  let sim: Running;
  const get = (path: string) =>
    call(sim.url, path, { token: sim.cluster.adminToken, ...(sim.caPem ? { caPem: sim.caPem } : {}) });
  const ORDERS =
    'keda_scaler_metrics_value{metric="s0-rabbitmq-orders",namespace="orders",scaledObject="orders-processor",scaler="rabbitMQScaler",triggerIndex="0",type="scaledobject"}';

  before(async () => {
    sim = await startCluster({ seed: 7, steppedClock: true });
  });
  after(async () => {
    await sim.cluster.close();
  });

  test('through the service proxy paths, behind the API server authentication', async () => {
    const keda = await get(KEDA_OPERATOR_METRICS_PATH);
    assert.equal(keda.status, 200);
    assert.equal(keda.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8');
    assert.match(keda.text, /^# HELP keda_scaler_metrics_value /m);
    assert.match(keda.text, /^# TYPE keda_scaler_metrics_value gauge$/m);
    const ksm = await get(KUBE_STATE_METRICS_PATH);
    assert.equal(ksm.status, 200);
    assert.match(ksm.text, /^# TYPE kube_horizontalpodautoscaler_status_current_replicas gauge$/m);
    assert.equal(
      (await call(sim.url, KEDA_OPERATOR_METRICS_PATH, sim.caPem ? { caPem: sim.caPem } : {})).status,
      401,
    );
    assert.equal(
      (await get('/api/v1/namespaces/keda/services/keda-operator:9666/proxy/metrics')).status,
      404,
      'only the metrics port',
    );
  });

  test('values follow the orders story; the HPA gauges match the HPA; a paused object has no scaler series', async () => {
    let text = '';
    // Step until the burst is in the queue and the HPA has scaled past one replica.
    for (let waited = 0; waited < 2400; waited += 5) {
      text = (await get(KEDA_OPERATOR_METRICS_PATH)).text;
      if ((samples(text).get(ORDERS) ?? 0) >= 200) break;
      await sim.cluster.clock.step(5_000);
    }
    const keda = samples(text);
    const value = keda.get(ORDERS);
    assert.ok(value !== undefined && value >= 200, `orders queue value: ${value}`);
    assert.equal(keda.get(ORDERS.replace('keda_scaler_metrics_value', 'keda_scaler_active')), 1);
    assert.equal(
      keda.get('keda_scaled_object_paused{namespace="orders",scaledObject="orders-processor"}'),
      0,
    );
    assert.equal(
      keda.get('keda_scaled_object_paused{namespace="payments",scaledObject="payments-reconciler"}'),
      1,
    );
    assert.ok(
      ![...keda.keys()].some(
        (k) => k.startsWith('keda_scaler_metrics_value') && k.includes('payments-reconciler'),
      ),
      'the paused loop exports no value',
    );
    assert.ok(
      [...keda.keys()].some(
        (k) => k.includes('type="scaledjob"') && k.includes('scaledObject="order-exporter"'),
      ),
      'ScaledJobs too, labelled as KEDA does',
    );
    assert.ok(
      ![...keda.keys()].some(
        (k) => k.includes('scaledObject="fraud-scorer"') && k.startsWith('keda_scaler_metrics_value'),
      ),
      'a failing scaler has no value',
    );

    const hpa = await sim.cluster.client.get<{
      metadata: { name?: string };
      status?: { currentReplicas?: number; desiredReplicas?: number };
      spec: { maxReplicas: number };
    }>(HorizontalPodAutoscalerResource, { namespace: 'orders', name: 'keda-hpa-orders-processor' });
    const ksm = samples((await get(KUBE_STATE_METRICS_PATH)).text);
    const labels = '{horizontalpodautoscaler="keda-hpa-orders-processor",namespace="orders"}';
    assert.equal(
      ksm.get(`kube_horizontalpodautoscaler_status_current_replicas${labels}`),
      hpa.status?.currentReplicas,
    );
    assert.equal(
      ksm.get(`kube_horizontalpodautoscaler_status_desired_replicas${labels}`),
      hpa.status?.desiredReplicas,
    );
    assert.equal(ksm.get(`kube_horizontalpodautoscaler_spec_max_replicas${labels}`), 5);
    assert.equal(ksm.get(`kube_horizontalpodautoscaler_spec_min_replicas${labels}`), 1);
    assert.equal(
      ksm.get(
        'kube_horizontalpodautoscaler_spec_target_metric{horizontalpodautoscaler="keda-hpa-orders-processor",metric_name="s0-rabbitmq-orders",metric_target_type="average",namespace="orders"}',
      ),
      50,
    );
    assert.equal(
      ksm.get(
        'kube_horizontalpodautoscaler_info{horizontalpodautoscaler="keda-hpa-orders-processor",namespace="orders",scaletargetref_api_version="apps/v1",scaletargetref_kind="Deployment",scaletargetref_name="orders-processor"}',
      ),
      1,
    );
    assert.ok(ksm.has('kube_deployment_spec_replicas{deployment="orders-processor",namespace="orders"}'));
  });

  test('a scrape is not a reader of the event sources', async () => {
    const before = sim.cluster.sources.list().map((s) => [s.key, [...s.usedBy].sort().join(',')]);
    await get(KEDA_OPERATOR_METRICS_PATH);
    const afterScrape = sim.cluster.sources.list().map((s) => [s.key, [...s.usedBy].sort().join(',')]);
    assert.deepEqual(afterScrape, before);
  });
});

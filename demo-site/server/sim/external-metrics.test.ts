/** external.metrics.k8s.io/v1beta1 served like KEDA's metrics adapter: discovery, values, errors. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  externalMetricsError,
  kedaAdapterMessages,
  scaledObjectNameOf,
  type ExternalMetricsProvider,
  type ExternalMetricValue,
} from './index.ts';
import { call, startCluster, type Running } from './test-helpers.ts';

const V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
const METRIC_PATH = '/apis/external.metrics.k8s.io/v1beta1/namespaces/default/s0-rabbitmq-hello';
const SELECTOR = `labelSelector=${encodeURIComponent('scaledobject.keda.sh/name=rabbitmq-consumer')}`;

interface StatusJson {
  kind: string;
  status: string;
  message: string;
  reason?: string;
  code: number;
}

describe('external.metrics.k8s.io/v1beta1', () => {
  let sim: Running;
  const calls: [string, string, string | undefined][] = [];
  const provider: ExternalMetricsProvider = {
    getValues(namespace, metricName, labelSelector): ExternalMetricValue[] {
      calls.push([namespace, metricName, labelSelector]);
      if (metricName === 's0-missing')
        throw externalMetricsError(kedaAdapterMessages.scaledObjectNotFound('nope'));
      if (metricName === 's0-broken') throw new Error('error when getting metric values boom');
      return [{ metricName, metricLabels: null, timestamp: '2026-01-02T03:04:05Z', value: '267' }];
    },
  };

  before(async () => {
    sim = await startCluster({ seed: 4 });
  });
  after(async () => {
    await sim.cluster.close();
  });
  const get = (path: string, headers: Record<string, string> = {}) =>
    call(sim.url, path, { token: sim.cluster.adminToken, caPem: sim.caPem, headers });

  test('discovery: exactly one resource, externalmetrics, in legacy and aggregated form', async () => {
    const list = (await get('/apis/external.metrics.k8s.io/v1beta1')).json<{
      groupVersion: string;
      resources: unknown[];
    }>();
    assert.equal(list.groupVersion, 'external.metrics.k8s.io/v1beta1');
    assert.deepEqual(list.resources, [
      {
        name: 'externalmetrics',
        singularName: '',
        namespaced: true,
        kind: 'ExternalMetricValueList',
        verbs: ['get'],
      },
    ]);
    const group = (await get('/apis/external.metrics.k8s.io')).json<{
      kind: string;
      preferredVersion: { groupVersion: string };
    }>();
    assert.equal(group.kind, 'APIGroup');
    assert.equal(group.preferredVersion.groupVersion, 'external.metrics.k8s.io/v1beta1');
    const aggregated = await get('/apis', { accept: V2 });
    assert.equal(aggregated.headers['content-type'], V2);
    const items = aggregated.json<{
      items: { metadata: { name: string }; versions: { version: string; resources: unknown[] }[] }[];
    }>().items;
    const metrics = items.find((i) => i.metadata.name === 'external.metrics.k8s.io');
    assert.deepEqual(metrics?.versions, [
      {
        version: 'v1beta1',
        resources: [
          {
            resource: 'externalmetrics',
            responseKind: { group: '', version: '', kind: 'ExternalMetricValueList' },
            scope: 'Namespaced',
            singularResource: '',
            verbs: ['get'],
          },
        ],
        freshness: 'Current',
      },
    ]);
    assert.equal(items.at(-1)?.metadata.name, 'external.metrics.k8s.io');
  });

  test('without a provider the adapter cannot reach the operator: a reason-less 500', async () => {
    // The simulated KEDA operator registers one; take it away.
    sim.cluster.setExternalMetricsProvider(undefined);
    const r = await get(`${METRIC_PATH}?${SELECTOR}`);
    assert.equal(r.status, 500);
    assert.deepEqual(r.json<StatusJson>(), {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'timeout while waiting to establish gRPC connection to KEDA Metrics Service server',
      code: 500,
    });
  });

  test('with a provider: an ExternalMetricValueList; the adapter errors otherwise', async () => {
    sim.cluster.setExternalMetricsProvider(provider);
    try {
      const ok = await get(`${METRIC_PATH}?${SELECTOR}`);
      assert.equal(ok.status, 200, ok.text);
      assert.equal(
        ok.text,
        '{"kind":"ExternalMetricValueList","apiVersion":"external.metrics.k8s.io/v1beta1","metadata":{},"items":[{"metricName":"s0-rabbitmq-hello","metricLabels":null,"timestamp":"2026-01-02T03:04:05Z","value":"267"}]}',
      );
      assert.deepEqual(calls.at(-1), [
        'default',
        's0-rabbitmq-hello',
        'scaledobject.keda.sh/name=rabbitmq-consumer',
      ]);

      const noLabel = await get(METRIC_PATH);
      assert.equal(noLabel.status, 500);
      assert.equal(noLabel.json<StatusJson>().message, 'scaledObject name is not specified');
      assert.equal(noLabel.json<StatusJson>().reason, undefined);
      const other = await get(`${METRIC_PATH}?labelSelector=app%3Dweb`);
      assert.equal(other.json<StatusJson>().message, 'scaledObject name is not specified');

      const setBased = await get(
        `${METRIC_PATH}?labelSelector=${encodeURIComponent('scaledobject.keda.sh/name in (a,b)')}`,
      );
      assert.equal(setBased.status, 500);
      assert.equal(
        setBased.json<StatusJson>().message,
        'invalid selector: [scaledobject.keda.sh/name in (a]',
      );
      const syntax = await get(`${METRIC_PATH}?labelSelector=${encodeURIComponent('a=(')}`);
      assert.equal(syntax.status, 400);

      const missing = await get(
        `/apis/external.metrics.k8s.io/v1beta1/namespaces/default/s0-missing?${SELECTOR}`,
      );
      assert.equal(missing.status, 500);
      assert.equal(
        missing.json<StatusJson>().message,
        'rpc error: code = Unknown desc = error when getting metric values error getting scalers scaledobjects.keda.sh "nope" not found',
      );
      const broken = await get(
        `/apis/external.metrics.k8s.io/v1beta1/namespaces/default/s0-broken?${SELECTOR}`,
      );
      assert.equal(broken.json<StatusJson>().message, 'error when getting metric values boom');

      const post = await call(sim.url, `${METRIC_PATH}?${SELECTOR}`, {
        token: sim.cluster.adminToken,
        caPem: sim.caPem,
        method: 'POST',
        body: {},
      });
      assert.equal(post.status, 405);
      assert.equal((await get(`/apis/external.metrics.k8s.io/v1beta1/s0-x?${SELECTOR}`)).status, 404);
      assert.equal(
        (await get(`/apis/external.metrics.k8s.io/v1beta2/namespaces/default/s0-x?${SELECTOR}`)).status,
        404,
      );
    } finally {
      sim.cluster.setExternalMetricsProvider(undefined);
    }
  });

  test('scaledObjectNameOf reads the selector as labels.ConvertSelectorToLabelsMap does', () => {
    assert.equal(scaledObjectNameOf('scaledobject.keda.sh/name=x,app=web'), 'x');
    assert.equal(scaledObjectNameOf('scaledobject.keda.sh/name==x'), 'x');
    assert.equal(scaledObjectNameOf(undefined), '');
    assert.throws(() => scaledObjectNameOf('app'), /invalid selector: \[app\]/);
  });
});

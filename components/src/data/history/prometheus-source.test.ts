// The Prometheus range source over a scripted fetch: URLs, ranges, parsing, errors verbatim.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeApiError } from '../kube-client.js';
import {
  PrometheusError,
  PrometheusSource,
  prometheusServiceProxyBase,
  promqlString,
  resolveRange,
  selector,
  type PrometheusRange,
} from './prometheus-source.js';

const NOW = Date.UTC(2026, 10, 30, 9, 0, 0);

describe('resolveRange', () => {
  const cases: Array<[PrometheusRange, number, number]> = [
    ['15m', 15 * 60_000, 2],
    ['1h', 3600_000, 5],
    ['6h', 6 * 3600_000, 30],
    ['24h', 24 * 3600_000, 120],
    [{ start: NOW - 10_000, end: NOW }, 10_000, 1],
  ];
  for (const [range, span, step] of cases) {
    test(`${JSON.stringify(range)}: ${span / 1000} s at ${step} s`, () => {
      const r = resolveRange(range, NOW);
      assert.equal(r.end - r.start, span);
      assert.equal(r.stepSeconds, step);
    });
  }
  test('an empty custom range is refused', () =>
    assert.throws(() => resolveRange({ start: NOW, end: NOW }, NOW), RangeError));
});

test('service proxy base and PromQL escaping', () => {
  assert.equal(
    prometheusServiceProxyBase('/clusters/prod/', {
      namespace: 'monitoring',
      name: 'prometheus-k8s',
      port: 9090,
    }),
    '/clusters/prod/api/v1/namespaces/monitoring/services/prometheus-k8s:9090/proxy',
  );
  assert.equal(promqlString('a"b\\c\nd'), 'a\\"b\\\\c\\nd');
  assert.equal(
    selector('m', { namespace: 'x', scaledObject: 'q"o' }),
    'm{namespace="x",scaledObject="q\\"o"}',
  );
});

function scripted(answers: (url: URL) => { status?: number; body: unknown }) {
  const urls: URL[] = [];
  const fetchFn = (async (input: string | URL | Request) => {
    const url = new URL(String(input), 'http://host.invalid');
    urls.push(url);
    const a = answers(url);
    return new Response(typeof a.body === 'string' ? a.body : JSON.stringify(a.body), {
      status: a.status ?? 200,
    });
  }) as typeof fetch;
  return { urls, fetchFn };
}

const matrix = (result: unknown[]) => ({ status: 'success', data: { resultType: 'matrix', result } });

describe('PrometheusSource', () => {
  test('a ScaledObject history: KEDA metric per metric name, HPA replicas merged by time', async () => {
    const t = NOW / 1000;
    const { urls, fetchFn } = scripted((url) => {
      const q = url.searchParams.get('query') ?? '';
      if (q.startsWith('keda_scaler_metrics_value'))
        return {
          body: matrix([
            {
              metric: {
                __name__: 'keda_scaler_metrics_value',
                metric: 's0-rabbitmq-orders',
                scaler: 'rabbitMQScaler',
                triggerIndex: '0',
              },
              values: [
                [t - 10, '0'],
                [t - 5, '267'],
                [t, 'NaN'],
              ],
            },
          ]),
        };
      if (q.includes('current_replicas'))
        return {
          body: matrix([
            {
              metric: {},
              values: [
                [t - 5, '1'],
                [t, '5'],
              ],
            },
          ]),
        };
      if (q.includes('desired_replicas')) return { body: matrix([{ metric: {}, values: [[t, '6']] }]) };
      if (q.includes('min_replicas')) return { body: matrix([{ metric: {}, values: [[t, '1']] }]) };
      return { body: matrix([{ metric: {}, values: [[t, '5']] }]) };
    });
    const source = new PrometheusSource({ baseUrl: 'http://prom:9090/', fetch: fetchFn, now: () => NOW });
    const h = await source.scaledObjectHistory({ namespace: 'orders', name: 'orders-processor' }, '1h');
    assert.equal(urls.length, 5);
    const first = urls.find((u) => u.searchParams.get('query')?.startsWith('keda'))!;
    assert.equal(first.origin + first.pathname, 'http://prom:9090/api/v1/query_range');
    assert.equal(
      first.searchParams.get('query'),
      'keda_scaler_metrics_value{namespace="orders",scaledObject="orders-processor",type="scaledobject"}',
    );
    assert.equal(first.searchParams.get('start'), String((NOW - 3600_000) / 1000));
    assert.equal(first.searchParams.get('end'), String(NOW / 1000));
    assert.equal(first.searchParams.get('step'), '5');
    assert.ok(
      urls.some(
        (u) =>
          u.searchParams.get('query') ===
          'kube_horizontalpodautoscaler_status_current_replicas{namespace="orders",horizontalpodautoscaler="keda-hpa-orders-processor"}',
      ),
    );
    assert.equal(h.metrics.length, 1);
    assert.equal(h.metrics[0]!.metricName, 's0-rabbitmq-orders');
    assert.equal(h.metrics[0]!.scaler, 'rabbitMQScaler');
    assert.equal(h.metrics[0]!.triggerIndex, 0);
    assert.deepEqual(
      h.metrics[0]!.samples.map((s) => [s.t, s.value, s.source]),
      [
        [NOW - 10_000, 0, 'prometheus'],
        [NOW - 5000, 267, 'prometheus'],
        [NOW, NaN, 'prometheus'],
      ],
    );
    assert.deepEqual(h.replicas, [
      { t: NOW - 5000, current: 1 },
      { t: NOW, current: 5, hpaDesired: 6, desired: 6, min: 1, max: 5 },
    ]);
  });

  test("Prometheus' error is kept verbatim", async () => {
    const { fetchFn } = scripted(() => ({
      status: 400,
      body: { status: 'error', errorType: 'bad_data', error: 'invalid parameter "query": 1:1: parse error' },
    }));
    const source = new PrometheusSource({ baseUrl: 'http://prom:9090', fetch: fetchFn, now: () => NOW });
    await assert.rejects(source.queryRange('(', resolveRange('15m', NOW)), (e: unknown) => {
      assert.ok(e instanceof PrometheusError);
      assert.equal(e.errorType, 'bad_data');
      assert.equal(e.message, 'invalid parameter "query": 1:1: parse error');
      assert.equal(e.httpStatus, 400);
      return true;
    });
  });

  test("the API server's Status through the service proxy becomes a KubeApiError", async () => {
    const { fetchFn } = scripted(() => ({
      status: 503,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'no endpoints available for service "prometheus-k8s"',
        reason: 'ServiceUnavailable',
        code: 503,
      },
    }));
    const source = new PrometheusSource({
      baseUrl: prometheusServiceProxyBase('/clusters/prod', {
        namespace: 'monitoring',
        name: 'prometheus-k8s',
        port: 9090,
      }),
      fetch: fetchFn,
      now: () => NOW,
    });
    await assert.rejects(source.scaledObjectHistory({ namespace: 'a', name: 'b' }, '15m'), (e: unknown) => {
      assert.ok(e instanceof KubeApiError);
      assert.equal(e.code, 503);
      assert.equal(e.message, 'no endpoints available for service "prometheus-k8s"');
      return true;
    });
  });

  test('a network failure is a KubeApiError with code 0; a non-JSON answer a PrometheusError', async () => {
    const failing = new PrometheusSource({
      baseUrl: 'http://prom:9090',
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
    });
    await assert.rejects(failing.queryRange('up', resolveRange('15m', NOW)), (e: unknown) => {
      assert.ok(e instanceof KubeApiError);
      assert.equal(e.code, 0);
      assert.equal(e.message, 'Failed to fetch');
      return true;
    });
    const { fetchFn } = scripted(() => ({ status: 502, body: 'Bad Gateway\n' }));
    const html = new PrometheusSource({ baseUrl: 'http://prom:9090', fetch: fetchFn });
    await assert.rejects(html.queryRange('up', resolveRange('15m', NOW)), /Bad Gateway/);
  });
});

// The settings as MetricsSampler options and the history sources: pure parts table-driven, the
// Prometheus path through Headlamp's real ApiProxy with only fetch faked.
import type { PrometheusHistory } from 'keda-elements/data/history/prometheus-source';
import type { HistoryRecord, HistoryStore } from 'keda-elements/data/metrics-sampler';
import { afterEach, describe, expect, it } from 'vitest';
import {
  headlampProxyFetch,
  historyScope,
  mergeHistory,
  parseHistoryId,
  prometheusFor,
  type PrometheusStatus,
  sampleCapacity,
  samplerOptions,
  SettingsHistory,
} from './metrics-history';
import { DEFAULT_SETTINGS, type KedaSettings } from './settings';
import { jsonResponse, mockFetch, statusResponse } from './test/fakes';
import { CLUSTER, restoreGlobals } from './test/harness';

afterEach(restoreGlobals);

const settings = (over: Partial<KedaSettings> = {}): KedaSettings => ({
  ...DEFAULT_SETTINGS,
  ...over,
});
const replicas = (object: string, t: number, current: number): HistoryRecord => ({
  object,
  kind: 'replicas',
  sample: { t, current },
});
const metric = (object: string, t: number, value: number, name = 's0-queue'): HistoryRecord => ({
  object,
  kind: 'metric',
  metricName: name,
  sample: { t, value, source: 'hpa' },
});

describe('sampleCapacity', () => {
  it.each([
    [5, 100],
    [60, 900],
    [24 * 60, 21_600],
    [7 * 24 * 60, 151_200],
  ])('%i minutes -> %i samples per series', (historyMinutes, expected) => {
    expect(sampleCapacity(settings({ historyMinutes }))).toBe(expected);
  });
});

describe('parseHistoryId', () => {
  const scope = historyScope('prod');
  it.each([
    [`${scope} shop/orders`, { namespace: 'shop', name: 'orders' }],
    ['shop/orders', { namespace: 'shop', name: 'orders' }],
    [`${scope} shop/`, undefined],
    [`${scope} orders`, undefined],
  ])('%j -> %j', (object, expected) => {
    expect(parseHistoryId(object, scope)).toEqual(expected);
  });
});

describe('mergeHistory', () => {
  it("keeps Prometheus' samples only from before the first recorded one, per series", () => {
    const remote = [
      replicas('o', 100, 1),
      replicas('o', 200, 2),
      replicas('o', 300, 3),
      metric('o', 100, 7),
      metric('o', 100, 9, 's1-other'),
    ];
    const local = [replicas('o', 250, 2), metric('o', 50, 5)];
    expect(mergeHistory(remote, local).map(r => [r.kind, r.sample.t])).toEqual([
      ['metric', 50],
      ['replicas', 100],
      ['metric', 100],
      ['replicas', 200],
      ['replicas', 250],
    ]);
    // s1-other has no local samples: all of Prometheus' are kept.
    expect(
      mergeHistory(remote, local).filter(r => r.kind === 'metric' && r.metricName === 's1-other')
    ).toHaveLength(1);
  });
});

describe('SettingsHistory', () => {
  const scope = historyScope(CLUSTER);
  const object = `${scope} shop/orders`;
  const local = (records: HistoryRecord[]): HistoryStore & { appended: HistoryRecord[] } => {
    const appended: HistoryRecord[] = [];
    return {
      appended,
      append: async batch => void appended.push(...batch),
      load: async () => records,
    };
  };
  const promHistory: PrometheusHistory = {
    range: { start: 0, end: 1000, stepSeconds: 1 },
    metrics: [{ metricName: 's0-queue', scaler: 'rabbitMQScaler', samples: [] }],
    replicas: [{ t: 100, current: 1, hpaDesired: 1, desired: 1 }],
  };

  it('asks Prometheus for the ScaledObject over [since, now] and merges it before the recording', async () => {
    const asked: unknown[] = [];
    const statuses: PrometheusStatus[] = [];
    const history = new SettingsHistory({
      scope,
      local: local([replicas(object, 500, 4)]),
      prometheus: {
        scaledObjectHistory: async (ref, range) => {
          asked.push({ ref, range });
          return promHistory;
        },
      },
      now: () => 1000,
      onPrometheus: status => statuses.push(status),
    });
    const records = await history.load(object, 10);
    expect(asked).toEqual([
      { ref: { namespace: 'shop', name: 'orders' }, range: { start: 10, end: 1000 } },
    ]);
    expect(records.map(r => [r.sample.t, (r.sample as { current?: number }).current])).toEqual([
      [100, 1],
      [500, 4],
    ]);
    expect(statuses).toEqual([{ state: 'ok', at: 1000 }]);
  });

  it("reports Prometheus' error and still returns the recording", async () => {
    const statuses: PrometheusStatus[] = [];
    const history = new SettingsHistory({
      scope,
      local: local([replicas(object, 500, 4)]),
      prometheus: {
        scaledObjectHistory: async () => {
          throw new Error('bad_data: parse error at char 5');
        },
      },
      now: () => 1000,
      onPrometheus: status => statuses.push(status),
    });
    expect(await history.load(object, 10)).toHaveLength(1);
    expect(statuses).toEqual([
      { state: 'error', at: 1000, message: 'bad_data: parse error at char 5' },
    ]);
  });

  it('appends to the recording only', async () => {
    const recording = local([]);
    const history = new SettingsHistory({ scope, local: recording });
    await history.append([replicas(object, 1, 1)]);
    expect(recording.appended).toHaveLength(1);
    expect(await history.load(object, 0)).toEqual([]);
  });
});

describe('samplerOptions', () => {
  it('carries the polling floor, the history length and the cluster scope', () => {
    const options = samplerOptions(
      settings({ pollFloorSeconds: 45, historyMinutes: 180 }),
      'prod',
      { local: null }
    );
    expect(options).toEqual({
      capacity: 2700,
      minPollIntervalMs: 45_000,
      historyWindowMs: 180 * 60_000,
      historyScope: 'headlamp/prod',
    });
  });

  it('has a history with the recording (IndexedDB here) and Prometheus when an address is set', () => {
    expect(samplerOptions(settings(), 'prod').history).toBeInstanceOf(SettingsHistory);
    expect(prometheusFor('', 'prod')).toBeUndefined();
    expect(prometheusFor('  ', 'prod')).toBeUndefined();
    expect(prometheusFor('http://prometheus:9090', 'prod')).toBeDefined();
  });
});

describe('Prometheus through the service proxy', () => {
  const PROXY = '/api/v1/namespaces/monitoring/services/prometheus:9090/proxy';
  const matrix = (values: [number, string][], metric: Record<string, string> = {}) => ({
    status: 'success',
    data: { resultType: 'matrix', result: values.length ? [{ metric, values }] : [] },
  });

  it("goes through Headlamp's backend for the cluster and reads the range", async () => {
    const requests = mockFetch(request => {
      const query = request.url.searchParams.get('query') ?? '';
      if (query.startsWith('keda_scaler_metrics_value')) {
        return jsonResponse(matrix([[60, '12']], { metric: 's0-queue', scaler: 'q' }));
      }
      if (query.startsWith('kube_horizontalpodautoscaler_status_current_replicas')) {
        return jsonResponse(matrix([[60, '3']]));
      }
      return jsonResponse(matrix([]));
    });
    const source = prometheusFor(PROXY, CLUSTER)!;
    const history = await source.scaledObjectHistory(
      { namespace: 'shop', name: 'orders' },
      { start: 0, end: 120_000 }
    );
    expect(requests).toHaveLength(5);
    for (const request of requests) {
      expect(request.url.pathname).toBe(`/clusters/${CLUSTER}${PROXY}/api/v1/query_range`);
    }
    expect(requests[0].url.searchParams.get('query')).toBe(
      'keda_scaler_metrics_value{namespace="shop",scaledObject="orders",type="scaledobject"}'
    );
    expect(history.metrics[0]).toMatchObject({
      metricName: 's0-queue',
      samples: [{ t: 60_000, value: 12, source: 'prometheus' }],
    });
    expect(history.replicas).toEqual([{ t: 60_000, current: 3 }]);
  });

  it("keeps the API server's code and message when the proxy refuses", async () => {
    mockFetch(() =>
      statusResponse(
        403,
        'Forbidden',
        'Forbidden',
        'services "prometheus:9090" is forbidden: User "dev" cannot get resource "services/proxy"'
      )
    );
    const error = await headlampProxyFetch(CLUSTER)(`${PROXY}/api/v1/query_range`).catch(e => e);
    expect(error).toMatchObject({
      code: 403,
      message:
        'services "prometheus:9090" is forbidden: User "dev" cannot get resource "services/proxy"',
    });
  });
});

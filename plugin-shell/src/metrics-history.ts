/**
 * The plugin settings (settings.tsx) as the data layer's MetricsSampler takes them: its polling
 * floor and how many samples it keeps, and where the charts' history comes from: this browser's
 * own recording (IndexedDB) and, when a Prometheus address is set, Prometheus' range queries
 * (`keda_scaler_metrics_value` and kube-state-metrics' HPA replicas) for what happened before.
 */
import { ApiProxy } from '@kinvolk/headlamp-plugin/lib';
import { IndexedDbHistory } from 'keda-elements/data/history/indexeddb-history';
import {
  type PrometheusHistory,
  type PrometheusRange,
  PrometheusSource,
} from 'keda-elements/data/history/prometheus-source';
import type {
  HistoryRecord,
  HistoryStore,
  MetricsSamplerOptions,
} from 'keda-elements/data/metrics-sampler';
import { toKubeApiError } from './headlamp-kube-client';
import type { KedaSettings } from './settings';

/**
 * The densest sampling the capacity is sized for: the sampler's own default (3600 samples = 4 h)
 * assumes one every 4 s (watched HPA status changes and external metrics polls together).
 */
const SAMPLE_PERIOD_MS = 4_000;
const MIN_CAPACITY = 100;
const MAX_CAPACITY = 200_000;

/** The IndexedDB database of the plugin's recordings (its own: it prunes by the history length). */
export const HISTORY_DATABASE = 'keda-headlamp-history';

/**
 * Samples kept per series so that `historyMinutes` of history fit at one sample every 4 s,
 * bounded to [100, 200 000] (a week is 151 200).
 */
export function sampleCapacity(settings: KedaSettings): number {
  const historyMs = settings.historyMinutes * 60_000;
  return Math.min(MAX_CAPACITY, Math.max(MIN_CAPACITY, Math.ceil(historyMs / SAMPLE_PERIOD_MS)));
}

/** Where one cluster's records are kept apart from another's (`orders/x` exists in both). */
export const historyScope = (cluster: string) => `headlamp/${cluster || '-'}`;

/** The range queries this module asks of Prometheus (PrometheusSource has it). */
export interface PrometheusHistoryReader {
  scaledObjectHistory(
    ref: { namespace: string; name: string; hpaName?: string },
    range: PrometheusRange
  ): Promise<PrometheusHistory>;
}

/** What the last Prometheus load did, for the views to say. */
export type PrometheusStatus =
  | { state: 'off' }
  | { state: 'ok'; at: number }
  | { state: 'error'; at: number; message: string };

export interface SettingsHistoryOptions {
  /** The browser's recording; undefined where there is no IndexedDB. */
  local?: HistoryStore;
  prometheus?: PrometheusHistoryReader;
  /** The sampler's `historyScope`: record ids are `<scope> <namespace>/<name>`. */
  scope: string;
  now?: () => number;
  /** Told after each Prometheus load (success or its error). */
  onPrometheus?: (status: PrometheusStatus) => void;
}

/** `<scope> <namespace>/<name>` (or `<namespace>/<name>`) → the ScaledObject's ref. */
export function parseHistoryId(
  object: string,
  scope: string
): { namespace: string; name: string } | undefined {
  const key = object.startsWith(`${scope} `) ? object.slice(scope.length + 1) : object;
  const slash = key.indexOf('/');
  if (slash <= 0 || slash === key.length - 1) return undefined;
  return { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

/** Prometheus' answer as the sampler's history records of `object`. */
export function prometheusRecords(object: string, history: PrometheusHistory): HistoryRecord[] {
  const records: HistoryRecord[] = [];
  for (const metric of history.metrics) {
    if (!metric.metricName) continue;
    for (const sample of metric.samples) {
      records.push({ object, kind: 'metric', metricName: metric.metricName, sample });
    }
  }
  for (const sample of history.replicas) records.push({ object, kind: 'replicas', sample });
  return records;
}

const seriesOf = (record: HistoryRecord) =>
  record.kind === 'replicas' ? 'replicas' : `metric ${record.metricName}`;

/**
 * One history from two: per series (the replicas, each metric), Prometheus' samples from before the
 * first recorded one, then the browser's recording (which samples more often and knows the
 * workload's own counts). Oldest first.
 */
export function mergeHistory(
  remote: readonly HistoryRecord[],
  local: readonly HistoryRecord[]
): HistoryRecord[] {
  const firstLocal = new Map<string, number>();
  for (const record of local) {
    const series = seriesOf(record);
    const first = firstLocal.get(series);
    if (first === undefined || record.sample.t < first) firstLocal.set(series, record.sample.t);
  }
  const older = remote.filter(
    record => record.sample.t < (firstLocal.get(seriesOf(record)) ?? Infinity)
  );
  return [...older, ...local].sort((a, b) => a.sample.t - b.sample.t);
}

/**
 * The sampler's HistoryStore: appends go to the browser's recording; loads merge it with
 * Prometheus' range over the same window. Either source failing leaves the other (history is a
 * convenience: live sampling goes on), and a Prometheus error is reported, not swallowed.
 */
export class SettingsHistory implements HistoryStore {
  private readonly now: () => number;

  constructor(private readonly options: SettingsHistoryOptions) {
    this.now = options.now ?? (() => Date.now());
  }

  append(records: readonly HistoryRecord[]): Promise<void> {
    return this.options.local?.append(records) ?? Promise.resolve();
  }

  async load(object: string, sinceMs: number): Promise<HistoryRecord[]> {
    const [local, remote] = await Promise.all([
      this.options.local?.load(object, sinceMs).catch(() => []) ?? [],
      this.loadPrometheus(object, sinceMs),
    ]);
    return mergeHistory(remote, local);
  }

  private async loadPrometheus(object: string, sinceMs: number): Promise<HistoryRecord[]> {
    const { prometheus, onPrometheus } = this.options;
    const ref = parseHistoryId(object, this.options.scope);
    if (!prometheus || !ref) return [];
    const end = this.now();
    if (!(end > sinceMs)) return [];
    try {
      const history = await prometheus.scaledObjectHistory(ref, { start: sinceMs, end });
      onPrometheus?.({ state: 'ok', at: end });
      return prometheusRecords(object, history);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      onPrometheus?.({ state: 'error', at: end, message: message || 'The query failed' });
      return [];
    }
  }
}

/**
 * `fetch` for a Prometheus reached through the cluster's API server (a service-proxy path such as
 * `/api/v1/namespaces/monitoring/services/prometheus:9090/proxy`): the request goes through
 * Headlamp's backend for `cluster`, with Headlamp's credentials, like every other API call.
 */
export function headlampProxyFetch(cluster: string | undefined): typeof fetch {
  return async (input, init) => {
    const path = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const params: ApiProxy.RequestParams = { isJSON: false };
    if (init?.headers) params.headers = init.headers;
    if (cluster) params.cluster = cluster;
    try {
      return (await ApiProxy.request(path, params)) as Response;
    } catch (error) {
      // Headlamp reads a failed response itself; keep its code and the server's message.
      throw toKubeApiError(error);
    }
  };
}

/** The Prometheus of the settings for `cluster`, or undefined when no address is set. */
export function prometheusFor(
  address: string,
  cluster: string | undefined
): PrometheusSource | undefined {
  const baseUrl = address.trim();
  if (!baseUrl) return undefined;
  // A path is the cluster's service proxy (through Headlamp); a URL is fetched as it is.
  return baseUrl.startsWith('/')
    ? new PrometheusSource({ baseUrl, fetch: headlampProxyFetch(cluster) })
    : new PrometheusSource({ baseUrl });
}

export interface SamplerOptionsExtras {
  /** Replaces the IndexedDB recording (tests; `null`: none). */
  local?: HistoryStore | null;
  /** Replaces the Prometheus of the settings (tests). */
  prometheus?: PrometheusHistoryReader;
  onPrometheus?: (status: PrometheusStatus) => void;
}

/**
 * The MetricsSampler options for `cluster` under `settings`: the polling floor, the samples kept
 * for the history length, how far back a reload reaches, and the history sources.
 */
export function samplerOptions(
  settings: KedaSettings,
  cluster: string,
  extras: SamplerOptionsExtras = {}
): MetricsSamplerOptions {
  const historyWindowMs = settings.historyMinutes * 60_000;
  const scope = historyScope(cluster);
  const local =
    extras.local === null
      ? undefined
      : extras.local ??
        (typeof indexedDB !== 'undefined'
          ? new IndexedDbHistory({ name: HISTORY_DATABASE, maxAgeMs: historyWindowMs })
          : undefined);
  const prometheus = extras.prometheus ?? prometheusFor(settings.prometheusAddress, cluster);
  const history =
    local || prometheus
      ? new SettingsHistory({
          scope,
          ...(local ? { local } : {}),
          ...(prometheus ? { prometheus } : {}),
          ...(extras.onPrometheus ? { onPrometheus: extras.onPrometheus } : {}),
        })
      : undefined;
  return {
    capacity: sampleCapacity(settings),
    minPollIntervalMs: settings.pollFloorSeconds * 1000,
    historyWindowMs,
    historyScope: scope,
    ...(history ? { history } : {}),
  };
}

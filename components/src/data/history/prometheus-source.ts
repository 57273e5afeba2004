import type { Status } from '../../core/kube/types.js';
import { KubeApiError } from '../kube-client.js';
import type { MetricSample, ReplicaSample } from '../metrics-sampler.js';

/** The ranges the charts offer, or a custom one (ms since the epoch). */
export type PrometheusRangeName = '15m' | '1h' | '6h' | '24h';
export type PrometheusRange = PrometheusRangeName | { start: number; end: number };

export const PROMETHEUS_RANGES: Readonly<Record<PrometheusRangeName, number>> = {
  '15m': 15 * 60_000,
  '1h': 3600_000,
  '6h': 6 * 3600_000,
  '24h': 24 * 3600_000,
};

/** A resolved range: start and end in ms, step in seconds. */
export interface ResolvedRange {
  start: number;
  end: number;
  stepSeconds: number;
}

/** One series of a range query. */
export interface PrometheusSeries {
  labels: Readonly<Record<string, string>>;
  /** Oldest first; `t` in ms. */
  points: { t: number; value: number }[];
}

/** A metric of a ScaledObject as KEDA exported it (`keda_scaler_metrics_value`). */
export interface PrometheusMetricHistory {
  metricName: string;
  /** KEDA's `scaler` label: the trigger's name, else the scaler's type (`rabbitMQScaler`). */
  scaler: string;
  triggerIndex?: number;
  samples: MetricSample[];
}

export interface PrometheusHistory {
  range: ResolvedRange;
  metrics: PrometheusMetricHistory[];
  /** kube-state-metrics' HPA current/desired replicas (and the HPA's min/max), merged by time. */
  replicas: ReplicaSample[];
}

export interface ServiceRef {
  namespace: string;
  name: string;
  /** Port number or name (`9090`, `web`); `https:` prefix for a TLS service. */
  port: string | number;
}

export interface PrometheusSourceOptions {
  /**
   * Where the Prometheus HTTP API lives: a direct URL (`http://prometheus.example:9090`) or the
   * API server's service proxy (`prometheusServiceProxyBase(...)`).
   */
  baseUrl: string;
  fetch?: typeof fetch;
  headers?: Record<string, string>;
  now?: () => number;
  /** Points per series the step aims at (default 720). */
  maxPoints?: number;
}

/**
 * `<cluster>/api/v1/namespaces/<ns>/services/<svc>:<port>/proxy`: Prometheus reached through the
 * API server (the user's credentials and RBAC apply; no extra network path needed).
 */
export function prometheusServiceProxyBase(clusterBase: string, service: ServiceRef): string {
  const base = clusterBase.replace(/\/$/, '');
  const ns = encodeURIComponent(service.namespace);
  return `${base}/api/v1/namespaces/${ns}/services/${encodeURIComponent(service.name)}:${service.port}/proxy`;
}

/** Start, end and a step that keeps about `maxPoints` points (at least 1 s). */
export function resolveRange(range: PrometheusRange, now: number, maxPoints = 720): ResolvedRange {
  const { start, end } =
    typeof range === 'string' ? { start: now - PROMETHEUS_RANGES[range], end: now } : range;
  if (!(end > start)) throw new RangeError('the range must end after it starts');
  const stepSeconds = Math.max(1, Math.ceil((end - start) / 1000 / maxPoints));
  return { start, end, stepSeconds };
}

/** A PromQL string literal's content. */
export function promqlString(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** `name{a="x",b="y"}` with escaped values. */
export function selector(name: string, labels: Record<string, string>): string {
  const matchers = Object.entries(labels).map(([k, v]) => `${k}="${promqlString(v)}"`);
  return `${name}{${matchers.join(',')}}`;
}

function sampleValue(text: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}

interface PromResponse {
  status: 'success' | 'error';
  data?: {
    resultType: string;
    result: Array<{ metric: Record<string, string>; values?: [number, string][] }>;
  };
  errorType?: string;
  error?: string;
}

/** Prometheus' own error (`bad_data`, `timeout`...), its message verbatim. */
export class PrometheusError extends Error {
  constructor(
    readonly errorType: string,
    message: string,
    readonly httpStatus: number,
  ) {
    super(message);
    this.name = 'PrometheusError';
  }
}

/**
 * Range queries against a Prometheus that scrapes KEDA's operator metrics and kube-state-metrics:
 * a ScaledObject's `keda_scaler_metrics_value` per metric and its HPA's replica gauges.
 */
export class PrometheusSource {
  private readonly fetchFn: typeof fetch;
  private readonly now: () => number;

  constructor(private readonly options: PrometheusSourceOptions) {
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.now = options.now ?? (() => Date.now());
  }

  /** `GET /api/v1/query_range`; throws PrometheusError or, through the service proxy, KubeApiError. */
  async queryRange(query: string, range: ResolvedRange): Promise<PrometheusSeries[]> {
    const params = new URLSearchParams({
      query,
      start: String(range.start / 1000),
      end: String(range.end / 1000),
      step: String(range.stepSeconds),
    });
    const url = `${this.options.baseUrl.replace(/\/$/, '')}/api/v1/query_range?${params.toString()}`;
    let response: Response;
    try {
      response = await this.fetchFn(url, {
        headers: { Accept: 'application/json', ...this.options.headers },
      });
    } catch (error) {
      throw new KubeApiError(0, error instanceof Error ? error.message : String(error));
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new PrometheusError('bad_response', text.trim() || response.statusText, response.status);
    }
    const status = body as Partial<Status>;
    if (status.kind === 'Status') throw KubeApiError.fromStatus(status as Status, response.status);
    const prom = body as PromResponse;
    if (prom.status !== 'success' || !prom.data) {
      throw new PrometheusError(
        prom.errorType ?? 'unknown',
        prom.error ?? response.statusText,
        response.status,
      );
    }
    return prom.data.result.map((r) => ({
      labels: r.metric,
      points: (r.values ?? []).map(([t, v]) => ({ t: Math.round(t * 1000), value: sampleValue(v) })),
    }));
  }

  /** The metric and replica history of one ScaledObject over `range`. */
  async scaledObjectHistory(
    ref: { namespace: string; name: string; hpaName?: string },
    range: PrometheusRange,
  ): Promise<PrometheusHistory> {
    const resolved = resolveRange(range, this.now(), this.options.maxPoints);
    const hpa = { namespace: ref.namespace, horizontalpodautoscaler: ref.hpaName ?? `keda-hpa-${ref.name}` };
    const [values, current, desired, min, max] = await Promise.all([
      this.queryRange(
        selector('keda_scaler_metrics_value', {
          namespace: ref.namespace,
          scaledObject: ref.name,
          type: 'scaledobject',
        }),
        resolved,
      ),
      this.queryRange(selector('kube_horizontalpodautoscaler_status_current_replicas', hpa), resolved),
      this.queryRange(selector('kube_horizontalpodautoscaler_status_desired_replicas', hpa), resolved),
      this.queryRange(selector('kube_horizontalpodautoscaler_spec_min_replicas', hpa), resolved),
      this.queryRange(selector('kube_horizontalpodautoscaler_spec_max_replicas', hpa), resolved),
    ]);

    const metrics = new Map<string, PrometheusMetricHistory>();
    for (const s of values) {
      const metricName = s.labels.metric ?? '';
      let m = metrics.get(metricName);
      if (!m) {
        const index = Number(s.labels.triggerIndex);
        m = {
          metricName,
          scaler: s.labels.scaler ?? '',
          ...(Number.isInteger(index) ? { triggerIndex: index } : {}),
          samples: [],
        };
        metrics.set(metricName, m);
      }
      for (const p of s.points) m.samples.push({ t: p.t, value: p.value, source: 'prometheus' });
    }
    for (const m of metrics.values()) m.samples.sort((a, b) => a.t - b.t);

    const byTime = new Map<number, ReplicaSample>();
    const put = (series: PrometheusSeries[], key: 'current' | 'hpaDesired' | 'min' | 'max') => {
      for (const s of series)
        for (const p of s.points) {
          const sample = byTime.get(p.t) ?? { t: p.t };
          sample[key] = p.value;
          if (key === 'hpaDesired') sample.desired = p.value;
          byTime.set(p.t, sample);
        }
    };
    put(current, 'current');
    put(desired, 'hpaDesired');
    put(min, 'min');
    put(max, 'max');
    return {
      range: resolved,
      metrics: [...metrics.values()].sort((a, b) => a.metricName.localeCompare(b.metricName)),
      replicas: [...byTime.values()].sort((a, b) => a.t - b.t),
    };
  }
}

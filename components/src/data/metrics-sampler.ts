import type {
  HorizontalPodAutoscaler,
  MetricSpec,
  MetricStatus,
  MetricTargetType,
} from '../core/kube/autoscaling.js';
import {
  HorizontalPodAutoscalerResource,
  ScaledObjectResource,
  workloadResource,
  type ResourceType,
} from '../core/kube/resource.js';
import { tryParseQuantity, quantityToNumber } from '../core/kube/quantity.js';
import type { KubeList, KubeObject } from '../core/kube/types.js';
import { SCALED_OBJECT_NAME_LABEL, scaledObjectPauseState } from '../core/keda/annotations.js';
import { KEDA_DEFAULTS } from '../core/keda/defaults.js';
import { triggerIndexOfMetricName } from '../core/keda/metric-names.js';
import { defaultNumber, triggerTargetInfo } from '../core/keda/trigger-targets.js';
import type { ScaledObject } from '../core/keda/types.js';
import type { KedaStore } from './keda-store.js';
import { KubeApiError } from './kube-client.js';
import { RingBuffer } from './metrics-sampler-ring.js';

/** The ScaledObject whose metrics and replicas are sampled. */
export interface SampledRef {
  namespace: string;
  name: string;
}

/** Where a metric value came from. */
export type MetricSampleSource = 'hpa' | 'external-metrics' | 'prometheus';

/** One metric value at one time. */
export interface MetricSample {
  /** ms since the epoch. */
  t: number;
  /**
   * The metric's value as the scaler reports it (what the external metrics API returns and KEDA
   * exports as `keda_scaler_metrics_value`): for an `AverageValue` target the total (queue
   * length 267), not the per-pod average; percent for `Utilization`.
   */
  value: number;
  /** The per-pod average the HPA compared with an `AverageValue` target, when the HPA reported it. */
  perPod?: number;
  source: MetricSampleSource;
}

/** The replica counts at one time. */
export interface ReplicaSample {
  t: number;
  /** Pods the scale target has (workload `status.replicas`, else the HPA's `currentReplicas`). */
  current?: number;
  /** Replicas asked for (workload `spec.replicas`, else the HPA's `desiredReplicas`). */
  desired?: number;
  /** The HPA's `desiredReplicas` (what the HPA algorithm wants within its min/max). */
  hpaDesired?: number;
  /** KEDA's effective minReplicaCount / maxReplicaCount (the band). */
  min?: number;
  max?: number;
}

/** What is known about one metric of a ScaledObject (from the ScaledObject and its HPA). */
export interface MetricSeriesInfo {
  /** `s0-rabbitmq-orders`, `cpu`, `memory`, `composite-metric`. */
  metricName: string;
  /** The trigger (index into `spec.triggers`) the metric belongs to, when known. */
  triggerIndex?: number;
  triggerType?: string;
  /** The trigger's `name`, when set. */
  triggerName?: string;
  /** `External` or `Resource` (from the HPA spec), when known. */
  metricType?: MetricSpec['type'];
  targetType?: MetricTargetType;
  /** The HPA target: per pod for `AverageValue`, total for `Value`, percent for `Utilization`. */
  target?: number;
  /** The trigger's activation threshold (activity is `value > activation` for most scalers). */
  activationThreshold?: number;
}

export interface MetricSeries extends MetricSeriesInfo {
  /** Oldest first, at most `capacity` samples. */
  samples: readonly MetricSample[];
}

/** The state of the external metrics API fallback for one object. */
export interface ExternalPollState {
  /** True while the HPA reports no value for some metric and the sampler asks the API itself. */
  active: boolean;
  /** The minimum time between two requests for this object: max(pollingInterval, 15 s). */
  intervalMs: number;
  lastRequestAt?: number;
  /** The API's error of the last request (its Status message verbatim), cleared by a success. */
  error?: KubeApiError;
}

/** Everything sampled for one ScaledObject; a new object whenever something changed. */
export interface SampledSeries {
  ref: SampledRef;
  /** Increases with every change of this object's series (cheap change detection for charts). */
  version: number;
  metrics: readonly MetricSeries[];
  replicas: readonly ReplicaSample[];
  external: ExternalPollState;
  /** When the last sample (of any kind) was taken. */
  lastSampleAt?: number;
}

/** A sample as persisted by a history store (`object` is `namespace/name`). */
export type HistoryRecord =
  | { object: string; kind: 'metric'; metricName: string; sample: MetricSample }
  | { object: string; kind: 'replicas'; sample: ReplicaSample };

/** Where samples are persisted so that they survive a reload (see `data/history/indexeddb-history.ts`). */
export interface HistoryStore {
  append(records: readonly HistoryRecord[]): Promise<void>;
  /** The records of `object` not older than `sinceMs`, oldest first. */
  load(object: string, sinceMs: number): Promise<HistoryRecord[]>;
}

/** Time and timers, injectable for tests. */
export interface SamplerScheduler {
  now(): number;
  /** Calls `callback` after `ms`; returns the cancel function. */
  setTimeout(callback: () => void, ms: number): () => void;
}

export interface MetricsSamplerOptions {
  scheduler?: SamplerScheduler;
  /** Samples kept per series (metric or replicas) in memory. Default `DEFAULT_SAMPLE_CAPACITY`. */
  capacity?: number;
  /** Lower bound of the external metrics poll interval in ms (default 15 000, the HPA's sync period). */
  minPollIntervalMs?: number;
  /** Persists samples and reloads them on `retain`. */
  history?: HistoryStore;
  /** How far back `retain` reloads history (default 24 h). */
  historyWindowMs?: number;
  /**
   * Which cluster the history belongs to, so that two clusters' `orders/orders-processor` do not
   * mix; defaults to the client's `baseUrl` when it has one. History records are keyed
   * `<scope> <namespace>/<name>` (just `<namespace>/<name>` without a scope).
   */
  historyScope?: string;
}

/**
 * Samples kept per series: 4 h at one sample every 4 s, so 2 metrics + replicas of 50 on-screen
 * objects stay well under 10 MB.
 */
export const DEFAULT_SAMPLE_CAPACITY = 3600;
export const MIN_POLL_INTERVAL_MS = 15_000;

const systemScheduler: SamplerScheduler = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    return () => clearTimeout(handle);
  },
};

/** The external metrics API addressed as a namespaced "resource" named after the metric. */
export function externalMetricResource(metricName: string): ResourceType {
  return {
    group: 'external.metrics.k8s.io',
    version: 'v1beta1',
    plural: metricName,
    kind: 'ExternalMetricValue',
    namespaced: true,
  };
}

interface ExternalMetricValue extends KubeObject {
  metricName?: string;
  value?: string;
  timestamp?: string;
}

interface Tracked {
  ref: SampledRef;
  key: string;
  users: number;
  releases: Array<() => void>;
  workloadType?: ResourceType;
  releaseWorkload?: () => void;
  metrics: Map<string, RingBuffer<MetricSample>>;
  infos: Map<string, MetricSeriesInfo>;
  replicas: RingBuffer<ReplicaSample>;
  lastHpaVersion?: string;
  external: ExternalPollState;
  pollInFlight: boolean;
  /** External metrics the HPA has no value for (what a poll asks the API for). */
  missing: string[];
  cancelTimer?: () => void;
  version: number;
  snapshot?: SampledSeries;
  lastSampleAt?: number;
}

function num(q: string | undefined): number | undefined {
  if (q === undefined) return undefined;
  const parsed = tryParseQuantity(q);
  return parsed ? quantityToNumber(parsed) : undefined;
}

function specMetricName(spec: MetricSpec): string | undefined {
  return (
    spec.external?.metric.name ??
    spec.resource?.name ??
    spec.containerResource?.name ??
    spec.pods?.metric.name ??
    spec.object?.metric.name
  );
}

function statusMetricName(status: MetricStatus): string | undefined {
  return status.external?.metric.name ?? status.resource?.name ?? status.containerResource?.name;
}

/** The value KEDA's scaler reported, from one `currentMetrics` entry of an HPA. */
function hpaValue(
  spec: MetricSpec,
  status: MetricStatus,
  currentReplicas: number,
): { value: number; perPod?: number } | undefined {
  if (spec.external && status.external) {
    const c = status.external.current;
    if (spec.external.target.type === 'Value') {
      const value = num(c.value);
      return value === undefined ? undefined : { value };
    }
    const perPod = num(c.averageValue);
    if (perPod === undefined || currentReplicas <= 0) return undefined;
    return { value: Math.round(perPod * currentReplicas * 1000) / 1000, perPod };
  }
  const resource = status.resource ?? status.containerResource;
  if (resource) {
    const c = resource.current;
    if (c.averageUtilization !== undefined) return { value: c.averageUtilization };
    const v = num(c.averageValue);
    return v === undefined ? undefined : { value: v };
  }
  return undefined;
}

function targetOf(spec: MetricSpec): { targetType?: MetricTargetType; target?: number } {
  const t = spec.external?.target ?? spec.resource?.target ?? spec.containerResource?.target;
  if (!t) return {};
  const target =
    t.type === 'Utilization' ? t.averageUtilization : num(t.type === 'Value' ? t.value : t.averageValue);
  return { targetType: t.type, ...(target === undefined ? {} : { target }) };
}

function activationOf(so: ScaledObject, triggerIndex: number | undefined): number | undefined {
  if (triggerIndex === undefined) return undefined;
  const trigger = so.spec.triggers[triggerIndex];
  if (!trigger) return undefined;
  const info = triggerTargetInfo(trigger.type);
  if (!info?.activationKey) return undefined;
  const raw = trigger.metadata?.[info.activationKey];
  if (raw !== undefined && raw !== '') {
    const v = Number(raw);
    return Number.isFinite(v) ? v : undefined;
  }
  return defaultNumber(info.activationDefault);
}

function sameCounts(a: ReplicaSample, b: ReplicaSample): boolean {
  return (
    a.current === b.current &&
    a.desired === b.desired &&
    a.hpaDesired === b.hpaDesired &&
    a.min === b.min &&
    a.max === b.max
  );
}

/** The HPA KEDA manages for `so`. */
export function hpaNameOf(so: ScaledObject): string {
  return (
    so.status?.hpaName ??
    so.spec.advanced?.horizontalPodAutoscalerConfig?.name ??
    `keda-hpa-${so.metadata.name ?? ''}`
  );
}

/**
 * Time series of a ScaledObject's metrics and replicas, for the objects on screen.
 *
 * Metric values come from the HPA's `status.currentMetrics`, which the KedaStore already watches,
 * so sampling costs the event sources (RabbitMQ, Kafka...) nothing. Only when the HPA has no value
 * for a metric (target at 0, ScaledObject paused, HPA missing) does the sampler ask KEDA's external
 * metrics API itself, at most once per max(pollingInterval, 15 s) per object, and only while the
 * object is retained. Series live in ring buffers (`capacity` samples each). Listeners are told
 * once per microtask however many objects changed.
 */
export class MetricsSampler {
  private static readonly shared = new WeakMap<KedaStore, MetricsSampler>();

  /** The sampler shared by every view of `store` (created with `options` on first use). */
  static for(store: KedaStore, options?: MetricsSamplerOptions): MetricsSampler {
    let sampler = MetricsSampler.shared.get(store);
    if (!sampler) {
      sampler = new MetricsSampler(store, options);
      MetricsSampler.shared.set(store, sampler);
    }
    return sampler;
  }

  private readonly scheduler: SamplerScheduler;
  private readonly capacity: number;
  private readonly minPollMs: number;
  private readonly tracked = new Map<string, Tracked>();
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribeStore: () => void;
  private notifyQueued = false;
  private disposed = false;
  private pendingHistory: HistoryRecord[] = [];
  private flushQueued = false;

  constructor(
    readonly store: KedaStore,
    private readonly options: MetricsSamplerOptions = {},
  ) {
    this.scheduler = options.scheduler ?? systemScheduler;
    this.capacity = options.capacity ?? DEFAULT_SAMPLE_CAPACITY;
    this.minPollMs = options.minPollIntervalMs ?? MIN_POLL_INTERVAL_MS;
    this.unsubscribeStore = store.subscribe(() => this.sampleAll());
  }

  /** How far back samples are kept across reloads, or undefined when they live in memory only. */
  get keptForMs(): number | undefined {
    return this.options.history ? (this.options.historyWindowMs ?? 24 * 3600_000) : undefined;
  }

  /**
   * Starts sampling `ref` (it is on screen) and returns the release function. Watches the
   * ScaledObjects and HPAs of its namespace and its scale target's kind through the store.
   */
  retain(ref: SampledRef): () => void {
    const key = `${ref.namespace}/${ref.name}`;
    let t = this.tracked.get(key);
    if (!t) {
      t = {
        ref: { namespace: ref.namespace, name: ref.name },
        key,
        users: 0,
        releases: [
          this.store.retain(ScaledObjectResource, { namespace: ref.namespace }),
          this.store.retain(HorizontalPodAutoscalerResource, { namespace: ref.namespace }),
        ],
        metrics: new Map(),
        infos: new Map(),
        replicas: new RingBuffer<ReplicaSample>(this.capacity),
        external: { active: false, intervalMs: this.minPollMs },
        pollInFlight: false,
        missing: [],
        version: 0,
      };
      this.tracked.set(key, t);
      void this.loadHistory(t);
      this.sample(t);
    }
    t.users += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release(key);
    };
  }

  /** What has been sampled for `ref` (empty series when it is not retained). */
  series(ref: SampledRef): SampledSeries {
    const t = this.tracked.get(`${ref.namespace}/${ref.name}`);
    if (!t) {
      return {
        ref,
        version: 0,
        metrics: [],
        replicas: [],
        external: { active: false, intervalMs: this.minPollMs },
      };
    }
    if (!t.snapshot || t.snapshot.version !== t.version) t.snapshot = this.snapshotOf(t);
    return t.snapshot;
  }

  /** Called once per microtask after any retained object's series changed. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribeStore();
    for (const key of [...this.tracked.keys()]) this.drop(key);
    this.listeners.clear();
    if (MetricsSampler.shared.get(this.store) === this) MetricsSampler.shared.delete(this.store);
  }

  private release(key: string): void {
    const t = this.tracked.get(key);
    if (!t) return;
    t.users -= 1;
    if (t.users <= 0) this.drop(key);
  }

  private drop(key: string): void {
    const t = this.tracked.get(key);
    if (!t) return;
    this.tracked.delete(key);
    t.cancelTimer?.();
    t.releaseWorkload?.();
    for (const release of t.releases) release();
  }

  private sampleAll(): void {
    if (this.disposed) return;
    for (const t of this.tracked.values()) this.sample(t);
  }

  private synced(type: ResourceType, namespace: string): boolean {
    return this.store.collection(type, { namespace }).state.synced;
  }

  private find<T extends KubeObject>(type: ResourceType, namespace: string, name: string): T | undefined {
    return this.store.collection<T>(type, { namespace }).items.find((o) => o.metadata.name === name);
  }

  private sample(t: Tracked): void {
    const { namespace, name } = t.ref;
    // Decide nothing before the lists are in: an HPA not listed yet is not a missing HPA.
    if (
      !this.synced(ScaledObjectResource, namespace) ||
      !this.synced(HorizontalPodAutoscalerResource, namespace)
    )
      return;
    const so = this.find<ScaledObject>(ScaledObjectResource, namespace, name);
    if (!so) return;
    const now = this.scheduler.now();
    const pause = scaledObjectPauseState(so.metadata.annotations);
    const pollSeconds = so.spec.pollingInterval ?? KEDA_DEFAULTS.pollingInterval;
    t.external.intervalMs = Math.max(pollSeconds * 1000, this.minPollMs);

    const workload = this.watchWorkload(t, so);
    const hpa = this.find<HorizontalPodAutoscaler>(HorizontalPodAutoscalerResource, namespace, hpaNameOf(so));
    let changed = this.updateInfos(t, so, hpa);

    const hpaVersion = hpa ? `${hpa.metadata.uid ?? ''}@${hpa.metadata.resourceVersion ?? ''}` : undefined;
    const reported = new Set<string>();
    const currentReplicas = hpa?.status?.currentReplicas ?? 0;
    const hpaUsable = !!hpa && !pause.paused && currentReplicas > 0;
    if (hpa && hpaUsable) {
      const statuses = hpa.status?.currentMetrics ?? [];
      for (const spec of hpa.spec.metrics ?? []) {
        const metricName = specMetricName(spec);
        if (!metricName) continue;
        const status = statuses.find((s) => s.type === spec.type && statusMetricName(s) === metricName);
        const v = status && hpaValue(spec, status, currentReplicas);
        if (!v) continue;
        reported.add(metricName);
        if (hpaVersion !== t.lastHpaVersion) {
          this.pushMetric(t, metricName, { t: now, ...v, source: 'hpa' });
          changed = true;
        }
      }
    }
    t.lastHpaVersion = hpaVersion;

    const workloadKnown = !t.workloadType || this.synced(t.workloadType, namespace);
    const replicas = workloadKnown ? this.replicaSample(now, so, hpa, workload) : undefined;
    const last = t.replicas.last();
    if (replicas && (!last || !sameCounts(last, replicas))) {
      t.replicas.push(replicas);
      this.record({ object: this.historyId(t), kind: 'replicas', sample: replicas });
      t.lastSampleAt = now;
      changed = true;
    }

    const missing = this.externalNames(so, hpa).filter((m) => !reported.has(m));
    t.missing = missing;
    const wasActive = t.external.active;
    t.external.active = missing.length > 0;
    if (wasActive !== t.external.active) changed = true;
    if (t.external.active) this.schedulePoll(t);
    else {
      t.cancelTimer?.();
      t.cancelTimer = undefined;
    }
    if (changed) this.touch(t);
  }

  /** External metric names of the object (status first, else the HPA spec). */
  private externalNames(so: ScaledObject, hpa: HorizontalPodAutoscaler | undefined): string[] {
    const fromStatus = so.status?.externalMetricNames ?? [];
    if (fromStatus.length) return [...fromStatus];
    return (hpa?.spec.metrics ?? []).flatMap((m) => (m.external ? [m.external.metric.name] : []));
  }

  private updateInfos(t: Tracked, so: ScaledObject, hpa: HorizontalPodAutoscaler | undefined): boolean {
    const next = new Map<string, MetricSeriesInfo>();
    const names = [
      ...(hpa?.spec.metrics ?? []).map((m) => specMetricName(m)).filter((n): n is string => !!n),
      ...(so.status?.externalMetricNames ?? []),
      ...(so.status?.resourceMetricNames ?? []),
    ];
    for (const metricName of names) {
      if (next.has(metricName)) continue;
      const spec = hpa?.spec.metrics?.find((m) => specMetricName(m) === metricName);
      let triggerIndex = triggerIndexOfMetricName(metricName);
      if (triggerIndex === undefined)
        triggerIndex = so.spec.triggers.findIndex((tr) => tr.type === metricName);
      const trigger = triggerIndex >= 0 ? so.spec.triggers[triggerIndex] : undefined;
      const info: MetricSeriesInfo = {
        metricName,
        ...(trigger ? { triggerIndex, triggerType: trigger.type } : {}),
        ...(trigger?.name ? { triggerName: trigger.name } : {}),
        ...(spec ? { metricType: spec.type, ...targetOf(spec) } : {}),
      };
      const activation = activationOf(so, trigger ? triggerIndex : undefined);
      if (activation !== undefined) info.activationThreshold = activation;
      next.set(metricName, info);
    }
    const same =
      next.size === t.infos.size &&
      [...next].every(([k, v]) => JSON.stringify(v) === JSON.stringify(t.infos.get(k)));
    if (same) return false;
    t.infos = next;
    return true;
  }

  private watchWorkload(t: Tracked, so: ScaledObject): KubeObject | undefined {
    const ref = so.spec.scaleTargetRef;
    const type = workloadResource(ref.apiVersion ?? 'apps/v1', ref.kind ?? 'Deployment');
    if (type !== t.workloadType) {
      t.releaseWorkload?.();
      t.releaseWorkload = type ? this.store.retain(type, { namespace: t.ref.namespace }) : undefined;
      t.workloadType = type;
    }
    return type ? this.find(type, t.ref.namespace, ref.name) : undefined;
  }

  private replicaSample(
    now: number,
    so: ScaledObject,
    hpa: HorizontalPodAutoscaler | undefined,
    workload: KubeObject | undefined,
  ): ReplicaSample | undefined {
    const w = workload as { spec?: { replicas?: number }; status?: { replicas?: number } } | undefined;
    const current = w ? (w.status?.replicas ?? 0) : hpa?.status?.currentReplicas;
    const desired = w?.spec?.replicas ?? hpa?.status?.desiredReplicas;
    if (current === undefined && desired === undefined) return undefined;
    const sample: ReplicaSample = {
      t: now,
      min: so.spec.minReplicaCount ?? KEDA_DEFAULTS.minReplicaCount,
      max: so.spec.maxReplicaCount ?? KEDA_DEFAULTS.maxReplicaCount,
    };
    if (current !== undefined) sample.current = current;
    if (desired !== undefined) sample.desired = desired;
    if (hpa?.status?.desiredReplicas !== undefined) sample.hpaDesired = hpa.status.desiredReplicas;
    return sample;
  }

  private pushMetric(t: Tracked, metricName: string, sample: MetricSample): void {
    let buffer = t.metrics.get(metricName);
    if (!buffer) {
      buffer = new RingBuffer<MetricSample>(this.capacity);
      t.metrics.set(metricName, buffer);
    }
    buffer.push(sample);
    t.lastSampleAt = sample.t;
    this.record({ object: this.historyId(t), kind: 'metric', metricName, sample });
  }

  private schedulePoll(t: Tracked): void {
    if (t.pollInFlight || t.cancelTimer) return;
    const now = this.scheduler.now();
    const due =
      t.external.lastRequestAt === undefined ? now : t.external.lastRequestAt + t.external.intervalMs;
    if (due <= now) {
      void this.poll(t);
      return;
    }
    t.cancelTimer = this.scheduler.setTimeout(() => {
      t.cancelTimer = undefined;
      if (this.tracked.get(t.key) !== t) return;
      this.sample(t);
    }, due - now);
  }

  private async poll(t: Tracked): Promise<void> {
    const names = [...t.missing];
    if (!names.length) return;
    t.pollInFlight = true;
    t.external.lastRequestAt = this.scheduler.now();
    try {
      for (const metricName of names) {
        let list: KubeList<ExternalMetricValue>;
        try {
          list = await this.store.client.list<ExternalMetricValue>(
            externalMetricResource(metricName),
            { namespace: t.ref.namespace },
            { labelSelector: `${SCALED_OBJECT_NAME_LABEL}=${t.ref.name}` },
          );
        } catch (e) {
          t.external.error = e instanceof KubeApiError ? e : new KubeApiError(0, String(e));
          continue;
        }
        if (this.tracked.get(t.key) !== t) return;
        const values = list.items.map((i) => num(i.value)).filter((v): v is number => v !== undefined);
        if (!values.length) continue;
        t.external.error = undefined;
        const value = values.reduce((a, b) => a + b, 0);
        this.pushMetric(t, metricName, { t: this.scheduler.now(), value, source: 'external-metrics' });
      }
    } finally {
      t.pollInFlight = false;
    }
    if (this.tracked.get(t.key) !== t) return;
    this.touch(t);
    if (t.external.active) this.schedulePoll(t);
  }

  private async loadHistory(t: Tracked): Promise<void> {
    const history = this.options.history;
    if (!history) return;
    const since = this.scheduler.now() - (this.options.historyWindowMs ?? 24 * 3600_000);
    let records: HistoryRecord[];
    try {
      records = await history.load(this.historyId(t), since);
    } catch {
      return; // History is a convenience: a broken IndexedDB must not break live sampling.
    }
    if (this.tracked.get(t.key) !== t || !records.length) return;
    const byMetric = new Map<string, MetricSample[]>();
    const replicas: ReplicaSample[] = [];
    for (const r of records) {
      if (r.kind === 'replicas') replicas.push(r.sample);
      else {
        const list = byMetric.get(r.metricName) ?? [];
        list.push(r.sample);
        byMetric.set(r.metricName, list);
      }
    }
    const merge = <T extends { t: number }>(old: T[], live: T[]): T[] => {
      const firstLive = live[0]?.t ?? Infinity;
      return [...old.filter((s) => s.t < firstLive), ...live];
    };
    for (const [metricName, samples] of byMetric) {
      let buffer = t.metrics.get(metricName);
      if (!buffer) {
        buffer = new RingBuffer<MetricSample>(this.capacity);
        t.metrics.set(metricName, buffer);
      }
      buffer.reset(merge(samples, buffer.toArray()));
    }
    t.replicas.reset(
      merge(replicas, t.replicas.toArray()).filter((r, i, all) => i === 0 || !sameCounts(all[i - 1]!, r)),
    );
    this.touch(t);
  }

  private historyId(t: Tracked): string {
    const scope = this.options.historyScope ?? (this.store.client as { baseUrl?: unknown }).baseUrl;
    return typeof scope === 'string' && scope ? `${scope} ${t.key}` : t.key;
  }

  private record(record: HistoryRecord): void {
    if (!this.options.history) return;
    this.pendingHistory.push(record);
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      const batch = this.pendingHistory;
      this.pendingHistory = [];
      this.options.history?.append(batch).catch(() => undefined);
    });
  }

  private snapshotOf(t: Tracked): SampledSeries {
    const names = new Set([...t.infos.keys(), ...t.metrics.keys()]);
    const metrics: MetricSeries[] = [...names].map((metricName) => ({
      ...(t.infos.get(metricName) ?? { metricName }),
      samples: t.metrics.get(metricName)?.toArray() ?? [],
    }));
    return {
      ref: t.ref,
      version: t.version,
      metrics,
      replicas: t.replicas.toArray(),
      external: { ...t.external },
      ...(t.lastSampleAt === undefined ? {} : { lastSampleAt: t.lastSampleAt }),
    };
  }

  private touch(t: Tracked): void {
    t.version += 1;
    if (this.notifyQueued || this.disposed) return;
    this.notifyQueued = true;
    queueMicrotask(() => {
      this.notifyQueued = false;
      if (this.disposed) return;
      for (const listener of this.listeners) listener();
    });
  }
}

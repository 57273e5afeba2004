/**
 * The simulated event sources every trigger reads. A source is created the first time a trigger
 * reads it (from a scenario rule when one matches, else with defaults) and can be changed live:
 * - queues (RabbitMQ, Kafka lag, SQS…) hold a backlog: arrivals follow the curve (a rate, plus
 *   `bursts` batches) and, with `drain`, Running+Ready consumer pods work it off at
 *   `perConsumerPerSecond` each; the integration is exact between pod changes;
 * - gauges (Prometheus, metrics-api, SQL queries…) follow their curve (or a value set live);
 * - cron follows its schedule and timezone; kubernetes-workload counts pods;
 * - cpu/memory are the load of a workload, spread over its ready pods (for the HPA's metrics).
 * Any source can be switched to failing (the scaler then errors, for fallback).
 */
import type {
  TriggerLike,
  ResolvedTriggerParams,
} from '../../../../components/src/core/keda/trigger-params.ts';
import type { Clock } from '../core/clock.ts';
import { getPath, isObject } from '../core/json.ts';
import { LabelSelector } from '../core/selectors.ts';
import { podResource } from '../registry/builtin.ts';
import { storageKey, type KObject } from '../registry/types.ts';
import type { ObjectStore } from '../store/store.ts';
import { cronReading } from './cron.ts';
import { curveArrivals, curveValue, type Curve } from './curves.ts';
import { defaultFailure, sourceEndpoint, sourceKey, sourceKindOf, type SourceKind } from './identity.ts';

/** Consumers of a queue: Running and Ready pods matching `selector` in `namespace`. */
export interface ConsumerSelector {
  namespace: string;
  /** A label selector string, e.g. `app=orders-processor`. */
  selector: string;
}

export interface Drain {
  perConsumerPerSecond: number;
  consumers: ConsumerSelector;
}

/** The settings of a source that can be changed (scenario rules, control API). */
export interface SourceSettings {
  curve?: Curve;
  drain?: Drain | null;
  failing?: boolean;
  /** The error the scaler reports while failing (default: what that scaler's client would say). */
  failureMessage?: string;
}

/** A scenario rule: the settings of the sources it matches, applied when they are created. */
export interface SourceRule extends SourceSettings {
  /** An exact source key … */
  key?: string;
  /** … or a trigger type plus metadata that must match (and the namespace when given). */
  match?: { type: string; namespace?: string; metadata?: Readonly<Record<string, string>> };
  /** Initial backlog of a queue. */
  initial?: number;
}

/** What GET /sim/v1/sources shows of one source. */
export interface SourceView {
  key: string;
  type: string;
  kind: SourceKind;
  value: number | null;
  failing: boolean;
  failureMessage?: string;
  curve?: Curve;
  drain?: Drain;
  /** Ready consumers now (queues with a drain). */
  consumers?: number;
  /** Who read it recently, e.g. `ScaledObject orders/orders-processor`. */
  usedBy: string[];
}

/** One read of a source. */
export type SourceReading = { key: string; value: number; active?: boolean } | { key: string; error: string };

interface Source {
  key: string;
  type: string;
  kind: SourceKind;
  curve: Curve;
  drain: Drain | undefined;
  failing: boolean;
  failureMessage: string | undefined;
  /** Queue backlog and when it was last brought up to date. */
  backlog: number;
  updatedMs: number;
  consumers: number;
  /** A gauge's temporary offset (POST burst). */
  offset: { amount: number; untilMs: number } | undefined;
  usedBy: Map<string, number>;
  /** Trigger metadata (cron, kubernetes-workload). */
  metadata: Readonly<Record<string, string>>;
  namespace: string;
  /** Where the scaler connects (error messages). */
  endpoint: string;
}

export interface SourceRegistryOptions {
  clock: Clock;
  store: ObjectStore;
  /** Wall-clock ms of the scenario's t = 0 (curves read seconds since then). */
  epochMs: number;
  rules?: readonly SourceRule[];
}

const PODS = storageKey(podResource);
const USED_BY_TTL_MS = 10 * 60_000;
/** cpu: idle usage as a share of the request; memory: resident share of the request. */
const IDLE_SHARE: Readonly<Record<string, number>> = { cpu: 0.1, memory: 0.45 };

export class SettingsError extends Error {}

function podReady(pod: KObject): boolean {
  if (pod.metadata.deletionTimestamp) return false;
  if (getPath(pod, ['status', 'phase']) !== 'Running') return false;
  const conditions = getPath(pod, ['status', 'conditions']);
  return (
    Array.isArray(conditions) &&
    conditions.some((c) => isObject(c) && c.type === 'Ready' && c.status === 'True')
  );
}

function ruleMatches(rule: SourceRule, key: string, trigger: TriggerLike, namespace: string): boolean {
  if (rule.key !== undefined) return rule.key === key;
  const m = rule.match;
  if (!m || m.type !== trigger.type) return false;
  if (m.namespace !== undefined && m.namespace !== namespace) return false;
  return Object.entries(m.metadata ?? {}).every(([k, v]) => trigger.metadata?.[k] === v);
}

export class SourceRegistry {
  private readonly sources = new Map<string, Source>();
  private readonly rules: SourceRule[];
  private readonly clock: Clock;
  private readonly store: ObjectStore;
  readonly epochMs: number;
  private unsubscribe: (() => void) | undefined;

  constructor(options: SourceRegistryOptions) {
    this.clock = options.clock;
    this.store = options.store;
    this.epochMs = options.epochMs;
    this.rules = [...(options.rules ?? [])];
    // Consumers change only when pods do: bring the queues up to date with the old count, then recount.
    this.unsubscribe = this.store.subscribe((event) => {
      if (event.resource !== PODS) return;
      const ns = event.object.metadata.namespace;
      for (const source of this.sources.values()) {
        if (source.drain && source.drain.consumers.namespace === ns) this.update(source);
      }
    });
  }

  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Adds scenario rules (they apply to sources created from now on, and to existing ones with a key). */
  addRules(rules: readonly SourceRule[]): void {
    for (const rule of rules) {
      this.rules.push(rule);
      if (rule.key) {
        const existing = this.sources.get(rule.key);
        if (existing) this.apply(existing, rule);
      }
    }
  }

  /**
   * Reads the source a trigger names, creating it on first use. `consumers` is the default drain of
   * a new queue (the pods of the scale target, or the ScaledJob's job pods).
   */
  read(
    trigger: TriggerLike,
    namespace: string,
    resolved: ResolvedTriggerParams,
    reader: string,
    consumers?: ConsumerSelector,
  ): SourceReading {
    const key = sourceKey(trigger, namespace, resolved);
    const source =
      this.sources.get(key) ?? this.create(key, trigger, namespace, consumers, undefined, resolved);
    const now = this.nowMs();
    source.usedBy.set(reader, now);
    if (source.failing)
      return { key, error: source.failureMessage ?? defaultFailure(source.type, source.endpoint) };
    if (source.kind === 'cron') {
      try {
        const reading = cronReading(source.metadata, now);
        return { key, value: reading.value, active: reading.active };
      } catch (error) {
        return { key, error: error instanceof Error ? error.message : String(error) };
      }
    }
    return { key, value: this.valueOf(source) };
  }

  /**
   * Resource usage of pods (metrics.k8s.io) in milli-units (millicores; bytes × 1000): a
   * workload's load (its `cpu:<ns>/<name>` source in millicores, `memory:…` in bytes) spread over
   * its ready pods, on top of an idle share of each pod's request. Pods not Running get no sample.
   */
  podUsage(
    namespace: string,
    workload: string,
    resource: 'cpu' | 'memory',
    pods: readonly { name: string; running: boolean; ready: boolean; requestMilli?: number }[],
  ): Map<string, number> {
    const key = `${resource}:${namespace}/${workload}`;
    const source =
      this.sources.get(key) ??
      this.create(key, { type: resource, metadata: {} }, namespace, undefined, {
        type: 'constant',
        value: 0,
      });
    source.usedBy.set(`Workload ${namespace}/${workload}`, this.nowMs());
    const load = source.failing ? 0 : Math.max(0, this.valueOf(source));
    const ready = pods.filter((p) => p.running && p.ready).length;
    const usage = new Map<string, number>();
    // milli-units: millicores for cpu (the load is in millicores), bytes × 1000 for memory (load in bytes).
    const loadMilli = resource === 'cpu' ? load : load * 1000;
    const defaultRequest = resource === 'cpu' ? 100 : 128 * 1024 * 1024 * 1000;
    for (const pod of pods) {
      if (!pod.running) continue;
      const idle = (pod.requestMilli ?? defaultRequest) * (IDLE_SHARE[resource] ?? 0);
      const share = pod.ready && ready > 0 ? loadMilli / ready : 0;
      usage.set(pod.name, Math.round(idle + share));
    }
    return usage;
  }

  list(): SourceView[] {
    return [...this.sources.values()]
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((s) => this.view(s));
  }

  has(key: string): boolean {
    return this.sources.has(key);
  }

  get(key: string): SourceView | undefined {
    const source = this.sources.get(key);
    return source ? this.view(source) : undefined;
  }

  /**
   * Changes a source: `value` sets a queue's backlog (or pins a gauge to a constant), the other
   * fields replace the settings. Throws SettingsError for an unknown key.
   */
  configure(key: string, settings: SourceSettings & { value?: number }): SourceView {
    const source = this.sources.get(key);
    if (!source) throw new SettingsError(`source "${key}" not found`);
    this.update(source);
    this.apply(source, settings);
    if (settings.value !== undefined) {
      if (source.kind === 'queue') source.backlog = Math.max(0, settings.value);
      else {
        source.curve = { type: 'constant', value: settings.value };
        source.offset = undefined;
      }
    }
    return this.view(source);
  }

  /** A burst: a queue gets `amount` more messages; a gauge is `amount` higher for `durationSeconds` (60). */
  burst(key: string, amount: number, durationSeconds = 60): SourceView {
    const source = this.sources.get(key);
    if (!source) throw new SettingsError(`source "${key}" not found`);
    this.update(source);
    if (source.kind === 'queue') source.backlog = Math.max(0, source.backlog + amount);
    else source.offset = { amount, untilMs: this.nowMs() + durationSeconds * 1000 };
    return this.view(source);
  }

  // -------------------------------------------------------------------------------------------

  private nowMs(): number {
    return this.clock.now().getTime();
  }

  private create(
    key: string,
    trigger: TriggerLike,
    namespace: string,
    consumers: ConsumerSelector | undefined,
    curve?: Curve,
    resolved: ResolvedTriggerParams = {},
  ): Source {
    const kind = sourceKindOf(trigger.type);
    const source: Source = {
      key,
      type: trigger.type,
      kind,
      curve: curve ?? { type: 'constant', value: 0 },
      drain: kind === 'queue' && consumers ? { perConsumerPerSecond: 1, consumers } : undefined,
      failing: false,
      failureMessage: undefined,
      backlog: 0,
      updatedMs: this.nowMs(),
      consumers: 0,
      offset: undefined,
      usedBy: new Map(),
      metadata: { ...(trigger.metadata ?? {}) },
      namespace,
      endpoint: sourceEndpoint(trigger, resolved),
    };
    for (const rule of this.rules) {
      if (!ruleMatches(rule, key, trigger, namespace)) continue;
      this.apply(source, rule);
      if (rule.initial !== undefined) source.backlog = rule.initial;
    }
    source.consumers = this.countConsumers(source);
    this.sources.set(key, source);
    return source;
  }

  private apply(source: Source, settings: SourceSettings): void {
    if (settings.curve !== undefined) source.curve = settings.curve;
    if (settings.drain !== undefined) source.drain = settings.drain ?? undefined;
    if (settings.failing !== undefined) source.failing = settings.failing;
    if (settings.failureMessage !== undefined) source.failureMessage = settings.failureMessage || undefined;
    source.consumers = this.countConsumers(source);
  }

  private countConsumers(source: Source): number {
    const drain = source.drain;
    if (!drain) return 0;
    let selector: LabelSelector;
    try {
      selector = LabelSelector.parse(drain.consumers.selector);
    } catch {
      return 0;
    }
    return this.store
      .scan(PODS, drain.consumers.namespace)
      .filter((p) => selector.matches(p.metadata.labels) && podReady(p)).length;
  }

  /** Brings a queue's backlog up to now with the consumers counted at the last update, then recounts. */
  private update(source: Source): void {
    const now = this.nowMs();
    if (source.kind === 'queue' && now > source.updatedMs) {
      const t0 = (source.updatedMs - this.epochMs) / 1000;
      const t1 = (now - this.epochMs) / 1000;
      const arrivals = curveArrivals(source.curve, t0, t1, this.epochMs);
      const drained = source.drain ? source.drain.perConsumerPerSecond * source.consumers * (t1 - t0) : 0;
      source.backlog = Math.max(0, source.backlog + arrivals - drained);
    }
    source.updatedMs = now;
    source.consumers = this.countConsumers(source);
  }

  private valueOf(source: Source): number {
    const now = this.nowMs();
    switch (source.kind) {
      case 'queue':
        this.update(source);
        // A message being worked on is still in the queue until it is acknowledged.
        return Math.max(0, Math.ceil(source.backlog - 1e-9));
      case 'workload': {
        let selector: LabelSelector;
        try {
          selector = LabelSelector.parse(source.metadata.podSelector ?? '');
        } catch {
          return 0;
        }
        return this.store.scan(PODS, source.namespace).filter((p) => {
          const phase = getPath(p, ['status', 'phase']);
          return selector.matches(p.metadata.labels) && (phase === 'Running' || phase === 'Pending');
        }).length;
      }
      default: {
        const t = (now - this.epochMs) / 1000;
        const offset = source.offset && source.offset.untilMs > now ? source.offset.amount : 0;
        return curveValue(source.curve, t, now) + offset;
      }
    }
  }

  private view(source: Source): SourceView {
    const now = this.nowMs();
    for (const [reader, at] of source.usedBy) if (now - at > USED_BY_TTL_MS) source.usedBy.delete(reader);
    let value: number | null = null;
    if (source.kind === 'cron') {
      try {
        value = cronReading(source.metadata, now).value;
      } catch {
        value = null;
      }
    } else value = this.valueOf(source);
    const view: SourceView = {
      key: source.key,
      type: source.type,
      kind: source.kind,
      value,
      failing: source.failing,
      usedBy: [...source.usedBy.keys()].sort(),
    };
    if (source.failing)
      view.failureMessage = source.failureMessage ?? defaultFailure(source.type, source.endpoint);
    if (source.kind !== 'cron' && source.kind !== 'workload') view.curve = source.curve;
    if (source.drain) {
      view.drain = source.drain;
      view.consumers = source.consumers;
    }
    return view;
  }
}

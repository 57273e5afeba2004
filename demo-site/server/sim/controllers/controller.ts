/**
 * Controllers: small reconcilers that react to store events off the request path (on a later
 * macrotask), like the real control plane does. Each one gets the same context.
 */
import type { ResourceService } from '../api/service.ts';
import { beginWork } from '../core/activity.ts';
import type { Clock } from '../core/clock.ts';
import type { Random } from '../core/random.ts';
import type { Scheduler } from '../core/virtual-clock.ts';
import type { ExternalMetricsRegistry } from '../metrics/external-metrics.ts';
import type { ResourceRegistry } from '../registry/registry.ts';
import type { ObjectStore } from '../store/store.ts';

export interface ControllerContext {
  store: ObjectStore;
  service: ResourceService;
  registry: ResourceRegistry;
  clock: Clock;
  log: (line: string) => void;
  /** Where the KEDA controller registers the operator side of external.metrics.k8s.io. */
  externalMetrics: ExternalMetricsRegistry;
  /** Timers in virtual time (the clock's). */
  scheduler: Scheduler;
  /** The cluster's seeded randomness (pod IPs, startup jitter…). */
  random: Random;
}

export interface Controller {
  readonly name: string;
  start(context: ControllerContext): void;
  stop(): void;
}

/** Deduplicating work queue drained on a later macrotask (setImmediate). */
export class WorkQueue<T> {
  private readonly pending = new Map<string, T>();
  private scheduled: NodeJS.Immediate | undefined;
  private done: (() => void) | undefined;
  private stopped = false;

  constructor(
    private readonly process: (item: T) => void,
    private readonly onError: (error: unknown, item: T) => void,
  ) {}

  add(key: string, item: T): void {
    if (this.stopped) return;
    this.pending.set(key, item);
    if (!this.scheduled) {
      this.done = beginWork();
      this.scheduled = setImmediate(() => this.drain());
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.pending.clear();
    this.done?.();
  }

  private drain(): void {
    this.scheduled = undefined;
    const done = this.done;
    const items = [...this.pending.values()];
    this.pending.clear();
    try {
      for (const item of items) {
        if (this.stopped) return;
        try {
          this.process(item);
        } catch (error) {
          this.onError(error, item);
        }
      }
    } finally {
      // Work this drain added is counted by the next one before this one is released.
      done?.();
    }
  }
}

/** `keda.sh/scaledobjects` → {group: 'keda.sh', plural: 'scaledobjects'}. */
export function parseStorageKey(key: string): { group: string; plural: string } {
  const i = key.lastIndexOf('/');
  return { group: key.slice(0, i), plural: key.slice(i + 1) };
}

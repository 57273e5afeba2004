/**
 * Controllers: small reconcilers that react to store events off the request path (on a later
 * macrotask), like the real control plane does. Each one gets the same context.
 */
import type { ResourceService } from '../api/service.ts';
import type { Clock } from '../core/clock.ts';
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
  private stopped = false;

  constructor(
    private readonly process: (item: T) => void,
    private readonly onError: (error: unknown, item: T) => void,
  ) {}

  add(key: string, item: T): void {
    if (this.stopped) return;
    this.pending.set(key, item);
    this.scheduled ??= setImmediate(() => this.drain());
  }

  stop(): void {
    this.stopped = true;
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.pending.clear();
  }

  private drain(): void {
    this.scheduled = undefined;
    const items = [...this.pending.values()];
    this.pending.clear();
    for (const item of items) {
      if (this.stopped) return;
      try {
        this.process(item);
      } catch (error) {
        this.onError(error, item);
      }
    }
  }
}

/** `keda.sh/scaledobjects` → {group: 'keda.sh', plural: 'scaledobjects'}. */
export function parseStorageKey(key: string): { group: string; plural: string } {
  const i = key.lastIndexOf('/');
  return { group: key.slice(0, i), plural: key.slice(i + 1) };
}

import type { KubeObject } from '../core/kube/types.js';
import {
  ClusterTriggerAuthenticationResource,
  ScaledJobResource,
  ScaledObjectResource,
  TriggerAuthenticationResource,
  type ResourceType,
} from '../core/kube/resource.js';
import type { ScaledJob, ScaledObject, TriggerAuthentication } from '../core/keda/types.js';
import { Informer, type InformerOptions, type InformerState } from './informer.js';
import type { KubeClient } from './kube-client.js';

export interface KedaStoreOptions {
  /** Restrict every informer to one namespace (RBAC-limited users); all namespaces when unset. */
  namespace?: string;
  informer?: Omit<InformerOptions, 'namespace'>;
}

/** A read-only view of one watched collection, as the elements see it. */
export interface Collection<T extends KubeObject> {
  readonly items: readonly T[];
  readonly state: InformerState;
  /** When a watch event last added or changed the object `namespace/name` (undefined: not recently). */
  changedAt?(key: string): number | undefined;
  /** The object `namespace/name` (`name` when cluster-scoped), looked up without a scan. */
  get?(key: string): T | undefined;
}

interface Entry {
  informer: Informer<KubeObject>;
  users: number;
  unsubscribe: () => void;
}

/**
 * The client-side model of a cluster's KEDA objects: shared informers (one per resource type,
 * started when the first view needs them and stopped when the last one goes), and one coalesced
 * change notification per microtask so a burst of watch events renders once.
 */
export class KedaStore {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private notifyQueued = false;
  private disposed = false;

  constructor(
    readonly client: KubeClient,
    private readonly options: KedaStoreOptions = {},
  ) {}

  /**
   * Starts watching `type` (in one namespace, or all) if no one else is, and returns the function
   * that releases it. Detail views watch one namespace; lists watch all.
   */
  retain(type: ResourceType, scope: { namespace?: string } = {}): () => void {
    const namespace = this.namespaceFor(type, scope.namespace);
    const key = this.keyOf(type, namespace);
    let entry = this.entries.get(key);
    if (!entry) {
      const informer = new Informer<KubeObject>(this.client, type, { ...this.options.informer, namespace });
      const unsubscribe = informer.subscribe(() => this.queueNotify());
      entry = { informer, users: 0, unsubscribe };
      this.entries.set(key, entry);
      informer.start();
    }
    entry.users += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release(key);
    };
  }

  /**
   * What is known of `type` in a namespace (or everywhere). A cluster-wide informer serves a
   * namespace too, so a details view next to a list costs no extra watch.
   */
  collection<T extends KubeObject>(type: ResourceType, scope: { namespace?: string } = {}): Collection<T> {
    const namespace = this.namespaceFor(type, scope.namespace);
    const exact = this.entries.get(this.keyOf(type, namespace))?.informer as Informer<T> | undefined;
    const wide =
      namespace === undefined
        ? undefined
        : (this.entries.get(this.keyOf(type, this.namespaceFor(type, undefined)))?.informer as
            Informer<T> | undefined);
    const informer = exact?.state.synced || !wide ? exact : wide;
    if (informer && informer === wide && namespace !== undefined) {
      return {
        items: informer.items().filter((o) => o.metadata.namespace === namespace),
        state: informer.state,
        changedAt: (key) => informer.changedAt(key),
        get: (key) => (key.startsWith(`${namespace}/`) ? informer.get(key) : undefined),
      };
    }
    if (!informer) {
      return {
        items: [],
        state: {
          phase: 'stopped',
          error: undefined,
          synced: false,
          lastUpdate: undefined,
          resourceVersion: undefined,
        },
      };
    }
    return {
      items: informer.items(),
      state: informer.state,
      changedAt: (key) => informer.changedAt(key),
      get: (key) => informer.get(key),
    };
  }

  get scaledObjects(): Collection<ScaledObject> {
    return this.collection<ScaledObject>(ScaledObjectResource);
  }

  get scaledJobs(): Collection<ScaledJob> {
    return this.collection<ScaledJob>(ScaledJobResource);
  }

  get triggerAuthentications(): Collection<TriggerAuthentication> {
    return this.collection<TriggerAuthentication>(TriggerAuthenticationResource);
  }

  get clusterTriggerAuthentications(): Collection<TriggerAuthentication> {
    return this.collection<TriggerAuthentication>(ClusterTriggerAuthenticationResource);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops every informer; the store cannot be used afterwards. */
  dispose(): void {
    this.disposed = true;
    for (const entry of this.entries.values()) {
      entry.unsubscribe();
      entry.informer.stop();
    }
    this.entries.clear();
    this.listeners.clear();
  }

  private release(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.users -= 1;
    if (entry.users > 0) return;
    entry.unsubscribe();
    entry.informer.stop();
    this.entries.delete(key);
  }

  /** The store's namespace restriction wins; cluster-scoped kinds have none. */
  private namespaceFor(type: ResourceType, namespace: string | undefined): string | undefined {
    if (!type.namespaced) return undefined;
    return this.options.namespace ?? namespace;
  }

  private keyOf(type: ResourceType, namespace: string | undefined): string {
    return `${type.group}/${type.version}/${type.plural}@${namespace ?? '*'}`;
  }

  private queueNotify(): void {
    if (this.notifyQueued || this.disposed) return;
    this.notifyQueued = true;
    queueMicrotask(() => {
      this.notifyQueued = false;
      if (this.disposed) return;
      for (const listener of this.listeners) listener();
    });
  }
}

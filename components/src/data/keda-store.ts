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

  /** Starts watching `type` (if no one else is) and returns the function that releases it. */
  retain(type: ResourceType): () => void {
    const key = this.keyOf(type);
    let entry = this.entries.get(key);
    if (!entry) {
      const informer = new Informer<KubeObject>(this.client, type, {
        ...this.options.informer,
        namespace: type.namespaced ? this.options.namespace : undefined,
      });
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

  collection<T extends KubeObject>(type: ResourceType): Collection<T> {
    const informer = this.entries.get(this.keyOf(type))?.informer as Informer<T> | undefined;
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
    return { items: informer.items(), state: informer.state };
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

  private keyOf(type: ResourceType): string {
    return `${type.group}/${type.version}/${type.plural}`;
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

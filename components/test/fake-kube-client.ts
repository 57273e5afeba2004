import type { KubeList, KubeObject, Status, WatchEvent } from '../src/core/kube/types.js';
import type { ResourceScope, ResourceType } from '../src/core/kube/resource.js';
import {
  KubeApiError,
  type KubeClient,
  type WatchCallbacks,
  type WatchHandle,
  type WatchOptions,
} from '../src/data/kube-client.js';

interface OpenWatch {
  type: ResourceType;
  callbacks: WatchCallbacks<KubeObject>;
  options: WatchOptions;
}

/**
 * A scripted transport for element tests: answers lists from `objects`, lets the test push watch
 * events, end watches and make lists fail, and records every call. The elements under test are real.
 */
export class FakeKubeClient implements KubeClient {
  objects: KubeObject[] = [];
  resourceVersion = 100;
  listError: KubeApiError | undefined;
  /** Resolves pending lists only when the test says so (to observe the loading state). */
  holdLists = false;
  readonly calls: string[] = [];
  private readonly watches = new Set<OpenWatch>();
  private held: Array<() => void> = [];

  async list<T extends KubeObject>(type: ResourceType, scope: ResourceScope = {}): Promise<KubeList<T>> {
    this.calls.push(`list ${type.plural} ${scope.namespace ?? '*'}`);
    if (this.holdLists) await new Promise<void>((resolve) => this.held.push(resolve));
    if (this.listError) throw this.listError;
    return {
      kind: `${type.kind}List`,
      apiVersion: `${type.group}/${type.version}`,
      metadata: { resourceVersion: String(this.resourceVersion) },
      items: this.objects.filter((o) => !scope.namespace || o.metadata.namespace === scope.namespace) as T[],
    };
  }

  releaseLists(): void {
    this.holdLists = false;
    const held = this.held;
    this.held = [];
    for (const resolve of held) resolve();
  }

  watch<T extends KubeObject>(
    type: ResourceType,
    _scope: ResourceScope,
    options: WatchOptions,
    callbacks: WatchCallbacks<T>,
  ): WatchHandle {
    this.calls.push(`watch ${type.plural} from ${options.resourceVersion ?? '-'}`);
    const entry: OpenWatch = { type, callbacks: callbacks as WatchCallbacks<KubeObject>, options };
    this.watches.add(entry);
    queueMicrotask(() => callbacks.onOpen?.());
    return {
      stop: () => {
        if (this.watches.delete(entry)) callbacks.onEnd({ reason: 'aborted' });
      },
    };
  }

  get openWatches(): number {
    return this.watches.size;
  }

  /** Applies a change to `objects` and sends it to every open watch, as an API server would. */
  emit(type: WatchEvent['type'], object: KubeObject): void {
    this.resourceVersion += 1;
    const stamped = {
      ...object,
      metadata: { ...object.metadata, resourceVersion: String(this.resourceVersion) },
    };
    const key = (o: KubeObject) => `${o.metadata.namespace}/${o.metadata.name}`;
    this.objects = this.objects.filter((o) => key(o) !== key(stamped));
    if (type !== 'DELETED') this.objects.push(stamped);
    for (const w of this.watches) w.callbacks.onEvent({ type, object: stamped });
  }

  /** Ends every open watch as if the server closed the stream. */
  endWatches(error?: KubeApiError): void {
    for (const w of [...this.watches]) {
      this.watches.delete(w);
      w.callbacks.onEnd(error ? { reason: 'error', error } : { reason: 'closed' });
    }
  }

  get<T extends KubeObject>(): Promise<T> {
    return Promise.reject(new KubeApiError(405, 'not scripted'));
  }
  create<T extends KubeObject>(): Promise<T> {
    return Promise.reject(new KubeApiError(405, 'not scripted'));
  }
  replace<T extends KubeObject>(): Promise<T> {
    return Promise.reject(new KubeApiError(405, 'not scripted'));
  }
  patch<T extends KubeObject>(): Promise<T> {
    return Promise.reject(new KubeApiError(405, 'not scripted'));
  }
  delete(): Promise<Status | KubeObject> {
    return Promise.reject(new KubeApiError(405, 'not scripted'));
  }
}

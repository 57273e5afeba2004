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
  /** Writes seen by patch/delete, for assertions. */
  readonly writes: Array<{
    verb: string;
    plural: string;
    namespace?: string;
    name?: string;
    body?: unknown;
  }> = [];
  /** When set, the next write fails with this error (like a 403 or 409 from the API server). */
  failNextWrite: KubeApiError | undefined;

  async patch<T extends KubeObject>(type: ResourceType, scope: ResourceScope, patch: unknown): Promise<T> {
    this.writes.push({
      verb: 'patch',
      plural: type.plural,
      namespace: scope.namespace,
      name: scope.name,
      body: patch,
    });
    this.throwIfFailing();
    const current = this.find(scope);
    if (!current) throw new KubeApiError(404, `${type.plural} "${scope.name}" not found`);
    const next = mergePatch(current, patch) as KubeObject;
    this.emit('MODIFIED', next);
    return this.find(scope) as T;
  }

  async delete(type: ResourceType, scope: ResourceScope): Promise<Status | KubeObject> {
    this.writes.push({ verb: 'delete', plural: type.plural, namespace: scope.namespace, name: scope.name });
    this.throwIfFailing();
    const current = this.find(scope);
    if (!current) throw new KubeApiError(404, `${type.plural} "${scope.name}" not found`);
    this.emit('DELETED', current);
    return current;
  }

  private throwIfFailing(): void {
    const error = this.failNextWrite;
    this.failNextWrite = undefined;
    if (error) throw error;
  }

  private find(scope: ResourceScope): KubeObject | undefined {
    return this.objects.find(
      (o) => o.metadata.name === scope.name && o.metadata.namespace === scope.namespace,
    );
  }
}

/** RFC 7386 JSON merge patch. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    typeof target === 'object' && target !== null && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

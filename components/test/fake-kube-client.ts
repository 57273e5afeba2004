import type { KubeList, KubeObject, Status, WatchEvent } from '../src/core/kube/types.js';
import {
  apiVersionOf,
  qualifiedResource,
  type ResourceScope,
  type ResourceType,
} from '../src/core/kube/resource.js';
import {
  KubeApiError,
  type KubeClient,
  type WatchCallbacks,
  type WatchHandle,
  type WatchOptions,
  type WriteOptions,
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
  /**
   * Resolves pending lists (every one, or those of the given plurals) only when the test says so,
   * to observe the loading state.
   */
  holdLists: boolean | readonly string[] = false;
  readonly calls: string[] = [];
  private readonly watches = new Set<OpenWatch>();
  private held: Array<() => void> = [];

  async list<T extends KubeObject>(type: ResourceType, scope: ResourceScope = {}): Promise<KubeList<T>> {
    this.calls.push(`list ${type.plural} ${scope.namespace ?? '*'}`);
    const hold =
      this.holdLists === true || (Array.isArray(this.holdLists) && this.holdLists.includes(type.plural));
    if (hold) await new Promise<void>((resolve) => this.held.push(resolve));
    if (this.listError) throw this.listError;
    const pluralError = this.listErrors[type.plural];
    if (pluralError) throw pluralError;
    return {
      kind: `${type.kind}List`,
      apiVersion: `${type.group}/${type.version}`,
      metadata: { resourceVersion: String(this.resourceVersion) },
      items: this.objects.filter(
        (o) => (!scope.namespace || o.metadata.namespace === scope.namespace) && this.ofType(o, type),
      ) as T[],
    };
  }

  /**
   * Opt-in: lists and watches only see objects whose `kind` is the listed type's (by default every
   * list answers with all `objects`, as the older tests expect).
   */
  byKind = false;
  /** Opt-in: lists of one resource (by plural) fail with this error. */
  listErrors: Record<string, KubeApiError | undefined> = {};

  private ofType(object: KubeObject, type: ResourceType): boolean {
    return !this.byKind || object.kind === type.kind;
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
    const key = (o: KubeObject) =>
      `${this.byKind ? `${o.kind}/` : ''}${o.metadata.namespace}/${o.metadata.name}`;
    this.objects = this.objects.filter((o) => key(o) !== key(stamped));
    if (type !== 'DELETED') this.objects.push(stamped);
    for (const w of this.watches)
      if (this.ofType(stamped, w.type)) w.callbacks.onEvent({ type, object: stamped });
  }

  /** Ends every open watch as if the server closed the stream. */
  endWatches(error?: KubeApiError): void {
    for (const w of [...this.watches]) {
      this.watches.delete(w);
      w.callbacks.onEnd(error ? { reason: 'error', error } : { reason: 'closed' });
    }
  }

  /**
   * Opt-in: `get` answers from `objects` (404 Status when absent). Unset: gets are refused (405
   * `not scripted`), as before.
   */
  serveGets = false;

  async get<T extends KubeObject>(type?: ResourceType, scope: ResourceScope = {}): Promise<T> {
    if (!this.serveGets || !type) throw new KubeApiError(405, 'not scripted');
    this.calls.push(`get ${type.plural} ${scope.namespace ?? '*'}/${scope.name ?? ''}`);
    const current = this.findOfType(type, scope);
    if (!current) throw notFound(type, scope.name ?? '');
    return structuredClone(current) as T;
  }
  /** Every create (dry-run or not), in call order, with the body as sent. */
  readonly creates: Array<{
    plural: string;
    namespace?: string;
    name?: string;
    dryRun: boolean;
    body: KubeObject;
  }> = [];
  /**
   * Opt-in: creates succeed. A dry run answers the object as the server would have stored it
   * without storing it; a real create stores it and tells the watches. Unset: creates are refused
   * (405 `not scripted`), as before.
   */
  acceptCreates = false;
  private createFailures: Array<{ plural: string; dryRun?: boolean; error: KubeApiError; times: number }> =
    [];

  /**
   * Makes creates of `plural` fail with `error` (only dry runs, only real creates, or both when
   * `dryRun` is unset), `times` times (default once).
   */
  failCreate(plural: string, error: KubeApiError, options: { dryRun?: boolean; times?: number } = {}): void {
    this.createFailures.push({
      plural,
      error,
      times: options.times ?? 1,
      ...('dryRun' in options ? { dryRun: options.dryRun } : {}),
    });
  }

  async create<T extends KubeObject>(
    type: ResourceType,
    scope: ResourceScope,
    body: T,
    options: WriteOptions = {},
  ): Promise<T> {
    if (this.accessReview && type.plural === 'selfsubjectaccessreviews') {
      this.calls.push('create selfsubjectaccessreviews');
      const spec = (body as { spec?: { resourceAttributes?: Record<string, unknown> } }).spec;
      const allowed = this.accessReview(spec?.resourceAttributes ?? {});
      return { ...structuredClone(body), status: { allowed } } as T;
    }
    const dryRun = !!options.dryRun;
    this.creates.push({
      plural: type.plural,
      namespace: scope.namespace,
      name: body.metadata.name,
      dryRun,
      body: structuredClone(body),
    });
    if (!this.acceptCreates) throw new KubeApiError(405, 'not scripted');
    const failure = this.createFailures.find(
      (f) => f.plural === type.plural && (f.dryRun === undefined || f.dryRun === dryRun) && f.times > 0,
    );
    if (failure) {
      failure.times -= 1;
      throw failure.error;
    }
    const namespace = type.namespaced ? (scope.namespace ?? body.metadata.namespace) : undefined;
    const exists = this.objects.some(
      (o) =>
        o.kind === type.kind && o.metadata.name === body.metadata.name && o.metadata.namespace === namespace,
    );
    if (exists) {
      throw new KubeApiError(409, `${qualifiedResource(type)} "${body.metadata.name}" already exists`, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        reason: 'AlreadyExists',
        code: 409,
      });
    }
    const stored = {
      ...structuredClone(body),
      apiVersion: apiVersionOf(type),
      kind: type.kind,
      metadata: {
        ...body.metadata,
        ...(namespace ? { namespace } : {}),
        uid: `uid-${type.plural}-${body.metadata.name ?? ''}`,
        creationTimestamp: '2026-11-30T12:00:00Z',
      },
    } as T;
    if (dryRun) return stored;
    this.emit('ADDED', stored);
    return structuredClone(this.objects.find((o) => o.metadata.uid === stored.metadata.uid) as T);
  }
  /** Every replace (PUT), dry-run or not, in call order, with the body as sent. */
  readonly replaces: Array<{
    plural: string;
    namespace?: string;
    name?: string;
    dryRun: boolean;
    body: KubeObject;
  }> = [];
  /**
   * Opt-in: replaces behave like an API server's PUT: 404 when the object is gone, 409 Conflict
   * when the body's `metadata.resourceVersion` is not the stored one, a dry run answers without
   * storing, a real one stores (new resourceVersion) and tells the watches. Unset: refused (405).
   */
  acceptReplaces = false;
  private replaceFailures: Array<{ dryRun?: boolean; error: KubeApiError; times: number }> = [];

  /** Makes replaces fail with `error` (only dry runs, only real ones, or both), `times` times (default once). */
  failReplace(error: KubeApiError, options: { dryRun?: boolean; times?: number } = {}): void {
    this.replaceFailures.push({
      error,
      times: options.times ?? 1,
      ...('dryRun' in options ? { dryRun: options.dryRun } : {}),
    });
  }

  async replace<T extends KubeObject>(
    type?: ResourceType,
    scope: ResourceScope = {},
    body?: T,
    options: WriteOptions = {},
  ): Promise<T> {
    if (!type || !body) throw new KubeApiError(405, 'not scripted');
    const dryRun = !!options.dryRun;
    this.replaces.push({
      plural: type.plural,
      namespace: scope.namespace,
      name: scope.name,
      dryRun,
      body: structuredClone(body),
    });
    if (!this.acceptReplaces) throw new KubeApiError(405, 'not scripted');
    const failure = this.replaceFailures.find(
      (f) => (f.dryRun === undefined || f.dryRun === dryRun) && f.times > 0,
    );
    if (failure) {
      failure.times -= 1;
      throw failure.error;
    }
    const current = this.findOfType(type, scope);
    if (!current) throw notFound(type, scope.name ?? '');
    const sent = body.metadata.resourceVersion;
    if (sent !== undefined && sent !== current.metadata.resourceVersion) {
      const message = `Operation cannot be fulfilled on ${qualifiedResource(type)} "${scope.name}": the object has been modified; please apply your changes to the latest version and try again`;
      throw new KubeApiError(409, message, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message,
        reason: 'Conflict',
        details: { name: scope.name, group: type.group, kind: type.plural },
        code: 409,
      });
    }
    const stored = {
      ...structuredClone(body),
      apiVersion: apiVersionOf(type),
      kind: type.kind,
      metadata: { ...current.metadata, ...structuredClone(body.metadata) },
      ...('status' in current ? { status: (current as { status?: unknown }).status } : {}),
    } as T;
    if (dryRun) return stored;
    this.emit('MODIFIED', stored);
    return structuredClone(this.findOfType(type, scope) as T);
  }

  /**
   * Opt-in: answers SelfSubjectAccessReviews (creates of `selfsubjectaccessreviews`) with
   * `allowed` from this function, without recording them in `creates` or needing `acceptCreates`.
   */
  accessReview: ((attributes: Record<string, unknown>) => boolean) | undefined;

  private findOfType(type: ResourceType, scope: ResourceScope): KubeObject | undefined {
    return this.objects.find(
      (o) =>
        (o.kind === undefined || o.kind === type.kind) &&
        o.metadata.name === scope.name &&
        (!type.namespaced || o.metadata.namespace === scope.namespace),
    );
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

function notFound(type: ResourceType, name: string): KubeApiError {
  const message = `${qualifiedResource(type)} "${name}" not found`;
  return new KubeApiError(404, message, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: 'NotFound',
    details: { name, group: type.group, kind: type.plural },
    code: 404,
  });
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

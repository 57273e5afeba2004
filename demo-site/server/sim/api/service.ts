/**
 * REST semantics of the simulated apiserver, independent of HTTP: create / get / list / update /
 * patch / delete, subresources, optimistic concurrency, generation, finalizers, dry-run.
 * The HTTP layer and the in-process client both call this.
 */
import type { StatusCause } from '../../../../components/src/core/kube/types.ts';
import { apiVersionOf } from '../../../../components/src/core/kube/resource.ts';
import type { Clock } from '../core/clock.ts';
import { errors, isApiError } from '../core/errors.ts';
import { clone, deepEqual, isObject } from '../core/json.ts';
import { dns1123SubdomainCauses } from '../core/names.ts';
import type { Random } from '../core/random.ts';
import { rfc3339 } from '../core/time.ts';
import type { ResourceRegistry } from '../registry/registry.ts';
import {
  fromStorage,
  hasSubresource,
  storageKey,
  toStorage,
  type AllocationContext,
  type KObject,
  type ResourceDef,
} from '../registry/types.ts';
import type { ObjectStore } from '../store/store.ts';
import { makeFilter, matchesFilter, type FilterOptions } from './filter.ts';
import { finalizersAfterDelete } from './propagation.ts';
import {
  applyJsonPatch,
  applyMergePatch,
  applyStrategicMergePatch,
  PatchError,
  type PatchType,
} from './patch/index.ts';
import { subresourceView } from './subresources.ts';

/** How a write treats fields its kind's schema does not know (the `fieldValidation` parameter). */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface WriteOptions {
  /** `dryRun=All`: validate and answer, store nothing. */
  dryRun?: boolean;
  fieldManager?: string;
  /** Unknown fields: `Strict` rejects them, `Warn` (the default) and `Ignore` drop them. */
  fieldValidation?: FieldValidation;
  /** Receives the request's warnings (`Warning` response headers). */
  warn?: (text: string) => void;
}

export interface DeleteOptions extends WriteOptions {
  preconditions?: { uid?: string; resourceVersion?: string };
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
}

/** What validating admission sees of a write. */
export interface AdmissionRequest {
  operation: 'CREATE' | 'UPDATE';
  /** The object about to be stored (defaults and strategy applied, validated). */
  object: KObject;
  /** The stored object, on updates. */
  oldObject: KObject | undefined;
  dryRun: boolean;
  warn: (text: string) => void;
}

/**
 * The stages of a write beyond the kind's strategy, in the apiserver's order: request decoding
 * (schema pruning, defaults, fieldValidation), validation (422) and validating admission (webhooks).
 */
export interface WritePipeline {
  /** Decodes a written body in place; `patch` when it is the result of a patch. Throws 400/422. */
  decode(
    def: ResourceDef,
    object: KObject,
    options: { fieldValidation: FieldValidation; warn: (text: string) => void; source: 'body' | 'patch' },
  ): void;
  /** Field errors after the kind's own; `old` on updates, `subresource` for subresource writes. */
  validate(
    def: ResourceDef,
    object: KObject,
    old: KObject | undefined,
    subresource: string | undefined,
  ): StatusCause[];
  /** Validating admission of main-resource creates and updates: throws to deny. */
  admit(def: ResourceDef, request: AdmissionRequest): void;
}

export interface ListResult {
  items: KObject[];
  resourceVersion: string;
}

/** 415 answer of a real apiserver to a strategic merge patch of a custom resource (KUBE-WIRE §2.8). */
export const CUSTOM_RESOURCE_PATCH_MESSAGE =
  'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml';

const SSA_UNSUPPORTED_MESSAGE =
  'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json';
const SSA_UNSUPPORTED_BUILTIN_MESSAGE = `${SSA_UNSUPPORTED_MESSAGE}, application/strategic-merge-patch+json`;

const NAMESPACES = { group: '', resource: 'namespaces' };
const NAMESPACES_DEF = { group: '', plural: 'namespaces' };

function gr(def: ResourceDef): { group: string; resource: string } {
  return { group: def.group, resource: def.plural };
}

/** Everything except metadata and status: a change here is a spec change (generation bump). */
function specPart(object: KObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(object)) {
    if (k !== 'metadata' && k !== 'status' && k !== 'apiVersion' && k !== 'kind') out[k] = v;
  }
  return out;
}

function withoutRv(object: KObject): KObject {
  const copy = { ...object, metadata: { ...object.metadata } };
  delete copy.metadata.resourceVersion;
  return copy;
}

export class ResourceService {
  constructor(
    private readonly registry: ResourceRegistry,
    private readonly store: ObjectStore,
    private readonly clock: Clock,
    private readonly random: Random,
    private readonly pipeline?: WritePipeline,
  ) {}

  // -------------------------------------------------------------------------------------------
  // Reads

  get(def: ResourceDef, namespace: string | undefined, name: string): KObject {
    const found = this.store.get(storageKey(def), def.namespaced ? namespace : undefined, name);
    if (!found) throw errors.notFound(gr(def), name);
    return fromStorage(def, found);
  }

  getSubresource(
    def: ResourceDef,
    namespace: string | undefined,
    name: string,
    subresource: string,
  ): KObject {
    const view = subresourceView(def, subresource);
    return view.read(def, this.get(def, namespace, name));
  }

  list(def: ResourceDef, options: FilterOptions = {}): ListResult {
    const filter = makeFilter(def, options);
    const items = this.store
      .list(storageKey(def), filter.namespace)
      .map((o) => fromStorage(def, o))
      .filter((o) => matchesFilter(def, filter, o));
    return { items, resourceVersion: String(this.store.currentRv) };
  }

  // -------------------------------------------------------------------------------------------
  // Create

  create(
    def: ResourceDef,
    namespace: string | undefined,
    body: unknown,
    options: WriteOptions = {},
  ): KObject {
    const object = this.checkBody(def, body);
    this.decode(def, object, options, 'body');
    const meta = object.metadata;
    if (def.namespaced) {
      if (meta.namespace && namespace && meta.namespace !== namespace) {
        throw errors.badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
      meta.namespace = namespace ?? meta.namespace;
      if (!meta.namespace) throw errors.badRequest('the namespace of the object must be set');
    } else {
      delete meta.namespace;
    }
    if (!meta.name && meta.generateName)
      meta.name = this.generateName(def, meta.namespace, meta.generateName);
    if (!meta.name) {
      throw errors.invalid({ group: def.group, kind: def.kind }, '', [
        {
          reason: 'FieldValueRequired',
          message: 'Required value: name or generateName is required',
          field: 'metadata.name',
        },
      ]);
    }
    const name = meta.name;
    if (def.namespaced) this.checkNamespaceWritable(def, meta.namespace ?? '', name);
    if (this.store.has(storageKey(def), meta.namespace, name)) throw errors.alreadyExists(gr(def), name);

    meta.uid = this.random.uuid();
    meta.creationTimestamp = rfc3339(this.clock.now());
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    delete meta.managedFields;
    if (def.tracksGeneration) meta.generation = 1;
    else delete meta.generation;
    def.strategy.prepareForCreate?.(object);
    def.strategy.allocate?.(object, this.allocation);
    this.validate(def, object, (def.strategy.validateName ?? dns1123SubdomainCauses)(name));
    this.admit(def, 'CREATE', object, undefined, options);
    if (options.dryRun) return object;
    return fromStorage(def, this.store.insert(storageKey(def), toStorage(def, object)));
  }

  private generateName(def: ResourceDef, namespace: string | undefined, prefix: string): string {
    for (let attempt = 0; attempt < 8; attempt++) {
      const candidate = `${prefix}${this.random.suffix(5)}`;
      if (!this.store.has(storageKey(def), namespace, candidate)) return candidate;
    }
    throw errors.alreadyExists(gr(def), `${prefix}*`);
  }

  private checkNamespaceWritable(def: ResourceDef, namespace: string, name: string): void {
    const ns = this.store.get(storageKey(NAMESPACES_DEF), undefined, namespace);
    if (!ns) throw errors.notFound(NAMESPACES, namespace);
    if (ns.metadata.deletionTimestamp) {
      throw errors.forbidden(
        gr(def),
        name,
        `unable to create new content in namespace ${namespace} because it is being terminated`,
      );
    }
  }

  // -------------------------------------------------------------------------------------------
  // Update (PUT) — main resource or a subresource

  update(
    def: ResourceDef,
    namespace: string | undefined,
    name: string,
    body: unknown,
    options: WriteOptions = {},
    subresource?: string,
  ): KObject {
    return this.write(def, namespace, name, body, options, subresource, 'body');
  }

  /** PUT semantics for a request body or (`patch`) the result of a patch. */
  private write(
    def: ResourceDef,
    namespace: string | undefined,
    name: string,
    body: unknown,
    options: WriteOptions,
    subresource: string | undefined,
    source: 'body' | 'patch',
  ): KObject {
    const current = this.get(def, namespace, name);
    if (subresource) {
      const view = subresourceView(def, subresource);
      if (!isObject(body)) throw errors.badRequest('the request body must be a JSON object');
      const meta = isObject(body.metadata) ? body.metadata : {};
      const requested = typeof meta.resourceVersion === 'string' ? meta.resourceVersion : undefined;
      this.checkResourceVersion(def, current, requested);
      const written = { ...body, metadata: meta } as KObject;
      if (subresource === 'status') {
        // The whole body is decoded (pruned, unknown fields reported) although only status is kept.
        const decoded = clone(written);
        this.decode(def, decoded, options, source);
        written.status = decoded.status;
      }
      const next = view.write(def, current, written);
      if (view.changesSpec) def.strategy.prepareForUpdate?.(next, current);
      const stored = this.commitUpdate(def, current, next, options, subresource);
      return view.read(def, stored);
    }
    const object = this.checkBody(def, body);
    this.decode(def, object, options, source);
    if (object.metadata.name !== undefined && object.metadata.name !== name) {
      throw errors.badRequest(
        `the name of the object (${object.metadata.name}) does not match the name on the URL (${name})`,
      );
    }
    if (
      def.namespaced &&
      object.metadata.namespace !== undefined &&
      object.metadata.namespace !== namespace
    ) {
      throw errors.badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    this.checkResourceVersion(def, current, object.metadata.resourceVersion);
    const next = this.carrySystemFields(def, object, current);
    def.strategy.prepareForUpdate?.(next, current);
    def.strategy.allocate?.(next, this.allocation, current);
    return this.commitUpdate(def, current, next, options);
  }

  private checkResourceVersion(def: ResourceDef, current: KObject, requested: string | undefined): void {
    if (requested && requested !== current.metadata.resourceVersion) {
      throw errors.conflict(gr(def), current.metadata.name ?? '');
    }
  }

  /** The body with the fields a client cannot change copied from the stored object. */
  private carrySystemFields(def: ResourceDef, body: KObject, current: KObject): KObject {
    const next = body;
    const meta = next.metadata;
    const cur = current.metadata;
    meta.name = cur.name;
    if (def.namespaced) meta.namespace = cur.namespace;
    else delete meta.namespace;
    meta.uid = cur.uid;
    meta.creationTimestamp = cur.creationTimestamp;
    meta.resourceVersion = cur.resourceVersion;
    if (cur.generation !== undefined) meta.generation = cur.generation;
    else delete meta.generation;
    if (cur.deletionTimestamp) {
      meta.deletionTimestamp = cur.deletionTimestamp;
      meta.deletionGracePeriodSeconds = cur.deletionGracePeriodSeconds ?? 0;
    } else {
      delete meta.deletionTimestamp;
      delete meta.deletionGracePeriodSeconds;
    }
    delete meta.managedFields;
    if (hasSubresource(def, 'status')) {
      if (current.status === undefined) delete next.status;
      else next.status = clone(current.status);
    }
    return next;
  }

  private commitUpdate(
    def: ResourceDef,
    current: KObject,
    next: KObject,
    options: WriteOptions,
    subresource?: string,
  ): KObject {
    if (def.tracksGeneration) {
      const generation = current.metadata.generation ?? 1;
      next.metadata.generation = deepEqual(specPart(next), specPart(current)) ? generation : generation + 1;
    }
    this.validate(def, next, def.strategy.validateUpdate?.(next, current) ?? [], current, subresource);
    if (!subresource) this.admit(def, 'UPDATE', next, current, options);
    const finalized = next.metadata.deletionTimestamp && this.isFinalized(def, next);
    if (finalized) {
      if (options.dryRun) return next;
      const removed = this.store.remove(storageKey(def), next.metadata.namespace, next.metadata.name ?? '');
      return removed ? fromStorage(def, removed) : next;
    }
    // A no-op write does not bump the resourceVersion.
    if (deepEqual(withoutRv(next), withoutRv(current))) return current;
    if (options.dryRun) return next;
    return fromStorage(def, this.store.replace(storageKey(def), toStorage(def, next)));
  }

  // -------------------------------------------------------------------------------------------
  // Patch

  patch(
    def: ResourceDef,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    patch: unknown,
    options: WriteOptions = {},
    subresource?: string,
  ): KObject {
    if (type === 'apply') {
      throw errors.unsupportedMediaType(
        def.custom ? SSA_UNSUPPORTED_MESSAGE : SSA_UNSUPPORTED_BUILTIN_MESSAGE,
      );
    }
    if (type === 'strategic' && def.custom) throw errors.unsupportedMediaType(CUSTOM_RESOURCE_PATCH_MESSAGE);
    const current = this.get(def, namespace, name);
    const view = subresource ? subresourceView(def, subresource).read(def, current) : current;
    let patched: unknown;
    try {
      if (type === 'merge') patched = applyMergePatch(view, patch);
      else if (type === 'json') patched = applyJsonPatch(view, patch);
      else patched = applyStrategicMergePatch(view, patch, def.patchMergeKeys);
    } catch (error) {
      if (error instanceof PatchError) {
        if (error.stage === 'decode') throw errors.badRequest(error.message);
        throw errors.invalid({ group: def.group, kind: def.kind }, name, [
          { reason: 'FieldValueInvalid', message: error.message },
        ]);
      }
      throw error;
    }
    if (!isObject(patched)) throw errors.badRequest('the patched object is not a JSON object');
    const meta = patched.metadata;
    if (isObject(meta) && meta.name !== undefined && meta.name !== name) {
      throw errors.badRequest(
        `the name of the object (${String(meta.name)}) does not match the name on the URL (${name})`,
      );
    }
    return this.write(def, namespace, name, patched, options, subresource, 'patch');
  }

  // -------------------------------------------------------------------------------------------
  // Delete

  delete(
    def: ResourceDef,
    namespace: string | undefined,
    name: string,
    options: DeleteOptions = {},
  ): KObject {
    const current = this.get(def, namespace, name);
    const pre = options.preconditions;
    if (pre?.uid && pre.uid !== current.metadata.uid) {
      throw errors.conflict(
        gr(def),
        name,
        `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid ?? ''}`,
      );
    }
    if (pre?.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion) {
      throw errors.conflict(
        gr(def),
        name,
        `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion ?? ''}`,
      );
    }
    const forbidden = def.strategy.deleteForbidden?.(current);
    if (forbidden) throw errors.forbidden(gr(def), name, forbidden);
    // The propagation policy becomes the `orphan` / `foregroundDeletion` finalizer (GC), even on an
    // object already being deleted; without a change, a repeated DELETE is a no-op.
    const gcFinalizers = finalizersAfterDelete(def, current, options.propagationPolicy);
    if (current.metadata.deletionTimestamp && !gcFinalizers) return current;
    const marked = clone(current);
    if (gcFinalizers?.length) marked.metadata.finalizers = gcFinalizers;
    else if (gcFinalizers) delete marked.metadata.finalizers;
    const pending = def.strategy.beginDelete
      ? def.strategy.beginDelete(marked)
      : (marked.metadata.finalizers ?? []).length > 0;
    if (pending) {
      marked.metadata.deletionTimestamp ??= rfc3339(this.clock.now());
      marked.metadata.deletionGracePeriodSeconds = 0;
      if (options.dryRun) return marked;
      return fromStorage(def, this.store.replace(storageKey(def), toStorage(def, marked)));
    }
    if (options.dryRun) return current;
    const removed = this.store.remove(storageKey(def), current.metadata.namespace, name);
    return removed ? fromStorage(def, removed) : current;
  }

  deleteCollection(def: ResourceDef, filter: FilterOptions, options: DeleteOptions = {}): ListResult {
    const { items } = this.list(def, filter);
    const deleted: KObject[] = [];
    for (const item of items) {
      try {
        deleted.push(this.delete(def, item.metadata.namespace, item.metadata.name ?? '', options));
      } catch (error) {
        if (!isApiError(error) || error.code !== 404) throw error;
      }
    }
    return { items: deleted, resourceVersion: String(this.store.currentRv) };
  }

  // -------------------------------------------------------------------------------------------

  private isFinalized(def: ResourceDef, object: KObject): boolean {
    return def.strategy.isFinalized
      ? def.strategy.isFinalized(object)
      : (object.metadata.finalizers ?? []).length === 0;
  }

  /** Checks kind/apiVersion and metadata shape; returns a deep copy with both filled in. */
  private checkBody(def: ResourceDef, body: unknown): KObject {
    if (!isObject(body)) throw errors.badRequest('the request body must be a JSON object');
    const apiVersion = apiVersionOf(def);
    if (body.apiVersion !== undefined && body.apiVersion !== apiVersion) {
      throw errors.badRequest(
        `the API version in the data (${String(body.apiVersion)}) does not match the expected API version (${apiVersion})`,
      );
    }
    if (body.kind !== undefined && body.kind !== def.kind) {
      throw errors.badRequest(
        `the kind in the data (${String(body.kind)}) does not match the expected kind (${def.kind})`,
      );
    }
    if (body.metadata !== undefined && !isObject(body.metadata)) {
      throw errors.badRequest('metadata must be an object');
    }
    const object = clone(body) as KObject;
    object.apiVersion = apiVersion;
    object.kind = def.kind;
    object.metadata ??= {};
    def.strategy.decode?.(object);
    return object;
  }

  /** What `allocate` hooks consult. */
  private get allocation(): AllocationContext {
    return { random: this.random, stored: (def) => this.store.list(storageKey(def)) };
  }

  /** Request decoding by the write pipeline (custom resources: pruning, defaults, fieldValidation). */
  private decode(def: ResourceDef, object: KObject, options: WriteOptions, source: 'body' | 'patch'): void {
    this.pipeline?.decode(def, object, {
      fieldValidation: options.fieldValidation ?? 'Warn',
      warn: options.warn ?? (() => {}),
      source,
    });
  }

  /** Validating admission (webhooks) of a main-resource write that passed validation. */
  private admit(
    def: ResourceDef,
    operation: 'CREATE' | 'UPDATE',
    object: KObject,
    oldObject: KObject | undefined,
    options: WriteOptions,
  ): void {
    this.pipeline?.admit(def, {
      operation,
      object,
      oldObject,
      dryRun: !!options.dryRun,
      warn: options.warn ?? (() => {}),
    });
  }

  private validate(
    def: ResourceDef,
    object: KObject,
    extra: StatusCause[],
    old?: KObject,
    subresource?: string,
  ): void {
    const causes = [
      ...extra,
      ...(def.strategy.validate?.(object) ?? []),
      ...(this.pipeline?.validate(def, object, old, subresource) ?? []),
    ];
    if (causes.length > 0)
      throw errors.invalid({ group: def.group, kind: def.kind }, object.metadata.name ?? '', causes);
  }

  /** The registry this service resolves kinds in. */
  get resources(): ResourceRegistry {
    return this.registry;
  }
}

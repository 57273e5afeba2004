/**
 * What the simulator knows about each served resource type. One ResourceDef is everything the
 * router, store, discovery, openapi, table and watch layers need; adding a kind is adding one.
 */
import type { KubeObject, StatusCause } from '../../../../components/src/core/kube/types.ts';
import type { ResourceType } from '../../../../components/src/core/kube/resource.ts';
import type { JsonObject } from '../core/json.ts';
import type { Random } from '../core/random.ts';

/** A stored object: typed metadata plus any other top-level fields (spec, status, data…). */
export type KObject = KubeObject & JsonObject;

export type SubresourceName = 'status' | 'scale' | 'finalize';

export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

/** One column of server-side printing (meta/v1 TableColumnDefinition plus how to fill it). */
export interface TableColumn {
  name: string;
  type: ColumnType;
  format: string;
  description: string;
  priority: number;
  cell(object: KObject, now: Date): unknown;
}

/** How the `/scale` subresource reads and writes replicas (autoscaling/v1 Scale). */
export interface ScaleAccess {
  specReplicas(object: KObject): number;
  setSpecReplicas(object: KObject, replicas: number): void;
  statusReplicas(object: KObject): number;
  /** Label selector in string form for Scale.status.selector, if any. */
  selector(object: KObject): string | undefined;
}

/**
 * Where a resource lives when several APIs serve one stored object (core/v1 and events.k8s.io/v1
 * Events): the shared storage key and the conversion between the stored shape and this API's.
 */
export interface StorageCodec {
  /** Storage key shared by every API serving the resource, e.g. `/events`. */
  key: string;
  /** The stored object as this API serves it (apiVersion and kind included). */
  decode(stored: KObject): KObject;
  /** An object of this API in the stored shape. */
  encode(object: KObject): KObject;
}

/** The OpenAPI v3 component schemas that describe a kind. */
export interface ResourceSchemas {
  /** Component name of the kind's schema, e.g. `sh.keda.v1alpha1.ScaledObject`. */
  kindSchema: string;
  /** Component schemas to publish in the group-version document (the kind's and any it refers to). */
  components: Readonly<Record<string, JsonObject>>;
}

/** What `allocate` may consult: the cluster's seeded randomness and what is already stored. */
export interface AllocationContext {
  random: Random;
  /** Every stored object of a resource, all namespaces (in the stored shape). */
  stored(def: ResourceDef): KObject[];
}

/** Hooks where a kind differs from the generic REST semantics. All optional. */
export interface ResourceStrategy {
  /**
   * The request decoder's view of a written body (create, update, patch result): throw the 400
   * the apiserver's codec answers (e.g. Secret base64), or normalize (e.g. stringData → data).
   */
  decode?(object: KObject): void;
  /** Mutate a new object before it is stored (defaults, status reset…). */
  prepareForCreate?(object: KObject): void;
  /** Mutate an updated object before it is stored; `previous` is the stored version. */
  prepareForUpdate?(object: KObject, previous: KObject): void;
  /** Assign cluster-wide resources (Service IPs, node ports); `previous` is set on updates. */
  allocate?(object: KObject, context: AllocationContext, previous?: KObject): void;
  /** Causes when a new object's name is not acceptable (default: DNS-1123 subdomain). */
  validateName?(name: string): StatusCause[];
  /** Field errors; any → 422 Invalid. */
  validate?(object: KObject): StatusCause[];
  /** Extra field errors of an update (immutable fields…); any → 422 Invalid. */
  validateUpdate?(object: KObject, previous: KObject): StatusCause[];
  /**
   * Whether a DELETE must wait (graceful / finalizers). Return true after marking the object
   * (e.g. a Namespace enters phase Terminating). Default: metadata.finalizers is non-empty.
   */
  beginDelete?(object: KObject): boolean;
  /** Whether a deleting object has no pending finalizers left. Default: metadata.finalizers empty. */
  isFinalized?(object: KObject): boolean;
  /** Objects that may never be deleted; the message of the 403. */
  deleteForbidden?(object: KObject): string | undefined;
}

export interface ResourceDef extends ResourceType {
  singular: string;
  listKind: string;
  shortNames: readonly string[];
  categories: readonly string[];
  verbs: readonly string[];
  /** Served from a CustomResourceDefinition: no strategic merge patch (415). */
  custom: boolean;
  /**
   * Served subresources. With `status`, status is ignored on writes to the main resource and
   * everything but status is ignored on writes to `/status`. `scale` needs `scale` below.
   */
  subresources: readonly SubresourceName[];
  /** How `/scale` maps to the object, when served. */
  scale: ScaleAccess | undefined;
  /** Maintains metadata.generation (bumped on changes outside metadata and status). */
  tracksGeneration: boolean;
  /** Server-side printing columns, Name first. */
  columns: readonly TableColumn[];
  /** Field labels accepted by fieldSelector, with their values for an object. */
  fieldLabels(object: KObject): Record<string, string>;
  supportedFieldLabels: readonly string[];
  /** Message of the 400 for a field label outside supportedFieldLabels. */
  fieldLabelError(label: string): string;
  /**
   * Strategic merge patch keys by dotted path from the object root (list indices left out),
   * where they differ from the field-name defaults, e.g. `{'spec.ports': 'port'}`.
   */
  patchMergeKeys: Readonly<Record<string, string>>;
  /** Shared storage with another API, or undefined for the usual `group/plural`. */
  storage: StorageCodec | undefined;
  schemas: ResourceSchemas;
  strategy: ResourceStrategy;
}

/** The storage key of a resource: version independent (one stored version per group/resource). */
export function storageKey(
  def: Pick<ResourceType, 'group' | 'plural'> & { storage?: Pick<StorageCodec, 'key'> },
): string {
  return def.storage?.key ?? `${def.group}/${def.plural}`;
}

/** A stored object as `def`'s API serves it. */
export function fromStorage(def: ResourceDef, stored: KObject): KObject {
  return def.storage ? def.storage.decode(stored) : stored;
}

/** An object of `def`'s API in the stored shape. */
export function toStorage(def: ResourceDef, object: KObject): KObject {
  return def.storage ? def.storage.encode(object) : object;
}

export const STANDARD_VERBS: readonly string[] = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

export const SUBRESOURCE_VERBS: readonly string[] = ['get', 'patch', 'update'];

export function hasSubresource(def: ResourceDef, name: SubresourceName): boolean {
  return def.subresources.includes(name);
}

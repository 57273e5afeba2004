/**
 * In-process access to the simulated cluster with the same semantics a client gets over HTTP
 * (validation, optimistic concurrency, finalizers, dry-run), for tests and the demo server.
 * Errors are thrown as ApiError carrying the Status the HTTP API would have answered.
 */
import type { ResourceType } from '../../../components/src/core/kube/resource.ts';
import type { KubeList, KubeObject } from '../../../components/src/core/kube/types.ts';
import { apiVersionOf } from '../../../components/src/core/kube/resource.ts';
import type { DeleteOptions, ResourceService, WriteOptions } from './api/service.ts';
import { errors } from './core/errors.ts';
import type { ResourceRegistry } from './registry/registry.ts';
import type { ResourceDef } from './registry/types.ts';

export type { DeleteOptions, WriteOptions } from './api/service.ts';

export interface ObjectRef {
  name: string;
  /** Required for namespaced kinds. */
  namespace?: string;
}

export interface ListOptions {
  /** Omit to list across all namespaces. */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export type ClientPatchType = 'merge' | 'json' | 'strategic';

export type ClientSubresource = 'status' | 'scale';

export class SimClient {
  constructor(
    private readonly registry: ResourceRegistry,
    private readonly service: ResourceService,
  ) {}

  async list<T extends KubeObject = KubeObject>(
    type: ResourceType,
    options: ListOptions = {},
  ): Promise<KubeList<T>> {
    const def = this.def(type);
    const result = this.service.list(def, options);
    return {
      apiVersion: apiVersionOf(def),
      kind: def.listKind,
      metadata: { resourceVersion: result.resourceVersion },
      items: result.items as unknown as T[],
    };
  }

  async get<T extends KubeObject = KubeObject>(type: ResourceType, ref: ObjectRef): Promise<T> {
    return this.service.get(this.def(type), ref.namespace, ref.name) as unknown as T;
  }

  /** GET of a subresource (`status` → the object, `scale` → autoscaling/v1 Scale). */
  async getSubresource<T extends KubeObject = KubeObject>(
    type: ResourceType,
    ref: ObjectRef,
    subresource: ClientSubresource,
  ): Promise<T> {
    return this.service.getSubresource(this.def(type), ref.namespace, ref.name, subresource) as unknown as T;
  }

  /** Creates `object` in `object.metadata.namespace`. */
  async create<T extends KubeObject>(type: ResourceType, object: T, options: WriteOptions = {}): Promise<T> {
    return this.service.create(this.def(type), object.metadata.namespace, object, options) as unknown as T;
  }

  /** PUT: replaces the object (409 Conflict when metadata.resourceVersion is stale). */
  async update<T extends KubeObject>(type: ResourceType, object: T, options: WriteOptions = {}): Promise<T> {
    const { namespace, name = '' } = object.metadata;
    return this.service.update(this.def(type), namespace, name, object, options) as unknown as T;
  }

  /** PUT of the `/status` subresource. */
  async updateStatus<T extends KubeObject>(
    type: ResourceType,
    object: T,
    options: WriteOptions = {},
  ): Promise<T> {
    const { namespace, name = '' } = object.metadata;
    return this.service.update(this.def(type), namespace, name, object, options, 'status') as unknown as T;
  }

  async patch<T extends KubeObject = KubeObject>(
    type: ResourceType,
    ref: ObjectRef,
    patchType: ClientPatchType,
    patch: unknown,
    options: WriteOptions & { subresource?: ClientSubresource } = {},
  ): Promise<T> {
    const { subresource, ...write } = options;
    return this.service.patch(
      this.def(type),
      ref.namespace,
      ref.name,
      patchType,
      patch,
      write,
      subresource,
    ) as unknown as T;
  }

  /** DELETE: the deleted object, or (finalizers pending) the object marked for deletion. */
  async delete<T extends KubeObject = KubeObject>(
    type: ResourceType,
    ref: ObjectRef,
    options: DeleteOptions = {},
  ): Promise<T> {
    return this.service.delete(this.def(type), ref.namespace, ref.name, options) as unknown as T;
  }

  private def(type: ResourceType): ResourceDef {
    const def = this.registry.get(type.group, type.version, type.plural);
    if (!def) throw errors.pathNotFound();
    return def;
  }
}

/**
 * Subresources as views of the main object: what a GET returns, and how a written view maps back
 * onto the stored object. `status` and `finalize` are the object itself; `scale` is an
 * autoscaling/v1 Scale.
 */
import { errors } from '../core/errors.ts';
import { clone, getPath, isObject, setPath } from '../core/json.ts';
import type { KObject, ResourceDef, SubresourceName } from '../registry/types.ts';

export interface SubresourceView {
  /** The object a GET of the subresource returns. */
  read(def: ResourceDef, object: KObject): KObject;
  /** The new main object after writing `view` over `current`. */
  write(def: ResourceDef, current: KObject, view: KObject): KObject;
  /** Whether writes through this subresource may change spec (and so bump generation). */
  changesSpec: boolean;
}

const statusView: SubresourceView = {
  changesSpec: false,
  read: (_def, object) => object,
  write(_def, current, view) {
    const next = clone(current);
    if (view.status === undefined) delete next.status;
    else next.status = clone(view.status);
    return next;
  },
};

const finalizeView: SubresourceView = {
  changesSpec: false,
  read: (_def, object) => object,
  write(_def, current, view) {
    const next = clone(current);
    const finalizers = getPath(view, ['spec', 'finalizers']);
    setPath(next, ['spec', 'finalizers'], Array.isArray(finalizers) ? clone(finalizers) : []);
    return next;
  },
};

const scaleView: SubresourceView = {
  changesSpec: true,
  read(def, object) {
    const scale = def.scale;
    if (!scale) throw errors.pathNotFound();
    const meta: KObject['metadata'] = {
      name: object.metadata.name,
      namespace: object.metadata.namespace,
      uid: object.metadata.uid,
      resourceVersion: object.metadata.resourceVersion,
      creationTimestamp: object.metadata.creationTimestamp,
    };
    if (!def.namespaced) delete meta.namespace;
    const status: Record<string, unknown> = { replicas: scale.statusReplicas(object) };
    const selector = scale.selector(object);
    if (selector !== undefined) status.selector = selector;
    return {
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: meta,
      spec: { replicas: scale.specReplicas(object) },
      status,
    };
  },
  write(def, current, view) {
    const scale = def.scale;
    if (!scale) throw errors.pathNotFound();
    const replicas = isObject(view.spec) ? view.spec.replicas : undefined;
    const name = current.metadata.name ?? '';
    if (
      replicas !== undefined &&
      (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0)
    ) {
      throw errors.invalid({ group: 'autoscaling', kind: 'Scale' }, name, [
        {
          reason: 'FieldValueInvalid',
          message: `Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0`,
          field: 'spec.replicas',
        },
      ]);
    }
    const next = clone(current);
    scale.setSpecReplicas(next, typeof replicas === 'number' ? replicas : 0);
    return next;
  },
};

const VIEWS: Readonly<Record<SubresourceName, SubresourceView>> = {
  status: statusView,
  scale: scaleView,
  finalize: finalizeView,
};

/** The view for a served subresource, or a 404. */
export function subresourceView(def: ResourceDef, name: string): SubresourceView {
  const served = def.subresources.find((s) => s === name);
  if (!served) throw errors.pathNotFound();
  return VIEWS[served];
}

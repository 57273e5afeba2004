/**
 * Reads of other objects for admission rules, through the registry by group and plural. A kind
 * the cluster does not serve reads as "no objects", so rules work while kinds are being added.
 */
import type { ResourceRegistry } from '../../registry/registry.ts';
import { fromStorage, storageKey, type KObject, type ResourceDef } from '../../registry/types.ts';
import type { ObjectStore } from '../../store/store.ts';

export interface GroupResource {
  group: string;
  resource: string;
}

export interface ObjectLookup {
  /** Objects of a resource in a namespace (all namespaces when undefined), sorted by name. */
  list(gr: GroupResource, namespace: string | undefined): KObject[];
  /** One object, or undefined when absent or not served. */
  get(gr: GroupResource, namespace: string | undefined, name: string): KObject | undefined;
  /** The served kind `kind` of `group/version` (a RESTMapping), if any. */
  kind(group: string, version: string, kind: string): ResourceDef | undefined;
}

export function storeLookup(registry: ResourceRegistry, store: ObjectStore): ObjectLookup {
  const def = (gr: GroupResource): ResourceDef | undefined => registry.find(gr.group, gr.resource);
  return {
    list(gr, namespace) {
      const d = def(gr);
      if (!d) return [];
      return store
        .list(storageKey(d), d.namespaced ? namespace : undefined)
        .map((o) => fromStorage(d, o))
        .sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
    },
    get(gr, namespace, name) {
      const d = def(gr);
      if (!d) return undefined;
      const found = store.get(storageKey(d), d.namespaced ? namespace : undefined, name);
      return found ? fromStorage(d, found) : undefined;
    },
    kind(group, version, kind) {
      return registry.all().find((d) => d.group === group && d.version === version && d.kind === kind);
    },
  };
}

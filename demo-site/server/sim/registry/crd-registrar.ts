/**
 * Keeps the registry in step with the CustomResourceDefinitions in the store: a CRD that is
 * created or updated is served at once (synchronously, so the next request sees it); a deleted
 * CRD stops being served and its objects are removed.
 */
import type { ObjectStore } from '../store/store.ts';
import { crdResource } from './builtin.ts';
import { resourcesFromCrd } from './crd.ts';
import type { ResourceRegistry } from './registry.ts';
import { storageKey, type KObject } from './types.ts';

const KEY = storageKey(crdResource);

function servedName(crd: KObject): { group: string; plural: string } | undefined {
  const defs = resourcesFromCrd(crd);
  const first = defs[0];
  return first ? { group: first.group, plural: first.plural } : undefined;
}

export function attachCrdRegistrar(store: ObjectStore, registry: ResourceRegistry): () => void {
  const apply = (crd: KObject): void => {
    for (const def of resourcesFromCrd(crd)) registry.register(def);
  };
  for (const crd of store.list(KEY)) apply(crd);
  return store.subscribe((event) => {
    if (event.resource !== KEY) return;
    if (event.type === 'DELETED') {
      const served = servedName(event.object);
      if (!served) return;
      registry.unregister(served.group, served.plural);
      const key = storageKey(served);
      for (const object of store.list(key))
        store.remove(key, object.metadata.namespace, object.metadata.name ?? '');
      return;
    }
    const before = event.previous ? servedName(event.previous) : undefined;
    if (before) registry.unregister(before.group, before.plural);
    apply(event.object);
  });
}

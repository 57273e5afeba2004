import type { ObjectRef } from 'keda-elements';
import { kindByName } from './kinds.ts';
import { pathOf } from './router.ts';

/**
 * Where a view's link to an object goes in this site; undefined when the site has no page for it.
 * Details pages exist for the kinds in `detailsKinds`; every KEDA kind has a YAML page.
 */
export const detailsKinds = new Set<string>([
  'ScaledObject',
  'ScaledJob',
  'TriggerAuthentication',
  'ClusterTriggerAuthentication',
]);

export function linkTo(ref: ObjectRef): string | undefined {
  const page = kindByName(ref.kind);
  if (!page) return undefined;
  if (page.namespaced && !ref.namespace) return undefined;
  const base = page.namespaced
    ? pathOf(page.plural, ref.namespace!, ref.name)
    : pathOf(page.plural, ref.name);
  if (ref.view === 'yaml') return `${base}/yaml`;
  return detailsKinds.has(ref.kind) ? base : `${base}/yaml`;
}

/**
 * KEDA's `ParseGVKR`: the group/version/kind/resource of a scale target (`apps/v1` and
 * `Deployment` when unset; Deployment and StatefulSet without a RESTMapper lookup).
 */
import type { ObjectLookup } from './lookup.ts';
import { WebhookDenial } from './types.ts';

export interface Gvkr {
  group: string;
  version: string;
  kind: string;
  resource: string;
}

/** `group/version.Kind`, e.g. `apps/v1.Deployment` (`/v1.Pod` for the core group). */
export function gvkString(g: Gvkr): string {
  return `${g.group}/${g.version}.${g.kind}`;
}

/** Throws WebhookDenial with the error KEDA would return (bad apiVersion, unknown kind). */
export function parseGvkr(lookup: ObjectLookup, apiVersion: string, kind: string): Gvkr {
  let group = 'apps';
  let version = 'v1';
  if (apiVersion && apiVersion !== '/') {
    const slashes = apiVersion.split('/').length - 1;
    if (slashes > 1) throw new WebhookDenial(`unexpected GroupVersion string: ${apiVersion}`);
    if (slashes === 0) {
      group = '';
      version = apiVersion;
    } else {
      const i = apiVersion.indexOf('/');
      group = apiVersion.slice(0, i);
      version = apiVersion.slice(i + 1);
    }
  } else if (apiVersion === '/') {
    group = '';
    version = '';
  }
  const k = kind || 'Deployment';
  if (k === 'Deployment') return { group, version, kind: k, resource: 'deployments' };
  if (k === 'StatefulSet') return { group, version, kind: k, resource: 'statefulsets' };
  const def = lookup.kind(group, version, k);
  if (!def) {
    const gv = group ? `${group}/${version}` : version;
    throw new WebhookDenial(`no matches for kind "${k}" in version "${gv}"`);
  }
  return { group, version, kind: k, resource: def.plural };
}

/** URL path → what is addressed (discovery document, openapi document or a resource). */

export type Route =
  | { kind: 'version' }
  | { kind: 'health' }
  | { kind: 'openapi-index' }
  | { kind: 'openapi-document'; path: string }
  | { kind: 'openapi-v2' }
  | { kind: 'api-root' }
  | { kind: 'apis-root' }
  | { kind: 'group'; group: string }
  | { kind: 'group-version'; group: string; version: string }
  | ResourceRoute
  | { kind: 'unknown' };

export interface ResourceRoute {
  kind: 'resource';
  group: string;
  version: string;
  plural: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** The deprecated `/watch/` path prefix was used. */
  watchPrefix: boolean;
}

/** Subresources of core/v1 namespaces, which share the `/namespaces/<x>/<segment>` shape. */
const NAMESPACE_SUBRESOURCES: ReadonlySet<string> = new Set(['status', 'finalize']);

function segments(path: string): string[] | undefined {
  try {
    return path
      .split('/')
      .filter((s) => s.length > 0)
      .map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

function resourceRoute(group: string, version: string, rest: string[]): Route {
  let segs = rest;
  let watchPrefix = false;
  if (segs[0] === 'watch') {
    watchPrefix = true;
    segs = segs.slice(1);
  }
  const route: ResourceRoute = { kind: 'resource', group, version, plural: '', watchPrefix };
  const namespacedForm =
    segs[0] === 'namespaces' &&
    segs.length >= 3 &&
    !(group === '' && segs.length === 3 && NAMESPACE_SUBRESOURCES.has(segs[2] ?? ''));
  if (namespacedForm) {
    if (segs.length > 5) return { kind: 'unknown' };
    route.namespace = segs[1];
    segs = segs.slice(2);
  } else if (segs.length > 3) {
    return { kind: 'unknown' };
  }
  const [plural, name, subresource] = segs;
  if (!plural) return { kind: 'unknown' };
  route.plural = plural;
  if (name !== undefined) route.name = name;
  if (subresource !== undefined) route.subresource = subresource;
  return route;
}

export function parsePath(pathname: string): Route {
  const segs = segments(pathname);
  if (!segs) return { kind: 'unknown' };
  const [a, b, c, ...rest] = segs;
  if (a === 'version' && segs.length === 1) return { kind: 'version' };
  if ((a === 'healthz' || a === 'livez' || a === 'readyz') && segs.length <= 2) return { kind: 'health' };
  if (a === 'openapi') {
    if (b === 'v2' && segs.length === 2) return { kind: 'openapi-v2' };
    if (b === 'v3' && segs.length === 2) return { kind: 'openapi-index' };
    if (b === 'v3') return { kind: 'openapi-document', path: segs.slice(2).join('/') };
    return { kind: 'unknown' };
  }
  if (a === 'api') {
    if (b === undefined) return { kind: 'api-root' };
    if (c === undefined) return { kind: 'group-version', group: '', version: b };
    return resourceRoute('', b, segs.slice(2));
  }
  if (a === 'apis') {
    if (b === undefined) return { kind: 'apis-root' };
    if (c === undefined) return { kind: 'group', group: b };
    if (rest.length === 0) return { kind: 'group-version', group: b, version: c };
    return resourceRoute(b, c, rest);
  }
  return { kind: 'unknown' };
}

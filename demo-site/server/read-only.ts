/**
 * What `--read-only` lets through. Reads (GET, HEAD, OPTIONS) and watches pass. Writes are refused,
 * except create, update and patch of API objects asked with `dryRun=All` (and nothing else as
 * dryRun): the API server then validates, admits and answers without persisting anything, which is
 * what the YAML editor's and the wizard's checks use. DELETE is always refused: the API server reads
 * a DELETE's options from its body when it has one, so a `?dryRun=All` query proves nothing.
 * Subresources that reach past the API's objects (exec, attach, port-forward, token requests) are
 * refused whatever the verb; `proxy` (to a service, pod or node: how the dashboard reads a
 * Prometheus in the cluster) only passes reads.
 */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const DRY_RUNNABLE_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const UNSAFE_SUBRESOURCES = new Set(['exec', 'attach', 'portforward', 'token']);
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

/** The subresource of an API path (`/api/v1/namespaces/a/pods/p/exec` -> `exec`), if any. */
export function subresourceOf(pathname: string): string | undefined {
  const segments = pathname.split('/').filter((s) => s !== '');
  let rest: string[];
  if (segments[0] === 'api') rest = segments.slice(2);
  else if (segments[0] === 'apis') rest = segments.slice(3);
  else return undefined;
  if (rest[0] === 'watch') rest = rest.slice(1);
  // `namespaces/<ns>/<resource>/...` unless the path is the namespace's own status or finalize.
  if (rest[0] === 'namespaces' && rest.length >= 3 && !NAMESPACE_SUBRESOURCES.has(rest[2] ?? '')) {
    rest = rest.slice(2);
  }
  return rest[2];
}

function isApiPath(pathname: string): boolean {
  return pathname.startsWith('/api/') || pathname.startsWith('/apis/');
}

function isWatch(pathname: string, query: URLSearchParams): boolean {
  const watch = query.get('watch');
  return watch === 'true' || watch === '1' || /^\/apis?\/(?:[^/]+\/)*watch\//.test(pathname);
}

/** True only when every `dryRun` value is `All` and there is at least one. */
export function isDryRunAll(query: URLSearchParams): boolean {
  const values = query.getAll('dryRun');
  return values.length > 0 && values.every((v) => v === 'All');
}

/**
 * Why a request is refused on a read-only cluster, or undefined when it may pass. `url` is the path
 * and query as the cluster sees it (after `/clusters/<name>`).
 */
export function readOnlyRefusal(
  cluster: string,
  method: string,
  url: string,
  upgrade: boolean,
): string | undefined {
  const verb = method.toUpperCase();
  const { pathname, searchParams } = new URL(url, 'http://cluster.invalid');
  const subresource = subresourceOf(pathname);
  const prefix = `The dashboard serves cluster "${cluster}" read-only (--read-only)`;
  if (subresource !== undefined && UNSAFE_SUBRESOURCES.has(subresource)) {
    return `${prefix}: the "${subresource}" subresource is refused (${verb} ${pathname}).`;
  }
  if (subresource === 'proxy' && !(READ_METHODS.has(verb) && !upgrade)) {
    return `${prefix}: only reads pass through the "proxy" subresource (${verb} ${pathname}).`;
  }
  if (upgrade) {
    if (verb === 'GET' && isWatch(pathname, searchParams)) return undefined;
    return `${prefix}: only watches may open a WebSocket (${verb} ${pathname}).`;
  }
  if (READ_METHODS.has(verb)) return undefined;
  if (DRY_RUNNABLE_METHODS.has(verb) && isApiPath(pathname) && isDryRunAll(searchParams)) return undefined;
  return `${prefix}: ${verb} ${pathname} was refused. Only reads, watches and dry runs (?dryRun=All) of create, update and patch are allowed; restart it without --read-only to make changes.`;
}

/**
 * A `KubeClient` (the transport the keda-elements data layer rides on) over Headlamp's own
 * `ApiProxy`, so requests go through Headlamp's backend with Headlamp's auth, cluster selection
 * and RBAC, exactly like Headlamp's built-in views.
 *
 * Requests: `ApiProxy.request(path, {method, body, headers, cluster})`, which fetches
 * `<appUrl>/clusters/<cluster><path>`. Watches: `ApiProxy.stream(url, cb, {isJson, cluster, ...})`,
 * which opens a WebSocket to the same proxy.
 */
import { ApiProxy } from '@kinvolk/headlamp-plugin/lib';
import { getCluster } from '@kinvolk/headlamp-plugin/lib/Utils';
import {
  resourcePath,
  type ResourceScope,
  type ResourceType,
} from 'keda-elements/core/kube/resource';
import {
  isStatus,
  type KubeList,
  type KubeObject,
  type Status,
  type WatchEvent,
  type WatchEventType,
} from 'keda-elements/core/kube/types';
import {
  KubeApiError,
  type KubeClient,
  type ListOptions,
  type PatchType,
  type WatchCallbacks,
  type WatchEnd,
  type WatchHandle,
  type WatchOptions,
  type WriteOptions,
} from 'keda-elements/data/kube-client';

export interface HeadlampKubeClientOptions {
  /**
   * The Headlamp cluster (context) name. When unset, each call uses the cluster of the current
   * Headlamp URL (`/c/<cluster>/...`), as Headlamp's own `ApiProxy.request` does.
   */
  cluster?: string | null;
  /** How long a watch may take to get its WebSocket before it counts as failed (ms). */
  watchConnectTimeoutMs?: number;
}

const JSON_CONTENT = 'application/json';
const PATCH_CONTENT: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
};

/** The `reason` the API server puts in a Status for each HTTP code (apimachinery's errors package). */
const REASON_BY_CODE: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  408: 'Timeout',
  409: 'Conflict',
  410: 'Expired',
  413: 'RequestEntityTooLarge',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

/** What `ApiProxy` rejects with: `new Error(statusText + ' - ' + status.message)` plus `status`. */
type ApiProxyError = Error & { status?: unknown };

/**
 * Turns an `ApiProxy` rejection into a `KubeApiError`.
 *
 * Headlamp reads the error body itself and keeps only `"<statusText> - <Status.message>"` and the
 * HTTP code, so the API's message is recovered verbatim from after the first `" - "`, and the
 * Status is rebuilt from the code and that message (the reason as the API server would set it, as
 * client-go does for responses without a Status body). Headlamp reports a fetch that threw (no
 * response at all) as a synthetic `502 Unreachable`: that becomes code 0, a network error.
 */
export function toKubeApiError(error: unknown): KubeApiError {
  if (error instanceof KubeApiError) return error;
  const err = error as ApiProxyError | undefined;
  const rawMessage =
    err instanceof Error ? err.message : typeof error === 'string' ? error : String(error);
  const code = typeof err?.status === 'number' ? err.status : undefined;
  if (code === undefined) {
    return new KubeApiError(0, rawMessage || 'The request failed');
  }
  if (code === 502 && rawMessage === 'Unreachable') {
    return new KubeApiError(
      0,
      "Headlamp's backend could not be reached: the request failed before any response"
    );
  }
  const message = apiMessageOf(rawMessage) || `HTTP ${code}`;
  let reason = REASON_BY_CODE[code] ?? (code >= 500 ? 'InternalError' : 'Unknown');
  if (code === 409 && /already exists/i.test(message)) reason = 'AlreadyExists';
  const status: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  };
  return new KubeApiError(code, message, status);
}

/** `"Not Found - scaledobjects.keda.sh \"x\" not found"` → `scaledobjects.keda.sh "x" not found`. */
function apiMessageOf(message: string): string {
  const separator = message.indexOf(' - ');
  if (separator < 0) return message;
  const statusText = message.slice(0, separator);
  const body = message.slice(separator + 3);
  // Headlamp writes "undefined" when the body was JSON without a message.
  return body && body !== 'undefined' ? body : statusText;
}

/** The query string of a list, watch or write; undefined values are left out. */
function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === false || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function writeQuery(options: WriteOptions | undefined): string {
  return query({
    dryRun: options?.dryRun ? 'All' : undefined,
    fieldManager: options?.fieldManager,
  });
}

const WATCH_TYPES = new Set<WatchEventType>(['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK', 'ERROR']);

export class HeadlampKubeClient implements KubeClient {
  readonly cluster: string | undefined;
  private readonly watchConnectTimeoutMs: number;

  constructor(options: HeadlampKubeClientOptions = {}) {
    this.cluster = options.cluster || undefined;
    this.watchConnectTimeoutMs = options.watchConnectTimeoutMs ?? 30_000;
  }

  list<T extends KubeObject>(
    type: ResourceType,
    scope: ResourceScope = {},
    options: ListOptions = {}
  ): Promise<KubeList<T>> {
    const path =
      resourcePath(type, { namespace: scope.namespace }) +
      query({
        labelSelector: options.labelSelector,
        fieldSelector: options.fieldSelector,
        limit: options.limit,
        continue: options.continue,
        resourceVersion: options.resourceVersion,
      });
    return this.send<KubeList<T>>(path, 'GET');
  }

  get<T extends KubeObject>(type: ResourceType, scope: ResourceScope): Promise<T> {
    return this.send<T>(resourcePath(type, scope), 'GET');
  }

  create<T extends KubeObject>(
    type: ResourceType,
    scope: ResourceScope,
    body: T,
    options?: WriteOptions
  ): Promise<T> {
    const path = resourcePath(type, { namespace: scope.namespace }) + writeQuery(options);
    return this.send<T>(path, 'POST', JSON.stringify(body), JSON_CONTENT);
  }

  replace<T extends KubeObject>(
    type: ResourceType,
    scope: ResourceScope,
    body: T,
    options?: WriteOptions
  ): Promise<T> {
    const path = resourcePath(type, scope) + writeQuery(options);
    return this.send<T>(path, 'PUT', JSON.stringify(body), JSON_CONTENT);
  }

  patch<T extends KubeObject>(
    type: ResourceType,
    scope: ResourceScope,
    patch: unknown,
    patchType: PatchType = 'merge',
    options?: WriteOptions
  ): Promise<T> {
    const path = resourcePath(type, scope) + writeQuery(options);
    return this.send<T>(path, 'PATCH', JSON.stringify(patch), PATCH_CONTENT[patchType]);
  }

  delete(
    type: ResourceType,
    scope: ResourceScope,
    options?: WriteOptions
  ): Promise<Status | KubeObject> {
    return this.send<Status | KubeObject>(
      resourcePath(type, scope) + writeQuery(options),
      'DELETE'
    );
  }

  watch<T extends KubeObject>(
    type: ResourceType,
    scope: ResourceScope,
    options: WatchOptions,
    callbacks: WatchCallbacks<T>
  ): WatchHandle {
    const url =
      resourcePath(type, { namespace: scope.namespace }) +
      query({
        watch: 'true',
        resourceVersion: options.resourceVersion,
        labelSelector: options.labelSelector,
        fieldSelector: options.fieldSelector,
        allowWatchBookmarks: options.allowWatchBookmarks,
        timeoutSeconds: options.timeoutSeconds,
      });
    const cluster = this.currentCluster();

    let ended = false;
    let opened = false;
    // Set once Headlamp's stream is started; `end` may run before that (no cluster).
    const stream: { handle?: ReturnType<typeof ApiProxy.stream> } = {};

    const open = () => {
      if (opened || ended) return;
      opened = true;
      callbacks.onOpen?.();
    };
    const end = (watchEnd: WatchEnd) => {
      if (ended) return;
      ended = true;
      // While Headlamp is still creating the socket, cancel() cannot close it: the poll below
      // keeps running and cancels again once the socket exists.
      stream.handle?.cancel();
      callbacks.onEnd(watchEnd);
    };

    if (!cluster) {
      // Headlamp's stream needs a cluster to build its WebSocket URL; without one it never opens.
      queueMicrotask(() =>
        end({
          reason: 'error',
          error: new KubeApiError(
            0,
            'No cluster is selected in Headlamp, so nothing can be watched'
          ),
        })
      );
      return { stop: () => end({ reason: 'aborted' }) };
    }

    const onMessage = (data: unknown) => {
      if (ended) return;
      const event = toWatchEvent<T>(data);
      if (!event) return;
      open();
      callbacks.onEvent(event);
    };

    stream.handle = ApiProxy.stream<unknown>(url, onMessage, {
      isJson: true,
      cluster,
      reconnectOnFailure: false,
      // Called when Headlamp starts connecting, not when the socket is open: see watchSocket().
      connectCb: () => undefined,
      // Headlamp calls this when the socket closes without us asking (server close or failure).
      failCb: () => {
        if (opened) {
          end({ reason: 'closed' });
        } else {
          end({
            reason: 'error',
            error: new KubeApiError(
              0,
              `The watch of ${url} on cluster ${cluster} closed before it opened (WebSocket through Headlamp's backend)`
            ),
          });
        }
      },
    });

    // Headlamp creates the WebSocket asynchronously (after a kubeconfig lookup) and does not
    // report "open"; find the socket and listen for it, so onOpen means "the server accepted".
    // Headlamp's cancel() before that point does not stop the socket from being created, so a
    // watch stopped early closes the socket here once it appears.
    const startedAt = Date.now();
    const watchSocket = () => {
      const socket = stream.handle?.getSocket() ?? null;
      if (socket) {
        if (ended) stream.handle?.cancel();
        else if (socket.readyState === 1 /* OPEN */) open();
        else socket.addEventListener('open', open, { once: true });
        return;
      }
      if (Date.now() - startedAt >= this.watchConnectTimeoutMs) {
        if (ended) return;
        end({
          reason: 'error',
          error: new KubeApiError(
            0,
            `Headlamp could not open a WebSocket for the watch of ${url} on cluster ${cluster}`
          ),
        });
        return;
      }
      setTimeout(watchSocket, 25);
    };
    setTimeout(watchSocket, 0);

    return { stop: () => end({ reason: 'aborted' }) };
  }

  private currentCluster(): string | undefined {
    return this.cluster ?? getCluster() ?? undefined;
  }

  private async send<R>(
    path: string,
    method: string,
    body?: string,
    contentType?: string
  ): Promise<R> {
    const headers: Record<string, string> = { Accept: JSON_CONTENT };
    if (contentType) headers['Content-Type'] = contentType;
    const params: ApiProxy.RequestParams = { method, headers };
    if (body !== undefined) params.body = body;
    // Leave `cluster` out when unknown: ApiProxy.request then uses the URL's cluster.
    if (this.cluster) params.cluster = this.cluster;
    try {
      return (await ApiProxy.request(path, params)) as R;
    } catch (error) {
      throw toKubeApiError(error);
    }
  }
}

function toWatchEvent<T extends KubeObject>(data: unknown): WatchEvent<T> | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { type, object } = data as { type?: unknown; object?: unknown };
  if (typeof type === 'string' && WATCH_TYPES.has(type as WatchEventType) && object) {
    return { type: type as WatchEventType, object: object as T | Status };
  }
  // A bare Status (the server refusing or ending the watch) is an ERROR event.
  if (isStatus(data)) return { type: 'ERROR', object: data };
  return undefined;
}

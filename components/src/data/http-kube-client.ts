import { isStatus, type KubeList, type KubeObject, type Status } from '../core/kube/types.js';
import { resourcePath, type ResourceScope, type ResourceType } from '../core/kube/resource.js';
import {
  KubeApiError,
  type APIResourceList,
  type KubeClient,
  type ListOptions,
  type PatchType,
  type WatchCallbacks,
  type WatchHandle,
  type WatchOptions,
  type WriteOptions,
} from './kube-client.js';
import { queryString } from './query.js';
import { WatchLineDecoder } from './watch-stream.js';

/** The subset of the WebSocket constructor we need (the browser's, or `ws` in Node). */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocket;

export interface HttpKubeClientOptions {
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Defaults to the global WebSocket when present. */
  WebSocket?: WebSocketConstructor;
  /** `websocket` (default when a WebSocket is available) or `chunked` HTTP streaming. */
  watchTransport?: 'websocket' | 'chunked';
  /** Extra headers on every HTTP request (e.g. Authorization). */
  headers?: Record<string, string>;
}

const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
};

/** The watch subprotocol Headlamp and kubectl's websocket clients use; frames stay plain JSON. */
const WATCH_PROTOCOL = 'base64.binary.k8s.io';

/**
 * KubeClient over HTTP(S): an API server, the demo server's `/clusters/<name>` proxy, or any proxy
 * that forwards the Kubernetes API. `baseUrl` may be relative (`/clusters/sim`) in a browser.
 */
export class HttpKubeClient implements KubeClient {
  private readonly fetchImpl: typeof fetch;
  private readonly WebSocketImpl: WebSocketConstructor | undefined;
  private readonly transport: 'websocket' | 'chunked';

  constructor(
    readonly baseUrl: string,
    private readonly options: HttpKubeClientOptions = {},
  ) {
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.WebSocketImpl = options.WebSocket ?? (globalThis.WebSocket as WebSocketConstructor | undefined);
    this.transport = options.watchTransport ?? (this.WebSocketImpl ? 'websocket' : 'chunked');
  }

  list<T extends KubeObject>(
    type: ResourceType,
    scope: ResourceScope = {},
    options: ListOptions = {},
  ): Promise<KubeList<T>> {
    return this.request<KubeList<T>>('GET', resourcePath(type, scope) + queryString(options));
  }

  get<T extends KubeObject>(type: ResourceType, scope: ResourceScope): Promise<T> {
    return this.request<T>('GET', resourcePath(type, scope));
  }

  create<T extends KubeObject>(
    type: ResourceType,
    scope: ResourceScope,
    body: T,
    options: WriteOptions = {},
  ): Promise<T> {
    const path = resourcePath(type, { namespace: scope.namespace }) + queryString(options);
    return this.request<T>('POST', path, JSON.stringify(body), 'application/json');
  }

  replace<T extends KubeObject>(
    type: ResourceType,
    scope: ResourceScope,
    body: T,
    options: WriteOptions = {},
  ): Promise<T> {
    const path = resourcePath(type, scope) + queryString(options);
    return this.request<T>('PUT', path, JSON.stringify(body), 'application/json');
  }

  patch<T extends KubeObject>(
    type: ResourceType,
    scope: ResourceScope,
    patch: unknown,
    patchType: PatchType = 'merge',
    options: WriteOptions = {},
  ): Promise<T> {
    const path = resourcePath(type, scope) + queryString(options);
    return this.request<T>('PATCH', path, JSON.stringify(patch), PATCH_CONTENT_TYPES[patchType]);
  }

  delete(type: ResourceType, scope: ResourceScope, options: WriteOptions = {}): Promise<Status | KubeObject> {
    const body: Record<string, unknown> = { propagationPolicy: 'Background' };
    if (options.dryRun) body.dryRun = ['All'];
    return this.request('DELETE', resourcePath(type, scope), JSON.stringify(body), 'application/json');
  }

  watch<T extends KubeObject>(
    type: ResourceType,
    scope: ResourceScope,
    options: WatchOptions,
    callbacks: WatchCallbacks<T>,
  ): WatchHandle {
    const path =
      resourcePath(type, { namespace: scope.namespace }) + queryString({ ...options, watch: true });
    return this.transport === 'websocket' && this.WebSocketImpl
      ? this.watchOverWebSocket(path, callbacks, this.WebSocketImpl)
      : this.watchOverHttp(path, callbacks);
  }

  discover(groupVersion: string): Promise<APIResourceList> {
    const path = groupVersion.includes('/') ? `/apis/${groupVersion}` : `/api/${groupVersion}`;
    return this.request('GET', path);
  }

  private url(path: string): string {
    return `${this.baseUrl.replace(/\/$/, '')}${path}`;
  }

  private async request<T>(method: string, path: string, body?: string, contentType?: string): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...this.options.headers };
    if (contentType) headers['Content-Type'] = contentType;
    let response: Response;
    try {
      response = await this.fetchImpl(this.url(path), { method, headers, body });
    } catch (error) {
      throw networkError(this.url(path), error);
    }
    const text = await response.text();
    const parsed = parseJson(text);
    if (!response.ok) throw errorFromResponse(response.status, response.statusText, parsed, text);
    if (parsed === undefined) {
      throw new KubeApiError(
        response.status,
        `The server answered ${method} ${path} with a body that is not JSON`,
      );
    }
    return parsed as T;
  }

  private watchOverHttp<T extends KubeObject>(path: string, callbacks: WatchCallbacks<T>): WatchHandle {
    const abort = new AbortController();
    let ended = false;
    const end = (reason: 'closed' | 'error' | 'aborted', error?: KubeApiError) => {
      if (ended) return;
      ended = true;
      callbacks.onEnd(error ? { reason, error } : { reason });
    };
    const decoder = new WatchLineDecoder<T>(
      (event) => {
        if (!ended) callbacks.onEvent(event);
      },
      (line) => {
        abort.abort();
        end('error', new KubeApiError(0, `Malformed watch stream line: ${line.slice(0, 200)}`));
      },
    );
    const run = async () => {
      const headers = { Accept: 'application/json', ...this.options.headers };
      const response = await this.fetchImpl(this.url(path), { headers, signal: abort.signal });
      if (!response.ok || !response.body) {
        const text = await response.text();
        end('error', errorFromResponse(response.status, response.statusText, parseJson(text), text));
        return;
      }
      callbacks.onOpen?.();
      const reader = response.body.getReader();
      const utf8 = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        decoder.push(utf8.decode(value, { stream: true }));
        if (ended) {
          await reader.cancel().catch(() => undefined);
          return;
        }
      }
      decoder.end();
      end('closed');
    };
    run().catch((error: unknown) => {
      if (abort.signal.aborted) end('aborted');
      else end('error', networkError(this.url(path), error));
    });
    return {
      stop: () => {
        if (ended) return;
        abort.abort();
        end('aborted');
      },
    };
  }

  private watchOverWebSocket<T extends KubeObject>(
    path: string,
    callbacks: WatchCallbacks<T>,
    WebSocketImpl: WebSocketConstructor,
  ): WatchHandle {
    let ended = false;
    let opened = false;
    const end = (reason: 'closed' | 'error' | 'aborted', error?: KubeApiError) => {
      if (ended) return;
      ended = true;
      callbacks.onEnd(error ? { reason, error } : { reason });
    };
    const url = toWebSocketUrl(this.url(path));
    const socket = new WebSocketImpl(url, [WATCH_PROTOCOL]);
    socket.binaryType = 'arraybuffer';
    const decoder = new WatchLineDecoder<T>(
      (event) => {
        if (!ended) callbacks.onEvent(event);
      },
      (line) => {
        socket.close();
        end('error', new KubeApiError(0, `Malformed watch message: ${line.slice(0, 200)}`));
      },
    );
    socket.onopen = () => {
      opened = true;
      callbacks.onOpen?.();
    };
    socket.onmessage = (message: MessageEvent) => {
      decoder.pushMessage(decodeFrame(message.data));
    };
    socket.onerror = () => {
      // The close event follows with the details we can get; browsers hide the HTTP status.
    };
    socket.onclose = (event: CloseEvent) => {
      if (opened) end('closed');
      else
        end(
          'error',
          new KubeApiError(
            0,
            `The watch connection to ${url} was refused (WebSocket close code ${event.code})`,
          ),
        );
    };
    return {
      stop: () => {
        if (ended) return;
        end('aborted');
        socket.close();
      },
    };
  }
}

function decodeFrame(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) {
    const text = new TextDecoder().decode(data);
    // base64.binary.k8s.io allows base64-encoded binary frames; watch frames are normally plain JSON.
    return text.trimStart().startsWith('{') ? text : atob(text);
  }
  return String(data);
}

function toWebSocketUrl(httpUrl: string): string {
  const base = typeof location !== 'undefined' ? location.href : 'http://localhost/';
  const url = new URL(httpUrl, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function errorFromResponse(code: number, statusText: string, parsed: unknown, text: string): KubeApiError {
  if (isStatus(parsed)) return KubeApiError.fromStatus(parsed, code);
  const detail = text.trim().slice(0, 300) || statusText || 'no details';
  return new KubeApiError(code, `HTTP ${code}: ${detail}`);
}

function networkError(url: string, error: unknown): KubeApiError {
  const message = error instanceof Error ? error.message : String(error);
  return new KubeApiError(0, `Cannot reach ${url}: ${message}`);
}

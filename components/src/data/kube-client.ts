import type { KubeList, KubeObject, Status, WatchEvent } from '../core/kube/types.js';
import type { ResourceScope, ResourceType } from '../core/kube/resource.js';

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
}

export interface WatchOptions {
  /** Watch changes after this resourceVersion (from a list). */
  resourceVersion?: string;
  labelSelector?: string;
  fieldSelector?: string;
  allowWatchBookmarks?: boolean;
  timeoutSeconds?: number;
}

export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
}

export type PatchType = 'merge' | 'json';

/** Why a watch stream ended. */
export interface WatchEnd {
  /** The stream ended without an error from our side (server closed it, timeout). */
  reason: 'closed' | 'error' | 'aborted';
  /** Set when the server refused the watch (HTTP status other than 200) or the network failed. */
  error?: KubeApiError;
}

export interface WatchHandle {
  /** Stops the watch; `onEnd` is called once with reason 'aborted'. */
  stop(): void;
}

export interface WatchCallbacks<T extends KubeObject> {
  onEvent(event: WatchEvent<T>): void;
  /** Called exactly once when the stream is over, whatever the cause. */
  onEnd(end: WatchEnd): void;
  /** Called when the server accepted the watch (headers received / socket opened). */
  onOpen?(): void;
}

/**
 * The transport every view's data rides on. One implementation talks HTTP(S) to an API server or a
 * proxy (`HttpKubeClient`); hosts such as the Headlamp plugin provide their own over their proxy.
 */
export interface KubeClient {
  list<T extends KubeObject>(
    type: ResourceType,
    scope?: ResourceScope,
    options?: ListOptions,
  ): Promise<KubeList<T>>;
  get<T extends KubeObject>(type: ResourceType, scope: ResourceScope): Promise<T>;
  create<T extends KubeObject>(
    type: ResourceType,
    scope: ResourceScope,
    body: T,
    options?: WriteOptions,
  ): Promise<T>;
  replace<T extends KubeObject>(
    type: ResourceType,
    scope: ResourceScope,
    body: T,
    options?: WriteOptions,
  ): Promise<T>;
  patch<T extends KubeObject>(
    type: ResourceType,
    scope: ResourceScope,
    patch: unknown,
    patchType?: PatchType,
    options?: WriteOptions,
  ): Promise<T>;
  delete(type: ResourceType, scope: ResourceScope, options?: WriteOptions): Promise<Status | KubeObject>;
  watch<T extends KubeObject>(
    type: ResourceType,
    scope: ResourceScope,
    options: WatchOptions,
    callbacks: WatchCallbacks<T>,
  ): WatchHandle;
  /**
   * The discovery document of a group version (`apps/v1` -> `GET /apis/apps/v1`, `v1` -> `/api/v1`):
   * whether an API (e.g. KEDA's `external.metrics.k8s.io/v1beta1`) is served. Optional for hosts.
   */
  discover?(groupVersion: string): Promise<APIResourceList>;
}

/** A group version's resources, as discovery answers. */
export interface APIResourceList {
  kind: 'APIResourceList';
  groupVersion: string;
  resources: ReadonlyArray<{ name: string; namespaced: boolean; kind: string; verbs?: readonly string[] }>;
}

/** An error from the API (its Status) or from the network (code 0). */
export class KubeApiError extends Error {
  readonly code: number;
  readonly status: Status | undefined;
  readonly reason: string;

  constructor(code: number, message: string, status?: Status) {
    super(message);
    this.name = 'KubeApiError';
    this.code = code;
    this.status = status;
    this.reason = status?.reason ?? (code === 0 ? 'NetworkError' : 'Unknown');
  }

  static fromStatus(status: Status, fallbackCode = 500): KubeApiError {
    return new KubeApiError(
      status.code ?? fallbackCode,
      status.message ?? status.reason ?? 'Unknown error',
      status,
    );
  }
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** What `/api/clusters` says about a cluster: whether it answers, and if not, why. */
export interface ClusterStatus {
  /** `ok`: it answered; `unreachable`: no connection (or no answer); `error`: it answered with an error, or the context cannot be used. */
  state: 'ok' | 'unreachable' | 'error';
  /** The API server's gitVersion, when it answered. */
  version?: string;
  /** Why it is not ok, with the context name and the cause. */
  message?: string;
}

/**
 * One cluster the demo server exposes under `/clusters/<name>/`: the embedded simulated cluster, or
 * a real one reached through a kubeconfig context. Requests arrive with the prefix already removed.
 */
export interface ClusterBackend {
  readonly name: string;
  readonly simulated: boolean;
  /** The API server's origin (never with credentials), for real clusters. */
  readonly server?: string;
  handleRequest(req: IncomingMessage, res: ServerResponse): void;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Whether the cluster answers now (may be cached for a few seconds). */
  probe(): Promise<ClusterStatus>;
  close(): Promise<void>;
}

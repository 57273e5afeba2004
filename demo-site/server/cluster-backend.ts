import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * One cluster the demo server exposes under `/clusters/<name>/`: the embedded simulated cluster, or
 * (later) a real one reached through a kubeconfig. Requests arrive with the prefix already removed.
 */
export interface ClusterBackend {
  readonly name: string;
  readonly simulated: boolean;
  handleRequest(req: IncomingMessage, res: ServerResponse): void;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ClusterBackend, ClusterStatus } from './cluster-backend.ts';
import { SimCluster, type SimClusterOptions } from './sim/index.ts';

/** The embedded simulated cluster, served in-process as if through an authenticating proxy. */
export class SimBackend implements ClusterBackend {
  readonly simulated = true;

  private constructor(
    readonly name: string,
    readonly sim: SimCluster,
  ) {}

  static async create(name: string, options: SimClusterOptions = {}): Promise<SimBackend> {
    return new SimBackend(name, await SimCluster.create(options));
  }

  handleRequest(req: IncomingMessage, res: ServerResponse): void {
    this.authenticate(req);
    this.sim.handleRequest(req, res);
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.authenticate(req);
    this.sim.handleUpgrade(req, socket, head);
  }

  /** In-process: it always answers. */
  probe(): Promise<ClusterStatus> {
    return Promise.resolve({ state: 'ok' });
  }

  close(): Promise<void> {
    return this.sim.close();
  }

  /** The browser never holds cluster credentials: the server adds them, as Headlamp's backend does. */
  private authenticate(req: IncomingMessage): void {
    req.headers.authorization = `Bearer ${this.sim.adminToken}`;
  }
}

/**
 * "Restart with state kept": stop accepting, end every watch, cut every connection (HTTP
 * keep-alive, chunked watches, upgraded WebSockets), stay down for a moment, then listen again on
 * the same address with the same server (same TLS material). The store is untouched, so
 * resourceVersions carry on and clients resume where they were.
 *
 * A cluster mounted in a host server has no port of its own: there the restart ends the watches
 * and refuses (destroys) every request that arrives while it is down.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ListenAddress {
  port: number;
  host: string;
}

export interface RestartOptions {
  /** How long the server stays unreachable, in ms (default 250, at most 60000). */
  downMs?: number;
}

export const DEFAULT_RESTART_DOWN_MS = 250;
export const MAX_RESTART_DOWN_MS = 60_000;

export interface RestartHooks {
  /** Ends every open watch cleanly. */
  dropWatches(): void;
  /** False once the cluster was closed (do not listen again). */
  stillWanted(): boolean;
  log(line: string): void;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function listenOn(server: Server, address: ListenAddress): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address.port, address.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export class Restarter {
  private server: Server | undefined;
  private address: ListenAddress | undefined;
  private readonly sockets = new Set<Socket>();
  private pending: Promise<void> | undefined;
  private down = false;
  private restarts = 0;

  constructor(private readonly hooks: RestartHooks) {}

  /** Number of restarts so far. */
  get count(): number {
    return this.restarts;
  }

  /** True while the cluster is down (mounted clusters refuse requests then). */
  get isDown(): boolean {
    return this.down;
  }

  /** The server the cluster listens with; its sockets are tracked from now on. */
  attach(server: Server, address: ListenAddress): void {
    this.server = server;
    this.address = address;
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  detach(): void {
    this.server = undefined;
    this.address = undefined;
    this.sockets.clear();
  }

  /** Restarts (or joins a restart in progress); resolves once the cluster serves again. */
  restart(options: RestartOptions = {}): Promise<void> {
    const downMs = Math.min(Math.max(0, options.downMs ?? DEFAULT_RESTART_DOWN_MS), MAX_RESTART_DOWN_MS);
    this.pending ??= this.run(downMs).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async run(downMs: number): Promise<void> {
    this.restarts++;
    this.down = true;
    this.hooks.log(`restart: down for ${downMs}ms`);
    try {
      const server = this.server;
      const address = this.address;
      if (!server || !address) {
        this.hooks.dropWatches();
        await sleep(downMs);
        return;
      }
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      this.hooks.dropWatches();
      // Let the ends of the streams just ended reach the sockets, then cut every connection.
      await new Promise<void>((resolve) => setImmediate(resolve));
      for (const socket of this.sockets) socket.destroy();
      this.sockets.clear();
      await closed;
      await sleep(downMs);
      if (this.hooks.stillWanted() && this.server === server) {
        await listenOn(server, address).catch((error: unknown) => {
          this.hooks.log(`restart: cannot listen again on ${address.host}:${address.port}: ${String(error)}`);
          throw error;
        });
      }
    } finally {
      this.down = false;
      this.hooks.log('restart: serving again');
    }
  }
}

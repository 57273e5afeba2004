import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ClusterBackend } from './cluster-backend.ts';
import { staticFiles } from './static-files.ts';

export interface DemoServerOptions {
  host: string;
  port: number;
  /** The built site (demo-site/dist). */
  siteRoot: string;
  clusters: ClusterBackend[];
}

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const CLUSTER_PATH = /^\/clusters\/([^/]+)(\/.*)?$/;

/**
 * The demo site's HTTP server: the built app, `/api/clusters`, and `/clusters/<name>/...` handed to
 * the cluster backends (HTTP and WebSocket). Requests whose Host or Origin is not this server are
 * refused, so a web page elsewhere (or a DNS-rebinding attack) cannot drive the cluster.
 */
export class DemoServer {
  private readonly server: Server;
  private readonly clusters = new Map<string, ClusterBackend>();
  private readonly serveStatic: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  private allowedHosts = new Set<string>();

  constructor(private readonly options: DemoServerOptions) {
    for (const cluster of options.clusters) this.clusters.set(cluster.name, cluster);
    this.serveStatic = staticFiles(options.siteRoot);
    this.server = createServer((req, res) => this.onRequest(req, res));
    this.server.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
    this.allowedHosts = new Set([
      `${host}:${port}`,
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      `[::1]:${port}`,
    ]);
    return `http://${host}:${port}/`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await Promise.all([...this.clusters.values()].map((c) => c.close()));
  }

  private refuseForeign(req: IncomingMessage): string | undefined {
    const host = req.headers.host ?? '';
    if (!this.allowedHosts.has(host)) return `Host "${host}" is not this server`;
    const origin = req.headers.origin;
    if (origin !== undefined) {
      let originHost: string;
      try {
        originHost = new URL(origin).host;
      } catch {
        return `Origin "${origin}" is not a URL`;
      }
      if (!this.allowedHosts.has(originHost)) return `Cross-origin request from ${origin} refused`;
    }
    return undefined;
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const refusal = this.refuseForeign(req);
    if (refusal) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end(refusal);
      return;
    }
    const url = req.url ?? '/';
    const match = CLUSTER_PATH.exec(url.split('?')[0] ?? '');
    if (match) {
      this.forward(req, res, match);
      return;
    }
    if (url === '/api/clusters') {
      const clusters = [...this.clusters.values()].map((c) => ({ name: c.name, simulated: c.simulated }));
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ clusters }));
      return;
    }
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    this.serveStatic(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`Internal error: ${String(error)}`);
    });
  }

  private forward(req: IncomingMessage, res: ServerResponse, match: RegExpExecArray): void {
    const cluster = this.clusterOf(match);
    if (!cluster) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(notFoundStatus(match[1] ?? '')));
      return;
    }
    req.url = stripClusterPrefix(req.url ?? '/', match);
    cluster.handleRequest(req, res);
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const refusal = this.refuseForeign(req);
    const match = CLUSTER_PATH.exec((req.url ?? '/').split('?')[0] ?? '');
    const cluster = match ? this.clusterOf(match) : undefined;
    if (refusal || !match || !cluster) {
      socket.end(`HTTP/1.1 ${refusal ? '403 Forbidden' : '404 Not Found'}\r\nConnection: close\r\n\r\n`);
      return;
    }
    req.url = stripClusterPrefix(req.url ?? '/', match);
    cluster.handleUpgrade(req, socket, head);
  }

  private clusterOf(match: RegExpExecArray): ClusterBackend | undefined {
    let name: string;
    try {
      name = decodeURIComponent(match[1] ?? '');
    } catch {
      return undefined;
    }
    return this.clusters.get(name);
  }
}

function stripClusterPrefix(url: string, match: RegExpExecArray): string {
  const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
  return (match[2] ?? '/') + query;
}

function notFoundStatus(name: string) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `cluster "${name}" is not served by this demo server`,
    reason: 'NotFound',
    code: 404,
  };
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ClusterBackend } from './cluster-backend.ts';
import { kubeStatus, sendStatus, sendStatusOnSocket } from './kube-status.ts';
import { PROXIED_RESPONSE_HEADERS } from './proxy-headers.ts';
import { readOnlyRefusal } from './read-only.ts';
import { allowedHosts, foreignRequestRefusal } from './request-guard.ts';
import { staticFiles } from './static-files.ts';

export interface DemoServerOptions {
  host: string;
  port: number;
  /** The built site (demo-site/dist). */
  siteRoot: string;
  clusters: ClusterBackend[];
  /** Refuse writes to every cluster (see read-only.ts for what still passes). */
  readOnly?: boolean;
  /** Files never served even when under `siteRoot`: the kubeconfig and the credential files it names. */
  secretFiles?: string[];
}

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
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
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

const CLUSTER_PATH = /^\/clusters\/([^/]+)(\/.*)?$/;

/**
 * The demo site's HTTP server: the built app, `/api/clusters`, and `/clusters/<name>/...` handed to
 * the cluster backends (HTTP and WebSocket). Requests whose Host or Origin is not this server, and
 * cross-site requests for cluster data, are refused, so a web page elsewhere (or a DNS-rebinding
 * attack) cannot drive the cluster. With `readOnly`, writes are refused before any backend sees them.
 */
export class DemoServer {
  private readonly server: Server;
  private readonly clusters = new Map<string, ClusterBackend>();
  private readonly serveStatic: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  private allowed = new Set<string>();

  constructor(private readonly options: DemoServerOptions) {
    for (const cluster of options.clusters) this.clusters.set(cluster.name, cluster);
    this.serveStatic = staticFiles(options.siteRoot, options.secretFiles);
    this.server = createServer((req, res) => this.onRequest(req, res));
    this.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.onUpgrade(req, socket, head),
    );
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.allowed = allowedHosts(this.options.host, port);
    const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
    return `http://${host}:${port}/`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await Promise.all([...this.clusters.values()].map((c) => c.close()));
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '';
    const match = CLUSTER_PATH.exec(path);
    const refusal = foreignRequestRefusal(
      req.headers,
      this.allowed,
      match !== null || path.startsWith('/api/'),
    );
    if (refusal) {
      req.resume();
      sendStatus(res, kubeStatus(403, refusal));
      return;
    }
    if (match) {
      this.forward(req, res, match);
      return;
    }
    if (path === '/api/clusters') {
      this.listClusters(res);
      return;
    }
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    this.serveStatic(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`Internal error: ${String(error)}`);
    });
  }

  private listClusters(res: ServerResponse): void {
    const readOnly = this.options.readOnly ?? false;
    Promise.all(
      [...this.clusters.values()].map(async (c) => ({
        name: c.name,
        simulated: c.simulated,
        readOnly,
        ...(c.server ? { server: c.server } : {}),
        ...(await c.probe()),
      })),
    ).then(
      (clusters) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify({ clusters }));
      },
      (error: unknown) => sendStatus(res, kubeStatus(500, `Cannot list the clusters: ${String(error)}`)),
    );
  }

  private forward(req: IncomingMessage, res: ServerResponse, match: RegExpExecArray): void {
    const cluster = this.clusterOf(match);
    if (!cluster) {
      req.resume();
      sendStatus(res, notServed(match[1] ?? ''));
      return;
    }
    req.url = stripClusterPrefix(req.url ?? '/', match);
    const refusal = this.options.readOnly
      ? readOnlyRefusal(cluster.name, req.method ?? 'GET', req.url, false)
      : undefined;
    if (refusal) {
      req.resume();
      sendStatus(res, kubeStatus(403, refusal));
      return;
    }
    for (const [name, value] of Object.entries(PROXIED_RESPONSE_HEADERS)) res.setHeader(name, value);
    cluster.handleRequest(req, res);
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const match = CLUSTER_PATH.exec((req.url ?? '/').split('?')[0] ?? '');
    const refusal = foreignRequestRefusal(req.headers, this.allowed, true);
    if (refusal) {
      sendStatusOnSocket(socket, kubeStatus(403, refusal));
      return;
    }
    const cluster = match ? this.clusterOf(match) : undefined;
    if (!match || !cluster) {
      sendStatusOnSocket(socket, notServed(match?.[1] ?? ''));
      return;
    }
    req.url = stripClusterPrefix(req.url ?? '/', match);
    const readOnly = this.options.readOnly
      ? readOnlyRefusal(cluster.name, req.method ?? 'GET', req.url, true)
      : undefined;
    if (readOnly) {
      sendStatusOnSocket(socket, kubeStatus(403, readOnly));
      return;
    }
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

function notServed(name: string) {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // shown as sent
  }
  return kubeStatus(404, `cluster "${decoded}" is not served by this demo server (see /api/clusters)`);
}

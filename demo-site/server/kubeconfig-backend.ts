import { createHash } from 'node:crypto';
import {
  Agent as HttpAgent,
  request as httpRequest,
  type ClientRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest, type RequestOptions } from 'node:https';
import type { Duplex } from 'node:stream';
import { KubeConfig, type Context, type User } from '@kubernetes/client-node';
import type { ClusterBackend, ClusterStatus } from './cluster-backend.ts';
import { kubeStatus, sendStatus, sendStatusOnSocket, type KubeStatus } from './kube-status.ts';
import { forwardedRequestHeaders, forwardedResponseHeaders, headerLines, redact } from './proxy-headers.ts';

export interface KubeconfigBackendOptions {
  /** How long to wait for a cluster's response headers (default 30 s). Watches then stream on. */
  responseTimeoutMs?: number;
  /** How long `probe()` waits for `/version` (default 3 s), and how long its answer is reused (5 s). */
  probeTimeoutMs?: number;
}

/** Reads a kubeconfig; entries missing required fields are left out (their contexts then report it). */
export function loadKubeconfig(path: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(path, { onInvalidEntry: 'filter' });
  return kc;
}

/**
 * The contexts to serve: those named (each must exist), else every context with the current one
 * first (the demo app opens the first cluster).
 */
export function selectContexts(kc: KubeConfig, names: readonly string[]): string[] {
  const all = kc.getContexts().map((c) => c.name);
  if (all.length === 0) throw new Error('The kubeconfig defines no context.');
  if (names.length > 0) {
    const unknown = names.filter((n) => !all.includes(n));
    if (unknown.length > 0) {
      throw new Error(
        `The kubeconfig has no context ${unknown.map((n) => `"${n}"`).join(', ')} (it has: ${all.join(', ')}).`,
      );
    }
    return [...new Set(names)];
  }
  const current = kc.getCurrentContext();
  return all.includes(current) ? [current, ...all.filter((n) => n !== current)] : all;
}

/** The kubeconfig and every credential file it names (keys, certificates, token files). */
export function credentialFiles(path: string, kc: KubeConfig): string[] {
  const files = [path];
  for (const user of kc.getUsers()) {
    const tokenFile = (user.authProvider as { config?: { tokenFile?: string } } | undefined)?.config
      ?.tokenFile;
    for (const file of [user.keyFile, user.certFile, tokenFile]) if (file) files.push(file);
  }
  for (const cluster of kc.getClusters()) if (cluster.caFile) files.push(cluster.caFile);
  return files;
}

class ContextError extends Error {}
class ResponseTimeout extends Error {}

/** Node's and OpenSSL's error codes for a TLS handshake or certificate failure. */
const TLS_ERROR = /CERT|SSL|TLS|SIGNATURE|EPROTO|ISSUER/;

interface Upstream {
  server: URL;
  options: RequestOptions;
  /** Every credential this request carries: never echoed to the browser. */
  secrets: string[];
}

type AppliedOptions = RequestOptions & { headers: Record<string, string> };

/**
 * A real cluster reached through one kubeconfig context. `@kubernetes/client-node`'s KubeConfig
 * does the authentication for every request (`applyToHTTPSOptions`: tokens and token files,
 * client certificates, exec credential plugins with their expiry and refresh, auth providers, CA
 * data or files, insecure-skip-tls-verify, tls-server-name, proxy-url); this class forwards the
 * browser's request with those credentials added and the browser's own stripped, streams the
 * answer back without cookies, challenges or anything echoing a credential, and turns a context
 * that cannot be used or a cluster that does not answer into a Kubernetes Status naming both.
 */
export class KubeconfigBackend implements ClusterBackend {
  readonly simulated = false;
  readonly server: string | undefined;

  private readonly kc = new KubeConfig();
  private readonly problem: string | undefined;
  private readonly agents = new Map<string, HttpAgent>();
  private readonly responseTimeoutMs: number;
  private readonly probeTimeoutMs: number;
  private applying: Promise<AppliedOptions> | undefined;
  private probed: { at: number; status: Promise<ClusterStatus> } | undefined;
  private closed = false;

  constructor(
    readonly name: string,
    source: KubeConfig,
    options: KubeconfigBackendOptions = {},
  ) {
    this.responseTimeoutMs = options.responseTimeoutMs ?? 30_000;
    this.probeTimeoutMs = options.probeTimeoutMs ?? 3_000;
    const context = source.getContextObject(name);
    const cluster = context ? source.getCluster(context.cluster) : null;
    this.problem = context
      ? !cluster
        ? `it names cluster "${context.cluster}", which the kubeconfig does not define (or defines without a server)`
        : context.user && !source.getUser(context.user)
          ? `it names user "${context.user}", which the kubeconfig does not define`
          : serverProblem(cluster.server)
      : 'the kubeconfig has no such context';
    this.server = cluster && !this.problem ? new URL(cluster.server).origin : undefined;
    // client-node applies a cluster's CA only when the context has a user: give anonymous contexts one.
    const users: User[] = [...source.getUsers()];
    let contexts: Context[] = source.getContexts();
    if (context && !context.user) {
      const anonymous = { name: `${name} (no user)` } as User;
      users.push(anonymous);
      contexts = contexts.map((c) => (c.name === name ? { ...c, user: anonymous.name } : c));
    }
    this.kc.loadFromOptions({ clusters: source.getClusters(), users, contexts, currentContext: name });
  }

  handleRequest(req: IncomingMessage, res: ServerResponse): void {
    this.upstream(req.method ?? 'GET', req.url ?? '/', req.headers, false).then(
      (upstream) => this.relay(req, res, upstream),
      (error: unknown) => {
        req.resume();
        sendStatus(res, this.contextStatus(error));
      },
    );
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    this.upstream(req.method ?? 'GET', req.url ?? '/', req.headers, true).then(
      (upstream) => this.relayUpgrade(socket, head, upstream),
      (error: unknown) => sendStatusOnSocket(socket, this.contextStatus(error)),
    );
  }

  probe(): Promise<ClusterStatus> {
    const now = Date.now();
    if (this.probed && now - this.probed.at < 5_000) return this.probed.status;
    const status = this.probeNow();
    this.probed = { at: now, status };
    return status;
  }

  close(): Promise<void> {
    this.closed = true;
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
    return Promise.resolve();
  }

  private async probeNow(): Promise<ClusterStatus> {
    let upstream: Upstream;
    try {
      upstream = await this.upstream('GET', '/version', { accept: 'application/json' }, false);
    } catch (error) {
      return { state: 'error', message: errorText(error) };
    }
    return new Promise<ClusterStatus>((resolve) => {
      const request = this.open(upstream);
      const timer = setTimeout(() => request.destroy(new ResponseTimeout()), this.probeTimeoutMs);
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          clearTimeout(timer);
          const body = parseJson(Buffer.concat(chunks).toString('utf8'));
          const code = response.statusCode ?? 0;
          if (code >= 200 && code < 300) {
            const version = typeof body?.gitVersion === 'string' ? body.gitVersion : undefined;
            resolve(version ? { state: 'ok', version } : { state: 'ok' });
            return;
          }
          const message = typeof body?.message === 'string' ? body.message : (response.statusMessage ?? '');
          resolve({
            state: 'error',
            message: redact(`the API server answered ${code}: ${message}`, upstream.secrets),
          });
        });
        response.on('error', () => undefined);
      });
      request.on('error', (error) => {
        clearTimeout(timer);
        const failure = this.networkFailure(error, upstream, this.probeTimeoutMs);
        resolve({ state: failure.code === 502 ? 'error' : 'unreachable', message: failure.cause });
      });
      request.end();
    });
  }

  /** The request to the cluster: its URL, the kubeconfig's credentials, the browser's headers minus its own. */
  private async upstream(
    method: string,
    url: string,
    headers: IncomingHttpHeaders,
    upgrade: boolean,
  ): Promise<Upstream> {
    if (this.problem) throw new ContextError(this.problem);
    if (this.closed) throw new ContextError('the demo server is shutting down');
    const applied = await this.credentials();
    const cluster = this.kc.getCurrentCluster();
    if (!cluster) throw new ContextError('it has no cluster');
    const server = new URL(cluster.server);
    const secrets = this.secretsOf(applied);
    const outgoing: OutgoingHttpHeaders = { ...forwardedRequestHeaders(headers, upgrade) };
    for (const [name, value] of Object.entries(applied.headers)) outgoing[name.toLowerCase()] = value;
    // The API server's WebSocket handshake refuses a request without an Origin; the browser's is ours.
    if (upgrade) outgoing.origin = server.origin;
    const secure = server.protocol === 'https:';
    const options: RequestOptions = {
      protocol: server.protocol,
      hostname: server.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: server.port || (secure ? 443 : 80),
      method,
      path: joinPath(server.pathname, url),
      headers: outgoing,
      agent: cluster.proxyUrl ? applied.agent : this.agentFor(secure, applied),
      ...(applied.auth ? { auth: applied.auth } : {}),
    };
    return { server, options, secrets };
  }

  /**
   * The kubeconfig's credentials, through client-node (which runs an exec plugin when its
   * credential is missing or expired). Concurrent requests share one evaluation.
   */
  private credentials(): Promise<AppliedOptions> {
    if (!this.applying) {
      const options: AppliedOptions = { headers: {} };
      this.applying = this.kc.applyToHTTPSOptions(options).then(
        () => {
          this.applying = undefined;
          return options;
        },
        (error: unknown) => {
          this.applying = undefined;
          const cause = error instanceof Error ? error.message : String(error);
          throw new ContextError(
            `its credentials could not be obtained: ${redact(cause.trim(), this.execEnv())}`,
          );
        },
      );
    }
    return this.applying;
  }

  /** What an exec plugin is given in its environment: it may echo it back in its error. */
  private execEnv(): string[] {
    const user = this.kc.getCurrentUser();
    const exec = (user?.exec ??
      (user?.authProvider as { config?: { exec?: unknown } } | undefined)?.config?.exec) as
      { env?: Array<{ value?: unknown }> } | undefined;
    return (exec?.env ?? []).map((e) => String(e.value ?? '')).filter((v) => v.length >= 6);
  }

  private secretsOf(applied: AppliedOptions): string[] {
    const user = this.kc.getCurrentUser();
    const secrets: string[] = [];
    for (const [name, value] of Object.entries(applied.headers)) {
      if (name.toLowerCase() !== 'authorization') continue;
      secrets.push(value, value.replace(/^\S+\s+/, ''));
    }
    if (applied.auth) secrets.push(applied.auth, Buffer.from(applied.auth).toString('base64'));
    for (const key of [applied.key, applied.pfx, applied.passphrase]) {
      for (const k of [key].flat()) if (k !== undefined) secrets.push(...pemSecrets(String(k)));
    }
    for (const value of [user?.token, user?.password, user?.keyData]) if (value) secrets.push(value);
    secrets.push(...this.execEnv());
    if (user?.keyData) secrets.push(...pemSecrets(Buffer.from(user.keyData, 'base64').toString('utf8')));
    return [...new Set(secrets.filter((s) => s.length >= 6))];
  }

  /** One keep-alive agent per TLS identity (client-node builds a new one per call). */
  private agentFor(secure: boolean, applied: AppliedOptions): HttpAgent {
    const tls = {
      ca: applied.ca,
      cert: applied.cert,
      key: applied.key,
      pfx: applied.pfx,
      passphrase: applied.passphrase,
      rejectUnauthorized: applied.rejectUnauthorized,
      servername: applied.servername,
    };
    const key = createHash('sha256')
      .update(
        JSON.stringify([secure, tls], (_, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)),
      )
      .digest('hex');
    let agent = this.agents.get(key);
    if (!agent) {
      const defined = Object.fromEntries(Object.entries(tls).filter(([, v]) => v !== undefined));
      agent = secure ? new HttpsAgent({ keepAlive: true, ...defined }) : new HttpAgent({ keepAlive: true });
      this.agents.set(key, agent);
      // Rotated credentials (an exec plugin's client certificate) leave old agents behind: keep a few.
      if (this.agents.size > 8) this.agents.delete(this.agents.keys().next().value as string);
    }
    return agent;
  }

  private open(upstream: Upstream): ClientRequest {
    return upstream.options.protocol === 'https:'
      ? httpsRequest(upstream.options)
      : httpRequest(upstream.options);
  }

  private relay(req: IncomingMessage, res: ServerResponse, upstream: Upstream): void {
    const request = this.open(upstream);
    const timer = setTimeout(() => request.destroy(new ResponseTimeout()), this.responseTimeoutMs);
    request.on('response', (response) => {
      clearTimeout(timer);
      if (res.destroyed) {
        response.destroy();
        return;
      }
      res.writeHead(response.statusCode ?? 502, forwardedResponseHeaders(response.headers, upstream.secrets));
      response.pipe(res);
      response.on('error', () => res.destroy());
    });
    request.on('error', (error) => {
      clearTimeout(timer);
      if (!res.destroyed && !res.writableEnded) sendStatus(res, this.networkStatus(error, upstream));
    });
    res.on('close', () => {
      clearTimeout(timer);
      if (!res.writableFinished) request.destroy();
    });
    req.pipe(request);
  }

  private relayUpgrade(socket: Duplex, head: Buffer, upstream: Upstream): void {
    if (socket.destroyed) return;
    const request = this.open(upstream);
    const timer = setTimeout(() => request.destroy(new ResponseTimeout()), this.responseTimeoutMs);
    const onEarlyClose = (): void => {
      request.destroy();
    };
    socket.once('close', onEarlyClose);
    request.on('upgrade', (response, clusterSocket, clusterHead) => {
      clearTimeout(timer);
      socket.off('close', onEarlyClose);
      const headers = forwardedResponseHeaders(response.headers, upstream.secrets, true);
      socket.write(`HTTP/1.1 101 Switching Protocols\r\n${headerLines(headers)}\r\n`);
      if (clusterHead.length > 0) socket.write(clusterHead);
      if (head.length > 0) clusterSocket.write(head);
      const end = (): void => {
        socket.destroy();
        clusterSocket.destroy();
      };
      clusterSocket.on('error', end);
      clusterSocket.on('close', end);
      socket.on('close', end);
      clusterSocket.pipe(socket);
      socket.pipe(clusterSocket);
    });
    request.on('response', (response) => {
      // The cluster refused the upgrade: pass its answer on as a plain HTTP response.
      clearTimeout(timer);
      const headers = forwardedResponseHeaders(response.headers, upstream.secrets);
      delete headers['content-length'];
      socket.write(
        `HTTP/1.1 ${response.statusCode ?? 502} ${response.statusMessage ?? ''}\r\n${headerLines(headers)}Connection: close\r\n\r\n`,
      );
      response.pipe(socket);
      response.on('error', () => socket.destroy());
    });
    request.on('error', (error) => {
      clearTimeout(timer);
      sendStatusOnSocket(socket, this.networkStatus(error, upstream));
    });
    request.end();
  }

  private contextStatus(error: unknown): KubeStatus {
    return kubeStatus(
      502,
      `context "${this.name}" cannot be used: ${errorText(error)}. Fix the context in the kubeconfig; the other clusters keep working.`,
    );
  }

  /** What went wrong on the way to the cluster: the HTTP code to answer with and the cause in words. */
  private networkFailure(
    error: Error,
    upstream: Upstream,
    timeoutMs: number,
  ): { code: number; cause: string } {
    const where = upstream.server.origin;
    if (error instanceof ResponseTimeout)
      return { code: 504, cause: `no answer from ${where} within ${timeoutMs / 1000} s` };
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const message = redact(error.message || code, upstream.secrets);
    if (TLS_ERROR.test(code))
      return { code: 502, cause: `the TLS connection to ${where} failed: ${message}` };
    return { code: 503, cause: `${message} (${where})` };
  }

  private networkStatus(error: Error, upstream: Upstream, timeoutMs = this.responseTimeoutMs): KubeStatus {
    const { code, cause } = this.networkFailure(error, upstream, timeoutMs);
    const reach =
      'Check that its API server is up and reachable from this machine (VPN, proxy, port-forward); the other clusters keep working.';
    if (code === 503) return kubeStatus(503, `cluster "${this.name}" is unreachable: ${cause}. ${reach}`);
    if (code === 504) return kubeStatus(504, `cluster "${this.name}" did not answer: ${cause}. ${reach}`);
    return kubeStatus(
      502,
      `cluster "${this.name}": ${cause}. Check the context's certificate-authority, client certificate and insecure-skip-tls-verify in the kubeconfig.`,
    );
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function serverProblem(server: string): string | undefined {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return `its cluster's server is not a URL: "${server}"`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `its cluster's server has an unsupported scheme: "${url.protocol}"`;
  }
  return undefined;
}

/** The server URL's path prefix (Rancher-style `/k8s/clusters/c-1`) joined with the request's path. */
function joinPath(prefix: string, url: string): string {
  const base = prefix.replace(/\/+$/, '');
  return `${base}${url.startsWith('/') ? url : `/${url}`}`;
}

/** A PEM key and its base64 body lines joined, so a key is found in either form. */
function pemSecrets(pem: string): string[] {
  const body = pem
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('-----'))
    .join('');
  return body.length > 0 ? [pem.trim(), body] : [pem.trim()];
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

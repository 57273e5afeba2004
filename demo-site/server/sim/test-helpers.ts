/** Helpers shared by the simulator's tests: HTTP(S) requests, watch stream readers, waiting. */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { WebSocket } from 'ws';
import { SimCluster, type SimClusterOptions } from './index.ts';

export interface Running {
  cluster: SimCluster;
  url: string;
  caPem?: string;
}

/** A cluster listening on a random 127.0.0.1 port (HTTPS unless `insecureHttp`). */
export async function startCluster(
  options: SimClusterOptions = {},
  listen: { insecureHttp?: boolean } = {},
): Promise<Running> {
  const cluster = await SimCluster.create({ seed: 42, ...options });
  const { url, caPem } = await cluster.listen({
    port: 0,
    host: '127.0.0.1',
    insecureHttp: listen.insecureHttp,
  });
  return { cluster, url, caPem };
}

export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

export interface RequestOptions {
  method?: string;
  token?: string | null;
  headers?: Record<string, string>;
  body?: unknown;
  /** Raw body bytes (sent as-is). */
  raw?: Buffer;
  contentType?: string;
  caPem?: string;
}

/** One HTTP(S) request against `base` + `path`; token defaults to none. */
export function call(base: string, path: string, options: RequestOptions = {}): Promise<HttpResult> {
  const url = new URL(path, base);
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let payload: Buffer | undefined = options.raw;
  if (options.body !== undefined) payload = Buffer.from(JSON.stringify(options.body));
  if (payload) {
    headers['content-type'] = options.contentType ?? 'application/json';
    headers['content-length'] = String(payload.length);
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: options.method ?? 'GET', headers, ca: options.caPem }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text,
          json: <T>() => JSON.parse(text) as T,
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

export interface WatchEventJson {
  type: string;
  object: {
    kind?: string;
    apiVersion?: string;
    metadata: {
      name?: string;
      namespace?: string;
      resourceVersion?: string;
      annotations?: Record<string, string>;
    };
    code?: number;
    message?: string;
    reason?: string;
    [key: string]: unknown;
  };
}

/** A stream of watch events with `next()` and an `ended` promise. */
export class EventStream {
  readonly events: WatchEventJson[] = [];
  /** Raw text of every event as received (one element per frame / line). */
  readonly frames: string[] = [];
  private waiters: ((e: WatchEventJson | undefined) => void)[] = [];
  private cursor = 0;
  private done = false;
  readonly ended: Promise<void>;
  private resolveEnded!: () => void;
  closeFn: () => void = () => {};

  constructor() {
    this.ended = new Promise((resolve) => (this.resolveEnded = resolve));
  }

  push(text: string): void {
    this.frames.push(text);
    const event = JSON.parse(text) as WatchEventJson;
    this.events.push(event);
    this.flush();
  }

  end(): void {
    if (this.done) return;
    this.done = true;
    this.resolveEnded();
    this.flush();
  }

  get isEnded(): boolean {
    return this.done;
  }

  private flush(): void {
    while (this.waiters.length > 0 && (this.cursor < this.events.length || this.done)) {
      const waiter = this.waiters.shift();
      const event = this.cursor < this.events.length ? this.events[this.cursor++] : undefined;
      waiter?.(event);
    }
  }

  /** The next unread event; rejects after `timeoutMs`; undefined when the stream ended first. */
  next(timeoutMs = 3000): Promise<WatchEventJson | undefined> {
    if (this.cursor < this.events.length) return Promise.resolve(this.events[this.cursor++]);
    if (this.done) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no watch event within ${timeoutMs}ms (got ${this.events.length})`));
      }, timeoutMs);
      const waiter = (e: WatchEventJson | undefined): void => {
        clearTimeout(timer);
        resolve(e);
      };
      this.waiters.push(waiter);
    });
  }

  /** Reads `n` events. */
  async take(n: number, timeoutMs = 3000): Promise<WatchEventJson[]> {
    const out: WatchEventJson[] = [];
    for (let i = 0; i < n; i++) {
      const e = await this.next(timeoutMs);
      if (!e) throw new Error(`stream ended after ${out.length} of ${n} events`);
      out.push(e);
    }
    return out;
  }

  /** Unread events so far (without waiting). */
  get unread(): number {
    return this.events.length - this.cursor;
  }

  close(): void {
    this.closeFn();
  }
}

/** An HTTP chunked watch; resolves once the response headers arrived. */
export function httpWatch(
  base: string,
  path: string,
  options: { token?: string; caPem?: string; accept?: string } = {},
): Promise<EventStream & { status: number; headers: IncomingHttpHeaders }> {
  const url = new URL(path, base);
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.accept) headers.accept = options.accept;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const stream = new EventStream() as EventStream & { status: number; headers: IncomingHttpHeaders };
    const req = send(url, { headers, ca: options.caPem }, (res) => {
      stream.status = res.statusCode ?? 0;
      stream.headers = res.headers;
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          if (line.trim()) stream.push(line);
        }
      });
      res.on('end', () => stream.end());
      res.on('close', () => stream.end());
      res.on('error', () => stream.end());
      resolve(stream);
    });
    stream.closeFn = () => req.destroy();
    req.on('error', (error) => {
      stream.end();
      reject(error);
    });
    req.end();
  });
}

/** A WebSocket watch as Headlamp opens it; resolves once open (or rejects with the HTTP status). */
export function wsWatch(
  base: string,
  path: string,
  options: { token?: string; caPem?: string; protocols?: string[] } = {},
): Promise<EventStream & { protocol: string; binaryFrames: number }> {
  const url = new URL(path, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options.protocols ?? ['base64.binary.k8s.io'], {
      headers,
      ca: options.caPem,
    });
    ws.binaryType = 'arraybuffer';
    const stream = new EventStream() as EventStream & { protocol: string; binaryFrames: number };
    stream.binaryFrames = 0;
    stream.closeFn = () => ws.close();
    ws.on('message', (data, isBinary) => {
      if (isBinary) stream.binaryFrames++;
      stream.push(
        Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8'),
      );
    });
    ws.on('close', () => stream.end());
    ws.on('open', () => {
      stream.protocol = ws.protocol;
      resolve(stream);
    });
    ws.on('unexpected-response', (_req, res) => {
      reject(Object.assign(new Error(`HTTP ${res.statusCode ?? 0}`), { statusCode: res.statusCode }));
      ws.terminate();
    });
    ws.on('error', (error) => {
      stream.end();
      reject(error);
    });
  });
}

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 3000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export const TABLE_ACCEPT =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

export const SO_PATH = '/apis/keda.sh/v1alpha1';

/**
 * Test doubles at the network boundary: `fetch` answered from a route table, and a WebSocket that
 * the test opens, feeds and closes by hand. Everything above them (Headlamp's ApiProxy, our
 * client, the data layer, the elements) is the real code.
 */
import { vi } from 'vitest';

export interface RecordedRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export type FetchResponder = (request: RecordedRequest) => Response | Promise<Response>;

export function jsonResponse(body: unknown, status = 200, statusText = 'OK'): Response {
  return new Response(JSON.stringify(body), {
    status,
    statusText,
    headers: { 'Content-Type': 'application/json' },
  });
}

export function statusResponse(
  code: number,
  statusText: string,
  reason: string,
  message: string
): Response {
  return jsonResponse(
    { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code },
    code,
    statusText
  );
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, key) => {
    headers[key.toLowerCase()] = value;
  });
  return headers;
}

/** Replaces global fetch; returns the list of requests it saw. */
export function mockFetch(responder: FetchResponder): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    );
    const request: RecordedRequest = {
      url,
      method: (init?.method ?? 'GET').toUpperCase(),
      headers: headersOf(init),
      body: typeof init?.body === 'string' ? init.body : undefined,
    };
    requests.push(request);
    return responder(request);
  });
  return requests;
}

/** A WebSocket the test drives: `accept()`, `send()` a watch event, `serverClose()`. */
export class FakeWebSocket extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static instances: FakeWebSocket[] = [];
  /** Open every new socket right away (a watch that the server accepts and keeps open). */
  static autoAccept = false;

  readonly url: URL;
  readonly protocols: string[];
  readyState = FakeWebSocket.CONNECTING;
  binaryType = 'blob';
  closedByClient = false;

  constructor(url: string | URL, protocols?: string | string[]) {
    super();
    this.url = new URL(String(url));
    this.protocols = protocols === undefined ? [] : ([] as string[]).concat(protocols);
    FakeWebSocket.instances.push(this);
    if (FakeWebSocket.autoAccept) queueMicrotask(() => this.accept());
  }

  accept(): void {
    if (this.readyState !== FakeWebSocket.CONNECTING) return;
    this.readyState = FakeWebSocket.OPEN;
    this.dispatchEvent(new Event('open'));
  }

  /** Sends one text frame (a watch event) to the client. */
  send(data: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(data) }));
  }

  serverClose(code = 1000): void {
    if (this.readyState === FakeWebSocket.CLOSED) return;
    this.readyState = FakeWebSocket.CLOSED;
    this.dispatchEvent(new CloseEvent('close', { code, wasClean: code === 1000 }));
  }

  close(): void {
    this.closedByClient = true;
    this.serverClose(1000);
  }

  static install(): void {
    FakeWebSocket.instances = [];
    FakeWebSocket.autoAccept = false;
    vi.stubGlobal('WebSocket', FakeWebSocket);
  }
}

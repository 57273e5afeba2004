import type { ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';

/** A Kubernetes `Status` failure, the shape every client (and our elements) can show verbatim. */
export interface KubeStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  code: number;
}

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  403: 'Forbidden',
  404: 'NotFound',
  502: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

export function kubeStatus(
  code: number,
  message: string,
  reason = REASONS[code] ?? 'InternalError',
): KubeStatus {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

const STATUS_HEADERS = {
  'Content-Type': 'application/json',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

/** Answers an HTTP request with a Status (unless a response already started: then it is cut). */
export function sendStatus(res: ServerResponse, status: KubeStatus): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify(status);
  res.writeHead(status.code, { ...STATUS_HEADERS, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Answers a WebSocket upgrade request with a plain HTTP error carrying the Status, and closes it. */
export function sendStatusOnSocket(socket: Duplex, status: KubeStatus): void {
  if (socket.destroyed) return;
  const body = JSON.stringify(status);
  const head = [
    `HTTP/1.1 ${status.code} ${STATUS_CODES[status.code] ?? 'Error'}`,
    ...Object.entries(STATUS_HEADERS).map(([name, value]) => `${name}: ${value}`),
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}

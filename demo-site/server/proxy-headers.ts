import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** Hop-by-hop headers (RFC 9110 §7.6.1): they describe one connection and are never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * What the browser may not send to a cluster: its cookies and any credential of its own (the proxy
 * authenticates as the kubeconfig user, and nobody else), impersonation, and where it came from.
 */
const BROWSER_ONLY = new Set(['host', 'cookie', 'authorization', 'origin', 'referer', 'forwarded']);
const BROWSER_ONLY_PREFIXES = ['impersonate-', 'x-forwarded-', 'x-remote-', 'sec-fetch-'];

/** What a cluster may not send to the browser: cookies and authentication challenges. */
const CLUSTER_ONLY = new Set([
  'set-cookie',
  'set-cookie2',
  'www-authenticate',
  'authentication-info',
  'proxy-authentication-info',
]);

/** The bearer token a browser can put in a WebSocket subprotocol (Headlamp does); never forwarded. */
const WS_BEARER_PROTOCOL_PREFIX = 'base64url.bearer.authorization.k8s.io.';

/** Every response from a cluster: never rendered as a page of this origin, never embedded elsewhere. */
export const PROXIED_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function connectionTokens(headers: IncomingHttpHeaders): Set<string> {
  const value = headers.connection;
  const text = Array.isArray(value) ? value.join(',') : (value ?? '');
  return new Set(
    text
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter((t) => t !== '' && t !== 'upgrade' && t !== 'close' && t !== 'keep-alive'),
  );
}

/**
 * The browser's request headers as the cluster should see them. For a WebSocket upgrade, the
 * upgrade handshake headers stay; any bearer-token subprotocol goes.
 */
export function forwardedRequestHeaders(headers: IncomingHttpHeaders, upgrade = false): OutgoingHttpHeaders {
  const named = connectionTokens(headers);
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (BROWSER_ONLY.has(lower) || named.has(lower)) continue;
    if (BROWSER_ONLY_PREFIXES.some((prefix) => lower.startsWith(prefix))) continue;
    if (HOP_BY_HOP.has(lower) && !(upgrade && (lower === 'upgrade' || lower === 'connection'))) continue;
    if (lower === 'sec-websocket-protocol') {
      const protocols = (Array.isArray(value) ? value.join(',') : value)
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== '' && !p.startsWith(WS_BEARER_PROTOCOL_PREFIX));
      if (protocols.length > 0) out[lower] = protocols.join(', ');
      continue;
    }
    out[lower] = value;
  }
  if (upgrade) {
    out.connection = 'Upgrade';
    out.upgrade = headers.upgrade ?? 'websocket';
  }
  return out;
}

/** True when `value` carries one of the credentials (in full). */
export function containsSecret(value: string, secrets: readonly string[]): boolean {
  return secrets.some((secret) => secret.length >= 6 && value.includes(secret));
}

/**
 * The cluster's response headers as the browser may see them: no hop-by-hop headers (except the
 * upgrade handshake's), no cookies or authentication challenges, no header that echoes a
 * credential, and the proxied-response security headers.
 */
export function forwardedResponseHeaders(
  headers: IncomingHttpHeaders,
  secrets: readonly string[],
  upgrade = false,
): OutgoingHttpHeaders {
  const named = connectionTokens(headers);
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (CLUSTER_ONLY.has(lower) || named.has(lower)) continue;
    if (HOP_BY_HOP.has(lower) && !(upgrade && (lower === 'upgrade' || lower === 'connection'))) continue;
    const values = (Array.isArray(value) ? value : [value]).filter((v) => !containsSecret(v, secrets));
    if (values.length === 0) continue;
    out[lower] = Array.isArray(value) ? values : values[0];
  }
  if (!upgrade) Object.assign(out, PROXIED_RESPONSE_HEADERS);
  return out;
}

/** Replaces every credential in a message (an error from a credential plugin, say) by `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join('***');
  return out;
}

/** An HTTP/1.1 header block (without the status line), e.g. for a response written on a raw socket. */
export function headerLines(headers: OutgoingHttpHeaders): string {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${String(v)}`);
  }
  return lines.map((line) => `${line}\r\n`).join('');
}

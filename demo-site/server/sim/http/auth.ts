/**
 * Bearer-token authentication and a two-role authorizer: an admin who may do anything, and a
 * read-only viewer whose writes get the real apiserver's Forbidden message.
 */
import type { IncomingMessage } from 'node:http';
import { TLSSocket } from 'node:tls';
import { errors, type ApiError } from '../core/errors.ts';

export interface UserInfo {
  name: string;
  readOnly: boolean;
}

export interface RequestAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

/** Headlamp / browsers pass the token as a websocket subprotocol. */
export const WS_BEARER_PROTOCOL_PREFIX = 'base64url.bearer.authorization.k8s.io.';

const READ_VERBS: ReadonlySet<string> = new Set(['get', 'list', 'watch']);

function bearerFromProtocols(header: string | string[] | undefined): string | undefined {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  for (const p of text.split(',').map((s) => s.trim())) {
    if (p.startsWith(WS_BEARER_PROTOCOL_PREFIX)) {
      try {
        return Buffer.from(p.slice(WS_BEARER_PROTOCOL_PREFIX.length), 'base64url').toString('utf8');
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export class TokenAuthenticator {
  private readonly users = new Map<string, UserInfo>();
  /** When true, requests without credentials act as the admin (plain-HTTP mode, where kubectl sends no token). */
  allowAnonymous = false;

  constructor(
    private readonly admin: UserInfo,
    tokens: ReadonlyArray<readonly [string, UserInfo]>,
  ) {
    for (const [token, user] of tokens) this.users.set(token, user);
  }

  /** The user, or a 401 ApiError. */
  authenticate(req: IncomingMessage): UserInfo | ApiError {
    const header = req.headers.authorization;
    let token: string | undefined;
    if (header) {
      const m = /^Bearer\s+(.+)$/i.exec(header.trim());
      if (!m) return errors.unauthorized();
      token = m[1]?.trim();
    } else {
      token = bearerFromProtocols(req.headers['sec-websocket-protocol']);
    }
    if (token === undefined) {
      return clientCertificateUser(req) ?? (this.allowAnonymous ? this.admin : errors.unauthorized());
    }
    return this.users.get(token) ?? errors.unauthorized();
  }
}

/**
 * The user of a client certificate the server's CA signed (the TLS server asks for one and
 * verifies it): the commonName, admin when `system:masters` is among the organizations.
 */
function clientCertificateUser(req: IncomingMessage): UserInfo | undefined {
  const socket = req.socket;
  if (!(socket instanceof TLSSocket) || !socket.authorized) return undefined;
  const subject = socket.getPeerCertificate().subject as Record<string, string | string[] | undefined>;
  const name = subject.CN;
  if (typeof name !== 'string' || name === '') return undefined;
  const groups = ([] as string[]).concat(subject.O ?? []);
  return { name, readOnly: !groups.includes('system:masters') };
}

/** undefined when allowed, else the 403 as a real RBAC denial would word it. */
export function authorize(user: UserInfo, attrs: RequestAttributes): ApiError | undefined {
  if (!user.readOnly || READ_VERBS.has(attrs.verb)) return undefined;
  const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
  const scope = attrs.namespace ? `in the namespace "${attrs.namespace}"` : 'at the cluster scope';
  return errors.forbidden(
    { group: attrs.group, resource: attrs.resource },
    attrs.name ?? '',
    `User "${user.name}" cannot ${attrs.verb} resource "${resource}" in API group "${attrs.group}" ${scope}`,
  );
}

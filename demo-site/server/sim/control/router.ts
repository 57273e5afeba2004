/**
 * The simulator's control API under `/sim/v1/`: a small route table that feature modules register
 * into (faults, watches, history, restart, status; later clock, sources…). It is not a Kubernetes
 * API group: discovery never lists it. It shares the API's authentication; the read-only user may
 * only GET. Answers are JSON; errors are Kubernetes Status documents, like the rest of the server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Status } from '../../../../components/src/core/kube/types.ts';
import { ApiError, errors } from '../core/errors.ts';
import type { UserInfo } from '../http/auth.ts';
import { decodeBody, readBody } from '../http/body.ts';
import { sendError, sendJson, toApiError } from '../http/respond.ts';

export const CONTROL_PREFIX = '/sim/v1';

export type ControlMethod = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

export interface ControlRequest {
  method: ControlMethod;
  /** The route path, e.g. `/sim/v1/faults`. */
  path: string;
  query: URLSearchParams;
  user: UserInfo;
  /** The decoded JSON (or YAML) body; undefined when empty. */
  body(): Promise<unknown>;
}

export interface ControlResponse {
  /** Default 200. */
  status?: number;
  body: unknown;
  /** Runs once the answer has been sent (e.g. a restart that cuts this very connection). */
  afterSend?: () => void;
}

export interface ControlRoute {
  method: ControlMethod;
  /** Full path, `/sim/v1/<name>[/<more>]`. */
  path: string;
  /** One line for the route index (GET /sim/v1). */
  description: string;
  handle(request: ControlRequest): ControlResponse | Promise<ControlResponse>;
}

const METHODS: ReadonlySet<string> = new Set(['GET', 'PUT', 'POST', 'PATCH', 'DELETE']);

function normalize(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function status(code: number, reason: string, message: string): ApiError {
  const body: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    details: {},
    code,
  };
  return new ApiError(body);
}

/** The apiserver's wording for a non-resource URL the user may not use. */
function forbiddenPath(user: UserInfo, method: string, path: string): ApiError {
  return status(
    403,
    'Forbidden',
    `forbidden: User "${user.name}" cannot ${method.toLowerCase()} path "${path}"`,
  );
}

export class ControlApi {
  private readonly routes = new Map<string, ControlRoute>();

  /** Adds routes; a route with the same method and path replaces the earlier one. Returns an unregister. */
  register(...routes: ControlRoute[]): () => void {
    for (const route of routes) {
      if (!route.path.startsWith(`${CONTROL_PREFIX}/`)) {
        throw new Error(`control route ${route.path} is outside ${CONTROL_PREFIX}/`);
      }
      this.routes.set(this.key(route.method, route.path), { ...route, path: normalize(route.path) });
    }
    return () => {
      for (const route of routes) this.routes.delete(this.key(route.method, route.path));
    };
  }

  /** The registered routes, sorted by path then method. */
  list(): ControlRoute[] {
    return [...this.routes.values()].sort((a, b) =>
      a.path === b.path ? a.method.localeCompare(b.method) : a.path.localeCompare(b.path),
    );
  }

  /** Whether `pathname` belongs to the control API. */
  owns(pathname: string): boolean {
    return pathname === CONTROL_PREFIX || pathname.startsWith(`${CONTROL_PREFIX}/`);
  }

  /** Serves one request to a path this API owns (the caller has authenticated `user`). */
  async serve(req: IncomingMessage, res: ServerResponse, url: URL, user: UserInfo): Promise<void> {
    try {
      const answer = await this.dispatch(req, url, user);
      if (answer.afterSend) res.once('finish', answer.afterSend);
      sendJson(res, answer.status ?? 200, answer.body);
    } catch (error) {
      sendError(res, toApiError(error));
    }
  }

  /** The route index: what GET /sim/v1 answers. */
  index(): { routes: { method: ControlMethod; path: string; description: string }[] } {
    return {
      routes: this.list().map((r) => ({ method: r.method, path: r.path, description: r.description })),
    };
  }

  private async dispatch(req: IncomingMessage, url: URL, user: UserInfo): Promise<ControlResponse> {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = normalize(url.pathname);
    if (method !== 'GET' && user.readOnly) throw forbiddenPath(user, method, path);
    if (path === CONTROL_PREFIX && method === 'GET') return { body: this.index() };
    const route = METHODS.has(method) ? this.routes.get(this.key(method, path)) : undefined;
    if (!route) {
      const allowed = this.list()
        .filter((r) => r.path === path)
        .map((r) => r.method);
      if (allowed.length === 0 && path !== CONTROL_PREFIX) throw errors.pathNotFound();
      throw status(
        405,
        'MethodNotAllowed',
        `${method} is not supported on ${path} (allowed: ${(allowed.length ? allowed : ['GET']).join(', ')})`,
      );
    }
    return route.handle({
      method: route.method,
      path,
      query: url.searchParams,
      user,
      body: async () => decodeBody(await readBody(req), req.headers['content-type']),
    });
  }

  private key(method: string, path: string): string {
    return `${method} ${normalize(path)}`;
  }
}

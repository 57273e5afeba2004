/**
 * The request router: authenticates, maps a URL + method to a verb on a resource (or to a
 * discovery / openapi / version document), authorizes, and calls the service. Works with any
 * `req.url` (a host may strip its own prefix first) and with or without TLS.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { apiVersionOf } from '../../../../components/src/core/kube/resource.ts';
import { makeFilter } from '../api/filter.ts';
import { PATCH_CONTENT_TYPES } from '../api/patch/index.ts';
import type { DeleteOptions, ResourceService, WriteOptions } from '../api/service.ts';
import { propagationPolicyOf } from '../api/propagation.ts';
import { subresourceView } from '../api/subresources.ts';
import { parseFieldValidation, type WriteOptionsKind } from '../api/validation/index.ts';
import { toTable } from '../api/table.ts';
import type { Clock } from '../core/clock.ts';
import { errors, isApiError, type ApiError } from '../core/errors.ts';
import { isObject } from '../core/json.ts';
import type { ResourceRegistry } from '../registry/registry.ts';
import type { ResourceDef } from '../registry/types.ts';
import type { ControlApi } from '../control/router.ts';
import { EXTERNAL_METRICS_GROUP, type ExternalMetricsApi } from '../metrics/external-metrics.ts';
import { EXTERNAL_METRICS_DISCOVERY, externalMetricsResponse } from '../metrics/external-metrics-http.ts';
import { EXPOSITION_CONTENT_TYPE } from '../metrics/exposition.ts';
import type { WatchHub } from '../watch/hub.ts';
import { listOptionsQuery, validateListOptions } from '../watch/list-options.ts';
import type { WatchSpec } from '../watch/session.ts';
import { httpWatchSink, webSocketWatchSink } from '../watch/sinks.ts';
import { authorize, type TokenAuthenticator, type UserInfo, WS_BEARER_PROTOCOL_PREFIX } from './auth.ts';
import { decodeBody, readBody } from './body.ts';
import {
  aggregatedDiscovery,
  AGGREGATED_CONTENT_TYPE,
  apiGroupDocument,
  apiGroupList,
  apiResourceList,
  apiVersions,
} from './discovery.ts';
import { parseAccept, wantsAggregatedDiscovery, wantsTable } from './negotiate.ts';
import type { OpenApiPublisher } from './openapi.ts';
import { parsePath, type ResourceRoute } from './paths.ts';
import { sendError, sendJson, sendRaw, toApiError } from './respond.ts';
import { warningRecorder } from './warnings.ts';

export interface HandlerContext {
  registry: ResourceRegistry;
  service: ResourceService;
  clock: Clock;
  hub: WatchHub;
  auth: TokenAuthenticator;
  openapi: OpenApiPublisher;
  log: (line: string) => void;
  /** The simulator's control API (`/sim/v1/...`), outside the Kubernetes API and its discovery. */
  control?: ControlApi;
  /** external.metrics.k8s.io, served like KEDA's metrics adapter behind the aggregator. */
  externalMetrics?: ExternalMetricsApi;
  /** Prometheus expositions behind service-proxy paths (KEDA operator, kube-state-metrics). */
  prometheus?: { serve(pathname: string): string | undefined };
}

/** What `/version` reports; minor 32 makes the gcloud kubectl dispatcher pick kubectl 1.32. */
export const VERSION_INFO = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.2',
  gitCommit: 'keda-sim',
  gitTreeState: 'clean',
  buildDate: '2025-02-12T00:00:00Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const TRUE_VALUES: ReadonlySet<string> = new Set(['true', '1', 't', 'True', 'TRUE', 'T']);
const FALSE_VALUES: ReadonlySet<string> = new Set(['false', '0', 'f', 'False', 'FALSE', 'F']);

function parseBool(value: string | null): boolean | undefined {
  if (value === null) return undefined;
  if (TRUE_VALUES.has(value)) return true;
  if (FALSE_VALUES.has(value)) return false;
  throw errors.badRequest(`invalid boolean value: "${value}"`);
}

type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

interface ResolvedResource {
  def: ResourceDef;
  namespace: string | undefined;
  name: string | undefined;
  subresource: string | undefined;
  verb: Verb;
}

function methodNotAllowed(def: ResourceDef, method: string): ApiError {
  return errors.methodNotSupported({ group: def.group, resource: def.plural }, method.toLowerCase());
}

function verbFor(method: string, route: ResourceRoute, watch: boolean, def: ResourceDef): Verb {
  const collection = route.name === undefined;
  switch (method) {
    case 'GET':
      if (watch) return 'watch';
      return collection ? 'list' : 'get';
    case 'POST':
      if (collection) return 'create';
      break;
    case 'PUT':
      if (!collection) return 'update';
      break;
    case 'PATCH':
      if (!collection) return 'patch';
      break;
    case 'DELETE':
      if (!route.subresource) return collection ? 'deletecollection' : 'delete';
      break;
  }
  throw methodNotAllowed(def, method);
}

function dryRunFrom(values: unknown[]): boolean {
  for (const v of values) {
    if (v !== 'All') throw errors.badRequest(`Invalid dryRun value: ${String(v)}; supported values: "All"`);
  }
  return values.length > 0;
}

export class ApiHandler {
  private readonly wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    handleProtocols: (protocols) => {
      for (const p of protocols) if (!p.startsWith(WS_BEARER_PROTOCOL_PREFIX)) return p;
      return false;
    },
  });

  constructor(private readonly ctx: HandlerContext) {}

  /** Node request listener for API paths. */
  handle(req: IncomingMessage, res: ServerResponse): void {
    const started = Date.now();
    res.on('finish', () => {
      this.ctx.log(`${req.method ?? 'GET'} ${req.url ?? ''} ${res.statusCode} ${Date.now() - started}ms`);
    });
    this.serve(req, res).catch((error: unknown) => {
      const apiError = toApiError(error);
      if (res.headersSent) res.end();
      else sendError(res, apiError);
    });
  }

  /** Node 'upgrade' listener: WebSocket watches on the same paths. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    try {
      const url = new URL(req.url ?? '/', 'http://sim.invalid');
      const user = this.authenticate(req);
      const route = parsePath(url.pathname);
      if (route.kind !== 'resource') throw errors.pathNotFound();
      const resolved = this.resolve(route, 'GET', true);
      this.authorize(user, resolved);
      const spec = this.watchSpec(resolved, url, req);
      this.ctx.log(`WATCH(ws) ${req.url ?? ''}`);
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        this.ctx.hub.open(spec, webSocketWatchSink(ws));
      });
    } catch (error) {
      const apiError = toApiError(error);
      const body = JSON.stringify(apiError.status);
      socket.end(
        `HTTP/1.1 ${apiError.code} ${apiError.reason || 'Error'}\r\n` +
          'Content-Type: application/json\r\n' +
          `Content-Length: ${Buffer.byteLength(body)}\r\n` +
          'Connection: close\r\n\r\n' +
          body,
      );
    }
  }

  /** Closes the WebSocket server (open sockets are ended by the watch hub). */
  close(): void {
    this.wss.close();
  }

  private authenticate(req: IncomingMessage): UserInfo {
    const user = this.ctx.auth.authenticate(req);
    if (isApiError(user)) throw user;
    return user;
  }

  private authorize(user: UserInfo, r: ResolvedResource): void {
    const denied = authorize(user, {
      verb: r.verb,
      group: r.def.group,
      resource: r.def.plural,
      subresource: r.subresource,
      namespace: r.namespace,
      name: r.name,
    });
    if (denied) throw denied;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const user = this.authenticate(req);
    if (this.ctx.control?.owns(url.pathname)) {
      await this.ctx.control.serve(req, res, url, user);
      return;
    }
    const exposition = method === 'GET' ? this.ctx.prometheus?.serve(url.pathname) : undefined;
    if (exposition !== undefined) {
      sendRaw(res, 200, exposition, EXPOSITION_CONTENT_TYPE);
      return;
    }
    const route = parsePath(url.pathname);
    const accept = parseAccept(req.headers.accept);
    const metrics = this.ctx.externalMetrics;
    if (route.kind === 'resource' && route.group === EXTERNAL_METRICS_GROUP && metrics) {
      sendJson(res, 200, externalMetricsResponse(metrics, route, method, url.searchParams));
      return;
    }
    if (route.kind === 'resource') {
      await this.serveResource(req, res, url, route, user, method);
      return;
    }
    const extra = metrics ? [EXTERNAL_METRICS_DISCOVERY] : [];
    if (route.kind !== 'unknown' && method !== 'GET' && method !== 'HEAD') {
      throw errors.methodNotSupported({ group: '', resource: url.pathname }, method.toLowerCase());
    }
    const { registry } = this.ctx;
    switch (route.kind) {
      case 'version':
        sendJson(res, 200, VERSION_INFO);
        return;
      case 'health':
        sendRaw(res, 200, 'ok', 'text/plain; charset=utf-8');
        return;
      case 'openapi-index':
        sendJson(res, 200, this.ctx.openapi.index());
        return;
      case 'openapi-document': {
        const doc = this.ctx.openapi.document(route.path);
        if (!doc) throw errors.pathNotFound();
        const immutable = url.searchParams.get('hash') === doc.hash;
        sendRaw(res, 200, doc.json, 'application/json', {
          ETag: `"${doc.hash}"`,
          'Cache-Control': immutable ? 'public, immutable' : 'no-cache, private',
        });
        return;
      }
      case 'api-root':
      case 'apis-root': {
        const aggregated = wantsAggregatedDiscovery(accept);
        const core = route.kind === 'api-root';
        if (aggregated) {
          sendJson(
            res,
            200,
            aggregatedDiscovery(registry, core, aggregated.version, extra),
            AGGREGATED_CONTENT_TYPE(aggregated.version),
          );
        } else {
          sendJson(
            res,
            200,
            core ? apiVersions(req.headers.host ?? '127.0.0.1:6443') : apiGroupList(registry, extra),
          );
        }
        return;
      }
      case 'group': {
        const doc = apiGroupDocument(registry, route.group, extra);
        if (!doc) throw errors.pathNotFound();
        sendJson(res, 200, doc);
        return;
      }
      case 'group-version': {
        const doc = apiResourceList(registry, route.group, route.version, extra);
        if (!doc) throw errors.pathNotFound();
        sendJson(res, 200, doc);
        return;
      }
      default:
        throw errors.pathNotFound();
    }
  }

  private resolve(route: ResourceRoute, method: string, watch: boolean): ResolvedResource {
    const def = this.ctx.registry.get(route.group, route.version, route.plural);
    if (!def) throw errors.pathNotFound();
    if (route.namespace !== undefined && !def.namespaced) throw errors.pathNotFound();
    if (def.namespaced && route.name !== undefined && route.namespace === undefined)
      throw errors.pathNotFound();
    if (route.subresource !== undefined) subresourceView(def, route.subresource);
    const verb = verbFor(method, route, watch || route.watchPrefix, def);
    // Creating or deleting a collection needs a namespace for namespaced kinds.
    if (
      def.namespaced &&
      route.namespace === undefined &&
      (verb === 'create' || verb === 'deletecollection')
    ) {
      throw methodNotAllowed(def, method);
    }
    return {
      def,
      namespace: def.namespaced ? route.namespace : undefined,
      name: route.name,
      subresource: route.subresource,
      verb,
    };
  }

  private watchSpec(r: ResolvedResource, url: URL, req: IncomingMessage): WatchSpec {
    const q = url.searchParams;
    const rv = q.get('resourceVersion') ?? undefined;
    if (rv !== undefined && rv !== '' && !/^\d+$/.test(rv)) {
      throw errors.badRequest(`invalid resource version: ${rv}`);
    }
    const timeout = q.get('timeoutSeconds');
    const timeoutSeconds = timeout === null ? undefined : Number(timeout);
    if (timeoutSeconds !== undefined && (!Number.isFinite(timeoutSeconds) || timeoutSeconds < 0)) {
      throw errors.badRequest(`invalid timeoutSeconds: ${timeout ?? ''}`);
    }
    const allowBookmarks = parseBool(q.get('allowWatchBookmarks')) ?? false;
    const sendInitialEvents = parseBool(q.get('sendInitialEvents'));
    validateListOptions(listOptionsQuery(q, true, sendInitialEvents));
    let fieldSelector = q.get('fieldSelector');
    if (r.name !== undefined) {
      const byName = `metadata.name=${r.name}`;
      fieldSelector = fieldSelector ? `${fieldSelector},${byName}` : byName;
    }
    const filter = makeFilter(r.def, {
      namespace: r.namespace,
      labelSelector: q.get('labelSelector'),
      fieldSelector,
    });
    return {
      def: r.def,
      filter,
      resourceVersion: rv,
      sendInitialEvents,
      allowBookmarks,
      timeoutSeconds,
      table: wantsTable(parseAccept(req.headers.accept), q.get('includeObject')),
    };
  }

  private async serveResource(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    route: ResourceRoute,
    user: UserInfo,
    method: string,
  ): Promise<void> {
    const q = url.searchParams;
    const watch = method === 'GET' && (parseBool(q.get('watch')) ?? false);
    const r = this.resolve(route, method, watch);
    this.authorize(user, r);
    const { service, clock } = this.ctx;
    const { def, namespace, subresource } = r;
    const name = r.name ?? '';
    const table = wantsTable(parseAccept(req.headers.accept), q.get('includeObject'));
    const warn = warningRecorder(res);
    const writeOptions = (kind: WriteOptionsKind): WriteOptions => ({
      dryRun: dryRunFrom(q.getAll('dryRun')),
      fieldManager: q.get('fieldManager') ?? undefined,
      fieldValidation: parseFieldValidation(q.get('fieldValidation'), kind),
      warn,
    });
    const body = async (): Promise<unknown> => decodeBody(await readBody(req), req.headers['content-type']);

    switch (r.verb) {
      case 'list': {
        validateListOptions(listOptionsQuery(q, false, parseBool(q.get('sendInitialEvents'))));
        const list = service.list(def, {
          namespace,
          labelSelector: q.get('labelSelector'),
          fieldSelector: q.get('fieldSelector'),
        });
        if (table) {
          sendJson(res, 200, toTable(def, list.items, list.resourceVersion, clock.now(), table));
        } else {
          sendJson(res, 200, {
            apiVersion: apiVersionOf(def),
            kind: def.listKind,
            metadata: { resourceVersion: list.resourceVersion },
            items: list.items,
          });
        }
        return;
      }
      case 'get': {
        if (subresource) {
          sendJson(res, 200, service.getSubresource(def, namespace, name, subresource));
          return;
        }
        const object = service.get(def, namespace, name);
        if (table)
          sendJson(res, 200, toTable(def, [object], object.metadata.resourceVersion, clock.now(), table));
        else sendJson(res, 200, object);
        return;
      }
      case 'watch': {
        const spec = this.watchSpec(r, url, req);
        this.ctx.hub.open(spec, httpWatchSink(res));
        return;
      }
      case 'create': {
        const options = writeOptions('CreateOptions');
        const created = service.create(def, namespace, await body(), options);
        sendJson(res, 201, created);
        return;
      }
      case 'update': {
        const options = writeOptions('UpdateOptions');
        sendJson(res, 200, service.update(def, namespace, name, await body(), options, subresource));
        return;
      }
      case 'patch': {
        const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        const type = PATCH_CONTENT_TYPES[contentType];
        if (!type) {
          throw errors.unsupportedMediaType(
            `the body of the request was in an unknown format - accepted media types include: ${Object.keys(PATCH_CONTENT_TYPES).join(', ')}`,
          );
        }
        const options = writeOptions('PatchOptions');
        // Reject unsupported patch types before decoding their bodies.
        const patch = type === 'apply' || (type === 'strategic' && def.custom) ? undefined : await body();
        sendJson(res, 200, service.patch(def, namespace, name, type, patch, options, subresource));
        return;
      }
      case 'delete': {
        const options = this.deleteOptions(q, await body());
        sendJson(res, 200, service.delete(def, namespace, name, options));
        return;
      }
      case 'deletecollection': {
        const options = this.deleteOptions(q, await body());
        const result = service.deleteCollection(
          def,
          { namespace, labelSelector: q.get('labelSelector'), fieldSelector: q.get('fieldSelector') },
          options,
        );
        sendJson(res, 200, {
          apiVersion: apiVersionOf(def),
          kind: def.listKind,
          metadata: { resourceVersion: result.resourceVersion },
          items: result.items,
        });
        return;
      }
    }
  }

  private deleteOptions(q: URLSearchParams, body: unknown): DeleteOptions {
    const options: DeleteOptions = {};
    const dryRun: unknown[] = q.getAll('dryRun');
    let policy: unknown = q.get('propagationPolicy') ?? undefined;
    let orphanDependents: unknown = parseBool(q.get('orphanDependents'));
    if (isObject(body)) {
      if (Array.isArray(body.dryRun)) dryRun.push(...(body.dryRun as unknown[]));
      if (body.propagationPolicy !== undefined) policy = body.propagationPolicy;
      if (body.orphanDependents !== undefined) orphanDependents = body.orphanDependents;
      if (isObject(body.preconditions)) {
        const pre = body.preconditions;
        options.preconditions = {
          uid: typeof pre.uid === 'string' ? pre.uid : undefined,
          resourceVersion: typeof pre.resourceVersion === 'string' ? pre.resourceVersion : undefined,
        };
      }
    }
    options.dryRun = dryRunFrom(dryRun);
    const propagationPolicy = propagationPolicyOf(policy, orphanDependents);
    if (propagationPolicy) options.propagationPolicy = propagationPolicy;
    return options;
  }
}

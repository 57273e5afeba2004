/**
 * OpenAPI v3 (KUBE-WIRE §2.6, §2.11): the `/openapi/v3` index and one document per group-version.
 * Each resource gets its paths with `x-kubernetes-group-version-kind` on every operation and a
 * `fieldValidation` parameter on writes (kubectl's field-validation capability check), and its
 * component schemas carry `x-kubernetes-group-version-kind` (what `kubectl explain` looks up).
 */
import { createHash } from 'node:crypto';
import type { JsonObject } from '../core/json.ts';
import type { ResourceRegistry } from '../registry/registry.ts';
import type { ResourceDef } from '../registry/types.ts';

const KUBE_VERSION = 'v1.32.2';

interface GvDocument {
  json: string;
  hash: string;
}

function schemaRef(name: string): JsonObject {
  return { $ref: `#/components/schemas/${name}` };
}

function query(name: string, description: string): JsonObject {
  return { name, in: 'query', description, schema: { type: 'string', uniqueItems: true } };
}

const WRITE_PARAMS: JsonObject[] = [
  query('dryRun', 'When present, indicates that modifications should not be persisted. Valid value: All.'),
  query(
    'fieldManager',
    'fieldManager is a name associated with the actor or entity that is making these changes.',
  ),
  query(
    'fieldValidation',
    'fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields. Valid values: Ignore, Warn, Strict.',
  ),
];

function jsonResponse(schema: string, code = '200'): JsonObject {
  return { [code]: { description: 'OK', content: { 'application/json': { schema: schemaRef(schema) } } } };
}

function patchContentTypes(def: ResourceDef): string[] {
  const types = [
    'application/json-patch+json',
    'application/merge-patch+json',
    'application/apply-patch+yaml',
  ];
  if (!def.custom) types.push('application/strategic-merge-patch+json');
  return types;
}

function operationsFor(def: ResourceDef, paths: JsonObject): void {
  const gvk = { group: def.group, version: def.version, kind: def.kind };
  const prefix = def.group ? `/apis/${def.group}/${def.version}` : `/api/${def.version}`;
  const collection = def.namespaced
    ? `${prefix}/namespaces/{namespace}/${def.plural}`
    : `${prefix}/${def.plural}`;
  const item = `${collection}/{name}`;
  const kindSchema = def.schemas.kindSchema;
  const listSchema = kindSchema.replace(/[^.]+$/, def.listKind);
  const nsParam = {
    name: 'namespace',
    in: 'path',
    required: true,
    description: 'object name and auth scope, such as for teams and projects',
    schema: { type: 'string', uniqueItems: true },
  };
  const nameParam = {
    name: 'name',
    in: 'path',
    required: true,
    description: `name of the ${def.kind}`,
    schema: { type: 'string', uniqueItems: true },
  };
  const scopeParams = def.namespaced ? [nsParam] : [];
  const body = (schema: string): JsonObject => ({
    content: { '*/*': { schema: schemaRef(schema) } },
    required: true,
  });
  const op = (action: string, description: string, extra: JsonObject): JsonObject => ({
    description,
    operationId: `${action}${def.kind}`,
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk,
    ...extra,
  });

  paths[collection] = {
    get: op('list', `list or watch objects of kind ${def.kind}`, { responses: jsonResponse(listSchema) }),
    post: op('post', `create a ${def.kind}`, {
      parameters: WRITE_PARAMS,
      requestBody: body(kindSchema),
      responses: { ...jsonResponse(kindSchema), ...jsonResponse(kindSchema, '201') },
    }),
    delete: op('deletecollection', `delete collection of ${def.kind}`, {
      responses: jsonResponse(listSchema),
    }),
    parameters: scopeParams,
  };
  paths[item] = {
    get: op('get', `read the specified ${def.kind}`, { responses: jsonResponse(kindSchema) }),
    put: op('put', `replace the specified ${def.kind}`, {
      parameters: WRITE_PARAMS,
      requestBody: body(kindSchema),
      responses: jsonResponse(kindSchema),
    }),
    patch: op('patch', `partially update the specified ${def.kind}`, {
      parameters: [...WRITE_PARAMS, query('force', 'Force is going to "force" Apply requests.')],
      requestBody: {
        content: Object.fromEntries(patchContentTypes(def).map((t) => [t, { schema: { type: 'object' } }])),
        required: true,
      },
      responses: jsonResponse(kindSchema),
    }),
    delete: op('delete', `delete a ${def.kind}`, {
      parameters: [query('dryRun', 'When present, indicates that modifications should not be persisted.')],
      responses: jsonResponse(kindSchema),
    }),
    parameters: [nameParam, ...scopeParams],
  };
  if (def.namespaced) {
    paths[`${prefix}/${def.plural}`] = {
      get: op('list', `list or watch objects of kind ${def.kind} in all namespaces`, {
        responses: jsonResponse(listSchema),
      }),
    };
  }
  for (const sub of def.subresources) {
    const subKind = sub === 'scale' ? 'io.k8s.api.autoscaling.v1.Scale' : kindSchema;
    const subGvk = sub === 'scale' ? { group: 'autoscaling', version: 'v1', kind: 'Scale' } : gvk;
    const subOp = (action: string, extra: JsonObject): JsonObject => ({
      description: `${action} ${sub} of the specified ${def.kind}`,
      'x-kubernetes-action': action,
      'x-kubernetes-group-version-kind': subGvk,
      ...extra,
    });
    paths[`${item}/${sub}`] = {
      get: subOp('get', { responses: jsonResponse(subKind) }),
      put: subOp('put', {
        parameters: WRITE_PARAMS,
        requestBody: body(subKind),
        responses: jsonResponse(subKind),
      }),
      patch: subOp('patch', { parameters: WRITE_PARAMS, responses: jsonResponse(subKind) }),
      parameters: [nameParam, ...scopeParams],
    };
  }
}

function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

export class OpenApiPublisher {
  private cacheGeneration = -1;
  private readonly documents = new Map<string, GvDocument>();

  constructor(private readonly registry: ResourceRegistry) {}

  /** `GET /openapi/v3`. */
  index(): JsonObject {
    this.sync();
    const paths: JsonObject = {};
    for (const group of this.registry.groups()) {
      for (const v of group.versions) {
        const path = gvPath(group.name, v.version);
        const doc = this.document(path);
        if (doc) paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${doc.hash}` };
      }
    }
    return { paths };
  }

  /** `GET /openapi/v3/<api/v1 | apis/g/v>` as JSON text, or undefined for an unknown GV. */
  document(path: string): GvDocument | undefined {
    this.sync();
    const cached = this.documents.get(path);
    if (cached) return cached;
    const m = /^(?:api\/(v\d[^/]*)|apis\/([^/]+)\/([^/]+))$/.exec(path);
    if (!m) return undefined;
    const group = m[2] ?? '';
    const version = m[1] ?? m[3] ?? '';
    const defs = this.registry.resourcesIn(group, version);
    if (defs.length === 0) return undefined;
    const paths: JsonObject = {};
    const schemas: JsonObject = {};
    for (const def of defs) {
      operationsFor(def, paths);
      Object.assign(schemas, def.schemas.components);
    }
    const json = JSON.stringify({
      openapi: '3.0.0',
      info: { title: 'Kubernetes', version: KUBE_VERSION },
      paths,
      components: { schemas },
    });
    const doc = { json, hash: createHash('sha512').update(json).digest('hex').toUpperCase().slice(0, 128) };
    this.documents.set(path, doc);
    return doc;
  }

  private sync(): void {
    if (this.cacheGeneration === this.registry.generation) return;
    this.documents.clear();
    this.cacheGeneration = this.registry.generation;
  }
}

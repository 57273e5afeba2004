/**
 * Derives ResourceDefs from a CustomResourceDefinition, as the apiextensions-apiserver does:
 * names, scope, short names, categories, printer columns, subresources and the OpenAPI schema all
 * come from the CRD document.
 */
import {
  asNumber,
  asString,
  clone,
  dottedPath,
  getPath,
  isObject,
  setPath,
  type JsonObject,
} from '../core/json.ts';
import { compileJsonPath } from '../core/jsonpath.ts';
import { LabelSelector } from '../core/selectors.ts';
import { ageOf } from '../core/time.ts';
import { defineResource, nameColumn } from './define.ts';
import { DESCRIPTIONS, gvk, metaSchemas, OBJECT_META, ref } from './schemas.ts';
import type { ColumnType, KObject, ResourceDef, ScaleAccess, SubresourceName, TableColumn } from './types.ts';

const COLUMN_TYPES: readonly ColumnType[] = ['string', 'integer', 'number', 'boolean', 'date'];

/** `keda.sh` → `sh.keda` (the prefix of OpenAPI component names). */
export function reverseDomain(group: string): string {
  return group.split('.').reverse().join('.');
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** One table cell as the CRD table convertor computes it from the first JSONPath match. */
function cellFor(type: ColumnType, value: unknown, now: Date): unknown {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'string':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      return JSON.stringify(value);
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date':
      return typeof value === 'string' ? ageOf(value, now) : null;
  }
  return null;
}

function printerColumn(def: JsonObject): TableColumn | undefined {
  const name = asString(def.name);
  const jsonPath = asString(def.jsonPath);
  const rawType = asString(def.type) ?? 'string';
  if (!name || !jsonPath) return undefined;
  const type: ColumnType = (COLUMN_TYPES as readonly string[]).includes(rawType)
    ? (rawType as ColumnType)
    : 'string';
  let evaluate: (data: unknown) => unknown[];
  try {
    evaluate = compileJsonPath(jsonPath);
  } catch {
    evaluate = () => [];
  }
  return {
    name,
    type,
    format: asString(def.format) ?? '',
    description:
      asString(def.description) ?? `Custom resource definition column (in JSONPath format): ${jsonPath}`,
    priority: asNumber(def.priority) ?? 0,
    cell: (object, now) => {
      let results: unknown[];
      try {
        results = evaluate(object);
      } catch {
        return null;
      }
      return results.length === 0 ? null : cellFor(type, results[0], now);
    },
  };
}

const defaultAgeColumn: JsonObject = {
  name: 'Age',
  type: 'date',
  jsonPath: '.metadata.creationTimestamp',
  description: DESCRIPTIONS.creationTimestamp,
};

function scaleAccess(spec: JsonObject): ScaleAccess {
  const specPath = dottedPath(asString(spec.specReplicasPath) ?? '.spec.replicas');
  const statusPath = dottedPath(asString(spec.statusReplicasPath) ?? '.status.replicas');
  const selectorPath = asString(spec.labelSelectorPath);
  return {
    specReplicas: (o) => asNumber(getPath(o, specPath)) ?? 0,
    setSpecReplicas: (o, n) => setPath(o, specPath, n),
    statusReplicas: (o) => asNumber(getPath(o, statusPath)) ?? 0,
    selector: (o) => {
      if (!selectorPath) return undefined;
      const v = getPath(o, dottedPath(selectorPath));
      if (typeof v === 'string') return v;
      if (isObject(v))
        return LabelSelector.fromObject(v as Parameters<typeof LabelSelector.fromObject>[0]).toString();
      return undefined;
    },
  };
}

/** The component schema of a custom kind: the CRD schema with ObjectMeta and GVK wired in. */
function kindSchema(schema: unknown, group: string, version: string, kind: string): JsonObject {
  const out: JsonObject = isObject(schema)
    ? clone(schema)
    : { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  const props: JsonObject = isObject(out.properties) ? out.properties : (out.properties = {});
  props.apiVersion ??= { type: 'string', description: DESCRIPTIONS.apiVersion };
  props.kind ??= { type: 'string', description: DESCRIPTIONS.kind };
  props.metadata = ref(OBJECT_META, DESCRIPTIONS.metadata);
  out.type ??= 'object';
  out['x-kubernetes-group-version-kind'] = gvk(group, version, kind);
  return out;
}

/** ResourceDefs for every served version of a CRD; empty when the document is malformed. */
export function resourcesFromCrd(crd: KObject): ResourceDef[] {
  const spec = crd.spec;
  if (!isObject(spec)) return [];
  const group = asString(spec.group);
  const names = isObject(spec.names) ? spec.names : {};
  const plural = asString(names.plural);
  const kind = asString(names.kind);
  if (!group || !plural || !kind) return [];
  const namespaced = asString(spec.scope) !== 'Cluster';
  const versions = Array.isArray(spec.versions) ? spec.versions.filter(isObject) : [];
  const out: ResourceDef[] = [];
  // Storage version first so it is the preferred version in discovery.
  versions.sort((a, b) => Number(b.storage === true) - Number(a.storage === true));
  for (const v of versions) {
    const version = asString(v.name);
    if (!version || v.served === false) continue;
    const rawColumns = Array.isArray(v.additionalPrinterColumns)
      ? v.additionalPrinterColumns.filter(isObject)
      : [defaultAgeColumn];
    const columns = [nameColumn, ...rawColumns.map(printerColumn).filter((c): c is TableColumn => !!c)];
    const subs = isObject(v.subresources) ? v.subresources : {};
    const subresources: SubresourceName[] = [];
    if (isObject(subs.status)) subresources.push('status');
    if (isObject(subs.scale)) subresources.push('scale');
    const schemaName = `${reverseDomain(group)}.${version}.${kind}`;
    const hasStatus = subresources.includes('status');
    out.push(
      defineResource({
        group,
        version,
        plural,
        kind,
        namespaced,
        singular: asString(names.singular) ?? kind.toLowerCase(),
        listKind: asString(names.listKind) ?? `${kind}List`,
        shortNames: strings(names.shortNames),
        categories: strings(names.categories),
        custom: true,
        subresources,
        scale: isObject(subs.scale) ? scaleAccess(subs.scale) : undefined,
        columns,
        schemas: {
          kindSchema: schemaName,
          components: {
            ...metaSchemas,
            [schemaName]: kindSchema(getPath(v, ['schema', 'openAPIV3Schema']), group, version, kind),
          },
        },
        strategy: {
          prepareForCreate(o: KObject) {
            if (hasStatus) delete o.status;
          },
        },
      }),
    );
  }
  return out;
}

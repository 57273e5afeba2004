/**
 * Strategic merge patch (`application/strategic-merge-patch+json`) for built-in kinds, simplified:
 * maps merge recursively (null deletes), lists of objects with a known merge key merge by that key,
 * `finalizers` merges as a set, every other list is replaced. Directives: `$patch: replace|delete`
 * (on maps and list items), `$retainKeys`, `$setElementOrder/<list>` and
 * `$deleteFromPrimitiveList/<list>`.
 */
import { clone, isObject, type JsonObject } from '../../core/json.ts';
import { PatchError } from './errors.ts';

/** Merge keys by field name, as declared by `patchMergeKey` on the built-in Go types we serve. */
const MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  imagePullSecrets: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ports: 'containerPort',
  hostAliases: 'ip',
  conditions: 'type',
  ownerReferences: 'uid',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
};

/** Lists of primitives whose patch strategy is `merge` (union). */
const MERGED_PRIMITIVE_LISTS: ReadonlySet<string> = new Set(['finalizers']);

const SET_ORDER = '$setElementOrder/';
const DELETE_FROM = '$deleteFromPrimitiveList/';

function isDirectiveKey(key: string): boolean {
  return (
    key === '$patch' || key === '$retainKeys' || key.startsWith(SET_ORDER) || key.startsWith(DELETE_FROM)
  );
}

/** Removes directive keys recursively (for values that are taken as-is). */
function strip(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.filter((v) => !(isObject(v) && v.$patch === 'delete')).map(strip);
  }
  if (!isObject(value)) return clone(value);
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) if (!isDirectiveKey(k)) out[k] = strip(v);
  return out;
}

function sameKey(a: unknown, b: unknown): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** Merge keys by dotted path (list indices left out) that override the field-name defaults. */
export type MergeKeyOverrides = Readonly<Record<string, string>>;

interface Context {
  overrides: MergeKeyOverrides;
  /** Dotted path of the map being merged ('' at the root). */
  path: string;
}

function mergeKeyOf(ctx: Context, field: string): string | undefined {
  return ctx.overrides[ctx.path ? `${ctx.path}.${field}` : field] ?? MERGE_KEYS[field];
}

function child(ctx: Context, field: string): Context {
  return { overrides: ctx.overrides, path: ctx.path ? `${ctx.path}.${field}` : field };
}

function mergeList(ctx: Context, field: string, original: unknown, patch: unknown[]): unknown[] {
  const orig = Array.isArray(original) ? original : [];
  // `[{"$patch": "replace"}, …]` replaces the whole list with the other items.
  if (patch.some((item) => isObject(item) && item.$patch === 'replace')) {
    return patch.filter((item) => !(isObject(item) && item.$patch === 'replace')).map(strip);
  }
  const key = mergeKeyOf(ctx, field);
  if (key) {
    const result = orig.map((item) => clone(item));
    for (const item of patch) {
      if (!isObject(item)) throw new PatchError('apply', `${field}: list item is not an object`);
      const index = result.findIndex((r) => isObject(r) && sameKey(r[key], item[key]));
      if (item.$patch === 'delete') {
        if (index >= 0) result.splice(index, 1);
        continue;
      }
      if (index >= 0) {
        const merged = mergeMap(child(ctx, field), result[index], item);
        if (merged === undefined) result.splice(index, 1);
        else result[index] = merged;
      } else {
        result.push(strip(item));
      }
    }
    return result;
  }
  if (MERGED_PRIMITIVE_LISTS.has(field)) {
    const result = orig.map((item) => clone(item));
    for (const item of patch) if (!result.some((r) => sameKey(r, item))) result.push(clone(item));
    return result;
  }
  return patch.map(strip);
}

function reorder(ctx: Context, field: string, list: unknown[], order: unknown[]): unknown[] {
  const key = mergeKeyOf(ctx, field);
  const identity = (item: unknown): string => JSON.stringify(key && isObject(item) ? item[key] : item);
  const rank = new Map(order.map((o, i) => [identity(o), i]));
  const listed = list.filter((item) => rank.has(identity(item)));
  const others = list.filter((item) => !rank.has(identity(item)));
  listed.sort((a, b) => (rank.get(identity(a)) ?? 0) - (rank.get(identity(b)) ?? 0));
  return [...listed, ...others];
}

/** Merges `patch` into `original`; undefined means "delete this map" (`$patch: delete`). */
function mergeMap(ctx: Context, original: unknown, patch: JsonObject): JsonObject | undefined {
  if (patch.$patch === 'delete') return undefined;
  if (patch.$patch === 'replace') return strip(patch) as JsonObject;
  if (patch.$patch !== undefined)
    throw new PatchError('apply', `unknown patch type: ${String(patch.$patch)}`);
  const result: JsonObject = isObject(original) ? clone(original) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (isDirectiveKey(key)) continue;
    if (value === null) {
      delete result[key];
    } else if (isObject(value)) {
      const merged = mergeMap(child(ctx, key), result[key], value);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    } else if (Array.isArray(value)) {
      result[key] = mergeList(ctx, key, result[key], value);
    } else {
      result[key] = value;
    }
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith(DELETE_FROM) && Array.isArray(value)) {
      const field = key.slice(DELETE_FROM.length);
      const list = result[field];
      if (Array.isArray(list)) result[field] = list.filter((item) => !value.some((v) => sameKey(v, item)));
    }
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith(SET_ORDER) && Array.isArray(value)) {
      const field = key.slice(SET_ORDER.length);
      const list = result[field];
      if (Array.isArray(list)) result[field] = reorder(ctx, field, list, value);
    }
  }
  const retain = patch.$retainKeys;
  if (Array.isArray(retain)) {
    for (const key of Object.keys(result)) if (!retain.includes(key)) delete result[key];
  }
  return result;
}

export function applyStrategicMergePatch(
  target: unknown,
  patch: unknown,
  overrides: MergeKeyOverrides = {},
): unknown {
  if (!isObject(patch)) throw new PatchError('decode', 'strategic merge patch must be a JSON object');
  return mergeMap({ overrides, path: '' }, target, patch) ?? {};
}

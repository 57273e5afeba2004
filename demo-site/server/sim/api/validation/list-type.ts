/**
 * The uniqueness invariants of `x-kubernetes-list-type: set` (whole items) and `map` (the
 * `x-kubernetes-list-map-keys`), as the apiextensions-apiserver's listtype package reports them:
 * `Duplicate value` at the second occurrence of each repeated item.
 */
import { isObject } from '../../core/json.ts';
import { fieldErrors, NIL_PATH, type FieldError } from './field-errors.ts';
import { goJson } from './go-format.ts';
import type { Schema } from './schema.ts';

function child(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Indices of the first repetition of each value that occurs more than once. */
function repeated(values: readonly unknown[]): number[] {
  const seen = new Map<string, number>();
  const out: number[] = [];
  values.forEach((v, i) => {
    const key = v === UNSPECIFIED ? '\u0000unspecified' : goJson(v) + typeof v;
    const times = seen.get(key) ?? 0;
    seen.set(key, times + 1);
    if (times === 1) out.push(i);
  });
  return out;
}

const UNSPECIFIED: unique symbol = Symbol('unspecified');

function validateMapList(path: string, s: Schema, items: unknown[]): FieldError[] {
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    if (x !== null && !isObject(x)) {
      return [fieldErrors.invalid(`${path}[${i}]`, x, 'must be an object for an array of list-type map')];
    }
  }
  if (items.length <= 1) return [];
  const keyFields = s.listMapKeys;
  if (keyFields.length === 1) {
    const keyField = keyFields[0] ?? '';
    const keys = items.map((x) => (isObject(x) && Object.hasOwn(x, keyField) ? x[keyField] : UNSPECIFIED));
    return repeated(keys).map((i) => {
      const key = keys[i];
      return fieldErrors.duplicate(`${path}[${i}]`, key === UNSPECIFIED ? {} : { [keyField]: key });
    });
  }
  const keys = items.map((x) => {
    const key: Record<string, unknown> = {};
    if (isObject(x)) for (const f of keyFields) if (Object.hasOwn(x, f)) key[f] = x[f];
    return key;
  });
  return repeated(keys).map((i) => fieldErrors.duplicate(`${path}[${i}]`, keys[i]));
}

function validateArray(path: string, s: Schema, items: unknown[]): FieldError[] {
  const out: FieldError[] = [];
  if (s.listType === 'set') {
    out.push(...repeated(items).map((i) => fieldErrors.duplicate(`${path}[${i}]`, items[i])));
  } else if (s.listType === 'map') {
    out.push(...validateMapList(path, s, items));
  }
  const itemSchema = s.items;
  if (itemSchema) items.forEach((item, i) => out.push(...validateValue(`${path}[${i}]`, itemSchema, item)));
  return out;
}

function validateValue(path: string, s: Schema, value: unknown): FieldError[] {
  if (Array.isArray(value)) return validateArray(path, s, value);
  if (isObject(value)) return validateListSetsAndMaps(path, s, value);
  return [];
}

/** `ValidateListSetsAndMaps(nil, schema, object)`: `path` '' is the nil root path. */
export function validateListSetsAndMaps(path: string, s: Schema, obj: Record<string, unknown>): FieldError[] {
  const out: FieldError[] = [];
  const extra = s.additionalProperties;
  if (typeof extra === 'object') {
    for (const [k, v] of Object.entries(obj)) out.push(...validateValue(`${path || ''}[${k}]`, extra, v));
  }
  for (const [k, v] of Object.entries(obj)) {
    const sub = s.properties.get(k);
    if (sub) out.push(...validateValue(child(path, k), sub, v));
  }
  return out.map((e) => (e.field ? e : { ...e, field: NIL_PATH }));
}

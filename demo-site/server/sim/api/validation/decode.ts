/**
 * What the apiextensions-apiserver does to a custom resource while decoding a request body
 * (`unstructuredSchemaCoercer.apply` plus the structural defaulter): decode the root metadata,
 * prune fields the structural schema does not know (recording their paths for
 * `fieldValidation`), drop non-nullable nulls that have no default, check embedded resources'
 * apiVersion/kind/metadata, and apply `default`s.
 */
import { clone, isObject, type JsonObject } from '../../core/json.ts';
import { goNumber, goQuote, goSharpV } from './go-format.ts';
import { decodeObjectMeta } from './object-meta.ts';
import { childSchema, type Schema } from './schema.ts';

const META_FIELDS: ReadonlySet<string> = new Set(['apiVersion', 'kind', 'metadata']);

export interface DecodeResult {
  /** Paths of pruned unknown fields, in the apiserver's order (metadata, schema, embedded). */
  unknownFields: string[];
  /** A decoding failure (malformed metadata, non-string embedded kind…): the request is rejected. */
  error: string | undefined;
}

/** Path building as `UnknownFieldPathOptions` does it: `a.b[0].c`. */
function appendKey(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

function prune(x: unknown, s: Schema | undefined, path: string, embedded: boolean, unknown: string[]): void {
  if (s?.preserveUnknownFields) {
    skipPrune(x, s, path, embedded, unknown);
    return;
  }
  if (Array.isArray(x)) {
    x.forEach((item, i) =>
      prune(item, s?.items, `${path}[${i}]`, s?.items?.embeddedResource ?? false, unknown),
    );
    return;
  }
  if (!isObject(x)) return;
  for (const key of Object.keys(x)) {
    if (s && embedded && META_FIELDS.has(key)) continue;
    const prop = s?.properties.get(key);
    if (s && prop) {
      prune(x[key], prop, appendKey(path, key), prop.embeddedResource, unknown);
    } else if (s && s.additionalProperties !== undefined && s.additionalProperties !== false) {
      const extra = typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined;
      prune(x[key], extra, appendKey(path, key), extra?.embeddedResource ?? false, unknown);
    } else {
      if (!META_FIELDS.has(key) || path !== '') unknown.push(appendKey(path, key));
      delete x[key];
    }
  }
}

function skipPrune(x: unknown, s: Schema, path: string, embedded: boolean, unknown: string[]): void {
  if (Array.isArray(x)) {
    const items = s.items;
    if (items)
      x.forEach((item, i) => skipPrune(item, items, `${path}[${i}]`, items.embeddedResource, unknown));
    return;
  }
  if (!isObject(x)) return;
  for (const key of Object.keys(x)) {
    if (embedded && META_FIELDS.has(key)) continue;
    const child = childSchema(s, key);
    if (child) prune(x[key], child, appendKey(path, key), child.embeddedResource, unknown);
  }
}

function pruneNonNullableNulls(x: unknown, s: Schema | undefined): void {
  if (Array.isArray(x)) {
    for (const item of x) pruneNonNullableNulls(item, s?.items);
    return;
  }
  if (!isObject(x)) return;
  for (const key of Object.keys(x)) {
    const child = childSchema(s, key);
    if (x[key] === null && child && !child.nullable && !hasDefault(child)) delete x[key];
    else pruneNonNullableNulls(x[key], child);
  }
}

function hasDefault(s: Schema): boolean {
  return s.hasDefault && s.default !== null && s.default !== undefined;
}

function isNonNullableNull(value: unknown, s: Schema | undefined): boolean {
  return value === null && !!s && !s.nullable;
}

function applyDefaults(x: unknown, s: Schema | undefined): void {
  if (!s) return;
  if (Array.isArray(x)) {
    x.forEach((item, i) => {
      if (s.items && isNonNullableNull(item, s.items) && hasDefault(s.items)) x[i] = clone(s.items.default);
      applyDefaults(x[i], s.items);
    });
    return;
  }
  if (!isObject(x)) return;
  for (const [key, prop] of s.properties) {
    if (!hasDefault(prop)) continue;
    if (!Object.hasOwn(x, key) || isNonNullableNull(x[key], prop)) x[key] = clone(prop.default);
  }
  for (const key of Object.keys(x)) {
    const prop = s.properties.get(key);
    if (prop) applyDefaults(x[key], prop);
    else if (typeof s.additionalProperties === 'object') {
      const extra = s.additionalProperties;
      if (isNonNullableNull(x[key], extra) && hasDefault(extra)) x[key] = clone(extra.default);
      applyDefaults(x[key], extra);
    }
  }
}

/** `%v` of a bad value in a coercion field error. */
function badValue(v: unknown): string {
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return goQuote(v);
  return goSharpV(v);
}

/** Checks embedded resources' apiVersion/kind types and decodes their metadata. */
function coerceEmbedded(
  x: unknown,
  s: Schema | undefined,
  fieldPath: string,
  unknownPath: string,
  unknown: string[],
): string | undefined {
  if (!s) return undefined;
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      const error = coerceEmbedded(x[i], s.items, `${fieldPath}[${i}]`, `${unknownPath}[${i}]`, unknown);
      if (error) return error;
    }
    return undefined;
  }
  if (!isObject(x)) return undefined;
  for (const key of Object.keys(x)) {
    if (s.embeddedResource) {
      if ((key === 'apiVersion' || key === 'kind') && typeof x[key] !== 'string') {
        return `${appendKey(fieldPath, key)}: Invalid value: ${badValue(x[key])}: must be a string`;
      }
      if (key === 'metadata') {
        const meta = decodeObjectMeta(x, fieldPath ? `${fieldPath}.` : '');
        unknown.push(...meta.unknownFields);
        if (meta.error)
          return `${appendKey(fieldPath, 'metadata')}: Invalid value: ${badValue(x.metadata)}: ${meta.error}`;
        const decoded = x.metadata;
        if (
          isObject(decoded) &&
          (decoded.creationTimestamp === null || decoded.creationTimestamp === undefined)
        ) {
          delete decoded.creationTimestamp;
        }
      }
    }
    const prop = s.properties.get(key);
    if (prop) {
      const error = coerceEmbedded(
        x[key],
        prop,
        appendKey(fieldPath, key),
        appendKey(unknownPath, key),
        unknown,
      );
      if (error) return error;
    } else if (typeof s.additionalProperties === 'object') {
      const extra = s.additionalProperties;
      const error = coerceEmbedded(
        x[key],
        extra,
        `${fieldPath}[${key}]`,
        appendKey(unknownPath, key),
        unknown,
      );
      if (error) return error;
    }
  }
  return undefined;
}

/**
 * Decodes a custom resource in place against its root schema. Unknown fields are always pruned;
 * their paths are returned so that `fieldValidation=Strict|Warn` can report them.
 */
export function decodeCustomResource(object: JsonObject, root: Schema): DecodeResult {
  const meta = decodeObjectMeta(object);
  if (meta.error) return { unknownFields: [], error: meta.error };
  const pruned: string[] = [];
  prune(object, root, '', true, pruned);
  pruned.sort();
  pruneNonNullableNulls(object, root);
  const embedded: string[] = [];
  const error = coerceEmbedded(object, { ...root, embeddedResource: false }, '', '', embedded);
  if (error) return { unknownFields: [], error };
  embedded.sort();
  applyDefaults(object, root);
  return { unknownFields: [...meta.unknownFields, ...pruned, ...embedded], error: undefined };
}

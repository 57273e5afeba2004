/**
 * Decoding `metadata` into ObjectMeta the way the apiextensions-apiserver does for custom
 * resources (`GetObjectMetaWithOptions`): unknown fields are dropped (and reported for strict
 * field validation as `metadata.foo`), fields of the wrong JSON type fail the decoding with
 * encoding/json's message.
 */
import { isObject, type JsonObject } from '../../core/json.ts';

type FieldKind = 'string' | 'int64' | 'time' | 'stringMap' | 'strings' | 'objects';

const OBJECT_META: Readonly<Record<string, FieldKind>> = {
  name: 'string',
  generateName: 'string',
  namespace: 'string',
  selfLink: 'string',
  uid: 'string',
  resourceVersion: 'string',
  generation: 'int64',
  creationTimestamp: 'time',
  deletionTimestamp: 'time',
  deletionGracePeriodSeconds: 'int64',
  labels: 'stringMap',
  annotations: 'stringMap',
  ownerReferences: 'objects',
  finalizers: 'strings',
  managedFields: 'objects',
};

const OWNER_REFERENCE = new Set(['apiVersion', 'kind', 'name', 'uid', 'controller', 'blockOwnerDeletion']);
const MANAGED_FIELDS_ENTRY = new Set([
  'manager',
  'operation',
  'apiVersion',
  'time',
  'fieldsType',
  'fieldsV1',
  'subresource',
]);

/** encoding/json's name for the JSON type of a value. */
function jsonTypeName(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'array';
  return 'object';
}

function unmarshalError(value: unknown, field: string, goType: string): string {
  return `json: cannot unmarshal ${jsonTypeName(value)} into Go struct field ObjectMeta.${field} of type ${goType}`;
}

/** The decoding error for a malformed metadata field, if any (null is always accepted). */
function fieldError(key: string, kind: FieldKind, value: unknown): string | undefined {
  if (value === null) return undefined;
  switch (kind) {
    case 'string':
      return typeof value === 'string' ? undefined : unmarshalError(value, key, 'string');
    case 'int64':
      return typeof value === 'number' && Number.isInteger(value)
        ? undefined
        : unmarshalError(value, key, 'int64');
    case 'time':
      return typeof value === 'string' ? undefined : unmarshalError(value, key, 'string');
    case 'stringMap':
      if (!isObject(value)) return unmarshalError(value, key, 'map[string]string');
      for (const v of Object.values(value)) {
        if (v !== null && typeof v !== 'string') return unmarshalError(v, key, 'string');
      }
      return undefined;
    case 'strings':
      if (!Array.isArray(value)) return unmarshalError(value, key, '[]string');
      for (const v of value) if (v !== null && typeof v !== 'string') return unmarshalError(v, key, 'string');
      return undefined;
    case 'objects':
      if (!Array.isArray(value))
        return unmarshalError(
          value,
          key,
          key === 'ownerReferences' ? '[]v1.OwnerReference' : '[]v1.ManagedFieldsEntry',
        );
      return undefined;
  }
  return undefined;
}

export interface ObjectMetaDecoding {
  /** Paths of dropped unknown fields (`<prefix>metadata.foo`). */
  unknownFields: string[];
  /** encoding/json's error when a known field has the wrong type. */
  error: string | undefined;
}

/**
 * Decodes `holder.metadata` in place: drops unknown fields (also inside ownerReferences and
 * managedFields entries). `prefix` is the path of the holder (`spec.template.` for embedded ones).
 */
export function decodeObjectMeta(holder: JsonObject, prefix = ''): ObjectMetaDecoding {
  const result: ObjectMetaDecoding = { unknownFields: [], error: undefined };
  const meta = holder.metadata;
  if (meta === undefined) return result;
  if (!isObject(meta)) {
    result.error = `json: cannot unmarshal ${jsonTypeName(meta)} into Go value of type v1.ObjectMeta`;
    return result;
  }
  for (const [key, value] of Object.entries(meta)) {
    const kind = OBJECT_META[key];
    if (!kind) {
      result.unknownFields.push(`${prefix}metadata.${key}`);
      delete meta[key];
      continue;
    }
    const error = fieldError(key, kind, value);
    if (error) {
      result.error ??= error;
      continue;
    }
    if (kind === 'objects' && Array.isArray(value)) {
      const known = key === 'ownerReferences' ? OWNER_REFERENCE : MANAGED_FIELDS_ENTRY;
      value.forEach((entry, i) => {
        if (!isObject(entry)) return;
        for (const k of Object.keys(entry)) {
          if (known.has(k)) continue;
          result.unknownFields.push(`${prefix}metadata.${key}[${i}].${k}`);
          delete entry[k];
        }
      });
    }
  }
  result.unknownFields.sort();
  return result;
}

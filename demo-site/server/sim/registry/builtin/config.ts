/**
 * core/v1 Secret and ConfigMap: the decoder's base64 checks (`data` / `binaryData`), stringData
 * merged into data, type defaulting, key rules, type-specific required keys and immutability.
 */
import type { StatusCause } from '../../../../../components/src/core/kube/types.ts';
import { decodeBase64Go } from '../../core/base64.ts';
import { deepEqual, isObject, type JsonObject } from '../../core/json.ts';
import { configKeyProblems } from '../../core/names.ts';
import { defineResource, nameColumn, notAKnownFieldSelector } from '../define.ts';
import { metaSchemas } from '../schemas.ts';
import { CONFIGMAP_SCHEMA, configMapSchemas, SECRET_SCHEMA, secretSchemas } from '../schemas/core.ts';
import type { KObject, ResourceDef } from '../types.ts';
import { ageColumn, column, jsonTypeName, text, undecodable } from './common.ts';

const MAX_SECRET_BYTES = 1024 * 1024;

type DecodeTarget = Pick<ResourceDef, 'kind' | 'version'>;
const SECRET: DecodeTarget = { kind: 'Secret', version: 'v1' };
const CONFIGMAP: DecodeTarget = { kind: 'ConfigMap', version: 'v1' };

/** A `map[string][]byte` field: base64 checked as Go decodes it, re-encoded canonically. */
function decodeBytesMap(def: DecodeTarget, o: KObject, field: string): void {
  const value = o[field];
  if (value === null) {
    delete o[field];
    return;
  }
  if (value === undefined) return;
  if (!isObject(value)) {
    throw undecodable(
      def,
      `json: cannot unmarshal ${jsonTypeName(value)} into Go struct field ${def.kind}.${field} of type map[string][]uint8`,
    );
  }
  for (const [key, v] of Object.entries(value)) {
    if (v === null) {
      value[key] = '';
      continue;
    }
    if (typeof v !== 'string') {
      throw undecodable(
        def,
        `json: cannot unmarshal ${jsonTypeName(v)} into Go struct field ${def.kind}.${field} of type []uint8`,
      );
    }
    const decoded = decodeBase64Go(v);
    if (!decoded.ok) throw undecodable(def, `illegal base64 data at input byte ${decoded.offset}`);
    value[key] = decoded.bytes.toString('base64');
  }
}

/** A `map[string]string` field. */
function decodeStringMap(def: DecodeTarget, o: KObject, field: string): void {
  const value = o[field];
  if (value === null) {
    delete o[field];
    return;
  }
  if (value === undefined) return;
  if (!isObject(value)) {
    throw undecodable(
      def,
      `json: cannot unmarshal ${jsonTypeName(value)} into Go struct field ${def.kind}.${field} of type map[string]string`,
    );
  }
  for (const [key, v] of Object.entries(value)) {
    if (v === null) value[key] = '';
    else if (typeof v !== 'string') {
      throw undecodable(
        def,
        `json: cannot unmarshal ${jsonTypeName(v)} into Go struct field ${def.kind}.${field} of type string`,
      );
    }
  }
}

function keyCauses(map: unknown, field: string): StatusCause[] {
  if (!isObject(map)) return [];
  const causes: StatusCause[] = [];
  for (const key of Object.keys(map)) {
    for (const problem of configKeyProblems(key)) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: "${key}": ${problem}`,
        field: `${field}[${key}]`,
      });
    }
  }
  return causes;
}

function immutabilityCauses(o: KObject, previous: KObject, fields: readonly string[]): StatusCause[] {
  if (previous.immutable !== true) return [];
  const causes: StatusCause[] = [];
  for (const field of fields) {
    if (!deepEqual(o[field] ?? {}, previous[field] ?? {})) {
      causes.push({
        reason: 'FieldValueForbidden',
        message: 'Forbidden: field is immutable when `immutable` is set',
        field,
      });
    }
  }
  if (o.immutable !== true) {
    causes.push({
      reason: 'FieldValueForbidden',
      message: 'Forbidden: field is immutable when `immutable` is set',
      field: 'immutable',
    });
  }
  return causes;
}

// ---------------------------------------------------------------------------------------------
// Secret

const byteLength = (data: JsonObject): number =>
  Object.values(data).reduce<number>(
    (n, v) => n + (typeof v === 'string' ? Buffer.from(v, 'base64').length : 0),
    0,
  );

const REQUIRED_KEYS: Readonly<Record<string, readonly string[]>> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

function validateSecret(o: KObject): StatusCause[] {
  const data = isObject(o.data) ? o.data : {};
  const causes = keyCauses(o.data, 'data');
  if (byteLength(data) > MAX_SECRET_BYTES) {
    causes.push({
      reason: 'FieldValueTooLong',
      message: `Too long: must have at most ${MAX_SECRET_BYTES} bytes`,
      field: 'data',
    });
  }
  const type = text(o, 'type');
  for (const key of REQUIRED_KEYS[type] ?? []) {
    if (data[key] === undefined)
      causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `data[${key}]` });
  }
  if (type === 'kubernetes.io/basic-auth' && data.username === undefined && data.password === undefined) {
    causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: 'data[username]' });
  }
  if (
    type === 'kubernetes.io/service-account-token' &&
    !o.metadata.annotations?.['kubernetes.io/service-account.name']
  ) {
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value',
      field: 'metadata.annotations[kubernetes.io/service-account.name]',
    });
  }
  return causes;
}

function validateSecretUpdate(o: KObject, previous: KObject): StatusCause[] {
  const causes: StatusCause[] = [];
  if (text(o, 'type') !== text(previous, 'type')) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: "${text(o, 'type')}": field is immutable`,
      field: 'type',
    });
  }
  return [...causes, ...immutabilityCauses(o, previous, ['data'])];
}

export const secretResource = defineResource({
  group: '',
  version: 'v1',
  plural: 'secrets',
  kind: 'Secret',
  namespaced: true,
  tracksGeneration: false,
  columns: [
    nameColumn,
    column('Type', 'string', 'Used to facilitate programmatic handling of secret data.', (o) =>
      text(o, 'type'),
    ),
    column(
      'Data',
      'string',
      'Data contains the secret data.',
      (o) => Object.keys(isObject(o.data) ? o.data : {}).length,
    ),
    ageColumn,
  ],
  fieldLabels: (o) => ({
    'metadata.name': o.metadata.name ?? '',
    'metadata.namespace': o.metadata.namespace ?? '',
    type: text(o, 'type'),
  }),
  supportedFieldLabels: ['metadata.name', 'metadata.namespace', 'type'],
  schemas: { kindSchema: SECRET_SCHEMA, components: { ...metaSchemas, ...secretSchemas } },
  strategy: {
    decode(o) {
      decodeBytesMap(SECRET, o, 'data');
      decodeStringMap(SECRET, o, 'stringData');
      if (isObject(o.stringData)) {
        const data = isObject(o.data) ? o.data : (o.data = {});
        for (const [key, value] of Object.entries(o.stringData)) {
          data[key] = Buffer.from(String(value), 'utf8').toString('base64');
        }
      }
      delete o.stringData;
    },
    prepareForCreate(o) {
      if (!o.type) o.type = 'Opaque';
    },
    prepareForUpdate(o) {
      if (!o.type) o.type = 'Opaque';
    },
    validate: validateSecret,
    validateUpdate: validateSecretUpdate,
  },
});

// ---------------------------------------------------------------------------------------------
// ConfigMap

function validateConfigMap(o: KObject): StatusCause[] {
  const causes = [...keyCauses(o.data, 'data'), ...keyCauses(o.binaryData, 'binaryData')];
  const binary = isObject(o.binaryData) ? o.binaryData : {};
  for (const key of Object.keys(isObject(o.data) ? o.data : {})) {
    if (key in binary) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: "${key}": duplicate of key present in binaryData`,
        field: `data[${key}]`,
      });
    }
  }
  return causes;
}

export const configMapResource = defineResource({
  group: '',
  version: 'v1',
  plural: 'configmaps',
  kind: 'ConfigMap',
  namespaced: true,
  shortNames: ['cm'],
  tracksGeneration: false,
  columns: [
    nameColumn,
    column(
      'Data',
      'string',
      "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'.",
      (o) =>
        Object.keys(isObject(o.data) ? o.data : {}).length +
        Object.keys(isObject(o.binaryData) ? o.binaryData : {}).length,
    ),
    ageColumn,
  ],
  fieldLabelError: notAKnownFieldSelector,
  schemas: { kindSchema: CONFIGMAP_SCHEMA, components: { ...metaSchemas, ...configMapSchemas } },
  strategy: {
    decode(o) {
      decodeStringMap(CONFIGMAP, o, 'data');
      decodeBytesMap(CONFIGMAP, o, 'binaryData');
    },
    validate: validateConfigMap,
    validateUpdate: (o, previous) => immutabilityCauses(o, previous, ['data', 'binaryData']),
  },
});

/**
 * A structural OpenAPI v3 schema (a CRD's `openAPIV3Schema`) compiled once into the shape the
 * validator, the pruner, the defaulter and the CEL rules walk. Formats the apiextensions-apiserver
 * does not support (e.g. `int32`) are dropped, as its `StripUnsupportedFormatsPostProcess` does.
 */
import { isObject, type JsonObject } from '../../core/json.ts';
import { compileGoRegexp, type GoRegexp } from './go-regexp.ts';

export type ListType = 'atomic' | 'set' | 'map';

export interface ValidationRule {
  rule: string;
  message?: string;
  messageExpression?: string;
  reason?: string;
  fieldPath?: string;
  optionalOldSelf?: boolean;
}

export interface Schema {
  /** `type`, or `["integer","string"]` for x-kubernetes-int-or-string; empty when unset. */
  types: readonly string[];
  nullable: boolean;
  /** A supported format as written (e.g. `date-time`), or '' (unsupported formats are dropped). */
  format: string;
  /** `format` with go-openapi's normalization (dashes removed), the key of its checker. */
  formatName: string;
  /** Properties in declaration order. */
  properties: ReadonlyMap<string, Schema>;
  /** A schema, `true`/`false`, or undefined when not set. */
  additionalProperties: Schema | boolean | undefined;
  items: Schema | undefined;
  required: readonly string[];
  enum: readonly unknown[] | undefined;
  minimum: number | undefined;
  maximum: number | undefined;
  exclusiveMinimum: boolean;
  exclusiveMaximum: boolean;
  multipleOf: number | undefined;
  minLength: number | undefined;
  maxLength: number | undefined;
  pattern: GoRegexp | undefined;
  minItems: number | undefined;
  maxItems: number | undefined;
  uniqueItems: boolean;
  minProperties: number | undefined;
  maxProperties: number | undefined;
  hasDefault: boolean;
  default: unknown;
  preserveUnknownFields: boolean;
  intOrString: boolean;
  embeddedResource: boolean;
  listType: ListType | undefined;
  listMapKeys: readonly string[];
  validations: readonly ValidationRule[];
  anyOf: readonly Schema[];
  allOf: readonly Schema[];
  oneOf: readonly Schema[];
  not: Schema | undefined;
}

const SUPPORTED_FORMATS: ReadonlySet<string> = new Set([
  'bsonobjectid',
  'uri',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'cidr',
  'mac',
  'uuid',
  'uuid3',
  'uuid4',
  'uuid5',
  'isbn',
  'isbn10',
  'isbn13',
  'creditcard',
  'ssn',
  'hexcolor',
  'rgbcolor',
  'byte',
  'password',
  'date',
  'duration',
  'datetime',
]);

/** The format name with go-openapi's normalization (dashes removed), or '' when unsupported. */
export function normalizedFormat(format: string): string {
  const normalized = format.replace(/-/g, '');
  return SUPPORTED_FORMATS.has(normalized) ? normalized : '';
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function schemas(value: unknown): Schema[] {
  return Array.isArray(value) ? value.filter(isObject).map(compileSchema) : [];
}

function rules(value: unknown): ValidationRule[] {
  if (!Array.isArray(value)) return [];
  const out: ValidationRule[] = [];
  for (const r of value) {
    if (!isObject(r) || typeof r.rule !== 'string') continue;
    const rule: ValidationRule = { rule: r.rule };
    if (typeof r.message === 'string') rule.message = r.message;
    if (typeof r.messageExpression === 'string') rule.messageExpression = r.messageExpression;
    if (typeof r.reason === 'string') rule.reason = r.reason;
    if (typeof r.fieldPath === 'string') rule.fieldPath = r.fieldPath;
    if (r.optionalOldSelf === true) rule.optionalOldSelf = true;
    out.push(rule);
  }
  return out;
}

/** Compiles one schema node (recursively). `$ref` nodes are treated as unconstrained objects. */
export function compileSchema(json: JsonObject): Schema {
  const intOrString = json['x-kubernetes-int-or-string'] === true;
  const type = typeof json.type === 'string' && json.type ? [json.type] : [];
  const properties = new Map<string, Schema>();
  if (isObject(json.properties)) {
    for (const [k, v] of Object.entries(json.properties))
      if (isObject(v)) properties.set(k, compileSchema(v));
  }
  let additionalProperties: Schema | boolean | undefined;
  if (typeof json.additionalProperties === 'boolean') additionalProperties = json.additionalProperties;
  else if (isObject(json.additionalProperties))
    additionalProperties = compileSchema(json.additionalProperties);
  const listType = json['x-kubernetes-list-type'];
  const formatName = typeof json.format === 'string' ? normalizedFormat(json.format) : '';
  return {
    types: intOrString ? ['integer', 'string'] : type,
    nullable: json.nullable === true,
    format: formatName ? (json.format as string) : '',
    formatName,
    properties,
    additionalProperties,
    items: isObject(json.items) ? compileSchema(json.items) : undefined,
    required: Array.isArray(json.required)
      ? json.required.filter((r): r is string => typeof r === 'string')
      : [],
    enum: Array.isArray(json.enum) ? [...(json.enum as unknown[])] : undefined,
    minimum: num(json.minimum),
    maximum: num(json.maximum),
    exclusiveMinimum: json.exclusiveMinimum === true,
    exclusiveMaximum: json.exclusiveMaximum === true,
    multipleOf: num(json.multipleOf),
    minLength: num(json.minLength),
    maxLength: num(json.maxLength),
    pattern: typeof json.pattern === 'string' ? compileGoRegexp(json.pattern) : undefined,
    minItems: num(json.minItems),
    maxItems: num(json.maxItems),
    uniqueItems: json.uniqueItems === true,
    minProperties: num(json.minProperties),
    maxProperties: num(json.maxProperties),
    hasDefault: Object.hasOwn(json, 'default'),
    default: json.default,
    preserveUnknownFields: json['x-kubernetes-preserve-unknown-fields'] === true,
    intOrString,
    embeddedResource: json['x-kubernetes-embedded-resource'] === true,
    listType: listType === 'atomic' || listType === 'set' || listType === 'map' ? listType : undefined,
    listMapKeys: Array.isArray(json['x-kubernetes-list-map-keys'])
      ? json['x-kubernetes-list-map-keys'].filter((k): k is string => typeof k === 'string')
      : [],
    validations: rules(json['x-kubernetes-validations']),
    anyOf: schemas(json.anyOf),
    allOf: schemas(json.allOf),
    oneOf: schemas(json.oneOf),
    not: isObject(json.not) ? compileSchema(json.not) : undefined,
  };
}

/** The schema of a property or additional property of `s`, if any. */
export function childSchema(s: Schema | undefined, key: string): Schema | undefined {
  if (!s) return undefined;
  const prop = s.properties.get(key);
  if (prop) return prop;
  return typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined;
}

/** The root schema of a custom resource; the root `metadata` is validated as ObjectMeta separately. */
export function compileRootSchema(json: JsonObject): Schema {
  const copy: JsonObject = { ...json };
  if (isObject(copy.properties)) {
    copy.properties = { ...copy.properties, metadata: { type: 'object' } };
  }
  return compileSchema(copy);
}

/**
 * OpenAPI schema validation of decoded JSON the way k8s.io/kube-openapi's `validate` package does
 * it for the apiextensions-apiserver: per node the type, anyOf/allOf/oneOf/not, string, format,
 * number, array, enum and object checks in that order, with its messages (`spec.x in body should
 * be greater than or equal to 1`), then turned into field errors as `kubeOpenAPIResultToFieldErrors`
 * does. On updates, errors under a value that did not change are dropped (CRD validation
 * ratcheting): maps correlate by key, `x-kubernetes-list-type: map` lists by their keys.
 */
import { deepEqual, isObject } from '../../core/json.ts';
import { fieldErrors, NIL_PATH, type FieldError } from './field-errors.ts';
import { matchesFormat } from './formats.ts';
import { goFloat, goInt, goQuote, goSliceV, isJsonInteger } from './go-format.ts';
import type { Schema } from './schema.ts';

const IN = 'body';

type Code =
  | 'InvalidType'
  | 'Required'
  | 'TooLong'
  | 'TooShort'
  | 'Pattern'
  | 'Enum'
  | 'MultipleOf'
  | 'Max'
  | 'Min'
  | 'Unique'
  | 'MaxItems'
  | 'MinItems'
  | 'TooFewProperties'
  | 'TooManyProperties'
  | 'UnallowedProperty'
  | 'MultipleOfMustBePositive';

/** A kube-openapi `errors.Validation` (name = its path) or a composite (anyOf…) message. */
interface Issue {
  code: Code | 'Composite';
  name: string;
  value?: unknown;
  valid?: number;
  values?: readonly unknown[];
  message: string;
}

/** The old value correlated with the node being validated (ratcheting), if any. */
interface Correlation {
  old: unknown;
}

type JsonKind = 'string' | 'number' | 'boolean' | 'array' | 'object';

function kindOf(data: unknown): JsonKind {
  if (typeof data === 'string') return 'string';
  if (typeof data === 'number') return 'number';
  if (typeof data === 'boolean') return 'boolean';
  if (Array.isArray(data)) return 'array';
  return 'object';
}

/** The JSON schema type of decoded data, as `schemaInfoForType` infers it. */
function schemaTypeOf(data: unknown): string {
  const kind = kindOf(data);
  if (kind === 'number') return isJsonInteger(data as number) ? 'integer' : 'number';
  return kind;
}

function invalidType(path: string, type: string, value: string): Issue {
  return {
    code: 'InvalidType',
    name: path,
    value,
    message: `${path} in ${IN} must be of type ${type}: ${goQuote(value)}`,
  };
}

function typeIssues(data: unknown, s: Schema, path: string): Issue[] {
  if (s.types.length === 0 && !s.format) return [];
  if (data === null) {
    if (s.types.length > 0 && !s.types.includes('null') && !s.nullable) {
      return [invalidType(path, s.types.join(','), 'null')];
    }
    return [];
  }
  const kind = kindOf(data);
  const schType = schemaTypeOf(data);
  const dataFormat = schType === 'integer' ? 'int64' : schType === 'number' ? 'float64' : '';
  const isIntFloat = schType === 'integer' && s.types.includes('number');
  if (
    kind !== 'string' &&
    kind !== 'array' &&
    s.format &&
    !(s.types.includes(schType) || dataFormat === s.format || isIntFloat)
  ) {
    return [invalidType(path, s.format, dataFormat)];
  }
  const numeric = s.types.includes('number') || s.types.includes('integer');
  if (!numeric && s.format && (kind === 'string' || kind === 'array')) return [];
  if (!(s.types.includes(schType) || isIntFloat)) return [invalidType(path, s.types.join(','), schType)];
  return [];
}

function enumMatches(data: unknown, candidate: unknown): boolean {
  if (data === null || data === undefined) return false;
  if (typeof data === 'number' && typeof candidate === 'number') return data === candidate;
  return deepEqual(data, candidate);
}

function enumIssues(data: unknown, s: Schema, path: string): Issue[] {
  const values = s.enum;
  if (!values || values.length === 0) return [];
  if (values.some((v) => v !== null && enumMatches(data, v))) return [];
  return [
    {
      code: 'Enum',
      name: path,
      value: data,
      values,
      message: `${path} in ${IN} should be one of ${goSliceV(values)}`,
    },
  ];
}

function stringIssues(data: string, s: Schema, path: string): Issue[] {
  const length = [...data].length;
  if (s.maxLength !== undefined && length > s.maxLength) {
    return [
      {
        code: 'TooLong',
        name: path,
        value: data,
        valid: s.maxLength,
        message: `${path} in ${IN} should be at most ${goInt(s.maxLength)} chars long`,
      },
    ];
  }
  if (s.minLength !== undefined && length < s.minLength) {
    return [
      {
        code: 'TooShort',
        name: path,
        value: data,
        valid: s.minLength,
        message: `${path} in ${IN} should be at least ${goInt(s.minLength)} chars long`,
      },
    ];
  }
  if (s.pattern) {
    const { regexp, error, source } = s.pattern;
    if (!regexp) {
      return [
        {
          code: 'Pattern',
          name: path,
          value: data,
          message: `${path} in ${IN} should match '${source}, but pattern is invalid: ${error ?? ''}'`,
        },
      ];
    }
    if (!regexp.test(data)) {
      return [
        { code: 'Pattern', name: path, value: data, message: `${path} in ${IN} should match '${source}'` },
      ];
    }
  }
  return [];
}

function formatIssues(data: string, s: Schema, path: string): Issue[] {
  if (!s.formatName || matchesFormat(s.formatName, data)) return [];
  return [invalidType(path, s.format, data)];
}

function numberIssues(data: number, s: Schema, path: string): Issue[] {
  const out: Issue[] = [];
  const integral = isJsonInteger(data);
  const bound = (b: number): string => (integral ? goInt(Math.trunc(b)) : goFloat(b));
  if (s.multipleOf !== undefined) {
    const factor = integral ? Math.trunc(s.multipleOf) : s.multipleOf;
    if (factor <= 0) {
      out.push({
        code: 'MultipleOfMustBePositive',
        name: path,
        value: factor,
        message: `factor MultipleOf declared for ${path} must be positive: ${bound(factor)}`,
      });
    } else {
      const mult = integral ? data / factor : factor < 1 ? (1 / factor) * data : data / factor;
      if (!Number.isInteger(mult)) {
        out.push({
          code: 'MultipleOf',
          name: path,
          value: data,
          message: `${path} in ${IN} should be a multiple of ${bound(factor)}`,
        });
      }
    }
  }
  if (s.minimum !== undefined) {
    const min = integral ? Math.trunc(s.minimum) : s.minimum;
    const failed = s.exclusiveMinimum ? data <= min : data < min;
    if (failed) {
      const relation = s.exclusiveMinimum ? 'greater than' : 'greater than or equal to';
      out.push({
        code: 'Min',
        name: path,
        value: data,
        message: `${path} in ${IN} should be ${relation} ${bound(min)}`,
      });
    }
  }
  if (s.maximum !== undefined) {
    const max = integral ? Math.trunc(s.maximum) : s.maximum;
    const failed = s.exclusiveMaximum ? data >= max : data > max;
    if (failed) {
      const relation = s.exclusiveMaximum ? 'less than' : 'less than or equal to';
      out.push({
        code: 'Max',
        name: path,
        value: data,
        message: `${path} in ${IN} should be ${relation} ${bound(max)}`,
      });
    }
  }
  return out;
}

/** Validates decoded JSON against a compiled schema; one validator per traversal. */
class OpenApiValidator {
  validate(data: unknown, s: Schema, path: string, corr: Correlation | undefined): Issue[] {
    const out = this.node(data, s, path, corr);
    if (out.length > 0 && corr && deepEqual(corr.old, data)) return [];
    return out;
  }

  private node(data: unknown, s: Schema, path: string, corr: Correlation | undefined): Issue[] {
    if (data === null || data === undefined)
      return [...typeIssues(null, s, path), ...enumIssues(null, s, path)];
    const out: Issue[] = [...typeIssues(data, s, path), ...this.compositeIssues(data, s, path)];
    const kind = kindOf(data);
    if (kind === 'string') {
      out.push(...stringIssues(data as string, s, path), ...formatIssues(data as string, s, path));
    }
    if (kind === 'number') out.push(...numberIssues(data as number, s, path));
    if (kind === 'array') out.push(...this.arrayIssues(data as unknown[], s, path, corr));
    out.push(...enumIssues(data, s, path));
    if (kind === 'object') out.push(...this.objectIssues(data as Record<string, unknown>, s, path, corr));
    return out;
  }

  private compositeIssues(data: unknown, s: Schema, path: string): Issue[] {
    const out: Issue[] = [];
    if (s.anyOf.length > 0) {
      let best: Issue[] | undefined;
      let ok = false;
      for (const sub of s.anyOf) {
        const r = this.node(data, sub, path, undefined);
        if (r.length === 0) {
          ok = true;
          break;
        }
        if (!best || r.length < best.length) best = r;
      }
      if (!ok) {
        out.push({
          code: 'Composite',
          name: path,
          message: `${goQuote(path)} must validate at least one schema (anyOf)`,
        });
        out.push(...(best ?? []));
      }
    }
    if (s.oneOf.length > 0) {
      let valid = 0;
      let best: Issue[] | undefined;
      for (const sub of s.oneOf) {
        const r = this.node(data, sub, path, undefined);
        if (r.length === 0) valid++;
        else if (valid === 0 && (!best || r.length < best.length)) best = r;
      }
      if (valid !== 1) {
        const extra = valid === 0 ? 'Found none valid' : `Found ${valid} valid alternatives`;
        out.push({
          code: 'Composite',
          name: path,
          message: `${goQuote(path)} must validate one and only one schema (oneOf). ${extra}`,
        });
        if (valid === 0) out.push(...(best ?? []));
      }
    }
    if (s.allOf.length > 0) {
      let valid = 0;
      for (const sub of s.allOf) {
        const r = this.node(data, sub, path, undefined);
        if (r.length === 0) valid++;
        out.push(...r);
      }
      if (valid !== s.allOf.length) {
        out.push({
          code: 'Composite',
          name: path,
          message: `${goQuote(path)} must validate all the schemas (allOf)${valid === 0 ? '. None validated' : ''}`,
        });
      }
    }
    if (s.not && this.node(data, s.not, path, undefined).length === 0) {
      out.push({
        code: 'Composite',
        name: path,
        message: `${goQuote(path)} must not validate the schema (not)`,
      });
    }
    return out;
  }

  private arrayIssues(data: unknown[], s: Schema, path: string, corr: Correlation | undefined): Issue[] {
    const out: Issue[] = [];
    if (s.items) {
      const items = s.items;
      data.forEach((item, i) => {
        out.push(...this.validate(item, items, `${path}[${i}]`, correlateIndex(s, corr, item)));
      });
    }
    if (s.minItems !== undefined && data.length < s.minItems) {
      out.push({
        code: 'MinItems',
        name: path,
        value: data.length,
        valid: s.minItems,
        message: `${path} in ${IN} should have at least ${goInt(s.minItems)} items`,
      });
    }
    if (s.maxItems !== undefined && data.length > s.maxItems) {
      out.push({
        code: 'MaxItems',
        name: path,
        value: data.length,
        valid: s.maxItems,
        message: `${path} in ${IN} should have at most ${goInt(s.maxItems)} items`,
      });
    }
    if (s.uniqueItems && data.some((v, i) => data.findIndex((u) => deepEqual(u, v)) !== i)) {
      out.push({ code: 'Unique', name: path, message: `${path} in ${IN} shouldn't contain duplicates` });
    }
    return out;
  }

  private objectIssues(
    data: Record<string, unknown>,
    s: Schema,
    path: string,
    corr: Correlation | undefined,
  ): Issue[] {
    const out: Issue[] = [];
    const size = Object.keys(data).length;
    if (s.minProperties !== undefined && size < s.minProperties) {
      out.push({
        code: 'TooFewProperties',
        name: path,
        value: size,
        valid: s.minProperties,
        message: `${path} in ${IN} should have at least ${goInt(s.minProperties)} properties`,
      });
    }
    if (s.maxProperties !== undefined && size > s.maxProperties) {
      out.push({
        code: 'TooManyProperties',
        name: path,
        value: size,
        valid: s.maxProperties,
        message: `${path} in ${IN} should have at most ${goInt(s.maxProperties)} properties`,
      });
    }
    if (s.additionalProperties === false) {
      for (const key of Object.keys(data)) {
        if (!s.properties.has(key)) {
          out.push({
            code: 'UnallowedProperty',
            name: path,
            value: key,
            message: `${path}.${key} in ${IN} is a forbidden property`,
          });
        }
      }
    } else if (typeof s.additionalProperties === 'object') {
      const extra = s.additionalProperties;
      for (const [key, value] of Object.entries(data)) {
        if (s.properties.has(key)) continue;
        out.push(...this.validate(value, extra, `${path}.${key}`, correlateKey(corr, key, path)));
      }
    }
    for (const [name, prop] of s.properties) {
      if (!Object.hasOwn(data, name)) continue;
      const childPath = path ? `${path}.${name}` : name;
      out.push(...this.validate(data[name], prop, childPath, correlateKey(corr, name, path)));
    }
    for (const key of s.required) {
      if (!Object.hasOwn(data, key)) {
        out.push({
          code: 'Required',
          name: `${path}.${key}`,
          message: `${path}.${key} in ${IN} is required`,
        });
      }
    }
    return out;
  }
}

function correlateKey(
  corr: Correlation | undefined,
  key: string,
  parentPath: string,
): Correlation | undefined {
  if (!corr || !isObject(corr.old) || !Object.hasOwn(corr.old, key)) return undefined;
  if (parentPath === '' && (key === 'apiVersion' || key === 'kind')) return undefined;
  return { old: corr.old[key] };
}

/** List items correlate only in `x-kubernetes-list-type: map` lists, by their key fields. */
function correlateIndex(s: Schema, corr: Correlation | undefined, item: unknown): Correlation | undefined {
  if (!corr || s.listType !== 'map' || !Array.isArray(corr.old) || !isObject(item)) return undefined;
  const keys = s.listMapKeys;
  const found = corr.old.find(
    (o) =>
      isObject(o) &&
      keys.every((k) => deepEqual(o[k], item[k]) && Object.hasOwn(o, k) === Object.hasOwn(item, k)),
  );
  return found === undefined ? undefined : { old: found };
}

function childPath(prefix: string | undefined, name: string): string {
  const trimmed = name.startsWith('.') ? name.slice(1) : name;
  if (!name || name === '.') return prefix ?? NIL_PATH;
  return prefix === undefined ? trimmed : `${prefix}.${trimmed}`;
}

/** `kubeOpenAPIResultToFieldErrors`: kube-openapi errors as field errors under `prefix` (nil = root). */
function toFieldErrors(issues: readonly Issue[], prefix: string | undefined): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    if (seen.has(issue.message)) continue;
    seen.add(issue.message);
    if (issue.code === 'Composite') {
      out.push(fieldErrors.invalid(prefix ?? NIL_PATH, '', issue.message));
      continue;
    }
    const field = childPath(prefix, issue.name);
    const value = issue.value ?? '';
    switch (issue.code) {
      case 'Required':
        out.push(fieldErrors.required(field));
        break;
      case 'Enum':
        out.push(
          fieldErrors.notSupported(
            field,
            issue.value ?? null,
            (issue.values ?? []).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
          ),
        );
        break;
      case 'TooLong':
        out.push(fieldErrors.tooLong(field, issue.valid ?? -1));
        break;
      case 'MaxItems':
      case 'TooManyProperties':
        out.push(
          fieldErrors.tooMany(field, typeof issue.value === 'number' ? issue.value : -1, issue.valid ?? -1),
        );
        break;
      case 'InvalidType':
        out.push(fieldErrors.typeInvalid(field, value, issue.message));
        break;
      default:
        out.push(fieldErrors.invalid(field, value, issue.message));
    }
  }
  return out;
}

/**
 * Validates `data` against `schema`. `prefix` is the field path the schema sits at (undefined for
 * a whole object, `status` for the status subresource). With `old`, unchanged values ratchet.
 */
export function validateOpenApi(
  data: unknown,
  schema: Schema,
  prefix: string | undefined,
  old?: { value: unknown },
): FieldError[] {
  const issues = new OpenApiValidator().validate(data, schema, '', old ? { old: old.value } : undefined);
  return toFieldErrors(issues, prefix);
}

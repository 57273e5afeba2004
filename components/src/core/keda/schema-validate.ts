/**
 * Validates a parsed object against a CRD's structural schema the way the API server does before
 * answering 422 Invalid: types (with int-or-string), required fields, enums, numeric bounds,
 * lengths, item counts, patterns, list-type uniqueness and the CEL rules this subset can run. Field
 * names the schema does not declare are reported as well: the API server would drop them silently
 * (or reject them with `fieldValidation=Strict`). Messages follow kube-openapi's wording.
 */
import { celRuleHolds } from './cel-subset.js';
import type { CrdSchema, FieldPath } from './crd-schema.js';
import { formatFieldPath } from './field-path.js';
import type { ValidationIssue } from './validation-issue.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON type of a value, as kube-openapi names it in type errors. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'object') return 'object';
  return typeof value;
}

function quote(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * Where to point for a failed rule: the first `self.<field>` it reads that the object has (the
 * `minReplicaCount` line rather than `spec:`), else the object itself as the API server does.
 */
function rulePath(rule: string, value: unknown, path: FieldPath): FieldPath {
  if (!isRecord(value)) return path;
  for (const match of rule.matchAll(/self\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const field = match[1]!;
    if (value[field] !== undefined) return [...path, field];
  }
  return path;
}

class Walker {
  readonly issues: ValidationIssue[] = [];

  private add(
    path: FieldPath,
    issue: Omit<ValidationIssue, 'path' | 'severity' | 'source'> & Partial<ValidationIssue>,
  ) {
    this.issues.push({ severity: 'error', source: 'schema', ...issue, path });
  }

  node(value: unknown, schema: CrdSchema, path: FieldPath): void {
    const name = formatFieldPath(path) || '<root>';
    if (value === undefined) return;
    if (value === null) {
      if (!schema.nullable) {
        this.add(path, {
          message: `${name}: null is dropped by the API server`,
          reason: 'FieldValueInvalid',
          severity: 'warning',
          hint: 'Remove the field, or give it a value.',
        });
      }
      return;
    }
    if (!this.type(value, schema, path, name)) return;
    if (schema.enum && !schema.enum.some((e) => e === value)) {
      this.add(path, {
        message: `${name}: Unsupported value: ${quote(value)}: supported values: ${schema.enum.map(quote).join(', ')}`,
        reason: 'FieldValueNotSupported',
      });
    }
    if (typeof value === 'number') this.number(value, schema, path, name);
    else if (typeof value === 'string') this.string(value, schema, path, name);
    else if (Array.isArray(value)) this.array(value, schema, path, name);
    else if (isRecord(value)) this.object(value, schema, path, name);
    for (const rule of schema.rules ?? []) {
      if (celRuleHolds(rule.rule, value) === false) {
        this.add(rulePath(rule.rule, value, path), {
          message: `${name}: Invalid value: "${jsonTypeOf(value)}": ${rule.message ?? `failed rule: ${rule.rule}`}`,
          reason: 'FieldValueInvalid',
          source: 'rule',
        });
      }
    }
  }

  /** Whether the value has the schema's type (reports it when not). */
  private type(value: unknown, schema: CrdSchema, path: FieldPath, name: string): boolean {
    const actual = jsonTypeOf(value);
    let ok: boolean;
    let expected: string = schema.type ?? '';
    if (schema.intOrString) {
      ok = actual === 'integer' || actual === 'string';
      expected = 'integer or string';
    } else {
      switch (schema.type) {
        case undefined:
          return true;
        case 'number':
          ok = actual === 'number' || actual === 'integer';
          break;
        default:
          ok = actual === schema.type;
      }
    }
    if (ok) return true;
    const scalarExpected =
      schema.type === 'string' && (actual === 'integer' || actual === 'number' || actual === 'boolean');
    this.add(path, {
      message: `${name} in body must be of type ${expected}: ${JSON.stringify(actual)}`,
      reason: 'FieldValueTypeInvalid',
      hint: scalarExpected ? `Quote it so YAML reads a string: "${String(value)}".` : undefined,
    });
    return false;
  }

  private number(value: number, schema: CrdSchema, path: FieldPath, name: string): void {
    if (schema.minimum !== undefined) {
      if (schema.exclusiveMinimum ? value <= schema.minimum : value < schema.minimum) {
        this.add(path, {
          message: `${name} in body should be greater than ${schema.exclusiveMinimum ? '' : 'or equal to '}${schema.minimum}`,
          reason: 'FieldValueInvalid',
        });
      }
    }
    if (schema.maximum !== undefined) {
      if (schema.exclusiveMaximum ? value >= schema.maximum : value > schema.maximum) {
        this.add(path, {
          message: `${name} in body should be less than ${schema.exclusiveMaximum ? '' : 'or equal to '}${schema.maximum}`,
          reason: 'FieldValueInvalid',
        });
      }
    }
    if (schema.format === 'int32' && (value > 2147483647 || value < -2147483648)) {
      this.add(path, {
        message: `${name} in body must be of type int32: "${value}"`,
        reason: 'FieldValueInvalid',
      });
    }
  }

  private string(value: string, schema: CrdSchema, path: FieldPath, name: string): void {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength) {
      this.add(path, {
        message: `${name} in body should be at least ${schema.minLength} chars long`,
        reason: schema.minLength === 1 && length === 0 ? 'FieldValueRequired' : 'FieldValueInvalid',
      });
    }
    if (schema.maxLength !== undefined && length > schema.maxLength) {
      this.add(path, {
        message: `${name} in body should be at most ${schema.maxLength} chars long`,
        reason: 'FieldValueTooLong',
      });
    }
    if (schema.pattern !== undefined) {
      let re: RegExp | undefined;
      try {
        re = new RegExp(schema.pattern, 'u');
      } catch {
        re = undefined; // An RE2 construct JavaScript lacks: leave it to the server.
      }
      if (re && !re.test(value)) {
        this.add(path, {
          message: `${name} in body should match '${schema.pattern}'`,
          reason: 'FieldValueInvalid',
        });
      }
    }
  }

  private array(value: unknown[], schema: CrdSchema, path: FieldPath, name: string): void {
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      this.add(path, {
        message: `${name} in body should have at least ${schema.minItems} items`,
        reason: value.length === 0 ? 'FieldValueRequired' : 'FieldValueInvalid',
      });
    }
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
      this.add(path, {
        message: `${name} in body should have at most ${schema.maxItems} items`,
        reason: 'FieldValueTooLong',
      });
    }
    if (schema.items) value.forEach((item, i) => this.node(item, schema.items!, [...path, i]));
    if (schema.listType === 'set' || schema.listType === 'map') {
      const keys = schema.listMapKeys;
      const seen = new Map<string, number>();
      value.forEach((item, i) => {
        const key =
          schema.listType === 'map' && keys && isRecord(item)
            ? JSON.stringify(keys.map((k) => item[k]))
            : JSON.stringify(item);
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, i);
          return;
        }
        this.add([...path, i], {
          message: `${formatFieldPath([...path, i])}: Duplicate value: ${key}`,
          reason: 'FieldValueDuplicate',
        });
      });
    }
  }

  private object(value: Record<string, unknown>, schema: CrdSchema, path: FieldPath, name: string): void {
    for (const field of schema.required ?? []) {
      if (value[field] === undefined || value[field] === null) {
        this.add([...path, field], {
          message: `${formatFieldPath([...path, field])}: Required value`,
          reason: 'FieldValueRequired',
        });
      }
    }
    const count = Object.keys(value).length;
    if (schema.minProperties !== undefined && count < schema.minProperties) {
      this.add(path, {
        message: `${name} in body should have at least ${schema.minProperties} properties`,
        reason: 'FieldValueInvalid',
      });
    }
    if (schema.maxProperties !== undefined && count > schema.maxProperties) {
      this.add(path, {
        message: `${name} in body should have at most ${schema.maxProperties} properties`,
        reason: 'FieldValueInvalid',
      });
    }
    for (const [key, child] of Object.entries(value)) {
      if (child === null && schema.required?.includes(key)) continue; // reported as missing above
      const childSchema = schema.properties?.[key] ?? schema.additionalProperties;
      if (childSchema) {
        this.node(child, childSchema, [...path, key]);
      } else if (schema.properties && !schema.preserveUnknownFields) {
        const field = formatFieldPath([...path, key]);
        this.add([...path, key], {
          message: `unknown field "${field}"`,
          reason: 'FieldValueUnknown',
          hint: 'The API server drops fields its schema does not declare: check the spelling and the indentation.',
        });
      }
    }
  }
}

/** Every problem the schema finds in `value`; `[]` when it is valid as far as the browser can tell. */
export function validateAgainstSchema(
  value: unknown,
  schema: CrdSchema,
  path: FieldPath = [],
): ValidationIssue[] {
  const walker = new Walker();
  walker.node(value, schema, path);
  return walker.issues;
}

/**
 * `x-kubernetes-validations` rules evaluated over an object the way the apiextensions-apiserver's
 * CEL validator walks it: a node's rules with `self` (and `oldSelf` on updates), then its
 * properties, additional properties and items. Failures are `Invalid value: "<schema type>":
 * <message>` at the node's path; on updates, failures of non-transition rules on unchanged
 * values are dropped (ratcheting).
 */
import { deepEqual, isObject } from '../../../core/json.ts';
import { fieldErrors, NIL_PATH, type FieldError } from '../field-errors.ts';
import type { Schema, ValidationRule } from '../schema.ts';
import { CelCompileError, CelEvalError, evaluate, toCel, usesOldSelf, type CelValue } from './evaluate.ts';
import { CelSyntaxError, parseCel, type Expr } from './parse.ts';

interface CompiledRule {
  expr: Expr | undefined;
  compileError: string | undefined;
  usesOldSelf: boolean;
  messageExpression: Expr | undefined;
}

const compiled = new WeakMap<ValidationRule, CompiledRule>();

function compile(rule: ValidationRule): CompiledRule {
  let entry = compiled.get(rule);
  if (entry) return entry;
  entry = { expr: undefined, compileError: undefined, usesOldSelf: false, messageExpression: undefined };
  try {
    entry.expr = parseCel(rule.rule);
    entry.usesOldSelf = usesOldSelf(entry.expr);
  } catch (error) {
    const column = error instanceof CelSyntaxError ? error.column : 0;
    entry.compileError = `compilation failed: ERROR: <input>:1:${column + 1}: Syntax error: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (rule.messageExpression) {
    try {
      entry.messageExpression = parseCel(rule.messageExpression);
    } catch {
      entry.messageExpression = undefined;
    }
  }
  compiled.set(rule, entry);
  return entry;
}

function ruleErrorString(rule: ValidationRule): string {
  return rule.message ? rule.message.trim() : rule.rule.trim();
}

function ruleMessageOrDefault(rule: ValidationRule): string {
  return rule.message ? rule.message.trim() : `failed rule: ${ruleErrorString(rule)}`;
}

function child(path: string | undefined, name: string): string {
  return path === undefined ? name : `${path}.${name}`;
}

/** The value CEL errors report: the schema's type (empty for int-or-string). */
function schemaType(s: Schema): string {
  return s.intOrString ? '' : (s.types[0] ?? '');
}

function errorForReason(path: string, s: Schema, detail: string, reason: string | undefined): FieldError {
  switch (reason) {
    case 'FieldValueForbidden':
      return fieldErrors.forbidden(path, detail);
    case 'FieldValueRequired':
      return fieldErrors.required(path, detail);
    case 'FieldValueDuplicate':
      return fieldErrors.duplicate(path, schemaType(s));
    default:
      return fieldErrors.invalid(path, schemaType(s), detail);
  }
}

function messageFrom(expr: Expr | undefined, scope: Map<string, CelValue>): string | undefined {
  if (!expr) return undefined;
  try {
    const v = evaluate(expr, scope);
    if (v.type !== 'string') return undefined;
    const trimmed = v.value.trim();
    return trimmed && !/\n/.test(trimmed) ? trimmed : undefined;
  } catch {
    return undefined;
  }
}

/** The old value correlated with a node; `ratchet` when CRD validation ratcheting applies. */
interface Old {
  value: unknown;
}

class RuleValidator {
  constructor(private readonly ratcheting: boolean) {}

  validate(path: string | undefined, s: Schema, obj: unknown, old: Old | undefined): FieldError[] {
    if (obj === null || obj === undefined) return [];
    const errs = this.expressions(path, s, obj, old);
    if (Array.isArray(obj)) {
      const items = s.items;
      if (items) {
        obj.forEach((item, i) => {
          errs.push(...this.validate(`${path ?? ''}[${i}]`, items, item, correlateItem(s, old, item)));
        });
      }
    } else if (isObject(obj)) {
      const oldMap = old && isObject(old.value) ? old.value : undefined;
      for (const [k, v] of Object.entries(obj)) {
        const oldChild = oldMap && Object.hasOwn(oldMap, k) ? { value: oldMap[k] } : undefined;
        const prop = s.properties.get(k);
        if (prop) errs.push(...this.validate(child(path, k), prop, v, oldChild));
        else if (typeof s.additionalProperties === 'object') {
          errs.push(...this.validate(`${path ?? ''}[${k}]`, s.additionalProperties, v, oldChild));
        }
      }
    }
    return errs;
  }

  private expressions(path: string | undefined, s: Schema, obj: unknown, old: Old | undefined): FieldError[] {
    if (s.validations.length === 0) return [];
    const errs: FieldError[] = [];
    const fieldPath = path ?? NIL_PATH;
    const unchanged = this.ratcheting && !!old && deepEqual(old.value, obj);
    const scope = new Map<string, CelValue>([['self', toCel(obj, s)]]);
    if (old) scope.set('oldSelf', toCel(old.value, s));
    for (const rule of s.validations) {
      const c = compile(rule);
      if (!c.expr) {
        errs.push(
          fieldErrors.invalid(fieldPath, schemaType(s), `rule compile error: ${c.compileError ?? ''}`),
        );
        continue;
      }
      // Transition rules need a correlated old value (optionalOldSelf's optionals are not in the subset).
      if (c.usesOldSelf && !old) continue;
      let result: CelValue;
      try {
        result = evaluate(c.expr, scope);
      } catch (error) {
        if (error instanceof CelCompileError) {
          errs.push(
            fieldErrors.invalid(
              fieldPath,
              schemaType(s),
              `rule compile error: compilation failed: ERROR: <input>:1:1: ${error.message}`,
            ),
          );
        } else if (error instanceof CelEvalError && error.message.includes('no such overload')) {
          errs.push(
            fieldErrors.invalid(
              fieldPath,
              schemaType(s),
              `'${error.message}': call arguments did not match a supported operator, function or macro signature for rule: ${ruleErrorString(rule)}`,
            ),
          );
        } else {
          const message = error instanceof Error ? error.message : String(error);
          errs.push(
            fieldErrors.invalid(
              fieldPath,
              schemaType(s),
              `${message} evaluating rule: ${ruleErrorString(rule)}`,
            ),
          );
        }
        continue;
      }
      if (result.type === 'bool' && result.value) continue;
      if (!c.usesOldSelf && unchanged) continue;
      const at = rule.fieldPath ? child(path, rule.fieldPath.replace(/^\./, '')) : fieldPath;
      const detail = messageFrom(c.messageExpression, scope) ?? ruleMessageOrDefault(rule);
      errs.push(errorForReason(at, s, detail, rule.reason));
    }
    return errs;
  }
}

function correlateItem(s: Schema, old: Old | undefined, item: unknown): Old | undefined {
  if (!old || s.listType !== 'map' || !Array.isArray(old.value) || !isObject(item)) return undefined;
  const found = old.value.find((o) => isObject(o) && s.listMapKeys.every((k) => deepEqual(o[k], item[k])));
  return found === undefined ? undefined : { value: found };
}

/**
 * Evaluates every rule in `schema` over `obj` (a whole object: paths start at the root, which is
 * the nil path). `old` is the previous object on updates; `ratcheting` drops failures on
 * unchanged values (main-resource updates only).
 */
export function validateRules(
  obj: unknown,
  schema: Schema,
  old: { value: unknown } | undefined,
  ratcheting: boolean,
): FieldError[] {
  return new RuleValidator(ratcheting).validate(undefined, schema, obj, old);
}

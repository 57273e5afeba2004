/**
 * Validation of `x-kubernetes-embedded-resource` values (objectmeta.Validate): apiVersion and
 * kind are required strings (kind a DNS-1035 label, case aside), and their metadata is checked
 * like an object's with path-segment names.
 */
import { isObject } from '../../core/json.ts';
import { fieldErrors, type FieldError } from './field-errors.ts';
import { isDns1035Label, validateEmbeddedObjectMeta } from './meta-validation.ts';
import type { Schema } from './schema.ts';

function child(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function validateResource(path: string, x: Record<string, unknown>): FieldError[] {
  const errs: FieldError[] = [];
  if (!Object.hasOwn(x, 'apiVersion'))
    errs.push(fieldErrors.required(child(path, 'apiVersion'), 'must not be empty'));
  if (!Object.hasOwn(x, 'kind')) errs.push(fieldErrors.required(child(path, 'kind'), 'must not be empty'));
  for (const [k, v] of Object.entries(x)) {
    if (k === 'apiVersion') {
      const at = child(path, k);
      if (typeof v !== 'string') errs.push(fieldErrors.invalid(at, v, 'must be a string'));
      else if (!v) errs.push(fieldErrors.invalid(at, v, 'must not be empty'));
      else if ((v.match(/\//g) ?? []).length > 1)
        errs.push(fieldErrors.invalid(at, v, `unexpected GroupVersion string: ${v}`));
    } else if (k === 'kind') {
      const at = child(path, k);
      if (typeof v !== 'string') errs.push(fieldErrors.invalid(at, v, 'must be a string'));
      else if (!v) errs.push(fieldErrors.invalid(at, v, 'must not be empty'));
      else {
        const msgs = isDns1035Label(v.toLowerCase());
        if (msgs.length > 0)
          errs.push(
            fieldErrors.invalid(at, v, `may have mixed case, but should otherwise match: ${msgs.join(',')}`),
          );
      }
    } else if (k === 'metadata' && isObject(v)) {
      errs.push(...validateEmbeddedObjectMeta(v, child(path, 'metadata')));
    }
  }
  return errs;
}

function validate(path: string, x: unknown, s: Schema | undefined): FieldError[] {
  if (!s) return [];
  const errs: FieldError[] = [];
  if (Array.isArray(x)) {
    x.forEach((item, i) => errs.push(...validate(`${path}[${i}]`, item, s.items)));
  } else if (isObject(x)) {
    if (s.embeddedResource) errs.push(...validateResource(path, x));
    for (const [k, v] of Object.entries(x)) {
      const prop = s.properties.get(k);
      if (prop) errs.push(...validate(child(path, k), v, prop));
      else if (typeof s.additionalProperties === 'object')
        errs.push(...validate(`${path}[${k}]`, v, s.additionalProperties));
    }
  }
  return errs;
}

/** Errors of every embedded resource in `obj` (the root itself is validated elsewhere). */
export function validateEmbeddedResources(obj: unknown, root: Schema): FieldError[] {
  return validate('', obj, { ...root, embeddedResource: false });
}

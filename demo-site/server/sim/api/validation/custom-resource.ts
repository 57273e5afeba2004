/**
 * The custom-resource write path of the apiextensions-apiserver, per kind: decoding (pruning,
 * defaults, `fieldValidation` of unknown fields) and validation (ObjectMeta labels/annotations,
 * OpenAPI schema, embedded resources, list-type invariants, CEL rules), in the apiserver's order.
 */
import { isObject, type JsonObject } from '../../core/json.ts';
import type { KObject, ResourceDef } from '../../registry/types.ts';
import { validateRules } from './cel/rules.ts';
import { decodeCustomResource } from './decode.ts';
import { validateEmbeddedResources } from './embedded.ts';
import { badRequestError, fieldErrors, invalidError, NIL_PATH, type FieldError } from './field-errors.ts';
import { goJson } from './go-format.ts';
import { validateListSetsAndMaps } from './list-type.ts';
import { validateLabelsAndAnnotations } from './meta-validation.ts';
import { validateOpenApi } from './openapi.ts';
import { compileRootSchema, type Schema } from './schema.ts';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

interface CompiledKind {
  root: Schema;
  status: Schema | undefined;
  /** Whether any node has x-kubernetes-validations (the apiserver then has a CEL validator). */
  hasRules: boolean;
}

function hasRules(s: Schema | undefined): boolean {
  if (!s) return false;
  if (s.validations.length > 0) return true;
  for (const p of s.properties.values()) if (hasRules(p)) return true;
  if (typeof s.additionalProperties === 'object' && hasRules(s.additionalProperties)) return true;
  return hasRules(s.items) || [...s.anyOf, ...s.allOf, ...s.oneOf].some(hasRules);
}

const compiledKinds = new WeakMap<ResourceDef, CompiledKind | null>();

/** The compiled schema of a custom kind (from its published component schema), if it has one. */
function compiledKind(def: ResourceDef): CompiledKind | undefined {
  if (!def.custom) return undefined;
  let entry = compiledKinds.get(def);
  if (entry === undefined) {
    const json = def.schemas.components[def.schemas.kindSchema];
    if (isObject(json)) {
      const root = compileRootSchema(json);
      entry = { root, status: root.properties.get('status'), hasRules: hasRules(root) };
    } else {
      entry = null;
    }
    compiledKinds.set(def, entry);
  }
  return entry ?? undefined;
}

export interface DecodeOptions {
  fieldValidation: FieldValidation;
  warn: (text: string) => void;
  /** `patch`: the object is the result of a patch, and decoding errors are 422 on `patch`. */
  source: 'body' | 'patch';
}

/** The 422 a patch gets when its result cannot be decoded (`field.Invalid(patch, <json>, err)`). */
function patchError(patchedJson: string, message: string): Error {
  return invalidError({ group: '', kind: '' }, '', [fieldErrors.invalid('patch', patchedJson, message)]);
}

/**
 * Decodes a custom resource body in place (prunes unknown fields, applies defaults). Throws the
 * apiserver's 400 (or, for patches, 422) on malformed metadata and, with `fieldValidation=Strict`,
 * on unknown fields; with `Warn` each unknown field becomes a warning.
 */
export function decodeCustomResourceWrite(def: ResourceDef, object: KObject, options: DecodeOptions): void {
  const kind = compiledKind(def);
  if (!kind) return;
  const snapshot = options.source === 'patch' ? goJson(object) : '';
  const result = decodeCustomResource(object as JsonObject, kind.root);
  const cannotHandle = (message: string): Error =>
    options.source === 'patch'
      ? patchError(snapshot, message)
      : badRequestError(
          `${def.kind} in version "${def.version}" cannot be handled as a ${def.kind}: ${message}`,
        );
  if (result.error) throw cannotHandle(result.error);
  if (result.unknownFields.length === 0 || options.fieldValidation === 'Ignore') return;
  const messages = result.unknownFields.map((f) => `unknown field "${f}"`);
  if (options.fieldValidation === 'Warn') {
    for (const m of messages) options.warn(m);
    return;
  }
  throw cannotHandle(`strict decoding error: ${messages.join(', ')}`);
}

const BLOCKING: ReadonlySet<FieldError['type']> = new Set([
  'FieldValueNotSupported',
  'FieldValueRequired',
  'FieldValueTooLong',
  'FieldValueTooMany',
  'FieldValueTypeInvalid',
]);

const NOT_CHECKED =
  'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation';

/** CEL rules run unless an earlier error blocks them (the apiserver then says so, once). */
function withRules(kind: CompiledKind, errs: FieldError[], rules: () => FieldError[]): FieldError[] {
  if (!kind.hasRules) return errs;
  if (errs.some((e) => BLOCKING.has(e.type)))
    return [...errs, fieldErrors.invalid(NIL_PATH, null, NOT_CHECKED)];
  return [...errs, ...rules()];
}

/**
 * Field errors of a custom resource write. `old` is the stored object on updates (enables
 * ratcheting for main-resource writes); `subresource` `status` validates only the status part.
 */
export function validateCustomResourceWrite(
  def: ResourceDef,
  object: KObject,
  old: KObject | undefined,
  subresource: string | undefined,
): FieldError[] {
  const kind = compiledKind(def);
  if (!kind) return [];
  const errs: FieldError[] = validateLabelsAndAnnotations(object.metadata, 'metadata');
  const listErrors = (): FieldError[] => {
    const next = validateListSetsAndMaps('', kind.root, object);
    if (next.length === 0 || !old) return next;
    return validateListSetsAndMaps('', kind.root, old).length === 0 ? next : [];
  };
  if (subresource === 'status') {
    if (kind.status && Object.hasOwn(object, 'status'))
      errs.push(...validateOpenApi(object.status, kind.status, 'status'));
    errs.push(...listErrors());
    return withRules(kind, errs, () =>
      validateRules(object, kind.root, old ? { value: old } : undefined, false),
    );
  }
  errs.push(...validateOpenApi(object, kind.root, undefined, old ? { value: old } : undefined));
  errs.push(...validateEmbeddedResources(object, kind.root));
  errs.push(...listErrors());
  return withRules(kind, errs, () =>
    validateRules(object, kind.root, old ? { value: old } : undefined, !!old),
  );
}

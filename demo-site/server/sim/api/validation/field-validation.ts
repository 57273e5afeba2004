/** The `fieldValidation` query parameter of create, update and patch requests. */
import { fieldErrors, invalidError } from './field-errors.ts';
import type { FieldValidation } from './custom-resource.ts';

export type WriteOptionsKind = 'CreateOptions' | 'UpdateOptions' | 'PatchOptions';

const ALLOWED = ['', 'Ignore', 'Strict', 'Warn'];

/**
 * The directive of a `fieldValidation` value: unset means `Warn` (the apiserver's default); an
 * unknown value is the 422 of `ValidateFieldValidation`.
 */
export function parseFieldValidation(value: string | null, optionsKind: WriteOptionsKind): FieldValidation {
  if (value === null || value === '') return 'Warn';
  if (value === 'Ignore' || value === 'Strict' || value === 'Warn') return value;
  throw invalidError({ group: 'meta.k8s.io', kind: optionsKind }, '', [
    fieldErrors.notSupported('fieldValidation', value, ALLOWED),
  ]);
}

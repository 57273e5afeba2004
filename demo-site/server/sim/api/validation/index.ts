/** Schema decoding and validation of custom resources, as the apiextensions-apiserver does it. */
export {
  decodeCustomResourceWrite,
  validateCustomResourceWrite,
  type DecodeOptions,
  type FieldValidation,
} from './custom-resource.ts';
export { parseFieldValidation, type WriteOptionsKind } from './field-validation.ts';
export { toCause, type FieldError } from './field-errors.ts';

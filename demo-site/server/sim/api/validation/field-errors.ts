/**
 * Field errors as apimachinery's `util/validation/field` builds them (Type, Field, BadValue,
 * Detail) and the 422 Status that `errors.NewInvalid` makes of a list of them: causes carry
 * `ErrorBody()`, the message joins the de-duplicated `Error()` strings, bracketed when several.
 */
import type { Status, StatusCause } from '../../../../../components/src/core/kube/types.ts';
import { ApiError } from '../../core/errors.ts';
import { goNumber, goQuote, goSharpV } from './go-format.ts';

export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

const TYPE_TEXT: Readonly<Record<FieldErrorType, string>> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

/** Marks a bad value that is not printed (`field.omitValue`). */
export const OMIT_VALUE: unique symbol = Symbol('omitValue');

export interface FieldError {
  type: FieldErrorType;
  /** The field path as `field.Path.String()` prints it; `<nil>` for no path. */
  field: string;
  badValue: unknown;
  detail: string;
}

/** `field.Path.String()` of a nil path. */
export const NIL_PATH = '<nil>';

/** `%v`-style rendering of a bad value, as `ErrorBody` does. */
function renderValue(value: unknown): string {
  if (value === null || value === undefined) return goQuote('null');
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number') return goNumber(value);
  if (typeof value === 'boolean') return String(value);
  return goSharpV(value);
}

/** `field.Error.ErrorBody()`: the message without the field. */
export function errorBody(e: FieldError): string {
  let s: string;
  if (
    e.type === 'FieldValueRequired' ||
    e.type === 'FieldValueForbidden' ||
    e.type === 'FieldValueTooLong' ||
    e.type === 'InternalError' ||
    e.badValue === OMIT_VALUE
  ) {
    s = TYPE_TEXT[e.type];
  } else {
    s = `${TYPE_TEXT[e.type]}: ${renderValue(e.badValue)}`;
  }
  return e.detail ? `${s}: ${e.detail}` : s;
}

/** `field.Error.Error()`. */
export function errorString(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

export function toCause(e: FieldError): StatusCause {
  return { reason: e.type, message: errorBody(e), field: e.field };
}

export const fieldErrors = {
  required(field: string, detail = ''): FieldError {
    return { type: 'FieldValueRequired', field, badValue: '', detail };
  },
  invalid(field: string, value: unknown, detail: string): FieldError {
    return { type: 'FieldValueInvalid', field, badValue: value, detail };
  },
  typeInvalid(field: string, value: unknown, detail: string): FieldError {
    return { type: 'FieldValueTypeInvalid', field, badValue: value, detail };
  },
  notSupported(field: string, value: unknown, supported: readonly string[]): FieldError {
    const detail = supported.length > 0 ? `supported values: ${supported.map(goQuote).join(', ')}` : '';
    return { type: 'FieldValueNotSupported', field, badValue: value, detail };
  },
  forbidden(field: string, detail: string): FieldError {
    return { type: 'FieldValueForbidden', field, badValue: '', detail };
  },
  duplicate(field: string, value: unknown): FieldError {
    return { type: 'FieldValueDuplicate', field, badValue: value, detail: '' };
  },
  tooLong(field: string, maxLength: number): FieldError {
    const detail = maxLength >= 0 ? `may not be more than ${maxLength} bytes` : 'value is too long';
    return { type: 'FieldValueTooLong', field, badValue: '<value omitted>', detail };
  },
  tooMany(field: string, actual: number, max: number): FieldError {
    const detail = max >= 0 ? `must have at most ${max} items` : 'has too many items';
    return { type: 'FieldValueTooMany', field, badValue: actual >= 0 ? actual : OMIT_VALUE, detail };
  },
};

/** The message part of `errors.NewInvalid`: `ToAggregate()` drops repeated messages. */
export function aggregateMessage(errs: readonly FieldError[]): string {
  const unique = [...new Set(errs.map(errorString))];
  return unique.length === 1 ? (unique[0] ?? '') : `[${unique.join(', ')}]`;
}

/** `errors.NewInvalid(groupKind, name, errs)`: a 422 Status; `details` fields left empty are omitted. */
export function invalidError(
  groupKind: { group: string; kind: string },
  name: string,
  errs: FieldError[],
): ApiError {
  const qualified = groupKind.group ? `${groupKind.kind}.${groupKind.group}` : groupKind.kind;
  const details: NonNullable<Status['details']> = {};
  if (name) details.name = name;
  if (groupKind.group) details.group = groupKind.group;
  if (groupKind.kind) details.kind = groupKind.kind;
  details.causes = errs.map(toCause);
  const message =
    errs.length === 0
      ? `${qualified} ${goQuote(name)} is invalid`
      : `${qualified} ${goQuote(name)} is invalid: ${aggregateMessage(errs)}`;
  return new ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: 'Invalid',
    details,
    code: 422,
  });
}

/** A 400 BadRequest Status. */
export function badRequestError(message: string): ApiError {
  return new ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: 'BadRequest',
    code: 400,
  });
}

/** A problem found in an object being edited, from any check (YAML, schema, KEDA's rules, the server). */
import type { FieldPath } from './crd-schema.js';

/** The `reason`s of Kubernetes `StatusCause`s, plus `FieldValueUnknown` for fields the schema lacks. */
export type IssueReason =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueTypeInvalid'
  | 'FieldValueDuplicate'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueUnknown';

/** Which check found it. */
export type IssueSource = 'yaml' | 'schema' | 'rule' | 'admission' | 'server';

export interface ValidationIssue {
  /** The field it is about; `[]` for the whole object. */
  path: FieldPath;
  /** The message, in the API server's or KEDA's words where they have one. */
  message: string;
  reason: IssueReason;
  /** Errors block saving; warnings do not. */
  severity: 'error' | 'warning';
  source: IssueSource;
  /** What to do about it, when there is something specific to say. */
  hint?: string;
}

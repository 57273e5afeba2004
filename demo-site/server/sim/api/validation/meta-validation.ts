/**
 * ObjectMeta field rules of apimachinery's `ValidateObjectMetaAccessor` that the generic service
 * does not check yet: label keys and values, annotation keys and total size, and (for embedded
 * resources) path-segment names and namespaces. Messages are apimachinery's.
 */
import { isObject } from '../../core/json.ts';
import { fieldErrors, type FieldError } from './field-errors.ts';

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

export function regexError(msg: string, format: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${format}')`;
  let out = `${msg} (e.g. `;
  examples.forEach((e, i) => {
    if (i > 0) out += ' or ';
    out += `'${e}', `;
  });
  return `${out}regex used for validation is '${format}')`;
}

export const maxLenError = (length: number): string => `must be no more than ${length} characters`;

const QUALIFIED_NAME_MSG = regexError(
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]',
  'MyName',
  'my.name',
  '123-abc',
);

export function isDns1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!DNS1123_SUBDOMAIN.test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*',
        'example.com',
      ),
    );
  }
  return errs;
}

export function isDns1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!DNS1123_LABEL.test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
        '[a-z0-9]([-a-z0-9]*[a-z0-9])?',
        'my-name',
        '123-abc',
      ),
    );
  }
  return errs;
}

export function isDns1035Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!DNS1035_LABEL.test(value)) {
    errs.push(
      regexError(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
        '[a-z]([-a-z0-9]*[a-z0-9])?',
        'my-name',
        'abc-123',
      ),
    );
  }
  return errs;
}

/** `validation.IsQualifiedName`. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0] ?? '';
  } else if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    name = parts[1] ?? '';
    if (!prefix) errs.push('prefix part must be non-empty');
    else errs.push(...isDns1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [
      `a qualified name ${QUALIFIED_NAME_MSG} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (!name) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!QUALIFIED_NAME.test(name)) errs.push(`name part ${QUALIFIED_NAME_MSG}`);
  return errs;
}

/** `validation.IsValidLabelValue`. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!LABEL_VALUE.test(value)) {
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?',
        'MyValue',
        'my_value',
        '12345',
      ),
    );
  }
  return errs;
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObject(value)) for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Label and annotation errors of `metadata` at `path` (e.g. `metadata`). */
export function validateLabelsAndAnnotations(meta: unknown, path: string): FieldError[] {
  if (!isObject(meta)) return [];
  const errs: FieldError[] = [];
  const labelsPath = `${path}.labels`;
  for (const [k, v] of Object.entries(stringMap(meta.labels))) {
    for (const msg of isQualifiedName(k)) errs.push(fieldErrors.invalid(labelsPath, k, msg));
    for (const msg of isValidLabelValue(v)) errs.push(fieldErrors.invalid(labelsPath, v, msg));
  }
  const annotations = stringMap(meta.annotations);
  const annotationsPath = `${path}.annotations`;
  let size = 0;
  for (const [k, v] of Object.entries(annotations)) {
    for (const msg of isQualifiedName(k.toLowerCase()))
      errs.push(fieldErrors.invalid(annotationsPath, k, msg));
    size += Buffer.byteLength(k) + Buffer.byteLength(v);
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT)
    errs.push(fieldErrors.tooLong(annotationsPath, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

function pathSegmentErrors(name: string, prefix: boolean): string[] {
  if (!prefix) for (const illegal of ['.', '..']) if (name === illegal) return [`may not be '${illegal}'`];
  return ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
}

/** `ValidateObjectMeta` of an embedded resource's metadata (names are path segments). */
export function validateEmbeddedObjectMeta(meta: Record<string, unknown>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const generateName = typeof meta.generateName === 'string' ? meta.generateName : '';
  const name = typeof meta.name === 'string' && meta.name ? meta.name : 'fakename';
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : '';
  if (generateName) {
    for (const msg of pathSegmentErrors(generateName, true))
      errs.push(fieldErrors.invalid(`${path}.generateName`, generateName, msg));
  }
  for (const msg of pathSegmentErrors(name, false)) errs.push(fieldErrors.invalid(`${path}.name`, name, msg));
  if (namespace) {
    for (const msg of isDns1123Label(namespace))
      errs.push(fieldErrors.invalid(`${path}.namespace`, namespace, msg));
  }
  errs.push(...validateLabelsAndAnnotations(meta, path));
  return errs;
}

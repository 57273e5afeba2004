/**
 * Every check the YAML editor runs on each change, in one place: YAML syntax and duplicated keys,
 * the object's identity (apiVersion, kind, and the name and namespace that cannot change), the CRD
 * schema with its CEL rules, and KEDA's admission rules — each problem placed at its line and
 * column in the text. `checkDocuments` does the same for each `---` document of a text that
 * creates several objects (KEDA's kinds and the Secrets they read).
 */
import { admissionIssues } from './admission-rules.js';
import { SECRET_DATA_KEY } from '../kube/secret-key.js';
import { scalerSpec } from './scaler-catalog.js';
import { isKedaKind, type CrdSchema, type FieldPath, type KedaKind } from './crd-schema.js';
import { validateAgainstSchema } from './schema-validate.js';
import type { ValidationIssue } from './validation-issue.js';
import {
  parseYamlDocument,
  parseYamlDocuments,
  type LineColumn,
  type ParsedYaml,
  type YamlPositionIndex,
} from './yaml-positions.js';

export const KEDA_API_VERSION = 'keda.sh/v1alpha1';

/** A problem and where it is in the text. */
export interface LocatedIssue extends ValidationIssue {
  from: number;
  to: number;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** False when the field is not written and the issue points at its nearest written parent. */
  exact: boolean;
}

export interface EditExpectations {
  kind: KedaKind;
  /** Whether objects of the kind live in a namespace. */
  namespaced: boolean;
  mode: 'edit' | 'create';
  /**
   * Edit mode: the object's name and namespace, which the text may not change. Create mode: the
   * namespace used when the text names none.
   */
  name?: string;
  namespace?: string;
}

export interface EditCheck {
  /** The parsed object; undefined when the YAML does not parse. */
  value: unknown;
  index: YamlPositionIndex;
  issues: LocatedIssue[];
  errors: number;
  warnings: number;
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function identityIssues(value: Json, expect: EditExpectations): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const fail = (path: FieldPath, message: string, hint?: string, severity: 'error' | 'warning' = 'error') =>
    issues.push({ path, message, reason: 'FieldValueInvalid', severity, source: 'schema', hint });
  if (value.apiVersion !== KEDA_API_VERSION) {
    fail(
      ['apiVersion'],
      value.apiVersion === undefined
        ? 'apiVersion: Required value'
        : `apiVersion: Unsupported value: ${JSON.stringify(value.apiVersion)}: supported values: "${KEDA_API_VERSION}"`,
    );
  }
  if (value.kind !== expect.kind) {
    fail(
      ['kind'],
      value.kind === undefined
        ? 'kind: Required value'
        : `kind must be ${expect.kind} here, not ${JSON.stringify(value.kind)}`,
    );
  }
  const metadata = isRecord(value.metadata) ? value.metadata : undefined;
  const name = metadata?.name;
  if (expect.mode === 'edit') {
    if (expect.name !== undefined && name !== expect.name) {
      fail(
        ['metadata', 'name'],
        `metadata.name cannot be changed (it is ${JSON.stringify(expect.name)})`,
        'To rename, create a new object with the new name and delete this one.',
      );
    }
    const ns = metadata?.namespace;
    if (expect.namespaced && ns !== undefined && expect.namespace && ns !== expect.namespace) {
      fail(
        ['metadata', 'namespace'],
        `metadata.namespace cannot be changed (it is ${JSON.stringify(expect.namespace)})`,
      );
    }
  } else {
    if ((name === undefined || name === '') && !metadata?.generateName) {
      fail(['metadata', 'name'], 'metadata.name: Required value', 'Give the new object a name.');
    }
    if (expect.namespaced && !metadata?.namespace && !expect.namespace) {
      fail(
        ['metadata', 'namespace'],
        'metadata.namespace: Required value',
        'Say which namespace to create it in.',
      );
    }
  }
  if (!expect.namespaced && metadata?.namespace !== undefined) {
    fail(
      ['metadata', 'namespace'],
      `${expect.kind} is cluster-scoped: metadata.namespace is ignored`,
      undefined,
      'warning',
    );
  }
  return issues;
}

/**
 * A trigger type no scaler answers to: KEDA's webhook lets it through, then the operator fails the
 * object with `no scaler found for type: …` (REFERENCE §3). A warning, since the server accepts it.
 */
function unknownTriggerTypes(value: Json): ValidationIssue[] {
  const spec = isRecord(value.spec) ? value.spec : {};
  const triggers = Array.isArray(spec.triggers) ? (spec.triggers as unknown[]) : [];
  return triggers.flatMap((trigger, i) => {
    const type = isRecord(trigger) ? trigger.type : undefined;
    if (typeof type !== 'string' || type === '' || scalerSpec(type)) return [];
    return [
      {
        path: ['spec', 'triggers', i, 'type'],
        message: `no scaler found for type: ${type}`,
        reason: 'FieldValueNotSupported' as const,
        severity: 'warning' as const,
        source: 'admission' as const,
        hint: "KEDA's operator will not scale on this trigger: use one of KEDA's scaler types (the create wizard lists them).",
      },
    ];
  });
}

/** Places issues found on the parsed value at their text positions, sorted by position. */
export function locateIssues(index: YamlPositionIndex, issues: readonly ValidationIssue[]): LocatedIssue[] {
  return issues
    .map((issue) => {
      const { range, exact } = index.locate(issue.path);
      const at: LineColumn = index.lines.lineColumn(range.from);
      return {
        ...issue,
        from: range.from,
        to: Math.max(range.to, range.from),
        line: at.line,
        column: at.column,
        exact,
      };
    })
    .sort((a, b) => a.from - b.from || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** The YAML problems and the checks of one parsed object, placed in the text. */
function checkParsed(
  parsed: ParsedYaml,
  schema: CrdSchema | undefined,
  expect: EditExpectations,
): LocatedIssue[] {
  const issues: ValidationIssue[] = [];
  const value = parsed.value;
  if (value !== undefined) {
    if (!isRecord(value)) {
      issues.push({
        path: [],
        message:
          value === null
            ? 'The text is empty: write one YAML object.'
            : 'The text must be one YAML mapping (an object).',
        reason: 'FieldValueRequired',
        severity: 'error',
        source: 'yaml',
      });
    } else {
      issues.push(...identityIssues(value, expect));
      if (schema) issues.push(...validateAgainstSchema(value, schema));
      issues.push(...admissionIssues(expect.kind, value));
      if (expect.kind === 'ScaledObject' || expect.kind === 'ScaledJob')
        issues.push(...unknownTriggerTypes(value));
    }
  }
  return [...yamlProblems(parsed), ...locateIssues(parsed.index, issues)];
}

function yamlProblems(parsed: ParsedYaml): LocatedIssue[] {
  return parsed.problems.map((p) => {
    const at = parsed.index.lines.lineColumn(p.from);
    return {
      path: [],
      message: p.message,
      reason: p.kind === 'duplicate-key' ? 'FieldValueDuplicate' : 'FieldValueInvalid',
      severity: 'error',
      source: 'yaml',
      hint:
        p.kind === 'duplicate-key'
          ? 'Keep one of the two; the API server would see only the last.'
          : undefined,
      from: p.from,
      to: Math.max(p.to, p.from),
      line: at.line,
      column: at.column,
      exact: true,
    };
  });
}

function summary<T extends { issues: LocatedIssue[] }>(check: T): T & { errors: number; warnings: number } {
  const issues = [...check.issues].sort((a, b) => a.from - b.from);
  const errors = issues.filter((i) => i.severity === 'error').length;
  return { ...check, issues, errors, warnings: issues.length - errors };
}

/** Parses and checks the text of one object. `schema` may be undefined while it loads. */
export function checkEdit(text: string, schema: CrdSchema | undefined, expect: EditExpectations): EditCheck {
  const parsed = parseYamlDocument(text);
  return summary({
    value: parsed.value,
    index: parsed.index,
    issues: checkParsed(parsed, schema, expect),
  });
}

/** The kinds a text of several documents may create: KEDA's, and the Secrets they read. */
export type CreatableKind = KedaKind | 'Secret';

export interface CheckedDocument {
  /** 1-based, among the text's non-empty documents. */
  number: number;
  /** The parsed object; undefined when the document does not parse. */
  value: unknown;
  /** Positions in the whole text. */
  index: YamlPositionIndex;
  /** What the document creates, when it is a kind that can be created here. */
  kind?: CreatableKind;
}

export interface DocumentsCheck {
  documents: CheckedDocument[];
  issues: LocatedIssue[];
  errors: number;
  warnings: number;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * What the API server would refuse in a Secret. Messages name keys, never values: the values are
 * credentials.
 */
function secretIssues(value: Json, namespace: string | undefined): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const fail = (path: FieldPath, message: string, hint?: string) =>
    issues.push({ path, message, reason: 'FieldValueInvalid', severity: 'error', source: 'schema', hint });
  if (value.apiVersion !== 'v1') {
    fail(
      ['apiVersion'],
      value.apiVersion === undefined
        ? 'apiVersion: Required value'
        : `apiVersion: Unsupported value: ${JSON.stringify(value.apiVersion)}: supported values: "v1"`,
    );
  }
  const metadata = isRecord(value.metadata) ? value.metadata : undefined;
  if (!metadata?.name && !metadata?.generateName)
    fail(['metadata', 'name'], 'metadata.name: Required value', 'Give the new Secret a name.');
  if (!metadata?.namespace && !namespace)
    fail(
      ['metadata', 'namespace'],
      'metadata.namespace: Required value',
      'Say which namespace to create it in.',
    );
  for (const field of ['data', 'stringData'] as const) {
    const entries = value[field];
    if (entries === undefined || entries === null) continue;
    if (!isRecord(entries)) {
      fail([field], `${field}: must be a mapping of keys to values`);
      continue;
    }
    for (const [key, item] of Object.entries(entries)) {
      if (!SECRET_DATA_KEY.test(key)) {
        fail(
          [field, key],
          `${field}[${JSON.stringify(key)}]: a key must consist of alphanumeric characters, '-', '_' or '.'`,
        );
      } else if (typeof item !== 'string') {
        fail([field, key], `${field}[${key}]: must be a string`, 'Quote the value.');
      } else if (field === 'data' && !BASE64.test(item)) {
        fail(
          [field, key],
          `data[${key}]: must be base64-encoded`,
          'Write the plain value under stringData instead, or encode it (base64).',
        );
      }
    }
  }
  return issues;
}

/** Where a document's object will be: `Kind namespace/name`, for telling documents apart. */
function identity(value: Json, kind: CreatableKind, namespace: string | undefined): string | undefined {
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  if (typeof metadata.name !== 'string' || !metadata.name) return undefined;
  if (kind === 'ClusterTriggerAuthentication') return `${kind} ${metadata.name}`;
  const ns = typeof metadata.namespace === 'string' && metadata.namespace ? metadata.namespace : namespace;
  return `${kind} ${ns ?? ''}/${metadata.name}`;
}

/**
 * Parses and checks a text of one or more `---` documents to create: KEDA objects (CRD schema,
 * CEL and admission rules, as `checkEdit`) and Secrets. `namespace` is the one used by documents
 * that name none. Every problem is placed in the whole text.
 */
export function checkDocuments(
  text: string,
  schemaOf: (kind: KedaKind) => CrdSchema | undefined,
  namespace: string | undefined,
): DocumentsCheck {
  const parsed = parseYamlDocuments(text);
  const documents: CheckedDocument[] = [];
  const issues: LocatedIssue[] = [];
  const seen = new Map<string, number>();
  for (const doc of parsed) {
    const value = doc.value;
    const kind =
      isRecord(value) && (isKedaKind(value.kind) || value.kind === 'Secret') ? value.kind : undefined;
    documents.push({ number: doc.number, value, index: doc.index, kind });
    if (!isRecord(value) || !kind) {
      issues.push(...yamlProblems(doc));
      if (isRecord(value)) {
        const message =
          value.kind === undefined
            ? 'kind: Required value'
            : `kind ${JSON.stringify(value.kind)} cannot be created here: write ScaledObjects, ScaledJobs, TriggerAuthentications, ClusterTriggerAuthentications or Secrets`;
        issues.push(...locateIssues(doc.index, [documentIssue(['kind'], message)]));
      } else if (value !== undefined) {
        issues.push(
          ...locateIssues(doc.index, [documentIssue([], 'A document must be one YAML mapping (an object).')]),
        );
      }
      continue;
    }
    issues.push(
      ...(kind === 'Secret'
        ? [...yamlProblems(doc), ...locateIssues(doc.index, secretIssues(value, namespace))]
        : checkParsed(doc, schemaOf(kind), {
            kind,
            namespaced: kind !== 'ClusterTriggerAuthentication',
            mode: 'create',
            namespace,
          })),
    );
    const id = identity(value, kind, namespace);
    const earlier = id === undefined ? undefined : seen.get(id);
    if (id !== undefined && earlier !== undefined) {
      issues.push(
        ...locateIssues(doc.index, [
          documentIssue(['metadata', 'name'], `document ${earlier} already creates ${id}`),
        ]),
      );
    } else if (id !== undefined) seen.set(id, doc.number);
  }
  if (parsed.length === 0) {
    issues.push({
      ...documentIssue([], 'The text is empty: write one or more YAML objects.'),
      from: 0,
      to: 0,
      line: 1,
      column: 1,
      exact: true,
    });
  }
  return summary({ documents, issues });
}

function documentIssue(path: FieldPath, message: string): ValidationIssue {
  return { path, message, reason: 'FieldValueInvalid', severity: 'error', source: 'yaml' };
}

/**
 * Every check the YAML editor runs on each change, in one place: YAML syntax and duplicated keys,
 * the object's identity (apiVersion, kind, and the name and namespace that cannot change), the CRD
 * schema with its CEL rules, and KEDA's admission rules — each problem placed at its line and
 * column in the text.
 */
import { admissionIssues } from './admission-rules.js';
import { scalerSpec } from './scaler-catalog.js';
import type { CrdSchema, FieldPath, KedaKind } from './crd-schema.js';
import { validateAgainstSchema } from './schema-validate.js';
import type { ValidationIssue } from './validation-issue.js';
import { parseYamlDocument, type LineColumn, type YamlPositionIndex } from './yaml-positions.js';

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

/** Parses and checks the text of one object. `schema` may be undefined while it loads. */
export function checkEdit(text: string, schema: CrdSchema | undefined, expect: EditExpectations): EditCheck {
  const parsed = parseYamlDocument(text);
  const located: LocatedIssue[] = parsed.problems.map((p) => {
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
  const all = [...located, ...locateIssues(parsed.index, issues)].sort((a, b) => a.from - b.from);
  const errors = all.filter((i) => i.severity === 'error').length;
  return { value, index: parsed.index, issues: all, errors, warnings: all.length - errors };
}

/**
 * What an API error on a create/replace/patch means for the object being edited: its kind (schema
 * rejection, webhook denial, RBAC, conflict, network…) and the fields it names, so the editor can
 * mark lines. Reads 422 `details.causes[].field`, 400 strict-decoding `unknown field "spec.foo"`,
 * and the messages of KEDA's admission webhooks (REFERENCE §4), which name no field but whose
 * subject is clear (`triggerName "x" is defined multiple times` → that trigger's `name`).
 */
import type { Status } from '../kube/types.js';
import type { FieldPath } from './crd-schema.js';
import { parseFieldPath, resolveFieldPath } from './field-path.js';
import type { IssueReason, ValidationIssue } from './validation-issue.js';

export type WriteErrorKind =
  | 'invalid'
  | 'webhook'
  | 'forbidden'
  | 'conflict'
  | 'already-exists'
  | 'not-found'
  | 'bad-request'
  | 'network'
  | 'other';

export interface WriteErrorReport {
  kind: WriteErrorKind;
  code: number;
  /** The API's message, verbatim (redact before showing). */
  message: string;
  /** For webhook denials: the webhook's own words (after `denied the request: `). */
  denial?: string;
  /** For webhook denials: the webhook's name (`vscaledobject.kb.io`). */
  webhook?: string;
  /** Field-level problems, with paths matched against the edited object where possible. */
  issues: ValidationIssue[];
}

/** The parts of a KubeApiError this needs (kept structural so the core does not depend on the data layer). */
export interface ApiErrorLike {
  code: number;
  message: string;
  status?: Status;
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const KNOWN_REASONS: readonly IssueReason[] = [
  'FieldValueRequired',
  'FieldValueInvalid',
  'FieldValueNotSupported',
  'FieldValueTypeInvalid',
  'FieldValueDuplicate',
  'FieldValueForbidden',
  'FieldValueTooLong',
];

function issue(path: FieldPath, message: string, reason: IssueReason = 'FieldValueInvalid'): ValidationIssue {
  return { path, message, reason, severity: 'error', source: 'server' };
}

function pathIn(object: unknown, text: string): FieldPath {
  const resolved = resolveFieldPath(parseFieldPath(text), object);
  return [...resolved.path, ...resolved.rest];
}

/** A field path from an API message, joined back against the object where keys contain dots. */
export function fieldPathIn(object: unknown, text: string): FieldPath {
  return pathIn(object, text);
}

function triggers(object: unknown): Json[] {
  const spec = isRecord(object) && isRecord(object.spec) ? object.spec : {};
  return Array.isArray(spec.triggers) ? spec.triggers.map((t) => (isRecord(t) ? t : {})) : [];
}

function has(object: unknown, path: FieldPath): boolean {
  return resolveFieldPath(path, object).exact;
}

/** The field a KEDA webhook denial is about, when its text says. */
export function fieldOfDenial(denial: string, object: unknown): FieldPath | undefined {
  let m: RegExpExecArray | null;
  if ((m = /triggerName "(.+)" is defined multiple times/.exec(denial))) {
    const list = triggers(object);
    const indexes = list.flatMap((t, i) => (t.name === m![1] ? [i] : []));
    const i = indexes[1] ?? indexes[0];
    return i === undefined ? ['spec', 'triggers'] : ['spec', 'triggers', i, 'name'];
  }
  if ((m = /property "useCachedMetrics" is not supported for "(.+)" scaler/.exec(denial))) {
    const i = triggers(object).findIndex((t) => t.type === m![1] && t.useCachedMetrics === true);
    return i < 0 ? ['spec', 'triggers'] : ['spec', 'triggers', i, 'useCachedMetrics'];
  }
  if ((m = /the scaledobject has a (\S+) trigger but the container/.exec(denial))) {
    const i = triggers(object).findIndex((t) => t.type === m![1]);
    return i < 0 ? ['spec', 'triggers'] : ['spec', 'triggers', i];
  }
  if (/no triggers defined/.test(denial)) return ['spec', 'triggers'];
  if (/^MinReplicaCount=/.test(denial)) return ['spec', 'minReplicaCount'];
  if (/^IdleReplicaCount=/.test(denial)) return ['spec', 'idleReplicaCount'];
  if (/only cpu\/memory triggers AND minReplica is 0/.test(denial)) {
    return has(object, ['spec', 'minReplicaCount']) ? ['spec', 'minReplicaCount'] : ['spec', 'triggers'];
  }
  if (/^FailureThreshold=|for the fallback to be enabled/.test(denial)) return ['spec', 'fallback'];
  if (/scalingModifiers fallback behavior/.test(denial)) return ['spec', 'fallback', 'behavior'];
  const hpaConfigName = ['spec', 'advanced', 'horizontalPodAutoscalerConfig', 'name'];
  if (/^the workload '.*' of type '.*' is already managed by/.test(denial))
    return ['spec', 'scaleTargetRef', 'name'];
  if (/must be specified by name in advanced settings/.test(denial)) {
    return has(object, hpaConfigName) ? hpaConfigName : ['spec', 'advanced'];
  }
  if (/^the HPA '.*' is already managed by|^HPA name .* derived from scaledobject/.test(denial)) {
    return has(object, hpaConfigName) ? hpaConfigName : ['metadata', 'name'];
  }
  if (/^scaledobject name .* characters long/.test(denial)) return ['metadata', 'name'];
  if (/ScalingModifiers|scalingModifiers/.test(denial)) {
    const sm = ['spec', 'advanced', 'scalingModifiers'];
    if (/target/i.test(denial.split('\n')[0] ?? '') || /target is empty/.test(denial))
      return [...sm, 'target'];
    if (/Utilization/.test(denial)) return [...sm, 'metricType'];
    return [...sm, 'formula'];
  }
  if ((m = /^(identityId|identityTenantI[dD]|roleArn|externalID) of PodIdentity/.exec(denial))) {
    const field = m[1]!.startsWith('identityTenant') ? 'identityTenantId' : m[1]!;
    return ['spec', 'podIdentity', field];
  }
  if ((m = /^oauth2\.(\w+)/.exec(denial))) return ['spec', 'oauth2', m[1]!];
  // A dotted path the message quotes and the object has (`spec.foo.bar`).
  for (const candidate of denial.match(/\b(?:spec|metadata)(?:\.[A-Za-z0-9_-]+|\[\d+\])+/g) ?? []) {
    const path = pathIn(object, candidate);
    if (has(object, path)) return path;
  }
  return undefined;
}

/** Reads an error from a write of `object` (the edited object, for matching field paths). */
export function explainWriteError(error: ApiErrorLike, object: unknown): WriteErrorReport {
  const { code, message } = error;
  const status = error.status;
  const reason = status?.reason;
  const base = { code, message, issues: [] as ValidationIssue[] };

  if (code === 0) return { ...base, kind: 'network' };

  if (code === 422 || reason === 'Invalid') {
    const causes = status?.details?.causes ?? [];
    const issues = causes.map((cause) => {
      const field = cause.field ?? '';
      const path = field ? pathIn(object, field) : [];
      const text = field ? `${field}: ${cause.message ?? ''}` : (cause.message ?? message);
      const r = KNOWN_REASONS.includes(cause.reason as IssueReason)
        ? (cause.reason as IssueReason)
        : 'FieldValueInvalid';
      return issue(path, text, r);
    });
    if (issues.length === 0) {
      // `Kind.group "name" is invalid: spec.x: Invalid value: …`
      const m = /is invalid: ([^\s:]+): (.*)$/s.exec(message);
      issues.push(m ? issue(pathIn(object, m[1]!), `${m[1]}: ${m[2]}`) : issue([], message));
    }
    return { ...base, kind: 'invalid', issues };
  }

  if (code === 403 || reason === 'Forbidden') {
    const m = /admission webhook "([^"]+)" denied the request: (.*)$/s.exec(message);
    if (m) {
      const denial = m[2]!;
      const path = fieldOfDenial(denial, object);
      return {
        ...base,
        kind: 'webhook',
        webhook: m[1],
        denial,
        issues: path ? [{ ...issue(path, denial, 'FieldValueForbidden'), source: 'server' }] : [],
      };
    }
    return { ...base, kind: 'forbidden' };
  }

  if (code === 409) return { ...base, kind: reason === 'AlreadyExists' ? 'already-exists' : 'conflict' };
  if (code === 404) return { ...base, kind: 'not-found' };

  if (code === 400 || reason === 'BadRequest') {
    const issues: ValidationIssue[] = [];
    for (const m of message.matchAll(/(unknown|duplicate) field "([^"]+)"/g)) {
      const field = m[2]!;
      issues.push(
        issue(
          pathIn(object, field),
          `${m[1]} field "${field}"`,
          m[1] === 'unknown' ? 'FieldValueUnknown' : 'FieldValueDuplicate',
        ),
      );
    }
    return { ...base, kind: 'bad-request', issues };
  }

  return { ...base, kind: 'other' };
}

/** batch/v1 Job: defaults (generated selector and pod labels), validation and the job printer. */
import type { StatusCause } from '../../../../../components/src/core/kube/types.ts';
import { asNumber, deepEqual, getPath, isObject, type JsonObject } from '../../core/json.ts';
import { humanDuration } from '../../core/time.ts';
import { defineResource, nameColumn } from '../define.ts';
import { metaSchemas } from '../schemas.ts';
import { JOB_SCHEMA, jobSchemas } from '../schemas/batch.ts';
import type { KObject, ResourceDef } from '../types.ts';
import {
  ageColumn,
  column,
  containersColumn,
  defaultPodSpec,
  formatLabelSelector,
  imagesColumn,
  num,
  objects,
  podSpecCauses,
  selectorAt,
  text,
} from './common.ts';

const TEMPLATE_SPEC = ['spec', 'template', 'spec'];
export const JOB_CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';

function specOf(o: KObject): JsonObject {
  if (!isObject(o.spec)) o.spec = {};
  return o.spec as JsonObject;
}

function defaultJob(o: KObject): void {
  const spec = specOf(o);
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex === undefined ? 6 : 2147483647;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  if (spec.podFailurePolicy === undefined) spec.podReplacementPolicy ??= 'TerminatingOrFailed';
  defaultPodSpec(getPath(o, TEMPLATE_SPEC));
}

/** The selector and pod labels a Job gets unless spec.manualSelector is set. */
function generateSelector(o: KObject): void {
  const spec = specOf(o);
  if (spec.manualSelector === true) return;
  const uid = o.metadata.uid ?? '';
  const name = o.metadata.name ?? '';
  const template = isObject(spec.template) ? spec.template : (spec.template = {});
  const meta = isObject(template.metadata) ? template.metadata : (template.metadata = {});
  meta.labels = {
    ...(isObject(meta.labels) ? meta.labels : {}),
    [JOB_CONTROLLER_UID_LABEL]: uid,
    [JOB_NAME_LABEL]: name,
    'controller-uid': uid,
    'job-name': name,
  };
  if (spec.selector === undefined) spec.selector = { matchLabels: { [JOB_CONTROLLER_UID_LABEL]: uid } };
}

function validateJob(o: KObject): StatusCause[] {
  const causes = podSpecCauses(getPath(o, TEMPLATE_SPEC), 'spec.template.spec');
  const policy = text(o, 'spec', 'template', 'spec', 'restartPolicy');
  if (policy !== 'OnFailure' && policy !== 'Never') {
    causes.push({
      reason: 'FieldValueNotSupported',
      message: `Unsupported value: "${policy}": supported values: "OnFailure", "Never"`,
      field: 'spec.template.spec.restartPolicy',
    });
  }
  for (const field of ['parallelism', 'completions', 'backoffLimit']) {
    const value = asNumber(getPath(o, ['spec', field]));
    if (value !== undefined && value < 0) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${value}: must be greater than or equal to 0`,
        field: `spec.${field}`,
      });
    }
  }
  const selector = selectorAt(o, ['spec', 'selector']);
  const labels = getPath(o, ['spec', 'template', 'metadata', 'labels']);
  if (!selector || selector.empty) {
    causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.selector' });
  } else if (!selector.matches(isObject(labels) ? (labels as Record<string, string>) : {})) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: ${JSON.stringify(labels ?? {})}: \`selector\` does not match template \`labels\``,
      field: 'spec.template.metadata.labels',
    });
  }
  return causes;
}

function validateJobUpdate(o: KObject, previous: KObject): StatusCause[] {
  const causes: StatusCause[] = [];
  const immutable = (field: string): void => {
    if (!deepEqual(getPath(o, ['spec', field]), getPath(previous, ['spec', field]))) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: 'Invalid value: "object": field is immutable',
        field: `spec.${field}`,
      });
    }
  };
  immutable('selector');
  immutable('completionMode');
  // Suspended jobs may change scheduling directives; others keep their template.
  if (getPath(previous, ['spec', 'suspend']) !== true) immutable('template');
  return causes;
}

function hasCondition(o: KObject, type: string): boolean {
  const found = objects(getPath(o, ['status', 'conditions'])).find((c) => c.type === type);
  return found?.status === 'True';
}

function jobStatus(o: KObject): string {
  if (hasCondition(o, 'Complete')) return 'Complete';
  if (hasCondition(o, 'Failed')) return 'Failed';
  if (o.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(o, 'Suspended')) return 'Suspended';
  if (hasCondition(o, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function completions(o: KObject): string {
  const succeeded = num(o, 'status', 'succeeded');
  const wanted = asNumber(getPath(o, ['spec', 'completions']));
  if (wanted !== undefined) return `${succeeded}/${wanted}`;
  const parallelism = num(o, 'spec', 'parallelism');
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function duration(o: KObject, now: Date): string {
  const start = getPath(o, ['status', 'startTime']);
  if (typeof start !== 'string') return '';
  const end = getPath(o, ['status', 'completionTime']);
  const until = typeof end === 'string' ? Date.parse(end) : now.getTime();
  return humanDuration(until - Date.parse(start));
}

export const jobResource: ResourceDef = defineResource({
  group: 'batch',
  version: 'v1',
  plural: 'jobs',
  kind: 'Job',
  namespaced: true,
  categories: ['all'],
  subresources: ['status'],
  columns: [
    nameColumn,
    column('Status', 'string', 'Status of the job.', jobStatus),
    column('Completions', 'string', 'The number of pods which reached phase Succeeded.', completions),
    column('Duration', 'string', 'Time required to complete the job.', duration),
    ageColumn,
    containersColumn(TEMPLATE_SPEC),
    imagesColumn(TEMPLATE_SPEC),
    column(
      'Selector',
      'string',
      'A label query over pods that should match the pod count.',
      (o) => formatLabelSelector(selectorAt(o, ['spec', 'selector'])),
      1,
    ),
  ],
  fieldLabels: (o) => ({
    'metadata.name': o.metadata.name ?? '',
    'metadata.namespace': o.metadata.namespace ?? '',
    'status.successful': String(num(o, 'status', 'succeeded')),
  }),
  supportedFieldLabels: ['metadata.name', 'metadata.namespace', 'status.successful'],
  fieldLabelError: (label) => `field label "${label}" not supported for Job`,
  schemas: { kindSchema: JOB_SCHEMA, components: { ...metaSchemas, ...jobSchemas } },
  strategy: {
    prepareForCreate(o) {
      defaultJob(o);
      generateSelector(o);
      o.status = {};
    },
    prepareForUpdate(o) {
      defaultJob(o);
    },
    validate: validateJob,
    validateUpdate: validateJobUpdate,
  },
});

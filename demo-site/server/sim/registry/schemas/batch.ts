/** OpenAPI v3 component schemas of batch/v1 Job (compact, see ../schemas.ts). */
import type { JsonObject } from '../../core/json.ts';
import { arr, bool, CORE, int, listSchema, META, podSchemas, ref, str, time, topLevel } from '../schemas.ts';

const BATCH = 'io.k8s.api.batch.v1';
export const JOB_SCHEMA = `${BATCH}.Job`;

const open = (description: string): JsonObject => ({
  type: 'object',
  description,
  'x-kubernetes-preserve-unknown-fields': true,
});

export const jobSchemas: Readonly<Record<string, JsonObject>> = {
  [JOB_SCHEMA]: topLevel('Job represents the configuration of a single job.', 'Job', 'batch', 'v1', {
    spec: ref(`${BATCH}.JobSpec`, 'Specification of the desired behavior of a job.'),
    status: ref(`${BATCH}.JobStatus`, 'Current status of a job.'),
  }),
  [`${BATCH}.JobSpec`]: {
    type: 'object',
    description: 'JobSpec describes how the job execution will look like.',
    required: ['template'],
    properties: {
      parallelism: int(
        'Specifies the maximum desired number of pods the job should run at any given time. Defaults to 1.',
      ),
      completions: int(
        'Specifies the desired number of successfully finished pods the job should be run with. Setting to null means that the success of any pod signals the success of all pods, and allows parallelism to have any positive value.',
      ),
      activeDeadlineSeconds: {
        type: 'integer',
        format: 'int64',
        description:
          'Specifies the duration in seconds relative to the startTime that the job may be continuously active before the system tries to terminate it; value must be positive integer.',
      },
      podFailurePolicy: open('Specifies the policy of handling failed pods.'),
      successPolicy: open('successPolicy specifies the policy when the Job can be declared as succeeded.'),
      backoffLimit: int('Specifies the number of retries before marking this job failed. Defaults to 6'),
      backoffLimitPerIndex: int(
        'Specifies the limit for the number of retries within an index before marking this index as failed.',
      ),
      maxFailedIndexes: int(
        'Specifies the maximal number of failed indexes before marking the Job as failed, when backoffLimitPerIndex is set.',
      ),
      selector: ref(
        `${META}.LabelSelector`,
        'A label query over pods that should match the pod count. Normally, the system sets this field for you.',
      ),
      manualSelector: bool('manualSelector controls generation of pod labels and pod selectors.'),
      template: ref(
        `${CORE}.PodTemplateSpec`,
        'Describes the pod that will be created when executing a job. The only allowed template.spec.restartPolicy values are "Never" or "OnFailure".',
      ),
      ttlSecondsAfterFinished: int(
        'ttlSecondsAfterFinished limits the lifetime of a Job that has finished execution (either Complete or Failed).',
      ),
      completionMode: str(
        'completionMode specifies how Pod completions are tracked. It can be `NonIndexed` (default) or `Indexed`.',
      ),
      suspend: bool(
        'suspend specifies whether the Job controller should create Pods or not. Defaults to false.',
      ),
      podReplacementPolicy: str(
        'podReplacementPolicy specifies when to create replacement Pods. Possible values are: TerminatingOrFailed, Failed.',
      ),
      managedBy: str(
        "ManagedBy field indicates the controller that manages a Job. The k8s Job controller reconciles jobs which don't have this field at all or the field value is the reserved string `kubernetes.io/job-controller`.",
      ),
    },
  },
  [`${BATCH}.JobStatus`]: {
    type: 'object',
    description: 'JobStatus represents the current state of a Job.',
    properties: {
      conditions: arr(
        "The latest available observations of an object's current state.",
        ref(`${BATCH}.JobCondition`),
        {
          'x-kubernetes-list-type': 'atomic',
          'x-kubernetes-patch-merge-key': 'type',
          'x-kubernetes-patch-strategy': 'merge',
        },
      ),
      startTime: time(
        'Represents time when the job controller started processing a job. It is represented in RFC3339 form and is in UTC.',
      ),
      completionTime: time(
        'Represents time when the job was completed. It is not guaranteed to be set in happens-before order across separate operations.',
      ),
      active: int(
        'The number of pending and running pods which are not terminating (without a deletionTimestamp).',
      ),
      succeeded: int('The number of pods which reached phase Succeeded.'),
      failed: int('The number of pods which reached phase Failed.'),
      terminating: int(
        'The number of pods which are terminating (in phase Pending or Running and have a deletionTimestamp).',
      ),
      completedIndexes: str(
        'completedIndexes holds the completed indexes when .spec.completionMode = "Indexed" in a text format.',
      ),
      failedIndexes: str('FailedIndexes holds the failed indexes when spec.backoffLimitPerIndex is set.'),
      uncountedTerminatedPods: open(
        "uncountedTerminatedPods holds the UIDs of Pods that have terminated but the job controller hasn't yet accounted for in the status counters.",
      ),
      ready: int(
        'The number of active pods which have a Ready condition and are not terminating (without a deletionTimestamp).',
      ),
    },
  },
  [`${BATCH}.JobCondition`]: {
    type: 'object',
    description: 'JobCondition describes current state of a job.',
    required: ['type', 'status'],
    properties: {
      type: str('Type of job condition, Complete or Failed.'),
      status: str('Status of the condition, one of True, False, Unknown.'),
      lastProbeTime: time('Last time the condition was checked.'),
      lastTransitionTime: time('Last time the condition transit from one status to another.'),
      reason: str("(brief) reason for the condition's last transition."),
      message: str('Human readable message indicating details about last transition.'),
    },
  },
  [`${BATCH}.JobList`]: listSchema(JOB_SCHEMA, 'batch', 'v1', 'JobList', 'JobList is a collection of jobs.'),
  ...podSchemas,
};

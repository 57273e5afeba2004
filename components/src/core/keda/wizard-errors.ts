/**
 * Places an API error (a dry-run or a create) at the wizard step and field it is about: the 422
 * causes' field paths (`spec.triggers[0].metadata.value`, `spec.maxReplicaCount`,
 * `metadata.name`), the admission webhook's 403 messages (KEDA's texts), 409 AlreadyExists on the
 * object's name. The API's message is kept verbatim.
 */

import type { Status } from '../kube/types.js';
import type { WizardObjectRole } from './wizard-build.js';
import { paramFields } from './scaler-catalog.js';
import { newAuthParameters, type WizardState, type WizardStep } from './wizard-state.js';

/** The parts of a KubeApiError this module reads. */
export interface ApiErrorLike {
  code: number;
  message: string;
  status?: Status;
}

/** Where an API message belongs. */
export interface LocatedProblem {
  step: WizardStep;
  /** The field id (as in `WizardIssue.field`), when the message is about one field. */
  field?: string;
  message: string;
}

const SCALING_FIELDS = new Set([
  'pollingInterval',
  'cooldownPeriod',
  'initialCooldownPeriod',
  'idleReplicaCount',
  'minReplicaCount',
  'maxReplicaCount',
  'successfulJobsHistoryLimit',
  'failedJobsHistoryLimit',
]);

/** The trigger field a metadata key belongs to (a `<key>FromEnv` maps back to `<key>`). */
function metadataField(state: WizardState, index: number, key: string | undefined): string | undefined {
  const trigger = state.triggers[index];
  if (!trigger) return undefined;
  if (!key) return `trigger.${trigger.id}.type`;
  const field = paramFields(trigger.type).find((f) => f.name === key || f.fromEnvKey === key);
  if (field) return `trigger.${trigger.id}.param.${field.name}`;
  const extra = trigger.extra.findIndex((e) => e.key.trim() === key);
  return extra >= 0 ? `trigger.${trigger.id}.extra.${extra}` : `trigger.${trigger.id}.type`;
}

/** A field path of a ScaledObject/ScaledJob → step and field. */
function scaledField(state: WizardState, path: string): Omit<LocatedProblem, 'message'> {
  if (path === 'metadata.name') return { step: 'target', field: 'name' };
  if (path.startsWith('metadata.namespace')) return { step: 'target', field: 'namespace' };
  if (path.startsWith('metadata')) return { step: 'target', field: 'name' };
  const scaleTarget = /^spec\.scaleTargetRef(?:\.(\w+))?/.exec(path);
  if (scaleTarget) {
    const sub = scaleTarget[1];
    return {
      step: 'target',
      field:
        sub === 'apiVersion' || sub === 'kind' || sub === 'envSourceContainerName'
          ? `target.${sub}`
          : 'target.name',
    };
  }
  if (path.startsWith('spec.jobTargetRef'))
    return { step: 'target', field: state.job.mode === 'paste' ? 'job.pasted' : 'job.image' };
  const top = /^spec\.(\w+)/.exec(path)?.[1];
  if (top && SCALING_FIELDS.has(top)) return { step: 'scaling', field: `scaling.${top}` };
  if (top === 'scalingStrategy') return { step: 'scaling', field: 'scaling.scalingStrategy' };
  if (top === 'envSourceContainerName') return { step: 'target', field: 'target.envSourceContainerName' };
  const trigger = /^spec\.triggers(?:\[(\d+)\](?:\.(\w+)(?:\.([^.[\]]+))?)?)?/.exec(path);
  if (trigger) {
    const index = trigger[1] === undefined ? undefined : Number(trigger[1]);
    if (index === undefined) return { step: 'triggers', field: 'triggers' };
    const t = state.triggers[index];
    const part = trigger[2];
    if (part === 'authenticationRef') return { step: 'auth', field: t ? `trigger.${t.id}.auth` : undefined };
    if (part === 'metadata') return { step: 'triggers', field: metadataField(state, index, trigger[3]) };
    if (t && (part === 'name' || part === 'metricType' || part === 'useCachedMetrics'))
      return { step: 'triggers', field: `trigger.${t.id}.${part}` };
    return { step: 'triggers', field: t ? `trigger.${t.id}.type` : 'triggers' };
  }
  if (top === 'fallback') {
    const sub = /^spec\.fallback\.(\w+)/.exec(path)?.[1];
    const field =
      sub === 'failureThreshold'
        ? 'advanced.failureThreshold'
        : sub === 'replicas'
          ? 'advanced.fallbackReplicas'
          : sub === 'behavior'
            ? 'advanced.fallbackBehavior'
            : 'advanced.fallbackEnabled';
    return { step: 'advanced', field };
  }
  if (path.startsWith('spec.advanced.scalingModifiers')) {
    const sub = /scalingModifiers\.(\w+)/.exec(path)?.[1];
    const field =
      sub === 'target'
        ? 'advanced.modifiersTarget'
        : sub === 'activationTarget'
          ? 'advanced.activationTarget'
          : sub === 'metricType'
            ? 'advanced.modifiersMetricType'
            : 'advanced.formula';
    return { step: 'advanced', field };
  }
  if (path.startsWith('spec.advanced.horizontalPodAutoscalerConfig.name'))
    return { step: 'advanced', field: 'advanced.hpaName' };
  if (path.startsWith('spec.advanced.horizontalPodAutoscalerConfig'))
    return { step: 'advanced', field: 'advanced.behaviorPreset' };
  if (path.startsWith('spec.advanced'))
    return { step: 'advanced', field: 'advanced.restoreToOriginalReplicaCount' };
  // The CEL rule on `spec` is the min/max one.
  return { step: 'scaling', field: 'scaling.minReplicaCount' };
}

/** A field path of the TriggerAuthentication → its field. */
function authField(state: WizardState, path: string): string {
  if (path.startsWith('metadata')) return 'auth.name';
  const ref = /^spec\.secretTargetRef\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (ref) {
    const parameter = newAuthParameters(state)[Number(ref[1])];
    if (ref[2] === 'name') return 'auth.secretName';
    return parameter ? `auth.key.${parameter}` : 'auth.secretName';
  }
  if (path.startsWith('spec.podIdentity')) return 'auth.podIdentity';
  return 'auth.name';
}

/** A field path of the Secret → its field. */
function secretField(state: WizardState, path: string): string {
  const key = /^(?:stringData|data)\[?\.?([^\]]+)\]?/.exec(path)?.[1];
  if (key) {
    const parameter = newAuthParameters(state).find((p) => (state.auth.keys[p]?.trim() || p) === key);
    if (parameter) return `auth.key.${parameter}`;
  }
  return 'auth.secretName';
}

/** KEDA webhook (and other cause-less) messages → step and field, by their fixed texts. */
function fromMessage(
  state: WizardState,
  role: WizardObjectRole,
  message: string,
): Omit<LocatedProblem, 'message'> {
  if (role === 'secret') return { step: 'auth', field: 'auth.secretName' };
  if (role === 'triggerAuthentication')
    return /PodIdentity|identityId|identityTenant|roleArn|externalID/.test(message)
      ? { step: 'auth', field: 'auth.podIdentity' }
      : { step: 'auth', field: 'auth.name' };
  if (/IdleReplicaCount=/.test(message)) return { step: 'scaling', field: 'scaling.idleReplicaCount' };
  if (/MinReplicaCount=|minReplicaCount must be|minReplica is 0/.test(message))
    return { step: 'scaling', field: 'scaling.minReplicaCount' };
  const named = /triggerName "([^"]*)"/.exec(message)?.[1];
  if (named !== undefined) {
    const dupes = state.triggers.filter((t) => t.name.trim() === named);
    const t = dupes[dupes.length - 1];
    return { step: 'triggers', field: t ? `trigger.${t.id}.name` : 'triggers' };
  }
  if (/useCachedMetrics/.test(message)) {
    const t = state.triggers.find((x) => x.useCachedMetrics);
    return { step: 'triggers', field: t ? `trigger.${t.id}.useCachedMetrics` : 'triggers' };
  }
  if (/no triggers defined/.test(message)) return { step: 'triggers', field: 'triggers' };
  if (/has a (cpu|memory) trigger/.test(message)) {
    const type = /has a (cpu|memory) trigger/.exec(message)?.[1];
    const t = state.triggers.find((x) => x.type === type);
    return { step: 'triggers', field: t ? `trigger.${t.id}.type` : 'triggers' };
  }
  if (/the HPA '.*' is already managed|existing hpa/.test(message))
    return { step: 'advanced', field: 'advanced.hpaName' };
  if (/is already managed by/.test(message)) return { step: 'target', field: 'target.name' };
  if (/HPA name .* derived from scaledobject|scaledobject name/.test(message))
    return { step: 'target', field: 'name' };
  if (/scalingModifiers fallback behavior/.test(message))
    return { step: 'advanced', field: 'advanced.fallbackBehavior' };
  if (/FailureThreshold=|for the fallback to be enabled/.test(message))
    return {
      step: 'advanced',
      field: /FailureThreshold/.test(message) ? 'advanced.failureThreshold' : 'advanced.fallbackEnabled',
    };
  if (/ScalingModifiers|scalingModifiers/.test(message))
    return {
      step: 'advanced',
      field:
        /target/.test(message) && !/formula/.test(message) ? 'advanced.modifiersTarget' : 'advanced.formula',
    };
  return { step: 'review' };
}

/**
 * Where each message of an API error belongs. 422 errors give one problem per cause (its field
 * path placed); others one problem with the whole message.
 */
export function locateApiError(
  state: WizardState,
  role: WizardObjectRole,
  error: ApiErrorLike,
): LocatedProblem[] {
  const nameField =
    role === 'secret' ? 'auth.secretName' : role === 'triggerAuthentication' ? 'auth.name' : 'name';
  const nameStep: WizardStep = role === 'secret' || role === 'triggerAuthentication' ? 'auth' : 'target';
  if (
    error.code === 409 &&
    (error.status?.reason === 'AlreadyExists' || /already exists/.test(error.message))
  )
    return [{ step: nameStep, field: nameField, message: error.message }];
  if (error.code === 403 && /cannot create resource|is forbidden: User/.test(error.message))
    return [{ step: 'review', message: error.message }];
  const causes = error.status?.details?.causes?.filter((c) => c.field || c.message) ?? [];
  if (error.code === 422 && causes.length) {
    return causes.map((cause) => {
      const path = (cause.field ?? '').replace(/^\.?/, '');
      const message = cause.field
        ? `${cause.field}: ${cause.message ?? ''}`
        : (cause.message ?? error.message);
      if (!path) return { ...fromMessage(state, role, error.message), message };
      if (role === 'secret') return { step: 'auth', field: secretField(state, path), message };
      if (role === 'triggerAuthentication') return { step: 'auth', field: authField(state, path), message };
      return { ...scaledField(state, path), message };
    });
  }
  return [{ ...fromMessage(state, role, error.message), message: error.message }];
}

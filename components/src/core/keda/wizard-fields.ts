/**
 * Where a field of the objects the wizard builds is edited in the wizard: a field path of the
 * ScaledObject / ScaledJob, the TriggerAuthentication or the Secret (`spec.triggers[0].metadata.value`,
 * `spec.maxReplicaCount`, `spec.secretTargetRef[0].key`) → the step and the wizard field id. One
 * mapping for the wizard's own checks (KEDA's admission rules run on the built objects) and for the
 * API server's answers (422 causes, webhook denials).
 */

import type { FieldPath } from './crd-schema.js';
import { formatFieldPath } from './field-path.js';
import { paramFields } from './scaler-catalog.js';
import type { WizardObjectRole } from './wizard-build.js';
import { newAuthParameters, type WizardState, type WizardStep } from './wizard-state.js';

/** A step and, when one field is meant, its id (as in `WizardIssue.field`). */
export interface WizardPlace {
  step: WizardStep;
  field?: string;
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
function scaledField(state: WizardState, path: string): WizardPlace {
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
  // KEDA's "existing hpa … must be specified by name in advanced settings" names only `spec.advanced`.
  if (path === 'spec.advanced') return { step: 'advanced', field: 'advanced.hpaName' };
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

/** The step and field where the wizard edits `path` of the object of `role`. */
export function wizardFieldOf(
  state: WizardState,
  role: WizardObjectRole,
  path: FieldPath | string,
): WizardPlace {
  const text = (typeof path === 'string' ? path : formatFieldPath(path)).replace(/^\./, '');
  if (role === 'secret') return { step: 'auth', field: secretField(state, text) };
  if (role === 'triggerAuthentication') return { step: 'auth', field: authField(state, text) };
  return scaledField(state, text);
}

/** Where the name of the object of `role` is typed. */
export function nameFieldOf(role: WizardObjectRole): Required<WizardPlace> {
  if (role === 'secret') return { step: 'auth', field: 'auth.secretName' };
  if (role === 'triggerAuthentication') return { step: 'auth', field: 'auth.name' };
  return { step: 'target', field: 'name' };
}

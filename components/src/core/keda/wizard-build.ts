/**
 * The objects the create wizard sends, built from its state: an optional Secret, an optional
 * TriggerAuthentication over it, and the ScaledObject or ScaledJob, in creation order. Unset
 * fields are left out so KEDA's defaults apply (0 is kept: it is a value). Trigger metadata values
 * are always strings, as the CRD requires. Without `secretValues` every Secret value is masked, so
 * the same objects can be shown safely.
 */

import { load } from 'js-yaml';
import type { HorizontalPodAutoscalerBehavior } from '../kube/autoscaling.js';
import {
  ScaledJobResource,
  ScaledObjectResource,
  SecretResource,
  TriggerAuthenticationResource,
  type ResourceType,
} from '../kube/resource.js';
import type { KubeObject } from '../kube/types.js';
import { behaviorPreset } from '../scaling/behavior-presets.js';
import { MASK, maskSecretsInText } from './mask.js';
import { isCredentialParam, paramFields } from './scaler-catalog.js';
import type { ScaledJob, ScaledObject, ScaleTriggers, TriggerAuthentication } from './types.js';
import { newAuthParameters, type SecretValues, type TriggerDraft, type WizardState } from './wizard-state.js';

/** A core/v1 Secret as the wizard sends it. */
export interface SecretObject extends KubeObject {
  type?: string;
  stringData?: Record<string, string>;
}

export type WizardObjectRole = 'secret' | 'triggerAuthentication' | 'scaledObject' | 'scaledJob';

export interface WizardObject {
  role: WizardObjectRole;
  type: ResourceType;
  object: KubeObject;
}

export interface WizardObjects {
  /** In creation order: Secret, TriggerAuthentication, then the ScaledObject or ScaledJob. */
  objects: WizardObject[];
  secret?: SecretObject;
  triggerAuthentication?: TriggerAuthentication;
  scaledObject?: ScaledObject;
  scaledJob?: ScaledJob;
}

/** A whole number typed in a field; `undefined` when empty or not a whole number. */
export function wholeNumber(text: string): number | undefined {
  const t = text.trim();
  return /^-?\d+$/.test(t) ? Number(t) : undefined;
}

/** Lines of a textarea, trimmed, without empty ones. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** A pasted batch/v1 JobSpec (or a whole Job, whose `spec` is taken), as YAML or JSON. */
export function parseJobSpec(
  text: string,
): { ok: true; spec: Record<string, unknown> } | { ok: false; error: string } {
  let parsed: unknown;
  try {
    parsed = load(text);
  } catch (err) {
    return {
      ok: false,
      error: err instanceof Error ? (err.message.split('\n')[0] ?? err.message) : String(err),
    };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { ok: false, error: 'a JobSpec is a mapping with a `template` (or a whole Job with a `spec`)' };
  const record = parsed as Record<string, unknown>;
  const spec = record.kind === 'Job' && typeof record.spec === 'object' && record.spec ? record.spec : record;
  return { ok: true, spec: spec as Record<string, unknown> };
}

function jobTargetRef(state: WizardState): Record<string, unknown> {
  const job = state.job;
  if (job.mode === 'paste') {
    const parsed = parseJobSpec(job.pasted);
    return parsed.ok ? parsed.spec : {};
  }
  const container: Record<string, unknown> = { name: job.containerName.trim(), image: job.image.trim() };
  const command = lines(job.command);
  const args = lines(job.args);
  if (command.length) container.command = command;
  if (args.length) container.args = args;
  const env = job.env.filter((e) => e.name.trim()).map((e) => ({ name: e.name.trim(), value: e.value }));
  if (env.length) container.env = env;
  const spec: Record<string, unknown> = {
    template: { spec: { containers: [container], restartPolicy: job.restartPolicy } },
  };
  const backoff = wholeNumber(job.backoffLimit);
  if (backoff !== undefined) spec.backoffLimit = backoff;
  return spec;
}

/** The metadata map of a trigger: values typed, `<key>FromEnv` names, extra keys; all strings. */
export function triggerMetadata(trigger: TriggerDraft): Record<string, string> {
  const metadata: Record<string, string> = {};
  const fields = paramFields(trigger.type);
  const known = new Set(fields.map((f) => f.name));
  for (const field of fields) {
    const draft = trigger.params[field.name];
    if (!draft) continue;
    const value = draft.value.trim();
    if (!value) continue;
    if (draft.source === 'value') metadata[field.name] = value;
    else if (draft.source === 'env' && field.fromEnvKey) metadata[field.fromEnvKey] = value;
  }
  for (const [name, draft] of Object.entries(trigger.params)) {
    if (!known.has(name) && draft.source === 'value' && draft.value.trim())
      metadata[name] = draft.value.trim();
  }
  for (const e of trigger.extra) {
    const key = e.key.trim();
    if (key) metadata[key] = String(e.value);
  }
  return metadata;
}

function buildTrigger(state: WizardState, trigger: TriggerDraft): ScaleTriggers {
  const out: ScaleTriggers = { type: trigger.type, metadata: triggerMetadata(trigger) };
  if (trigger.name.trim()) out.name = trigger.name.trim();
  if (trigger.metricType) out.metricType = trigger.metricType;
  if (trigger.useCachedMetrics) out.useCachedMetrics = true;
  const auth = trigger.auth;
  if (auth.mode === 'existing' && auth.name.trim()) {
    out.authenticationRef =
      auth.kind === 'ClusterTriggerAuthentication'
        ? { name: auth.name.trim(), kind: 'ClusterTriggerAuthentication' }
        : { name: auth.name.trim() };
  } else if (auth.mode === 'new') {
    out.authenticationRef = { name: state.auth.name.trim() };
  }
  return out;
}

/** Copies the set whole-number fields, in order. */
function numbers<K extends string>(
  from: Readonly<Record<K, string>>,
  keys: readonly K[],
): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const key of keys) {
    const n = wholeNumber(from[key]);
    if (n !== undefined) out[key] = n;
  }
  return out;
}

/** The HPA behaviour the advanced step chose, if any. */
export function chosenBehavior(state: WizardState): HorizontalPodAutoscalerBehavior | undefined {
  return behaviorPreset(state.advanced.behaviorPreset)?.behavior;
}

function buildScaledObject(state: WizardState): ScaledObject {
  const t = state.target;
  const scaleTargetRef: ScaledObject['spec']['scaleTargetRef'] = { name: t.name.trim() };
  if (t.apiVersion.trim()) scaleTargetRef.apiVersion = t.apiVersion.trim();
  if (t.kind.trim()) scaleTargetRef.kind = t.kind.trim();
  if (t.envSourceContainerName.trim())
    scaleTargetRef.envSourceContainerName = t.envSourceContainerName.trim();
  const spec: ScaledObject['spec'] = {
    scaleTargetRef,
    ...numbers(state.scaling, [
      'pollingInterval',
      'cooldownPeriod',
      'initialCooldownPeriod',
      'idleReplicaCount',
      'minReplicaCount',
      'maxReplicaCount',
    ]),
    triggers: [],
  };
  const a = state.advanced;
  if (a.fallbackEnabled) {
    spec.fallback = {
      failureThreshold: wholeNumber(a.failureThreshold) ?? 0,
      replicas: wholeNumber(a.fallbackReplicas) ?? 0,
    };
    if (a.fallbackBehavior) spec.fallback.behavior = a.fallbackBehavior;
  }
  const advanced: NonNullable<ScaledObject['spec']['advanced']> = {};
  if (a.restoreToOriginalReplicaCount) advanced.restoreToOriginalReplicaCount = true;
  const behavior = chosenBehavior(state);
  if (a.hpaName.trim() || behavior) {
    advanced.horizontalPodAutoscalerConfig = {};
    if (a.hpaName.trim()) advanced.horizontalPodAutoscalerConfig.name = a.hpaName.trim();
    if (behavior)
      advanced.horizontalPodAutoscalerConfig.behavior = structuredClone(behavior) as Record<string, unknown>;
  }
  if (a.modifiersEnabled) {
    const sm: NonNullable<typeof advanced.scalingModifiers> = {};
    if (a.formula.trim()) sm.formula = a.formula.trim();
    if (a.modifiersTarget.trim()) sm.target = a.modifiersTarget.trim();
    if (a.activationTarget.trim()) sm.activationTarget = a.activationTarget.trim();
    if (a.modifiersMetricType) sm.metricType = a.modifiersMetricType;
    advanced.scalingModifiers = sm;
  }
  if (Object.keys(advanced).length) spec.advanced = advanced;
  spec.triggers = state.triggers.map((tr) => buildTrigger(state, tr));
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name: state.name.trim(), namespace: state.namespace },
    spec,
  };
}

function buildScaledJob(state: WizardState): ScaledJob {
  const s = state.scaling;
  const spec: ScaledJob['spec'] = {
    jobTargetRef: jobTargetRef(state),
    ...numbers(s, [
      'pollingInterval',
      'successfulJobsHistoryLimit',
      'failedJobsHistoryLimit',
      'minReplicaCount',
      'maxReplicaCount',
    ]),
    triggers: [],
  };
  if (state.target.envSourceContainerName.trim())
    spec.envSourceContainerName = state.target.envSourceContainerName.trim();
  if (s.scalingStrategy || s.multipleScalersCalculation) {
    spec.scalingStrategy = {};
    if (s.scalingStrategy) spec.scalingStrategy.strategy = s.scalingStrategy;
    if (s.multipleScalersCalculation)
      spec.scalingStrategy.multipleScalersCalculation = s.multipleScalersCalculation;
  }
  spec.triggers = state.triggers.map((tr) => buildTrigger(state, tr));
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledJob',
    metadata: { name: state.name.trim(), namespace: state.namespace },
    spec,
  };
}

/** Whether the wizard creates a TriggerAuthentication (some trigger uses the new one). */
export function createsTriggerAuthentication(state: WizardState): boolean {
  return state.triggers.some((t) => t.auth.mode === 'new');
}

/** Whether the wizard creates a Secret (the new TriggerAuthentication maps parameters to a new Secret). */
export function createsSecret(state: WizardState): boolean {
  return (
    createsTriggerAuthentication(state) &&
    state.auth.secretMode === 'new' &&
    newAuthParameters(state).length > 0
  );
}

/** The Secret key a parameter of the new TriggerAuthentication reads (its own name unless renamed). */
export function secretKeyOf(state: WizardState, parameter: string): string {
  return state.auth.keys[parameter]?.trim() || parameter;
}

/**
 * Every object to create, in order. Without `secretValues` the Secret's values are `****` (for
 * display); with them, they are the values to send.
 */
export function buildWizardObjects(state: WizardState, secretValues?: SecretValues): WizardObjects {
  const out: WizardObjects = { objects: [] };
  const parameters = newAuthParameters(state);
  const secretName = state.auth.secretName.trim();
  if (createsSecret(state)) {
    const stringData: Record<string, string> = {};
    for (const p of parameters)
      stringData[secretKeyOf(state, p)] = secretValues ? (secretValues[p] ?? '') : MASK;
    out.secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: secretName, namespace: state.namespace },
      type: 'Opaque',
      stringData,
    };
    out.objects.push({ role: 'secret', type: SecretResource, object: out.secret });
  }
  if (createsTriggerAuthentication(state)) {
    const spec: TriggerAuthentication['spec'] = {};
    if (parameters.length) {
      spec.secretTargetRef = parameters.map((parameter) => ({
        parameter,
        name: secretName,
        key: secretKeyOf(state, parameter),
      }));
    }
    const a = state.auth;
    if (a.podIdentity) {
      spec.podIdentity = { provider: a.podIdentity };
      if (a.podIdentity === 'azure-workload' && a.identityId.trim())
        spec.podIdentity.identityId = a.identityId.trim();
      if ((a.podIdentity === 'aws' || a.podIdentity === 'aws-eks') && a.roleArn.trim())
        spec.podIdentity.roleArn = a.roleArn.trim();
    }
    out.triggerAuthentication = {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'TriggerAuthentication',
      metadata: { name: a.name.trim(), namespace: state.namespace },
      spec,
    };
    out.objects.push({
      role: 'triggerAuthentication',
      type: TriggerAuthenticationResource,
      object: out.triggerAuthentication,
    });
  }
  if (state.kind === 'ScaledObject') {
    out.scaledObject = buildScaledObject(state);
    out.objects.push({ role: 'scaledObject', type: ScaledObjectResource, object: out.scaledObject });
  } else {
    out.scaledJob = buildScaledJob(state);
    out.objects.push({ role: 'scaledJob', type: ScaledJobResource, object: out.scaledJob });
  }
  return out;
}

/**
 * An object as the review shows it: credentials typed into trigger metadata (which validation
 * refuses, so they are never sent) masked as every other view masks them.
 */
export function maskTriggerCredentials(object: KubeObject): KubeObject {
  const spec = (object as { spec?: { triggers?: ScaleTriggers[] } }).spec;
  if (!spec?.triggers) return object;
  const triggers = spec.triggers.map((t) => ({
    ...t,
    metadata: Object.fromEntries(
      Object.entries(t.metadata).map(([key, value]) => [
        key,
        isCredentialParam(t.type, key) && value ? MASK : maskSecretsInText(value),
      ]),
    ),
  }));
  return { ...object, spec: { ...spec, triggers } } as KubeObject;
}

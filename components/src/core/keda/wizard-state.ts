/**
 * What the create wizard holds while a person fills it in. Every input is kept as the text typed
 * (`''` = not set, so KEDA's default applies; `'0'` is a value), so going back and forth never
 * loses or reformats anything. Secret values are NOT part of this state: they live only in the
 * password inputs and are handed to the builder at submit time.
 */

import type { BehaviorPresetId } from '../scaling/behavior-presets.js';
import { paramFields, type ParamSource } from './scaler-catalog.js';

export type WizardKind = 'ScaledObject' | 'ScaledJob';

export type WizardStep = 'target' | 'scaling' | 'triggers' | 'auth' | 'advanced' | 'review';

export const WIZARD_STEPS: readonly WizardStep[] = [
  'target',
  'scaling',
  'triggers',
  'auth',
  'advanced',
  'review',
];

export const WIZARD_STEP_TITLES: Readonly<Record<WizardStep, string>> = {
  target: 'Target',
  scaling: 'Scaling',
  triggers: 'Triggers',
  auth: 'Authentication',
  advanced: 'Advanced',
  review: 'Review',
};

/** What a ScaledObject scales. */
export interface TargetDraft {
  /** `list`: picked from the watched workloads; `manual`: any resource with /scale typed in. */
  mode: 'list' | 'manual';
  apiVersion: string;
  kind: string;
  name: string;
  envSourceContainerName: string;
}

/** The Job a ScaledJob starts. */
export interface JobTemplateDraft {
  /** `form`: one container from the fields; `paste`: a whole batch/v1 JobSpec as YAML or JSON. */
  mode: 'form' | 'paste';
  containerName: string;
  image: string;
  /** One item per line. */
  command: string;
  /** One item per line. */
  args: string;
  env: Array<{ name: string; value: string }>;
  restartPolicy: 'Never' | 'OnFailure';
  backoffLimit: string;
  pasted: string;
}

export interface ScalingDraft {
  minReplicaCount: string;
  maxReplicaCount: string;
  idleReplicaCount: string;
  pollingInterval: string;
  cooldownPeriod: string;
  initialCooldownPeriod: string;
  successfulJobsHistoryLimit: string;
  failedJobsHistoryLimit: string;
  scalingStrategy: '' | 'default' | 'custom' | 'accurate' | 'eager';
  multipleScalersCalculation: '' | 'max' | 'min' | 'avg' | 'sum';
}

/** One parameter of a trigger: a metadata value, a TriggerAuthentication parameter, or an env var name. */
export interface ParamDraft {
  source: ParamSource;
  /** The metadata value (source `value`) or the env var name (source `env`); unused for `auth`. */
  value: string;
  /**
   * For source `auth`: whether the TriggerAuthentication provides it (required parameters always
   * are). Optional TriggerAuthentication-only parameters start off.
   */
  enabled: boolean;
}

export type AuthKind = 'TriggerAuthentication' | 'ClusterTriggerAuthentication';

/** How a trigger authenticates. */
export interface TriggerAuthDraft {
  /** `new`: the TriggerAuthentication this wizard creates. */
  mode: 'none' | 'existing' | 'new';
  kind: AuthKind;
  name: string;
}

export interface TriggerDraft {
  /** Stable identity for the UI and field ids (not sent). */
  id: string;
  type: string;
  name: string;
  metricType: '' | 'AverageValue' | 'Value' | 'Utilization';
  useCachedMetrics: boolean;
  params: Record<string, ParamDraft>;
  /** Other metadata keys (for external scalers and keys the catalog does not list). */
  extra: Array<{ key: string; value: string }>;
  auth: TriggerAuthDraft;
}

/** The TriggerAuthentication (and Secret) the wizard may create. */
export interface NewAuthDraft {
  name: string;
  secretMode: 'new' | 'existing';
  secretName: string;
  /** TriggerAuthentication parameter → Secret key. */
  keys: Record<string, string>;
  podIdentity: '' | 'azure-workload' | 'gcp' | 'aws' | 'aws-eks';
  identityId: string;
  roleArn: string;
}

export interface AdvancedDraft {
  fallbackEnabled: boolean;
  failureThreshold: string;
  fallbackReplicas: string;
  fallbackBehavior:
    | ''
    | 'static'
    | 'currentReplicas'
    | 'currentReplicasIfHigher'
    | 'currentReplicasIfLower'
    | 'scalingModifiers';
  behaviorPreset: '' | BehaviorPresetId;
  modifiersEnabled: boolean;
  formula: string;
  modifiersTarget: string;
  activationTarget: string;
  modifiersMetricType: '' | 'AverageValue' | 'Value';
  restoreToOriginalReplicaCount: boolean;
  hpaName: string;
}

export interface WizardState {
  kind: WizardKind;
  namespace: string;
  name: string;
  target: TargetDraft;
  job: JobTemplateDraft;
  scaling: ScalingDraft;
  triggers: TriggerDraft[];
  auth: NewAuthDraft;
  advanced: AdvancedDraft;
}

/** Secret values typed in the wizard, by TriggerAuthentication parameter. Never rendered. */
export type SecretValues = Readonly<Record<string, string>>;

/** A fresh wizard. */
export function initialWizardState(namespace = 'default', kind: WizardKind = 'ScaledObject'): WizardState {
  return {
    kind,
    namespace,
    name: '',
    target: { mode: 'list', apiVersion: 'apps/v1', kind: 'Deployment', name: '', envSourceContainerName: '' },
    job: {
      mode: 'form',
      containerName: 'worker',
      image: '',
      command: '',
      args: '',
      env: [],
      restartPolicy: 'Never',
      backoffLimit: '',
      pasted: '',
    },
    scaling: {
      minReplicaCount: '',
      maxReplicaCount: '',
      idleReplicaCount: '',
      pollingInterval: '',
      cooldownPeriod: '',
      initialCooldownPeriod: '',
      successfulJobsHistoryLimit: '',
      failedJobsHistoryLimit: '',
      scalingStrategy: '',
      multipleScalersCalculation: '',
    },
    triggers: [],
    auth: {
      name: '',
      secretMode: 'new',
      secretName: '',
      keys: {},
      podIdentity: '',
      identityId: '',
      roleArn: '',
    },
    advanced: {
      fallbackEnabled: false,
      failureThreshold: '3',
      fallbackReplicas: '',
      fallbackBehavior: '',
      behaviorPreset: '',
      modifiersEnabled: false,
      formula: '',
      modifiersTarget: '',
      activationTarget: '',
      modifiersMetricType: '',
      restoreToOriginalReplicaCount: false,
      hpaName: '',
    },
  };
}

let nextTriggerId = 0;

/**
 * A new trigger of `type`: every parameter starts empty (KEDA's default applies) on its preferred
 * source; credentials start on the TriggerAuthentication; cpu/memory start with `Utilization`.
 */
export function newTriggerDraft(type: string, id = `t${++nextTriggerId}`): TriggerDraft {
  const params: Record<string, ParamDraft> = {};
  const fields = paramFields(type);
  for (const field of fields) {
    const source = field.sources[0];
    if (source) params[field.name] = { source, value: '', enabled: !!field.required };
  }
  const needsAuth = fields.some((f) => f.required && params[f.name]?.source === 'auth');
  return {
    id,
    type,
    name: '',
    metricType: type === 'cpu' || type === 'memory' ? 'Utilization' : '',
    useCachedMetrics: false,
    params,
    extra: [],
    auth: { mode: needsAuth ? 'new' : 'none', kind: 'TriggerAuthentication', name: '' },
  };
}

/** Parameters a trigger takes from its TriggerAuthentication: required ones and those switched on. */
export function authParameters(trigger: TriggerDraft): string[] {
  const required = new Set(
    paramFields(trigger.type)
      .filter((f) => f.required)
      .map((f) => f.name),
  );
  return Object.entries(trigger.params)
    .filter(([name, p]) => p.source === 'auth' && (p.enabled || required.has(name)))
    .map(([name]) => name);
}

/** Parameters the new TriggerAuthentication maps (of every trigger that uses it), in first-seen order. */
export function newAuthParameters(state: WizardState): string[] {
  const out: string[] = [];
  for (const t of state.triggers) {
    if (t.auth.mode !== 'new') continue;
    for (const p of authParameters(t)) if (!out.includes(p)) out.push(p);
  }
  return out;
}

import type { Condition } from '../kube/types.js';
import { selectedStrategy } from '../scaling/scaled-job.js';
import { scaledJobPaused } from './annotations.js';
import {
  failedJobsHistoryLimit,
  multipleScalersCalculation,
  pollingInterval,
  rolloutStrategy,
  scaledJobJobCapacity,
  scaledJobMaxReplicaCount,
  scaledJobMinReplicaCount,
  scalingStrategy,
  successfulJobsHistoryLimit,
  triggerMetricType,
  type Effective,
} from './defaults.js';
import { kedaHpaMetricSpecs } from './hpa-metric-specs.js';
import { maskMetadata } from './mask.js';
import { annotatedScaledJobState } from './scaled-job-table.js';
import type { Setting, TriggerDetails } from './scaled-object-details.js';
import { jobTemplate, type JobTemplateDetails } from './scaled-job-details-template.js';
import type { ScaledObjectState } from './state.js';
import type { ScaledJob } from './types.js';

export type { JobTemplateDetails } from './scaled-job-details-template.js';

/** The scaling strategy as KEDA applies it, each parameter with its default marked. */
export interface ScalingStrategyDetails {
  /** As written (or `default`). */
  declared: Effective<string>;
  /** What KEDA runs: `custom` falls back to `default` when the running-job percentage does not parse. */
  effective: 'default' | 'custom' | 'accurate' | 'eager';
  /** Why the declared strategy is not the effective one. */
  fallbackReason: string | undefined;
  /** How the strategy computes the Jobs to create, in words. */
  formula: string;
  parameters: Setting[];
}

export interface ScaledJobDetailsModel {
  name: string;
  namespace: string;
  generation: number | undefined;
  state: ScaledObjectState;
  /** Conditions as KEDA wrote them (reason and message verbatim). */
  conditions: Condition[];
  /** `autoscaling.keda.sh/paused` (KEDA's bool parsing: any non-bool text counts as true). */
  paused: boolean;
  /** The annotation's text when present (to show what was written). */
  pausedAnnotation: string | undefined;
  /** `status.Paused` as KEDA reported it (a string). */
  statusPaused: string | undefined;
  lastActiveTime: string | undefined;
  settings: Setting[];
  strategy: ScalingStrategyDetails;
  rollout: { strategy: Effective<string>; propagationPolicy: Effective<string>; deprecatedField: boolean };
  envSourceContainerName: string | undefined;
  template: JobTemplateDetails;
  triggers: TriggerDetails[];
  /** Why KEDA cannot build the trigger metrics, when it cannot. */
  metricsProblem: string | undefined;
}

const shown = (e: Effective<number>, unit = '') => ({ value: `${e.value}${unit}`, isDefault: e.isDefault });

const FORMULAS: Record<ScalingStrategyDetails['effective'], string> = {
  default: 'Jobs to create = queue length ÷ target − running Jobs, at most max replicas.',
  custom:
    'Jobs to create = min(queue length ÷ target − deduction − ⌊running Jobs × running-job percentage⌋, max replicas).',
  accurate:
    'If queue ÷ target + running − pending exceeds max replicas: max − running; else queue ÷ target − pending (pending Jobs are assumed to take messages).',
  eager: 'Fills the free capacity: min(max − running − pending, queue length ÷ target) Jobs.',
};

function strategyDetails(sj: ScaledJob): ScalingStrategyDetails {
  const spec = sj.spec ?? { jobTargetRef: {}, triggers: [] };
  const s = spec.scalingStrategy;
  const declared = scalingStrategy(spec);
  const effective = selectedStrategy(spec);
  const parameters: Setting[] = [];
  if (declared.value === 'custom') {
    const deduction = s?.customScalingQueueLengthDeduction;
    parameters.push({
      label: 'Queue length deduction',
      value: String(deduction ?? 0),
      isDefault: deduction === undefined || deduction === null,
      help: 'Subtracted from the queue length (scalingStrategy.customScalingQueueLengthDeduction)',
    });
    const percentage = s?.customScalingRunningJobPercentage;
    parameters.push({
      label: 'Running-job percentage',
      value: percentage === undefined || percentage === null ? 'not set' : percentage,
      isDefault: false,
      help: 'Share of running Jobs counted against the queue (scalingStrategy.customScalingRunningJobPercentage)',
    });
  }
  const pending = s?.pendingPodConditions;
  parameters.push({
    label: 'Pending pod conditions',
    value: pending && pending.length > 0 ? pending.join(', ') : 'none: a Job is pending until a pod runs',
    isDefault: !pending || pending.length === 0,
    help: 'Pod conditions that must all be True before a Job stops counting as pending (scalingStrategy.pendingPodConditions)',
  });
  const calc = multipleScalersCalculation(spec);
  parameters.push({
    label: 'Several triggers',
    value: calc.value,
    isDefault: calc.isDefault,
    help: 'How the queue lengths of several triggers combine (scalingStrategy.multipleScalersCalculation)',
  });
  return {
    declared,
    effective,
    fallbackReason:
      declared.value === 'custom' && effective === 'default'
        ? 'customScalingRunningJobPercentage is missing or not a number, so KEDA uses the default strategy.'
        : undefined,
    formula: FORMULAS[effective],
    parameters,
  };
}

function triggerDetails(sj: ScaledJob): { triggers: TriggerDetails[]; problem: string | undefined } {
  const spec = sj.spec ?? { jobTargetRef: {}, triggers: [] };
  const status = sj.status ?? {};
  const specs = kedaHpaMetricSpecs({ name: sj.metadata.name ?? '', spec: { triggers: spec.triggers ?? [] } });
  const perTrigger = specs.ok ? specs.triggers : [];
  const activity = status.triggersActivity ?? {};
  const triggers = (spec.triggers ?? []).map((trigger, index): TriggerDetails => {
    const params = perTrigger.find((p) => p.index === index);
    const metricName = params?.metricNames[0] ?? status.externalMetricNames?.[index];
    return {
      index,
      type: trigger.type,
      name: trigger.name,
      metricName,
      metricType: triggerMetricType(trigger),
      target: params
        ? { value: params.target, key: params.targetKey, isDefault: params.targetIsDefault }
        : undefined,
      activation: params
        ? {
            value: params.activationThreshold,
            key: params.activationKey,
            isDefault: params.activationIsDefault,
          }
        : undefined,
      authenticationRef: trigger.authenticationRef
        ? {
            kind: trigger.authenticationRef.kind ?? 'TriggerAuthentication',
            name: trigger.authenticationRef.name,
          }
        : undefined,
      active: metricName !== undefined ? activity[metricName]?.isActive : undefined,
      health: undefined,
      metadata: Object.entries(maskMetadata(trigger.metadata, trigger.type)).sort(([a], [b]) =>
        a.localeCompare(b),
      ),
      problem: !specs.ok && specs.triggerIndex === index ? specs.error : undefined,
    };
  });
  return { triggers, problem: specs.ok ? undefined : specs.error };
}

/** Everything the ScaledJob details view shows from the object alone (owned Jobs come separately). */
export function scaledJobDetails(sj: ScaledJob): ScaledJobDetailsModel {
  const spec = sj.spec ?? { jobTargetRef: {}, triggers: [] };
  const annotations = sj.metadata.annotations;
  const min = scaledJobMinReplicaCount(spec);
  const max = scaledJobMaxReplicaCount(spec);
  const capacity = scaledJobJobCapacity(spec);
  const settings: Setting[] = [
    {
      label: 'Polling interval',
      ...shown(pollingInterval(spec), ' s'),
      help: 'How often KEDA checks the triggers and creates Jobs (spec.pollingInterval)',
    },
    {
      label: 'Min replicas',
      ...shown(min),
      help: 'Jobs kept even with nothing to do (spec.minReplicaCount)',
    },
    { label: 'Max replicas', ...shown(max), help: 'spec.maxReplicaCount' },
    {
      label: 'Job capacity',
      ...shown(capacity),
      help: 'Jobs the strategies may have running: max − min when max is set, else 100 (KEDA MaxReplicaCount())',
    },
    {
      label: 'Successful history',
      ...shown(successfulJobsHistoryLimit(spec)),
      help: 'Finished Jobs kept (spec.successfulJobsHistoryLimit)',
    },
    {
      label: 'Failed history',
      ...shown(failedJobsHistoryLimit(spec)),
      help: 'Failed Jobs kept (spec.failedJobsHistoryLimit)',
    },
  ];
  const propagation = spec.rollout?.propagationPolicy;
  const { triggers, problem } = triggerDetails(sj);
  return {
    name: sj.metadata.name ?? '',
    namespace: sj.metadata.namespace ?? '',
    generation: sj.metadata.generation,
    state: annotatedScaledJobState(sj),
    conditions: sj.status?.conditions ?? [],
    paused: scaledJobPaused(annotations),
    pausedAnnotation: annotations?.['autoscaling.keda.sh/paused'],
    statusPaused: sj.status?.Paused,
    lastActiveTime: sj.status?.lastActiveTime,
    settings,
    strategy: strategyDetails(sj),
    rollout: {
      strategy: rolloutStrategy(spec),
      propagationPolicy: propagation
        ? { value: propagation, isDefault: false }
        : { value: 'background', isDefault: true },
      deprecatedField: !!spec.rolloutStrategy,
    },
    envSourceContainerName: spec.envSourceContainerName,
    template: jobTemplate(spec.jobTargetRef),
    triggers,
    metricsProblem: problem,
  };
}

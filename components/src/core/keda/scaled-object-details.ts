import type { Condition } from '../kube/types.js';
import { scaledObjectCooldown, type CooldownState } from '../scaling/cooldown.js';
import { scaledObjectPauseState, type ScaledObjectPauseState } from './annotations.js';
import {
  cooldownPeriod,
  fallbackBehavior,
  hpaName,
  initialCooldownPeriod,
  maxReplicaCount,
  minReplicaCount,
  pollingInterval,
  scaleTargetApiVersion,
  scaleTargetKind,
  scalingModifiersMetricType,
  triggerMetricType,
  type Effective,
} from './defaults.js';
import { kedaHpaMetricSpecs } from './hpa-metric-specs.js';
import { maskMetadata } from './mask.js';
import { annotatedScaledObjectState, type ScaledObjectState } from './state.js';
import type { ScaledObject } from './types.js';

/** One setting as the details view shows it: the value in effect and whether it is KEDA's default. */
export interface Setting {
  label: string;
  value: string;
  isDefault: boolean;
  /** What the setting does, for a tooltip. */
  help: string;
}

export interface TriggerDetails {
  index: number;
  type: string;
  name: string | undefined;
  /** The external metric name KEDA serves (`s0-rabbitmq-orders`), or the resource name for cpu/memory. */
  metricName: string | undefined;
  metricType: Effective<string>;
  target: { value: number; key: string | undefined; isDefault: boolean } | undefined;
  activation: { value: number; key: string | undefined; isDefault: boolean } | undefined;
  authenticationRef: { kind: string; name: string } | undefined;
  /** From status.triggersActivity; undefined when KEDA has not reported it. */
  active: boolean | undefined;
  /** From status.health (only when fallback is configured). */
  health: { status: string; failures: number } | undefined;
  /** Trigger metadata with credentials masked. */
  metadata: Array<[string, string]>;
  /** Why KEDA could not build this trigger's metric, if it could not. */
  problem: string | undefined;
}

export interface ScaledObjectDetailsModel {
  name: string;
  namespace: string;
  state: ScaledObjectState;
  /** Conditions as KEDA wrote them (reason and message verbatim). */
  conditions: Condition[];
  /** Which KEDA condition shapes these are, when it can be told. */
  kedaShape: '2.20.2+' | '2.20.0-2.20.1 or older' | 'not reconciled';
  settings: Setting[];
  scaleTarget: { apiVersion: string; kind: string; name: string; kindIsDefault: boolean };
  hpaName: Effective<string>;
  /** Where the cooldown stands now: from lastActiveTime, or from creation (initialCooldownPeriod) if never active. */
  cooldown: CooldownState;
  /** spec.cooldownPeriod in effect: what applies after the next activity even while `cooldown` is the initial one. */
  cooldownPeriod: Effective<number>;
  pause: ScaledObjectPauseState;
  triggers: TriggerDetails[];
  fallback: { failureThreshold: number; replicas: number; behavior: Effective<string> } | undefined;
  scalingModifiers:
    | { formula: string; target: string; activationTarget: string | undefined; metricType: Effective<string> }
    | undefined;
  /** spec.advanced.horizontalPodAutoscalerConfig.behavior, as written. */
  hpaBehavior: Record<string, unknown> | undefined;
  restoreToOriginalReplicaCount: boolean;
  /** Problem that stops KEDA from generating the HPA metrics (duplicate names, bad targets…). */
  metricsProblem: string | undefined;
}

const shown = (e: Effective<number>, unit = '') => ({ value: `${e.value}${unit}`, isDefault: e.isDefault });

/** Everything the ScaledObject details view shows, computed from the object alone. */
export function scaledObjectDetails(so: ScaledObject, now: number): ScaledObjectDetailsModel {
  const spec = so.spec ?? { scaleTargetRef: { name: '' }, triggers: [] };
  const status = so.status ?? {};
  const name = so.metadata.name ?? '';
  const conditions = status.conditions ?? [];
  const specs = kedaHpaMetricSpecs({
    name,
    spec: { triggers: spec.triggers ?? [], advanced: spec.advanced },
  });
  const perTrigger = specs.ok ? specs.triggers : [];
  const min = minReplicaCount(spec);
  const max = maxReplicaCount(spec);
  const settings: Setting[] = [
    {
      label: 'Polling interval',
      ...shown(pollingInterval(spec), ' s'),
      help: 'How often KEDA checks the triggers (spec.pollingInterval)',
    },
    {
      label: 'Cooldown period',
      ...shown(cooldownPeriod(spec), ' s'),
      help: 'How long after the last activity KEDA waits before scaling to 0 (spec.cooldownPeriod)',
    },
    {
      label: 'Initial cooldown',
      ...shown(initialCooldownPeriod(spec), ' s'),
      help: 'Grace period after creation before the first scale to 0 (spec.initialCooldownPeriod)',
    },
    { label: 'Min replicas', ...shown(min), help: 'spec.minReplicaCount' },
    { label: 'Max replicas', ...shown(max), help: 'spec.maxReplicaCount' },
  ];
  if (spec.idleReplicaCount !== undefined) {
    settings.push({
      label: 'Idle replicas',
      value: String(spec.idleReplicaCount),
      isDefault: false,
      help: 'Replicas while no trigger is active (spec.idleReplicaCount)',
    });
  }
  const activity = status.triggersActivity ?? {};
  const health = status.health ?? {};
  const triggers: TriggerDetails[] = (spec.triggers ?? []).map((trigger, index) => {
    const params = perTrigger.find((p) => p.index === index);
    const metricName = params?.metricNames[0] ?? status.externalMetricNames?.[index];
    const h = metricName ? health[metricName] : undefined;
    return {
      index,
      type: trigger.type,
      name: trigger.name,
      metricName: params?.sourceType === 'External' ? metricName : params ? trigger.type : metricName,
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
      health: h ? { status: h.status ?? 'Unknown', failures: h.numberOfFailures ?? 0 } : undefined,
      metadata: Object.entries(maskMetadata(trigger.metadata, trigger.type)).sort(([a], [b]) =>
        a.localeCompare(b),
      ),
      problem: !specs.ok && specs.triggerIndex === index ? specs.error : undefined,
    };
  });
  const behavior = fallbackBehavior(spec);
  const modifiers = spec.advanced?.scalingModifiers;
  const hasHpaActive = conditions.some((c) => c.type === 'HPAActive');
  return {
    name,
    namespace: so.metadata.namespace ?? '',
    state: annotatedScaledObjectState(so, now),
    conditions,
    kedaShape:
      conditions.length === 0 ? 'not reconciled' : hasHpaActive ? '2.20.2+' : '2.20.0-2.20.1 or older',
    settings,
    scaleTarget: {
      apiVersion: scaleTargetApiVersion(spec).value,
      kind: scaleTargetKind(spec).value,
      kindIsDefault: scaleTargetKind(spec).isDefault,
      name: spec.scaleTargetRef?.name ?? '',
    },
    hpaName: status.hpaName ? { value: status.hpaName, isDefault: false } : hpaName(name, spec),
    cooldown: scaledObjectCooldown(so, now),
    cooldownPeriod: cooldownPeriod(spec),
    pause: scaledObjectPauseState(so.metadata.annotations),
    triggers,
    fallback:
      spec.fallback && behavior
        ? { failureThreshold: spec.fallback.failureThreshold, replicas: spec.fallback.replicas, behavior }
        : undefined,
    scalingModifiers: modifiers?.formula
      ? {
          formula: modifiers.formula,
          target: modifiers.target ?? '',
          activationTarget: modifiers.activationTarget,
          metricType: scalingModifiersMetricType(spec),
        }
      : undefined,
    hpaBehavior: spec.advanced?.horizontalPodAutoscalerConfig?.behavior,
    restoreToOriginalReplicaCount: spec.advanced?.restoreToOriginalReplicaCount === true,
    metricsProblem: specs.ok ? undefined : specs.error,
  };
}

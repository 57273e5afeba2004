/**
 * KEDA's defaults, applied by the operator (never by the CRD), as functions that return the value
 * in effect and whether it came from the default, so views can print `300 s (default)`.
 *
 * Sources: kedacore/keda `apis/keda/v1alpha1/{scaledobject,scaledjob,withtriggers}_types.go`,
 * `pkg/scaling/executor/{scale_executor,scale_jobs}.go`, `controllers/keda/hpa.go`.
 * A value of 0 is a value, not "unset": only `undefined`/`null` fall back to the default.
 */

/** A setting's effective value and whether KEDA's default supplied it. */
export interface Effective<T> {
  value: T;
  isDefault: boolean;
}

/** KEDA's default values. */
export const KEDA_DEFAULTS = {
  pollingInterval: 30,
  cooldownPeriod: 300,
  initialCooldownPeriod: 0,
  minReplicaCount: 0,
  maxReplicaCount: 100,
  hpaMinReplicas: 1,
  hpaMaxReplicas: 100,
  scaledJobMinReplicaCount: 0,
  scaledJobMaxReplicaCount: 100,
  successfulJobsHistoryLimit: 100,
  failedJobsHistoryLimit: 100,
  fallbackBehavior: 'static',
  scaleTargetApiVersion: 'apps/v1',
  scaleTargetKind: 'Deployment',
  scalingStrategy: 'default',
  multipleScalersCalculation: 'max',
  rolloutStrategy: 'immediate',
  triggerMetricType: 'AverageValue',
  scalingModifiersMetricType: 'AverageValue',
  hpaNamePrefix: 'keda-hpa-',
} as const;

type Maybe<T> = T | null | undefined;

function pick<T>(value: Maybe<T>, fallback: T): Effective<T> {
  return value === undefined || value === null
    ? { value: fallback, isDefault: true }
    : { value, isDefault: false };
}

/** The ScaledObject spec fields the defaults read (structural, so partial specs work). */
export interface ScaledObjectDefaultsInput {
  pollingInterval?: Maybe<number>;
  cooldownPeriod?: Maybe<number>;
  initialCooldownPeriod?: Maybe<number>;
  idleReplicaCount?: Maybe<number>;
  minReplicaCount?: Maybe<number>;
  maxReplicaCount?: Maybe<number>;
  scaleTargetRef?: { apiVersion?: Maybe<string>; kind?: Maybe<string> } | null;
  fallback?: { behavior?: Maybe<string> } | null;
  advanced?: {
    horizontalPodAutoscalerConfig?: { name?: Maybe<string> } | null;
    scalingModifiers?: { metricType?: Maybe<string> } | null;
  } | null;
}

/** `pollingInterval` in seconds (default 30). */
export function pollingInterval(spec: { pollingInterval?: Maybe<number> }): Effective<number> {
  return pick(spec.pollingInterval, KEDA_DEFAULTS.pollingInterval);
}

/** `cooldownPeriod` in seconds (default 300). */
export function cooldownPeriod(spec: ScaledObjectDefaultsInput): Effective<number> {
  return pick(spec.cooldownPeriod, KEDA_DEFAULTS.cooldownPeriod);
}

/** `initialCooldownPeriod` in seconds (default 0). */
export function initialCooldownPeriod(spec: ScaledObjectDefaultsInput): Effective<number> {
  return pick(spec.initialCooldownPeriod, KEDA_DEFAULTS.initialCooldownPeriod);
}

/** ScaledObject `minReplicaCount` (default 0). */
export function minReplicaCount(spec: ScaledObjectDefaultsInput): Effective<number> {
  return pick(spec.minReplicaCount, KEDA_DEFAULTS.minReplicaCount);
}

/** ScaledObject `maxReplicaCount` (default 100). */
export function maxReplicaCount(spec: ScaledObjectDefaultsInput): Effective<number> {
  return pick(spec.maxReplicaCount, KEDA_DEFAULTS.maxReplicaCount);
}

/** `idleReplicaCount`: no default; `undefined` means idle mode is off. */
export function idleReplicaCount(spec: ScaledObjectDefaultsInput): number | undefined {
  return spec.idleReplicaCount ?? undefined;
}

/**
 * The HPA's `spec.minReplicas` (`GetHPAMinReplicas`): `minReplicaCount` when it is above 0, else 1
 * (reported as the default, since KEDA substitutes it).
 */
export function hpaMinReplicas(spec: ScaledObjectDefaultsInput): Effective<number> {
  const min = spec.minReplicaCount;
  if (min !== undefined && min !== null && min > 0) return { value: min, isDefault: false };
  return { value: KEDA_DEFAULTS.hpaMinReplicas, isDefault: true };
}

/** The HPA's `spec.maxReplicas` (`GetHPAMaxReplicas`): `maxReplicaCount`, default 100. */
export function hpaMaxReplicas(spec: ScaledObjectDefaultsInput): Effective<number> {
  return pick(spec.maxReplicaCount, KEDA_DEFAULTS.hpaMaxReplicas);
}

/** The HPA's name: `advanced.horizontalPodAutoscalerConfig.name` or `keda-hpa-<so name>`. */
export function hpaName(soName: string, spec: ScaledObjectDefaultsInput): Effective<string> {
  const custom = spec.advanced?.horizontalPodAutoscalerConfig?.name;
  if (custom) return { value: custom, isDefault: false };
  return { value: `${KEDA_DEFAULTS.hpaNamePrefix}${soName}`, isDefault: true };
}

/** `scaleTargetRef.apiVersion` (default `apps/v1`; an empty string also means the default). */
export function scaleTargetApiVersion(spec: ScaledObjectDefaultsInput): Effective<string> {
  const v = spec.scaleTargetRef?.apiVersion;
  return v ? { value: v, isDefault: false } : { value: KEDA_DEFAULTS.scaleTargetApiVersion, isDefault: true };
}

/** `scaleTargetRef.kind` (default `Deployment`; an empty string also means the default). */
export function scaleTargetKind(spec: ScaledObjectDefaultsInput): Effective<string> {
  const v = spec.scaleTargetRef?.kind;
  return v ? { value: v, isDefault: false } : { value: KEDA_DEFAULTS.scaleTargetKind, isDefault: true };
}

/** `fallback.behavior` (default `static`); `undefined` value when no fallback is configured. */
export function fallbackBehavior(spec: ScaledObjectDefaultsInput): Effective<string> | undefined {
  if (!spec.fallback) return undefined;
  const v = spec.fallback.behavior;
  return v ? { value: v, isDefault: false } : { value: KEDA_DEFAULTS.fallbackBehavior, isDefault: true };
}

/** `advanced.scalingModifiers.metricType` (default `AverageValue`). */
export function scalingModifiersMetricType(spec: ScaledObjectDefaultsInput): Effective<string> {
  const v = spec.advanced?.scalingModifiers?.metricType;
  return v
    ? { value: v, isDefault: false }
    : { value: KEDA_DEFAULTS.scalingModifiersMetricType, isDefault: true };
}

/** A trigger's `metricType` for external scalers (empty means `AverageValue`). */
export function triggerMetricType(trigger: { metricType?: Maybe<string> }): Effective<string> {
  const v = trigger.metricType;
  return v ? { value: v, isDefault: false } : { value: KEDA_DEFAULTS.triggerMetricType, isDefault: true };
}

/** The ScaledJob spec fields the defaults read. */
export interface ScaledJobDefaultsInput {
  pollingInterval?: Maybe<number>;
  minReplicaCount?: Maybe<number>;
  maxReplicaCount?: Maybe<number>;
  successfulJobsHistoryLimit?: Maybe<number>;
  failedJobsHistoryLimit?: Maybe<number>;
  rolloutStrategy?: Maybe<string>;
  rollout?: { strategy?: Maybe<string> } | null;
  scalingStrategy?: { strategy?: Maybe<string>; multipleScalersCalculation?: Maybe<string> } | null;
}

/**
 * ScaledJob `MinReplicaCount()`: the declared minimum (default 0), capped at `maxReplicaCount`
 * when min > max.
 */
export function scaledJobMinReplicaCount(spec: ScaledJobDefaultsInput): Effective<number> {
  const min = spec.minReplicaCount;
  if (min === undefined || min === null)
    return { value: KEDA_DEFAULTS.scaledJobMinReplicaCount, isDefault: true };
  const max = spec.maxReplicaCount;
  if (max !== undefined && max !== null && min > max) return { value: max, isDefault: false };
  return { value: min, isDefault: false };
}

/** ScaledJob `maxReplicaCount` as declared (default 100). */
export function scaledJobMaxReplicaCount(spec: ScaledJobDefaultsInput): Effective<number> {
  return pick(spec.maxReplicaCount, KEDA_DEFAULTS.scaledJobMaxReplicaCount);
}

/**
 * ScaledJob `MaxReplicaCount()` as the scaling code uses it: `max - min` when `maxReplicaCount` is
 * set (just `max` when min > max), 100 when unset (the min is NOT subtracted then).
 */
export function scaledJobJobCapacity(spec: ScaledJobDefaultsInput): Effective<number> {
  const max = spec.maxReplicaCount;
  if (max === undefined || max === null)
    return { value: KEDA_DEFAULTS.scaledJobMaxReplicaCount, isDefault: true };
  const min = spec.minReplicaCount;
  if (min !== undefined && min !== null && min > max) return { value: max, isDefault: false };
  return { value: max - scaledJobMinReplicaCount(spec).value, isDefault: false };
}

/** `successfulJobsHistoryLimit` (default 100). */
export function successfulJobsHistoryLimit(spec: ScaledJobDefaultsInput): Effective<number> {
  return pick(spec.successfulJobsHistoryLimit, KEDA_DEFAULTS.successfulJobsHistoryLimit);
}

/** `failedJobsHistoryLimit` (default 100). */
export function failedJobsHistoryLimit(spec: ScaledJobDefaultsInput): Effective<number> {
  return pick(spec.failedJobsHistoryLimit, KEDA_DEFAULTS.failedJobsHistoryLimit);
}

/** `scalingStrategy.strategy` (empty means `default`). */
export function scalingStrategy(spec: ScaledJobDefaultsInput): Effective<string> {
  const v = spec.scalingStrategy?.strategy;
  return v ? { value: v, isDefault: false } : { value: KEDA_DEFAULTS.scalingStrategy, isDefault: true };
}

/** `scalingStrategy.multipleScalersCalculation` (empty means `max`). */
export function multipleScalersCalculation(spec: ScaledJobDefaultsInput): Effective<string> {
  const v = spec.scalingStrategy?.multipleScalersCalculation;
  return v
    ? { value: v, isDefault: false }
    : { value: KEDA_DEFAULTS.multipleScalersCalculation, isDefault: true };
}

/**
 * Rollout strategy: the deprecated `rolloutStrategy` when non-empty (it wins, as in the ScaledJob
 * controller), else `rollout.strategy`, else `immediate` (anything but `gradual` deletes old Jobs).
 */
export function rolloutStrategy(spec: ScaledJobDefaultsInput): Effective<string> {
  const v = spec.rolloutStrategy || spec.rollout?.strategy;
  return v ? { value: v, isDefault: false } : { value: KEDA_DEFAULTS.rolloutStrategy, isDefault: true };
}

/** Formats an effective duration for a view: `300 s (default)`, `0 s`. */
export function describeSeconds(setting: Effective<number>): string {
  return `${setting.value} s${setting.isDefault ? ' (default)' : ''}`;
}

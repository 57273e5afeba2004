/**
 * KEDA's ScaledObject decisions, as pure functions of (spec, annotations, status, observations, now):
 *
 * - {@link reconcileScaledObject}: what the ScaledObject controller does on a reconcile (pause /
 *   paused-replicas / paused-scale-in/out, Ready, Fallback default, events, whether the HPA exists);
 *   kedacore/keda `controllers/keda/scaledobject_controller.go`.
 * - {@link scaleLoopStep}: one poll of the scale loop (trigger activity, fallback, scalingModifiers,
 *   activation to max(min,1), deactivation to 0/idle after cooldown, Active/Ready/HPAActive,
 *   `KEDAScaleTargetActivated`/`Deactivated` events, lastActiveTime); `pkg/scaling/scale_handler.go`
 *   getScaledObjectState/checkScalers and `pkg/scaling/executor/scale_scaledobjects.go` RequestScale.
 *
 * Three operator versions are modelled: `2.19` (no HPA health), `2.20.1` (HPA health folded into
 * Ready after a 1-minute grace period) and `2.20.2` (= main: separate HPAActive condition).
 */

import type { Condition } from '../kube/types.js';
import { scaledObjectPauseState, type ScaledObjectPauseState } from '../keda/annotations.js';
import {
  getKedaCondition,
  initializedConditions,
  conditionsInitialized,
  KEDA_CONDITIONS as K,
  setKedaCondition,
} from '../keda/condition-list.js';
import {
  cooldownPeriod,
  initialCooldownPeriod,
  scaleTargetApiVersion,
  scaleTargetKind,
} from '../keda/defaults.js';
import { COMPOSITE_METRIC_NAME } from '../keda/metric-names.js';
import { cooldownState, truncateToSeconds, type CooldownState } from './cooldown.js';
import {
  fallbackCondition,
  hasValidFallback,
  isFallbackEnabled,
  readMetricWithFallback,
  type FallbackMetricTarget,
  type HealthMap,
} from './fallback.js';
import { kedaMetricQuantity, milliQuantity, quantityToNumber, quantityToString } from '../kube/quantity.js';
import {
  compositeIsActive,
  evaluateComposite,
  goParseFloat,
  validateScalingModifiers,
  type CompositeResult,
} from './modifiers.js';

/** The KEDA operator version whose behaviour is reproduced. */
export type KedaVersion = '2.19' | '2.20.1' | '2.20.2';

/** A Kubernetes event KEDA records. */
export interface KedaEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** events.k8s.io `action` (2.20+; KEDA passes the reason, or the message for controller events). */
  action?: string;
}

/** The ScaledObject spec fields these functions read. */
export interface LoopScaledObjectSpec {
  scaleTargetRef: { name: string; apiVersion?: string; kind?: string };
  pollingInterval?: number;
  cooldownPeriod?: number;
  initialCooldownPeriod?: number;
  idleReplicaCount?: number;
  minReplicaCount?: number;
  maxReplicaCount?: number;
  fallback?: { failureThreshold: number; replicas: number; behavior?: string } | null;
  advanced?: {
    scalingModifiers?: {
      formula?: string;
      target?: string;
      activationTarget?: string;
      metricType?: string;
    } | null;
  } | null;
  triggers: ReadonlyArray<{ type: string; name?: string }>;
}

/** The ScaledObject as these functions see it (times in ms since the epoch). */
export interface LoopScaledObject {
  name: string;
  namespace: string;
  annotations?: Readonly<Record<string, string>>;
  creationTimestamp: number;
  spec: LoopScaledObjectSpec;
  status: {
    conditions?: readonly Condition[];
    lastActiveTime?: number;
    health?: HealthMap;
    /** e.g. `apps/v1.Deployment` (derived from scaleTargetRef when absent). */
    scaleTargetKind?: string;
    externalMetricNames?: readonly string[];
    pausedReplicaCount?: number;
  };
}

/** The scale target's replica count, or the error reading its `/scale`. */
export type CurrentReplicas = number | { error: string };

/** The effect on the scale target. */
export type ScaleAction =
  | { type: 'none' }
  /** 0 (or below min with idle) → max(min,1). */
  | { type: 'activate'; from: number; to: number }
  /** → 0 or idleReplicaCount after the cooldown. */
  | { type: 'deactivate'; from: number; to: number }
  /** Inactive, no idle, below minReplicaCount → minReplicaCount. */
  | { type: 'scaleToMin'; from: number; to: number }
  /** paused-replicas annotation. */
  | { type: 'scaleToPaused'; from: number; to: number };

const scaleKind = (so: LoopScaledObject): string =>
  so.status.scaleTargetKind ?? `${scaleTargetApiVersion(so.spec).value}.${scaleTargetKind(so.spec).value}`;

function startConditions(so: LoopScaledObject): Condition[] {
  const prev = so.status.conditions;
  return conditionsInitialized(prev) && prev ? prev.map((c) => ({ ...c })) : initializedConditions();
}

function controllerEvent(
  version: KedaVersion,
  type: KedaEvent['type'],
  reason: string,
  message: string,
): KedaEvent {
  // EventEmitter.Emit passes the message as the events.k8s.io action (quirk).
  return version === '2.19' ? { type, reason, message } : { type, reason, message, action: message };
}

function executorEvent(
  version: KedaVersion,
  type: KedaEvent['type'],
  reason: string,
  message: string,
): KedaEvent {
  return version === '2.19' ? { type, reason, message } : { type, reason, message, action: reason };
}

/** Input of {@link reconcileScaledObject}. */
export interface ReconcileInput {
  kedaVersion: KedaVersion;
  scaledObject: LoopScaledObject;
  currentReplicas: CurrentReplicas;
  /** An error the reconcile hit before scaling (e.g. target missing), as `<message>: <error>`. */
  checkError?: string;
}

/** Output of {@link reconcileScaledObject}. */
export interface ReconcileResult {
  conditions: Condition[];
  events: KedaEvent[];
  action: ScaleAction;
  /** `status.pausedReplicaCount` after the reconcile (`undefined` = cleared/absent). */
  pausedReplicaCount?: number;
  /** False when paused: KEDA deletes the HPA and stops the scale loop. */
  hpaShouldExist: boolean;
  /** The scale loop runs (not fully paused, no reconcile error). */
  scaleLoopRuns: boolean;
  pause: ScaledObjectPauseState;
}

/**
 * One reconcile of the ScaledObject controller: pause handling (paused / paused-replicas stop the
 * loop, delete the HPA and freeze or set replicas; paused-scale-in/out only set Paused), Ready
 * True `ScaledObjectReady` (message `ScaledObject is paused` while paused) or False
 * `ScaledObjectCheckFailed`, Fallback False when no valid fallback, and the matching events.
 */
export function reconcileScaledObject(input: ReconcileInput): ReconcileResult {
  const { kedaVersion: v, scaledObject: so, currentReplicas } = input;
  let conditions = startConditions(so);
  const events: KedaEvent[] = [];
  const pause = scaledObjectPauseState(so.annotations);
  const pausedInStatus = getKedaCondition(conditions, 'Paused')?.status === 'True';
  const wasReady = getKedaCondition(conditions, 'Ready');
  let action: ScaleAction = { type: 'none' };
  let pausedReplicaCount = so.status.pausedReplicaCount;
  let hpaShouldExist = true;
  let error = input.checkError;
  let readyMessage: string = K.readyMessage;

  const setPaused = (): void => {
    conditions = setKedaCondition(conditions, {
      type: 'Paused',
      status: 'True',
      reason: K.pausedReason,
      message: K.pausedMessage,
    });
  };

  if (pause.paused) {
    hpaShouldExist = false;
    if (!pausedInStatus) {
      setPaused();
      events.push(controllerEvent(v, 'Normal', 'ScaledObjectPaused', K.pausedMessage));
    }
    if (pause.pausedReplicasError) {
      error = `failed to scale target to paused replica count: failed to parse paused replica count: ${pause.pausedReplicasError}`;
    } else if (pause.pausedReplicas !== undefined && typeof currentReplicas !== 'number') {
      error = `failed to scale target to paused replica count: failed to get scale for target resource: ${currentReplicas.error}`;
    } else {
      if (pause.pausedReplicas !== undefined && currentReplicas !== pause.pausedReplicas) {
        action = { type: 'scaleToPaused', from: currentReplicas as number, to: pause.pausedReplicas };
      }
      pausedReplicaCount = pause.pausedReplicas;
      setPaused();
      readyMessage = K.pausedMessage;
      if (v === '2.19' && pausedInStatus && action.type === 'none') readyMessage = K.readyMessage;
    }
  } else if (pause.pauseScaleIn || pause.pauseScaleOut) {
    setPaused();
    if (!pausedInStatus) events.push(controllerEvent(v, 'Normal', 'ScaledObjectPaused', K.pausedMessage));
  } else if (pausedInStatus) {
    conditions = setKedaCondition(conditions, {
      type: 'Paused',
      status: 'False',
      reason: K.unpausedReason,
      message: K.unpausedMessage,
    });
    events.push(controllerEvent(v, 'Normal', 'ScaledObjectUnpaused', K.unpausedMessage));
    if (v !== '2.19') pausedReplicaCount = undefined;
  }

  if (error !== undefined) {
    conditions = setKedaCondition(conditions, {
      type: 'Ready',
      status: 'False',
      reason: K.checkFailedReason,
      message: error,
    });
    conditions = setKedaCondition(conditions, {
      type: 'Active',
      status: 'Unknown',
      reason: K.unknownStateReason,
      message: K.unknownStateMessage,
    });
    events.push(controllerEvent(v, 'Warning', 'ScaledObjectCheckFailed', error));
  } else {
    if (wasReady?.status !== 'True') {
      events.push(controllerEvent(v, 'Normal', 'ScaledObjectReady', 'ScaledObject is ready for scaling'));
    }
    conditions = setKedaCondition(conditions, {
      type: 'Ready',
      status: 'True',
      reason: K.readyReason,
      message: readyMessage,
    });
  }
  if (!so.spec.fallback || !hasValidFallback(so.spec)) {
    conditions = setKedaCondition(conditions, {
      type: 'Fallback',
      status: 'False',
      reason: 'NoFallbackFound',
      message: 'No fallbacks are active on this scaled object',
    });
  }
  const result: ReconcileResult = {
    conditions,
    events,
    action,
    hpaShouldExist,
    scaleLoopRuns: !pause.paused && error === undefined,
    pause,
  };
  if (pausedReplicaCount !== undefined) result.pausedReplicaCount = pausedReplicaCount;
  return result;
}

/** One external metric as the scaler reported it in this poll. */
export interface MetricObservation {
  /** `s<i>-…` name (as in status.externalMetricNames). */
  metricName: string;
  /** Position of the trigger in spec.triggers. */
  triggerIndex: number;
  /** The scaler's value (when it did not fail). */
  value?: number;
  /** The scaler's error text (when it failed). */
  error?: string;
  /** The scaler's activity (usually value > activation threshold). */
  active?: boolean;
  /** The metric's HPA target, needed to compute the fallback value. */
  target?: FallbackMetricTarget;
}

/** The HPA as KEDA looks at it for HPA health. */
export interface ObservedHpa {
  /** The HPA's ScalingActive condition, when it reported one. */
  scalingActive?: { status: string; reason?: string; message?: string };
  /** HPA creation time (2.20.1 skips health checks during its first minute). */
  creationTimestamp?: number;
}

/** Input of {@link scaleLoopStep}. */
export interface ScaleLoopInput {
  kedaVersion: KedaVersion;
  scaledObject: LoopScaledObject;
  metrics: readonly MetricObservation[];
  currentReplicas: CurrentReplicas;
  /** Running+Ready pods (fallback with Value targets). */
  readyReplicas?: number;
  /** The HPA KEDA created, if it exists and could be read. */
  hpa?: ObservedHpa;
  /** Set to make the `/scale` update fail with this error (activation/deactivation failure events). */
  scaleUpdateError?: string;
  now: number;
}

/** Output of {@link scaleLoopStep}. */
export interface ScaleLoopResult {
  /** The loop did not run (scalers cache error such as an invalid formula); nothing was changed. */
  skipped?: string;
  isActive: boolean;
  isError: boolean;
  fallbackActive: boolean;
  /** Active metric names (`triggered by …` in the activation event). */
  activeTriggers: string[];
  action: ScaleAction;
  conditions: Condition[];
  events: KedaEvent[];
  /** `status.lastActiveTime` after the poll (second precision, as stored). */
  lastActiveTime?: number;
  health: HealthMap;
  triggersActivity: Record<string, { isActive: boolean }>;
  /** The composite metric, when scalingModifiers are used. */
  composite?: CompositeResult;
  /** Cooldown as it stands after this poll. */
  cooldown: CooldownState;
}

interface TriggerState {
  isActive: boolean;
  error?: string;
  metricNames: string[];
}

/**
 * One poll of KEDA's scale loop for a ScaledObject that is not fully paused.
 */
export function scaleLoopStep(input: ScaleLoopInput): ScaleLoopResult {
  const { kedaVersion: v, scaledObject: so, now } = input;
  const spec = so.spec;
  let conditions = startConditions(so);
  const events: KedaEvent[] = [];
  const pause = scaledObjectPauseState(so.annotations);
  let lastActiveTime = so.status.lastActiveTime;
  let action: ScaleAction = { type: 'none' };
  const usingModifiers =
    !!spec.advanced?.scalingModifiers && Object.values(spec.advanced.scalingModifiers).some((x) => x);
  const modifiers =
    usingModifiers && spec.advanced?.scalingModifiers?.formula ? validateScalingModifiers(spec) : undefined;
  const prevFallbackStatus = getKedaCondition(conditions, 'Fallback')?.status;

  const done = (
    extra: Partial<ScaleLoopResult> &
      Pick<ScaleLoopResult, 'isActive' | 'isError' | 'fallbackActive' | 'activeTriggers' | 'health'>,
  ): ScaleLoopResult => {
    const activeSet = new Set(extra.activeTriggers);
    const triggersActivity: Record<string, { isActive: boolean }> = {};
    for (const name of so.status.externalMetricNames ?? [])
      triggersActivity[name] = { isActive: activeSet.has(name) };
    const result: ScaleLoopResult = {
      action,
      conditions,
      events,
      triggersActivity,
      cooldown: cooldownState({
        spec,
        now,
        creationTimestamp: so.creationTimestamp,
        ...(lastActiveTime !== undefined ? { lastActiveTime } : {}),
      }),
      ...extra,
    };
    if (lastActiveTime !== undefined) result.lastActiveTime = lastActiveTime;
    return result;
  };

  if (modifiers && !modifiers.ok) {
    return done({
      skipped: `error getting scalers cache ${modifiers.error}`,
      isActive: false,
      isError: true,
      fallbackActive: false,
      activeTriggers: [],
      health: so.status.health ?? {},
    });
  }

  // --- getScaledObjectState: every metric through the fallback logic
  let health: HealthMap = so.status.health ?? {};
  let isError = false;
  let fallbackActive = false;
  const fallbackMillis: number[] = [];
  const values = new Map<string, number | null>();
  const byTrigger = new Map<number, TriggerState>();
  for (const m of input.metrics) {
    const state = byTrigger.get(m.triggerIndex) ?? { isActive: false, metricNames: [] };
    byTrigger.set(m.triggerIndex, state);
    const read = readMetricWithFallback({
      spec,
      health,
      metricName: m.metricName,
      result: m.error !== undefined ? { error: m.error } : { value: m.value ?? 0 },
      target: m.target ?? { type: 'AverageValue', value: 0 },
      ...(typeof input.currentReplicas === 'number' ? { currentReplicas: input.currentReplicas } : {}),
      ...(input.readyReplicas !== undefined ? { readyReplicas: input.readyReplicas } : {}),
    });
    health = read.health;
    switch (read.kind) {
      case 'error':
        state.error = read.error;
        isError = true;
        break;
      case 'value':
        state.isActive = m.active ?? false;
        state.metricNames.push(m.metricName);
        // KEDA hands the formula the served quantity (%.3f), not the raw float
        values.set(m.metricName, quantityToNumber(kedaMetricQuantity(read.value)));
        break;
      case 'placeholder':
        state.isActive = false;
        state.metricNames.push(m.metricName);
        values.set(m.metricName, -1);
        break;
      case 'fallback':
        fallbackActive = true;
        fallbackMillis.push(read.milli);
        state.isActive = true;
        state.metricNames.push(read.metricName);
        values.set(m.metricName, read.milli / 1000);
        break;
    }
  }
  let isActive = false;
  let activeTriggers: string[] = [];
  for (const [, state] of [...byTrigger.entries()].sort(([a], [b]) => a - b)) {
    if (state.isActive) {
      isActive = true;
      activeTriggers.push(...state.metricNames);
    }
  }
  if (isFallbackEnabled(spec) && input.metrics.length > 0) {
    conditions = setKedaCondition(conditions, fallbackCondition(spec, health));
  }

  let composite: CompositeResult | undefined;
  if (usingModifiers) {
    isActive = false;
    activeTriggers = [];
    if (modifiers?.ok && !isError) {
      if (fallbackActive && fallbackMillis.length > 0) {
        const milli = fallbackMillis[0] as number;
        composite = {
          ok: true,
          value: milli / 1000,
          milli,
          quantity: quantityToString(milliQuantity(milli)),
          nilFallback: false,
        };
      } else if (!fallbackActive) {
        const data: Record<string, number | null> = {};
        for (const m of input.metrics) {
          const trigger = spec.triggers[m.triggerIndex];
          if (!trigger?.name || !values.has(m.metricName)) continue;
          const h = health[m.metricName];
          const nil =
            spec.fallback?.behavior === 'scalingModifiers' &&
            h !== undefined &&
            h.numberOfFailures > (spec.fallback?.failureThreshold ?? 0);
          data[trigger.name] = nil ? null : (values.get(m.metricName) ?? null);
        }
        composite = evaluateComposite(modifiers.modifiers, data, spec.fallback ?? null);
      }
      if (composite?.ok && compositeIsActive(composite.milli, modifiers.modifiers)) {
        isActive = true;
        activeTriggers = [COMPOSITE_METRIC_NAME];
      }
    } else if (!modifiers && !isError) {
      // modifiers without a formula: the raw metrics are compared with activationTarget
      const parsed = goParseFloat(spec.advanced?.scalingModifiers?.activationTarget || '0');
      const activation = parsed.ok ? parsed.value : 0;
      for (const m of input.metrics) {
        const value = values.get(m.metricName);
        if (value !== undefined && value !== null && value > activation) {
          isActive = true;
          activeTriggers = [m.metricName];
          break;
        }
      }
    }
  }
  const cpuMemCount = spec.triggers.filter((t) => t.type === 'cpu' || t.type === 'memory').length;
  if (spec.triggers.length <= cpuMemCount && !isError) isActive = true;

  if (isFallbackEnabled(spec) || fallbackActive || prevFallbackStatus === 'True') {
    if (fallbackActive && prevFallbackStatus !== 'True') {
      events.push(
        executorEvent(v, 'Normal', 'ScaledObjectFallbackActivated', 'ScaledObject fallback is active'),
      );
    } else if (!fallbackActive && prevFallbackStatus === 'True') {
      events.push(
        executorEvent(
          v,
          'Normal',
          'ScaledObjectFallbackDeactivated',
          'ScaledObject fallback is no longer active',
        ),
      );
    }
  }

  const state = {
    isActive,
    isError,
    fallbackActive,
    activeTriggers,
    health,
    ...(composite ? { composite } : {}),
  };

  // --- RequestScale
  const current = input.currentReplicas;
  if (typeof current !== 'number') {
    if (v !== '2.19') {
      conditions = setKedaCondition(conditions, {
        type: 'Ready',
        status: 'False',
        reason: 'ErrorGettingCurrentReplicas',
        message: `Error getting current replicas count for ScaleTarget: ${current.error}`,
      });
    }
    return done(state);
  }
  if (pause.paused) {
    conditions = setKedaCondition(conditions, {
      type: 'Paused',
      status: 'True',
      reason: K.pausedReason,
      message: K.pausedMessage,
    });
    return done(state);
  }

  const readyBefore = getKedaCondition(conditions, 'Ready');
  if (v === '2.19') {
    if (!isError && readyBefore?.status !== 'True') {
      conditions = setKedaCondition(conditions, {
        type: 'Ready',
        status: 'True',
        reason: K.readyReason,
        message: K.readyMessage,
      });
    }
  } else {
    conditions = setKedaCondition(conditions, {
      type: 'Ready',
      status: 'True',
      reason: K.readyReason,
      message: K.readyMessage,
    });
  }
  const setActive = (status: 'True' | 'False', reason: string, message: string): void => {
    conditions = setKedaCondition(conditions, { type: 'Active', status, reason, message });
  };
  const activeBefore = getKedaCondition(conditions, 'Active');
  const minReplicas = spec.minReplicaCount ?? 0;
  const idle = spec.idleReplicaCount ?? undefined;
  const kind = scaleKind(so);
  const target = `${kind} ${so.namespace}/${spec.scaleTargetRef.name}`;
  const nowStored = truncateToSeconds(now);

  if (isActive || pause.forceActivation) {
    // 2.20 prefers the forced message; 2.19 checked isActive first and only wrote on a change.
    const message =
      v === '2.19'
        ? isActive
          ? K.activeMessage
          : K.forcedActiveMessage
        : pause.forceActivation
          ? K.forcedActiveMessage
          : K.activeMessage;
    if (v !== '2.19' || activeBefore?.status !== 'True') setActive('True', K.activeReason, message);
    if ((idle !== undefined && current < minReplicas) || current === 0) {
      if (!pause.pauseScaleOut) {
        const to = minReplicas > 0 ? minReplicas : 1;
        if (input.scaleUpdateError !== undefined) {
          const verb = v === '2.19' ? 'scaled' : 'scale';
          events.push(
            executorEvent(
              v,
              'Warning',
              'KEDAScaleTargetActivationFailed',
              `Failed to ${verb} ${target} from ${current} to ${to}`,
            ),
          );
        } else {
          action = { type: 'activate', from: current, to };
          const message = pause.forceActivation
            ? `Scaled ${target} from ${current} to ${to}, caused by forced activation annotation`
            : `Scaled ${target} from ${current} to ${to}, triggered by ${activeTriggers.join(';')}`;
          events.push(executorEvent(v, 'Normal', 'KEDAScaleTargetActivated', message));
          lastActiveTime = nowStored;
        }
      }
    } else if (isError) {
      conditions = setKedaCondition(conditions, {
        type: 'Ready',
        status: 'Unknown',
        reason: K.partialTriggerErrorReason,
        message: K.partialTriggerErrorMessage,
      });
    } else {
      lastActiveTime = nowStored;
    }
  } else {
    if (v !== '2.19' || activeBefore?.status !== 'False')
      setActive('False', K.notActiveReason, K.notActiveMessage);
    if (isError && spec.fallback && spec.fallback.replicas !== 0) {
      // waiting for fallback.failureThreshold; the HPA keeps the target up
    } else if (isError && !spec.fallback) {
      conditions = setKedaCondition(conditions, {
        type: 'Ready',
        status: 'False',
        reason: K.triggerErrorReason,
        message: K.triggerErrorMessage,
      });
    } else if ((idle !== undefined && current > idle) || (current > 0 && minReplicas === 0)) {
      if (!pause.pauseScaleIn) {
        const initial = initialCooldownPeriod(spec).value * 1000;
        const cooldown = cooldownPeriod(spec).value * 1000;
        const last = lastActiveTime;
        const expired =
          (last === undefined && so.creationTimestamp + initial < now) ||
          (last !== undefined && last + cooldown < now);
        if (expired) {
          const to = idle ?? spec.minReplicaCount ?? 0;
          if (input.scaleUpdateError !== undefined) {
            events.push(
              executorEvent(
                v,
                'Warning',
                'KEDAScaleTargetDeactivationFailed',
                `Failed to deactivate ${target} from ${current} to ${to}`,
              ),
            );
          } else {
            action = { type: 'deactivate', from: current, to };
            events.push(
              executorEvent(
                v,
                'Normal',
                'KEDAScaleTargetDeactivated',
                `Deactivated ${target} from ${current} to ${to}`,
              ),
            );
            setActive('False', K.notActiveReason, K.notActiveMessage);
          }
        } else {
          setActive('False', K.cooldownReason, K.cooldownMessage);
        }
      }
    } else if (idle === undefined && current < minReplicas) {
      if (input.scaleUpdateError === undefined)
        action = { type: 'scaleToMin', from: current, to: minReplicas };
    }
  }

  conditions = applyHpaHealth(v, conditions, input.hpa, now);
  return done(state);
}

/** HPA health per KEDA version (HPAActive in 2.20.2+, Ready in 2.20.1, nothing in 2.19). */
function applyHpaHealth(
  v: KedaVersion,
  conditions: Condition[],
  hpa: ObservedHpa | undefined,
  now: number,
): Condition[] {
  const sa = hpa?.scalingActive;
  if (v === '2.19' || !hpa || !sa) return conditions;
  if (v === '2.20.2') {
    if (sa.status === 'True') {
      return setKedaCondition(conditions, {
        type: 'HPAActive',
        status: 'True',
        reason: K.hpaActiveReason,
        message: K.hpaActiveMessage,
      });
    }
    if (sa.reason === 'ScalingDisabled') {
      return setKedaCondition(conditions, {
        type: 'HPAActive',
        status: 'True',
        reason: K.hpaScalingDisabledReason,
        message: sa.message ?? '',
      });
    }
    return setKedaCondition(conditions, {
      type: 'HPAActive',
      status: 'False',
      reason: sa.reason || K.hpaMetricsUnavailableReason,
      message: `HPA is not actively scaling: ${sa.message ?? ''}`,
    });
  }
  // 2.20.1
  if (hpa.creationTimestamp !== undefined && hpa.creationTimestamp + 60_000 > now) return conditions;
  if (sa.status === 'True' || sa.reason === 'ScalingDisabled') return conditions;
  const ready = getKedaCondition(conditions, 'Ready');
  const hpaReason = sa.reason ?? '';
  if (ready?.status === 'True') {
    return setKedaCondition(conditions, {
      type: 'Ready',
      status: 'False',
      reason: K.hpaMetricsUnavailableReason,
      message: `ScaledObject is configured correctly but HPA is not healthy: ${hpaReason}`,
    });
  }
  return setKedaCondition(conditions, {
    type: 'Ready',
    status: 'False',
    reason: K.scalingDegradedReason,
    message: `Not ready because HPA is not healthy: ${hpaReason} and SO is not healthy: ${ready?.reason ?? ''} - ${ready?.message ?? ''}`,
  });
}

/** Input of {@link evaluateScaledObject}: a reconcile (optional) followed by a poll. */
export interface EvaluateInput extends ScaleLoopInput {
  /** Run the controller reconcile first (on create/spec/annotation change). */
  reconcile?: boolean;
  checkError?: string;
}

/** Output of {@link evaluateScaledObject}. */
export interface EvaluateResult {
  reconcile?: ReconcileResult;
  loop?: ScaleLoopResult;
  /** Final conditions. */
  conditions: Condition[];
  /** All events, reconcile first. */
  events: KedaEvent[];
  /** The action to apply (paused replicas from the reconcile win). */
  action: ScaleAction;
  lastActiveTime?: number;
  pausedReplicaCount?: number;
  hpaShouldExist: boolean;
  cooldown: CooldownState;
}

/**
 * A reconcile (when `reconcile` is set) then, unless fully paused or failed, one scale-loop poll:
 * the convenience the simulated operator and the what-if preview call every polling interval.
 */
export function evaluateScaledObject(input: EvaluateInput): EvaluateResult {
  let so = input.scaledObject;
  let reconcile: ReconcileResult | undefined;
  if (input.reconcile) {
    reconcile = reconcileScaledObject({
      kedaVersion: input.kedaVersion,
      scaledObject: so,
      currentReplicas: input.currentReplicas,
      ...(input.checkError !== undefined ? { checkError: input.checkError } : {}),
    });
    const status = { ...so.status, conditions: reconcile.conditions };
    if (reconcile.pausedReplicaCount !== undefined) status.pausedReplicaCount = reconcile.pausedReplicaCount;
    else delete status.pausedReplicaCount;
    so = { ...so, status };
  }
  const pause = scaledObjectPauseState(so.annotations);
  const runLoop = reconcile ? reconcile.scaleLoopRuns : !pause.paused;
  const loop = runLoop ? scaleLoopStep({ ...input, scaledObject: so }) : undefined;
  const conditions =
    loop?.conditions ?? so.status.conditions?.map((c) => ({ ...c })) ?? initializedConditions();
  const action =
    reconcile && reconcile.action.type !== 'none' ? reconcile.action : (loop?.action ?? { type: 'none' });
  const lastActiveTime = loop?.lastActiveTime ?? so.status.lastActiveTime;
  const result: EvaluateResult = {
    conditions,
    events: [...(reconcile?.events ?? []), ...(loop?.events ?? [])],
    action,
    hpaShouldExist: reconcile ? reconcile.hpaShouldExist : !pause.paused,
    cooldown:
      loop?.cooldown ??
      cooldownState({
        spec: so.spec,
        now: input.now,
        creationTimestamp: so.creationTimestamp,
        ...(lastActiveTime !== undefined ? { lastActiveTime } : {}),
      }),
  };
  if (reconcile) result.reconcile = reconcile;
  if (loop) result.loop = loop;
  if (lastActiveTime !== undefined) result.lastActiveTime = lastActiveTime;
  const paused = reconcile ? reconcile.pausedReplicaCount : so.status.pausedReplicaCount;
  if (paused !== undefined) result.pausedReplicaCount = paused;
  return result;
}

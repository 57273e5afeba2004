import type { Condition } from '../kube/types.js';
import { findCondition } from './conditions.js';
import type { ScaledObject } from './types.js';
import { scaledObjectCooldown } from '../scaling/cooldown.js';
import { KEDA_ANNOTATIONS, scaledObjectPauseState, type ScaledObjectPauseState } from './annotations.js';

/** What an operator wants to know first about a ScaledObject, most urgent first. */
export type ScaledObjectStateKind =
  'error' | 'degraded' | 'fallback' | 'paused' | 'active' | 'cooldown' | 'ready' | 'pending' | 'unknown';

export interface ScaledObjectState {
  kind: ScaledObjectStateKind;
  /** Short label for a badge: `Active`, `Cooldown`, `Error`… */
  label: string;
  /** The condition behind the state (reason and message verbatim), when there is one. */
  condition: Condition | undefined;
  /** Milliseconds of cooldown left, for `cooldown`. */
  cooldownLeftMs?: number;
  /** The pause annotation behind a `paused` state and what KEDA does with it. */
  pauseNote?: string;
  /** Set while force-activation is on: what KEDA does with it. */
  forceNote?: string;
}

/**
 * Cooldown left before KEDA may scale the target to zero (or idle): only when that is possible
 * (min 0 or idle set) and the period is still running.
 */
export function cooldownLeftMs(so: ScaledObject, now: number): number | undefined {
  const spec = so.spec;
  const canIdle = (spec?.minReplicaCount ?? 0) === 0 || (spec?.idleReplicaCount ?? null) !== null;
  // Cheap exits first: lists call this for every inactive ScaledObject on every rebuild.
  if (!canIdle || (!so.status?.lastActiveTime && !spec?.initialCooldownPeriod)) return undefined;
  const cooldown = scaledObjectCooldown(so, now);
  return cooldown.applies && cooldown.remainingMs > 0 ? cooldown.remainingMs : undefined;
}

/**
 * One state from KEDA's conditions, for every KEDA version's shapes: ≤2.19 (no HPAActive),
 * 2.20.0–2.20.1 (HPA health folded into Ready, reason HPAMetricsUnavailable / ScalingDegraded),
 * 2.20.2+ (HPAActive condition).
 */
export function scaledObjectState(so: ScaledObject, now: number): ScaledObjectState {
  const conditions = so.status?.conditions;
  const ready = findCondition(conditions, 'Ready');
  const active = findCondition(conditions, 'Active');
  const fallback = findCondition(conditions, 'Fallback');
  const paused = findCondition(conditions, 'Paused');
  const hpaActive = findCondition(conditions, 'HPAActive');

  if (!conditions || conditions.length === 0) {
    return { kind: 'pending', label: 'Pending', condition: undefined };
  }
  if (ready?.status === 'False') return { kind: 'error', label: 'Error', condition: ready };
  if (fallback?.status === 'True') return { kind: 'fallback', label: 'Fallback', condition: fallback };
  if (paused?.status === 'True') return { kind: 'paused', label: 'Paused', condition: paused };
  if (ready?.status === 'Unknown' && ready.reason)
    return { kind: 'degraded', label: 'Degraded', condition: ready };
  if (hpaActive?.status === 'False')
    return { kind: 'degraded', label: 'HPA not scaling', condition: hpaActive };
  if (active?.status === 'True') return { kind: 'active', label: 'Active', condition: active };
  if (active?.status === 'False') {
    const left = cooldownLeftMs(so, now);
    if (active.reason === 'ScalerCooldown' || left !== undefined) {
      return { kind: 'cooldown', label: 'Cooldown', condition: active, cooldownLeftMs: left };
    }
    return { kind: 'ready', label: 'Ready', condition: active };
  }
  if (ready?.status === 'True') return { kind: 'ready', label: 'Ready', condition: ready };
  return { kind: 'unknown', label: 'Unknown', condition: ready ?? active };
}

/**
 * The state with the paused, paused-replicas, paused-scale-in/out and force-activation annotations
 * taken as soon as the watch delivers them, before KEDA's reconcile or next poll reports them in the conditions. A
 * check error or fallback still comes first, as it does once KEDA sets Paused=True.
 */
export function annotatedScaledObjectState(so: ScaledObject, now: number): ScaledObjectState {
  const state = scaledObjectState(so, now);
  const annotations = so.metadata.annotations ?? {};
  const pause = scaledObjectPauseState(annotations);
  const quoted = (key: string) => `${key}: ${JSON.stringify(annotations[key])}`;
  const forced = pause.forceActivation
    ? {
        forceNote: `${quoted(KEDA_ANNOTATIONS.forceActivation)}: KEDA treats it as active whatever its triggers report${
          pause.paused ? ' (no effect while paused)' : ''
        }`,
      }
    : {};
  if (!pause.pausedCondition || state.kind === 'error' || state.kind === 'fallback') {
    return pause.forceActivation ? { ...state, ...forced } : state;
  }
  return {
    ...pausedByAnnotation(so.status?.conditions, pauseLabel(pause), pauseEffect(pause, quoted)),
    ...forced,
  };
}

/** The badge of a paused ScaledObject: the count it is held at, or the one direction paused. */
function pauseLabel(pause: ScaledObjectPauseState): string {
  if (pause.pausedReplicas !== undefined) return `Paused at ${pause.pausedReplicas}`;
  if (pause.paused || (pause.pauseScaleIn && pause.pauseScaleOut)) return 'Paused';
  return pause.pauseScaleIn ? 'Scale-in paused' : 'Scale-out paused';
}

/** What KEDA does with the pause annotations set, each quoted as written. */
function pauseEffect(pause: ScaledObjectPauseState, quoted: (key: string) => string): string {
  if (pause.paused) {
    if (pause.pausedReplicas === undefined && pause.pausedReplicasError === undefined) {
      return `${quoted(KEDA_ANNOTATIONS.paused)}: KEDA stops scaling, deletes the HPA and keeps the current replicas`;
    }
    return `${quoted(KEDA_ANNOTATIONS.pausedReplicas)}: ${
      pause.pausedReplicas !== undefined
        ? `KEDA stops scaling, deletes the HPA and holds the target at ${pause.pausedReplicas} replicas`
        : `KEDA stops scaling but cannot scale to it (${pause.pausedReplicasError})`
    }`;
  }
  const effects: string[] = [];
  if (pause.pauseScaleIn) {
    effects.push(
      `${quoted(KEDA_ANNOTATIONS.pausedScaleIn)}: KEDA keeps the HPA but disables its scale-down and does not scale to zero`,
    );
  }
  if (pause.pauseScaleOut) {
    effects.push(
      `${quoted(KEDA_ANNOTATIONS.pausedScaleOut)}: KEDA keeps the HPA but disables its scale-up and does not activate from zero`,
    );
  }
  return effects.join('; ');
}

/**
 * A state paused by an annotation (`effect` says what KEDA does with it): KEDA's Paused condition
 * once it reports Paused=True, else a note that it has not yet. ScaledObjects and ScaledJobs alike.
 */
export function pausedByAnnotation(
  conditions: readonly Condition[] | undefined,
  label: string,
  effect: string,
): ScaledObjectState {
  const condition = findCondition(conditions, 'Paused');
  const reported = condition?.status === 'True';
  return {
    kind: 'paused',
    label,
    condition: reported ? condition : undefined,
    pauseNote: reported ? effect : `${effect}; KEDA has not reported Paused=True yet`,
  };
}

const STATE_ORDER: readonly ScaledObjectStateKind[] = [
  'error',
  'degraded',
  'fallback',
  'paused',
  'active',
  'cooldown',
  'ready',
  'pending',
  'unknown',
];

/** Sort rank of a state: what needs attention first. */
export function stateRank(kind: ScaledObjectStateKind): number {
  return STATE_ORDER.indexOf(kind);
}

/**
 * Cooldown before KEDA scales a ScaledObject's target to 0 (or idleReplicaCount): the target is
 * deactivated when `lastActiveTime + cooldownPeriod` is before now, or, never active, when
 * `creationTimestamp + initialCooldownPeriod` is before now (kedacore/keda
 * `pkg/scaling/executor/scale_scaledobjects.go` scaleToZeroOrIdle).
 */

import { cooldownPeriod, initialCooldownPeriod, type ScaledObjectDefaultsInput } from '../keda/defaults.js';

/** Where a ScaledObject stands in its cooldown. */
export interface CooldownState {
  /** Cooldown matters: scale-to-zero/idle is possible (minReplicaCount 0 or idleReplicaCount set). */
  applies: boolean;
  /** What the countdown starts from. */
  basis: 'lastActiveTime' | 'creationTimestamp' | 'none';
  /** The period in seconds that applies (cooldownPeriod or initialCooldownPeriod). */
  periodSeconds: number;
  /** Whether that period is KEDA's default. */
  periodIsDefault: boolean;
  /** When the period ends (ms since epoch); undefined without a basis. */
  endsAt?: number;
  /** Milliseconds left (0 once over). */
  remainingMs: number;
  /** Still cooling down: KEDA would not deactivate now (the end is not strictly before now). */
  inCooldown: boolean;
}

/** Inputs of the cooldown computation (times in ms since the epoch). */
export interface CooldownInput {
  spec: ScaledObjectDefaultsInput;
  lastActiveTime?: number;
  creationTimestamp?: number;
  now: number;
}

/** The cooldown state of a ScaledObject at `now`. */
export function cooldownState({
  spec,
  lastActiveTime,
  creationTimestamp,
  now,
}: CooldownInput): CooldownState {
  const applies =
    (spec.minReplicaCount ?? 0) === 0 ||
    (spec.idleReplicaCount !== undefined && spec.idleReplicaCount !== null);
  const setting = lastActiveTime !== undefined ? cooldownPeriod(spec) : initialCooldownPeriod(spec);
  const start = lastActiveTime ?? creationTimestamp;
  const basis =
    lastActiveTime !== undefined
      ? 'lastActiveTime'
      : creationTimestamp !== undefined
        ? 'creationTimestamp'
        : 'none';
  if (start === undefined) {
    return {
      applies,
      basis,
      periodSeconds: setting.value,
      periodIsDefault: setting.isDefault,
      remainingMs: 0,
      inCooldown: false,
    };
  }
  const endsAt = start + setting.value * 1000;
  return {
    applies,
    basis,
    periodSeconds: setting.value,
    periodIsDefault: setting.isDefault,
    endsAt,
    remainingMs: Math.max(0, endsAt - now),
    inCooldown: !(endsAt < now),
  };
}

/** Parses an RFC 3339 timestamp (as in `status.lastActiveTime`), `undefined` when absent or invalid. */
export function parseTimestamp(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The cooldown state of a ScaledObject object as stored (status.lastActiveTime, metadata.creationTimestamp). */
export function scaledObjectCooldown(
  so: {
    metadata: { creationTimestamp?: string };
    spec: ScaledObjectDefaultsInput;
    status?: { lastActiveTime?: string };
  },
  now: number,
): CooldownState {
  const lastActiveTime = parseTimestamp(so.status?.lastActiveTime);
  const creationTimestamp = parseTimestamp(so.metadata.creationTimestamp);
  return cooldownState({
    spec: so.spec,
    now,
    ...(lastActiveTime !== undefined ? { lastActiveTime } : {}),
    ...(creationTimestamp !== undefined ? { creationTimestamp } : {}),
  });
}

/** Kubernetes stores metav1.Time with second precision: the timestamp KEDA's lastActiveTime will read back as. */
export function truncateToSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** RFC 3339 with second precision, as Kubernetes serializes metav1.Time (`2026-01-02T03:04:05Z`). */
export function rfc3339(ms: number): string {
  return new Date(truncateToSeconds(ms)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

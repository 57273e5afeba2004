// Pods for the HPA replica calculator's tests: one hour old, ready, 1 CPU requested.
import type { PodSample } from '../src/core/scaling/replica-calculator.js';

export const tol = { scaleDown: 0.1, scaleUp: 0.1 };
export const now = Date.parse('2026-11-30T12:00:00Z');
export const timings = { now, cpuInitializationPeriodMs: 300_000, delayOfInitialReadinessStatusMs: 30_000 };

export const pod = (
  name: string,
  usageMilli: number | undefined,
  extra: Partial<PodSample> = {},
): PodSample => ({
  name,
  ready: true,
  startTime: now - 3_600_000,
  readyTransitionTime: now - 3_500_000,
  requestMilli: 1000,
  ...(usageMilli === undefined ? {} : { usageMilli }),
  ...extra,
});

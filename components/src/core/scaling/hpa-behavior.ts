/**
 * HPA scaling behaviour (kubernetes/kubernetes `pkg/apis/autoscaling/v2/defaults.go` and
 * `pkg/controller/podautoscaler/horizontal.go` normalizeDesiredReplicas[WithBehaviors],
 * stabilizeRecommendation[WithBehaviors], convertDesiredReplicasWith{Rules,BehaviorRate},
 * calculateScale{Up,Down}Limit…, storeScaleEvent): stabilization windows over the recommendation
 * history and Pods/Percent policies over recent scale events. All times are ms since the epoch.
 */

import type {
  HorizontalPodAutoscalerBehavior,
  HPAScalingRules,
  ScalingPolicySelect,
} from '../kube/autoscaling.js';

/** A recommendation the controller remembers (for stabilization). */
export interface TimestampedRecommendation {
  replicas: number;
  timestamp: number;
}

/** A scale event the controller remembers (for rate policies); `replicaChange` is non-negative. */
export interface TimestampedScaleEvent {
  replicaChange: number;
  timestamp: number;
  outdated: boolean;
}

/** The controller's in-memory state for one HPA (lost when kube-controller-manager restarts). */
export interface HpaHistory {
  recommendations: TimestampedRecommendation[];
  scaleUpEvents: TimestampedScaleEvent[];
  scaleDownEvents: TimestampedScaleEvent[];
}

/** An empty history (a freshly started controller). */
export function emptyHpaHistory(): HpaHistory {
  return { recommendations: [], scaleUpEvents: [], scaleDownEvents: [] };
}

/** Fully defaulted scaling rules (stabilization window always set). */
export interface ResolvedScalingRules {
  stabilizationWindowSeconds: number;
  selectPolicy: ScalingPolicySelect;
  policies: Array<{ type: 'Pods' | 'Percent'; value: number; periodSeconds: number }>;
  tolerance?: string;
}

/** The API server's default scale-up rules: no window, max(4 pods, 100%) per 15 s. */
export const DEFAULT_SCALE_UP_RULES: ResolvedScalingRules = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};

/** The API server's default scale-down rules: 100% per 15 s; the window comes from the controller flag (300 s). */
export const DEFAULT_SCALE_DOWN_POLICIES: ResolvedScalingRules['policies'] = [
  { type: 'Percent', value: 100, periodSeconds: 15 },
];

function copyRules(from: HPAScalingRules | undefined, to: ResolvedScalingRules): ResolvedScalingRules {
  if (!from) return to;
  const out = { ...to, policies: [...to.policies] };
  if (from.selectPolicy !== undefined) out.selectPolicy = from.selectPolicy;
  if (from.stabilizationWindowSeconds !== undefined)
    out.stabilizationWindowSeconds = from.stabilizationWindowSeconds;
  if (from.policies !== undefined) out.policies = from.policies.map((p) => ({ ...p }));
  if (from.tolerance !== undefined) out.tolerance = from.tolerance;
  return out;
}

/** Both directions' rules after API defaulting and the controller's scale-down window. */
export interface ResolvedBehavior {
  scaleUp: ResolvedScalingRules;
  scaleDown: ResolvedScalingRules;
}

/**
 * `SetDefaults_HorizontalPodAutoscalerBehavior` + `maybeInitScaleDownStabilizationWindow`: every
 * unset field of a non-nil behavior gets its default; the scale-down window defaults to the
 * controller's `--horizontal-pod-autoscaler-downscale-stabilization` (300 s).
 */
export function resolveBehavior(
  behavior: HorizontalPodAutoscalerBehavior,
  downscaleStabilizationWindowSeconds = 300,
): ResolvedBehavior {
  return {
    scaleUp: copyRules(behavior.scaleUp, {
      ...DEFAULT_SCALE_UP_RULES,
      policies: [...DEFAULT_SCALE_UP_RULES.policies],
    }),
    scaleDown: copyRules(behavior.scaleDown, {
      stabilizationWindowSeconds: downscaleStabilizationWindowSeconds,
      selectPolicy: 'Max',
      policies: [...DEFAULT_SCALE_DOWN_POLICIES],
    }),
  };
}

/** A condition the normalization sets (AbleToScale or ScalingLimited). */
export interface NormalizationCondition {
  type: 'AbleToScale' | 'ScalingLimited';
  status: 'True' | 'False';
  reason: string;
  message: string;
}

/** Result of normalizing a metric-based recommendation. */
export interface Normalized {
  desiredReplicas: number;
  conditions: NormalizationCondition[];
  history: HpaHistory;
}

const MAX_INT32 = 2147483647;
const MIN_INT32 = -2147483648;

const cloneHistory = (h: HpaHistory): HpaHistory => ({
  recommendations: h.recommendations.map((r) => ({ ...r })),
  scaleUpEvents: h.scaleUpEvents.map((e) => ({ ...e })),
  scaleDownEvents: h.scaleDownEvents.map((e) => ({ ...e })),
});

/** `stabilizeRecommendation` (no behavior): max of the recommendations within the window. */
function stabilize(history: HpaHistory, desired: number, windowSeconds: number, now: number): number {
  let max = desired;
  let oldIndex = -1;
  const cutoff = now - windowSeconds * 1000;
  history.recommendations.forEach((rec, i) => {
    if (rec.timestamp < cutoff) oldIndex = i;
    else if (rec.replicas > max) max = rec.replicas;
  });
  const entry = { replicas: desired, timestamp: now };
  if (oldIndex >= 0) history.recommendations[oldIndex] = entry;
  else history.recommendations.push(entry);
  return max;
}

/** `convertDesiredReplicasWithRules`: min/max and the legacy max(2×current, 4) scale-up limit. */
export function convertDesiredReplicasWithRules(
  currentReplicas: number,
  desiredReplicas: number,
  minReplicas: number,
  maxReplicas: number,
): { replicas: number; reason: string; message: string } {
  const scaleUpLimit = Math.trunc(Math.max(2 * currentReplicas, 4));
  let maximumAllowed: number;
  let reason: string;
  let message: string;
  if (maxReplicas > scaleUpLimit) {
    maximumAllowed = scaleUpLimit;
    reason = 'ScaleUpLimit';
    message = 'the desired replica count is increasing faster than the maximum scale rate';
  } else {
    maximumAllowed = maxReplicas;
    reason = 'TooManyReplicas';
    message = 'the desired replica count is more than the maximum replica count';
  }
  if (desiredReplicas < minReplicas) {
    return {
      replicas: minReplicas,
      reason: 'TooFewReplicas',
      message: 'the desired replica count is less than the minimum replica count',
    };
  }
  if (desiredReplicas > maximumAllowed) return { replicas: maximumAllowed, reason, message };
  return {
    replicas: desiredReplicas,
    reason: 'DesiredWithinRange',
    message: 'the desired count is within the acceptable range',
  };
}

const READY_FOR_NEW_SCALE: NormalizationCondition = {
  type: 'AbleToScale',
  status: 'True',
  reason: 'ReadyForNewScale',
  message: 'recommended size matches current size',
};

/** `normalizeDesiredReplicas`: the path for HPAs without `spec.behavior`. */
export function normalizeWithoutBehavior(args: {
  history: HpaHistory;
  currentReplicas: number;
  desiredReplicas: number;
  minReplicas: number;
  maxReplicas: number;
  downscaleStabilizationWindowSeconds: number;
  now: number;
}): Normalized {
  const history = cloneHistory(args.history);
  const stabilized = stabilize(
    history,
    args.desiredReplicas,
    args.downscaleStabilizationWindowSeconds,
    args.now,
  );
  const conditions: NormalizationCondition[] = [
    stabilized !== args.desiredReplicas
      ? {
          type: 'AbleToScale',
          status: 'True',
          reason: 'ScaleDownStabilized',
          message:
            'recent recommendations were higher than current one, applying the highest recent recommendation',
        }
      : READY_FOR_NEW_SCALE,
  ];
  const converted = convertDesiredReplicasWithRules(
    args.currentReplicas,
    stabilized,
    args.minReplicas,
    args.maxReplicas,
  );
  conditions.push({
    type: 'ScalingLimited',
    status: converted.replicas === stabilized ? 'False' : 'True',
    reason: converted.reason,
    message: converted.message,
  });
  return { desiredReplicas: converted.replicas, conditions, history };
}

/** `getReplicasChangePerPeriod`: replicas changed by events strictly after now − period. */
function changePerPeriod(
  periodSeconds: number,
  events: readonly TimestampedScaleEvent[],
  now: number,
): number {
  const cutoff = now - periodSeconds * 1000;
  return events.reduce((sum, e) => (e.timestamp > cutoff ? sum + e.replicaChange : sum), 0);
}

/** `calculateScaleUpLimitWithScalingRules`. */
export function scaleUpLimit(
  currentReplicas: number,
  history: HpaHistory,
  rules: ResolvedScalingRules,
  now: number,
): number {
  if (rules.selectPolicy === 'Disabled') return currentReplicas;
  const useMin = rules.selectPolicy === 'Min';
  let result = useMin ? MAX_INT32 : MIN_INT32;
  for (const policy of rules.policies) {
    const added = changePerPeriod(policy.periodSeconds, history.scaleUpEvents, now);
    const deleted = changePerPeriod(policy.periodSeconds, history.scaleDownEvents, now);
    const periodStart = currentReplicas - added + deleted;
    let proposed = 0;
    if (policy.type === 'Pods') proposed = periodStart + policy.value;
    else if (policy.type === 'Percent') proposed = Math.ceil(periodStart * (1 + policy.value / 100));
    result = useMin ? Math.min(result, proposed) : Math.max(result, proposed);
  }
  return result;
}

/** `calculateScaleDownLimitWithBehaviors`. */
export function scaleDownLimit(
  currentReplicas: number,
  history: HpaHistory,
  rules: ResolvedScalingRules,
  now: number,
): number {
  if (rules.selectPolicy === 'Disabled') return currentReplicas;
  const useMin = rules.selectPolicy === 'Min';
  let result = useMin ? MIN_INT32 : MAX_INT32;
  for (const policy of rules.policies) {
    const added = changePerPeriod(policy.periodSeconds, history.scaleUpEvents, now);
    const deleted = changePerPeriod(policy.periodSeconds, history.scaleDownEvents, now);
    const periodStart = currentReplicas - added + deleted;
    let proposed = 0;
    if (policy.type === 'Pods') proposed = periodStart - policy.value;
    else if (policy.type === 'Percent') proposed = Math.trunc(periodStart * (1 - policy.value / 100));
    result = useMin ? Math.max(result, proposed) : Math.min(result, proposed);
  }
  return result;
}

/** `normalizeDesiredReplicasWithBehaviors`: stabilization windows, then rate policies and min/max. */
export function normalizeWithBehavior(args: {
  history: HpaHistory;
  behavior: ResolvedBehavior;
  currentReplicas: number;
  desiredReplicas: number;
  minReplicas: number;
  maxReplicas: number;
  now: number;
}): Normalized {
  const { behavior, currentReplicas, desiredReplicas, now } = args;
  const history = cloneHistory(args.history);

  // stabilizeRecommendationWithBehaviors
  const upCutoff = now - behavior.scaleUp.stabilizationWindowSeconds * 1000;
  const downCutoff = now - behavior.scaleDown.stabilizationWindowSeconds * 1000;
  let up = desiredReplicas;
  let down = desiredReplicas;
  let oldIndex = -1;
  history.recommendations.forEach((rec, i) => {
    if (rec.timestamp > upCutoff) up = Math.min(rec.replicas, up);
    if (rec.timestamp > downCutoff) down = Math.max(rec.replicas, down);
    if (rec.timestamp < upCutoff && rec.timestamp < downCutoff) oldIndex = i;
  });
  let stabilized = currentReplicas;
  if (stabilized < up) stabilized = up;
  if (stabilized > down) stabilized = down;
  const entry = { replicas: desiredReplicas, timestamp: now };
  if (oldIndex >= 0) history.recommendations[oldIndex] = entry;
  else history.recommendations.push(entry);

  const conditions: NormalizationCondition[] = [];
  if (stabilized !== desiredReplicas) {
    conditions.push(
      desiredReplicas >= currentReplicas
        ? {
            type: 'AbleToScale',
            status: 'True',
            reason: 'ScaleUpStabilized',
            message:
              'recent recommendations were lower than current one, applying the lowest recent recommendation',
          }
        : {
            type: 'AbleToScale',
            status: 'True',
            reason: 'ScaleDownStabilized',
            message:
              'recent recommendations were higher than current one, applying the highest recent recommendation',
          },
    );
  } else {
    conditions.push(READY_FOR_NEW_SCALE);
  }

  // convertDesiredReplicasWithBehaviorRate
  let result = stabilized;
  let reason = 'DesiredWithinRange';
  let message = 'the desired count is within the acceptable range';
  if (stabilized > currentReplicas) {
    let limit = scaleUpLimit(currentReplicas, history, behavior.scaleUp, now);
    if (limit < currentReplicas) limit = currentReplicas;
    let maximumAllowed = args.maxReplicas;
    let possibleReason: string;
    let possibleMessage: string;
    if (maximumAllowed > limit) {
      maximumAllowed = limit;
      possibleReason = 'ScaleUpLimit';
      possibleMessage = 'the desired replica count is increasing faster than the maximum scale rate';
    } else {
      possibleReason = 'TooManyReplicas';
      possibleMessage = 'the desired replica count is more than the maximum replica count';
    }
    if (stabilized > maximumAllowed) {
      result = maximumAllowed;
      reason = possibleReason;
      message = possibleMessage;
    }
  } else if (stabilized < currentReplicas) {
    let limit = scaleDownLimit(currentReplicas, history, behavior.scaleDown, now);
    if (limit > currentReplicas) limit = currentReplicas;
    let minimumAllowed = args.minReplicas;
    let possibleReason: string;
    let possibleMessage: string;
    if (minimumAllowed < limit) {
      minimumAllowed = limit;
      possibleReason = 'ScaleDownLimit';
      possibleMessage = 'the desired replica count is decreasing faster than the maximum scale rate';
    } else {
      possibleReason = 'TooFewReplicas';
      possibleMessage = 'the desired replica count is less than the minimum replica count';
    }
    if (stabilized < minimumAllowed) {
      result = minimumAllowed;
      reason = possibleReason;
      message = possibleMessage;
    }
  }
  conditions.push({
    type: 'ScalingLimited',
    status: result === stabilized ? 'False' : 'True',
    reason,
    message,
  });
  return { desiredReplicas: result, conditions, history };
}

/** `storeScaleEvent`: remember a rescale for the rate policies (only with a behavior). */
export function storeScaleEvent(
  history: HpaHistory,
  behavior: ResolvedBehavior | undefined,
  prevReplicas: number,
  newReplicas: number,
  now: number,
): HpaHistory {
  if (!behavior) return history;
  const next = cloneHistory(history);
  const up = newReplicas > prevReplicas;
  const rules = up ? behavior.scaleUp : behavior.scaleDown;
  const events = up ? next.scaleUpEvents : next.scaleDownEvents;
  const longest = rules.policies.reduce((m, p) => Math.max(m, p.periodSeconds), 0);
  const cutoff = now - longest * 1000;
  let oldIndex = -1;
  for (const e of events) if (e.timestamp < cutoff) e.outdated = true;
  events.forEach((e, i) => {
    if (e.outdated) oldIndex = i;
  });
  const event = {
    replicaChange: up ? newReplicas - prevReplicas : prevReplicas - newReplicas,
    timestamp: now,
    outdated: false,
  };
  if (oldIndex >= 0) events[oldIndex] = event;
  else events.push(event);
  return next;
}

/**
 * The HPA replica calculator (kubernetes/kubernetes `pkg/controller/podautoscaler/
 * replica_calculator.go`, `metrics/utilization.go`): per-metric desired replicas with the usage-ratio
 * tolerance, in integer milli-units like the controller.
 */

/** The usage-ratio tolerances (default 0.1 both ways). */
export interface Tolerances {
  scaleDown: number;
  scaleUp: number;
}

/** `Tolerances.isWithin`: (1 − down) ≤ ratio ≤ (1 + up). */
export function isWithinTolerance(t: Tolerances, usageRatio: number): boolean {
  return 1 - t.scaleDown <= usageRatio && usageRatio <= 1 + t.scaleUp;
}

const MAX_INT32 = 2147483647;
const MAX_INT64 = 2 ** 63; // math.MaxInt64 rounds to 2^63 as a float64
const MIN_INT64 = -(2 ** 63);

/** Go's int64(float) on amd64: truncation, out-of-range and NaN → min int64. */
function toInt64(f: number): number {
  if (!Number.isFinite(f) || f >= MAX_INT64 || f < MIN_INT64) return MIN_INT64;
  return Math.trunc(f);
}

/** Result of one metric's computation. */
export interface ReplicaProposal {
  replicas: number;
  /** The usage reported in the HPA status (milli-units, or percent for utilization). */
  usage: number;
  /** For utilization metrics: the raw average usage (milli-units). */
  rawUsage?: number;
}

function sumMilli(values: readonly number[]): number {
  let usage = 0;
  for (const v of values) {
    if (v > 0 && usage > MAX_INT64 - v) return MAX_INT64;
    usage += v;
  }
  return usage;
}

/**
 * `GetExternalPerPodMetricReplicas` (AverageValue target): usage = Σ values; ratio =
 * usage / (target × statusReplicas); outside tolerance → ceil(usage / target) (capped at MaxInt32);
 * reported averageValue = ceil(usage / statusReplicas).
 */
export function externalPerPodReplicas(
  statusReplicas: number,
  targetMilli: number,
  valuesMilli: readonly number[],
  tolerances: Tolerances,
): ReplicaProposal {
  const usage = sumMilli(valuesMilli);
  let replicas = statusReplicas;
  const ratio = usage / (targetMilli * statusReplicas);
  if (!isWithinTolerance(tolerances, ratio)) {
    const r = Math.ceil(usage / targetMilli);
    replicas = r > MAX_INT32 ? MAX_INT32 : r;
  }
  const reported = usage >= MAX_INT64 ? MAX_INT64 : toInt64(Math.ceil(usage / statusReplicas));
  return { replicas, usage: reported };
}

/**
 * `getUsageRatioReplicaCount`: with replicas, within tolerance keeps them, else
 * ceil(ratio × readyReplicas); from zero, ceil(ratio).
 */
export function usageRatioReplicas(
  currentReplicas: number,
  readyReplicas: number,
  usageRatio: number,
  tolerances: Tolerances,
): number {
  if (currentReplicas !== 0) {
    if (isWithinTolerance(tolerances, usageRatio)) return currentReplicas;
    const f = usageRatio * readyReplicas;
    return f > MAX_INT32 ? MAX_INT32 : Math.ceil(f);
  }
  return Math.ceil(usageRatio);
}

/** `GetExternalMetricReplicas` (Value target): usage = Σ values; ratio = usage / target. */
export function externalValueReplicas(
  currentReplicas: number,
  readyReplicas: number,
  targetMilli: number,
  valuesMilli: readonly number[],
  tolerances: Tolerances,
): ReplicaProposal {
  const usage = sumMilli(valuesMilli);
  return {
    replicas: usageRatioReplicas(currentReplicas, readyReplicas, usage / targetMilli, tolerances),
    usage,
  };
}

/** A pod as the HPA's resource metrics see it. */
export interface PodSample {
  name: string;
  /** Pod phase (default Running). */
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  /** Being deleted (deletionTimestamp set): ignored. */
  deleting?: boolean;
  /** The Ready condition's status; `undefined` = the pod has no Ready condition. */
  ready?: boolean;
  /** Ready condition lastTransitionTime (ms). */
  readyTransitionTime?: number;
  /** `status.startTime` (ms); `undefined` = not started. */
  startTime?: number;
  /** Usage from metrics.k8s.io in milli-units (millicores; memory bytes × 1000); `undefined` = no metric. */
  usageMilli?: number;
  /** Sum of the container requests in milli-units; `undefined` = a container lacks the request. */
  requestMilli?: number;
  /** The metric sample's timestamp (ms, default: now) and window (ms, default 0). */
  metricTimestamp?: number;
  metricWindowMs?: number;
}

/** Controller timing flags (kube-controller-manager defaults: 5 min, 30 s). */
export interface PodTimings {
  now: number;
  cpuInitializationPeriodMs: number;
  delayOfInitialReadinessStatusMs: number;
}

/** Pods sorted the way the HPA counts them. */
export interface PodGroups {
  readyPodCount: number;
  unready: Set<string>;
  missing: Set<string>;
  ignored: Set<string>;
}

/** `groupPods`: ignored (deleting/Failed), unready (Pending, or CPU not yet ready), missing (no metric). */
export function groupPods(pods: readonly PodSample[], resource: string, timings: PodTimings): PodGroups {
  const g: PodGroups = { readyPodCount: 0, unready: new Set(), missing: new Set(), ignored: new Set() };
  for (const pod of pods) {
    const phase = pod.phase ?? 'Running';
    if (pod.deleting || phase === 'Failed') {
      g.ignored.add(pod.name);
      continue;
    }
    if (phase === 'Pending') {
      g.unready.add(pod.name);
      continue;
    }
    if (pod.usageMilli === undefined) {
      g.missing.add(pod.name);
      continue;
    }
    if (resource === 'cpu') {
      let unready: boolean;
      if (pod.ready === undefined || pod.startTime === undefined) {
        unready = true;
      } else {
        const transition = pod.readyTransitionTime ?? pod.startTime;
        if (pod.startTime + timings.cpuInitializationPeriodMs > timings.now) {
          const ts = pod.metricTimestamp ?? timings.now;
          unready = !pod.ready || ts < transition + (pod.metricWindowMs ?? 0);
        } else {
          unready = !pod.ready && pod.startTime + timings.delayOfInitialReadinessStatusMs > transition;
        }
      }
      if (unready) {
        g.unready.add(pod.name);
        continue;
      }
    }
    g.readyPodCount++;
  }
  return g;
}

/** A replica calculator failure, with the controller's error text. */
export class ReplicaCalculatorError extends Error {}

function metricsOf(pods: readonly PodSample[], drop: ReadonlySet<string>): Map<string, number> {
  const metrics = new Map<string, number>();
  for (const p of pods)
    if (p.usageMilli !== undefined && !drop.has(p.name)) metrics.set(p.name, p.usageMilli);
  return metrics;
}

/** `GetResourceUtilizationRatio`: integer percent of requests, ratio to the target, raw average. */
function utilizationRatio(
  metrics: ReadonlyMap<string, number>,
  requests: ReadonlyMap<string, number>,
  targetUtilization: number,
): { ratio: number; utilization: number; raw: number } {
  let metricsTotal = 0;
  let requestsTotal = 0;
  let entries = 0;
  for (const [name, value] of metrics) {
    const request = requests.get(name);
    if (request === undefined) continue;
    metricsTotal += value;
    requestsTotal += request;
    entries++;
  }
  if (requestsTotal === 0) throw new ReplicaCalculatorError('no metrics returned matched known pods');
  const utilization = Math.trunc((metricsTotal * 100) / requestsTotal);
  return { ratio: utilization / targetUtilization, utilization, raw: Math.trunc(metricsTotal / entries) };
}

/** `GetMetricUsageRatio`: integer average usage / target. */
function usageRatioOf(
  metrics: ReadonlyMap<string, number>,
  targetUsage: number,
): { ratio: number; usage: number } {
  let total = 0;
  for (const v of metrics.values()) total += v;
  const usage = Math.trunc(total / metrics.size);
  return { ratio: usage / targetUsage, usage };
}

/**
 * `GetResourceReplicas` (Utilization target): unready/missing pods are treated conservatively
 * (0% on scale-up, 100% or the target on scale-down) and direction changes are refused.
 */
export function resourceUtilizationReplicas(
  currentReplicas: number,
  targetUtilization: number,
  resource: string,
  pods: readonly PodSample[],
  tolerances: Tolerances,
  timings: PodTimings,
  containerName?: string,
): ReplicaProposal {
  if (pods.length === 0)
    throw new ReplicaCalculatorError('no pods returned by selector while calculating replica count');
  const g = groupPods(pods, resource, timings);
  const metrics = metricsOf(pods, new Set([...g.ignored, ...g.unready]));
  if (metrics.size === 0)
    throw new ReplicaCalculatorError('did not receive metrics for targeted pods (pods might be unready)');
  const requests = new Map<string, number>();
  for (const p of pods) {
    if (p.requestMilli === undefined) {
      throw new ReplicaCalculatorError(
        containerName
          ? `container ${containerName} not found in Pod ${p.name}`
          : `missing request for ${resource} in container of Pod ${p.name}`,
      );
    }
    requests.set(p.name, p.requestMilli);
  }
  const first = utilizationRatio(metrics, requests, targetUtilization);
  const scaleUpWithUnready = g.unready.size > 0 && first.ratio > 1.0;
  if (!scaleUpWithUnready && g.missing.size === 0) {
    if (isWithinTolerance(tolerances, first.ratio)) {
      return { replicas: currentReplicas, usage: first.utilization, rawUsage: first.raw };
    }
    return {
      replicas: Math.ceil(first.ratio * g.readyPodCount),
      usage: first.utilization,
      rawUsage: first.raw,
    };
  }
  if (g.missing.size > 0) {
    for (const name of g.missing) {
      if (first.ratio < 1.0) {
        const fallback = Math.max(100, targetUtilization);
        metrics.set(name, Math.trunc(((requests.get(name) ?? 0) * fallback) / 100));
      } else if (first.ratio > 1.0) {
        metrics.set(name, 0);
      }
    }
  }
  if (scaleUpWithUnready) for (const name of g.unready) metrics.set(name, 0);
  const second = utilizationRatio(metrics, requests, targetUtilization);
  const keep = { replicas: currentReplicas, usage: first.utilization, rawUsage: first.raw };
  if (
    isWithinTolerance(tolerances, second.ratio) ||
    (first.ratio < 1.0 && second.ratio > 1.0) ||
    (first.ratio > 1.0 && second.ratio < 1.0)
  ) {
    return keep;
  }
  const newReplicas = Math.ceil(second.ratio * metrics.size);
  if (
    (second.ratio < 1.0 && newReplicas > currentReplicas) ||
    (second.ratio > 1.0 && newReplicas < currentReplicas)
  ) {
    return keep;
  }
  return { replicas: newReplicas, usage: first.utilization, rawUsage: first.raw };
}

/** `calcPlainMetricReplicas` (Resource AverageValue target): like utilization but on raw usage. */
export function resourceAverageValueReplicas(
  currentReplicas: number,
  targetUsageMilli: number,
  resource: string,
  pods: readonly PodSample[],
  tolerances: Tolerances,
  timings: PodTimings,
): ReplicaProposal {
  if (pods.length === 0)
    throw new ReplicaCalculatorError('no pods returned by selector while calculating replica count');
  const g = groupPods(pods, resource, timings);
  const metrics = metricsOf(pods, new Set([...g.ignored, ...g.unready]));
  if (metrics.size === 0)
    throw new ReplicaCalculatorError('did not receive metrics for targeted pods (pods might be unready)');
  const first = usageRatioOf(metrics, targetUsageMilli);
  const scaleUpWithUnready = g.unready.size > 0 && first.ratio > 1.0;
  if (!scaleUpWithUnready && g.missing.size === 0) {
    if (isWithinTolerance(tolerances, first.ratio)) return { replicas: currentReplicas, usage: first.usage };
    return { replicas: Math.ceil(first.ratio * g.readyPodCount), usage: first.usage };
  }
  if (g.missing.size > 0) {
    for (const name of g.missing) {
      if (first.ratio < 1.0) metrics.set(name, targetUsageMilli);
      else if (first.ratio > 1.0) metrics.set(name, 0);
    }
  }
  if (scaleUpWithUnready) for (const name of g.unready) metrics.set(name, 0);
  const second = usageRatioOf(metrics, targetUsageMilli);
  const keep = { replicas: currentReplicas, usage: first.usage };
  if (
    isWithinTolerance(tolerances, second.ratio) ||
    (first.ratio < 1.0 && second.ratio > 1.0) ||
    (first.ratio > 1.0 && second.ratio < 1.0)
  ) {
    return keep;
  }
  const newReplicas = Math.ceil(second.ratio * metrics.size);
  if (
    (second.ratio < 1.0 && newReplicas > currentReplicas) ||
    (second.ratio > 1.0 && newReplicas < currentReplicas)
  ) {
    return keep;
  }
  return { replicas: newReplicas, usage: first.usage };
}

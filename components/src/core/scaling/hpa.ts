/**
 * One reconcile of the Kubernetes HPA controller for an autoscaling/v2 HorizontalPodAutoscaler,
 * as a pure function (kubernetes/kubernetes `pkg/controller/podautoscaler/horizontal.go`
 * reconcileAutoscaler / computeReplicasForMetrics / computeReplicasForMetric / computeStatusFor*,
 * with `replica_calculator.go` and the behaviours in `hpa-behavior.ts`): desired replicas, new
 * recommendation/scale-event history, status (conditions with the controller's exact reasons and
 * messages, current metrics) and events (`SuccessfulRescale`, `FailedComputeMetricsReplicas`, …).
 * The HPAScaleToZero alpha feature is off (as by default): at 0 replicas scaling is disabled.
 */

import {
  goLabelSelectorString,
  type HorizontalPodAutoscalerCondition,
  type HorizontalPodAutoscalerSpec,
  type MetricSpec,
  type MetricStatus,
  type MetricTarget,
  type MetricValueStatus,
} from '../kube/autoscaling.js';
import {
  kedaMetricQuantity,
  milliQuantity,
  milliValue,
  parseQuantity,
  quantityToNumber,
  quantityToString,
  type Quantity,
} from '../kube/quantity.js';
import { rfc3339 } from './cooldown.js';
import {
  normalizeWithBehavior,
  normalizeWithoutBehavior,
  resolveBehavior,
  storeScaleEvent,
  type HpaHistory,
  type NormalizationCondition,
  type ResolvedBehavior,
} from './hpa-behavior.js';
import {
  externalPerPodReplicas,
  externalValueReplicas,
  ReplicaCalculatorError,
  resourceAverageValueReplicas,
  resourceUtilizationReplicas,
  type PodSample,
  type PodTimings,
  type Tolerances,
} from './replica-calculator.js';

/** What the metrics APIs returned for one entry of `spec.metrics`. */
export type HpaMetricObservation =
  /** external.metrics.k8s.io: the items' values (numbers are formatted like KEDA, strings are quantities), or the client error text. */
  | { kind: 'external'; values?: ReadonlyArray<number | string>; error?: string }
  /** metrics.k8s.io for Resource/ContainerResource metrics: the pods with usage and requests, or the client error text. */
  | { kind: 'resource'; pods?: readonly PodSample[]; error?: string };

/** An event the HPA controller records (source component `horizontal-pod-autoscaler`). */
export interface HpaEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

/** Controller flags and simulation switches. */
export interface HpaControllerOptions {
  /** `--horizontal-pod-autoscaler-tolerance` (0.1). */
  tolerance?: number;
  /** `--horizontal-pod-autoscaler-downscale-stabilization` in seconds (300). */
  downscaleStabilizationWindowSeconds?: number;
  /** `--horizontal-pod-autoscaler-cpu-initialization-period` in seconds (300). */
  cpuInitializationPeriodSeconds?: number;
  /** `--horizontal-pod-autoscaler-initial-readiness-delay` in seconds (30). */
  initialReadinessDelaySeconds?: number;
  /** HPAConfigurableTolerance feature gate: honour `behavior.scale{Up,Down}.tolerance` (default off). */
  configurableTolerance?: boolean;
}

/** Input of one HPA reconcile. */
export interface HpaReconcileInput {
  /** Namespace of the HPA (used in error texts). */
  namespace: string;
  spec: HorizontalPodAutoscalerSpec;
  /** The HPA's current status (conditions and desiredReplicas are carried over). */
  status?: {
    conditions?: readonly HorizontalPodAutoscalerCondition[];
    desiredReplicas?: number;
    lastScaleTime?: string;
  };
  /** The target's `/scale`: spec.replicas. */
  currentReplicas: number;
  /** The target's `/scale`: status.replicas (default: currentReplicas). */
  statusReplicas?: number;
  /** The target's ready replicas (default: statusReplicas). */
  readyReplicas?: number;
  /** One observation per `spec.metrics` entry. */
  metrics: readonly HpaMetricObservation[];
  history: HpaHistory;
  now: number;
  /** Set to make the `/scale` update fail with this error. */
  scaleUpdateError?: string;
  options?: HpaControllerOptions;
}

/** Output of one HPA reconcile. */
export interface HpaReconcileResult {
  /** The replica count written to `/scale` when `rescale`, else the current count. */
  desiredReplicas: number;
  rescale: boolean;
  /** The rescale reason as in the SuccessfulRescale event. */
  reason?: string;
  /** The new HPA status. */
  status: {
    currentReplicas: number;
    desiredReplicas: number;
    lastScaleTime?: string;
    currentMetrics: MetricStatus[];
    conditions: HorizontalPodAutoscalerCondition[];
  };
  history: HpaHistory;
  events: HpaEvent[];
  /** The reconcile error (e.g. `failed to compute desired number of replicas …`), if any. */
  error?: string;
}

type CondInput = { type: string; status: 'True' | 'False' | 'Unknown'; reason: string; message: string };

/** `setConditionInList`: update in place (lastTransitionTime only on a status change) or append. */
function setCondition(
  list: HorizontalPodAutoscalerCondition[],
  c: CondInput,
  now: number,
): HorizontalPodAutoscalerCondition[] {
  const next = list.map((x) => ({ ...x }));
  const existing = next.find((x) => x.type === c.type);
  if (!existing) {
    return [
      ...next,
      {
        type: c.type,
        status: c.status,
        lastTransitionTime: rfc3339(now),
        reason: c.reason,
        message: c.message,
      },
    ];
  }
  if (existing.status !== c.status) existing.lastTransitionTime = rfc3339(now);
  existing.status = c.status;
  existing.reason = c.reason;
  existing.message = c.message;
  return next;
}

function toQuantity(value: number | string): Quantity {
  return typeof value === 'number' ? kedaMetricQuantity(value) : parseQuantity(value);
}

function targetMilli(target: MetricTarget, field: 'value' | 'averageValue'): number {
  const text = target[field];
  if (text === undefined) return 0;
  return milliValue(parseQuantity(text));
}

interface Proposal {
  replicas: number;
  metricName: string;
  status: MetricStatus;
}

interface Failure {
  condition: CondInput;
  error: string;
  event: HpaEvent;
}

const unable = (reason: string, err: string): Omit<Failure, 'error'> => ({
  condition: {
    type: 'ScalingActive',
    status: 'False',
    reason,
    message: `the HPA was unable to compute the replica count: ${err}`,
  },
  event: { type: 'Warning', reason, message: err },
});

function computeForMetric(
  input: HpaReconcileInput,
  spec: MetricSpec,
  observation: HpaMetricObservation | undefined,
  tolerances: Tolerances,
  timings: PodTimings,
): Proposal | Failure {
  const specReplicas = input.currentReplicas;
  const statusReplicas = input.statusReplicas ?? specReplicas;
  const readyReplicas = input.readyReplicas ?? statusReplicas;
  if (spec.type === 'External' && spec.external) {
    const { metric, target } = spec.external;
    const sel = goLabelSelectorString(metric.selector);
    const describe = `external metric ${metric.name}(${sel})`;
    let values: number[] | undefined;
    let calcError: string | undefined;
    if (!observation || observation.kind !== 'external' || observation.error !== undefined) {
      const err = observation?.error ?? 'no observation';
      calcError = `unable to get external metric ${input.namespace}/${metric.name}/${sel}: unable to fetch metrics from external metrics API: ${err}`;
    } else if (!observation.values || observation.values.length === 0) {
      calcError = `unable to get external metric ${input.namespace}/${metric.name}/${sel}: no metrics returned from external metrics API`;
    } else {
      values = observation.values.map((v) => milliValue(toQuantity(v)));
    }
    if (target.averageValue !== undefined) {
      if (!values) {
        return {
          ...unable('FailedGetExternalMetric', calcError ?? ''),
          error: `failed to get ${metric.name} external metric value: failed to get ${metric.name} external metric: ${calcError}`,
        };
      }
      const p = externalPerPodReplicas(
        statusReplicas,
        targetMilli(target, 'averageValue'),
        values,
        tolerances,
      );
      return {
        replicas: p.replicas,
        metricName: describe,
        status: {
          type: 'External',
          external: {
            metric: { ...metric },
            current: { averageValue: quantityToString(milliQuantity(p.usage)) },
          },
        },
      };
    }
    if (target.value !== undefined) {
      if (!values) {
        return {
          ...unable('FailedGetExternalMetric', calcError ?? ''),
          error: `failed to get ${metric.name} external metric value: failed to get external metric ${metric.name}: ${calcError}`,
        };
      }
      const p = externalValueReplicas(
        specReplicas,
        readyReplicas,
        targetMilli(target, 'value'),
        values,
        tolerances,
      );
      return {
        replicas: p.replicas,
        metricName: describe,
        status: {
          type: 'External',
          external: { metric: { ...metric }, current: { value: quantityToString(milliQuantity(p.usage)) } },
        },
      };
    }
    const msg = 'invalid external metric source: neither a value target nor an average value target was set';
    return {
      ...unable('FailedGetExternalMetric', msg),
      error: `failed to get ${metric.name} external metric value: ${msg}`,
    };
  }
  if (
    (spec.type === 'Resource' && spec.resource) ||
    (spec.type === 'ContainerResource' && spec.containerResource)
  ) {
    const container = spec.type === 'ContainerResource' ? spec.containerResource : undefined;
    const src = (spec.resource ?? spec.containerResource) as { name: string; target: MetricTarget };
    const resource = src.name;
    const reason = container ? 'FailedGetContainerResourceMetric' : 'FailedGetResourceMetric';
    const outer = (inner: string): string =>
      container
        ? `failed to get ${container.container} container metric value: ${inner}`
        : `failed to get ${resource} resource metric value: ${inner}`;
    const binary = resource === 'memory';
    const fmt = (milli: number): string =>
      quantityToString({ ...milliQuantity(milli), format: binary ? 'BinarySI' : 'DecimalSI' });
    const pods = observation?.kind === 'resource' ? observation.pods : undefined;
    const fetchError =
      !observation || observation.kind !== 'resource' || observation.error !== undefined
        ? `unable to get metrics for resource ${resource}: ${observation?.error ?? 'no observation'}`
        : undefined;
    const status = (current: MetricValueStatus): MetricStatus =>
      container
        ? {
            type: 'ContainerResource',
            containerResource: { name: resource, container: container.container, current },
          }
        : { type: 'Resource', resource: { name: resource, current } };
    try {
      if (src.target.averageValue !== undefined) {
        if (fetchError) throw new ReplicaCalculatorError(fetchError);
        const p = resourceAverageValueReplicas(
          specReplicas,
          targetMilli(src.target, 'averageValue'),
          resource,
          pods ?? [],
          tolerances,
          timings,
        );
        return {
          replicas: p.replicas,
          metricName: `${resource} resource`,
          status: status({ averageValue: fmt(p.usage) }),
        };
      }
      if (src.target.averageUtilization === undefined) {
        throw new ReplicaCalculatorError(
          'invalid resource metric source: neither an average utilization target nor an average value (usage) target was set',
        );
      }
      if (fetchError) throw new ReplicaCalculatorError(fetchError);
      const p = resourceUtilizationReplicas(
        specReplicas,
        src.target.averageUtilization,
        resource,
        pods ?? [],
        tolerances,
        timings,
        container?.container,
      );
      return {
        replicas: p.replicas,
        metricName: container
          ? `${resource} container resource utilization (percentage of request)`
          : `${resource} resource utilization (percentage of request)`,
        status: status({ averageUtilization: p.usage, averageValue: fmt(p.rawUsage ?? 0) }),
      };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const wrapped =
        src.target.averageValue !== undefined
          ? `failed to get ${resource} usage: ${message}`
          : message.startsWith('invalid resource metric source')
            ? message
            : `failed to get ${resource} utilization: ${message}`;
      return { ...unable(reason, wrapped), error: outer(wrapped) };
    }
  }
  const msg = `unknown metric source type "${spec.type}"`;
  return { ...unable('InvalidMetricSourceType', msg), error: msg };
}

/**
 * One HPA reconcile: at 0 replicas scaling is disabled (ScalingActive False `ScalingDisabled`);
 * outside [min,max] the count is clamped without metrics; otherwise every metric proposes a count
 * (max wins, invalid metrics handled as upstream), the proposal is stabilized and rate-limited, and
 * the target is rescaled with a `SuccessfulRescale` event such as
 * `New size: 4; reason: external metric s0-rabbitmq-hello(&LabelSelector{…}) above target`.
 */
export function reconcileHpa(input: HpaReconcileInput): HpaReconcileResult {
  const { spec, now } = input;
  const opts = input.options ?? {};
  const tolerance = opts.tolerance ?? 0.1;
  const downWindow = opts.downscaleStabilizationWindowSeconds ?? 300;
  const timings: PodTimings = {
    now,
    cpuInitializationPeriodMs: (opts.cpuInitializationPeriodSeconds ?? 300) * 1000,
    delayOfInitialReadinessStatusMs: (opts.initialReadinessDelaySeconds ?? 30) * 1000,
  };
  const behavior: ResolvedBehavior | undefined = spec.behavior
    ? resolveBehavior(spec.behavior, downWindow)
    : undefined;
  const tolerances: Tolerances = { scaleDown: tolerance, scaleUp: tolerance };
  if (behavior && opts.configurableTolerance) {
    if (behavior.scaleDown.tolerance !== undefined)
      tolerances.scaleDown = quantityToNumber(parseQuantity(behavior.scaleDown.tolerance));
    if (behavior.scaleUp.tolerance !== undefined)
      tolerances.scaleUp = quantityToNumber(parseQuantity(behavior.scaleUp.tolerance));
  }

  let conditions: HorizontalPodAutoscalerCondition[] = (input.status?.conditions ?? []).map((c) => ({
    ...c,
  }));
  const set = (c: CondInput): void => {
    conditions = setCondition(conditions, c, now);
  };
  const events: HpaEvent[] = [];
  let history: HpaHistory = {
    recommendations: input.history.recommendations.map((r) => ({ ...r })),
    scaleUpEvents: input.history.scaleUpEvents.map((e) => ({ ...e })),
    scaleDownEvents: input.history.scaleDownEvents.map((e) => ({ ...e })),
  };

  set({
    type: 'AbleToScale',
    status: 'True',
    reason: 'SucceededGetScale',
    message: "the HPA controller was able to get the target's current scale",
  });
  const current = input.currentReplicas;
  if (history.recommendations.length === 0)
    history.recommendations.push({ replicas: current, timestamp: now });

  const minReplicas = spec.minReplicas ?? 1;
  let desired = 0;
  let reason = '';
  let rescale = true;
  let metricStatuses: MetricStatus[] = [];
  let error: string | undefined;

  const finish = (rescaled: boolean, desiredForStatus: number): HpaReconcileResult => {
    const lastScaleTime = rescaled ? rfc3339(now) : input.status?.lastScaleTime;
    const status: HpaReconcileResult['status'] = {
      currentReplicas: current,
      desiredReplicas: desiredForStatus,
      currentMetrics: metricStatuses,
      conditions,
    };
    if (lastScaleTime !== undefined) status.lastScaleTime = lastScaleTime;
    const result: HpaReconcileResult = {
      desiredReplicas: rescaled ? desiredForStatus : current,
      rescale: rescaled,
      status,
      history,
      events,
    };
    if (reason) result.reason = reason;
    if (error !== undefined) result.error = error;
    return result;
  };

  let needsMetrics = true;
  if (current === 0) {
    desired = 0;
    rescale = false;
    needsMetrics = false;
    set({
      type: 'ScalingActive',
      status: 'False',
      reason: 'ScalingDisabled',
      message: 'scaling is disabled since the replica count of the target is zero',
    });
  } else if (current > spec.maxReplicas) {
    reason = 'Current number of replicas above Spec.MaxReplicas';
    desired = spec.maxReplicas;
    needsMetrics = false;
  } else if (current < minReplicas) {
    reason = 'Current number of replicas below Spec.MinReplicas';
    desired = minReplicas;
    needsMetrics = false;
  }

  if (needsMetrics) {
    const metricSpecs = spec.metrics ?? [];
    let replicas = 0;
    let metricName = '';
    let invalidCount = 0;
    let firstFailure: Failure | undefined;
    metricStatuses = metricSpecs.map((): MetricStatus => ({ type: '' })); // Go's zero MetricStatus for failed metrics
    metricSpecs.forEach((m, i) => {
      const result = computeForMetric(input, m, input.metrics[i], tolerances, timings);
      if ('error' in result) {
        events.push(result.event);
        if (invalidCount <= 0) firstFailure = result;
        invalidCount++;
        return;
      }
      metricStatuses[i] = result.status;
      if (replicas === 0 || result.replicas > replicas) {
        replicas = result.replicas;
        metricName = result.metricName;
      }
    });
    const invalidError = firstFailure
      ? `invalid metrics (${invalidCount} invalid out of ${metricSpecs.length}), first error is: ${firstFailure.error}`
      : undefined;
    if (invalidCount >= metricSpecs.length || (invalidCount > 0 && replicas < current)) {
      if (firstFailure) set(firstFailure.condition);
      events.push({ type: 'Warning', reason: 'FailedComputeMetricsReplicas', message: invalidError ?? '' });
      error = `failed to compute desired number of replicas based on listed metrics for ${spec.scaleTargetRef.kind}/${input.namespace}/${spec.scaleTargetRef.name}: ${invalidError ?? ''}`;
      return finish(false, input.status?.desiredReplicas ?? 0);
    }
    set({
      type: 'ScalingActive',
      status: 'True',
      reason: 'ValidMetricFound',
      message: `the HPA was able to successfully calculate a replica count from ${metricName}`,
    });
    if (invalidError) error = invalidError;
    let rescaleMetric = '';
    if (replicas > desired) {
      desired = replicas;
      rescaleMetric = metricName;
    }
    if (desired > current) reason = `${rescaleMetric} above target`;
    if (desired < current) reason = 'All metrics below target';
    const normalized = behavior
      ? normalizeWithBehavior({
          history,
          behavior,
          currentReplicas: current,
          desiredReplicas: desired,
          minReplicas,
          maxReplicas: spec.maxReplicas,
          now,
        })
      : normalizeWithoutBehavior({
          history,
          currentReplicas: current,
          desiredReplicas: desired,
          minReplicas,
          maxReplicas: spec.maxReplicas,
          downscaleStabilizationWindowSeconds: downWindow,
          now,
        });
    history = normalized.history;
    for (const c of normalized.conditions as NormalizationCondition[]) set(c);
    desired = normalized.desiredReplicas;
    rescale = desired !== current;
  }

  if (rescale) {
    if (input.scaleUpdateError !== undefined) {
      events.push({
        type: 'Warning',
        reason: 'FailedRescale',
        message: `New size: ${desired}; reason: ${reason}; error: ${input.scaleUpdateError}`,
      });
      set({
        type: 'AbleToScale',
        status: 'False',
        reason: 'FailedUpdateScale',
        message: `the HPA controller was unable to update the target scale: ${input.scaleUpdateError}`,
      });
      error = `failed to rescale ${spec.scaleTargetRef.kind}/${input.namespace}/${spec.scaleTargetRef.name}: ${input.scaleUpdateError}`;
      return finish(false, input.status?.desiredReplicas ?? 0);
    }
    set({
      type: 'AbleToScale',
      status: 'True',
      reason: 'SucceededRescale',
      message: `the HPA controller was able to update the target scale to ${desired}`,
    });
    events.push({
      type: 'Normal',
      reason: 'SuccessfulRescale',
      message: `New size: ${desired}; reason: ${reason}`,
    });
    history = storeScaleEvent(history, behavior, current, desired, now);
    return finish(true, desired);
  }
  return finish(false, current);
}

/** The metric `current` value text KEDA's HPA shows for an external metric (for views). */
export function hpaMetricDescription(spec: MetricSpec): string {
  if (spec.external)
    return `external metric ${spec.external.metric.name}(${goLabelSelectorString(spec.external.metric.selector)})`;
  if (spec.resource) {
    return spec.resource.target.averageValue !== undefined
      ? `${spec.resource.name} resource`
      : `${spec.resource.name} resource utilization (percentage of request)`;
  }
  if (spec.containerResource) {
    return spec.containerResource.target.averageValue !== undefined
      ? `${spec.containerResource.name} resource`
      : `${spec.containerResource.name} container resource utilization (percentage of request)`;
  }
  return `${spec.type} metric`;
}

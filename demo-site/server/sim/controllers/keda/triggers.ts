/**
 * The scalers of a ScaledObject or ScaledJob, simulated: each trigger's metric specs (built with
 * `kedaHpaMetricSpecs`, exactly as KEDA builds them for the HPA) and one read of every trigger's
 * source, turned into the `MetricObservation`s the core scaling functions take.
 */
import {
  kedaHpaMetricSpecs,
  type KedaMetricSpecsResult,
  type TriggerScalingParams,
} from '../../../../../components/src/core/keda/hpa-metric-specs.ts';
import type { ResolvedTriggerParams } from '../../../../../components/src/core/keda/trigger-params.ts';
import { triggerTargetInfo } from '../../../../../components/src/core/keda/trigger-targets.ts';
import type { MetricObservation } from '../../../../../components/src/core/scaling/keda.ts';
import type { ResourceRegistry } from '../../registry/registry.ts';
import type { KObject } from '../../registry/types.ts';
import type { ObjectStore } from '../../store/store.ts';
import type { ConsumerSelector, SourceRegistry } from '../../sources/registry.ts';
import { externalScalerSpecs, resolveTriggerParams, triggersOf, type TriggerJson } from './common.ts';

/** Everything KEDA builds from a scalable object's triggers. */
export interface Scalers {
  triggers: TriggerJson[];
  resolved: ResolvedTriggerParams[];
  specs: KedaMetricSpecsResult;
}

/** Builds the scalers' metric specs (with TriggerAuthentication params and the target's env). */
export function buildScalers(
  store: ObjectStore,
  registry: ResourceRegistry,
  object: KObject,
  env: Readonly<Record<string, string>>,
): Scalers {
  const namespace = object.metadata.namespace ?? '';
  const triggers = triggersOf(object);
  const resolved = triggers.map((t) => resolveTriggerParams(store, registry, namespace, t, env));
  const specs = kedaHpaMetricSpecsPerTrigger(object, triggers, resolved, namespace);
  return { triggers, resolved, specs };
}

function kedaHpaMetricSpecsPerTrigger(
  object: KObject,
  triggers: TriggerJson[],
  resolved: ResolvedTriggerParams[],
  namespace: string,
): KedaMetricSpecsResult {
  // The builder takes one context for all triggers, but each trigger has its own
  // TriggerAuthentication: its parameters fill the keys its metadata leaves empty (KEDA's
  // precedence: metadata first, then the authentication).
  const folded = triggers.map((t, i) => {
    const auth = resolved[i]?.authParams ?? {};
    const metadata = { ...t.metadata };
    for (const [k, v] of Object.entries(auth))
      if (metadata[k] === undefined || metadata[k].trim() === '') metadata[k] = v;
    return { ...t, metadata };
  });
  const spec = (object.spec ?? {}) as { advanced?: never };
  return kedaHpaMetricSpecs(
    {
      name: object.metadata.name ?? '',
      spec: { triggers: folded, ...(spec.advanced ? { advanced: spec.advanced } : {}) },
    },
    { namespace, env: resolved[0]?.env ?? {}, externalMetricSpecs: externalScalerSpecs(triggers) },
  );
}

/** One poll of every external trigger. */
export interface TriggerReads {
  observations: MetricObservation[];
  /** Scaler errors, in trigger order (KEDAScalerFailed events). */
  failures: { triggerIndex: number; error: string }[];
  /** Trigger index → raw value (ScaledJob queue lengths). */
  values: Map<number, number>;
}

/** Whether a value makes the trigger active (KEDA: value > activation; github-runner: value ≥ target). */
export function isTriggerActive(p: TriggerScalingParams, value: number): boolean {
  const info = triggerTargetInfo(p.type);
  if (info?.activity === 'at-least-target') return value >= p.target;
  return value > p.activationThreshold;
}

export function readTriggers(
  sources: SourceRegistry,
  object: KObject,
  scalers: Scalers,
  reader: string,
  consumers: ConsumerSelector | undefined,
): TriggerReads {
  const out: TriggerReads = { observations: [], failures: [], values: new Map() };
  if (!scalers.specs.ok) return out;
  const namespace = object.metadata.namespace ?? '';
  for (const p of scalers.specs.triggers) {
    if (p.sourceType !== 'External' || p.metricNames.length === 0) continue;
    const trigger = scalers.triggers[p.index];
    if (!trigger) continue;
    const reading = sources.read(trigger, namespace, scalers.resolved[p.index] ?? {}, reader, consumers);
    const target = {
      type: p.targetType === 'Value' ? ('Value' as const) : ('AverageValue' as const),
      value: p.target,
    };
    if ('error' in reading) {
      out.failures.push({ triggerIndex: p.index, error: reading.error });
      for (const metricName of p.metricNames)
        out.observations.push({ metricName, triggerIndex: p.index, error: reading.error, target });
      continue;
    }
    out.values.set(p.index, reading.value);
    const active = reading.active ?? isTriggerActive(p, reading.value);
    for (const metricName of p.metricNames) {
      out.observations.push({ metricName, triggerIndex: p.index, value: reading.value, active, target });
    }
  }
  return out;
}

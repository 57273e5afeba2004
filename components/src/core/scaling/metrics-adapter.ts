/**
 * What KEDA's metrics adapter answers when the HPA asks for one external metric
 * (kedacore/keda `pkg/scaling/scale_handler.go` GetScaledObjectMetrics + getTrueMetricArray +
 * `pkg/fallback` + `pkg/scaling/modifiers`): the scaler value (`%.3f` quantity), the fallback
 * value once failures exceed the threshold, the composite metric with scalingModifiers, or KEDA's
 * error (`metric:<name> encountered error`, `no matching metrics found for <name>`).
 */

import {
  kedaMetricQuantity,
  kedaMetricValueString,
  milliQuantity,
  quantityToNumber,
  quantityToString,
} from '../kube/quantity.js';
import { COMPOSITE_METRIC_NAME } from '../keda/metric-names.js';
import { readMetricWithFallback, type HealthMap } from './fallback.js';
import type { LoopScaledObjectSpec, MetricObservation } from './keda.js';
import { evaluateComposite, validateScalingModifiers } from './modifiers.js';

/** Input of one external-metrics query. */
export interface AdapterQuery {
  spec: LoopScaledObjectSpec;
  /** `status.health` before the query (each query counts as a read for the fallback). */
  health: HealthMap | undefined;
  /** `status.externalMetricNames` (all of them are read when scalingModifiers has a target). */
  externalMetricNames: readonly string[];
  /** The metric the HPA asked for (`s0-…` or `composite-metric`). */
  metricName: string;
  /** The scalers' current results, one per external metric. */
  metrics: readonly MetricObservation[];
  currentReplicas?: number;
  readyReplicas?: number;
}

/** One item of the ExternalMetricValueList. */
export interface AdapterItem {
  metricName: string;
  /** The Quantity string as served (`value` field). */
  value: string;
}

/** The adapter's answer, and the health after the reads. */
export type AdapterResponse =
  | { ok: true; items: AdapterItem[]; fallbackActive: boolean; health: HealthMap }
  | { ok: false; error: string; health: HealthMap };

/** Answers one HPA query for an external metric of a ScaledObject. */
export function externalMetricValue(query: AdapterQuery): AdapterResponse {
  const { spec } = query;
  const sm = spec.advanced?.scalingModifiers;
  const wanted = sm?.target ? new Set(query.externalMetricNames) : new Set([query.metricName]);
  let health: HealthMap = query.health ?? {};
  let isError = false;
  let fallbackActive = false;
  const fallbackItems: AdapterItem[] = [];
  const items: AdapterItem[] = [];
  const values: Record<string, number | null> = {};
  for (const m of query.metrics) {
    if (!wanted.has(m.metricName)) continue;
    const read = readMetricWithFallback({
      spec,
      health,
      metricName: m.metricName,
      result: m.error !== undefined ? { error: m.error } : { value: m.value ?? 0 },
      target: m.target ?? { type: 'AverageValue', value: 0 },
      ...(query.currentReplicas !== undefined ? { currentReplicas: query.currentReplicas } : {}),
      ...(query.readyReplicas !== undefined ? { readyReplicas: query.readyReplicas } : {}),
    });
    health = read.health;
    const triggerName = spec.triggers[m.triggerIndex]?.name;
    switch (read.kind) {
      case 'error':
        isError = true;
        break;
      case 'value':
        items.push({ metricName: m.metricName, value: kedaMetricValueString(read.value) });
        if (triggerName) values[triggerName] = quantityToNumber(kedaMetricQuantity(read.value));
        break;
      case 'placeholder':
        items.push({ metricName: m.metricName, value: '-1' });
        if (triggerName) {
          const h = health[m.metricName];
          values[triggerName] = h && h.numberOfFailures > (spec.fallback?.failureThreshold ?? 0) ? null : -1;
        }
        break;
      case 'fallback':
        fallbackActive = true;
        fallbackItems.push({ metricName: read.metricName, value: read.quantity });
        items.push({ metricName: read.metricName, value: read.quantity });
        break;
    }
  }
  if (!fallbackActive && isError)
    return { ok: false, error: `metric:${query.metricName} encountered error`, health };
  if (items.length === 0)
    return { ok: false, error: `no matching metrics found for ${query.metricName}`, health };

  const usingModifiers = !!sm && !!(sm.formula || sm.target || sm.activationTarget || sm.metricType);
  if (!usingModifiers) return { ok: true, items, fallbackActive, health };
  if (fallbackActive) {
    const first = fallbackItems[0] as AdapterItem;
    return {
      ok: true,
      items: [{ metricName: COMPOSITE_METRIC_NAME, value: first.value }],
      fallbackActive,
      health,
    };
  }
  if (!sm?.formula) return { ok: true, items, fallbackActive, health };
  const validation = validateScalingModifiers(spec);
  if (!validation.ok) return { ok: false, error: `error getting scalers ${validation.error}`, health };
  const composite = evaluateComposite(validation.modifiers, values, spec.fallback ?? null);
  if (!composite.ok) return { ok: true, items: [], fallbackActive, health };
  return {
    ok: true,
    items: [{ metricName: COMPOSITE_METRIC_NAME, value: quantityToString(milliQuantity(composite.milli)) }],
    fallbackActive,
    health,
  };
}

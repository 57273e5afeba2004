/**
 * The fields of KEDA objects the webhooks read, as Go decodes them into KEDA's API types:
 * absent pointers are undefined, absent strings and numbers are their zero values.
 */
import { asStringRecord, isObject, type JsonObject } from '../../core/json.ts';
import type { KObject } from '../../registry/types.ts';

export interface Trigger {
  type: string;
  name: string;
  useCachedMetrics: boolean;
  metadata: Record<string, string>;
  metricType: string;
}

export interface ScalingModifiers {
  formula: string;
  target: string;
  activationTarget: string;
  metricType: string;
}

export interface ScaledObjectSpec {
  scaleTargetRef: { apiVersion: string; kind: string; name: string };
  pollingInterval: number | undefined;
  cooldownPeriod: number | undefined;
  idleReplicaCount: number | undefined;
  minReplicaCount: number | undefined;
  maxReplicaCount: number | undefined;
  /** undefined when `advanced` is absent. */
  advanced: { hpaName: string | undefined; scalingModifiers: ScalingModifiers } | undefined;
  triggers: Trigger[];
  fallback: { failureThreshold: number; replicas: number; behavior: string } | undefined;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const int = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const obj = (v: unknown): JsonObject => (isObject(v) ? v : {});

export function triggersOf(spec: unknown): Trigger[] {
  const triggers = obj(spec).triggers;
  if (!Array.isArray(triggers)) return [];
  return triggers.map((t) => {
    const o = obj(t);
    return {
      type: str(o.type),
      name: str(o.name),
      useCachedMetrics: o.useCachedMetrics === true,
      metadata: asStringRecord(o.metadata) ?? {},
      metricType: str(o.metricType),
    };
  });
}

export function scaledObjectSpec(so: KObject): ScaledObjectSpec {
  const spec = obj(so.spec);
  const ref = obj(spec.scaleTargetRef);
  let advanced: ScaledObjectSpec['advanced'];
  if (isObject(spec.advanced)) {
    const hpa = spec.advanced.horizontalPodAutoscalerConfig;
    const sm = obj(spec.advanced.scalingModifiers);
    advanced = {
      hpaName: isObject(hpa) ? str(hpa.name) : undefined,
      scalingModifiers: {
        formula: str(sm.formula),
        target: str(sm.target),
        activationTarget: str(sm.activationTarget),
        metricType: str(sm.metricType),
      },
    };
  }
  const fallback = isObject(spec.fallback)
    ? {
        failureThreshold: int(spec.fallback.failureThreshold) ?? 0,
        replicas: int(spec.fallback.replicas) ?? 0,
        behavior: str(spec.fallback.behavior),
      }
    : undefined;
  return {
    scaleTargetRef: { apiVersion: str(ref.apiVersion), kind: str(ref.kind), name: str(ref.name) },
    pollingInterval: int(spec.pollingInterval),
    cooldownPeriod: int(spec.cooldownPeriod),
    idleReplicaCount: int(spec.idleReplicaCount),
    minReplicaCount: int(spec.minReplicaCount),
    maxReplicaCount: int(spec.maxReplicaCount),
    advanced,
    triggers: triggersOf(spec),
    fallback,
  };
}

/** `IsUsingModifiers`: `advanced` is set and scalingModifiers is not all zero values. */
export function usesModifiers(spec: ScaledObjectSpec): boolean {
  const sm = spec.advanced?.scalingModifiers;
  return !!sm && !!(sm.formula || sm.target || sm.activationTarget || sm.metricType);
}

/** `getHpaName`: the custom HPA name, else `keda-hpa-<name>`. */
export function hpaNameOf(name: string, spec: ScaledObjectSpec): string {
  return spec.advanced?.hpaName || `keda-hpa-${name}`;
}

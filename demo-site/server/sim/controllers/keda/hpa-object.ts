/**
 * The HorizontalPodAutoscaler KEDA creates for a ScaledObject (controllers/keda/hpa.go,
 * REFERENCE §2.4): name, labels (app.kubernetes.io/* plus the ScaledObject's own, minus
 * `scaledobject.keda.sh/hpa-excluded-labels`), the ScaledObject's annotations, the owner reference,
 * min/max, scaleTargetRef, the metrics `kedaHpaMetricSpecs` generated, and the behavior from
 * `advanced.horizontalPodAutoscalerConfig.behavior` with paused-scale-in/out applied.
 */
import type {
  HorizontalPodAutoscalerBehavior,
  MetricSpec,
} from '../../../../../components/src/core/kube/autoscaling.ts';
import {
  excludedLabels,
  KEDA_ANNOTATIONS,
  scaledObjectPauseState,
} from '../../../../../components/src/core/keda/annotations.ts';
import {
  hpaMaxReplicas,
  hpaMinReplicas,
  hpaName,
  scaleTargetApiVersion,
  scaleTargetKind,
  type ScaledObjectDefaultsInput,
} from '../../../../../components/src/core/keda/defaults.ts';
import type { KedaVersion } from '../../../../../components/src/core/scaling/keda.ts';
import { clone, deepEqual, getPath, isObject, type JsonObject } from '../../core/json.ts';
import type { KObject } from '../../registry/types.ts';
import { versionLabel } from './common.ts';

/** Trim to `max` characters (kedacontrollerutil.Trim). */
function trim(text: string, max = 63): string {
  return text.length > max ? text.slice(0, max) : text;
}

export function desiredHpa(so: KObject, metrics: MetricSpec[], version: KedaVersion): KObject {
  const spec = (so.spec ?? {}) as ScaledObjectDefaultsInput & { scaleTargetRef?: { name?: string } };
  const soName = so.metadata.name ?? '';
  const name = hpaName(soName, spec).value;
  const excluded = excludedLabels(so.metadata.annotations, KEDA_ANNOTATIONS.hpaExcludedLabels);
  const labels: Record<string, string> = {
    'app.kubernetes.io/name': trim(name),
    'app.kubernetes.io/version': versionLabel(version),
    'app.kubernetes.io/part-of': trim(soName),
    'app.kubernetes.io/managed-by': 'keda-operator',
  };
  for (const [k, v] of Object.entries(so.metadata.labels ?? {})) if (!excluded.has(k)) labels[k] = v;
  const configured = getPath(so, ['spec', 'advanced', 'horizontalPodAutoscalerConfig', 'behavior']);
  let behavior: HorizontalPodAutoscalerBehavior | undefined = isObject(configured)
    ? (clone(configured) as HorizontalPodAutoscalerBehavior)
    : undefined;
  const pause = scaledObjectPauseState(so.metadata.annotations);
  if (pause.pauseScaleIn) {
    behavior ??= {};
    behavior.scaleDown = { ...(behavior.scaleDown ?? {}), selectPolicy: 'Disabled' };
  }
  if (pause.pauseScaleOut) {
    behavior ??= {};
    behavior.scaleUp = { ...(behavior.scaleUp ?? {}), selectPolicy: 'Disabled' };
  }
  const apiVersion = scaleTargetApiVersion(spec).value;
  const hpaSpec: JsonObject = {
    scaleTargetRef: { apiVersion, kind: scaleTargetKind(spec).value, name: spec.scaleTargetRef?.name ?? '' },
    minReplicas: hpaMinReplicas(spec).value,
    maxReplicas: hpaMaxReplicas(spec).value,
    metrics: clone(metrics),
  };
  if (behavior) hpaSpec.behavior = behavior;
  const metadata: KObject['metadata'] = {
    name,
    namespace: so.metadata.namespace,
    labels,
    ownerReferences: [
      {
        apiVersion: 'keda.sh/v1alpha1',
        kind: 'ScaledObject',
        name: soName,
        uid: so.metadata.uid ?? '',
        controller: true,
        blockOwnerDeletion: true,
      },
    ],
  };
  if (so.metadata.annotations && Object.keys(so.metadata.annotations).length > 0) {
    metadata.annotations = { ...so.metadata.annotations };
  }
  return { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata, spec: hpaSpec };
}

/** equality.Semantic.DeepDerivative: every field set in `desired` has that value in `actual`. */
export function deepDerivative(desired: unknown, actual: unknown): boolean {
  if (desired === undefined || desired === null) return true;
  if (Array.isArray(desired)) {
    return (
      Array.isArray(actual) &&
      desired.length === actual.length &&
      desired.every((d, i) => deepDerivative(d, actual[i]))
    );
  }
  if (isObject(desired)) {
    if (!isObject(actual)) return false;
    return Object.entries(desired).every(([k, v]) => deepDerivative(v, actual[k]));
  }
  return deepEqual(desired, actual);
}

/** Whether the stored HPA must be updated to match `desired` (updateHPAIfNeeded). */
export function hpaNeedsUpdate(desired: KObject, stored: KObject): boolean {
  return (
    !deepDerivative(desired.spec, stored.spec) ||
    !deepEqual(desired.metadata.labels ?? {}, stored.metadata.labels ?? {}) ||
    !deepEqual(desired.metadata.annotations ?? {}, stored.metadata.annotations ?? {}) ||
    // A behavior removed from the ScaledObject must go from the HPA too.
    ((desired.spec as JsonObject).behavior === undefined &&
      getPath(stored, ['spec', 'behavior']) !== undefined)
  );
}

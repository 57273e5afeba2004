import type { HorizontalPodAutoscaler } from '../kube/autoscaling.js';
import { hpaName } from './defaults.js';
import type { ScaledObject } from './types.js';

/** The HPA KEDA manages for a ScaledObject: `status.hpaName`, else the name KEDA gives it. */
export function managedHpaName(so: ScaledObject): string {
  return so.status?.hpaName || hpaName(so.metadata.name ?? '', so.spec ?? {}).value;
}

/** The key of the ScaledObject's HPA among a namespace's objects: `namespace/name`. */
export function managedHpaKey(so: ScaledObject): string {
  return `${so.metadata.namespace ?? ''}/${managedHpaName(so)}`;
}

/** The target's replicas as the HPA last saw them and the count it wants. */
export interface HpaReplicas {
  current: number;
  desired: number;
}

/**
 * The HPA's replica counts; undefined before the HPA controller has written its status. A missing
 * `currentReplicas` is 0 (autoscaling/v2 omits it when empty).
 */
export function hpaReplicas(hpa: HorizontalPodAutoscaler | undefined): HpaReplicas | undefined {
  const status = hpa?.status;
  if (!status || typeof status.desiredReplicas !== 'number') return undefined;
  return { current: status.currentReplicas ?? 0, desired: status.desiredReplicas };
}

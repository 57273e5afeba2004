import { KEDA_ANNOTATIONS } from './annotations.js';

/** Merge patches for the pause actions KEDA understands (annotations on the ScaledObject). */

/** Pause scaling: KEDA stops the scale loop and removes the HPA; with `replicas`, scales the target there first. */
export function pausePatch(replicas?: number): { metadata: { annotations: Record<string, string | null> } } {
  if (replicas !== undefined && (!Number.isInteger(replicas) || replicas < 0 || replicas > 2147483647)) {
    throw new RangeError(`Paused replicas must be a whole number from 0 to 2147483647, got ${replicas}`);
  }
  return {
    metadata: {
      annotations:
        replicas === undefined
          ? { [KEDA_ANNOTATIONS.paused]: 'true' }
          : { [KEDA_ANNOTATIONS.pausedReplicas]: String(replicas), [KEDA_ANNOTATIONS.paused]: null },
    },
  };
}

/** Resume: removes every pause annotation (paused, paused-replicas, paused-scale-in, paused-scale-out). */
export function resumePatch(): { metadata: { annotations: Record<string, null> } } {
  return {
    metadata: {
      annotations: {
        [KEDA_ANNOTATIONS.paused]: null,
        [KEDA_ANNOTATIONS.pausedReplicas]: null,
        [KEDA_ANNOTATIONS.pausedScaleIn]: null,
        [KEDA_ANNOTATIONS.pausedScaleOut]: null,
      },
    },
  };
}

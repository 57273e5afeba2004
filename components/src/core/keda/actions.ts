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

/**
 * Force activation (ScaledObjects only; `autoscaling.keda.sh/force-activation`): KEDA treats every trigger as active while the
 * annotation is set (scaling a target up from 0) and computes activity from the triggers again once
 * it is removed.
 */
export function forceActivationPatch(on: boolean): {
  metadata: { annotations: Record<string, string | null> };
} {
  return { metadata: { annotations: { [KEDA_ANNOTATIONS.forceActivation]: on ? 'true' : null } } };
}

/** What a list can do to several objects at once. */
export type BulkActionId = 'pause' | 'resume' | 'force-activation' | 'stop-force-activation' | 'delete';

export interface BulkAction {
  id: BulkActionId;
  /** Button text. */
  label: string;
  /** Past tense for the result line (`Paused 3 ScaledObjects`). */
  done: string;
  /** The merge patch to send; undefined for delete. */
  patch: (() => object) | undefined;
  /** Asks for confirmation with the names first. */
  confirm: boolean;
}

const ACTIONS: Record<BulkActionId, BulkAction> = {
  pause: { id: 'pause', label: 'Pause', done: 'Paused', patch: () => pausePatch(), confirm: false },
  resume: { id: 'resume', label: 'Resume', done: 'Resumed', patch: resumePatch, confirm: false },
  'force-activation': {
    id: 'force-activation',
    label: 'Force activation',
    done: 'Forced activation of',
    patch: () => forceActivationPatch(true),
    confirm: false,
  },
  'stop-force-activation': {
    id: 'stop-force-activation',
    label: 'Stop forcing',
    done: 'Stopped forcing activation of',
    patch: () => forceActivationPatch(false),
    confirm: false,
  },
  delete: { id: 'delete', label: 'Delete…', done: 'Deleted', patch: undefined, confirm: true },
};

/**
 * The bulk actions KEDA supports per kind: ScaledObjects pause (`paused`), resume (removes every
 * pause annotation), force activation and delete; ScaledJobs pause, resume and delete (KEDA reads
 * only `paused` on them and has no force activation for jobs); trigger authentications delete.
 */
export function bulkActionsFor(
  kind: 'ScaledObject' | 'ScaledJob' | 'TriggerAuthentication' | 'ClusterTriggerAuthentication',
): BulkAction[] {
  const ids: BulkActionId[] =
    kind === 'ScaledObject'
      ? ['pause', 'resume', 'force-activation', 'stop-force-activation', 'delete']
      : kind === 'ScaledJob'
        ? ['pause', 'resume', 'delete']
        : ['delete'];
  return ids.map((id) => ACTIONS[id]);
}

/**
 * Which KEDA object manages a workload, decided from what the cluster says: a ScaledObject whose
 * scaleTargetRef names it (Deployment, StatefulSet or any scalable kind), the ScaledObject that
 * owns a KEDA HPA, the ScaledJob whose label a Job carries.
 */
import * as kedaDefaults from 'keda-elements/core/keda/defaults';
import type { ScaledJob, ScaledObject } from 'keda-elements/core/keda/types';

export const SCALED_JOB_LABEL = 'scaledjob.keda.sh/name';

/** The few fields of any Kubernetes object this module reads. */
export interface ManagedCandidate {
  kind?: string;
  apiVersion?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    ownerReferences?: ReadonlyArray<{ apiVersion?: string; kind?: string; name?: string }>;
  };
}

export type KedaManager =
  | { kind: 'ScaledObject'; namespace: string; name: string; object: ScaledObject | undefined }
  | { kind: 'ScaledJob'; namespace: string; name: string; object: ScaledJob | undefined };

const apiGroup = (apiVersion: string | undefined) =>
  apiVersion?.includes('/') ? apiVersion.split('/')[0] : '';

/** Whether the ScaledObject's scaleTargetRef points at this object (same namespace, group, kind, name). */
export function targets(so: ScaledObject, target: ManagedCandidate): boolean {
  const spec = so.spec;
  if (!spec?.scaleTargetRef?.name) return false;
  if (so.metadata?.namespace !== target.metadata?.namespace) return false;
  if (spec.scaleTargetRef.name !== target.metadata?.name) return false;
  if (kedaDefaults.scaleTargetKind(spec).value !== target.kind) return false;
  return apiGroup(kedaDefaults.scaleTargetApiVersion(spec).value) === apiGroup(target.apiVersion);
}

/**
 * The KEDA object that manages `resource`, or undefined (unrelated resources, other kinds).
 * `scaledObjects` / `scaledJobs` are those of the resource's namespace (any extra are ignored).
 */
export function kedaManager(
  resource: ManagedCandidate,
  scaledObjects: readonly ScaledObject[],
  scaledJobs: readonly ScaledJob[] = []
): KedaManager | undefined {
  const namespace = resource.metadata?.namespace ?? '';
  const inNamespace = <T extends { metadata?: { namespace?: string; name?: string } }>(
    list: readonly T[],
    name: string
  ) => list.find(o => o.metadata?.namespace === namespace && o.metadata?.name === name);
  switch (resource.kind) {
    case 'HorizontalPodAutoscaler': {
      const owner = resource.metadata?.ownerReferences?.find(
        ref => ref.kind === 'ScaledObject' && apiGroup(ref.apiVersion) === 'keda.sh' && ref.name
      );
      if (!owner?.name) return undefined;
      return {
        kind: 'ScaledObject',
        namespace,
        name: owner.name,
        object: inNamespace(scaledObjects, owner.name),
      };
    }
    case 'Job': {
      const name = resource.metadata?.labels?.[SCALED_JOB_LABEL];
      if (!name) return undefined;
      return { kind: 'ScaledJob', namespace, name, object: inNamespace(scaledJobs, name) };
    }
    default: {
      const so = scaledObjects.find(candidate => targets(candidate, resource));
      if (!so?.metadata?.name) return undefined;
      return { kind: 'ScaledObject', namespace, name: so.metadata.name, object: so };
    }
  }
}

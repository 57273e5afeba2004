import type { GraphInput, JobObject, PodObject, WorkloadObject } from '../../../core/graph/build.js';
import type { HorizontalPodAutoscaler } from '../../../core/kube/autoscaling.js';
import {
  ClusterTriggerAuthenticationResource,
  DeploymentResource,
  HorizontalPodAutoscalerResource,
  JobResource,
  PodResource,
  ReplicaSetResource,
  ScaledJobResource,
  ScaledObjectResource,
  StatefulSetResource,
  TriggerAuthenticationResource,
  type ResourceType,
} from '../../../core/kube/resource.js';
import type { ScaledJob, ScaledObject, TriggerAuthentication } from '../../../core/keda/types.js';
import type { StoreNeed } from '../../../controllers/store-controller.js';
import type { Collection, KedaStore } from '../../../data/keda-store.js';
import type { InformerState } from '../../../data/informer.js';
import type { KubeObject } from '../../../core/kube/types.js';

/** What the graph watches: the KEDA kinds and what they drive (Secrets are never read, only named). */
export const GRAPH_RESOURCES: readonly ResourceType[] = [
  ScaledObjectResource,
  ScaledJobResource,
  TriggerAuthenticationResource,
  ClusterTriggerAuthenticationResource,
  HorizontalPodAutoscalerResource,
  DeploymentResource,
  StatefulSetResource,
  ReplicaSetResource,
  PodResource,
  JobResource,
];

export function graphNeeds(namespace: string | undefined): StoreNeed[] {
  return GRAPH_RESOURCES.map((type) => ({ type, ...(type.namespaced && namespace ? { namespace } : {}) }));
}

export interface StoreSnapshot {
  input: GraphInput;
  /** The ScaledObjects' informer state (loading and errors are about it first). */
  scalers: InformerState;
  scaledJobs: InformerState;
  /** Item arrays, to tell whether anything changed since the last build. */
  arrays: ReadonlyArray<readonly KubeObject[]>;
}

/** The store's current objects in scope, as the graph model's input. */
export function snapshot(store: KedaStore, namespace: string | undefined, now: number): StoreSnapshot {
  const scope = namespace ? { namespace } : {};
  const get = <T extends KubeObject>(type: ResourceType): Collection<T> => store.collection<T>(type, scope);
  const so = get<ScaledObject>(ScaledObjectResource);
  const sj = get<ScaledJob>(ScaledJobResource);
  const ta = get<TriggerAuthentication>(TriggerAuthenticationResource);
  const cta = get<TriggerAuthentication>(ClusterTriggerAuthenticationResource);
  const hpa = get<HorizontalPodAutoscaler>(HorizontalPodAutoscalerResource);
  const deploy = get<WorkloadObject>(DeploymentResource);
  const sts = get<WorkloadObject>(StatefulSetResource);
  const rs = get<WorkloadObject>(ReplicaSetResource);
  const pods = get<PodObject>(PodResource);
  const jobs = get<JobObject>(JobResource);
  const known = new Set<string>();
  const pairs: Array<[string, Collection<KubeObject>]> = [
    ['TriggerAuthentication', ta],
    ['ClusterTriggerAuthentication', cta],
    ['HorizontalPodAutoscaler', hpa],
    ['Deployment', deploy],
    ['StatefulSet', sts],
  ];
  for (const [kind, c] of pairs) if (c.state.synced) known.add(kind);
  return {
    input: {
      scaledObjects: so.items,
      scaledJobs: sj.items,
      triggerAuthentications: ta.items,
      clusterTriggerAuthentications: cta.items,
      hpas: hpa.items,
      workloads: { Deployment: deploy.items, StatefulSet: sts.items },
      replicaSets: rs.items,
      pods: pods.items,
      jobs: jobs.items,
      known,
      now,
    },
    scalers: so.state,
    scaledJobs: sj.state,
    arrays: [so, sj, ta, cta, hpa, deploy, sts, rs, pods, jobs].map((c) => c.items),
  };
}

/** Same objects (by reference) in the same order: the graph would not change. */
export function sameArrays(
  a: ReadonlyArray<readonly KubeObject[]> | undefined,
  b: ReadonlyArray<readonly KubeObject[]>,
): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j += 1) if (x[j] !== y[j]) return false;
  }
  return true;
}

import type { ScaledObject } from '../../../components/src/core/keda/types.ts';
import type { HorizontalPodAutoscaler } from '../../../components/src/core/kube/autoscaling.ts';

/** The same 10,000 ScaledObjects for both tables: 40 namespaces, four trigger types, mixed states. */
export function benchScaledObjects(count: number): ScaledObject[] {
  const types = ['rabbitmq', 'kafka', 'prometheus', 'cron'];
  const created = Date.parse('2026-11-01T00:00:00Z');
  return Array.from({ length: count }, (_, i) => {
    const type = types[i % types.length]!;
    const active = i % 3 === 0;
    return {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: {
        name: `so-${String(i).padStart(5, '0')}`,
        namespace: `team-${i % 40}`,
        uid: `uid-${i}`,
        resourceVersion: String(1000 + i),
        creationTimestamp: new Date(created + i * 60_000).toISOString(),
      },
      spec: {
        scaleTargetRef: { name: `worker-${i}` },
        minReplicaCount: i % 2,
        maxReplicaCount: 5 + (i % 20),
        triggers: [{ type, metadata: { queueName: `q-${i}` } }],
      },
      status: {
        scaleTargetKind: 'apps/v1.Deployment',
        triggersTypes: type,
        conditions: [
          { type: 'Ready', status: 'True', reason: 'ScaledObjectReady' },
          {
            type: 'Active',
            status: active ? 'True' : 'False',
            reason: active ? 'ScalerActive' : 'ScalerNotActive',
          },
          { type: 'Fallback', status: 'False' },
          { type: 'Paused', status: 'False' },
        ],
      },
    };
  });
}

/** The HPA KEDA keeps for each of `benchScaledObjects(count)`: idle, steady or scaling. */
export function benchHpas(count: number): HorizontalPodAutoscaler[] {
  return Array.from({ length: count }, (_, i) => {
    const current = i % 3 === 0 ? 1 + (i % 5) : 0;
    const desired = i % 7 === 0 ? current + 2 : current;
    return {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: {
        name: `keda-hpa-so-${String(i).padStart(5, '0')}`,
        namespace: `team-${i % 40}`,
        uid: `hpa-uid-${i}`,
        resourceVersion: String(20_000 + i),
      },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: `worker-${i}` },
        minReplicas: 1,
        maxReplicas: 5 + (i % 20),
      },
      status: { ...(current ? { currentReplicas: current } : {}), desiredReplicas: desired },
    };
  });
}

/** The REPLICAS text both tables show: `current`, or `current → desired` while they differ. */
export function replicasText(hpa: HorizontalPodAutoscaler): string {
  const current = hpa.status?.currentReplicas ?? 0;
  const desired = hpa.status?.desiredReplicas ?? 0;
  return current === desired ? `${current}` : `${current} → ${desired}`;
}

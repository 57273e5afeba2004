import type { ScaledObject } from '../../../components/src/core/keda/types.ts';

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

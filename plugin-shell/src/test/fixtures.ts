/** ScaledObjects as the API server returns them, for the page and render tests. */
const created = new Date(Date.now() - 3 * 3600_000).toISOString();

function condition(type: string, status: string, reason: string) {
  return { type, status, reason, message: `${type} is ${status}`, lastTransitionTime: created };
}

export const scaledObjectList = {
  kind: 'ScaledObjectList',
  apiVersion: 'keda.sh/v1alpha1',
  metadata: { resourceVersion: '1200' },
  items: [
    {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: {
        name: 'orders-consumer',
        namespace: 'shop',
        uid: 'uid-orders',
        resourceVersion: '1100',
        creationTimestamp: created,
      },
      spec: {
        scaleTargetRef: { name: 'orders-consumer' },
        minReplicaCount: 0,
        maxReplicaCount: 20,
        triggers: [{ type: 'rabbitmq', metadata: { queueName: 'orders', value: '20' } }],
      },
      status: {
        scaleTargetKind: 'apps/v1.Deployment',
        triggersTypes: 'rabbitmq',
        conditions: [
          condition('Ready', 'True', 'ScaledObjectReady'),
          condition('Active', 'True', 'ScalerActive'),
          condition('Fallback', 'False', 'NoFallbackFound'),
          condition('Paused', 'False', 'ScaledObjectUnpaused'),
        ],
      },
    },
    {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: {
        name: 'nightly-report',
        namespace: 'batch',
        uid: 'uid-nightly',
        resourceVersion: '1150',
        creationTimestamp: created,
      },
      spec: {
        scaleTargetRef: { name: 'report-worker' },
        minReplicaCount: 1,
        maxReplicaCount: 5,
        triggers: [
          {
            type: 'cron',
            metadata: {
              timezone: 'UTC',
              start: '0 1 * * *',
              end: '0 3 * * *',
              desiredReplicas: '5',
            },
          },
        ],
      },
      status: {
        scaleTargetKind: 'apps/v1.Deployment',
        triggersTypes: 'cron',
        conditions: [
          condition('Ready', 'True', 'ScaledObjectReady'),
          condition('Active', 'False', 'ScalerNotActive'),
          condition('Fallback', 'False', 'NoFallbackFound'),
        ],
      },
    },
  ],
};

export const scaledObjectNames = scaledObjectList.items.map(item => item.metadata.name);

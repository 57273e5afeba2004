/**
 * What the control plane itself puts into every cluster: the `kubernetes` Service in `default`
 * and a `default` ServiceAccount in each namespace (created with the namespace).
 */
import {
  DEFAULT_SERVICE_ACCOUNT,
  KUBERNETES_SERVICE_IP,
  namespaceResource,
  serviceAccountResource,
  serviceResource,
} from '../registry/builtin.ts';
import { storageKey } from '../registry/types.ts';
import type { Seeder } from './seeder.ts';

export function seedControlPlaneObjects(seeder: Seeder, clusterBorn: Date): void {
  seeder.add(
    serviceResource,
    {
      metadata: {
        name: 'kubernetes',
        namespace: 'default',
        labels: { component: 'apiserver', provider: 'kubernetes' },
      },
      spec: {
        clusterIP: KUBERNETES_SERVICE_IP,
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
        type: 'ClusterIP',
      },
    },
    clusterBorn,
  );
  for (const ns of seeder.store.list(storageKey(namespaceResource))) {
    const created = new Date(ns.metadata.creationTimestamp ?? clusterBorn.toISOString());
    seeder.add(
      serviceAccountResource,
      { metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace: ns.metadata.name } },
      created,
    );
  }
}

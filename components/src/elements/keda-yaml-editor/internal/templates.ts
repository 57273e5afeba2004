/** Starting text for `mode="create"` when the host gives none: the smallest valid object of each kind. */
import type { KedaKind } from '../../../core/keda/crd-schema.js';
import { DEFAULT_CLUSTER_OBJECT_NAMESPACE } from '../../../core/keda/trigger-auth-details.js';

export function newObjectTemplate(kind: KedaKind, namespace: string): string {
  const ns = namespace && kind !== 'ClusterTriggerAuthentication' ? `\n  namespace: ${namespace}` : '';
  const head = `apiVersion: keda.sh/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ''${ns}\n`;
  switch (kind) {
    case 'ScaledObject':
      return `${head}spec:\n  scaleTargetRef:\n    name: ''\n  triggers:\n  - type: cpu\n    metricType: Utilization\n    metadata:\n      value: '60'\n`;
    case 'ScaledJob':
      return `${head}spec:\n  jobTargetRef:\n    template:\n      spec:\n        containers:\n        - name: worker\n          image: ''\n        restartPolicy: Never\n  triggers:\n  - type: cron\n    metadata:\n      timezone: Etc/UTC\n      start: 0 * * * *\n      end: 10 * * * *\n      desiredReplicas: '1'\n`;
    default:
      return credentialsTemplate(kind, namespace);
  }
}

/**
 * A TriggerAuthentication (or ClusterTriggerAuthentication) is rarely useful without the Secret it
 * reads: both, the Secret first so that it exists when KEDA resolves the reference.
 */
function credentialsTemplate(
  kind: 'TriggerAuthentication' | 'ClusterTriggerAuthentication',
  namespace: string,
): string {
  const cluster = kind === 'ClusterTriggerAuthentication';
  const secretNamespace = cluster
    ? `\n  namespace: ${DEFAULT_CLUSTER_OBJECT_NAMESPACE}   # KEDA's own namespace: the only one a ClusterTriggerAuthentication reads`
    : namespace
      ? `\n  namespace: ${namespace}`
      : '';
  const authNamespace = !cluster && namespace ? `\n  namespace: ${namespace}` : '';
  return `# A Secret holding the credential, then the ${kind} that hands it to triggers
# (a trigger names it in authenticationRef${cluster ? ' with kind: ClusterTriggerAuthentication' : ''}).
# Fill in the names and the value.
apiVersion: v1
kind: Secret
metadata:
  name: ''${secretNamespace}
type: Opaque
stringData:
  password: ''
---
apiVersion: keda.sh/v1alpha1
kind: ${kind}
metadata:
  name: ''${authNamespace}
spec:
  secretTargetRef:
  - parameter: password      # the trigger parameter it fills (see the scaler's documentation)
    name: ''                 # the Secret above
    key: password            # the key in that Secret
`;
}

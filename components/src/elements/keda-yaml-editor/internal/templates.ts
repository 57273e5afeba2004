/** Starting text for `mode="create"` when the host gives none: the smallest valid object of each kind. */
import type { KedaKind } from '../../../core/keda/crd-schema.js';

export function newObjectTemplate(kind: KedaKind, namespace: string): string {
  const ns = namespace && kind !== 'ClusterTriggerAuthentication' ? `\n  namespace: ${namespace}` : '';
  const head = `apiVersion: keda.sh/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ''${ns}\n`;
  switch (kind) {
    case 'ScaledObject':
      return `${head}spec:\n  scaleTargetRef:\n    name: ''\n  triggers:\n  - type: cpu\n    metricType: Utilization\n    metadata:\n      value: '60'\n`;
    case 'ScaledJob':
      return `${head}spec:\n  jobTargetRef:\n    template:\n      spec:\n        containers:\n        - name: worker\n          image: ''\n        restartPolicy: Never\n  triggers:\n  - type: cron\n    metadata:\n      timezone: Etc/UTC\n      start: 0 * * * *\n      end: 10 * * * *\n      desiredReplicas: '1'\n`;
    default:
      return `${head}spec:\n  secretTargetRef:\n  - parameter: ''\n    name: ''\n    key: ''\n`;
  }
}

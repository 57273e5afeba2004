/** The `kind` property of the editor: a KEDA kind name or a ResourceType for one of them. */
import { isKedaKind, type KedaKind } from '../../../core/keda/crd-schema.js';
import {
  ClusterTriggerAuthenticationResource,
  ScaledJobResource,
  ScaledObjectResource,
  TriggerAuthenticationResource,
  type ResourceType,
} from '../../../core/kube/resource.js';

export type EditorKind = KedaKind | ResourceType;

const RESOURCES: Record<KedaKind, ResourceType> = {
  ScaledObject: ScaledObjectResource,
  ScaledJob: ScaledJobResource,
  TriggerAuthentication: TriggerAuthenticationResource,
  ClusterTriggerAuthentication: ClusterTriggerAuthenticationResource,
};

/** The resource and KEDA kind, or undefined for anything that is not one of KEDA's four kinds. */
export function resolveKind(
  kind: EditorKind | string | undefined,
): { type: ResourceType; kind: KedaKind } | undefined {
  if (typeof kind === 'string') return isKedaKind(kind) ? { type: RESOURCES[kind], kind } : undefined;
  if (!kind || kind.group !== 'keda.sh' || !isKedaKind(kind.kind)) return undefined;
  return { type: RESOURCES[kind.kind], kind: kind.kind };
}

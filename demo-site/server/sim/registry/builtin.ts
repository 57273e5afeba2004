/**
 * The built-in kinds, one `defineResource` entry each, grouped by API group under `builtin/`.
 * Add a kind there and list it in `builtinResources`.
 */
import { crdResource } from './builtin/apiextensions.ts';
import { deploymentResource, replicaSetResource, statefulSetResource } from './builtin/apps.ts';
import { horizontalPodAutoscalerResource } from './builtin/autoscaling.ts';
import { jobResource } from './builtin/batch.ts';
import { configMapResource, secretResource } from './builtin/config.ts';
import { namespaceResource, serviceAccountResource } from './builtin/core.ts';
import { eventResource, eventsV1EventResource } from './builtin/events.ts';
import { podResource } from './builtin/pods.ts';
import { serviceResource } from './builtin/services.ts';
import type { ResourceDef } from './types.ts';

export { crdResource } from './builtin/apiextensions.ts';
export { deploymentResource, replicaSetResource, statefulSetResource } from './builtin/apps.ts';
export { horizontalPodAutoscalerResource } from './builtin/autoscaling.ts';
export { JOB_CONTROLLER_UID_LABEL, JOB_NAME_LABEL, jobResource } from './builtin/batch.ts';
export { configMapResource, secretResource } from './builtin/config.ts';
export {
  DEFAULT_SERVICE_ACCOUNT,
  NAMESPACE_NAME_LABEL,
  namespaceResource,
  serviceAccountResource,
  UNDELETABLE_NAMESPACES,
} from './builtin/core.ts';
export {
  coreEventToEventsV1,
  eventResource,
  EVENTS_STORAGE_KEY,
  eventsV1EventResource,
  eventsV1ToCoreEvent,
} from './builtin/events.ts';
export { formatHpaTargets } from './builtin/hpa-targets.ts';
export { podResource, qosClass, summarizePod } from './builtin/pods.ts';
export { KUBERNETES_SERVICE_IP, SERVICE_CIDR, serviceResource } from './builtin/services.ts';

/** Every built-in kind, in discovery order (core first, then the groups as a real server lists them). */
export const builtinResources: readonly ResourceDef[] = [
  namespaceResource,
  podResource,
  eventResource,
  secretResource,
  configMapResource,
  serviceResource,
  serviceAccountResource,
  deploymentResource,
  replicaSetResource,
  statefulSetResource,
  eventsV1EventResource,
  horizontalPodAutoscalerResource,
  jobResource,
  crdResource,
];

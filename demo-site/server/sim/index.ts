/** The simulated Kubernetes API server (with KEDA's CRDs) for the demo site, tests and `npm run sim`. */
export { SimCluster, type ListenOptions, type ListenResult, type SimClusterOptions } from './cluster.ts';
export {
  SimClient,
  type ClientPatchType,
  type ClientSubresource,
  type DeleteOptions,
  type ListOptions,
  type ObjectRef,
  type WriteOptions,
} from './client.ts';
export { ApiError, isApiError } from './core/errors.ts';
export { ManualClock, systemClock, type Clock } from './core/clock.ts';
export { VirtualClock, type Cancel, type ClockState, type Scheduler } from './core/virtual-clock.ts';
export type { KedaVersion } from '../../../components/src/core/scaling/keda.ts';
export type { ScenarioName } from './scenarios/index.ts';
export type { ScenarioPlan, TimelineAction } from './scenarios/plan.ts';
export type { Curve } from './sources/curves.ts';
export type {
  ConsumerSelector,
  Drain,
  SourceRegistry,
  SourceRule,
  SourceSettings,
  SourceView,
} from './sources/registry.ts';
export {
  FaultSettingsError,
  NO_FAULTS,
  type FaultSettings,
  type FaultSettingsInput,
} from './faults/settings.ts';
export type { RestartOptions } from './faults/restart.ts';
export type { SimStatus } from './control/status.ts';
export {
  CONTROL_PREFIX,
  ControlApi,
  type ControlMethod,
  type ControlRequest,
  type ControlResponse,
  type ControlRoute,
} from './control/router.ts';
export type { PropagationPolicy } from './api/propagation.ts';
export {
  EXTERNAL_METRICS_GROUP,
  EXTERNAL_METRICS_VERSION,
  externalMetricsError,
  kedaAdapterMessages,
  SCALED_OBJECT_NAME_LABEL,
  scaledObjectNameOf,
  type ExternalMetricsProvider,
  type ExternalMetricsRegistry,
  type ExternalMetricValue,
  type ExternalMetricValueList,
} from './metrics/external-metrics.ts';
export {
  configMapResource,
  crdResource,
  deploymentResource,
  eventResource,
  eventsV1EventResource,
  horizontalPodAutoscalerResource,
  jobResource,
  namespaceResource,
  podResource,
  replicaSetResource,
  secretResource,
  serviceAccountResource,
  serviceResource,
  statefulSetResource,
} from './registry/builtin.ts';

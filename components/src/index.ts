// Defines every element and exports the public API of keda-elements.
import './context/define.js';
import './elements/keda-scaled-object-list/define.js';
import './elements/keda-scaled-job-list/define.js';
import './elements/keda-trigger-auth-list/define.js';
import './elements/keda-scaled-object-details/define.js';

export { KedaConnection } from './context/keda-connection.js';
export { ScaledObjectList } from './elements/keda-scaled-object-list/keda-scaled-object-list.js';
export { ScaledObjectDetails } from './elements/keda-scaled-object-details/keda-scaled-object-details.js';
export { ScaledJobList } from './elements/keda-scaled-job-list/keda-scaled-job-list.js';
export {
  TriggerAuthList,
  ClusterTriggerAuthList,
} from './elements/keda-trigger-auth-list/keda-trigger-auth-list.js';
export type { ListViewState } from './elements/shared/list-view.js';
export {
  kedaStoreContext,
  linksContext,
  clockContext,
  type Clock,
  type LinkResolver,
  type ObjectRef,
} from './context/contexts.js';
export { SystemClock, systemClock } from './context/system-clock.js';
export { defineElement } from './define-element.js';

export * from './core/kube/types.js';
export * from './core/kube/resource.js';
export { humanDuration, ageOf } from './core/kube/age.js';
export { errorHint } from './core/kube/error-hints.js';
export * from './core/keda/types.js';
export * from './core/keda/printer-columns.js';
export { findCondition, conditionStatus } from './core/keda/conditions.js';
export * from './core/keda/state.js';
export * from './core/keda/scaled-object-table.js';
export * from './core/keda/scaled-job-table.js';
export * from './core/keda/trigger-auth-table.js';
export * from './core/keda/scaled-object-details.js';
export * from './core/keda/actions.js';
export * from './core/kube/hpa-metrics.js';
export * from './core/list/query.js';
export * from './core/list/sort.js';
export * from './core/list/select.js';
export * from './core/kube/autoscaling.js';
export * as quantity from './core/kube/quantity.js';
export * as kedaDefaults from './core/keda/defaults.js';
export * as kedaAnnotations from './core/keda/annotations.js';
export * as kedaConditionList from './core/keda/condition-list.js';
export * as triggerTargets from './core/keda/trigger-targets.js';
export * as triggerParams from './core/keda/trigger-params.js';
export * as metricNames from './core/keda/metric-names.js';
export * as hpaMetricSpecs from './core/keda/hpa-metric-specs.js';
export * as hpaController from './core/scaling/hpa.js';
export * as hpaBehavior from './core/scaling/hpa-behavior.js';
export * as replicaCalculator from './core/scaling/replica-calculator.js';
export * as kedaScaleLoop from './core/scaling/keda.js';
export * as kedaFallback from './core/scaling/fallback.js';
export * as scalingModifiers from './core/scaling/modifiers.js';
export * as formulaExpr from './core/scaling/expr.js';
export * as kedaMetricsAdapter from './core/scaling/metrics-adapter.js';
export * as scaledJobScaling from './core/scaling/scaled-job.js';
export * as cooldown from './core/scaling/cooldown.js';

export * from './data/kube-client.js';
export {
  HttpKubeClient,
  type HttpKubeClientOptions,
  type WebSocketConstructor,
} from './data/http-kube-client.js';
export {
  Informer,
  objectKey,
  type InformerState,
  type InformerPhase,
  type InformerChange,
  type InformerOptions,
} from './data/informer.js';
export { KedaStore, type Collection, type KedaStoreOptions } from './data/keda-store.js';
export { Backoff, type BackoffOptions } from './data/backoff.js';

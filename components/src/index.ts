// Defines every element and exports the public API of keda-elements.
import './context/define.js';
import './elements/keda-scaled-object-list/define.js';
import './elements/keda-scaled-job-list/define.js';
import './elements/keda-trigger-auth-list/define.js';
import './elements/keda-scaled-object-details/define.js';
import './elements/keda-scaled-job-details/define.js';
import './elements/keda-trigger-auth-details/define.js';
import './elements/keda-create-wizard/define.js';
import './elements/keda-yaml-editor/define.js';
import './elements/keda-metric-chart/define.js';
import './elements/keda-replica-chart/define.js';
import './elements/keda-event-timeline/define.js';
import './elements/keda-event-log/define.js';
import './elements/keda-overview/define.js';
import './elements/keda-relationship-graph/define.js';

export { KedaConnection } from './context/keda-connection.js';
export { ScaledObjectList } from './elements/keda-scaled-object-list/keda-scaled-object-list.js';
export { ScaledObjectDetails } from './elements/keda-scaled-object-details/keda-scaled-object-details.js';
export { ScaledJobDetails } from './elements/keda-scaled-job-details/keda-scaled-job-details.js';
export { TriggerAuthDetails } from './elements/keda-trigger-auth-details/keda-trigger-auth-details.js';
export { ScaledJobList } from './elements/keda-scaled-job-list/keda-scaled-job-list.js';
export {
  TriggerAuthList,
  ClusterTriggerAuthList,
} from './elements/keda-trigger-auth-list/keda-trigger-auth-list.js';
export { CreateWizard, type KedaCreatedDetail } from './elements/keda-create-wizard/keda-create-wizard.js';
export { WhatIfChart } from './elements/keda-create-wizard/internal/what-if-chart.js';
export type { ListViewState } from './elements/shared/list-view.js';
export { MetricChart } from './elements/keda-metric-chart/keda-metric-chart.js';
export type {
  MetricChartSeries,
  MetricSample as MetricChartSample,
} from './elements/keda-metric-chart/metric-series.js';
export { ReplicaChart } from './elements/keda-replica-chart/keda-replica-chart.js';
export type {
  ReplicaSample as ReplicaChartSample,
  ScalingMarker,
} from './elements/keda-replica-chart/replica-series.js';
export { EventTimeline } from './elements/keda-event-timeline/keda-event-timeline.js';
export { EventLog } from './elements/keda-event-log/keda-event-log.js';
export type { EventFilter } from './elements/keda-event-log/event-filter.js';
export {
  KedaOverview,
  type ListQuery,
  type ListLinkResolver,
  type KedaRangeChangeDetail,
} from './elements/keda-overview/keda-overview.js';
export * as overview from './core/keda/overview.js';
export {
  RelationshipGraphElement,
  type KedaFocusChangeDetail,
  type KedaGraphRenderedDetail,
} from './elements/keda-relationship-graph/keda-relationship-graph.js';
export * as relationshipGraph from './core/graph/index.js';
export * as kedaHealth from './core/keda/health.js';
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

// keda-create-wizard: its rules, the scaler catalog, the what-if preview.
export * as createWizard from './core/keda/wizard.js';
export {
  validateWizard,
  buildWizardObjects,
  initialWizardState,
  newTriggerDraft,
  locateApiError,
  type WizardState,
  type WizardStep,
  type WizardKind,
  type WizardIssue,
  type WizardContext,
  type WizardObjects,
  type WizardObject,
  type WizardObjectRole,
  type TriggerDraft,
  type SecretValues,
  type LocatedProblem,
} from './core/keda/wizard.js';
export * as scalerCatalog from './core/keda/scaler-catalog.js';
export type { ScalerSpec, ScalerParam, ParamField, ParamSource } from './core/keda/scaler-catalog.js';
export {
  simulateWhatIf,
  type WhatIfInput,
  type WhatIfResult,
  type WhatIfSample,
  type WhatIfEvent,
  type WhatIfSummary,
} from './core/scaling/what-if.js';
export * as whatIfText from './core/scaling/what-if-text.js';
export * as loadCurves from './core/scaling/load-curves.js';
export type { LoadCurve, LoadPoint, LoadPresetId } from './core/scaling/load-curves.js';
export * as behaviorPresets from './core/scaling/behavior-presets.js';
export type { BehaviorPreset, BehaviorPresetId } from './core/scaling/behavior-presets.js';
export { listSecretKeys, type SecretKeys } from './data/secret-keys.js';

// keda-yaml-editor: the element, and the core it stands on (KEDA's CRD schemas loaded on demand,
// validation with positions, KEDA's admission rules, API error mapping, three-way merge, line diff).
export {
  YamlEditor,
  type EditorKind,
  type DraftStorage,
  type YamlEditorCancelDetail,
  type YamlEditorCreatedDetail,
} from './elements/keda-yaml-editor/keda-yaml-editor.js';
export {
  KEDA_KINDS,
  isKedaKind,
  schemaAt,
  childSchema,
  describeSchemaType,
  type CrdSchema,
  type CelRule,
  type KedaKind,
  type SchemaType,
  type FieldPath,
} from './core/keda/crd-schema.js';
export { loadCrdSchema } from './core/keda/load-crd-schema.js';
export { OBJECT_META_SCHEMA, withObjectMeta } from './core/keda/object-meta-schema.js';
export { validateAgainstSchema, jsonTypeOf } from './core/keda/schema-validate.js';
export { evaluateCel, celRuleHolds, type CelResult } from './core/keda/cel-subset.js';
export { admissionIssues } from './core/keda/admission-rules.js';
export type { ValidationIssue, IssueReason, IssueSource } from './core/keda/validation-issue.js';
export {
  checkEdit,
  locateIssues,
  KEDA_API_VERSION,
  type EditCheck,
  type EditExpectations,
  type LocatedIssue,
} from './core/keda/check-edit.js';
export {
  parseYamlDocument,
  YamlPositionIndex,
  LineIndex,
  type ParsedYaml,
  type YamlProblem,
  type FieldPosition,
  type SourceRange,
  type LineColumn,
} from './core/keda/yaml-positions.js';
export { cursorContext, fieldAt, type CursorContext } from './core/keda/yaml-cursor.js';
export { formatFieldPath, parseFieldPath, resolveFieldPath } from './core/keda/field-path.js';
export {
  explainWriteError,
  fieldOfDenial,
  type WriteErrorReport,
  type WriteErrorKind,
  type ApiErrorLike,
} from './core/keda/api-write-error.js';
export {
  threeWayMerge,
  jsonEqual,
  type MergeResult,
  type MergeConflict,
} from './core/keda/three-way-merge.js';
export { diffLines, diffHunks, diffStats, type DiffLine, type DiffHunk } from './core/keda/line-diff.js';
export {
  editableView,
  editableYaml,
  objectToSave,
  statusYaml,
  SERVER_OWNED_METADATA,
  HIDDEN_ANNOTATIONS,
} from './core/keda/editable-object.js';
export { collectSecrets, redactor, maskYamlLine } from './core/keda/redact.js';
export {
  accessReview,
  SelfSubjectAccessReviewResource,
  type SelfSubjectAccessReview,
  type ResourceAttributes,
} from './core/kube/access-review.js';
export * from './data/metrics-sampler.js';
export * from './core/story/index.js';
export * from './core/kube/events.js';
export * from './data/history/index.js';

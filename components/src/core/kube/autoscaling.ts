import type { KubeObject } from './types.js';

/** autoscaling/v2 HorizontalPodAutoscaler shapes (only what KEDA generates and the HPA controller reads). */

/** A label selector (meta/v1 LabelSelector). */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** How a metric's target is expressed. */
export type MetricTargetType = 'Utilization' | 'Value' | 'AverageValue';

/** A metric target; quantities are strings as on the wire. */
export interface MetricTarget {
  type: MetricTargetType;
  value?: string;
  averageValue?: string;
  averageUtilization?: number;
}

/** A metric's name and selector. */
export interface MetricIdentifier {
  name: string;
  selector?: LabelSelector;
}

/** The kinds of metric source. */
export type MetricSourceType = 'External' | 'Resource' | 'ContainerResource' | 'Pods' | 'Object';

/** One entry of `spec.metrics`. */
export interface MetricSpec {
  type: MetricSourceType;
  external?: { metric: MetricIdentifier; target: MetricTarget };
  resource?: { name: string; target: MetricTarget };
  containerResource?: { name: string; container: string; target: MetricTarget };
  pods?: { metric: MetricIdentifier; target: MetricTarget };
  object?: {
    describedObject: { apiVersion?: string; kind: string; name: string };
    metric: MetricIdentifier;
    target: MetricTarget;
  };
}

/** A scaling policy: at most `value` pods or percent per `periodSeconds`. */
export interface HPAScalingPolicy {
  type: 'Pods' | 'Percent';
  value: number;
  periodSeconds: number;
}

/** How several policies combine. */
export type ScalingPolicySelect = 'Max' | 'Min' | 'Disabled';

/** Scale-up or scale-down rules. */
export interface HPAScalingRules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: ScalingPolicySelect;
  policies?: HPAScalingPolicy[];
  /** A quantity (e.g. `0.05`); honoured only with the HPAConfigurableTolerance feature. */
  tolerance?: string;
}

/** `spec.behavior`. */
export interface HorizontalPodAutoscalerBehavior {
  scaleUp?: HPAScalingRules;
  scaleDown?: HPAScalingRules;
}

/** `spec`. */
export interface HorizontalPodAutoscalerSpec {
  scaleTargetRef: { apiVersion?: string; kind: string; name: string };
  minReplicas?: number;
  maxReplicas: number;
  metrics?: MetricSpec[];
  behavior?: HorizontalPodAutoscalerBehavior;
}

/** A current metric value. */
export interface MetricValueStatus {
  value?: string;
  averageValue?: string;
  averageUtilization?: number;
}

/** One entry of `status.currentMetrics` (type `''` is the zero value left for a metric that failed). */
export interface MetricStatus {
  type: MetricSourceType | '';
  external?: { metric: MetricIdentifier; current: MetricValueStatus };
  resource?: { name: string; current: MetricValueStatus };
  containerResource?: { name: string; container: string; current: MetricValueStatus };
}

/** HPA condition types. */
export type HpaConditionType = 'AbleToScale' | 'ScalingActive' | 'ScalingLimited' | 'ScaledToZero';

/** An HPA condition (with lastTransitionTime, unlike KEDA's). */
export interface HorizontalPodAutoscalerCondition {
  type: HpaConditionType | string;
  status: 'True' | 'False' | 'Unknown';
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** `status`. */
export interface HorizontalPodAutoscalerStatus {
  observedGeneration?: number;
  lastScaleTime?: string;
  /** Absent when 0 (omitempty in autoscaling/v2). */
  currentReplicas?: number;
  desiredReplicas: number;
  currentMetrics?: MetricStatus[];
  conditions?: HorizontalPodAutoscalerCondition[];
}

/** An autoscaling/v2 HorizontalPodAutoscaler. */
export interface HorizontalPodAutoscaler extends KubeObject {
  spec: HorizontalPodAutoscalerSpec;
  status?: HorizontalPodAutoscalerStatus;
}

/**
 * A label selector as Go prints `%+v` of `*metav1.LabelSelector` (its generated `String()`), as seen
 * in HPA condition messages and events:
 * `&LabelSelector{MatchLabels:map[string]string{scaledobject.keda.sh/name: x,},MatchExpressions:[]LabelSelectorRequirement{},}`.
 */
export function goLabelSelectorString(selector: LabelSelector | undefined): string {
  if (!selector) return 'nil';
  const labels = Object.keys(selector.matchLabels ?? {})
    .sort()
    .map((k) => `${k}: ${selector.matchLabels?.[k] ?? ''},`)
    .join('');
  const expressions = (selector.matchExpressions ?? [])
    .map(
      (e) =>
        `LabelSelectorRequirement{Key:${e.key},Operator:${e.operator},Values:[${(e.values ?? []).join(' ')}],}`,
    )
    .map((s) => `${s},`)
    .join('');
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${expressions}},}`;
}

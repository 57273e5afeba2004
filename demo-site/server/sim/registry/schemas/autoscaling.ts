/** OpenAPI v3 component schemas of autoscaling/v2 HorizontalPodAutoscaler (compact, see ../schemas.ts). */
import type { JsonObject } from '../../core/json.ts';
import { arr, int, listSchema, META, mergeByKey, ref, str, time, topLevel } from '../schemas.ts';

const V2 = 'io.k8s.api.autoscaling.v2';
export const HPA_SCHEMA = `${V2}.HorizontalPodAutoscaler`;
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

const object = (description: string, properties: JsonObject, required?: string[]): JsonObject => {
  const out: JsonObject = { type: 'object', description, properties };
  if (required) out.required = required;
  return out;
};
const quantity = (description: string): JsonObject => ref(QUANTITY, description);

export const hpaSchemas: Readonly<Record<string, JsonObject>> = {
  [HPA_SCHEMA]: topLevel(
    'HorizontalPodAutoscaler is the configuration for a horizontal pod autoscaler, which automatically manages the replica count of any resource implementing the scale subresource based on the metrics specified.',
    'HorizontalPodAutoscaler',
    'autoscaling',
    'v2',
    {
      spec: ref(
        `${V2}.HorizontalPodAutoscalerSpec`,
        'spec is the specification for the behaviour of the autoscaler. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status.',
      ),
      status: ref(
        `${V2}.HorizontalPodAutoscalerStatus`,
        'status is the current information about the autoscaler.',
      ),
    },
  ),
  [`${V2}.HorizontalPodAutoscalerSpec`]: object(
    'HorizontalPodAutoscalerSpec describes the desired functionality of the HorizontalPodAutoscaler.',
    {
      scaleTargetRef: ref(
        `${V2}.CrossVersionObjectReference`,
        'scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count.',
      ),
      minReplicas: int(
        'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down. It defaults to 1 pod.',
      ),
      maxReplicas: int(
        'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up. It cannot be less that minReplicas.',
      ),
      metrics: arr(
        'metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used). If not set, the default metric will be set to 80% average CPU utilization.',
        ref(`${V2}.MetricSpec`),
        { 'x-kubernetes-list-type': 'atomic' },
      ),
      behavior: ref(
        `${V2}.HorizontalPodAutoscalerBehavior`,
        'behavior configures the scaling behavior of the target in both Up and Down directions (scaleUp and scaleDown fields respectively). If not set, the default HPAScalingRules for scale up and scale down are used.',
      ),
    },
    ['scaleTargetRef', 'maxReplicas'],
  ),
  [`${V2}.CrossVersionObjectReference`]: object(
    'CrossVersionObjectReference contains enough information to let you identify the referred resource.',
    {
      kind: str('kind is the kind of the referent.'),
      name: str('name is the name of the referent.'),
      apiVersion: str('apiVersion is the API version of the referent'),
    },
    ['kind', 'name'],
  ),
  [`${V2}.MetricSpec`]: object(
    'MetricSpec specifies how to scale based on a single metric (only `type` and one other matching field should be set at once).',
    {
      type: str(
        'type is the type of metric source. It should be one of "ContainerResource", "External", "Object", "Pods" or "Resource", each mapping to a matching field in the object.',
      ),
      object: ref(
        `${V2}.ObjectMetricSource`,
        'object refers to a metric describing a single kubernetes object (for example, hits-per-second on an Ingress object).',
      ),
      pods: ref(
        `${V2}.PodsMetricSource`,
        'pods refers to a metric describing each pod in the current scale target (for example, transactions-processed-per-second).',
      ),
      resource: ref(
        `${V2}.ResourceMetricSource`,
        'resource refers to a resource metric (such as those specified in requests and limits) known to Kubernetes describing each pod in the current scale target (e.g. CPU or memory).',
      ),
      containerResource: ref(
        `${V2}.ContainerResourceMetricSource`,
        'containerResource refers to a resource metric (such as those specified in requests and limits) known to Kubernetes describing a single container in each pod of the current scale target (e.g. CPU or memory).',
      ),
      external: ref(
        `${V2}.ExternalMetricSource`,
        'external refers to a global metric that is not associated with any Kubernetes object. It allows autoscaling based on information coming from components running outside of cluster (for example length of queue in cloud messaging service, or QPS from loadbalancer running outside of cluster).',
      ),
    },
    ['type'],
  ),
  [`${V2}.MetricIdentifier`]: object(
    'MetricIdentifier defines the name and optionally selector for a metric',
    {
      name: str('name is the name of the given metric'),
      selector: ref(
        `${META}.LabelSelector`,
        'selector is the string-encoded form of a standard kubernetes label selector for the given metric When set, it is passed as an additional parameter to the metrics server for more specific metrics scoping. When unset, just the metricName will be used to gather metrics.',
      ),
    },
    ['name'],
  ),
  [`${V2}.MetricTarget`]: object(
    'MetricTarget defines the target value, average value, or average utilization of a specific metric',
    {
      type: str('type represents whether the metric type is Utilization, Value, or AverageValue'),
      value: quantity('value is the target value of the metric (as a quantity).'),
      averageValue: quantity(
        'averageValue is the target value of the average of the metric across all relevant pods (as a quantity)',
      ),
      averageUtilization: int(
        'averageUtilization is the target value of the average of the resource metric across all relevant pods, represented as a percentage of the requested value of the resource for the pods. Currently only valid for Resource metric source type',
      ),
    },
    ['type'],
  ),
  [`${V2}.MetricValueStatus`]: object('MetricValueStatus holds the current value for a metric', {
    value: quantity('value is the current value of the metric (as a quantity).'),
    averageValue: quantity(
      'averageValue is the current value of the average of the metric across all relevant pods (as a quantity)',
    ),
    averageUtilization: int(
      'currentAverageUtilization is the current value of the average of the resource metric across all relevant pods, represented as a percentage of the requested value of the resource for the pods.',
    ),
  }),
  [`${V2}.ExternalMetricSource`]: object(
    'ExternalMetricSource indicates how to scale on a metric not associated with any Kubernetes object (for example length of queue in cloud messaging service, or QPS from loadbalancer running outside of cluster).',
    {
      metric: ref(`${V2}.MetricIdentifier`, 'metric identifies the target metric by name and selector'),
      target: ref(`${V2}.MetricTarget`, 'target specifies the target value for the given metric'),
    },
    ['metric', 'target'],
  ),
  [`${V2}.ResourceMetricSource`]: object(
    'ResourceMetricSource indicates how to scale on a resource metric known to Kubernetes, as specified in requests and limits, describing each pod in the current scale target (e.g. CPU or memory).',
    {
      name: str('name is the name of the resource in question.'),
      target: ref(`${V2}.MetricTarget`, 'target specifies the target value for the given metric'),
    },
    ['name', 'target'],
  ),
  [`${V2}.ContainerResourceMetricSource`]: object(
    'ContainerResourceMetricSource indicates how to scale on a resource metric known to Kubernetes, as specified in requests and limits, describing each pod in the current scale target (e.g. CPU or memory).',
    {
      name: str('name is the name of the resource in question.'),
      target: ref(`${V2}.MetricTarget`, 'target specifies the target value for the given metric'),
      container: str('container is the name of the container in the pods of the scaling target'),
    },
    ['name', 'target', 'container'],
  ),
  [`${V2}.PodsMetricSource`]: object(
    'PodsMetricSource indicates how to scale on a metric describing each pod in the current scale target (for example, transactions-processed-per-second).',
    {
      metric: ref(`${V2}.MetricIdentifier`, 'metric identifies the target metric by name and selector'),
      target: ref(`${V2}.MetricTarget`, 'target specifies the target value for the given metric'),
    },
    ['metric', 'target'],
  ),
  [`${V2}.ObjectMetricSource`]: object(
    'ObjectMetricSource indicates how to scale on a metric describing a kubernetes object (for example, hits-per-second on an Ingress object).',
    {
      describedObject: ref(
        `${V2}.CrossVersionObjectReference`,
        'describedObject specifies the descriptions of a object,such as kind,name apiVersion',
      ),
      target: ref(`${V2}.MetricTarget`, 'target specifies the target value for the given metric'),
      metric: ref(`${V2}.MetricIdentifier`, 'metric identifies the target metric by name and selector'),
    },
    ['describedObject', 'target', 'metric'],
  ),
  [`${V2}.HorizontalPodAutoscalerBehavior`]: object(
    'HorizontalPodAutoscalerBehavior configures the scaling behavior of the target in both Up and Down directions (scaleUp and scaleDown fields respectively).',
    {
      scaleUp: ref(
        `${V2}.HPAScalingRules`,
        'scaleUp is scaling policy for scaling Up. If not set, the default value is the higher of: * increase no more than 4 pods per 60 seconds * double the number of pods per 60 seconds No stabilization is used.',
      ),
      scaleDown: ref(
        `${V2}.HPAScalingRules`,
        'scaleDown is scaling policy for scaling Down. If not set, the default value is to allow to scale down to minReplicas pods, with a 300 second stabilization window (i.e., the highest recommendation for the last 300sec is used).',
      ),
    },
  ),
  [`${V2}.HPAScalingRules`]: object(
    'HPAScalingRules configures the scaling behavior for one direction. These Rules are applied after calculating DesiredReplicas from metrics for the HPA.',
    {
      stabilizationWindowSeconds: int(
        'stabilizationWindowSeconds is the number of seconds for which past recommendations should be considered while scaling up or scaling down.',
      ),
      selectPolicy: str(
        'selectPolicy is used to specify which policy should be used. If not set, the default value Max is used.',
      ),
      policies: arr(
        'policies is a list of potential scaling polices which can be used during scaling.',
        ref(`${V2}.HPAScalingPolicy`),
        { 'x-kubernetes-list-type': 'atomic' },
      ),
    },
  ),
  [`${V2}.HPAScalingPolicy`]: object(
    'HPAScalingPolicy is a single policy which must hold true for a specified past interval.',
    {
      type: str('type is used to specify the scaling policy.'),
      value: int(
        'value contains the amount of change which is permitted by the policy. It must be greater than zero',
      ),
      periodSeconds: int(
        'periodSeconds specifies the window of time for which the policy should hold true. PeriodSeconds must be greater than zero and less than or equal to 1800 (30 min).',
      ),
    },
    ['type', 'value', 'periodSeconds'],
  ),
  [`${V2}.HorizontalPodAutoscalerStatus`]: object(
    'HorizontalPodAutoscalerStatus describes the current status of a horizontal pod autoscaler.',
    {
      observedGeneration: {
        type: 'integer',
        format: 'int64',
        description: 'observedGeneration is the most recent generation observed by this autoscaler.',
      },
      lastScaleTime: time(
        'lastScaleTime is the last time the HorizontalPodAutoscaler scaled the number of pods, used by the autoscaler to control how often the number of pods is changed.',
      ),
      currentReplicas: int(
        'currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler.',
      ),
      desiredReplicas: int(
        'desiredReplicas is the desired number of replicas of pods managed by this autoscaler, as last calculated by the autoscaler.',
      ),
      currentMetrics: arr(
        'currentMetrics is the last read state of the metrics used by this autoscaler.',
        ref(`${V2}.MetricStatus`),
        { 'x-kubernetes-list-type': 'atomic' },
      ),
      conditions: arr(
        'conditions is the set of conditions required for this autoscaler to scale its target, and indicates whether or not those conditions are met.',
        ref(`${V2}.HorizontalPodAutoscalerCondition`),
        mergeByKey('type'),
      ),
    },
    ['desiredReplicas'],
  ),
  [`${V2}.MetricStatus`]: object(
    'MetricStatus describes the last-read state of a single metric.',
    {
      type: str(
        'type is the type of metric source. It will be one of "ContainerResource", "External", "Object", "Pods" or "Resource", each corresponds to a matching field in the object.',
      ),
      object: ref(
        `${V2}.ObjectMetricStatus`,
        'object refers to a metric describing a single kubernetes object.',
      ),
      pods: ref(
        `${V2}.PodsMetricStatus`,
        'pods refers to a metric describing each pod in the current scale target.',
      ),
      resource: ref(
        `${V2}.ResourceMetricStatus`,
        'resource refers to a resource metric (such as those specified in requests and limits) known to Kubernetes describing each pod in the current scale target.',
      ),
      containerResource: ref(
        `${V2}.ContainerResourceMetricStatus`,
        'container resource refers to a resource metric (such as those specified in requests and limits) known to Kubernetes describing a single container in each pod in the current scale target.',
      ),
      external: ref(
        `${V2}.ExternalMetricStatus`,
        'external refers to a global metric that is not associated with any Kubernetes object.',
      ),
    },
    ['type'],
  ),
  [`${V2}.ExternalMetricStatus`]: object(
    'ExternalMetricStatus indicates the current value of a global metric not associated with any Kubernetes object.',
    {
      metric: ref(`${V2}.MetricIdentifier`, 'metric identifies the target metric by name and selector'),
      current: ref(`${V2}.MetricValueStatus`, 'current contains the current value for the given metric'),
    },
    ['metric', 'current'],
  ),
  [`${V2}.ResourceMetricStatus`]: object(
    'ResourceMetricStatus indicates the current value of a resource metric known to Kubernetes, as specified in requests and limits, describing each pod in the current scale target (e.g. CPU or memory).',
    {
      name: str('name is the name of the resource in question.'),
      current: ref(`${V2}.MetricValueStatus`, 'current contains the current value for the given metric'),
    },
    ['name', 'current'],
  ),
  [`${V2}.ContainerResourceMetricStatus`]: object(
    'ContainerResourceMetricStatus indicates the current value of a resource metric known to Kubernetes, as specified in requests and limits, describing a single container in each pod in the current scale target (e.g. CPU or memory).',
    {
      name: str('name is the name of the resource in question.'),
      current: ref(`${V2}.MetricValueStatus`, 'current contains the current value for the given metric'),
      container: str('container is the name of the container in the pods of the scaling target'),
    },
    ['name', 'current', 'container'],
  ),
  [`${V2}.PodsMetricStatus`]: object(
    'PodsMetricStatus indicates the current value of a metric describing each pod in the current scale target (for example, transactions-processed-per-second).',
    {
      metric: ref(`${V2}.MetricIdentifier`, 'metric identifies the target metric by name and selector'),
      current: ref(`${V2}.MetricValueStatus`, 'current contains the current value for the given metric'),
    },
    ['metric', 'current'],
  ),
  [`${V2}.ObjectMetricStatus`]: object(
    'ObjectMetricStatus indicates the current value of a metric describing a kubernetes object (for example, hits-per-second on an Ingress object).',
    {
      metric: ref(`${V2}.MetricIdentifier`, 'metric identifies the target metric by name and selector'),
      current: ref(`${V2}.MetricValueStatus`, 'current contains the current value for the given metric'),
      describedObject: ref(
        `${V2}.CrossVersionObjectReference`,
        'DescribedObject specifies the descriptions of a object,such as kind,name apiVersion',
      ),
    },
    ['metric', 'current', 'describedObject'],
  ),
  [`${V2}.HorizontalPodAutoscalerCondition`]: object(
    'HorizontalPodAutoscalerCondition describes the state of a HorizontalPodAutoscaler at a certain point.',
    {
      type: str('type describes the current condition'),
      status: str('status is the status of the condition (True, False, Unknown)'),
      lastTransitionTime: time(
        'lastTransitionTime is the last time the condition transitioned from one status to another',
      ),
      reason: str("reason is the reason for the condition's last transition."),
      message: str('message is a human-readable explanation containing details about the transition'),
    },
    ['type', 'status'],
  ),
  [QUANTITY]: {
    oneOf: [{ type: 'string' }, { type: 'number' }],
    description:
      'Quantity is a fixed-point representation of a number. It provides convenient marshaling/unmarshaling in JSON and YAML, in addition to String() and AsInt64() accessors.',
  },
  [`${V2}.HorizontalPodAutoscalerList`]: listSchema(
    HPA_SCHEMA,
    'autoscaling',
    'v2',
    'HorizontalPodAutoscalerList',
    'HorizontalPodAutoscalerList is a list of horizontal pod autoscaler objects.',
  ),
};

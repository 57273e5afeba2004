/** autoscaling/v2 HorizontalPodAutoscaler: defaults, validation and the HPA printer. */
import type { StatusCause } from '../../../../../components/src/core/kube/types.ts';
import { asNumber, clone, getPath, isObject, type JsonObject } from '../../core/json.ts';
import { defineResource, nameColumn, notAKnownFieldSelector } from '../define.ts';
import { metaSchemas } from '../schemas.ts';
import { HPA_SCHEMA, hpaSchemas } from '../schemas/autoscaling.ts';
import type { KObject, ResourceDef } from '../types.ts';
import { ageColumn, column, objects, text } from './common.ts';
import { formatHpaTargets } from './hpa-targets.ts';

const DEFAULT_METRIC: JsonObject = {
  type: 'Resource',
  resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
};

const SCALE_UP_DEFAULT: JsonObject = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};

const SCALE_DOWN_DEFAULT: JsonObject = {
  stabilizationWindowSeconds: 300,
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
};

function defaultRules(rules: unknown, defaults: JsonObject): JsonObject {
  const out: JsonObject = isObject(rules) ? rules : {};
  out.stabilizationWindowSeconds ??= defaults.stabilizationWindowSeconds;
  out.selectPolicy ??= defaults.selectPolicy;
  if (!Array.isArray(out.policies) || out.policies.length === 0) out.policies = clone(defaults.policies);
  return out;
}

/** Quantities given as JSON numbers are serialized back as strings. */
function quantitiesAsStrings(target: unknown): void {
  if (!isObject(target)) return;
  for (const key of ['value', 'averageValue']) {
    if (typeof target[key] === 'number') target[key] = String(target[key]);
  }
}

function defaultHpa(o: KObject): void {
  const spec = isObject(o.spec) ? o.spec : (o.spec = {});
  spec.minReplicas ??= 1;
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) spec.metrics = [clone(DEFAULT_METRIC)];
  for (const metric of objects(spec.metrics)) {
    for (const source of ['external', 'object', 'pods', 'resource', 'containerResource']) {
      quantitiesAsStrings(getPath(metric, [source, 'target']));
    }
  }
  if (isObject(spec.behavior)) {
    spec.behavior.scaleUp = defaultRules(spec.behavior.scaleUp, SCALE_UP_DEFAULT);
    spec.behavior.scaleDown = defaultRules(spec.behavior.scaleDown, SCALE_DOWN_DEFAULT);
  }
}

const METRIC_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];

function validateHpa(o: KObject): StatusCause[] {
  const causes: StatusCause[] = [];
  if (!text(o, 'spec', 'scaleTargetRef', 'kind')) {
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value',
      field: 'spec.scaleTargetRef.kind',
    });
  }
  if (!text(o, 'spec', 'scaleTargetRef', 'name')) {
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value',
      field: 'spec.scaleTargetRef.name',
    });
  }
  const min = asNumber(getPath(o, ['spec', 'minReplicas'])) ?? 1;
  const max = asNumber(getPath(o, ['spec', 'maxReplicas'])) ?? 0;
  if (min < 1) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: ${min}: must be greater than or equal to 1`,
      field: 'spec.minReplicas',
    });
  }
  if (max < 1) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: ${max}: must be greater than or equal to 1`,
      field: 'spec.maxReplicas',
    });
  } else if (min > max) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: ${min}: must be less than or equal to maxReplicas`,
      field: 'spec.minReplicas',
    });
  }
  objects(getPath(o, ['spec', 'metrics'])).forEach((m, i) => {
    const type = typeof m.type === 'string' ? m.type : '';
    if (!type) {
      causes.push({
        reason: 'FieldValueRequired',
        message: 'Required value: must specify a metric source type',
        field: `spec.metrics[${i}].type`,
      });
    } else if (!METRIC_TYPES.includes(type)) {
      causes.push({
        reason: 'FieldValueNotSupported',
        message: `Unsupported value: "${type}": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"`,
        field: `spec.metrics[${i}].type`,
      });
    } else {
      const source = type.charAt(0).toLowerCase() + type.slice(1);
      if (!isObject(m[source])) {
        causes.push({
          reason: 'FieldValueRequired',
          message: `Required value: must populate information for the given metric source`,
          field: `spec.metrics[${i}].${source}`,
        });
      }
    }
  });
  return causes;
}

export const horizontalPodAutoscalerResource: ResourceDef = defineResource({
  group: 'autoscaling',
  version: 'v2',
  plural: 'horizontalpodautoscalers',
  kind: 'HorizontalPodAutoscaler',
  namespaced: true,
  shortNames: ['hpa'],
  categories: ['all'],
  subresources: ['status'],
  columns: [
    nameColumn,
    column(
      'Reference',
      'string',
      'scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count.',
      (o) => `${text(o, 'spec', 'scaleTargetRef', 'kind')}/${text(o, 'spec', 'scaleTargetRef', 'name')}`,
    ),
    column(
      'Targets',
      'string',
      'metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).',
      (o) => formatHpaTargets(getPath(o, ['spec', 'metrics']), getPath(o, ['status', 'currentMetrics'])),
    ),
    column(
      'MinPods',
      'string',
      'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.',
      (o) => {
        const min = asNumber(getPath(o, ['spec', 'minReplicas']));
        return min === undefined ? '<unset>' : String(min);
      },
    ),
    column(
      'MaxPods',
      'string',
      'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up.',
      (o) => asNumber(getPath(o, ['spec', 'maxReplicas'])) ?? 0,
    ),
    column(
      'Replicas',
      'string',
      'currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler.',
      (o) => asNumber(getPath(o, ['status', 'currentReplicas'])) ?? 0,
    ),
    ageColumn,
  ],
  fieldLabelError: notAKnownFieldSelector,
  schemas: { kindSchema: HPA_SCHEMA, components: { ...metaSchemas, ...hpaSchemas } },
  strategy: {
    prepareForCreate(o) {
      defaultHpa(o);
      o.status = { desiredReplicas: 0 };
    },
    prepareForUpdate(o) {
      defaultHpa(o);
    },
    validate: validateHpa,
  },
});

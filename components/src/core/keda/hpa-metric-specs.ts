/**
 * The `spec.metrics` KEDA writes into the HPA it creates for a ScaledObject (kedacore/keda
 * `controllers/keda/hpa.go` getScaledObjectMetricSpecs, `pkg/scalers/scaler.go` GetMetricTarget /
 * GetMetricTargetMili / GetMetricTargetType, `pkg/scalers/cpu_memory_scaler.go`), with each
 * trigger's target and activation threshold as read from its metadata.
 */

import type { LabelSelector, MetricSpec, MetricTarget, MetricTargetType } from '../kube/autoscaling.js';
import {
  integerQuantity,
  kedaMetricQuantity,
  milliQuantity,
  parseQuantity,
  quantityToString,
} from '../kube/quantity.js';
import { goParseInt32, SCALED_OBJECT_NAME_LABEL } from './annotations.js';
import { COMPOSITE_METRIC_NAME, triggerMetricNames, type MetricNameContext } from './metric-names.js';
import { defaultNumber, triggerTargetInfo } from './trigger-targets.js';
import { numericTriggerParam, triggerParam, type TriggerLike } from './trigger-params.js';

/** The ScaledObject fields this module reads. */
export interface MetricSpecsScaledObject {
  name: string;
  spec: {
    triggers: ReadonlyArray<TriggerLike>;
    advanced?: {
      scalingModifiers?: {
        formula?: string;
        target?: string;
        activationTarget?: string;
        metricType?: string;
      } | null;
    } | null;
  };
}

/** One trigger's scaling parameters as KEDA reads them. */
export interface TriggerScalingParams {
  /** Position in `spec.triggers` (the `s<index>-` prefix). */
  index: number;
  type: string;
  /** The trigger's `name`, used as the variable in scalingModifiers formulas. */
  name?: string;
  /** External metric names (none for cpu/memory). */
  metricNames: string[];
  /** `Resource`/`ContainerResource` for cpu/memory, else `External`. */
  sourceType: 'External' | 'Resource' | 'ContainerResource';
  /** The HPA target type. */
  targetType: MetricTargetType;
  /** Target value (per pod for AverageValue; percent for Utilization). */
  target: number;
  /** The metadata key the target came from (undefined for fixed/external targets). */
  targetKey?: string;
  /** Whether the target is KEDA's default for that key. */
  targetIsDefault: boolean;
  /** The activation threshold key, when the scaler has one. */
  activationKey?: string;
  /** The activation threshold (0 when unset). */
  activationThreshold: number;
  /** Whether the activation threshold is the default. */
  activationIsDefault: boolean;
}

/** What KEDA generates for the HPA, or the error that stops it. */
export type KedaMetricSpecsResult =
  | {
      ok: true;
      /** The HPA's `spec.metrics`, sorted as KEDA sorts them. */
      metrics: MetricSpec[];
      /** `status.externalMetricNames`, in trigger order. */
      externalMetricNames: string[];
      /** `status.resourceMetricNames` (`cpu`, `memory`; not for ContainerResource). */
      resourceMetricNames: string[];
      /** `composite-metric` when scalingModifiers replaced the external metrics. */
      compositeScalerName?: string;
      triggers: TriggerScalingParams[];
    }
  | { ok: false; error: string; triggerIndex?: number };

/** The selector KEDA puts on every external metric of a ScaledObject. */
export function scaledObjectMetricSelector(soName: string): LabelSelector {
  return { matchLabels: { [SCALED_OBJECT_NAME_LABEL]: soName } };
}

/** `advanced.scalingModifiers` is in use (KEDA `IsUsingModifiers`: any field set). */
export function isUsingModifiers(spec: MetricSpecsScaledObject['spec']): boolean {
  const sm = spec.advanced?.scalingModifiers;
  return !!sm && !!(sm.formula || sm.target || sm.activationTarget || sm.metricType);
}

const UTILIZATION_ERROR =
  "error getting scaler metric type: 'Utilization' metric type is unsupported for external metrics, allowed values are 'Value' or 'AverageValue'";

function externalTarget(type: MetricTargetType, value: number, numeric: 'int' | 'float'): MetricTarget {
  const qty = quantityToString(
    numeric === 'int' ? integerQuantity(Math.trunc(value)) : kedaMetricQuantity(value),
  );
  return type === 'AverageValue' ? { type, averageValue: qty } : { type, value: qty };
}

interface TargetRead {
  value: number;
  key?: string;
  isDefault: boolean;
}

function readTarget(trigger: TriggerLike, ctx: MetricNameContext, asMetricSource: boolean): TargetRead {
  const info = triggerTargetInfo(trigger.type);
  if (!info) throw new Error(`no scaler found for type: ${trigger.type}`);
  const param = (key: string): string | undefined => triggerParam(trigger, key, ctx);
  switch (info.source) {
    case 'fixed':
      return { value: info.fixedTarget ?? 1, isDefault: true };
    case 'rule':
      return trigger.type === 'rabbitmq' ? rabbitTarget(trigger, ctx) : redisStreamsTarget(trigger, ctx);
    case 'metadata': {
      const read = numericTriggerParam(trigger, info.targetKeys, info.numeric, info.targetDefault, ctx);
      if (!read.ok) throw new Error(read.error);
      const key = info.targetKeys.find((k) => param(k) !== undefined) ?? info.targetKeys[0];
      if (read.value === -1 && (trigger.type === 'aws-dynamodb' || trigger.type === 'datadog')) {
        if (asMetricSource) return { value: 0, key, isDefault: true };
        throw new Error(
          trigger.type === 'datadog' ? 'no targetValue or queryValue given' : 'no targetValue given',
        );
      }
      return { value: read.value, key, isDefault: read.fromDefault === true };
    }
    default:
      throw new Error(`trigger type ${trigger.type} has no metadata target`);
  }
}

/** rabbitmq's `validateTrigger`: mode+value, or the deprecated queueLength, else QueueLength/20. */
function rabbitTarget(trigger: TriggerLike, ctx: MetricNameContext): TargetRead {
  const queueLength = numericTriggerParam(trigger, ['queueLength'], 'float', 'optional', ctx);
  const value = numericTriggerParam(trigger, ['value'], 'float', 'optional', ctx);
  if (!queueLength.ok) throw new Error(queueLength.error);
  if (!value.ok) throw new Error(value.error);
  const mode = triggerParam(trigger, 'mode', ctx) ?? 'Unknown';
  if (queueLength.value === 0 && mode === 'Unknown' && value.value === 0) {
    return { value: 20, key: 'value', isDefault: true };
  }
  if (queueLength.value !== 0 && (mode !== 'Unknown' || value.value !== 0)) {
    throw new Error('queueLength is deprecated; use mode and value');
  }
  if (queueLength.value !== 0) return { value: queueLength.value, key: 'queueLength', isDefault: false };
  if (mode === 'Unknown') throw new Error('mode must be specified');
  if (value.value === 0) throw new Error('value must be specified');
  return { value: value.value, key: 'value', isDefault: false };
}

/** redis streams: lagCount (with consumerGroup, when non-zero), else pendingEntriesCount (with consumerGroup), else streamLength. */
function redisStreamsTarget(trigger: TriggerLike, ctx: MetricNameContext): TargetRead {
  const read = (key: string, def: number | 'optional'): TargetRead => {
    const r = numericTriggerParam(trigger, [key], 'int', def, ctx);
    if (!r.ok) throw new Error(r.error);
    return { value: r.value, key, isDefault: r.fromDefault === true };
  };
  if (!triggerParam(trigger, 'stream', ctx)) throw new Error('missing redis stream name');
  if (triggerParam(trigger, 'consumerGroup', ctx)) {
    const lag = read('lagCount', 'optional');
    return lag.value !== 0 ? lag : read('pendingEntriesCount', 5);
  }
  return read('streamLength', 5);
}

function readActivation(
  trigger: TriggerLike,
  ctx: MetricNameContext,
): { key?: string; value: number; isDefault: boolean } {
  const info = triggerTargetInfo(trigger.type);
  if (!info?.activationKey) return { value: 0, isDefault: true };
  const key = info.activationKey;
  const numeric = info.type === 'solace-event-queue' ? 'int' : info.numeric;
  const read = numericTriggerParam(trigger, [key], numeric, info.activationDefault, ctx);
  if (!read.ok) throw new Error(read.error);
  return { key, value: read.value, isDefault: read.fromDefault === true };
}

function resourceSpec(
  trigger: TriggerLike,
  index: number,
): { spec: MetricSpec; params: TriggerScalingParams } {
  const type = trigger.type as 'cpu' | 'memory';
  const wrap = (msg: string): Error => new Error(`error parsing ${type} metadata: ${msg}`);
  if (trigger.metadata?.type !== undefined && trigger.metadata.type.trim() !== '') {
    throw wrap(
      `scaler ${type} info: The 'type' setting is DEPRECATED and is removed in v2.18 - Use 'metricType' instead.`,
    );
  }
  const valueText = trigger.metadata?.value?.trim();
  if (!valueText) throw wrap('missing required parameter "value" in [triggerMetadata]');
  const metricType = trigger.metricType ?? '';
  let target: MetricTarget;
  let numeric: number;
  if (metricType === 'Utilization') {
    const parsed = goParseInt32(valueText);
    if (!parsed.ok) throw wrap(parsed.error);
    target = { type: 'Utilization', averageUtilization: parsed.value };
    numeric = parsed.value;
  } else if (metricType === 'AverageValue') {
    const qty = parseQuantity(valueText);
    target = { type: 'AverageValue', averageValue: quantityToString(qty) };
    numeric = Number(qty.mantissa) * 10 ** qty.exponent;
  } else {
    throw wrap(`unknown metric type: ${metricType}, allowed values are 'Utilization' or 'AverageValue'`);
  }
  const container = trigger.metadata?.containerName?.trim();
  const spec: MetricSpec = container
    ? { type: 'ContainerResource', containerResource: { name: type, container, target } }
    : { type: 'Resource', resource: { name: type, target } };
  return {
    spec,
    params: {
      index,
      type,
      ...(trigger.name ? { name: trigger.name } : {}),
      metricNames: [],
      sourceType: container ? 'ContainerResource' : 'Resource',
      targetType: target.type,
      target: numeric,
      targetKey: 'value',
      targetIsDefault: false,
      activationThreshold: 0,
      activationIsDefault: true,
    },
  };
}

function triggerSpecs(
  trigger: TriggerLike,
  index: number,
  ctx: MetricNameContext,
  asMetricSource: boolean,
): { specs: MetricSpec[]; params: TriggerScalingParams } {
  if (trigger.type === 'cpu' || trigger.type === 'memory') {
    const { spec, params } = resourceSpec(trigger, index);
    return { specs: [spec], params };
  }
  const info = triggerTargetInfo(trigger.type);
  if (!info) throw new Error(`no scaler found for type: ${trigger.type}`);
  let targetType: MetricTargetType;
  if (info.forcedMetricType) targetType = info.forcedMetricType;
  else if (!trigger.metricType) targetType = 'AverageValue';
  else if (trigger.metricType === 'Utilization') throw new Error(UTILIZATION_ERROR);
  else targetType = trigger.metricType as MetricTargetType;

  const names = triggerMetricNames(trigger, index, ctx);
  if (!names.ok) throw new Error(names.error);
  if (names.kind !== 'external') throw new Error(`unexpected resource metric for ${trigger.type}`);
  const activation = readActivation(trigger, ctx);
  const base = {
    index,
    type: trigger.type,
    ...(trigger.name ? { name: trigger.name } : {}),
    metricNames: names.names,
    sourceType: 'External' as const,
    targetType,
    ...(activation.key ? { activationKey: activation.key } : {}),
    activationThreshold: activation.value,
    activationIsDefault: activation.isDefault,
  };

  const external = (name: string, target: MetricTarget): MetricSpec => ({
    type: 'External',
    external: { metric: { name }, target },
  });

  if (info.source === 'external') {
    const specs = ctx.externalMetricSpecs?.[index] ?? [];
    const mapped = specs.map((s, i) =>
      external(
        names.names[i] as string,
        Number.isInteger(s.targetSize)
          ? externalTarget(targetType, s.targetSize, 'int')
          : externalTarget(targetType, s.targetSize, 'float'),
      ),
    );
    return { specs: mapped, params: { ...base, target: specs[0]?.targetSize ?? 0, targetIsDefault: false } };
  }
  if (trigger.type === 'solace-event-queue' || trigger.type === 'solace-direct-messaging') {
    const keys =
      trigger.type === 'solace-event-queue'
        ? ['messageCountTarget', 'messageSpoolUsageTarget', 'messageReceiveRateTarget']
        : [
            'aggregatedClientTxByteRateTarget',
            'aggregatedClientAverageTxByteRateTarget',
            'aggregatedClientTxMsgRateTarget',
            'aggregatedClientAverageTxMsgRateTarget',
          ];
    const values = keys
      .map((key) => {
        const read = numericTriggerParam(trigger, [key], 'int', 'optional', ctx);
        if (!read.ok) throw new Error(read.error);
        return { key, value: read.value };
      })
      .filter((v) => v.value > 0);
    const specs = values.map((v, i) =>
      external(names.names[i] as string, externalTarget(targetType, v.value, 'int')),
    );
    const first = values[0];
    return {
      specs,
      params: {
        ...base,
        target: first?.value ?? 0,
        ...(first ? { targetKey: first.key } : {}),
        targetIsDefault: false,
      },
    };
  }
  const target = readTarget(trigger, ctx, asMetricSource);
  const name = names.names[0] as string;
  return {
    specs: [external(name, externalTarget(targetType, target.value, info.numeric))],
    params: {
      ...base,
      target: target.value,
      ...(target.key ? { targetKey: target.key } : {}),
      targetIsDefault: target.isDefault,
    },
  };
}

const TYPE_ORDER = (spec: MetricSpec): string => spec.type;

/**
 * The HPA `spec.metrics` KEDA generates for a ScaledObject, or KEDA's error: unknown trigger type,
 * unreadable target, Utilization on an external trigger, or
 * `metricName <name> defined multiple times in ScaledObject <so>`. External metrics get the
 * `scaledobject.keda.sh/name` selector; specs are sorted by type (ContainerResource < External <
 * Resource); with scalingModifiers (target > 0) the external metrics are replaced by one
 * `composite-metric` appended after the Resource metrics.
 */
export function kedaHpaMetricSpecs(
  so: MetricSpecsScaledObject,
  ctx: MetricNameContext = {},
): KedaMetricSpecsResult {
  const usingModifiers = isUsingModifiers(so.spec);
  const all: MetricSpec[] = [];
  const triggers: TriggerScalingParams[] = [];
  for (const [index, trigger] of so.spec.triggers.entries()) {
    try {
      const { specs, params } = triggerSpecs(trigger, index, ctx, usingModifiers);
      all.push(...specs);
      triggers.push(params);
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err), triggerIndex: index };
    }
  }
  if (all.length === 0) {
    return {
      ok: false,
      error: `no metric specs returned from scalers for ScaledObject ${ctx.namespace ?? ''}/${so.name}`,
    };
  }
  const externalMetricNames: string[] = [];
  const resourceMetricNames: string[] = [];
  for (const spec of all) {
    if (spec.resource) resourceMetricNames.push(spec.resource.name);
    if (spec.external) {
      const name = spec.external.metric.name;
      if (externalMetricNames.includes(name)) {
        return { ok: false, error: `metricName ${name} defined multiple times in ScaledObject ${so.name}` };
      }
      spec.external.metric.selector = scaledObjectMetricSelector(so.name);
      externalMetricNames.push(name);
    }
  }
  // Go's sort.Slice is an insertion sort (stable) for up to 12 elements.
  let metrics = [...all].sort((a, b) =>
    TYPE_ORDER(a) < TYPE_ORDER(b) ? -1 : TYPE_ORDER(a) > TYPE_ORDER(b) ? 1 : 0,
  );

  let compositeScalerName: string | undefined;
  if (usingModifiers) {
    const sm = so.spec.advanced?.scalingModifiers ?? {};
    const target = Number.parseFloat(sm.target ?? '');
    const metricType = (sm.metricType || 'AverageValue') as MetricTargetType;
    if (metricType === 'Utilization') {
      return {
        ok: false,
        error:
          'error metric target type is Utilization, but it needs to be AverageValue or Value for external metrics',
      };
    }
    if (target > 0) {
      const qty = quantityToString(milliQuantity(Math.trunc(target * 1000)));
      const compositeTarget: MetricTarget =
        metricType === 'Value' ? { type: 'Value', value: qty } : { type: 'AverageValue', averageValue: qty };
      metrics = [
        ...metrics.filter((m) => m.resource !== undefined),
        {
          type: 'External',
          external: {
            metric: { name: COMPOSITE_METRIC_NAME, selector: scaledObjectMetricSelector(so.name) },
            target: compositeTarget,
          },
        },
      ];
      compositeScalerName = COMPOSITE_METRIC_NAME;
    }
  }
  return {
    ok: true,
    metrics,
    externalMetricNames,
    resourceMetricNames,
    ...(compositeScalerName ? { compositeScalerName } : {}),
    triggers,
  };
}

/** The activation threshold of a trigger as KEDA reads it (key, value, default flag). */
export function triggerActivation(
  trigger: TriggerLike,
  ctx: MetricNameContext = {},
): { key?: string; value: number; isDefault: boolean } | { error: string } {
  try {
    return readActivation(trigger, ctx);
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/** Default activation threshold of a trigger type (0 when optional), `undefined` when unknown or required. */
export function defaultActivationThreshold(type: string): number | undefined {
  const info = triggerTargetInfo(type);
  return info ? defaultNumber(info.activationDefault) : undefined;
}

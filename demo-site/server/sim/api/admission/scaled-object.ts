/**
 * `vscaledobject.kb.io`: KEDA 2.20's ScaledObject validating webhook (scaledobject_webhook.go at
 * v2.20.2). The checks run in a fixed order (Go runs them in map order) and the first failure
 * denies; only verifyScaledObjects produces warnings.
 */
import { errors } from '../../core/errors.ts';
import { deepEqual, isObject } from '../../core/json.ts';
import type { KObject, ResourceDef } from '../../registry/types.ts';
import { goQuote } from '../validation/go-format.ts';
import { castToFloatIfNecessary, checkFormula } from './formula.ts';
import { gvkString, parseGvkr } from './gvkr.ts';
import { hpaNameOf, scaledObjectSpec, usesModifiers, type ScaledObjectSpec } from './keda-objects.ts';
import type { ObjectLookup } from './lookup.ts';
import { isContainerResourceLimitSet, isWorkloadResourceSet } from './resources.ts';
import { validateTriggers } from './triggers.ts';
import {
  StatusDenial,
  WebhookDenial,
  WebhookPanic,
  type ValidatingWebhook,
  type WebhookRequest,
} from './types.ts';

const MAX_LABEL_VALUE_LENGTH = 63;
const HPA_OWNERSHIP_ANNOTATION = 'validations.keda.sh/hpa-ownership';
const TRANSFER_HPA_OWNERSHIP_ANNOTATION = 'scaledobject.keda.sh/transfer-hpa-ownership';
const RESOURCE_TRIGGERS: ReadonlySet<string> = new Set(['cpu', 'memory']);

/** The admission warnings of KEDA 2.20.2 (KEDAScalersInfo). */
export const POLLING_INTERVAL_WARNING =
  'PollingInterval is configured but is not relevant. PollingInterval is only relevant when minReplicaCount = 0 or idleReplicaCount = 0 or useCachedMetrics is enabled';
export const COOLDOWN_PERIOD_WARNING =
  'CooldownPeriod is configured but is not relevant. CooldownPeriod is only relevant when minReplicaCount = 0 or idleReplicaCount = 0';

interface Incoming {
  name: string;
  namespace: string | undefined;
  annotations: Record<string, string>;
  spec: ScaledObjectSpec;
}

/** Go's `strconv.ParseFloat(s, 64)`: the value, or its error text. */
export function parseGoFloat(s: string): { value: number; error: string | undefined } {
  const decimal = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
  const special = /^[+-]?(inf|infinity|nan)$/i;
  const hex = /^[+-]?0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+$/;
  if (special.test(s)) {
    const lower = s.toLowerCase();
    if (lower.includes('nan')) return { value: Number.NaN, error: undefined };
    return { value: lower.startsWith('-') ? -Infinity : Infinity, error: undefined };
  }
  if (!decimal.test(s) && !hex.test(s)) {
    return { value: 0, error: `strconv.ParseFloat: parsing ${goQuote(s)}: invalid syntax` };
  }
  const value = hex.test(s) ? parseHexFloat(s) : Number(s);
  if (!Number.isFinite(value))
    return { value, error: `strconv.ParseFloat: parsing ${goQuote(s)}: value out of range` };
  return { value, error: undefined };
}

function parseHexFloat(s: string): number {
  const m = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(s);
  if (!m) return Number.NaN;
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  const mantissa = parseInt(int || '0', 16) + (frac ? parseInt(frac, 16) / 16 ** frac.length : 0);
  return (sign === '-' ? -1 : 1) * mantissa * 2 ** Number(exp);
}

function verifyScaledObjects(so: Incoming, lookup: ObjectLookup): string[] {
  const { spec } = so;
  const warnings: string[] = [];
  const minReplicas = spec.minReplicaCount ?? 0;
  const usesCachedMetrics = spec.triggers.some((t) => t.useCachedMetrics);
  const idleReplicaNotZero = spec.idleReplicaCount === undefined || spec.idleReplicaCount !== 0;
  if (spec.pollingInterval !== undefined && minReplicas > 0 && idleReplicaNotZero && !usesCachedMetrics) {
    warnings.push(POLLING_INTERVAL_WARNING);
  }
  if (spec.cooldownPeriod !== undefined && minReplicas > 0 && idleReplicaNotZero) {
    warnings.push(COOLDOWN_PERIOD_WARNING);
  }
  const others = lookup.list({ group: 'keda.sh', resource: 'scaledobjects' }, so.namespace);
  const incoming = parseGvkr(lookup, spec.scaleTargetRef.apiVersion, spec.scaleTargetRef.kind);
  const incomingHpaName = hpaNameOf(so.name, spec);
  for (const other of others) {
    const name = other.metadata.name ?? '';
    if (name === so.name) continue;
    const otherSpec = scaledObjectSpec(other);
    const target = parseGvkr(lookup, otherSpec.scaleTargetRef.apiVersion, otherSpec.scaleTargetRef.kind);
    if (
      gvkString(target) === gvkString(incoming) &&
      otherSpec.scaleTargetRef.name === spec.scaleTargetRef.name
    ) {
      throw new WebhookDenial(
        `the workload '${otherSpec.scaleTargetRef.name}' of type '${gvkString(incoming)}' is already managed by the ScaledObject '${name}'`,
      );
    }
    if (hpaNameOf(name, otherSpec) === incomingHpaName) {
      // v2.20.2 reads the other object's advanced.horizontalPodAutoscalerConfig.name here, a nil
      // pointer when it only has the default HPA name.
      if (otherSpec.advanced?.hpaName === undefined) {
        throw new WebhookPanic('runtime error: invalid memory address or nil pointer dereference');
      }
      throw new WebhookDenial(
        `the HPA '${otherSpec.advanced.hpaName}' is already managed by the ScaledObject '${name}'`,
      );
    }
  }
  if (usesModifiers(spec)) validateScalingModifiers(spec);
  if (
    spec.fallback?.behavior === 'scalingModifiers' &&
    (!usesModifiers(spec) || !spec.advanced?.scalingModifiers.formula)
  ) {
    throw new WebhookDenial(
      'scalingModifiers fallback behavior requires scalingModifiers.formula to be defined',
    );
  }
  return warnings;
}

/** `ValidateAndCompileScalingModifiers`. */
function validateScalingModifiers(spec: ScaledObjectSpec): void {
  const sm = spec.advanced?.scalingModifiers;
  if (!sm?.formula) throw new WebhookDenial('error ScalingModifiers.Formula is mandatory');
  const formula = castToFloatIfNecessary(sm.formula);
  try {
    if (!sm.target) throw new Error('formula is given but target is empty');
    const names = new Set(
      spec.triggers.filter((t) => !RESOURCE_TRIGGERS.has(t.type) && t.name).map((t) => t.name),
    );
    checkFormula(formula, names);
  } catch (error) {
    throw new WebhookDenial(
      `error validating formula in ScalingModifiers\n${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!sm.target) return;
  const target = parseGoFloat(sm.target);
  if (target.error || target.value <= 0) {
    throw new WebhookDenial(
      `error validating target in ScalingModifiers\nerror converting target for scalingModifiers (string->float) to valid target: ${target.error ?? '%!w(<nil>)'}`,
    );
  }
  if (sm.metricType === 'Utilization') {
    throw new WebhookDenial(
      'error validating target in ScalingModifiers\nerror trigger type is Utilization, but it needs to be AverageValue or Value for external metrics',
    );
  }
}

function podSpecOf(workload: KObject): Record<string, unknown> {
  const spec = isObject(workload.spec) ? workload.spec : {};
  const template = isObject(spec.template) ? spec.template : {};
  return isObject(template.spec) ? template.spec : {};
}

function verifyCpuMemoryScalers(so: Incoming, lookup: ObjectLookup, dryRun: boolean): void {
  if (dryRun) return;
  const { spec } = so;
  let podSpec: Record<string, unknown> | undefined;
  for (const trigger of spec.triggers) {
    if (!RESOURCE_TRIGGERS.has(trigger.type)) continue;
    if (!podSpec) {
      const target = parseGvkr(lookup, spec.scaleTargetRef.apiVersion, spec.scaleTargetRef.kind);
      const gvk = gvkString(target);
      if (gvk !== 'apps/v1.Deployment' && gvk !== 'apps/v1.StatefulSet') return;
      const resource = gvk === 'apps/v1.Deployment' ? 'deployments' : 'statefulsets';
      const workload = lookup.get({ group: 'apps', resource }, so.namespace, spec.scaleTargetRef.name);
      if (!workload)
        throw new StatusDenial(errors.notFound({ group: 'apps', resource }, spec.scaleTargetRef.name).status);
      podSpec = podSpecOf(workload);
    }
    const containerName = trigger.metadata.containerName ?? '';
    const containers = Array.isArray(podSpec.containers) ? podSpec.containers.filter(isObject) : [];
    for (const container of containers) {
      const name = typeof container.name === 'string' ? container.name : '';
      if (containerName && name !== containerName) continue;
      if (
        !isWorkloadResourceSet(container.resources, trigger.type) &&
        !isContainerResourceLimitSet(lookup, so.namespace, trigger.type)
      ) {
        throw new WebhookDenial(
          `the scaledobject has a ${trigger.type} trigger but the container ${name} doesn't have the ${trigger.type} request defined`,
        );
      }
    }
    const onlyResourceTriggers = spec.triggers.every((t) => RESOURCE_TRIGGERS.has(t.type));
    if (onlyResourceTriggers && (spec.minReplicaCount === undefined || spec.minReplicaCount === 0)) {
      throw new WebhookDenial(
        "scaledobject has only cpu/memory triggers AND minReplica is 0 (scale to zero doesn't work in this case)",
      );
    }
  }
}

function verifyHpas(so: Incoming, lookup: ObjectLookup): void {
  const { spec } = so;
  const hpas = lookup.list({ group: 'autoscaling', resource: 'horizontalpodautoscalers' }, so.namespace);
  const incoming = parseGvkr(lookup, spec.scaleTargetRef.apiVersion, spec.scaleTargetRef.kind);
  for (const hpa of hpas) {
    if (hpa.metadata.annotations?.[HPA_OWNERSHIP_ANNOTATION] === 'false') continue;
    const hpaSpec = isObject(hpa.spec) ? hpa.spec : {};
    const ref = isObject(hpaSpec.scaleTargetRef) ? hpaSpec.scaleTargetRef : {};
    const refName = typeof ref.name === 'string' ? ref.name : '';
    const target = parseGvkr(
      lookup,
      typeof ref.apiVersion === 'string' ? ref.apiVersion : '',
      typeof ref.kind === 'string' ? ref.kind : '',
    );
    if (gvkString(target) !== gvkString(incoming) || refName !== spec.scaleTargetRef.name) continue;
    const owned = (hpa.metadata.ownerReferences ?? []).some(
      (o) => o.kind === 'ScaledObject' && o.name === so.name,
    );
    if (owned) continue;
    const hpaName = hpa.metadata.name ?? '';
    if (so.annotations[TRANSFER_HPA_OWNERSHIP_ANNOTATION] === 'true') {
      if (spec.advanced?.hpaName !== undefined && spec.advanced.hpaName === hpaName) continue;
      throw new WebhookDenial(
        `the existing hpa '${hpaName}' for workload '${spec.scaleTargetRef.name}' of type '${gvkString(incoming)}' must be specified by name in advanced settings to enable ownership transfer`,
      );
    }
    throw new WebhookDenial(
      `the workload '${spec.scaleTargetRef.name}' of type '${gvkString(incoming)}' is already managed by the hpa '${hpaName}'`,
    );
  }
}

/** `CheckReplicaCountBoundsAreValid`. */
function verifyReplicaCount(so: Incoming): void {
  const { spec } = so;
  let minReplicas = 0;
  if (spec.minReplicaCount !== undefined) minReplicas = spec.minReplicaCount > 0 ? spec.minReplicaCount : 1;
  const maxReplicas = spec.maxReplicaCount ?? 100;
  if (minReplicas > maxReplicas) {
    throw new WebhookDenial(
      `MinReplicaCount=${minReplicas} must be less than MaxReplicaCount=${maxReplicas}`,
    );
  }
  if (spec.idleReplicaCount !== undefined && spec.idleReplicaCount >= minReplicas) {
    throw new WebhookDenial(
      `IdleReplicaCount=${spec.idleReplicaCount} must be less than MinReplicaCount=${minReplicas}`,
    );
  }
}

/** `CheckFallbackValid`. */
function verifyFallback(so: Incoming): void {
  const { fallback, triggers } = so.spec;
  if (!fallback) return;
  if (fallback.failureThreshold < 0 || fallback.replicas < 0) {
    throw new WebhookDenial(
      `FailureThreshold=${fallback.failureThreshold} & Replicas=${fallback.replicas} must both be greater than or equal to 0`,
    );
  }
  if (!usesModifiers(so.spec) && !triggers.some((t) => !RESOURCE_TRIGGERS.has(t.type))) {
    throw new WebhookDenial(
      'at least one trigger (that is not cpu or memory) has to have the `AverageValue` type for the fallback to be enabled',
    );
  }
}

function verifyName(so: Incoming): void {
  if (so.name.length > MAX_LABEL_VALUE_LENGTH) {
    throw new WebhookDenial(
      `scaledobject name ${goQuote(so.name)} is ${so.name.length} characters long; must be no more than ${MAX_LABEL_VALUE_LENGTH} characters because it is used as the "scaledobject.keda.sh/name" label value`,
    );
  }
  const hpaName = hpaNameOf(so.name, so.spec);
  if (hpaName.length > MAX_LABEL_VALUE_LENGTH) {
    throw new WebhookDenial(
      `HPA name ${goQuote(hpaName)} derived from scaledobject is ${hpaName.length} characters long; must be no more than ${MAX_LABEL_VALUE_LENGTH} characters; set spec.advanced.horizontalPodAutoscalerConfig.name to a shorter name or shorten the scaledobject name`,
    );
  }
}

/** `isRemovingFinalizer`: fewer finalizers and the same spec. */
function isRemovingFinalizer(object: KObject, old: KObject): boolean {
  const now = object.metadata.finalizers ?? [];
  const before = old.metadata.finalizers ?? [];
  return now.length < before.length && deepEqual(object.spec, old.spec);
}

export const scaledObjectWebhook: ValidatingWebhook = {
  name: 'vscaledobject.kb.io',
  matches: (def: ResourceDef) => def.group === 'keda.sh' && def.plural === 'scaledobjects',
  validate(request: WebhookRequest, lookup: ObjectLookup): string[] {
    if (
      request.operation === 'UPDATE' &&
      request.oldObject &&
      isRemovingFinalizer(request.object, request.oldObject)
    ) {
      return [];
    }
    const so: Incoming = {
      name: request.object.metadata.name ?? '',
      namespace: request.object.metadata.namespace,
      annotations: request.object.metadata.annotations ?? {},
      spec: scaledObjectSpec(request.object),
    };
    const warnings = verifyScaledObjects(so, lookup);
    verifyCpuMemoryScalers(so, lookup, request.dryRun);
    verifyHpas(so, lookup);
    verifyReplicaCount(so);
    verifyFallback(so);
    verifyName(so);
    validateTriggers(so.spec.triggers);
    return warnings;
  },
};

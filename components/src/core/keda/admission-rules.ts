/**
 * The checks of KEDA's validating webhooks (kedacore/keda `apis/keda/v1alpha1/*_webhook.go`,
 * REFERENCE §4) that need nothing but the object itself, with KEDA's exact messages, each pinned to
 * the field it is about. Checks that need the cluster (another ScaledObject or HPA on the same
 * workload, container resource requests) are left to the server. Also the pause annotations, which
 * the webhook lets through but the operator then fails on.
 */
import { goParseInt32, goQuote, KEDA_ANNOTATIONS } from './annotations.js';
import type { FieldPath, KedaKind } from './crd-schema.js';
import type { ValidationIssue } from './validation-issue.js';
import { validateScalingModifiers } from '../scaling/modifiers.js';

const MAX_LABEL_VALUE_LENGTH = 63;
const RESOURCE_TRIGGERS = new Set(['cpu', 'memory']);
const NO_CACHED_METRICS = new Set(['cpu', 'memory', 'cron']);

export const POLLING_INTERVAL_WARNING =
  'PollingInterval is configured but is not relevant. PollingInterval is only relevant when minReplicaCount = 0 or idleReplicaCount = 0 or useCachedMetrics is enabled';
export const COOLDOWN_PERIOD_WARNING =
  'CooldownPeriod is configured but is not relevant. CooldownPeriod is only relevant when minReplicaCount = 0 or idleReplicaCount = 0';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const obj = (value: unknown): Json => (isRecord(value) ? value : {});
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const int = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) ? value : undefined;

interface TriggerView {
  index: number;
  type: string;
  name: string | undefined;
  useCachedMetrics: boolean;
}

function triggersOf(spec: Json): TriggerView[] {
  const list = Array.isArray(spec.triggers) ? spec.triggers : [];
  return list.map((t, index) => {
    const trigger = obj(t);
    return {
      index,
      type: str(trigger.type) ?? '',
      name: str(trigger.name) || undefined,
      useCachedMetrics: trigger.useCachedMetrics === true,
    };
  });
}

class Issues {
  readonly list: ValidationIssue[] = [];

  deny(path: FieldPath, message: string, hint?: string): void {
    this.list.push({
      path,
      message,
      reason: 'FieldValueForbidden',
      severity: 'error',
      source: 'admission',
      hint,
    });
  }

  warn(path: FieldPath, message: string): void {
    this.list.push({ path, message, reason: 'FieldValueInvalid', severity: 'warning', source: 'admission' });
  }
}

/** KEDA's `ValidateTriggers` (ScaledObject and ScaledJob webhooks). */
function checkTriggers(spec: Json, issues: Issues): void {
  const seen = new Set<string>();
  for (const t of triggersOf(spec)) {
    const at: FieldPath = ['spec', 'triggers', t.index];
    if (t.useCachedMetrics && NO_CACHED_METRICS.has(t.type)) {
      issues.deny(
        [...at, 'useCachedMetrics'],
        `property "useCachedMetrics" is not supported for ${goQuote(t.type)} scaler`,
      );
    }
    if (t.name) {
      if (seen.has(t.name)) {
        issues.deny(
          [...at, 'name'],
          `triggerName ${goQuote(t.name)} is defined multiple times in the ScaledObject/ScaledJob, but it must be unique`,
          'Give every trigger its own name.',
        );
      }
      seen.add(t.name);
    }
  }
}

function checkScaledObject(object: Json, issues: Issues): void {
  const metadata = obj(object.metadata);
  const spec = obj(object.spec);
  const advanced = obj(spec.advanced);
  const triggers = triggersOf(spec);

  // Names (verifyName).
  const name = str(metadata.name) ?? '';
  const customHpaName = str(obj(advanced.horizontalPodAutoscalerConfig).name);
  if (name.length > MAX_LABEL_VALUE_LENGTH) {
    issues.deny(
      ['metadata', 'name'],
      `scaledobject name ${goQuote(name)} is ${name.length} characters long; must be no more than ${MAX_LABEL_VALUE_LENGTH} characters because it is used as the "scaledobject.keda.sh/name" label value`,
    );
  } else {
    const hpaName = customHpaName || `keda-hpa-${name}`;
    if (hpaName.length > MAX_LABEL_VALUE_LENGTH) {
      issues.deny(
        customHpaName ? ['spec', 'advanced', 'horizontalPodAutoscalerConfig', 'name'] : ['metadata', 'name'],
        `HPA name ${goQuote(hpaName)} derived from scaledobject is ${hpaName.length} characters long; must be no more than ${MAX_LABEL_VALUE_LENGTH} characters; set spec.advanced.horizontalPodAutoscalerConfig.name to a shorter name or shorten the scaledobject name`,
      );
    }
  }

  // Replica bounds (CheckReplicaCountBoundsAreValid); min > max is the CRD's CEL rule already.
  const min = int(spec.minReplicaCount);
  const idle = int(spec.idleReplicaCount);
  const effectiveMin = min === undefined ? 0 : min > 0 ? min : 1;
  if (idle !== undefined && idle >= effectiveMin) {
    issues.deny(
      ['spec', 'idleReplicaCount'],
      `IdleReplicaCount=${idle} must be less than MinReplicaCount=${effectiveMin}`,
      'idleReplicaCount must be below minReplicaCount (usually idle 0 with min 1 or more).',
    );
  }

  // cpu/memory only and scale to zero (verifyCpuMemoryScalers, for Deployments and StatefulSets).
  const targetKind = str(obj(spec.scaleTargetRef).kind) ?? 'Deployment';
  if (
    (targetKind === 'Deployment' || targetKind === 'StatefulSet') &&
    triggers.length > 0 &&
    triggers.every((t) => RESOURCE_TRIGGERS.has(t.type)) &&
    (min === undefined || min === 0)
  ) {
    issues.deny(
      min === undefined ? ['spec', 'triggers'] : ['spec', 'minReplicaCount'],
      "scaledobject has only cpu/memory triggers AND minReplica is 0 (scale to zero doesn't work in this case)",
      'Set minReplicaCount to 1 or more, or add a trigger that is not cpu or memory.',
    );
  }

  // Fallback (CheckFallbackValid).
  const fallback = isRecord(spec.fallback) ? spec.fallback : undefined;
  const modifiers = isRecord(advanced.scalingModifiers) && Object.keys(advanced.scalingModifiers).length > 0;
  if (fallback) {
    const threshold = int(fallback.failureThreshold);
    const replicas = int(fallback.replicas);
    if ((threshold ?? 0) < 0 || (replicas ?? 0) < 0) {
      issues.deny(
        ['spec', 'fallback'],
        `FailureThreshold=${threshold ?? 0} & Replicas=${replicas ?? 0} must both be greater than or equal to 0`,
      );
    }
    if (!modifiers && triggers.length > 0 && !triggers.some((t) => !RESOURCE_TRIGGERS.has(t.type))) {
      issues.deny(
        ['spec', 'fallback'],
        'at least one trigger (that is not cpu or memory) has to have the `AverageValue` type for the fallback to be enabled',
      );
    }
    if (
      fallback.behavior === 'scalingModifiers' &&
      (!modifiers || !str(obj(advanced.scalingModifiers).formula))
    ) {
      issues.deny(
        ['spec', 'fallback', 'behavior'],
        'scalingModifiers fallback behavior requires scalingModifiers.formula to be defined',
      );
    }
  }

  // scalingModifiers (ValidateAndCompileScalingModifiers).
  if (modifiers) {
    const sm = obj(advanced.scalingModifiers);
    const result = validateScalingModifiers({
      triggers: triggers.map((t) => ({ type: t.type, name: t.name })),
      advanced: {
        scalingModifiers: {
          formula: str(sm.formula),
          target: str(sm.target),
          activationTarget: str(sm.activationTarget),
          metricType: str(sm.metricType),
        },
      },
    });
    if (!result.ok) {
      const field = /target is empty|validating target/.test(result.error)
        ? result.error.includes('Utilization')
          ? 'metricType'
          : 'target'
        : /ActivationTarget/.test(result.error)
          ? 'activationTarget'
          : 'formula';
      issues.deny(['spec', 'advanced', 'scalingModifiers', field], result.error);
    }
  }

  checkTriggers(spec, issues);

  // Admission warnings (verifyScaledObjects).
  const minReplicas = min ?? 0;
  const idleNotZero = idle === undefined || idle !== 0;
  if (
    spec.pollingInterval !== undefined &&
    minReplicas > 0 &&
    idleNotZero &&
    !triggers.some((t) => t.useCachedMetrics)
  ) {
    issues.warn(['spec', 'pollingInterval'], POLLING_INTERVAL_WARNING);
  }
  if (spec.cooldownPeriod !== undefined && minReplicas > 0 && idleNotZero) {
    issues.warn(['spec', 'cooldownPeriod'], COOLDOWN_PERIOD_WARNING);
  }

  // paused-replicas must be an int32, or KEDA fails every reconcile of this ScaledObject.
  const annotations = obj(metadata.annotations);
  const paused = annotations[KEDA_ANNOTATIONS.pausedReplicas];
  if (typeof paused === 'string') {
    const parsed = goParseInt32(paused);
    if (!parsed.ok) {
      issues.deny(
        ['metadata', 'annotations', KEDA_ANNOTATIONS.pausedReplicas],
        parsed.error,
        'KEDA accepts the object but then fails to reconcile it: use a whole number, e.g. "0".',
      );
    } else if (parsed.value < 0) {
      issues.warn(
        ['metadata', 'annotations', KEDA_ANNOTATIONS.pausedReplicas],
        'paused-replicas should not be negative',
      );
    }
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '';
  } catch {
    return false;
  }
}

/** The TriggerAuthentication / ClusterTriggerAuthentication webhooks (`validateSpec`). */
function checkTriggerAuthentication(object: Json, issues: Issues): void {
  const spec = obj(object.spec);
  if (isRecord(spec.podIdentity)) {
    const pi = spec.podIdentity;
    const at: FieldPath = ['spec', 'podIdentity'];
    const provider = str(pi.provider) ?? '';
    if (provider === 'azure-workload') {
      if (str(pi.identityId) === '') {
        issues.deny(
          [...at, 'identityId'],
          `identityId of PodIdentity should not be empty. If it's set, identityId has to be different than ""`,
        );
      }
      const authorityHost = str(pi.identityAuthorityHost);
      const tenant = str(pi.identityTenantId);
      if (authorityHost && !tenant) {
        issues.deny(
          [...at, 'identityTenantId'],
          'identityTenantID of PodIdentity should not be nil or empty when identityAuthorityHost of PodIdentity is set',
        );
      } else if (!authorityHost && tenant === '') {
        issues.deny(
          [...at, 'identityTenantId'],
          `identityTenantId of PodIdentity should not be empty. If it's set, identityTenantId has to be different than ""`,
        );
      }
    } else if (provider === 'aws') {
      const roleArn = str(pi.roleArn);
      if (roleArn && str(pi.identityOwner) === 'workload') {
        issues.deny([...at, 'roleArn'], "roleArn of PodIdentity can't be set if KEDA isn't identityOwner");
      }
      if (str(pi.externalID) && !roleArn) {
        issues.deny([...at, 'externalID'], 'externalID of PodIdentity requires roleArn to be set');
      }
    } else {
      return; // As in KEDA: other providers end the checks.
    }
  }
  if (isRecord(spec.oauth2)) {
    const oauth2 = spec.oauth2;
    const at: FieldPath = ['spec', 'oauth2'];
    const type = str(oauth2.type) ?? '';
    if (type !== 'clientCredentials') {
      issues.deny([...at, 'type'], `oauth2.type must be 'clientCredentials', got '${type}'`);
      return;
    }
    if (!str(oauth2.clientId)) {
      issues.deny([...at, 'clientId'], 'oauth2.clientId is required when oauth2 is configured');
      return;
    }
    const tokenUrl = str(oauth2.tokenUrl);
    if (!tokenUrl) issues.deny([...at, 'tokenUrl'], 'oauth2.tokenUrl is required when oauth2 is configured');
    else if (!isHttpUrl(tokenUrl))
      issues.deny([...at, 'tokenUrl'], 'oauth2.tokenUrl must be a valid http or https URL');
  }
}

/**
 * What KEDA's admission webhook (and, for the pause annotation, the operator) would refuse in this
 * object, checkable without the cluster. KEDA's webhook stops at the first denial; this reports all.
 */
export function admissionIssues(kind: KedaKind, object: unknown): ValidationIssue[] {
  if (!isRecord(object)) return [];
  const issues = new Issues();
  switch (kind) {
    case 'ScaledObject':
      checkScaledObject(object, issues);
      break;
    case 'ScaledJob':
      checkTriggers(obj(object.spec), issues);
      break;
    default:
      checkTriggerAuthentication(object, issues);
  }
  return issues.list;
}

/**
 * The create wizard's rules: validation of its state, step by step and field by field, with the
 * messages KEDA, its admission webhook or the CRD schema would give (so the API never has to be
 * the one to say it): required trigger keys, numbers typed where KEDA reads numbers (metadata
 * values stay strings), enums, min ≤ max, names, credentials typed into trigger metadata, and the
 * TriggerAuthentication/Secret the triggers need. KEDA's admission rules are not written again here:
 * `admission-rules.ts` (which the YAML editor runs too) checks the objects the wizard builds, and
 * `wizard-fields.ts` places each message at its field. Objects are built by `wizard-build.ts`; API
 * errors are placed by `wizard-errors.ts`.
 */

import { admissionIssues } from './admission-rules.js';
import { SECRET_DATA_KEY } from '../kube/secret-key.js';
import { goParseBool } from './annotations.js';
import type { KedaKind } from './crd-schema.js';
import { KEDA_DEFAULTS } from './defaults.js';
import { kedaHpaMetricSpecs } from './hpa-metric-specs.js';
import { maskSecretsInText } from './mask.js';
import { isCredentialParam, paramFields, scalerSpec, type ParamField } from './scaler-catalog.js';
import { decodeJsonNumber } from './trigger-params.js';
import { validateScalingModifiers } from '../scaling/modifiers.js';
import {
  buildWizardObjects,
  createsSecret,
  createsTriggerAuthentication,
  parseJobSpec,
  secretKeyOf,
  type WizardObjectRole,
  type WizardObjects,
} from './wizard-build.js';
import { wizardFieldOf } from './wizard-fields.js';
import {
  authParameters,
  newAuthParameters,
  WIZARD_STEP_TITLES,
  WIZARD_STEPS,
  type TriggerDraft,
  type WizardState,
  type WizardStep,
} from './wizard-state.js';

export * from './wizard-state.js';
export * from './wizard-build.js';
export * from './wizard-errors.js';
export * from './wizard-fields.js';

export type IssueSeverity = 'error' | 'warning';

/** A problem with one field of one step. */
export interface WizardIssue {
  step: WizardStep;
  /** The field id the views mark (`scaling.minReplicaCount`, `trigger.<id>.param.queueName`…). */
  field: string;
  message: string;
  severity: IssueSeverity;
}

/** What the wizard knows about the cluster, to catch clashes before the API server does. */
export interface WizardContext {
  /** Names that already exist in the namespace (only kinds that were listed). */
  existing?: {
    scaledObjects?: readonly string[];
    scaledJobs?: readonly string[];
    triggerAuthentications?: readonly string[];
    clusterTriggerAuthentications?: readonly string[];
    secrets?: readonly string[];
  };
  /** The targets of the ScaledObjects in the namespace (KEDA refuses a second one on a workload). */
  managedTargets?: ReadonlyArray<{ scaledObject: string; apiVersion: string; kind: string; name: string }>;
  /**
   * Parameters an existing TriggerAuthentication provides, by `Kind/name`; `undefined` for one
   * whose sources cannot be read off its spec (Vault, pod identity…).
   */
  authParameters?: Readonly<Record<string, readonly string[] | undefined>>;
  /** Parameters of the new Secret whose value has been typed (values themselves never come here). */
  filledSecrets?: ReadonlySet<string>;
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const MAX_INT32 = 2147483647;

const subdomainMessage = (what: string): string =>
  `${what} must be a lowercase RFC 1123 subdomain: lower case alphanumeric characters, '-' or '.', starting and ending with an alphanumeric character (e.g. 'orders-consumer').`;

class Issues {
  readonly list: WizardIssue[] = [];
  error(step: WizardStep, field: string, message: string): void {
    this.list.push({ step, field, message, severity: 'error' });
  }
  warn(step: WizardStep, field: string, message: string): void {
    this.list.push({ step, field, message, severity: 'warning' });
  }
  /** A whole-number field: empty is fine (default); returns the number when valid. */
  int(step: WizardStep, field: string, label: string, text: string, min: number): number | undefined {
    const t = text.trim();
    if (!t) return undefined;
    if (!/^-?\d+$/.test(t)) {
      this.error(step, field, `${label} must be a whole number (got "${t}").`);
      return undefined;
    }
    const n = Number(t);
    if (n < min) {
      this.error(step, field, `${label} must be ${min} or more.`);
      return undefined;
    }
    if (n > MAX_INT32) {
      this.error(step, field, `${label} must be at most ${MAX_INT32}.`);
      return undefined;
    }
    return n;
  }
  name(step: WizardStep, field: string, label: string, text: string, max = 253): void {
    const t = text.trim();
    if (!t) this.error(step, field, `${label} is required.`);
    else if (t.length > max) this.error(step, field, `${label} must be no more than ${max} characters.`);
    else if (!DNS_SUBDOMAIN.test(t)) this.error(step, field, subdomainMessage(label));
  }
}

/** Field id of a trigger's parameter. */
export const paramFieldId = (trigger: TriggerDraft, key: string): string =>
  `trigger.${trigger.id}.param.${key}`;

function validateTarget(state: WizardState, ctx: WizardContext, issues: Issues): void {
  const kind = state.kind;
  const name = state.name.trim();
  issues.name('target', 'name', `${kind} name`, name);
  const taken = kind === 'ScaledObject' ? ctx.existing?.scaledObjects : ctx.existing?.scaledJobs;
  if (name && taken?.includes(name))
    issues.error(
      'target',
      'name',
      `A ${kind} named "${name}" already exists in namespace ${state.namespace}.`,
    );
  issues.name('target', 'namespace', 'Namespace', state.namespace, 63);

  if (kind === 'ScaledObject') {
    const t = state.target;
    if (!t.name.trim()) {
      issues.error(
        'target',
        'target.name',
        t.mode === 'list'
          ? 'Pick the workload to scale (or enter apiVersion/kind/name by hand).'
          : 'Name the resource to scale.',
      );
    }
    if (t.mode === 'manual') {
      if (!t.kind.trim())
        issues.error(
          'target',
          'target.kind',
          'Kind is required (e.g. Deployment, or a custom resource with /scale).',
        );
      else if (!/^[A-Z][A-Za-z0-9]*$/.test(t.kind.trim()))
        issues.error('target', 'target.kind', 'Kind is a CamelCase type name such as Deployment or Rollout.');
      if (t.apiVersion.trim() && !/^([a-z0-9.-]+\/)?v[0-9]+((alpha|beta)[0-9]+)?$/.test(t.apiVersion.trim()))
        issues.error(
          'target',
          'target.apiVersion',
          'apiVersion is `group/version` (apps/v1, argoproj.io/v1alpha1) or `v1`.',
        );
    }
    const managed = ctx.managedTargets?.find(
      (m) =>
        m.name === t.name.trim() &&
        m.kind === (t.kind.trim() || KEDA_DEFAULTS.scaleTargetKind) &&
        m.apiVersion === (t.apiVersion.trim() || KEDA_DEFAULTS.scaleTargetApiVersion) &&
        m.scaledObject !== name,
    );
    if (managed && t.name.trim()) {
      issues.error(
        'target',
        'target.name',
        `the workload '${managed.name}' of type '${managed.apiVersion}.${managed.kind}' is already managed by the ScaledObject '${managed.scaledObject}'`,
      );
    }
    if (t.envSourceContainerName.trim() && !DNS_LABEL.test(t.envSourceContainerName.trim()))
      issues.error(
        'target',
        'target.envSourceContainerName',
        'A container name is a lowercase RFC 1123 label.',
      );
    return;
  }
  const job = state.job;
  if (job.mode === 'paste') {
    if (!job.pasted.trim()) {
      issues.error('target', 'job.pasted', 'Paste a batch/v1 JobSpec (YAML or JSON), or switch to the form.');
      return;
    }
    const parsed = parseJobSpec(job.pasted);
    if (!parsed.ok) {
      issues.error('target', 'job.pasted', `The JobSpec does not parse: ${parsed.error}`);
      return;
    }
    const template = parsed.spec.template as { spec?: { containers?: unknown } } | undefined;
    const containers = template?.spec?.containers;
    if (!Array.isArray(containers) || containers.length === 0)
      issues.error(
        'target',
        'job.pasted',
        'The JobSpec needs template.spec.containers with at least one container.',
      );
    return;
  }
  if (!job.containerName.trim()) issues.error('target', 'job.containerName', 'Container name is required.');
  else if (!DNS_LABEL.test(job.containerName.trim()))
    issues.error(
      'target',
      'job.containerName',
      'A container name is a lowercase RFC 1123 label (e.g. worker).',
    );
  if (!job.image.trim())
    issues.error('target', 'job.image', 'Image is required (e.g. ghcr.io/acme/worker:1.4).');
  issues.int('target', 'job.backoffLimit', 'Backoff limit', job.backoffLimit, 0);
  job.env.forEach((e, i) => {
    if (e.name.trim() && !/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(e.name.trim()))
      issues.error('target', `job.env.${i}`, `"${e.name}" is not a valid environment variable name.`);
    if (!e.name.trim() && e.value) issues.error('target', `job.env.${i}`, 'Name the environment variable.');
  });
}

function validateScaling(state: WizardState, issues: Issues): void {
  const s = state.scaling;
  const step = 'scaling';
  const poll = issues.int(step, 'scaling.pollingInterval', 'Polling interval', s.pollingInterval, 1);
  void poll;
  const min = issues.int(step, 'scaling.minReplicaCount', 'Min replicas', s.minReplicaCount, 0);
  const max = issues.int(
    step,
    'scaling.maxReplicaCount',
    'Max replicas',
    s.maxReplicaCount,
    state.kind === 'ScaledObject' ? 1 : 0,
  );
  if (state.kind === 'ScaledJob') {
    issues.int(
      step,
      'scaling.successfulJobsHistoryLimit',
      'Successful jobs kept',
      s.successfulJobsHistoryLimit,
      0,
    );
    issues.int(step, 'scaling.failedJobsHistoryLimit', 'Failed jobs kept', s.failedJobsHistoryLimit, 0);
    if (min !== undefined && min > (max ?? KEDA_DEFAULTS.scaledJobMaxReplicaCount)) {
      issues.warn(
        step,
        'scaling.minReplicaCount',
        `Min replicas (${min}) is above max (${max ?? 100}): KEDA uses ${max ?? 100}.`,
      );
    }
    return;
  }
  issues.int(step, 'scaling.idleReplicaCount', 'Idle replicas', s.idleReplicaCount, 0);
  issues.int(step, 'scaling.cooldownPeriod', 'Cooldown period', s.cooldownPeriod, 0);
  issues.int(step, 'scaling.initialCooldownPeriod', 'Initial cooldown period', s.initialCooldownPeriod, 0);
  const effMax = max ?? KEDA_DEFAULTS.maxReplicaCount;
  if (min !== undefined && min > effMax) {
    issues.error(
      step,
      'scaling.minReplicaCount',
      'minReplicaCount must be less than or equal to maxReplicaCount',
    );
  }
  // idle < min, cpu/memory-only scale to zero and the pollingInterval/cooldownPeriod warnings are
  // KEDA's admission rules: see validateAdmission.
}

/**
 * Why a metadata value must not be sent as typed: it carries a credential (a password in a URL, a
 * connection string's `Password=`/`SharedAccessKey=`…, what `mask.ts` would mask), which the
 * ScaledObject would keep in plain text. Says where the credential goes instead.
 */
function inlineCredential(type: string, key: string, value: string): string | undefined {
  if (maskSecretsInText(value) === value) return undefined;
  const carrier = paramFields(type).find(
    (f) => f.credential && f.sources.includes('auth') && /host|address|connection|url/i.test(f.name),
  );
  const instead = carrier
    ? `take ${carrier.name} from a TriggerAuthentication instead (${WIZARD_STEP_TITLES.auth} step)`
    : `read it through a TriggerAuthentication (${WIZARD_STEP_TITLES.auth} step)`;
  return `${key} contains a credential (a password, key or token), which would be stored in plain text in the trigger metadata: move it to a Secret and ${instead}.`;
}

/**
 * Parameters written in a query language (PromQL, SQL, NRQL, CloudWatch expressions, filters),
 * where `token="x"` or `password = 'x'` is as likely a label or column as a credential.
 */
const QUERY_TEXT = /^(query|nrql|expression|filter|metricFilter|filterExpression|keyConditionExpression)$/;

function checkParamValue(trigger: TriggerDraft, field: ParamField, value: string, issues: Issues): void {
  const id = paramFieldId(trigger, field.name);
  const credential = inlineCredential(trigger.type, field.name, value);
  if (credential && QUERY_TEXT.test(field.name)) {
    issues.warn(
      'triggers',
      id,
      `${field.name} looks as if it contains a credential (a password, key or token). A label or column of that name is fine; a credential would be stored in plain text in the trigger metadata: move it to a Secret and read it through a TriggerAuthentication (${WIZARD_STEP_TITLES.auth} step).`,
    );
  } else if (credential) {
    issues.error('triggers', id, credential);
  }
  const type = field.valueType ?? 'string';
  if (type === 'int' || type === 'float') {
    const decoded = decodeJsonNumber(value, type === 'int' ? 'int' : 'float');
    if (!decoded.ok) {
      issues.error(
        'triggers',
        id,
        `${field.name} must be ${type === 'int' ? 'a whole number' : 'a number'} (KEDA: ${decoded.error}).`,
      );
    }
  } else if (type === 'bool' && goParseBool(value) === undefined) {
    issues.error('triggers', id, `${field.name} must be true or false (got "${value}").`);
  }
  if (field.enum && !field.enum.includes(value))
    issues.error('triggers', id, `${field.name} must be one of ${field.enum.join(', ')} (got "${value}").`);
  if (field.deprecatedAnnounce) issues.warn('triggers', id, field.deprecatedAnnounce);
}

function validateTrigger(state: WizardState, trigger: TriggerDraft, issues: Issues): boolean {
  const before = issues.list.length;
  const spec = scalerSpec(trigger.type);
  const prefix = `trigger.${trigger.id}`;
  if (!spec) {
    issues.error('triggers', `${prefix}.type`, `no scaler found for type: ${trigger.type}`);
    return false;
  }
  if (spec.testOnly) issues.warn('triggers', `${prefix}.type`, `${trigger.type} is KEDA's test-only scaler.`);
  const resource = trigger.type === 'cpu' || trigger.type === 'memory';
  if (trigger.metricType === 'Utilization' && !resource)
    issues.error(
      'triggers',
      `${prefix}.metricType`,
      "error getting scaler metric type: 'Utilization' metric type is unsupported for external metrics, allowed values are 'Value' or 'AverageValue'",
    );
  if (resource && trigger.metricType !== 'Utilization' && trigger.metricType !== 'AverageValue')
    issues.error(
      'triggers',
      `${prefix}.metricType`,
      `${trigger.type} triggers need metricType Utilization or AverageValue.`,
    );
  if (
    trigger.name.trim() &&
    !/^[A-Za-z_][A-Za-z0-9_]*$/.test(trigger.name.trim()) &&
    state.advanced.modifiersEnabled
  )
    issues.warn(
      'triggers',
      `${prefix}.name`,
      'Use letters, digits and _ so the name can be a variable in the scalingModifiers formula.',
    );

  for (const field of paramFields(trigger.type)) {
    const draft = trigger.params[field.name];
    const id = paramFieldId(trigger, field.name);
    if (field.unsupported && field.required) {
      issues.error('triggers', id, field.unsupported);
      continue;
    }
    if (!draft) continue;
    const value = draft.value.trim();
    if (draft.source === 'value') {
      if (!value) {
        if (field.required) issues.error('triggers', id, `${field.name} is required.`);
      } else checkParamValue(trigger, field, value, issues);
    } else if (draft.source === 'env') {
      if (!value) {
        if (field.required)
          issues.error(
            'triggers',
            id,
            `${field.name} is required: name the env var of the workload's container (${field.fromEnvKey}).`,
          );
      } else if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(value)) {
        issues.error('triggers', id, `"${value}" is not a valid environment variable name.`);
      }
    } else if (draft.source === 'auth' && !spec.supportsTriggerAuthentication) {
      issues.error('triggers', id, `${trigger.type} does not read TriggerAuthentication parameters.`);
    }
  }
  const known = new Set(
    paramFields(trigger.type).flatMap((f) => [f.name, ...(f.fromEnvKey ? [f.fromEnvKey] : [])]),
  );
  const removed = new Map(
    spec.params.filter((p) => p.deprecated).map((p) => [p.name, p.deprecated as string]),
  );
  trigger.extra.forEach((e, i) => {
    const key = e.key.trim();
    if (!key) {
      if (e.value) issues.error('triggers', `${prefix}.extra.${i}`, 'Name the metadata key.');
      return;
    }
    const fromAuth = paramFields(trigger.type).some((f) => f.name === key && f.sources.includes('auth'));
    const credential = isCredentialParam(trigger.type, key)
      ? `${key} is a credential and never goes into the trigger metadata: put it in the Secret via the ${WIZARD_STEP_TITLES.auth} step${fromAuth ? ` (take the ${key} field from the TriggerAuthentication)` : ''}.`
      : inlineCredential(trigger.type, key, e.value);
    if (removed.has(key)) issues.error('triggers', `${prefix}.extra.${i}`, removed.get(key) as string);
    else if (credential) issues.error('triggers', `${prefix}.extra.${i}`, credential);
    else if (known.has(key))
      issues.warn(
        'triggers',
        `${prefix}.extra.${i}`,
        `${key} is one of the fields above; this entry overrides it.`,
      );
  });
  return issues.list.slice(before).every((i) => i.severity !== 'error');
}

function validateTriggers(state: WizardState, built: WizardObjects, issues: Issues): void {
  if (state.triggers.length === 0) {
    issues.error('triggers', 'triggers', 'no triggers defined in the ScaledObject/ScaledJob');
    return;
  }
  let allValid = true;
  for (const t of state.triggers) allValid = validateTrigger(state, t, issues) && allValid;
  const external = state.triggers.some((t) => t.type.startsWith('external'));
  if (!allValid || external || state.kind !== 'ScaledObject') return;
  const so = built.scaledObject;
  if (!so) return;
  const specs = kedaHpaMetricSpecs(
    { name: so.metadata.name ?? '', spec: { triggers: so.spec.triggers } },
    { namespace: state.namespace, authParams: {} },
  );
  if (!specs.ok && !/scalingModifiers|Utilization, but/.test(specs.error)) {
    const trigger = specs.triggerIndex !== undefined ? state.triggers[specs.triggerIndex] : undefined;
    const key = /param "([^"]+)"/.exec(specs.error)?.[1];
    const field = trigger
      ? key && trigger.params[key]
        ? paramFieldId(trigger, key)
        : `trigger.${trigger.id}.type`
      : 'triggers';
    issues.error('triggers', field, specs.error);
  }
}

function validateAuth(state: WizardState, ctx: WizardContext, issues: Issues): void {
  const step = 'auth';
  for (const t of state.triggers) {
    const spec = scalerSpec(t.type);
    const params = authParameters(t);
    const field = `trigger.${t.id}.auth`;
    if (t.auth.mode === 'none') {
      if (params.length)
        issues.error(
          step,
          field,
          `${params.join(', ')} of ${t.type} come${params.length === 1 ? 's' : ''} from a TriggerAuthentication: pick one or create one.`,
        );
      continue;
    }
    if (spec && !spec.supportsTriggerAuthentication) {
      issues.error(step, field, `${t.type} does not use a TriggerAuthentication.`);
      continue;
    }
    if (t.auth.mode === 'existing') {
      const name = t.auth.name.trim();
      if (!name) {
        issues.error(step, field, `Pick the ${t.auth.kind} of the ${t.type} trigger.`);
        continue;
      }
      const listed =
        t.auth.kind === 'ClusterTriggerAuthentication'
          ? ctx.existing?.clusterTriggerAuthentications
          : ctx.existing?.triggerAuthentications;
      if (listed && !listed.includes(name)) {
        issues.warn(
          step,
          field,
          `No ${t.auth.kind} named "${name}" is known${t.auth.kind === 'TriggerAuthentication' ? ` in ${state.namespace}` : ''}; KEDA reports an error until it exists.`,
        );
        continue;
      }
      const provided = ctx.authParameters?.[`${t.auth.kind}/${name}`];
      const missing = provided ? params.filter((p) => !provided.includes(p)) : [];
      if (missing.length)
        issues.warn(
          step,
          field,
          `${t.auth.kind} ${name} does not provide ${missing.join(', ')} (it has ${provided?.join(', ') || 'no parameters'}).`,
        );
    }
  }
  if (!createsTriggerAuthentication(state)) return;
  const a = state.auth;
  issues.name(step, 'auth.name', 'TriggerAuthentication name', a.name);
  if (a.name.trim() && ctx.existing?.triggerAuthentications?.includes(a.name.trim()))
    issues.error(
      step,
      'auth.name',
      `A TriggerAuthentication named "${a.name.trim()}" already exists in ${state.namespace}: pick it as an existing one, or choose another name.`,
    );
  if (a.podIdentity === 'azure-workload' && a.identityId && !a.identityId.trim())
    issues.error(
      step,
      'auth.identityId',
      'identityId of PodIdentity should not be empty. If it\'s set, identityId has to be different than ""',
    );
  const parameters = newAuthParameters(state);
  if (parameters.length === 0 && !a.podIdentity) {
    issues.error(
      step,
      'auth.name',
      'The new TriggerAuthentication would be empty: take a parameter from it, or choose a pod identity.',
    );
    return;
  }
  if (parameters.length === 0) return;
  issues.name(step, 'auth.secretName', 'Secret name', a.secretName);
  const secretName = a.secretName.trim();
  if (secretName && a.secretMode === 'new' && ctx.existing?.secrets?.includes(secretName))
    issues.error(
      step,
      'auth.secretName',
      `A Secret named "${secretName}" already exists in ${state.namespace}: use it as an existing Secret, or choose another name.`,
    );
  if (
    secretName &&
    a.secretMode === 'existing' &&
    ctx.existing?.secrets &&
    !ctx.existing.secrets.includes(secretName)
  )
    issues.warn(step, 'auth.secretName', `No Secret named "${secretName}" is known in ${state.namespace}.`);
  for (const p of parameters) {
    const key = secretKeyOf(state, p);
    if (!SECRET_DATA_KEY.test(key) || key.length > 253)
      issues.error(
        step,
        `auth.key.${p}`,
        `"${key}" is not a valid Secret key: use letters, digits, '-', '_' or '.'.`,
      );
    if (createsSecret(state) && ctx.filledSecrets && !ctx.filledSecrets.has(p))
      issues.error(step, `auth.value.${p}`, `Type the value of ${p} (it goes straight into the Secret).`);
  }
}

function validateAdvanced(state: WizardState, issues: Issues): void {
  if (state.kind !== 'ScaledObject') return;
  const step = 'advanced';
  const a = state.advanced;
  if (a.hpaName.trim()) issues.name(step, 'advanced.hpaName', 'HPA name', a.hpaName, 63);
  if (a.fallbackEnabled) {
    const threshold = a.failureThreshold.trim();
    const replicas = a.fallbackReplicas.trim();
    if (!threshold)
      issues.error(step, 'advanced.failureThreshold', 'Failure threshold is required with a fallback.');
    else issues.int(step, 'advanced.failureThreshold', 'Failure threshold', threshold, 0);
    if (!replicas)
      issues.error(step, 'advanced.fallbackReplicas', 'Fallback replicas is required with a fallback.');
    else issues.int(step, 'advanced.fallbackReplicas', 'Fallback replicas', replicas, 0);
  }
  // The fallback's and scalingModifiers' own rules are KEDA's admission rules (validateAdmission);
  // this only says why a formula cannot use triggers by name.
  const unnamed = state.triggers.filter((t) => t.type !== 'cpu' && t.type !== 'memory' && !t.name.trim());
  if (a.modifiersEnabled && unnamed.length && a.formula.trim()) {
    const result = validateScalingModifiers({
      triggers: state.triggers.map((t) => ({
        type: t.type,
        ...(t.name.trim() ? { name: t.name.trim() } : {}),
      })),
      advanced: { scalingModifiers: { formula: a.formula.trim(), target: a.modifiersTarget.trim() || '1' } },
    });
    if (!result.ok && /unknown name/.test(result.error))
      issues.warn(
        step,
        'advanced.formula',
        `Name the triggers (Triggers step) to use them in the formula: ${unnamed.map((t) => t.type).join(', ')} ${unnamed.length === 1 ? 'has' : 'have'} no name.`,
      );
  }
}

const ADMISSION_KIND: Partial<Record<WizardObjectRole, KedaKind>> = {
  scaledObject: 'ScaledObject',
  scaledJob: 'ScaledJob',
  triggerAuthentication: 'TriggerAuthentication',
};

/**
 * KEDA's admission webhook rules (`admission-rules.ts`, the YAML editor's too), run on the objects
 * the wizard would send, each message placed at the wizard field its path is edited in.
 */
function validateAdmission(state: WizardState, built: WizardObjects, issues: Issues): void {
  for (const { role, object } of built.objects) {
    const kind = ADMISSION_KIND[role];
    if (!kind) continue;
    for (const issue of admissionIssues(kind, object)) {
      const place = wizardFieldOf(state, role, issue.path);
      const field = place.field ?? (place.step === 'triggers' ? 'triggers' : 'name');
      if (issue.severity === 'error') issues.error(place.step, field, issue.message);
      else issues.warn(place.step, field, issue.message);
    }
  }
}

/** Every problem of the wizard's state, in step order. */
export function validateWizard(state: WizardState, ctx: WizardContext = {}): WizardIssue[] {
  const issues = new Issues();
  const built = buildWizardObjects(state);
  validateTarget(state, ctx, issues);
  validateScaling(state, issues);
  validateTriggers(state, built, issues);
  validateAuth(state, ctx, issues);
  validateAdvanced(state, issues);
  validateAdmission(state, built, issues);
  const order = (s: WizardStep): number => WIZARD_STEPS.indexOf(s);
  return issues.list
    .map((i, n) => ({ i, n }))
    .sort((a, b) => order(a.i.step) - order(b.i.step) || a.n - b.n)
    .map(({ i }) => i);
}

/** The issues of one step. */
export function stepIssues(issues: readonly WizardIssue[], step: WizardStep): WizardIssue[] {
  return issues.filter((i) => i.step === step);
}

/** The first step that has an error (where "Create" sends the person back to). */
export function firstStepWithError(issues: readonly WizardIssue[]): WizardStep | undefined {
  return issues.find((i) => i.severity === 'error')?.step;
}

/** Whether the numbers typed so far can be simulated (the what-if preview needs valid numbers). */
export function numbersValid(issues: readonly WizardIssue[]): boolean {
  return !issues.some(
    (i) => i.severity === 'error' && (i.step === 'scaling' || i.field.startsWith('advanced.')),
  );
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paramFields, TRIGGER_TYPES, type ParamField } from './scaler-catalog.js';
import {
  initialWizardState,
  newAuthParameters,
  newTriggerDraft,
  numbersValid,
  validateWizard,
  type WizardContext,
  type WizardIssue,
  type WizardState,
} from './wizard.js';

/** A valid ScaledObject on a cron trigger (no authentication involved). */
function cronState(): WizardState {
  const s = initialWizardState('shop');
  s.name = 'nightly';
  s.target.name = 'reports';
  const t = newTriggerDraft('cron', 'c1');
  t.params.start = { source: 'value', value: '0 6 * * *', enabled: false };
  t.params.end = { source: 'value', value: '0 20 * * *', enabled: false };
  t.params.timezone = { source: 'value', value: 'Europe/Berlin', enabled: false };
  t.params.desiredReplicas = { source: 'value', value: '3', enabled: false };
  s.triggers = [t];
  return s;
}

/** A ScaledObject whose rabbitmq trigger takes host from a TriggerAuthentication. */
function rabbitState(): WizardState {
  const s = cronState();
  const t = newTriggerDraft('rabbitmq', 'r1');
  t.params.queueName = { source: 'value', value: 'orders', enabled: false };
  t.params.mode = { source: 'value', value: 'QueueLength', enabled: false };
  t.params.value = { source: 'value', value: '5', enabled: false };
  s.triggers = [t];
  s.auth.name = 'orders-auth';
  s.auth.secretName = 'orders-secret';
  return s;
}

const filled: WizardContext = { filledSecrets: new Set(['host']) };

/** `field: message` of the issues of one severity. */
function issues(state: WizardState, ctx: WizardContext = {}, severity: WizardIssue['severity'] = 'error') {
  return validateWizard(state, ctx)
    .filter((i) => i.severity === severity)
    .map((i) => `${i.field}: ${i.message}`);
}

function has(list: string[], field: string, message: RegExp) {
  assert.ok(
    list.some((l) => l.startsWith(`${field}: `) && message.test(l.slice(field.length + 2))),
    `expected ${field} ${message} in ${JSON.stringify(list, null, 1)}`,
  );
}

test('the starting fixtures are valid', () => {
  assert.deepEqual(issues(cronState()), []);
  assert.deepEqual(issues(rabbitState(), filled), []);
});

test('names: too long, not a subdomain; a namespace over 63 characters', () => {
  const s = cronState();
  s.name = 'Orders_Consumer';
  s.namespace = 'n'.repeat(64);
  const list = issues(s);
  has(list, 'name', /ScaledObject name must be a lowercase RFC 1123 subdomain/);
  has(list, 'namespace', /Namespace must be no more than 63 characters/);
  s.name = 'a'.repeat(254);
  has(issues(s), 'name', /must be no more than 253 characters/);
});

test('a name already taken: ScaledObjects and ScaledJobs are checked against their own kind', () => {
  const s = cronState();
  const existing = { scaledObjects: ['other'], scaledJobs: ['nightly'] };
  assert.deepEqual(issues(s, { existing }), [], 'a ScaledJob of that name does not clash');
  has(
    issues(s, { existing: { scaledObjects: ['nightly'] } }),
    'name',
    /A ScaledObject named "nightly" already exists in namespace shop/,
  );
});

test('a target typed by hand: kind required and CamelCase, apiVersion group/version', () => {
  const s = cronState();
  s.target = {
    mode: 'manual',
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    name: 'web',
    envSourceContainerName: '',
  };
  assert.deepEqual(issues(s), []);
  s.target.name = '';
  has(issues(s), 'target.name', /^Name the resource to scale\.$/);
  s.target.name = 'web';
  s.target.kind = ' ';
  has(issues(s), 'target.kind', /^Kind is required/);
  s.target.kind = 'rollout';
  has(issues(s), 'target.kind', /CamelCase/);
  s.target.kind = 'Rollout';
  s.target.apiVersion = 'Argoproj/V1';
  has(issues(s), 'target.apiVersion', /group\/version/);
  s.target.apiVersion = 'v1';
  assert.deepEqual(issues(s), []);
  s.target.apiVersion = '';
  assert.deepEqual(issues(s), [], 'an empty apiVersion is left to KEDA');
});

test('a workload another ScaledObject manages; KEDA defaults fill an empty apiVersion and kind', () => {
  const s = cronState();
  s.target.apiVersion = '';
  s.target.kind = '';
  const managedTargets = [
    { scaledObject: 'legacy', apiVersion: 'apps/v1', kind: 'Deployment', name: 'reports' },
    { scaledObject: 'nightly', apiVersion: 'apps/v1', kind: 'Deployment', name: 'reports' },
  ];
  has(issues(s, { managedTargets }), 'target.name', /already managed by the ScaledObject 'legacy'/);
  assert.deepEqual(issues(s, { managedTargets: [managedTargets[1]!] }), [], 'its own target is no clash');
  s.target.kind = 'StatefulSet';
  assert.deepEqual(issues(s, { managedTargets }), [], 'another kind of the same name');
});

test('envSourceContainerName must be an RFC 1123 label', () => {
  const s = cronState();
  s.target.envSourceContainerName = 'App';
  has(issues(s), 'target.envSourceContainerName', /lowercase RFC 1123 label/);
  s.target.envSourceContainerName = 'app';
  assert.deepEqual(issues(s), []);
});

test('ScaledJob form: container name, image, backoff limit, env names', () => {
  const s = cronState();
  s.kind = 'ScaledJob';
  s.job.containerName = ' ';
  s.job.image = '';
  s.job.backoffLimit = '-1';
  s.job.env = [
    { name: '1BAD', value: 'x' },
    { name: '', value: 'orphan' },
    { name: '', value: '' },
    { name: 'GOOD', value: '' },
  ];
  let list = issues(s);
  has(list, 'job.containerName', /^Container name is required\.$/);
  has(list, 'job.image', /^Image is required/);
  has(list, 'job.backoffLimit', /Backoff limit must be 0 or more/);
  has(list, 'job.env.0', /"1BAD" is not a valid environment variable name/);
  has(list, 'job.env.1', /^Name the environment variable\.$/);
  assert.ok(!list.some((l) => l.startsWith('job.env.2') || l.startsWith('job.env.3')));
  s.job.containerName = 'Worker';
  list = issues(s);
  has(list, 'job.containerName', /lowercase RFC 1123 label/);
});

test('ScaledJob pasted: empty, unparsable, or without containers', () => {
  const s = cronState();
  s.kind = 'ScaledJob';
  s.job.mode = 'paste';
  s.job.pasted = '   ';
  has(issues(s), 'job.pasted', /^Paste a batch\/v1 JobSpec/);
  s.job.pasted = 'template: {spec: {containers: []}}';
  has(issues(s), 'job.pasted', /needs template.spec.containers with at least one container/);
  s.job.pasted = 'parallelism: 2';
  has(issues(s), 'job.pasted', /needs template.spec.containers/);
  s.job.pasted = 'template: {spec: {containers: [{name: a, image: b}]}}';
  assert.deepEqual(issues(s), []);
});

test('ScaledJob scaling: history limits, max 0 allowed, min above max is a warning (KEDA caps it)', () => {
  const s = cronState();
  s.kind = 'ScaledJob';
  s.job.image = 'img';
  s.scaling.successfulJobsHistoryLimit = 'many';
  s.scaling.failedJobsHistoryLimit = '-2';
  const list = issues(s);
  has(list, 'scaling.successfulJobsHistoryLimit', /must be a whole number \(got "many"\)/);
  has(list, 'scaling.failedJobsHistoryLimit', /must be 0 or more/);
  s.scaling.successfulJobsHistoryLimit = '';
  s.scaling.failedJobsHistoryLimit = '';
  s.scaling.minReplicaCount = '5';
  s.scaling.maxReplicaCount = '2';
  assert.deepEqual(issues(s), []);
  assert.deepEqual(issues(s, {}, 'warning'), [
    'scaling.minReplicaCount: Min replicas (5) is above max (2): KEDA uses 2.',
  ]);
  s.scaling.maxReplicaCount = '';
  s.scaling.minReplicaCount = '101';
  assert.deepEqual(issues(s, {}, 'warning'), [
    'scaling.minReplicaCount: Min replicas (101) is above max (100): KEDA uses 100.',
  ]);
  s.scaling.minReplicaCount = '100';
  assert.deepEqual(issues(s, {}, 'warning'), []);
});

test('numbers above int32 and below their minimum are refused; numbersValid follows scaling and advanced errors', () => {
  const s = cronState();
  s.scaling.maxReplicaCount = '2147483648';
  s.scaling.cooldownPeriod = '-5';
  const all = validateWizard(s);
  has(issues(s), 'scaling.maxReplicaCount', /must be at most 2147483647/);
  has(issues(s), 'scaling.cooldownPeriod', /must be 0 or more/);
  assert.equal(numbersValid(all), false);
  s.scaling.maxReplicaCount = '';
  s.scaling.cooldownPeriod = '';
  s.name = '';
  assert.equal(numbersValid(validateWizard(s)), true, 'a name error does not stop the preview');
  s.name = 'nightly';
  s.advanced.fallbackEnabled = true;
  s.advanced.fallbackReplicas = 'x';
  assert.equal(numbersValid(validateWizard(s)), false);
});

test('trigger values: whole numbers, numbers, booleans, enums and deprecated keys', () => {
  const s = rabbitState();
  const t = s.triggers[0]!;
  t.params.value!.value = 'fifty';
  has(issues(s, filled), 'trigger.r1.param.value', /^value must be a number \(KEDA: /);
  t.params.value!.value = '2.5';
  assert.deepEqual(issues(s, filled), [], 'value is a float');
  t.params.value!.value = '5';
  t.params.unsafeSsl = { source: 'value', value: 'yes', enabled: false };
  has(issues(s, filled), 'trigger.r1.param.unsafeSsl', /unsafeSsl must be true or false \(got "yes"\)/);
  t.params.unsafeSsl.value = 'TRUE';
  assert.deepEqual(issues(s, filled), [], 'Go parses TRUE');

  const kafka = initialWizardState('shop');
  kafka.name = 'k';
  kafka.target.name = 'w';
  const k = newTriggerDraft('apache-kafka', 'k1');
  for (const p of Object.values(k.params)) if (p.source === 'value') p.value = '';
  k.params.bootstrapServers = { source: 'value', value: 'kafka:9092', enabled: false };
  k.params.consumerGroup = { source: 'value', value: 'g', enabled: false };
  k.params.lagThreshold = { source: 'value', value: '1.5', enabled: false };
  k.auth.mode = 'none';
  kafka.triggers = [k];
  has(issues(kafka), 'trigger.k1.param.lagThreshold', /lagThreshold must be a whole number/);

  const rabbit = rabbitState();
  rabbit.triggers[0]!.params.queueLength = { source: 'value', value: '20', enabled: false };
  has(issues(rabbit, filled, 'warning'), 'trigger.r1.param.queueLength', /./);
});

test('trigger types: unknown, test-only, metric types for resource and external triggers', () => {
  const s = cronState();
  s.triggers[0]!.type = 'external-mock';
  has(issues(s, {}, 'warning'), 'trigger.c1.type', /external-mock is KEDA's test-only scaler/);

  const cpu = cronState();
  const t = newTriggerDraft('cpu', 'cpu1');
  t.params.value = { source: 'value', value: '80', enabled: false };
  cpu.triggers = [t];
  cpu.scaling.minReplicaCount = '1';
  assert.deepEqual(issues(cpu), []);
  t.metricType = 'Value';
  has(issues(cpu), 'trigger.cpu1.metricType', /cpu triggers need metricType Utilization or AverageValue/);
  t.metricType = 'AverageValue';
  assert.deepEqual(issues(cpu), []);
});

test('trigger names must be formula variables only when scaling modifiers are on', () => {
  const s = cronState();
  s.triggers[0]!.name = 'night-shift';
  assert.deepEqual(issues(s, {}, 'warning'), []);
  s.advanced.modifiersEnabled = true;
  s.advanced.formula = 'night_shift';
  s.advanced.modifiersTarget = '2';
  has(issues(s, {}, 'warning'), 'trigger.c1.name', /letters, digits and _/);
});

test('parameters a scaler reads only from metadata are plain values; TriggerAuthentication-less scalers refuse auth', () => {
  const s = cronState();
  const t = newTriggerDraft('metrics-api', 'm1');
  t.params.valueLocation = { source: 'value', value: 'stats.pending', enabled: false };
  t.params.targetValue = { source: 'value', value: '10', enabled: false };
  s.triggers = [t];
  has(issues(s), 'trigger.m1.param.url', /^url is required\.$/);
  t.params.url = { source: 'value', value: 'http://app:1317/api/v1/stats', enabled: false };
  assert.deepEqual(issues(s), []);

  const cron = cronState();
  cron.triggers[0]!.params.timezone = { source: 'auth', value: '', enabled: true };
  has(issues(cron), 'trigger.c1.param.timezone', /cron does not read TriggerAuthentication parameters/);
  cron.triggers[0]!.params.timezone = { source: 'value', value: 'UTC', enabled: false };
  cron.triggers[0]!.auth = { mode: 'existing', kind: 'TriggerAuthentication', name: 'x' };
  has(issues(cron), 'trigger.c1.auth', /cron does not use a TriggerAuthentication/);
});

test('values carrying a credential are refused at their field, the text kept, with where it goes instead', () => {
  const s = rabbitState();
  const t = s.triggers[0]!;
  t.params.queueName!.value = 'amqp://guest:Tr0ub4dor@host/';
  has(
    issues(s, filled),
    'trigger.r1.param.queueName',
    /^queueName contains a credential .* move it to a Secret and take host from a TriggerAuthentication instead \(Authentication step\)\.$/,
  );
  assert.equal(t.params.queueName!.value, 'amqp://guest:Tr0ub4dor@host/', 'validation keeps the typed text');
  t.params.queueName!.value = 'amqp://guest@host/';
  assert.deepEqual(issues(s, filled), [], 'a user without a password is no credential');

  const metrics = cronState();
  const m = newTriggerDraft('metrics-api', 'm1');
  m.params.url = { source: 'value', value: 'https://api:s3cret@app/stats', enabled: false };
  m.params.valueLocation = { source: 'value', value: 'stats.pending', enabled: false };
  m.params.targetValue = { source: 'value', value: '10', enabled: false };
  metrics.triggers = [m];
  has(
    issues(metrics),
    'trigger.m1.param.url',
    /^url contains a credential .* through a TriggerAuthentication/,
  );
  m.params.url.value = 'https://app/stats?token=abcdef';
  has(issues(metrics), 'trigger.m1.param.url', /url contains a credential/);

  const bus = cronState();
  const b = newTriggerDraft('azure-servicebus', 'b1');
  b.params.queueName = {
    source: 'value',
    value: 'Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=abc123=',
    enabled: false,
  };
  b.auth.mode = 'none';
  bus.triggers = [b];
  has(issues(bus), 'trigger.b1.param.queueName', /take connection from a TriggerAuthentication/);
});

test('a query that looks as if it carries a credential is a warning: token="x" is as likely a PromQL label', () => {
  const s = cronState();
  const p = newTriggerDraft('prometheus', 'p1');
  p.params.serverAddress = { source: 'value', value: 'http://prometheus.monitoring:9090', enabled: false };
  p.params.threshold = { source: 'value', value: '100', enabled: false };
  p.params.query = {
    source: 'value',
    value: 'sum(rate(http_requests_total{token="public-api"}[2m]))',
    enabled: false,
  };
  s.triggers = [p];
  assert.deepEqual(issues(s), [], 'not refused');
  has(
    issues(s, {}, 'warning'),
    'trigger.p1.param.query',
    /^query looks as if it contains a credential .* A label or column of that name is fine/,
  );
  p.params.query.value = 'sum(rate(http_requests_total{job="api"}[2m]))';
  assert.deepEqual(issues(s, {}, 'warning'), []);
  // Outside a query the same text is refused.
  p.params.serverAddress.value = 'http://prometheus:9090/?token=abcdef';
  has(issues(s), 'trigger.p1.param.serverAddress', /^serverAddress contains a credential/);
});

test('extra metadata keys: a credential by name or by value is an error at the entry, not an override', () => {
  const s = rabbitState();
  const t = s.triggers[0]!;
  t.extra = [
    { key: 'password', value: 'hunter2' },
    { key: 'host', value: 'amqp://u:p@h/' },
    { key: 'apiToken', value: 'x' },
    { key: 'vhostName', value: 'Server=db;Password=Pa55w0rd!;' },
    { key: 'passwordFromEnv', value: 'RABBIT_PASSWORD' },
  ];
  const list = issues(s, filled);
  has(
    list,
    'trigger.r1.extra.0',
    /^password is a credential and never goes into the trigger metadata: put it in the Secret via the Authentication step \(take the password field from the TriggerAuthentication\)\.$/,
  );
  has(list, 'trigger.r1.extra.1', /^host is a credential .* Authentication step/);
  has(list, 'trigger.r1.extra.2', /^apiToken is a credential .* via the Authentication step\.$/);
  has(list, 'trigger.r1.extra.3', /^vhostName contains a credential/);
  assert.ok(!list.some((l) => l.startsWith('trigger.r1.extra.4')), 'a FromEnv key names an env var');
  const warnings = issues(s, filled, 'warning');
  assert.ok(!warnings.some((l) => /extra\.[0-3]/.test(l)), JSON.stringify(warnings));
  assert.deepEqual(
    t.extra.map((e) => e.value),
    ['hunter2', 'amqp://u:p@h/', 'x', 'Server=db;Password=Pa55w0rd!;', 'RABBIT_PASSWORD'],
  );
});

test('settings named like credentials are plain values where KEDA reads them only from metadata', () => {
  const s = cronState();
  const k = newTriggerDraft('kubernetes-resource', 'k1');
  k.params.resourceKind = { source: 'value', value: 'ConfigMap', enabled: false };
  k.params.resourceName = { source: 'value', value: 'queue-depth', enabled: false };
  k.params.key = { source: 'value', value: 'pending', enabled: false };
  k.params.targetValue = { source: 'value', value: '10', enabled: false };
  s.triggers = [k];
  assert.deepEqual(issues(s), []);
  k.extra = [{ key: 'key', value: 'other' }];
  assert.deepEqual(issues(s), []);
  has(issues(s, {}, 'warning'), 'trigger.k1.extra.0', /key is one of the fields above/);

  const arango = paramFields('arangodb').find((f) => f.name === 'connectionLimit');
  assert.equal(arango?.credential, false);
  assert.deepEqual(arango?.sources, ['value']);
});

/** A value KEDA accepts for a required parameter, by name, else by type. */
const PLAUSIBLE: Readonly<Record<string, string>> = {
  start: '0 6 * * *',
  end: '0 20 * * *',
  timezone: 'Europe/Berlin',
  url: 'http://app:1317/api/v1/stats',
  value: '80',
};

/** KEDA's cross-field rules (one of several keys is needed), which `required` does not carry. */
const ONE_OF: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'aws-dynamodb': { targetValue: '5' },
  'azure-servicebus': { queueName: 'orders' },
  datadog: { targetValue: '5' },
  'solace-direct-messaging': { aggregatedClientTxMsgRateTarget: '5' },
  'solace-event-queue': { messageCountTarget: '5' },
};

function plausible(field: ParamField): string {
  if (PLAUSIBLE[field.name]) return PLAUSIBLE[field.name]!;
  if (field.enum) return field.enum[0]!;
  switch (field.valueType) {
    case 'int':
    case 'float':
      return '5';
    case 'bool':
      return 'true';
    case 'duration':
      return '15m';
    default:
      return `${field.name}-1`;
  }
}

test('every trigger type can be completed: its required parameters filled, it passes validation', () => {
  assert.equal(TRIGGER_TYPES.length, 79);
  const failing: string[] = [];
  for (const type of TRIGGER_TYPES) {
    const s = cronState();
    s.scaling.minReplicaCount = '1';
    s.auth.name = 'shop-auth';
    s.auth.secretName = 'shop-secret';
    const t = newTriggerDraft(type, 'x1');
    for (const field of paramFields(type).filter((f) => f.required)) {
      const draft = t.params[field.name];
      assert.ok(draft, `${type}.${field.name} has a source`);
      if (draft.source === 'value') draft.value = plausible(field);
      else if (draft.source === 'env') draft.value = 'FROM_ENV';
    }
    for (const [key, value] of Object.entries(ONE_OF[type] ?? {})) t.params[key]!.value = value;
    s.triggers = [t];
    const ctx: WizardContext = { filledSecrets: new Set(newAuthParameters(s)) };
    const list = issues(s, ctx);
    if (list.length) failing.push(`${type}: ${list.join(' | ')}`);
  }
  assert.deepEqual(failing, []);
});

test('env sources: required names the FromEnv key; names must be valid env var names', () => {
  const s = rabbitState();
  const t = s.triggers[0]!;
  t.params.host = { source: 'env', value: '', enabled: true };
  t.auth.mode = 'none';
  has(
    issues(s),
    'trigger.r1.param.host',
    /host is required: name the env var of the workload's container \(hostFromEnv\)/,
  );
  t.params.host.value = 'RABBIT URL';
  has(issues(s), 'trigger.r1.param.host', /"RABBIT URL" is not a valid environment variable name/);
  t.params.host.value = 'RABBIT_URL';
  assert.deepEqual(issues(s), []);
  t.params.vhostName = { source: 'env', value: '', enabled: false };
  assert.deepEqual(issues(s), [], 'an optional env source left empty is fine');
});

test('extra metadata keys: unnamed with a value, removed keys, keys the form already has', () => {
  const s = cronState();
  s.triggers[0]!.extra = [
    { key: '', value: 'x' },
    { key: '', value: '' },
    { key: 'timezone', value: 'UTC' },
    { key: 'custom', value: '1' },
  ];
  has(issues(s), 'trigger.c1.extra.0', /^Name the metadata key\.$/);
  assert.ok(!issues(s).some((l) => l.startsWith('trigger.c1.extra.1')));
  has(
    issues(s, {}, 'warning'),
    'trigger.c1.extra.2',
    /timezone is one of the fields above; this entry overrides it/,
  );
  assert.ok(!issues(s, {}, 'warning').some((l) => l.startsWith('trigger.c1.extra.3')));

  const cpu = cronState();
  const t = newTriggerDraft('cpu', 'cpu1');
  t.params.value = { source: 'value', value: '80', enabled: false };
  t.extra = [{ key: 'type', value: 'Utilization' }];
  cpu.triggers = [t];
  cpu.scaling.minReplicaCount = '1';
  has(issues(cpu), 'trigger.cpu1.extra.0', /./);
});

test("KEDA's own metric spec errors land on the parameter named, else the trigger", () => {
  const s = rabbitState();
  s.triggers[0]!.params.mode!.value = 'MessageRate';
  s.triggers[0]!.params.value!.value = '0';
  s.triggers[0]!.params.protocol = { source: 'value', value: 'amqp', enabled: false };
  const list = issues(s, filled);
  assert.ok(
    list.some((l) => l.startsWith('trigger.r1.')),
    JSON.stringify(list),
  );
});

test('existing TriggerAuthentications: picked, listed, providing what the trigger needs', () => {
  const s = rabbitState();
  const t = s.triggers[0]!;
  t.auth = { mode: 'existing', kind: 'TriggerAuthentication', name: ' ' };
  has(issues(s), 'trigger.r1.auth', /^Pick the TriggerAuthentication of the rabbitmq trigger\.$/);
  t.auth.name = 'shared';
  assert.deepEqual(issues(s), [], 'nothing listed: nothing to compare');
  has(
    issues(s, { existing: { triggerAuthentications: ['other'] } }, 'warning'),
    'trigger.r1.auth',
    /No TriggerAuthentication named "shared" is known in shop; KEDA reports an error until it exists/,
  );
  t.auth.kind = 'ClusterTriggerAuthentication';
  has(
    issues(s, { existing: { clusterTriggerAuthentications: [] } }, 'warning'),
    'trigger.r1.auth',
    /^No ClusterTriggerAuthentication named "shared" is known; KEDA/,
  );
  const ctx = (provided: readonly string[] | undefined): WizardContext => ({
    existing: { clusterTriggerAuthentications: ['shared'] },
    authParameters: { 'ClusterTriggerAuthentication/shared': provided },
  });
  has(
    issues(s, ctx(['password']), 'warning'),
    'trigger.r1.auth',
    /does not provide host \(it has password\)/,
  );
  has(issues(s, ctx([]), 'warning'), 'trigger.r1.auth', /does not provide host \(it has no parameters\)/);
  assert.deepEqual(issues(s, ctx(['host']), 'warning'), []);
  assert.deepEqual(issues(s, ctx(undefined), 'warning'), [], 'unreadable sources: no guess');
});

test('the new TriggerAuthentication: name clash, empty, Secret name clash or unknown, keys and values', () => {
  const s = rabbitState();
  has(
    issues(s, { ...filled, existing: { triggerAuthentications: ['orders-auth'] } }),
    'auth.name',
    /A TriggerAuthentication named "orders-auth" already exists in shop/,
  );
  has(
    issues(s, { ...filled, existing: { secrets: ['orders-secret'] } }),
    'auth.secretName',
    /A Secret named "orders-secret" already exists in shop/,
  );
  s.auth.secretMode = 'existing';
  assert.deepEqual(
    issues(s, { existing: { secrets: ['orders-secret'] } }),
    [],
    'an existing Secret is expected to exist',
  );
  has(
    issues(s, { existing: { secrets: [] } }, 'warning'),
    'auth.secretName',
    /No Secret named "orders-secret" is known in shop/,
  );
  s.auth.secretMode = 'new';
  s.auth.keys = { host: 'bad key!' };
  has(issues(s, filled), 'auth.key.host', /"bad key!" is not a valid Secret key/);
  s.auth.keys = { host: 'k'.repeat(254) };
  has(issues(s, filled), 'auth.key.host', /is not a valid Secret key/);
  s.auth.keys = {};
  s.auth.secretName = '';
  has(issues(s, filled), 'auth.secretName', /^Secret name is required\.$/);
});

test('a new TriggerAuthentication with nothing in it, or with a pod identity only', () => {
  const s = rabbitState();
  const t = s.triggers[0]!;
  t.params.host = { source: 'env', value: 'RABBIT_URL', enabled: true };
  has(issues(s), 'auth.name', /would be empty: take a parameter from it, or choose a pod identity/);
  s.auth.podIdentity = 'azure-workload';
  assert.deepEqual(issues(s), []);
  // A pod identity only, its id set but blank: KEDA's webhook refuses it, so does the wizard.
  s.auth.identityId = ' ';
  has(issues(s), 'auth.identityId', /identityId of PodIdentity should not be empty/);
  s.auth.identityId = '';
  // With a parameter from the Secret too, a blank identity id is KEDA's error.
  t.params.host = { source: 'auth', value: '', enabled: true };
  s.auth.identityId = '  ';
  has(issues(s, filled), 'auth.identityId', /identityId of PodIdentity should not be empty/);
  s.auth.podIdentity = 'aws';
  assert.deepEqual(issues(s, filled), [], 'identityId is only read for azure-workload');
});

test('auth none while several parameters come from a TriggerAuthentication: one plural message', () => {
  const s = rabbitState();
  const t = s.triggers[0]!;
  t.params.password = { source: 'auth', value: '', enabled: true };
  t.auth.mode = 'none';
  has(issues(s), 'trigger.r1.auth', /^host, password of rabbitmq come from a TriggerAuthentication/);
});

test('advanced: HPA name, fallback threshold, unnamed triggers in a formula', () => {
  const s = cronState();
  s.advanced.hpaName = 'HPA!';
  has(issues(s), 'advanced.hpaName', /HPA name must be a lowercase RFC 1123 subdomain/);
  s.advanced.hpaName = '';
  s.advanced.fallbackEnabled = true;
  s.advanced.failureThreshold = ' ';
  s.advanced.fallbackReplicas = '2';
  has(issues(s), 'advanced.failureThreshold', /^Failure threshold is required with a fallback\.$/);
  s.advanced.failureThreshold = 'three';
  has(issues(s), 'advanced.failureThreshold', /must be a whole number/);
  s.advanced.fallbackEnabled = false;
  s.advanced.modifiersEnabled = true;
  s.advanced.formula = 'cron * 2';
  let warnings = issues(s, {}, 'warning');
  has(
    warnings,
    'advanced.formula',
    /Name the triggers \(Triggers step\) to use them in the formula: cron has no name\./,
  );
  const second = newTriggerDraft('cron', 'c2');
  second.params = structuredClone(s.triggers[0]!.params);
  s.triggers.push(second);
  warnings = issues(s, {}, 'warning');
  has(warnings, 'advanced.formula', /cron, cron have no name\./);
  s.advanced.formula = '2';
  assert.ok(
    !issues(s, {}, 'warning').some((l) => l.startsWith('advanced.formula')),
    'no trigger named: nothing to say',
  );
  s.kind = 'ScaledJob';
  s.job.image = 'img';
  s.advanced.hpaName = 'HPA!';
  assert.ok(!issues(s).some((l) => l.startsWith('advanced.')), 'ScaledJobs have no advanced step');
});

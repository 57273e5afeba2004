import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildWizardObjects,
  firstStepWithError,
  initialWizardState,
  locateApiError,
  newTriggerDraft,
  stepIssues,
  validateWizard,
  type WizardIssue,
  type WizardState,
} from './wizard.js';
import { MASK } from './mask.js';

function rabbitState(): WizardState {
  const state = initialWizardState('shop');
  state.name = 'orders';
  state.target.name = 'orders-consumer';
  const t = newTriggerDraft('rabbitmq', 'r1');
  t.params.queueName = { source: 'value', value: 'orders', enabled: false };
  t.params.mode = { source: 'value', value: 'QueueLength', enabled: false };
  t.params.value = { source: 'value', value: '50', enabled: false };
  state.triggers = [t];
  state.auth.name = 'orders-rabbitmq';
  state.auth.secretName = 'orders-rabbitmq';
  return state;
}

const fields = (issues: WizardIssue[]) =>
  issues.filter((i) => i.severity === 'error').map((i) => [i.field, i.message]);

test('a new trigger starts on defaults, credentials on the TriggerAuthentication, optional auth params off', () => {
  const t = newTriggerDraft('rabbitmq', 'x');
  assert.deepEqual(t.params.host, { source: 'auth', value: '', enabled: true });
  assert.deepEqual(t.params.password, { source: 'auth', value: '', enabled: false });
  assert.equal(t.auth.mode, 'new');
  assert.equal(newTriggerDraft('cron', 'c').auth.mode, 'none');
  assert.equal(newTriggerDraft('cpu', 'c').metricType, 'Utilization');
});

test('builds Secret, TriggerAuthentication and ScaledObject; values are strings, 0 stays 0, Secret values masked for display', () => {
  const state = rabbitState();
  state.scaling.minReplicaCount = '0';
  state.scaling.maxReplicaCount = '10';
  state.scaling.cooldownPeriod = '0';
  const shown = buildWizardObjects(state);
  assert.deepEqual(
    shown.objects.map((o) => o.role),
    ['secret', 'triggerAuthentication', 'scaledObject'],
  );
  assert.deepEqual(shown.secret?.stringData, { host: MASK });
  const sent = buildWizardObjects(state, { host: 'amqp://u:p@rabbit:5672' });
  assert.deepEqual(sent.secret, {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'orders-rabbitmq', namespace: 'shop' },
    type: 'Opaque',
    stringData: { host: 'amqp://u:p@rabbit:5672' },
  });
  assert.deepEqual(sent.triggerAuthentication?.spec, {
    secretTargetRef: [{ parameter: 'host', name: 'orders-rabbitmq', key: 'host' }],
  });
  assert.deepEqual(sent.scaledObject?.spec, {
    scaleTargetRef: { name: 'orders-consumer', apiVersion: 'apps/v1', kind: 'Deployment' },
    cooldownPeriod: 0,
    minReplicaCount: 0,
    maxReplicaCount: 10,
    triggers: [
      {
        type: 'rabbitmq',
        metadata: { queueName: 'orders', mode: 'QueueLength', value: '50' },
        authenticationRef: { name: 'orders-rabbitmq' },
      },
    ],
  });
  assert.deepEqual(validateWizard(state, { filledSecrets: new Set(['host']) }), []);
});

test('env sources become <key>FromEnv; existing auth refs keep their kind; existing Secrets are not created', () => {
  const state = rabbitState();
  const t = state.triggers[0]!;
  t.params.host = { source: 'env', value: 'RABBIT_URL', enabled: true };
  t.auth = { mode: 'none', kind: 'TriggerAuthentication', name: '' };
  let objects = buildWizardObjects(state);
  assert.deepEqual(
    objects.objects.map((o) => o.role),
    ['scaledObject'],
  );
  assert.equal(objects.scaledObject?.spec.triggers[0]?.metadata.hostFromEnv, 'RABBIT_URL');
  t.params.host = { source: 'auth', value: '', enabled: true };
  t.auth = { mode: 'existing', kind: 'ClusterTriggerAuthentication', name: 'shared' };
  objects = buildWizardObjects(state);
  assert.deepEqual(objects.scaledObject?.spec.triggers[0]?.authenticationRef, {
    name: 'shared',
    kind: 'ClusterTriggerAuthentication',
  });
  t.auth = { mode: 'new', kind: 'TriggerAuthentication', name: '' };
  state.auth.secretMode = 'existing';
  state.auth.secretName = 'rabbit';
  state.auth.keys = { host: 'url' };
  objects = buildWizardObjects(state);
  assert.deepEqual(
    objects.objects.map((o) => o.role),
    ['triggerAuthentication', 'scaledObject'],
  );
  assert.deepEqual(objects.triggerAuthentication?.spec.secretTargetRef, [
    { parameter: 'host', name: 'rabbit', key: 'url' },
  ]);
});

test('validation names the step and field, with KEDA/webhook/CRD texts', () => {
  const cases: Array<[string, (s: WizardState) => void, Array<[string, string | RegExp]>]> = [
    [
      'no name, no target',
      (s) => ((s.name = ''), (s.target.name = '')),
      [
        ['name', /name is required/],
        ['target.name', /Pick the workload/],
      ],
    ],
    [
      'min > max',
      (s) => ((s.scaling.minReplicaCount = '5'), (s.scaling.maxReplicaCount = '2')),
      [['scaling.minReplicaCount', 'minReplicaCount must be less than or equal to maxReplicaCount']],
    ],
    [
      'idle >= min',
      (s) => ((s.scaling.idleReplicaCount = '1'), (s.scaling.minReplicaCount = '1')),
      [['scaling.idleReplicaCount', 'IdleReplicaCount=1 must be less than MinReplicaCount=1']],
    ],
    [
      'idle 0 with min 0: KEDA compares with the HPA min of 1 and accepts it',
      (s) => ((s.scaling.idleReplicaCount = '0'), (s.scaling.minReplicaCount = '0')),
      [],
    ],
    [
      'a name too long for the HPA KEDA derives from it',
      (s) => (s.name = 'x'.repeat(55)),
      [['name', /^HPA name "keda-hpa-x{55}" derived from scaledobject is 64 characters long/]],
    ],
    [
      'decimal where an integer is wanted',
      (s) => (s.scaling.maxReplicaCount = '2.5'),
      [['scaling.maxReplicaCount', /whole number/]],
    ],
    [
      'polling interval 0',
      (s) => (s.scaling.pollingInterval = '0'),
      [['scaling.pollingInterval', /1 or more/]],
    ],
    [
      'missing required key',
      (s) => (s.triggers[0]!.params.queueName!.value = ''),
      [['trigger.r1.param.queueName', 'queueName is required.']],
    ],
    [
      'not a number',
      (s) => (s.triggers[0]!.params.value!.value = 'fifty'),
      [['trigger.r1.param.value', /must be a number .*invalid character 'f'/]],
    ],
    [
      'enum',
      (s) => (s.triggers[0]!.params.mode!.value = 'Length'),
      [['trigger.r1.param.mode', /one of QueueLength, MessageRate/]],
    ],
    [
      'unknown type',
      (s) => (s.triggers[0]!.type = 'rabbit'),
      [['trigger.r1.type', 'no scaler found for type: rabbit']],
    ],
    [
      'no triggers',
      (s) => (s.triggers = []),
      [['triggers', 'no triggers defined in the ScaledObject/ScaledJob']],
    ],
    [
      'duplicate trigger names',
      (s) => {
        const copy = structuredClone(s.triggers[0]!);
        copy.id = 'r2';
        s.triggers[0]!.name = 'q';
        copy.name = 'q';
        s.triggers.push(copy);
      },
      [
        [
          'trigger.r2.name',
          'triggerName "q" is defined multiple times in the ScaledObject/ScaledJob, but it must be unique',
        ],
      ],
    ],
    [
      'auth none while host needs it',
      (s) => (s.triggers[0]!.auth.mode = 'none'),
      [['trigger.r1.auth', /host of rabbitmq comes from a TriggerAuthentication/]],
    ],
    ['Secret value not typed', () => undefined, [['auth.value.host', /Type the value of host/]]],
    [
      'Utilization on an external trigger',
      (s) => (s.triggers[0]!.metricType = 'Utilization'),
      [['trigger.r1.metricType', /'Utilization' metric type is unsupported/]],
    ],
    [
      'formula with an unknown name',
      (s) => {
        s.advanced.modifiersEnabled = true;
        s.advanced.formula = 'queue + 1';
        s.advanced.modifiersTarget = '5';
      },
      [['advanced.formula', /error validating formula in ScalingModifiers\nunknown name queue/]],
    ],
    [
      'fallback without replicas',
      (s) => (s.advanced.fallbackEnabled = true),
      [['advanced.fallbackReplicas', /required/]],
    ],
    [
      'long name',
      (s) => (s.name = 'a'.repeat(60)),
      [['name', /HPA name "keda-hpa-a+" derived from scaledobject is 69 characters long/]],
    ],
  ];
  for (const [what, mutate, expected] of cases) {
    const state = rabbitState();
    mutate(state);
    const filled = what === 'Secret value not typed' ? new Set<string>() : new Set(['host']);
    const issues = validateWizard(state, { filledSecrets: filled });
    const errors = fields(issues);
    if (expected.length === 0)
      assert.deepEqual(
        issues.filter((i) => i.severity === 'error'),
        [],
        what,
      );
    for (const [field, message] of expected) {
      const hit = errors.find(
        ([f, m]) => f === field && (typeof message === 'string' ? m === message : message.test(m ?? '')),
      );
      assert.ok(hit, `${what}: expected ${field} ${message} in ${JSON.stringify(errors)}`);
    }
  }
});

test('context catches clashes; warnings do not block; firstStepWithError points back', () => {
  const state = rabbitState();
  const issues = validateWizard(state, {
    filledSecrets: new Set(['host']),
    existing: { scaledObjects: ['orders'], secrets: ['orders-rabbitmq'] },
    managedTargets: [
      { scaledObject: 'other', apiVersion: 'apps/v1', kind: 'Deployment', name: 'orders-consumer' },
    ],
  });
  assert.deepEqual(
    fields(issues).map(([f]) => f),
    ['name', 'target.name', 'auth.secretName'],
  );
  assert.match(fields(issues)[1]![1]!, /already managed by the ScaledObject 'other'/);
  assert.equal(firstStepWithError(issues), 'target');
  state.scaling.minReplicaCount = '2';
  state.scaling.cooldownPeriod = '60';
  const warnings = stepIssues(validateWizard(state, { filledSecrets: new Set(['host']) }), 'scaling');
  assert.deepEqual(
    warnings.map((w) => w.severity),
    ['warning'],
  );
  assert.match(warnings[0]!.message, /^CooldownPeriod is configured but is not relevant/);
});

test('ScaledJob: job template from the form or pasted YAML', () => {
  const state = rabbitState();
  state.kind = 'ScaledJob';
  state.job.image = 'ghcr.io/acme/worker:1';
  state.job.command = 'receive\n';
  state.job.env = [{ name: 'QUEUE', value: 'orders' }];
  state.scaling.maxReplicaCount = '0';
  let sj = buildWizardObjects(state, { host: 'x' }).scaledJob;
  assert.deepEqual(sj?.spec.jobTargetRef, {
    template: {
      spec: {
        containers: [
          {
            name: 'worker',
            image: 'ghcr.io/acme/worker:1',
            command: ['receive'],
            env: [{ name: 'QUEUE', value: 'orders' }],
          },
        ],
        restartPolicy: 'Never',
      },
    },
  });
  assert.equal(sj?.spec.maxReplicaCount, 0);
  assert.deepEqual(fields(validateWizard(state, { filledSecrets: new Set(['host']) })), []);
  state.job.mode = 'paste';
  state.job.pasted = 'template:\n  spec:\n    containers: [{name: a, image: b}]\nbackoffLimit: 2\n';
  sj = buildWizardObjects(state).scaledJob;
  assert.equal(sj?.spec.jobTargetRef.backoffLimit, 2);
  state.job.pasted = 'template: [';
  assert.match(
    fields(validateWizard(state, { filledSecrets: new Set(['host']) }))[0]?.[1] ?? '',
    /does not parse/,
  );
});

test('API errors land at the right step and field', () => {
  const state = rabbitState();
  const invalid = {
    code: 422,
    message: 'ScaledObject.keda.sh "orders" is invalid: ...',
    status: {
      kind: 'Status' as const,
      apiVersion: 'v1' as const,
      metadata: {},
      code: 422,
      reason: 'Invalid',
      details: {
        causes: [
          { field: 'spec.triggers[0].metadata.value', message: 'Invalid value: "integer": must be string' },
          { field: 'spec.maxReplicaCount', message: 'should be greater than or equal to 1' },
          { field: 'spec', message: 'minReplicaCount must be less than or equal to maxReplicaCount' },
        ],
      },
    },
  };
  assert.deepEqual(
    locateApiError(state, 'scaledObject', invalid).map((p) => [p.step, p.field]),
    [
      ['triggers', 'trigger.r1.param.value'],
      ['scaling', 'scaling.maxReplicaCount'],
      ['scaling', 'scaling.minReplicaCount'],
    ],
  );
  const webhook = (message: string) => locateApiError(state, 'scaledObject', { code: 403, message })[0];
  assert.deepEqual(
    webhook(
      `scaledobjects.keda.sh "orders" is forbidden: admission webhook "vscaledobject.kb.io" denied the request: the workload 'orders-consumer' of type 'apps/v1.Deployment' is already managed by the ScaledObject 'other'`,
    ),
    {
      step: 'target',
      field: 'target.name',
      message: `scaledobjects.keda.sh "orders" is forbidden: admission webhook "vscaledobject.kb.io" denied the request: the workload 'orders-consumer' of type 'apps/v1.Deployment' is already managed by the ScaledObject 'other'`,
    },
  );
  const denied = (denial: string) =>
    webhook(
      `scaledobjects.keda.sh "orders" is forbidden: admission webhook "vscaledobject.kb.io" denied the request: ${denial}`,
    );
  assert.equal(
    denied('IdleReplicaCount=2 must be less than MinReplicaCount=1')?.field,
    'scaling.idleReplicaCount',
  );
  assert.deepEqual(
    [
      "the HPA 'keda-hpa-orders' is already managed by the ScaledObject 'other'",
      "the existing hpa 'legacy' for workload 'orders-consumer' of type 'apps/v1.Deployment' must be specified by name in advanced settings to enable ownership transfer",
      "the scaledobject has a cpu trigger but the container app doesn't have the cpu request defined",
      'property "useCachedMetrics" is not supported for "cron" scaler',
      'no triggers defined in the ScaledObject/ScaledJob',
      'something KEDA says about no field',
    ].map((d) => {
      const p = denied(d);
      return p && [p.step, p.field];
    }),
    [
      ['target', 'name'],
      ['advanced', 'advanced.hpaName'],
      ['triggers', 'triggers'],
      ['triggers', 'triggers'],
      ['triggers', 'triggers'],
      ['review', undefined],
    ],
  );
  assert.equal(
    webhook('scaledobjects.keda.sh is forbidden: User "x" cannot create resource "scaledobjects"')?.step,
    'review',
  );
  assert.deepEqual(
    locateApiError(state, 'secret', {
      code: 409,
      message: 'secrets "orders-rabbitmq" already exists',
      status: { kind: 'Status', apiVersion: 'v1', metadata: {}, reason: 'AlreadyExists' },
    }).map((p) => p.field),
    ['auth.secretName'],
  );
});

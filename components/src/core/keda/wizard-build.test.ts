import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MASK } from './mask.js';
import { behaviorPreset } from '../scaling/behavior-presets.js';
import {
  buildWizardObjects,
  chosenBehavior,
  createsSecret,
  lines,
  maskTriggerCredentials,
  parseJobSpec,
  secretKeyOf,
  triggerMetadata,
  wholeNumber,
} from './wizard-build.js';
import { initialWizardState, newTriggerDraft, type WizardState } from './wizard-state.js';

function rabbit(kind: WizardState['kind'] = 'ScaledObject'): WizardState {
  const s = initialWizardState('shop', kind);
  s.name = ' orders ';
  s.target.name = 'orders-consumer';
  const t = newTriggerDraft('rabbitmq', 'r1');
  t.params.queueName = { source: 'value', value: 'orders', enabled: false };
  s.triggers = [t];
  s.auth.name = 'orders-auth';
  s.auth.secretName = 'orders-secret';
  return s;
}

test('whole numbers: digits with an optional minus, trimmed; anything else is unset', () => {
  assert.equal(wholeNumber(' 12 '), 12);
  assert.equal(wholeNumber('-3'), -3);
  assert.equal(wholeNumber('0'), 0);
  for (const bad of ['', '1.5', '1e3', 'ten', '+4', '0x10']) assert.equal(wholeNumber(bad), undefined, bad);
  assert.deepEqual(lines(' a \n\n b\n  \n'), ['a', 'b']);
});

test('a pasted JobSpec: a mapping as is, a whole Job gives its spec, anything else an error', () => {
  assert.deepEqual(parseJobSpec('template: {spec: {}}\nbackoffLimit: 1'), {
    ok: true,
    spec: { template: { spec: {} }, backoffLimit: 1 },
  });
  assert.deepEqual(parseJobSpec('{"kind": "Job", "spec": {"parallelism": 2}}'), {
    ok: true,
    spec: { parallelism: 2 },
  });
  // A "Job" without a spec mapping is taken as the JobSpec itself.
  assert.deepEqual(parseJobSpec('kind: Job\nspec: 3'), { ok: true, spec: { kind: 'Job', spec: 3 } });
  assert.deepEqual(parseJobSpec('kind: Job\nspec: null'), { ok: true, spec: { kind: 'Job', spec: null } });
  for (const notAMapping of ['- a\n- b', '42', 'null']) {
    assert.deepEqual(
      parseJobSpec(notAMapping),
      { ok: false, error: 'a JobSpec is a mapping with a `template` (or a whole Job with a `spec`)' },
      JSON.stringify(notAMapping),
    );
  }
  assert.deepEqual(parseJobSpec(''), { ok: false, error: 'expected a document, but the input is empty' });
  const broken = parseJobSpec('template: [');
  assert.equal(broken.ok, false);
  assert.ok(!broken.ok && !broken.error.includes('\n'), 'only the first line of the YAML error');
});

test('trigger metadata: typed values, FromEnv names, uncatalogued params and extra keys, all strings', () => {
  const t = newTriggerDraft('rabbitmq', 'r');
  t.params.queueName = { source: 'value', value: ' q ', enabled: false };
  t.params.host = { source: 'env', value: 'RABBIT_URL', enabled: true };
  t.params.mode = { source: 'value', value: '  ', enabled: false };
  t.params.legacyKey = { source: 'value', value: ' kept ', enabled: false };
  t.params.ignoredEnv = { source: 'env', value: 'X', enabled: false };
  // A value left in a credential parameter that comes from the TriggerAuthentication never lands in metadata.
  t.params.password = { source: 'auth', value: 'hunter2', enabled: true };
  t.extra = [
    { key: ' vhostName ', value: '/prod' },
    { key: '  ', value: 'dropped' },
  ];
  delete t.params.protocol;
  assert.deepEqual(triggerMetadata(t), {
    queueName: 'q',
    hostFromEnv: 'RABBIT_URL',
    legacyKey: 'kept',
    vhostName: '/prod',
  });
});

test('ScaledObject: trimmed target, every advanced setting when chosen', () => {
  const s = rabbit();
  s.target.apiVersion = ' argoproj.io/v1alpha1 ';
  s.target.kind = ' Rollout ';
  s.target.envSourceContainerName = ' app ';
  s.triggers[0]!.name = ' queue ';
  s.triggers[0]!.metricType = 'AverageValue';
  s.triggers[0]!.useCachedMetrics = true;
  s.advanced = {
    ...s.advanced,
    fallbackEnabled: true,
    failureThreshold: 'x',
    fallbackReplicas: '2',
    fallbackBehavior: 'currentReplicasIfHigher',
    behaviorPreset: 'no-flapping',
    modifiersEnabled: true,
    formula: ' queue / 2 ',
    modifiersTarget: ' 5 ',
    activationTarget: ' 1 ',
    modifiersMetricType: 'Value',
    restoreToOriginalReplicaCount: true,
    hpaName: ' legacy-hpa ',
  };
  const so = buildWizardObjects(s).scaledObject!;
  assert.deepEqual(so.metadata, { name: 'orders', namespace: 'shop' });
  assert.deepEqual(so.spec.scaleTargetRef, {
    name: 'orders-consumer',
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    envSourceContainerName: 'app',
  });
  assert.deepEqual(so.spec.fallback, {
    failureThreshold: 0,
    replicas: 2,
    behavior: 'currentReplicasIfHigher',
  });
  assert.deepEqual(so.spec.advanced, {
    restoreToOriginalReplicaCount: true,
    horizontalPodAutoscalerConfig: {
      name: 'legacy-hpa',
      behavior: behaviorPreset('no-flapping')!.behavior as Record<string, unknown>,
    },
    scalingModifiers: { formula: 'queue / 2', target: '5', activationTarget: '1', metricType: 'Value' },
  });
  assert.notEqual(
    so.spec.advanced?.horizontalPodAutoscalerConfig?.behavior,
    behaviorPreset('no-flapping')!.behavior,
    'a copy of the preset, not the preset',
  );
  assert.deepEqual(so.spec.triggers[0], {
    type: 'rabbitmq',
    metadata: { queueName: 'orders' },
    name: 'queue',
    metricType: 'AverageValue',
    useCachedMetrics: true,
    authenticationRef: { name: 'orders-auth' },
  });
});

test('ScaledObject: an empty apiVersion/kind is left to KEDA; a preset alone or an HPA name alone', () => {
  const s = rabbit();
  s.target.apiVersion = ' ';
  s.target.kind = '';
  s.advanced.behaviorPreset = 'aggressive';
  let so = buildWizardObjects(s).scaledObject!;
  assert.deepEqual(so.spec.scaleTargetRef, { name: 'orders-consumer' });
  assert.deepEqual(Object.keys(so.spec.advanced?.horizontalPodAutoscalerConfig ?? {}), ['behavior']);
  assert.deepEqual(chosenBehavior(s), behaviorPreset('aggressive')!.behavior);
  s.advanced.behaviorPreset = '';
  s.advanced.hpaName = 'mine';
  so = buildWizardObjects(s).scaledObject!;
  assert.deepEqual(so.spec.advanced, { horizontalPodAutoscalerConfig: { name: 'mine' } });
  s.advanced.hpaName = '';
  s.advanced.modifiersEnabled = true;
  so = buildWizardObjects(s).scaledObject!;
  assert.deepEqual(so.spec.advanced, { scalingModifiers: {} }, 'modifiers on with nothing typed');
  s.advanced.modifiersEnabled = false;
  assert.equal(buildWizardObjects(s).scaledObject!.spec.advanced, undefined);
  assert.equal(chosenBehavior(s), undefined);
});

test('ScaledJob: the form job with args and backoff, envSourceContainerName, scaling strategy parts', () => {
  const s = rabbit('ScaledJob');
  s.job = {
    ...s.job,
    containerName: ' worker ',
    image: ' img:1 ',
    command: '',
    args: '--queue\norders\n',
    env: [
      { name: ' A ', value: ' 1 ' },
      { name: ' ', value: 'dropped' },
    ],
    restartPolicy: 'OnFailure',
    backoffLimit: '4',
  };
  s.target.envSourceContainerName = ' worker ';
  s.scaling.scalingStrategy = 'accurate';
  s.scaling.successfulJobsHistoryLimit = '1';
  let sj = buildWizardObjects(s).scaledJob!;
  assert.deepEqual(sj.spec.jobTargetRef, {
    template: {
      spec: {
        containers: [
          { name: 'worker', image: 'img:1', args: ['--queue', 'orders'], env: [{ name: 'A', value: ' 1 ' }] },
        ],
        restartPolicy: 'OnFailure',
      },
    },
    backoffLimit: 4,
  });
  assert.equal(sj.spec.envSourceContainerName, 'worker');
  assert.equal(sj.spec.successfulJobsHistoryLimit, 1);
  assert.deepEqual(sj.spec.scalingStrategy, { strategy: 'accurate' });
  s.scaling.scalingStrategy = '';
  s.scaling.multipleScalersCalculation = 'sum';
  sj = buildWizardObjects(s).scaledJob!;
  assert.deepEqual(sj.spec.scalingStrategy, { multipleScalersCalculation: 'sum' });
  s.scaling.multipleScalersCalculation = '';
  s.target.envSourceContainerName = '';
  s.job.env = [{ name: '  ', value: 'x' }];
  s.job.backoffLimit = '';
  sj = buildWizardObjects(s).scaledJob!;
  assert.equal(sj.spec.scalingStrategy, undefined);
  assert.equal(sj.spec.envSourceContainerName, undefined);
  assert.deepEqual(sj.spec.jobTargetRef, {
    template: {
      spec: {
        containers: [{ name: 'worker', image: 'img:1', args: ['--queue', 'orders'] }],
        restartPolicy: 'OnFailure',
      },
    },
  });
  s.job.mode = 'paste';
  s.job.pasted = 'not: [valid';
  assert.deepEqual(
    buildWizardObjects(s).scaledJob!.spec.jobTargetRef,
    {},
    'an unparsable paste sends an empty ref',
  );
});

test('Secret values: masked without values, a missing value is empty, renamed keys', () => {
  const s = rabbit();
  s.auth.keys = { host: ' url ' };
  assert.equal(secretKeyOf(s, 'host'), 'url');
  assert.equal(secretKeyOf(s, 'password'), 'password');
  assert.deepEqual(buildWizardObjects(s).secret?.stringData, { url: MASK });
  assert.deepEqual(buildWizardObjects(s, {}).secret?.stringData, { url: '' });
  assert.deepEqual(buildWizardObjects(s, { host: 'amqp://h' }).secret?.stringData, { url: 'amqp://h' });
});

test('pod identity: the provider, its identity id (azure-workload) or role ARN (aws, aws-eks) only', () => {
  const s = rabbit();
  // Credentials from the pod's identity instead of a Secret.
  s.triggers[0]!.params.host = { source: 'value', value: 'amqp://h', enabled: true };
  s.triggers[0]!.auth.mode = 'new';
  const identity = (podIdentity: WizardState['auth']['podIdentity'], identityId = '', roleArn = '') => {
    s.auth = { ...s.auth, podIdentity, identityId, roleArn };
    return buildWizardObjects(s).triggerAuthentication?.spec;
  };
  assert.equal(createsSecret(s), false, 'no parameter from a Secret: no Secret');
  assert.deepEqual(identity(''), {});
  assert.deepEqual(identity('azure-workload', ' id-1 ', 'arn:ignored'), {
    podIdentity: { provider: 'azure-workload', identityId: 'id-1' },
  });
  assert.deepEqual(identity('azure-workload', '  '), { podIdentity: { provider: 'azure-workload' } });
  assert.deepEqual(identity('aws', 'ignored', ' arn:aws:iam::1:role/r '), {
    podIdentity: { provider: 'aws', roleArn: 'arn:aws:iam::1:role/r' },
  });
  assert.deepEqual(identity('aws-eks', '', 'arn:x'), {
    podIdentity: { provider: 'aws-eks', roleArn: 'arn:x' },
  });
  assert.deepEqual(identity('aws', '', ''), { podIdentity: { provider: 'aws' } });
  assert.deepEqual(identity('gcp', 'id', 'arn'), { podIdentity: { provider: 'gcp' } });
  assert.deepEqual(
    buildWizardObjects(s).objects.map((o) => o.role),
    ['triggerAuthentication', 'scaledObject'],
  );
});

test('an existing namespaced TriggerAuthentication is referenced by name only; a blank one not at all', () => {
  const s = rabbit();
  s.triggers[0]!.auth = { mode: 'existing', kind: 'TriggerAuthentication', name: ' theirs ' };
  assert.deepEqual(buildWizardObjects(s).scaledObject!.spec.triggers[0]!.authenticationRef, {
    name: 'theirs',
  });
  s.triggers[0]!.auth.name = ' ';
  assert.equal(buildWizardObjects(s).scaledObject!.spec.triggers[0]!.authenticationRef, undefined);
});

test('the review masks credentials typed into trigger metadata; settings named like them are kept', () => {
  const s = rabbit();
  s.triggers[0]!.params.queueName!.value = 'amqp://guest:Tr0ub4dor@host/';
  s.triggers[0]!.extra = [
    { key: 'password', value: 'hunter2' },
    { key: 'passwordFromEnv', value: 'RABBIT_PASSWORD' },
  ];
  const k = newTriggerDraft('kubernetes-resource', 'k1');
  k.params.key = { source: 'value', value: 'pending', enabled: false };
  s.triggers.push(k);
  const so = buildWizardObjects(s).scaledObject!;
  const shown = maskTriggerCredentials(so) as typeof so;
  assert.deepEqual(shown.spec.triggers[0]!.metadata, {
    queueName: `amqp://guest:${MASK}@host/`,
    password: MASK,
    passwordFromEnv: 'RABBIT_PASSWORD',
  });
  assert.deepEqual(shown.spec.triggers[1]!.metadata, { key: 'pending' });
  assert.equal(so.spec.triggers[0]!.metadata.password, 'hunter2', 'the built object is not changed');
  const secret = buildWizardObjects(s).secret!;
  assert.equal(maskTriggerCredentials(secret), secret, 'objects without triggers are shown as built');
});

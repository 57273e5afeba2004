/**
 * Validation and admission over HTTP: the exact 422 / 403 / 400 bodies, `fieldValidation`,
 * `Warning` headers, dry-run, status writes; then what the real kubectl prints for them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, startCluster, type HttpResult, type Running } from './test-helpers.ts';
import { kubectlFor, kubectlMissing, type Kubectl } from './test-kubectl.ts';

const SO_PATH = '/apis/keda.sh/v1alpha1/namespaces/default/scaledobjects';
const CRON = {
  type: 'cron',
  metadata: { timezone: 'UTC', start: '0 8 * * *', end: '0 18 * * *', desiredReplicas: '1' },
};

function so(name: string, spec: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name },
    spec: { scaleTargetRef: { name: `${name}-workload` }, triggers: [CRON], ...spec },
  };
}

/** The body must be exactly this JSON, key order included. */
function assertBody(r: HttpResult, status: number, expected: unknown): void {
  assert.equal(r.status, status, r.text);
  assert.equal(r.headers['content-type'], 'application/json');
  assert.equal(r.text, JSON.stringify(expected));
}

describe('validation and admission over HTTP', () => {
  let sim: Running;
  const send = (method: string, path: string, body?: unknown, contentType?: string): Promise<HttpResult> =>
    call(sim.url, path, { method, body, contentType, token: sim.cluster.adminToken, caPem: sim.caPem });

  before(async () => {
    sim = await startCluster({ scenario: 'empty', simulation: false });
  });
  after(async () => {
    await sim.cluster.close();
  });

  test('422 Invalid: schema errors with causes (REFERENCE §7 shapes)', async () => {
    const r = await send(
      'POST',
      SO_PATH,
      so('bad', { maxReplicaCount: 0, fallback: { failureThreshold: 1, replicas: 1, behavior: 'never' } }),
    );
    assertBody(r, 422, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'ScaledObject.keda.sh "bad" is invalid: [spec.fallback.behavior: Unsupported value: "never": supported values: "static", "currentReplicas", "currentReplicasIfHigher", "currentReplicasIfLower", "scalingModifiers", spec.maxReplicaCount: Invalid value: 0: spec.maxReplicaCount in body should be greater than or equal to 1, <nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation]',
      reason: 'Invalid',
      details: {
        name: 'bad',
        group: 'keda.sh',
        kind: 'ScaledObject',
        causes: [
          {
            reason: 'FieldValueNotSupported',
            message:
              'Unsupported value: "never": supported values: "static", "currentReplicas", "currentReplicasIfHigher", "currentReplicasIfLower", "scalingModifiers"',
            field: 'spec.fallback.behavior',
          },
          {
            reason: 'FieldValueInvalid',
            message: 'Invalid value: 0: spec.maxReplicaCount in body should be greater than or equal to 1',
            field: 'spec.maxReplicaCount',
          },
          {
            reason: 'FieldValueInvalid',
            message:
              'Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
            field: '<nil>',
          },
        ],
      },
      code: 422,
    });
  });

  test('422 Invalid: the CEL rule', async () => {
    const r = await send('POST', SO_PATH, so('cel', { minReplicaCount: 3, maxReplicaCount: 2 }));
    assertBody(r, 422, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'ScaledObject.keda.sh "cel" is invalid: spec: Invalid value: "object": minReplicaCount must be less than or equal to maxReplicaCount',
      reason: 'Invalid',
      details: {
        name: 'cel',
        group: 'keda.sh',
        kind: 'ScaledObject',
        causes: [
          {
            reason: 'FieldValueInvalid',
            message: 'Invalid value: "object": minReplicaCount must be less than or equal to maxReplicaCount',
            field: 'spec',
          },
        ],
      },
      code: 422,
    });
  });

  test('403 Forbidden: a webhook denial; dry-run runs the webhooks too', async () => {
    assert.equal(
      (await send('POST', SO_PATH, so('first', { scaleTargetRef: { name: 'shared' } }))).status,
      201,
    );
    const expected = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        "admission webhook \"vscaledobject.kb.io\" denied the request: the workload 'shared' of type 'apps/v1.Deployment' is already managed by the ScaledObject 'first'",
      reason: 'Forbidden',
      code: 403,
    };
    assertBody(
      await send('POST', SO_PATH, so('second', { scaleTargetRef: { name: 'shared' } })),
      403,
      expected,
    );
    assertBody(
      await send('POST', `${SO_PATH}?dryRun=All`, so('second', { scaleTargetRef: { name: 'shared' } })),
      403,
      expected,
    );
    assert.equal(
      (await send('POST', `${SO_PATH}?dryRun=All`, so('second', { maxReplicaCount: 0 }))).status,
      422,
    );
    assert.equal((await send('GET', `${SO_PATH}/second`)).status, 404);
  });

  test('fieldValidation: Strict → 400, Warn (the default) and Ignore prune; a bad value → 422', async () => {
    const body = (name: string): Record<string, unknown> => ({ ...so(name, { foo: 1 }), bar: true });
    assertBody(await send('POST', `${SO_PATH}?fieldValidation=Strict`, body('strict')), 400, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'ScaledObject in version "v1alpha1" cannot be handled as a ScaledObject: strict decoding error: unknown field "bar", unknown field "spec.foo"',
      reason: 'BadRequest',
      code: 400,
    });
    const warned = await send('POST', `${SO_PATH}?fieldValidation=Warn`, body('warned'));
    assert.equal(warned.status, 201, warned.text);
    assert.equal(
      warned.headers.warning,
      '299 - "unknown field \\"bar\\"", 299 - "unknown field \\"spec.foo\\""',
    );
    assert.equal(warned.json<{ spec: Record<string, unknown> }>().spec.foo, undefined);
    const byDefault = await send('POST', SO_PATH, body('defaulted'));
    assert.equal(byDefault.status, 201);
    assert.equal(
      byDefault.headers.warning,
      '299 - "unknown field \\"bar\\"", 299 - "unknown field \\"spec.foo\\""',
    );
    const ignored = await send('POST', `${SO_PATH}?fieldValidation=Ignore`, body('ignored'));
    assert.equal(ignored.status, 201);
    assert.equal(ignored.headers.warning, undefined);
    assertBody(await send('POST', `${SO_PATH}?fieldValidation=Sometimes`, body('x')), 422, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'CreateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "Sometimes": supported values: "", "Ignore", "Strict", "Warn"',
      reason: 'Invalid',
      details: {
        group: 'meta.k8s.io',
        kind: 'CreateOptions',
        causes: [
          {
            reason: 'FieldValueNotSupported',
            message: 'Unsupported value: "Sometimes": supported values: "", "Ignore", "Strict", "Warn"',
            field: 'fieldValidation',
          },
        ],
      },
      code: 422,
    });
  });

  test('a patch whose result has unknown fields: 422 on `patch` with Strict, pruned with Warn', async () => {
    const strict = await send(
      'PATCH',
      `${SO_PATH}/warned?fieldValidation=Strict`,
      { spec: { foo: 1 } },
      'application/merge-patch+json',
    );
    assert.equal(strict.status, 422, strict.text);
    const status = strict.json<{ message: string; details: Record<string, unknown> }>();
    assert.match(
      status.message,
      /^ "" is invalid: patch: Invalid value: "\{\\"apiVersion\\":\\"keda\.sh\/v1alpha1\\",.*\\"foo\\":1,.*": strict decoding error: unknown field "spec\.foo"$/,
    );
    assert.deepEqual(Object.keys(status.details), ['causes']);
    const warn = await send(
      'PATCH',
      `${SO_PATH}/warned`,
      { spec: { foo: 1, maxReplicaCount: 4 } },
      'application/merge-patch+json',
    );
    assert.equal(warn.status, 200, warn.text);
    assert.equal(warn.headers.warning, '299 - "unknown field \\"spec.foo\\""');
    assert.deepEqual(
      warn.json<{ spec: { maxReplicaCount: number; foo?: number } }>().spec.maxReplicaCount,
      4,
    );
  });

  test('patches and updates are validated on their result', async () => {
    const patched = await send(
      'PATCH',
      `${SO_PATH}/warned`,
      { spec: { maxReplicaCount: 0 } },
      'application/merge-patch+json',
    );
    assert.equal(patched.status, 422);
    assert.equal(
      patched.json<{ message: string }>().message,
      'ScaledObject.keda.sh "warned" is invalid: spec.maxReplicaCount: Invalid value: 0: spec.maxReplicaCount in body should be greater than or equal to 1',
    );
    const current = (await send('GET', `${SO_PATH}/warned`)).json<Record<string, unknown>>();
    const put = await send('PUT', `${SO_PATH}/warned`, {
      ...current,
      spec: { scaleTargetRef: { name: 'w' }, triggers: [] },
    });
    assert.equal(put.status, 422);
    assert.equal(
      put.json<{ message: string }>().message,
      'ScaledObject.keda.sh "warned" is invalid: spec.triggers: Invalid value: 0: spec.triggers in body should have at least 1 items',
    );
  });

  test('status writes: only the status is validated, and the webhooks are not called', async () => {
    const r = await send(
      'PATCH',
      `${SO_PATH}/warned/status`,
      { status: { lastActiveTime: 'now', hpaName: 3 } },
      'application/merge-patch+json',
    );
    assertBody(r, 422, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'ScaledObject.keda.sh "warned" is invalid: [status.hpaName: Invalid value: "integer": hpaName in body must be of type string: "integer", status.lastActiveTime: Invalid value: "now": lastActiveTime in body must be of type date-time: "now", <nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation]',
      reason: 'Invalid',
      details: {
        name: 'warned',
        group: 'keda.sh',
        kind: 'ScaledObject',
        causes: [
          {
            reason: 'FieldValueTypeInvalid',
            message: 'Invalid value: "integer": hpaName in body must be of type string: "integer"',
            field: 'status.hpaName',
          },
          {
            reason: 'FieldValueTypeInvalid',
            message: 'Invalid value: "now": lastActiveTime in body must be of type date-time: "now"',
            field: 'status.lastActiveTime',
          },
          {
            reason: 'FieldValueInvalid',
            message:
              'Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
            field: '<nil>',
          },
        ],
      },
      code: 422,
    });
    // The object conflicts with `first` on its target now, yet status writes pass (no webhook).
    await send(
      'PATCH',
      `${SO_PATH}/first`,
      { spec: { scaleTargetRef: { name: 'warned-workload' } } },
      'application/merge-patch+json',
    );
    const ok = await send(
      'PATCH',
      `${SO_PATH}/warned/status`,
      { status: { lastActiveTime: '2026-01-01T00:00:00Z', surprise: 1 } },
      'application/merge-patch+json',
    );
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.headers.warning, '299 - "unknown field \\"status.surprise\\""');
    assert.deepEqual(ok.json<{ status: unknown }>().status, { lastActiveTime: '2026-01-01T00:00:00Z' });
  });

  test('admission warnings are Warning headers', async () => {
    const r = await send(
      'POST',
      SO_PATH,
      so('warnings', { minReplicaCount: 1, pollingInterval: 10, cooldownPeriod: 30 }),
    );
    assert.equal(r.status, 201, r.text);
    assert.equal(
      r.headers.warning,
      '299 - "PollingInterval is configured but is not relevant. PollingInterval is only relevant when minReplicaCount = 0 or idleReplicaCount = 0 or useCachedMetrics is enabled", 299 - "CooldownPeriod is configured but is not relevant. CooldownPeriod is only relevant when minReplicaCount = 0 or idleReplicaCount = 0"',
    );
  });
});

describe('what kubectl prints', { skip: kubectlMissing }, () => {
  let sim: Running;
  let kubectl: Kubectl;

  before(async () => {
    sim = await startCluster({ scenario: 'empty', simulation: false });
    kubectl = kubectlFor(sim, 'keda-sim-validation-');
  });
  after(async () => {
    await sim.cluster.close();
    kubectl.dispose();
  });

  const yaml = (name: string, spec: string): string => `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: ${name}
spec:
  scaleTargetRef:
    name: ${name}-workload
${spec}  triggers:
  - type: cron
    metadata:
      timezone: UTC
      start: 0 8 * * *
      end: 0 18 * * *
      desiredReplicas: "1"
`;

  test('The ScaledObject "x" is invalid: … with one line per cause', async () => {
    const file = kubectl.manifest(
      'invalid.yaml',
      yaml('invalid', '  minReplicaCount: 4\n  maxReplicaCount: 0\n'),
    );
    const r = await kubectl.run(['apply', '-f', file]);
    assert.equal(r.code, 1);
    assert.equal(
      r.stderr,
      'The ScaledObject "invalid" is invalid: \n' +
        '* spec.maxReplicaCount: Invalid value: 0: spec.maxReplicaCount in body should be greater than or equal to 1\n' +
        '* spec: Invalid value: "object": minReplicaCount must be less than or equal to maxReplicaCount\n',
    );
    const cel = await kubectl.run([
      'apply',
      '-f',
      kubectl.manifest('cel.yaml', yaml('cel', '  minReplicaCount: 4\n  maxReplicaCount: 2\n')),
    ]);
    assert.equal(
      cel.stderr,
      'The ScaledObject "cel" is invalid: spec: Invalid value: "object": minReplicaCount must be less than or equal to maxReplicaCount\n',
    );
  });

  test('Error from server (Forbidden): … admission webhook "vscaledobject.kb.io" denied the request: …', async () => {
    const file = kubectl.manifest('idle.yaml', yaml('idle', '  idleReplicaCount: 0\n'));
    const dry = await kubectl.run(['apply', '--dry-run=server', '-f', file]);
    const expected = `Error from server (Forbidden): error when creating "${file}": admission webhook "vscaledobject.kb.io" denied the request: IdleReplicaCount=0 must be less than MinReplicaCount=0\n`;
    assert.equal(dry.stderr, expected);
    assert.equal((await kubectl.run(['apply', '-f', file])).stderr, expected);
  });

  test('unknown fields: rejected by default (kubectl sends Strict), warned with --validate=warn, dropped with --validate=false', async () => {
    const file = kubectl.manifest('unknown.yaml', yaml('unknown', '  speed: fast\n'));
    const strict = await kubectl.run(['apply', '-f', file]);
    assert.equal(
      strict.stderr,
      `Error from server (BadRequest): error when creating "${file}": ScaledObject in version "v1alpha1" cannot be handled as a ScaledObject: strict decoding error: unknown field "spec.speed"\n`,
    );
    const warn = await kubectl.run(['apply', '--validate=warn', '-f', file]);
    assert.equal(warn.code, 0, warn.stderr);
    assert.equal(warn.stderr, 'Warning: unknown field "spec.speed"\n');
    assert.equal(warn.stdout, 'scaledobject.keda.sh/unknown created\n');
    const again = await kubectl.run([
      'apply',
      '--validate=false',
      '-f',
      kubectl.manifest('unknown2.yaml', yaml('unknown', '  speed: faster\n  maxReplicaCount: 6\n')),
    ]);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, 'scaledobject.keda.sh/unknown configured\n');
  });

  test('admission warnings print as Warning: lines', async () => {
    const file = kubectl.manifest('warn.yaml', yaml('noisy', '  minReplicaCount: 1\n  cooldownPeriod: 60\n'));
    const r = await kubectl.run(['apply', '-f', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stderr,
      'Warning: CooldownPeriod is configured but is not relevant. CooldownPeriod is only relevant when minReplicaCount = 0 or idleReplicaCount = 0\n',
    );
  });

  test('kubectl patch gets the 422 of its result', async () => {
    const r = await kubectl.run([
      'patch',
      'so',
      'noisy',
      '--type',
      'merge',
      '-p',
      '{"spec":{"pollingInterval":0}}',
    ]);
    assert.equal(r.code, 1);
    assert.equal(
      r.stderr,
      'The ScaledObject "noisy" is invalid: spec.pollingInterval: Invalid value: 0: spec.pollingInterval in body should be greater than or equal to 1\n',
    );
  });
});

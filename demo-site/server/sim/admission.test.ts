/**
 * KEDA 2.20's validating admission webhooks in the simulated apiserver, through the in-process
 * client: every rule with its exact message, the Status a denial becomes (ToStatusErr), dry-run,
 * finalizer removal, warnings, failurePolicy Ignore, and the rules' helpers.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  ClusterTriggerAuthenticationResource,
  DeploymentResource,
  ScaledJobResource,
  ScaledObjectResource,
  TriggerAuthenticationResource,
  type ResourceType,
} from '../../../components/src/core/kube/resource.ts';
import type { KubeObject, Status } from '../../../components/src/core/kube/types.ts';
import { WebhookDispatcher } from './api/admission/dispatcher.ts';
import { castToFloatIfNecessary, checkFormula } from './api/admission/formula.ts';
import type { ObjectLookup } from './api/admission/lookup.ts';
import {
  isContainerResourceLimitSet,
  isWorkloadResourceSet,
  quantityValue,
} from './api/admission/resources.ts';
import {
  COOLDOWN_PERIOD_WARNING,
  parseGoFloat,
  POLLING_INTERVAL_WARNING,
} from './api/admission/scaled-object.ts';
import { WebhookDenial, type ValidatingWebhook } from './api/admission/types.ts';
import type { WriteOptions } from './api/service.ts';
import { ApiError } from './core/errors.ts';
import type { KObject, ResourceDef } from './registry/types.ts';
import { SimCluster } from './index.ts';

const StatefulSetResource: ResourceType = {
  group: 'apps',
  version: 'v1',
  plural: 'statefulsets',
  kind: 'StatefulSet',
  namespaced: true,
};
const HpaResource: ResourceType = {
  group: 'autoscaling',
  version: 'v2',
  plural: 'horizontalpodautoscalers',
  kind: 'HorizontalPodAutoscaler',
  namespaced: true,
};

const CRON = {
  type: 'cron',
  metadata: { timezone: 'UTC', start: '0 8 * * *', end: '0 18 * * *', desiredReplicas: '1' },
};
const CPU = { type: 'cpu', metricType: 'Utilization', metadata: { value: '60' } };

type Obj = KubeObject & Record<string, unknown>;

function so(name: string, spec: Record<string, unknown>, metadata: Record<string, unknown> = {}): Obj {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name, namespace: 'default', ...metadata },
    spec: { scaleTargetRef: { name: 'web' }, triggers: [CRON], ...spec },
  };
}

function workload(
  kind: 'Deployment' | 'StatefulSet',
  name: string,
  containers: Record<string, unknown>[],
): Obj {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name, namespace: 'default' },
    spec: {
      replicas: 1,
      ...(kind === 'StatefulSet' ? { serviceName: name } : {}),
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers } },
    },
  };
}

function hpa(name: string, target: string, metadata: Record<string, unknown> = {}): Obj {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name, namespace: 'default', ...metadata },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: target },
      minReplicas: 1,
      maxReplicas: 3,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
        },
      ],
    },
  };
}

/** The Status of the ApiError that `fn` rejects with. */
async function rejection(fn: () => Promise<unknown>): Promise<Status> {
  try {
    await fn();
  } catch (error) {
    assert.ok(error instanceof ApiError, `expected ApiError, got ${String(error)}`);
    return error.status;
  }
  assert.fail('expected the write to be rejected');
}

function denied(webhook: string, message: string): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `admission webhook "${webhook}" denied the request: ${message}`,
    reason: 'Forbidden',
    code: 403,
  };
}

const soDenied = (message: string): Status => denied('vscaledobject.kb.io', message);

describe('KEDA admission webhooks', () => {
  let cluster: SimCluster;
  const create = (type: ResourceType, object: Obj, options?: WriteOptions): Promise<KubeObject> =>
    cluster.client.create(type, object, options);

  beforeEach(async () => {
    cluster = await SimCluster.create({ seed: 3, scenario: 'empty' });
  });
  afterEach(async () => {
    await cluster.close();
  });

  test('duplicate scale target: the exact 403 Status (REFERENCE §4, without the prefix the apiserver never adds)', async () => {
    await create(ScaledObjectResource, so('so-a', {}));
    const status = await rejection(() => create(ScaledObjectResource, so('so-b', {})));
    assert.deepEqual(
      status,
      soDenied(
        "the workload 'web' of type 'apps/v1.Deployment' is already managed by the ScaledObject 'so-a'",
      ),
    );
    // Same name, other kind: a different workload.
    await create(ScaledObjectResource, so('so-c', { scaleTargetRef: { name: 'web', kind: 'StatefulSet' } }));
    // An update of so-a itself is not a conflict with itself.
    await cluster.client.patch(ScaledObjectResource, { namespace: 'default', name: 'so-a' }, 'merge', {
      spec: { maxReplicaCount: 4 },
    });
  });

  test('HPA name clash; the nil-pointer panic of v2.20.2 when the other one has the default name', async () => {
    await create(
      ScaledObjectResource,
      so('so-a', {
        scaleTargetRef: { name: 'a' },
        advanced: { horizontalPodAutoscalerConfig: { name: 'shared' } },
      }),
    );
    assert.deepEqual(
      await rejection(() =>
        create(
          ScaledObjectResource,
          so('so-b', {
            scaleTargetRef: { name: 'b' },
            advanced: { horizontalPodAutoscalerConfig: { name: 'shared' } },
          }),
        ),
      ),
      soDenied("the HPA 'shared' is already managed by the ScaledObject 'so-a'"),
    );
    await create(ScaledObjectResource, so('so-c', { scaleTargetRef: { name: 'c' } }));
    assert.deepEqual(
      await rejection(() =>
        create(
          ScaledObjectResource,
          so('so-d', {
            scaleTargetRef: { name: 'd' },
            advanced: { horizontalPodAutoscalerConfig: { name: 'keda-hpa-so-c' } },
          }),
        ),
      ),
      {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message:
          'admission webhook "vscaledobject.kb.io" denied the request: panic: runtime error: invalid memory address or nil pointer dereference [recovered]',
        code: 500,
      },
    );
  });

  test('a foreign HPA on the target; hpa-ownership "false"; transfer-hpa-ownership; an owned HPA', async () => {
    await create(HpaResource, hpa('web-hpa', 'web'));
    assert.deepEqual(
      await rejection(() => create(ScaledObjectResource, so('so-a', {}))),
      soDenied("the workload 'web' of type 'apps/v1.Deployment' is already managed by the hpa 'web-hpa'"),
    );
    assert.deepEqual(
      await rejection(() =>
        create(
          ScaledObjectResource,
          so('so-a', {}, { annotations: { 'scaledobject.keda.sh/transfer-hpa-ownership': 'true' } }),
        ),
      ),
      soDenied(
        "the existing hpa 'web-hpa' for workload 'web' of type 'apps/v1.Deployment' must be specified by name in advanced settings to enable ownership transfer",
      ),
    );
    await create(
      ScaledObjectResource,
      so(
        'so-a',
        { advanced: { horizontalPodAutoscalerConfig: { name: 'web-hpa' } } },
        { annotations: { 'scaledobject.keda.sh/transfer-hpa-ownership': 'true' } },
      ),
    );
    await create(
      HpaResource,
      hpa('other-hpa', 'other', { annotations: { 'validations.keda.sh/hpa-ownership': 'false' } }),
    );
    await create(ScaledObjectResource, so('so-b', { scaleTargetRef: { name: 'other' } }));
    await create(
      HpaResource,
      hpa('keda-hpa-so-c', 'third', {
        ownerReferences: [{ apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', name: 'so-c', uid: 'u' }],
      }),
    );
    await create(ScaledObjectResource, so('so-c', { scaleTargetRef: { name: 'third' } }));
  });

  test('cpu/memory triggers: container requests, containerName, scale to zero, missing target, dry-run', async () => {
    await create(DeploymentResource, workload('Deployment', 'web', [{ name: 'app', image: 'x' }]));
    const cpuSo = so('so-a', { minReplicaCount: 1, triggers: [CPU] });
    assert.deepEqual(
      await rejection(() => create(ScaledObjectResource, cpuSo)),
      soDenied(
        "the scaledobject has a cpu trigger but the container app doesn't have the cpu request defined",
      ),
    );
    // KEDA skips this check on dry-run.
    await create(ScaledObjectResource, cpuSo, { dryRun: true });

    await create(
      DeploymentResource,
      workload('Deployment', 'api', [
        { name: 'app', image: 'x', resources: { requests: { cpu: '100m' } } },
        { name: 'sidecar', image: 'y' },
      ]),
    );
    const onApi = (name: string, spec: Record<string, unknown>): Obj =>
      so(name, { scaleTargetRef: { name: 'api' }, ...spec });
    assert.deepEqual(
      await rejection(() =>
        create(ScaledObjectResource, onApi('so-b', { minReplicaCount: 1, triggers: [CPU] })),
      ),
      soDenied(
        "the scaledobject has a cpu trigger but the container sidecar doesn't have the cpu request defined",
      ),
    );
    const appOnly = { ...CPU, metadata: { value: '60', containerName: 'app' } };
    assert.deepEqual(
      await rejection(() => create(ScaledObjectResource, onApi('so-b', { triggers: [appOnly] }))),
      soDenied(
        "scaledobject has only cpu/memory triggers AND minReplica is 0 (scale to zero doesn't work in this case)",
      ),
    );
    await create(ScaledObjectResource, onApi('so-b', { minReplicaCount: 1, triggers: [appOnly] }));

    assert.deepEqual(
      await rejection(() =>
        create(ScaledObjectResource, so('so-c', { scaleTargetRef: { name: 'nope' }, triggers: [CPU] })),
      ),
      {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message:
          'admission webhook "vscaledobject.kb.io" denied the request: deployments.apps "nope" not found',
        reason: 'NotFound',
        details: { name: 'nope', group: 'apps', kind: 'deployments' },
        code: 404,
      },
    );
    await create(
      StatefulSetResource,
      workload('StatefulSet', 'db', [{ name: 'pg', image: 'x', resources: { limits: { memory: '1Gi' } } }]),
    );
    const memory = { type: 'memory', metricType: 'Utilization', metadata: { value: '80' } };
    await create(
      ScaledObjectResource,
      so('so-d', {
        scaleTargetRef: { name: 'db', kind: 'StatefulSet' },
        minReplicaCount: 1,
        triggers: [memory, CRON],
      }),
    );
    // Other kinds of target are not checked.
    await create(
      ScaledObjectResource,
      so('so-e', {
        scaleTargetRef: { name: 'x', apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledJob' },
        triggers: [CPU],
      }),
    );
    assert.deepEqual(
      await rejection(() =>
        create(
          ScaledObjectResource,
          so('so-f', { scaleTargetRef: { name: 'x', apiVersion: 'example.com/v1', kind: 'Widget' } }),
        ),
      ),
      soDenied('no matches for kind "Widget" in version "example.com/v1"'),
    );
  });

  test('replica bounds (idle must be below min) and fallback', async () => {
    assert.deepEqual(
      await rejection(() =>
        create(ScaledObjectResource, so('so-a', { minReplicaCount: 2, idleReplicaCount: 2 })),
      ),
      soDenied('IdleReplicaCount=2 must be less than MinReplicaCount=2'),
    );
    assert.deepEqual(
      await rejection(() => create(ScaledObjectResource, so('so-a', { idleReplicaCount: 0 }))),
      soDenied('IdleReplicaCount=0 must be less than MinReplicaCount=0'),
    );
    // An explicit minReplicaCount 0 counts as the HPA minimum of 1 here.
    await create(ScaledObjectResource, so('so-a', { minReplicaCount: 0, idleReplicaCount: 0 }), {
      dryRun: true,
    });
    assert.deepEqual(
      await rejection(() =>
        create(
          ScaledObjectResource,
          so('so-b', { minReplicaCount: 1, fallback: { failureThreshold: 3, replicas: 2 }, triggers: [CPU] }),
          {
            dryRun: true,
          },
        ),
      ),
      soDenied(
        'at least one trigger (that is not cpu or memory) has to have the `AverageValue` type for the fallback to be enabled',
      ),
    );
    assert.deepEqual(
      await rejection(() =>
        create(
          ScaledObjectResource,
          so('so-c', { fallback: { failureThreshold: 3, replicas: 2, behavior: 'scalingModifiers' } }),
        ),
      ),
      soDenied('scalingModifiers fallback behavior requires scalingModifiers.formula to be defined'),
    );
  });

  test('triggers: unique names, useCachedMetrics', async () => {
    const named = (name: string): Record<string, unknown> => ({ ...CRON, name });
    assert.deepEqual(
      await rejection(() =>
        create(ScaledObjectResource, so('so-a', { triggers: [named('t1'), named('t1')] })),
      ),
      soDenied(
        'triggerName "t1" is defined multiple times in the ScaledObject/ScaledJob, but it must be unique',
      ),
    );
    assert.deepEqual(
      await rejection(() =>
        create(ScaledObjectResource, so('so-a', { triggers: [{ ...CRON, useCachedMetrics: true }] })),
      ),
      soDenied('property "useCachedMetrics" is not supported for "cron" scaler'),
    );
  });

  test('name length: the label value and the derived HPA name', async () => {
    const long = 'a'.repeat(64);
    assert.deepEqual(
      await rejection(() => create(ScaledObjectResource, so(long, {}))),
      soDenied(
        `scaledobject name "${long}" is 64 characters long; must be no more than 63 characters because it is used as the "scaledobject.keda.sh/name" label value`,
      ),
    );
    const name = 'b'.repeat(55);
    assert.deepEqual(
      await rejection(() => create(ScaledObjectResource, so(name, {}))),
      soDenied(
        `HPA name "keda-hpa-${name}" derived from scaledobject is 64 characters long; must be no more than 63 characters; set spec.advanced.horizontalPodAutoscalerConfig.name to a shorter name or shorten the scaledobject name`,
      ),
    );
    await create(
      ScaledObjectResource,
      so(name, { advanced: { horizontalPodAutoscalerConfig: { name: 'short' } } }),
    );
  });

  test('scalingModifiers: formula, target, formula names', async () => {
    const withModifiers = (
      sm: Record<string, unknown>,
      triggers: unknown[] = [{ ...CRON, name: 'trig_one' }],
    ): Obj => so('so-a', { advanced: { scalingModifiers: sm }, triggers });
    const cases: [Record<string, unknown>, string][] = [
      [{ target: '2' }, 'error ScalingModifiers.Formula is mandatory'],
      [
        { formula: 'trig_one + 1' },
        'error validating formula in ScalingModifiers\nformula is given but target is empty',
      ],
      [
        { formula: 'trig_one + trig_two', target: '2' },
        'error validating formula in ScalingModifiers\nunknown name trig_two (1:18)\n | float(trig_one + trig_two)\n | .................^',
      ],
      [
        { formula: 'trig_one +', target: '2' },
        'error validating formula in ScalingModifiers\nunexpected token Bracket(")") (1:17)\n | float(trig_one +)\n | ................^',
      ],
      [
        { formula: 'trig_one', target: '0' },
        'error validating target in ScalingModifiers\nerror converting target for scalingModifiers (string->float) to valid target: %!w(<nil>)',
      ],
      [
        { formula: 'trig_one', target: 'two' },
        'error validating target in ScalingModifiers\nerror converting target for scalingModifiers (string->float) to valid target: strconv.ParseFloat: parsing "two": invalid syntax',
      ],
    ];
    for (const [sm, message] of cases) {
      assert.deepEqual(
        await rejection(() => create(ScaledObjectResource, withModifiers(sm))),
        soDenied(message),
        JSON.stringify(sm),
      );
    }
    await create(
      ScaledObjectResource,
      withModifiers(
        { formula: 'count([trig_one, trig_two], {# > 1}) > 1 ? 5 : trig_one ?? 0', target: '2.5' },
        [
          { ...CRON, name: 'trig_one' },
          { ...CRON, name: 'trig_two' },
        ],
      ),
    );
  });

  test('warnings for pollingInterval / cooldownPeriod (KEDA 2.20.2 texts) on allowed writes', async () => {
    const warnings: string[] = [];
    const warn = (w: string): void => {
      warnings.push(w);
    };
    await create(
      ScaledObjectResource,
      so('so-a', { minReplicaCount: 1, pollingInterval: 15, cooldownPeriod: 60 }),
      { warn },
    );
    assert.deepEqual(warnings, [POLLING_INTERVAL_WARNING, COOLDOWN_PERIOD_WARNING]);
    warnings.length = 0;
    await create(
      ScaledObjectResource,
      so('so-b', {
        scaleTargetRef: { name: 'b' },
        minReplicaCount: 1,
        pollingInterval: 15,
        triggers: [{ ...CRON, type: 'prometheus', useCachedMetrics: true }],
      }),
      { warn },
    );
    assert.deepEqual(warnings, []);
    await create(
      ScaledObjectResource,
      so('so-c', { scaleTargetRef: { name: 'c' }, pollingInterval: 15, cooldownPeriod: 60 }),
      { warn },
    );
    assert.deepEqual(warnings, []);
  });

  test('updates that only remove a finalizer skip the webhook; other updates do not', async () => {
    await create(
      ScaledObjectResource,
      so('so-a', {}, { finalizers: ['finalizer.keda.sh', 'example.com/other'] }),
    );
    await create(HpaResource, hpa('web-hpa', 'web'));
    const ref = { namespace: 'default', name: 'so-a' };
    assert.deepEqual(
      await rejection(() =>
        cluster.client.patch(ScaledObjectResource, ref, 'merge', { metadata: { labels: { a: 'b' } } }),
      ),
      soDenied("the workload 'web' of type 'apps/v1.Deployment' is already managed by the hpa 'web-hpa'"),
    );
    const patched = await cluster.client.patch(ScaledObjectResource, ref, 'merge', {
      metadata: { finalizers: ['example.com/other'] },
    });
    assert.deepEqual(patched.metadata.finalizers, ['example.com/other']);
  });

  test('vscaledjob.kb.io checks the triggers', async () => {
    const job = {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledJob',
      metadata: { name: 'sj', namespace: 'default' },
      spec: {
        jobTargetRef: {
          template: { spec: { containers: [{ name: 'c', image: 'x' }], restartPolicy: 'Never' } },
        },
        triggers: [
          { ...CRON, name: 'a' },
          { ...CRON, name: 'a' },
        ],
      },
    };
    assert.deepEqual(
      await rejection(() => create(ScaledJobResource, job)),
      denied(
        'vscaledjob.kb.io',
        'triggerName "a" is defined multiple times in the ScaledObject/ScaledJob, but it must be unique',
      ),
    );
  });

  test('vstriggerauthentication.kb.io and vsclustertriggerauthentication.kb.io', async () => {
    const ta = (spec: Record<string, unknown>): Obj => ({
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'TriggerAuthentication',
      metadata: { name: 'ta', namespace: 'default' },
      spec,
    });
    const cases: [Record<string, unknown>, string][] = [
      [
        { podIdentity: { provider: 'azure-workload', identityId: '' } },
        `identityId of PodIdentity should not be empty. If it's set, identityId has to be different than ""`,
      ],
      [
        { podIdentity: { provider: 'azure-workload', identityAuthorityHost: 'https://login' } },
        'identityTenantID of PodIdentity should not be nil or empty when identityAuthorityHost of PodIdentity is set',
      ],
      [
        { podIdentity: { provider: 'azure-workload', identityTenantId: '' } },
        `identityTenantId of PodIdentity should not be empty. If it's set, identityTenantId has to be different than ""`,
      ],
      [
        { podIdentity: { provider: 'aws', roleArn: 'arn:x', identityOwner: 'workload' } },
        "roleArn of PodIdentity can't be set if KEDA isn't identityOwner",
      ],
      [
        { podIdentity: { provider: 'aws', externalID: 'e' } },
        'externalID of PodIdentity requires roleArn to be set',
      ],
      [
        { oauth2: { clientId: '', tokenUrl: 'https://t' } },
        'oauth2.clientId is required when oauth2 is configured',
      ],
      [{ oauth2: { clientId: 'c', tokenUrl: '' } }, 'oauth2.tokenUrl is required when oauth2 is configured'],
      [
        { oauth2: { clientId: 'c', tokenUrl: 'ftp://t' } },
        'oauth2.tokenUrl must be a valid http or https URL',
      ],
      [
        { podIdentity: { provider: 'aws' }, oauth2: { clientId: 'c', tokenUrl: 'nope' } },
        'oauth2.tokenUrl must be a valid http or https URL',
      ],
    ];
    for (const [spec, message] of cases) {
      assert.deepEqual(
        await rejection(() => create(TriggerAuthenticationResource, ta(spec))),
        denied('vstriggerauthentication.kb.io', message),
        JSON.stringify(spec),
      );
    }
    // As in KEDA, another provider ends the checks before oauth2.
    await create(
      TriggerAuthenticationResource,
      ta({ podIdentity: { provider: 'gcp' }, oauth2: { clientId: '', tokenUrl: '' } }),
    );
    assert.deepEqual(
      await rejection(() =>
        create(ClusterTriggerAuthenticationResource, {
          apiVersion: 'keda.sh/v1alpha1',
          kind: 'ClusterTriggerAuthentication',
          metadata: { name: 'cta' },
          spec: { podIdentity: { provider: 'aws', externalID: 'e' } },
        }),
      ),
      denied('vsclustertriggerauthentication.kb.io', 'externalID of PodIdentity requires roleArn to be set'),
    );
  });

  test('schema validation (422) comes before the webhooks (403)', async () => {
    const status = await rejection(() =>
      create(
        ScaledObjectResource,
        so('so-a', { minReplicaCount: 5, maxReplicaCount: 2, idleReplicaCount: 9 }),
      ),
    );
    assert.equal(status.code, 422);
    assert.equal(
      status.message,
      'ScaledObject.keda.sh "so-a" is invalid: spec: Invalid value: "object": minReplicaCount must be less than or equal to maxReplicaCount',
    );
  });
});

describe('clusters without the webhooks', () => {
  test('admissionWebhooks: false leaves only schema validation', async () => {
    const cluster = await SimCluster.create({ seed: 3, scenario: 'empty', admissionWebhooks: false });
    try {
      await cluster.client.create(ScaledObjectResource, so('so-a', {}));
      await cluster.client.create(ScaledObjectResource, so('so-b', {}));
      const status = await rejection(() =>
        cluster.client.create(ScaledObjectResource, so('so-c', { maxReplicaCount: 0 })),
      );
      assert.equal(status.code, 422);
    } finally {
      await cluster.close();
    }
  });
});

describe('the webhook dispatcher and the rules’ helpers', () => {
  const def = { group: 'keda.sh', plural: 'scaledobjects' } as ResourceDef;
  const lookup: ObjectLookup = { list: () => [], get: () => undefined, kind: () => undefined };
  const request = {
    operation: 'CREATE' as const,
    object: { metadata: { name: 'x' } } as KObject,
    oldObject: undefined,
    dryRun: false,
    warn: () => {},
  };

  test('failurePolicy Ignore: a webhook that fails to answer lets the request through', () => {
    const logged: string[] = [];
    const broken: ValidatingWebhook = {
      name: 'broken.example.com',
      matches: () => true,
      validate: () => {
        throw new TypeError('cannot read properties of undefined');
      },
    };
    new WebhookDispatcher([broken], lookup, (l) => logged.push(l)).admit(def, request);
    assert.deepEqual(logged, [
      'Failed calling webhook, failing open broken.example.com: cannot read properties of undefined',
    ]);
    const denying: ValidatingWebhook = {
      name: 'deny.example.com',
      matches: () => true,
      validate: () => {
        throw new WebhookDenial('');
      },
    };
    assert.throws(
      () => new WebhookDispatcher([denying], lookup).admit(def, request),
      (e: unknown) =>
        e instanceof ApiError &&
        e.message === 'admission webhook "deny.example.com" denied the request: Forbidden',
    );
  });

  test('LimitRange defaults satisfy the cpu/memory request check; quantities', () => {
    const limitRanges: ObjectLookup = {
      ...lookup,
      list: (gr) =>
        gr.resource === 'limitranges'
          ? [
              {
                metadata: { name: 'lr' },
                spec: {
                  limits: [{ type: 'Container', defaultRequest: { memory: '128Mi' }, default: { cpu: '0' } }],
                },
              } as KObject,
            ]
          : [],
    };
    assert.equal(isContainerResourceLimitSet(limitRanges, 'default', 'memory'), true);
    assert.equal(isContainerResourceLimitSet(limitRanges, 'default', 'cpu'), false);
    assert.equal(isWorkloadResourceSet({ requests: { cpu: '0' }, limits: { cpu: '250m' } }, 'cpu'), true);
    assert.equal(isWorkloadResourceSet({ requests: { cpu: '0' } }, 'cpu'), false);
    assert.equal(quantityValue('1.5Gi'), 1.5 * 2 ** 30);
    assert.equal(quantityValue('2e3'), 2000);
    assert.ok(Number.isNaN(quantityValue('lots')));
  });

  test('formulas as KEDA compiles them', () => {
    assert.equal(castToFloatIfNecessary('a + b'), 'float(a + b)');
    assert.equal(castToFloatIfNecessary('float(a)'), 'float(a)');
    assert.equal(
      castToFloatIfNecessary('a ?? 3'),
      'let _kedaCompositeResult = (a ?? 3); _kedaCompositeResult == nil ? nil : float(_kedaCompositeResult)',
    );
    const names = new Set(['a', 'b']);
    for (const ok of [
      'float(a < 5 ? b + a : 5)',
      'count([a, b], {# > 1}) > 1 ? 5 : 0',
      'max(a, b) / 2',
      castToFloatIfNecessary('a ?? b ?? 5'),
      'a not in [1, 2] ? 1 : 0',
    ]) {
      assert.doesNotThrow(() => checkFormula(ok, names), ok);
    }
    assert.throws(() => checkFormula('float(a + c)', names), {
      message: 'unknown name c (1:11)\n | float(a + c)\n | ..........^',
    });
    assert.throws(() => checkFormula('float(a @ b)', names), {
      message: "unrecognized character: U+0040 '@' (1:9)\n | float(a @ b)\n | ........^",
    });
  });

  test('Go ParseFloat', () => {
    assert.deepEqual(parseGoFloat('2.5'), { value: 2.5, error: undefined });
    assert.deepEqual(parseGoFloat('1e3'), { value: 1000, error: undefined });
    assert.equal(parseGoFloat('0x1p-2').value, 0.25);
    assert.equal(parseGoFloat('1e400').error, 'strconv.ParseFloat: parsing "1e400": value out of range');
    assert.equal(parseGoFloat(' 1').error, 'strconv.ParseFloat: parsing " 1": invalid syntax');
  });
});

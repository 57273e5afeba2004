// The relationship graph on objects the fixture cluster does not have: bare or half-written
// objects, every TriggerAuthentication source, HPA and pod states, many Jobs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HorizontalPodAutoscaler } from '../kube/autoscaling.js';
import type { ScaledJob, ScaledObject, TriggerAuthentication } from '../keda/types.js';
import {
  buildRelationshipGraph,
  MAX_JOBS_SHOWN,
  type GraphInput,
  type JobObject,
  type PodObject,
} from './build.js';

const now = Date.parse('2026-11-30T12:00:00Z');

function so(
  name: string,
  spec: Partial<ScaledObject['spec']> = {},
  extra: Partial<ScaledObject> = {},
): ScaledObject {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { namespace: 'ns', name },
    spec: { scaleTargetRef: { name: `${name}-target` }, triggers: [], ...spec },
    ...extra,
  };
}

function ta(name: string, spec: TriggerAuthentication['spec'], cluster = false): TriggerAuthentication {
  const namespace = cluster ? undefined : 'ns';
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: namespace ? 'TriggerAuthentication' : 'ClusterTriggerAuthentication',
    metadata: { ...(namespace ? { namespace } : {}), name, uid: `uid-${name}` },
    spec,
  };
}

function graphOf(input: Partial<GraphInput>) {
  const g = buildRelationshipGraph({ scaledObjects: [], now, ...input });
  const node = (id: string) => {
    const n = g.nodes.find((x) => x.id === id);
    assert.ok(n, `node ${id} in ${g.nodes.map((x) => x.id).join(', ')}`);
    return n;
  };
  const detail = (id: string, label: string) => node(id).details.find(([l]) => l === label)?.[1];
  const edge = (source: string, target: string) =>
    g.edges.find((e) => e.source === source && e.target === target);
  return { g, node, detail, edge };
}

test('a bare ScaledObject and ScaledJob (no namespace, name or spec) still give nodes with defaults', () => {
  const bareSo = {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: {},
  } as unknown as ScaledObject;
  const bareSj = { apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledJob', metadata: {} } as unknown as ScaledJob;
  const { node, detail } = graphOf({ scaledObjects: [bareSo], scaledJobs: [bareSj] });
  assert.equal(node('ScaledObject/').state, 'pending');
  assert.equal(detail('ScaledObject/', 'Replicas'), '0–100');
  assert.equal(detail('ScaledObject/', 'Scale target'), 'Deployment ');
  assert.equal(detail('ScaledObject/', 'Condition'), undefined, 'no condition, no Condition line');
  assert.equal(node('Deployment/').state, 'unknown', 'a target never read is unknown');
  assert.equal(detail('ScaledJob/', 'Max jobs'), '100');
});

test('scalers sort by namespace then name; the condition behind the state is shown with its message', () => {
  const a = so('b', {}, { metadata: { namespace: 'a', name: 'b' } });
  const b = so('a', {}, { metadata: { namespace: 'b', name: 'a' } });
  const c = so(
    'a',
    {},
    {
      metadata: { namespace: 'a', name: 'a' },
      status: {
        conditions: [
          { type: 'Ready', status: 'False', reason: 'ScaledObjectCheckFailed', message: 'no target' },
        ],
      },
    },
  );
  const d = so(
    'z',
    {},
    { metadata: { namespace: 'a', name: 'z' }, status: { conditions: [{ type: 'Ready', status: 'False' }] } },
  );
  const { g, detail } = graphOf({ scaledObjects: [b, a, c, d] });
  assert.deepEqual(
    g.nodes.filter((n) => n.kind === 'ScaledObject').map((n) => n.id),
    ['ScaledObject/a/a', 'ScaledObject/a/b', 'ScaledObject/a/z', 'ScaledObject/b/a'],
  );
  assert.equal(detail('ScaledObject/a/a', 'Condition'), 'ScaledObjectCheckFailed: no target');
  assert.equal(detail('ScaledObject/a/z', 'Condition'), 'Ready', 'no reason: the condition type');
});

test('a ScaledObject paused or forced by annotation says so in its node before KEDA reports it', () => {
  const paused = so(
    'p',
    {},
    {
      metadata: { namespace: 'ns', name: 'p', annotations: { 'autoscaling.keda.sh/paused': 'true' } },
      status: {
        conditions: [
          { type: 'Ready', status: 'True' },
          { type: 'Active', status: 'True', reason: 'ScalerActive' },
        ],
      },
    },
  );
  const forced = so(
    'f',
    {},
    {
      metadata: {
        namespace: 'ns',
        name: 'f',
        annotations: { 'autoscaling.keda.sh/force-activation': 'true' },
      },
    },
  );
  const { node, detail } = graphOf({ scaledObjects: [paused, forced] });
  assert.equal(node('ScaledObject/ns/p').state, 'paused');
  assert.equal(detail('ScaledObject/ns/p', 'State'), 'Paused');
  assert.match(detail('ScaledObject/ns/p', 'Pause') ?? '', /KEDA has not reported Paused=True yet/);
  assert.match(detail('ScaledObject/ns/f', 'Force activation') ?? '', /KEDA treats it as active/);
  assert.equal(detail('ScaledObject/ns/p', 'Force activation'), undefined);
});

test('HPA: missing when listed and absent; warn on AbleToScale False; ScalingDisabled is scale to zero; limits shown', () => {
  const hpa = (name: string, status?: HorizontalPodAutoscaler['status']): HorizontalPodAutoscaler => ({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { namespace: 'ns', name, uid: `uid-${name}` },
    spec: undefined as unknown as HorizontalPodAutoscaler['spec'],
    ...(status ? { status } : {}),
  });
  const { node, detail, edge } = graphOf({
    scaledObjects: [so('none'), so('stuck'), so('zero'), so('limited'), so('quiet')],
    hpas: [
      hpa('keda-hpa-stuck', {
        currentReplicas: 2,
        desiredReplicas: 5,
        conditions: [
          { type: 'AbleToScale', status: 'False', reason: 'FailedGetScale', message: 'no scale subresource' },
        ],
      }),
      hpa('keda-hpa-zero', {
        currentReplicas: 0,
        desiredReplicas: 0,
        conditions: [{ type: 'ScalingActive', status: 'False', reason: 'ScalingDisabled' }],
      }),
      hpa('keda-hpa-limited', {
        currentReplicas: 10,
        desiredReplicas: 10,
        conditions: [{ type: 'ScalingLimited', status: 'True' }],
      }),
      hpa('keda-hpa-quiet'),
    ],
    known: new Set(['HorizontalPodAutoscaler']),
  });
  const missing = node('HorizontalPodAutoscaler/ns/keda-hpa-none');
  assert.equal(missing.state, 'missing');
  assert.equal(missing.stateLabel, 'not created');
  assert.ok(
    edge('ScaledObject/ns/none', 'Deployment/ns/none-target'),
    'without an HPA the target hangs off the ScaledObject',
  );

  assert.equal(node('HorizontalPodAutoscaler/ns/keda-hpa-stuck').state, 'warn');
  assert.equal(
    detail('HorizontalPodAutoscaler/ns/keda-hpa-stuck', 'AbleToScale'),
    'FailedGetScale: no scale subresource',
  );
  assert.equal(node('HorizontalPodAutoscaler/ns/keda-hpa-stuck').stateLabel, '2 → 5');
  assert.ok(edge('HorizontalPodAutoscaler/ns/keda-hpa-stuck', 'Deployment/ns/stuck-target'));

  assert.equal(node('HorizontalPodAutoscaler/ns/keda-hpa-zero').state, 'ok');
  assert.equal(detail('HorizontalPodAutoscaler/ns/keda-hpa-zero', 'ScalingActive'), 'ScalingDisabled');
  assert.equal(
    detail('HorizontalPodAutoscaler/ns/keda-hpa-limited', 'ScalingLimited'),
    'True',
    'no reason: the status',
  );

  const quiet = 'HorizontalPodAutoscaler/ns/keda-hpa-quiet';
  assert.equal(node(quiet).state, 'ok');
  assert.equal(node(quiet).stateLabel, '0 → 0');
  assert.equal(detail(quiet, 'Replicas'), '0 current, 0 desired');
  assert.equal(detail(quiet, 'Range'), '1–?');
});

test('a listed but absent scale target is missing; a StatefulSet has pods counted by phase, crash loops are errors', () => {
  const pod = (
    name: string,
    status: PodObject['status'],
    extra: Partial<PodObject['metadata']> = {},
  ): PodObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      namespace: 'ns',
      name,
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 'u' }],
      ...extra,
    },
    ...(status ? { status } : {}),
  });
  const ready = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] };
  const { node, detail } = graphOf({
    scaledObjects: [
      so('gone'),
      so('db', { scaleTargetRef: { name: 'db', kind: 'StatefulSet', apiVersion: 'apps/v1' } }),
    ],
    workloads: {
      StatefulSet: [
        {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          metadata: { namespace: 'ns', name: 'db' },
          spec: { replicas: 4 },
        },
      ],
    },
    pods: [
      pod('db-0', ready),
      pod('db-1', {
        phase: 'Running',
        containerStatuses: [{ state: { waiting: { reason: 'CrashLoopBackOff' } } }],
      }),
      pod('db-2', undefined),
      pod('db-3', ready, { deletionTimestamp: '2026-11-30T11:59:00Z' }),
      pod('db-4', { phase: 'Pending', containerStatuses: [{ ready: false, state: {} }] }),
      { apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'ns', name: 'stray' } },
    ],
    known: new Set(['Deployment']),
  });
  const gone = node('Deployment/ns/gone-target');
  assert.equal(gone.state, 'missing');
  assert.equal(detail('Deployment/ns/gone-target', 'Status'), 'Deployment gone-target not found');

  assert.equal(node('StatefulSet/ns/db').stateLabel, '0/4 ready');
  const pods = node('StatefulSet/ns/db/pods');
  assert.equal(pods.label, '5 pods');
  assert.equal(pods.state, 'error');
  assert.equal(pods.stateLabel, '2/5 ready');
  assert.deepEqual(pods.details, [
    ['Ready', '2 of 5'],
    ['Pending', '1'],
    ['Running', '2'],
    ['Terminating', '1'],
    ['Unknown', '1'],
    ['Crashing', '1'],
  ]);
});

test('pods: one pod, all ready is ok; some not ready is a warning', () => {
  const pod = (name: string, isReady: boolean): PodObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      namespace: 'ns',
      name,
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 'u', controller: true },
      ],
    },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: isReady ? 'True' : 'False' }] },
  });
  const input = (pods: PodObject[]): Partial<GraphInput> => ({
    scaledObjects: [so('db', { scaleTargetRef: { name: 'db', kind: 'StatefulSet' } })],
    workloads: {
      StatefulSet: [
        { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { namespace: 'ns', name: 'db' } },
      ],
    },
    pods,
  });
  let { node, g } = graphOf(input([pod('a', true)]));
  assert.equal(node('StatefulSet/ns/db/pods').label, '1 pod');
  assert.equal(node('StatefulSet/ns/db/pods').state, 'ok');
  assert.equal(node('StatefulSet/ns/db').stateLabel, '0/1 ready', 'no status: 0 ready of the default 1');
  ({ node } = graphOf(input([pod('a', true), pod('b', false)])));
  assert.equal(node('StatefulSet/ns/db/pods').state, 'warn');
  ({ g } = graphOf(input([])));
  assert.ok(!g.nodes.some((n) => n.kind === 'Pods'), 'no pods: no pods node');
});

test("a Deployment's ReplicaSets: only those with replicas, in name order, each with its pods", () => {
  const rs = (name: string, spec?: number, status?: number) => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      namespace: 'ns',
      name,
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'u', controller: true },
      ],
    },
    ...(spec !== undefined ? { spec: { replicas: spec } } : {}),
    ...(status !== undefined ? { status: { replicas: status, readyReplicas: status } } : {}),
  });
  const { g, node, detail } = graphOf({
    scaledObjects: [so('web', { scaleTargetRef: { name: 'web' } })],
    workloads: {
      Deployment: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { namespace: 'ns', name: 'web' },
          spec: { replicas: 2 },
          status: { readyReplicas: 2 },
        },
      ],
    },
    replicaSets: [rs('web-new', 2, 2), rs('web-old', 0, 1), rs('web-ancient', 0, 0), rs('web-empty')],
  });
  assert.deepEqual(
    g.nodes.filter((n) => n.kind === 'ReplicaSet').map((n) => n.id),
    ['ReplicaSet/ns/web-new', 'ReplicaSet/ns/web-old'],
  );
  assert.equal(node('Deployment/ns/web').state, 'ok');
  assert.equal(node('ReplicaSet/ns/web-old').stateLabel, '1/0 ready');
  assert.equal(detail('ReplicaSet/ns/web-new', 'Available'), '0');
});

test('metrics: a trigger KEDA cannot build is an error node named from the status or its index', () => {
  const { node, detail } = graphOf({
    scaledObjects: [
      so(
        'broken',
        {
          triggers: [
            { type: 'external', name: 'queue', metadata: { scalerAddress: 'scaler:9090' } },
            { type: 'no-such-scaler', metadata: {} },
          ],
        },
        { status: { externalMetricNames: ['s0-from-status'] } },
      ),
    ],
  });
  const fromStatus = 'metric/ScaledObject/ns/broken/s0-from-status';
  assert.equal(node(fromStatus).state, 'error');
  assert.equal(node(fromStatus).stateLabel, 'Cannot build scaler');
  assert.equal(detail(fromStatus, 'Trigger name'), 'queue');
  assert.match(detail(fromStatus, 'Problem') ?? '', /external scaler supplies its metric names/);
  const fromIndex = 'metric/ScaledObject/ns/broken/s1-no-such-scaler';
  assert.equal(detail(fromIndex, 'Problem'), 'no scaler found for type: no-such-scaler');
});

test('metrics: the HPA row gives current and target; a metric the HPA has no value for says unknown', () => {
  const trigger = {
    type: 'cron',
    metadata: { timezone: 'UTC', start: '0 6 * * *', end: '0 20 * * *', desiredReplicas: '3' },
  };
  const hpa: HorizontalPodAutoscaler = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { namespace: 'ns', name: 'keda-hpa-cron' },
    spec: {
      scaleTargetRef: { kind: 'Deployment', name: 'cron-target' },
      maxReplicas: 5,
      metrics: [
        {
          type: 'External',
          external: {
            metric: { name: 's0-cron-UTC-06xxx-020xxx' },
            target: { type: 'AverageValue', averageValue: '1' },
          },
        },
      ],
    },
  };
  hpa.spec.metrics!.push({
    type: 'Resource',
    resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } },
  });
  hpa.status = {
    currentReplicas: 1,
    desiredReplicas: 1,
    currentMetrics: [
      { type: 'External', external: { metric: { name: 'other' }, current: {} } },
      { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 42 } } },
    ],
  };
  const cpu = { type: 'cpu', metricType: 'Utilization' as const, metadata: { value: '60' } };
  const { node, detail } = graphOf({
    scaledObjects: [so('cron', { triggers: [trigger, cpu] })],
    hpas: [hpa],
  });
  assert.equal(detail('metric/ScaledObject/ns/cron/cpu', 'Type'), 'Resource');
  assert.equal(node('metric/ScaledObject/ns/cron/cpu').caption, '42% / 60%');
  const id = 'metric/ScaledObject/ns/cron/s0-cron-UTC-06xxx-020xxx';
  assert.equal(detail(id, 'Current'), 'unknown');
  assert.equal(detail(id, 'Target (AverageValue)'), '1');
  assert.equal(node(id).caption, 'External metric');
});

test('TriggerAuthentication sources: Secrets and ConfigMaps by keys, env, pod identity, vaults, stores, tokens', () => {
  const full = ta('everything', {
    secretTargetRef: [
      { parameter: 'user', name: 'creds', key: 'username' },
      { parameter: 'password', name: 'creds', key: 'password' },
    ],
    configMapTargetRef: [{ parameter: 'host', name: 'settings', key: 'host' }],
    env: [
      { parameter: 'token', name: 'TOKEN', containerName: 'app' },
      { parameter: 'region', name: 'REGION' },
    ],
    podIdentity: {
      provider: 'aws',
      roleArn: 'arn:aws:iam::1:role/r',
      identityId: 'id-1',
      identityOwner: 'workload',
    },
    hashiCorpVault: {
      address: 'https://vault:8200',
      secrets: [{ parameter: 'pw', key: 'pw', path: 'secret/data/app' }],
    },
    azureKeyVault: { vaultUri: 'https://kv.vault.azure.net' },
    awsSecretManager: { region: 'eu-west-1' },
    gcpSecretManager: { secrets: [] },
    filePath: '/creds/token',
    boundServiceAccountToken: [{ parameter: 'bearer', serviceAccountName: 'reader' }],
  });
  const trigger = { type: 'cron', metadata: {}, authenticationRef: { name: 'everything' } };
  const { node, detail, edge } = graphOf({
    scaledObjects: [so('uses', { triggers: [trigger] }), so('again', { triggers: [trigger] })],
    triggerAuthentications: [full],
  });
  const taId = 'TriggerAuthentication/ns/everything';
  assert.deepEqual(node(taId).details, [
    ['user', 'Secret creds key username'],
    ['password', 'Secret creds key password'],
    ['host', 'ConfigMap settings key host'],
    ['token', 'env TOKEN (app)'],
    ['region', 'env REGION'],
    ['Pod identity', 'aws'],
    ['Vault', 'https://vault:8200'],
    ['Azure Key Vault', 'https://kv.vault.azure.net'],
    ['AWS Secrets Manager', 'configured'],
    ['GCP Secret Manager', 'configured'],
    ['File', '/creds/token'],
  ]);
  assert.equal(detail('Secret/ns/creds', 'Keys used'), 'username → user, password → password');
  assert.equal(edge(taId, 'ConfigMap/ns/settings')?.label, 'configMapTargetRef');
  assert.deepEqual(node(`${taId}/env`).details, [
    ['token', 'TOKEN in app'],
    ['region', 'REGION'],
  ]);
  assert.deepEqual(node(`${taId}/podIdentity`).details, [
    ['Provider', 'aws'],
    ['Identity', 'id-1'],
    ['Role ARN', 'arn:aws:iam::1:role/r'],
    ['Identity owner', 'workload'],
  ]);
  assert.deepEqual(node(`${taId}/vault`).details, [
    ['Address', 'https://vault:8200'],
    ['pw', 'secret/data/app key pw'],
  ]);
  assert.equal(node(`${taId}/azureKeyVault`).label, 'https://kv.vault.azure.net');
  assert.equal(edge(taId, `${taId}/awsSecretManager`)?.label, 'awsSecretManager');
  assert.equal(edge(taId, `${taId}/gcpSecretManager`)?.label, 'gcpSecretManager');
  assert.equal(node('ServiceAccount/ns/reader').ref?.name, 'reader');
  assert.equal(detail('ServiceAccount/ns/reader', 'Parameter'), 'bearer');
  assert.ok(edge('ScaledObject/ns/again', taId), 'a second user gets an edge to the same node');
});

test('a ClusterTriggerAuthentication reads from KEDA’s namespace: its Secrets have no namespace or link', () => {
  const cluster = ta(
    'shared',
    {
      secretTargetRef: [{ parameter: 'token', name: 'api', key: 'token' }],
      podIdentity: { provider: 'azure-workload' },
      hashiCorpVault: { address: 'https://vault' },
      boundServiceAccountToken: [{ parameter: 'bearer', serviceAccountName: 'reader' }],
    },
    true,
  );
  const { node, detail } = graphOf({
    scaledObjects: [
      so('uses', {
        triggers: [
          {
            type: 'cron',
            metadata: {},
            authenticationRef: { name: 'shared', kind: 'ClusterTriggerAuthentication' },
          },
        ],
      }),
    ],
    clusterTriggerAuthentications: [cluster],
  });
  const secret = node('Secret/(keda)/api');
  assert.equal(secret.namespace, undefined);
  assert.equal(secret.ref, undefined);
  assert.equal(detail('Secret/(keda)/api', 'Namespace'), "KEDA's cluster object namespace");
  assert.deepEqual(node('ClusterTriggerAuthentication/shared/podIdentity').details, [
    ['Provider', 'azure-workload'],
  ]);
  assert.deepEqual(node('ClusterTriggerAuthentication/shared/vault').details, [['Address', 'https://vault']]);
  assert.equal(node('ServiceAccount/reader').ref, undefined);
});

test('an empty TriggerAuthentication, a provider "none", a missing and a not-yet-read one', () => {
  const { node, detail, g } = graphOf({
    scaledObjects: [
      so('a', {
        triggers: [
          { type: 'cron', metadata: {}, authenticationRef: { name: 'empty' } },
          { type: 'cron', metadata: {}, authenticationRef: { name: 'gone' } },
          {
            type: 'cron',
            metadata: {},
            authenticationRef: { name: 'later', kind: 'ClusterTriggerAuthentication' },
          },
          { type: 'cron', metadata: {}, authenticationRef: { name: '' } },
        ],
      }),
    ],
    triggerAuthentications: [
      ta('empty', undefined as unknown as TriggerAuthentication['spec']),
      ta('none', { podIdentity: { provider: 'none' } }),
    ],
    known: new Set(['TriggerAuthentication']),
  });
  assert.deepEqual(node('TriggerAuthentication/ns/empty').details, [['Parameters', 'none']]);
  assert.equal(node('TriggerAuthentication/ns/gone').state, 'missing');
  assert.equal(detail('TriggerAuthentication/ns/gone', 'Status'), 'not found');
  assert.equal(node('ClusterTriggerAuthentication/later').state, 'unknown');
  assert.equal(node('ClusterTriggerAuthentication/later').stateLabel, 'not read yet');
  assert.equal(
    g.edges.filter((e) => e.label === 'authenticationRef').length,
    3,
    'a ref without a name is no edge',
  );

  const none = graphOf({
    scaledObjects: [
      so('b', { triggers: [{ type: 'cron', metadata: {}, authenticationRef: { name: 'none' } }] }),
    ],
    triggerAuthentications: [ta('none', { podIdentity: { provider: 'none' } })],
  });
  assert.ok(!none.g.nodes.some((n) => n.kind === 'PodIdentity'), 'provider none is no identity');
});

test(`a ScaledJob shows its ${MAX_JOBS_SHOWN} newest Jobs and folds the rest into counts`, () => {
  const job = (i: number, status: JobObject['status'], created?: string): JobObject => ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      namespace: 'ns',
      name: `job-${String(i).padStart(2, '0')}`,
      ...(created ? { creationTimestamp: created } : {}),
      ownerReferences: [
        { apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledJob', name: 'batch', uid: 'u', controller: true },
      ],
    },
    ...(status ? { status } : {}),
  });
  const at = (minute: number) => `2026-11-30T11:${String(minute).padStart(2, '0')}:00Z`;
  const jobs: JobObject[] = [];
  for (let i = 0; i < MAX_JOBS_SHOWN; i += 1) jobs.push(job(i, { active: 1 }, at(30 + i)));
  jobs.push(job(90, { conditions: [{ type: 'Failed', status: 'True' }] }, at(1)));
  jobs.push(job(91, { conditions: [{ type: 'Complete', status: 'True' }], succeeded: 1 }, at(2)));
  jobs.push(job(92, undefined));
  jobs.push(job(93, undefined));
  const sj: ScaledJob = {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledJob',
    metadata: { namespace: 'ns', name: 'batch' },
    spec: { jobTargetRef: {}, maxReplicaCount: 7, triggers: [] },
  };
  const { g, node, detail } = graphOf({ scaledJobs: [sj], jobs });
  const shown = g.nodes.filter((n) => n.kind === 'Job');
  assert.equal(shown.length, MAX_JOBS_SHOWN);
  assert.equal(shown[0]!.id, `Job/ns/job-${MAX_JOBS_SHOWN - 1}`, 'newest first');
  assert.equal(detail(`Job/ns/job-00`, 'Created'), at(30));
  assert.equal(node('Job/ns/job-00').stateLabel, 'Running');
  const older = node('ScaledJob/ns/batch/older-jobs');
  assert.equal(older.label, '4 older Jobs');
  assert.equal(older.state, 'warn');
  assert.deepEqual(older.details, [
    ['Complete', '1'],
    ['Failed', '1'],
    ['Pending', '2'],
  ]);
  assert.equal(detail('ScaledJob/ns/batch', 'Max jobs'), '7');
});

test('older Jobs without failures are not a warning; fewer Jobs than the limit fold nothing', () => {
  const job = (name: string, created: string): JobObject => ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      namespace: 'ns',
      name,
      creationTimestamp: created,
      ownerReferences: [{ apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledJob', name: 'batch', uid: 'u' }],
    },
    status: { conditions: [{ type: 'Complete', status: 'True' }] },
  });
  const sj: ScaledJob = {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledJob',
    metadata: { namespace: 'ns', name: 'batch' },
    spec: { jobTargetRef: {}, triggers: [] },
  };
  const many = Array.from({ length: MAX_JOBS_SHOWN + 1 }, (_, i) => job(`j${i}`, '2026-11-30T10:00:00Z'));
  const { node, g } = graphOf({ scaledJobs: [sj], jobs: many });
  assert.equal(node('ScaledJob/ns/batch/older-jobs').state, 'none');
  // Same creation time: by name, so the folded one is the last name.
  assert.ok(!g.nodes.some((n) => n.id === 'Job/ns/j9'), 'j9 sorts last by name and is folded');
  const few = graphOf({ scaledJobs: [sj], jobs: many.slice(0, 2) });
  assert.ok(!few.g.nodes.some((n) => n.kind === 'Jobs'));
});

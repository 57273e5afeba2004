import { test } from 'node:test';
import assert from 'node:assert/strict';
import { triggerAuthDetails } from './trigger-auth-details.js';
import { secretRefStates, triggerAuthUsers } from './trigger-auth-details-usage.js';
import type { ScaledJob, ScaledObject, TriggerAuthentication } from './types.js';

const ta = (spec: Record<string, unknown>, name = 'auth', namespace = 'orders'): TriggerAuthentication => ({
  metadata: { name, namespace },
  spec: spec as TriggerAuthentication['spec'],
});

test('parameters: every source with where the value comes from', () => {
  const model = triggerAuthDetails(
    ta({
      secretTargetRef: [
        { parameter: 'host', name: 'mq', key: 'host' },
        { parameter: 'password', name: 'mq', key: 'password' },
      ],
      configMapTargetRef: [{ parameter: 'queue', name: 'settings', key: 'queue' }],
      env: [{ parameter: 'user', name: 'MQ_USER' }],
      boundServiceAccountToken: [{ parameter: 'bearerToken', serviceAccountName: 'reader' }],
    }),
    'TriggerAuthentication',
  );
  assert.deepEqual(
    model.parameters.map((p) => [p.parameter, p.source, p.from.map(([k, v]) => `${k}=${v}`).join(' ')]),
    [
      ['host', 'Secret', 'Secret=mq key=host'],
      ['password', 'Secret', 'Secret=mq key=password'],
      ['queue', 'ConfigMap', 'ConfigMap=settings key=queue'],
      [
        'user',
        'Env',
        'variable=MQ_USER container=the scale target’s first container (or envSourceContainerName)',
      ],
      ['bearerToken', 'ServiceAccount token', 'ServiceAccount=reader'],
    ],
  );
  assert.equal(model.secretNamespace, 'orders');
  assert.deepEqual(
    model.secretRefs.map((r) => `${r.name}/${r.key}`),
    ['mq/host', 'mq/password'],
  );
});

test('providers: pod identity, vaults and OAuth2, with literal credentials masked', () => {
  const model = triggerAuthDetails(
    ta({
      podIdentity: { provider: 'aws', roleArn: 'arn:aws:iam::1:role/r' },
      hashiCorpVault: {
        address: 'https://vault:8200',
        authentication: 'token',
        credential: { token: 'hvs.SECRET' },
        secrets: [{ parameter: 'password', key: 'pw', path: 'secret/data/mq' }],
      },
      azureKeyVault: {
        vaultUri: 'https://kv.vault.azure.net',
        credentials: {
          clientId: 'cid',
          tenantId: 'tid',
          clientSecret: { valueFrom: { secretKeyRef: { name: 'az', key: 'secret' } } },
        },
        secrets: [{ parameter: 'connection', name: 'sb-conn' }],
      },
      gcpSecretManager: {
        secrets: [{ parameter: 'creds', id: 'pubsub-key' }],
        podIdentity: { provider: 'gcp' },
      },
      awsSecretManager: {
        region: 'eu-west-1',
        credentials: {
          accessKey: { valueFrom: { secretKeyRef: { name: 'aws', key: 'id' } } },
          accessSecretKey: { valueFrom: { secretKeyRef: { name: 'aws', key: 'secret' } } },
        },
        secrets: [{ parameter: 'apiKey', name: 'prod/api', secretKey: 'key' }],
      },
      oauth2: {
        type: 'clientCredentials',
        clientId: 'dash',
        tokenUrl: 'https://idp/token',
        tokenUrlParams: { audience: 'api', client_secret: 'shh' },
        clientSecret: { valueFrom: { secretKeyRef: { name: 'oauth', key: 'secret' } } },
      },
      filePath: '/mnt/creds',
    }),
    'ClusterTriggerAuthentication',
  );
  const text = JSON.stringify(model);
  for (const secret of ['hvs.SECRET', 'shh']) assert.ok(!text.includes(secret), secret);
  assert.deepEqual(
    model.providers.map((p) => p.title),
    [
      'Pod identity',
      'HashiCorp Vault',
      'Azure Key Vault',
      'GCP Secret Manager',
      'AWS Secrets Manager',
      'OAuth2',
      'File',
    ],
  );
  const pod = model.providers[0]!.fields;
  assert.deepEqual(
    pod.find((f) => f.label === 'Identity owner'),
    { label: 'Identity owner', value: 'keda', isDefault: true },
  );
  assert.deepEqual(model.providers[1]!.fields.find((f) => f.label === 'Token')?.value, '****');
  assert.deepEqual(
    model.parameters.map((p) => `${p.parameter}:${p.source}`),
    [
      'password:HashiCorp Vault',
      'connection:Azure Key Vault',
      'creds:GCP Secret Manager',
      'apiKey:AWS Secrets Manager',
    ],
  );
  assert.deepEqual(
    model.secretRefs.map((r) => `${r.name}/${r.key} (${r.usedFor})`),
    [
      'az/secret (Azure Key Vault client secret)',
      'aws/id (AWS access key ID)',
      'aws/secret (AWS secret access key)',
      'oauth/secret (OAuth2 client secret)',
    ],
  );
  assert.equal(model.namespace, undefined);
  assert.equal(model.secretNamespace, 'keda');
  assert.equal(
    triggerAuthDetails(ta({}), 'ClusterTriggerAuthentication', 'platform').secretNamespace,
    'platform',
  );
});

test('users: kind defaults to TriggerAuthentication, namespace matters only for it', () => {
  const so = (
    namespace: string,
    name: string,
    refs: Array<{ name: string; kind?: string } | undefined>,
  ): ScaledObject => ({
    metadata: { namespace, name },
    spec: {
      scaleTargetRef: { name },
      triggers: refs.map((r, i) => ({
        type: i ? 'cpu' : 'rabbitmq',
        name: i === 2 ? 'named' : undefined,
        metadata: {},
        authenticationRef: r as never,
      })),
    },
  });
  const sos = [
    so('orders', 'a', [{ name: 'auth' }]),
    so('orders', 'b', [{ name: 'auth', kind: 'ClusterTriggerAuthentication' }]),
    so('shop', 'c', [{ name: 'auth' }]),
    so('orders', 'd', [undefined, { name: 'other' }, { name: 'auth', kind: 'TriggerAuthentication' }]),
  ];
  const sjs: ScaledJob[] = [
    {
      metadata: { namespace: 'shop', name: 'j' },
      spec: {
        jobTargetRef: {},
        triggers: [
          {
            type: 'redis',
            metadata: {},
            authenticationRef: { name: 'auth', kind: 'ClusterTriggerAuthentication' },
          },
        ],
      },
    },
  ];
  const show = (u: ReturnType<typeof triggerAuthUsers>) =>
    u.map((x) => `${x.kind} ${x.namespace}/${x.name} ${x.triggers.join(',')}`);
  assert.deepEqual(
    show(triggerAuthUsers({ kind: 'TriggerAuthentication', namespace: 'orders', name: 'auth' }, sos, sjs)),
    ['ScaledObject orders/a #0 rabbitmq', 'ScaledObject orders/d #2 named (cpu)'],
  );
  assert.deepEqual(
    show(
      triggerAuthUsers(
        { kind: 'ClusterTriggerAuthentication', namespace: undefined, name: 'auth' },
        sos,
        sjs,
      ),
    ),
    ['ScaledJob shop/j #0 redis', 'ScaledObject orders/b #0 rabbitmq'],
  );
});

test('secret references: found, missing Secret, missing key, unknown', () => {
  const refs = [
    { name: 'mq', key: 'host', usedFor: 'parameter host' },
    { name: 'mq', key: 'pw', usedFor: 'parameter password' },
    { name: 'gone', key: 'x', usedFor: 'parameter x' },
  ];
  assert.deepEqual(
    secretRefStates(refs, [{ name: 'mq', keys: ['host'] }]).map((r) => r.state),
    ['found', 'no-key', 'no-secret'],
  );
  assert.deepEqual(
    secretRefStates(refs, undefined).map((r) => r.state),
    ['unknown', 'unknown', 'unknown'],
  );
});

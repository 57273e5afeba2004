import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  clusterTriggerAuthListColumns,
  triggerAuthFilterKeys,
  triggerAuthListColumns,
  triggerAuthListRow,
  triggerAuthSelection,
} from './trigger-auth-table.js';
import type { TriggerAuthentication } from './types.js';

const now = Date.parse('2026-11-30T12:00:00Z');

const full: TriggerAuthentication = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'TriggerAuthentication',
  metadata: {
    name: 'rabbitmq-auth',
    namespace: 'orders',
    uid: 'uid-1',
    resourceVersion: '42',
    creationTimestamp: '2026-11-27T12:00:00Z',
  },
  spec: {
    podIdentity: { provider: 'azure-workload' },
    secretTargetRef: [
      { parameter: 'host', name: 'rabbitmq-secret', key: 'host' },
      { parameter: 'password', name: 'rabbitmq-secret', key: 'password' },
      { parameter: 'tls', name: 'rabbitmq-tls', key: 'ca' },
    ],
    env: [{ parameter: 'user', name: 'RABBIT_USER' }],
    filePath: '/var/run/keda/creds',
    hashiCorpVault: { address: 'https://vault.example:8200' },
  },
  status: { scaledobjects: 'consumer, worker', scaledjobs: 'batch' },
};

const bare: TriggerAuthentication = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ClusterTriggerAuthentication',
  metadata: {},
  spec: undefined as unknown as TriggerAuthentication['spec'],
};

test('namespaced columns lead with NAME and NAMESPACE; cluster-scoped ones have FILEPATH and no NAMESPACE', () => {
  assert.deepEqual(
    triggerAuthListColumns.map((c) => c.title),
    [
      'NAME',
      'NAMESPACE',
      'PODIDENTITY',
      'SECRET',
      'ENV',
      'VAULTADDRESS',
      'SCALEDOBJECTS',
      'SCALEDJOBS',
      'AGE',
    ],
  );
  assert.deepEqual(
    clusterTriggerAuthListColumns.map((c) => c.id),
    [
      'name',
      'podIdentity',
      'secret',
      'env',
      'filePath',
      'vaultAddress',
      'scaledObjects',
      'scaledJobs',
      'age',
    ],
  );
  for (const c of [...triggerAuthListColumns, ...clusterTriggerAuthListColumns]) {
    assert.match(c.width, /^minmax\(\d+px, [\d.]+fr\)$/, c.id);
  }
});

test('filter key aliases map to one key each', () => {
  assert.equal(triggerAuthFilterKeys.get('namespace'), 'ns');
  assert.equal(triggerAuthFilterKeys.get('podidentity'), 'identity');
  assert.equal(triggerAuthFilterKeys.get('scaledobject'), 'so');
  assert.equal(triggerAuthFilterKeys.get('scaledjob'), 'sj');
  assert.equal(triggerAuthFilterKeys.get('cluster'), undefined);
});

test('a full TriggerAuthentication row: every Secret once, never a value; the age from creation', () => {
  const row = triggerAuthListRow(full, now);
  assert.deepEqual(
    { ...row, object: undefined },
    {
      key: 'uid-1',
      name: 'rabbitmq-auth',
      namespace: 'orders',
      resourceVersion: '42',
      podIdentity: 'azure-workload',
      secret: 'rabbitmq-secret, rabbitmq-tls',
      env: 'RABBIT_USER',
      filePath: '/var/run/keda/creds',
      vaultAddress: 'https://vault.example:8200',
      scaledObjects: 'consumer, worker',
      scaledJobs: 'batch',
      age: '3d',
      created: Date.parse('2026-11-27T12:00:00Z'),
      object: undefined,
    },
  );
  assert.equal(row.object, full);
  assert.ok(!JSON.stringify({ ...row, object: undefined }).includes('password'));
});

test('an object with no spec, status, name or creation time gives empty cells, not errors', () => {
  const row = triggerAuthListRow(bare, now);
  assert.equal(row.key, '/');
  assert.equal(row.name, '');
  assert.equal(row.namespace, '');
  for (const cell of [
    'podIdentity',
    'secret',
    'env',
    'filePath',
    'vaultAddress',
    'scaledObjects',
    'scaledJobs',
  ] as const) {
    assert.equal(row[cell], undefined, cell);
  }
  assert.equal(row.age, '<unknown>');
  assert.equal(row.created, 0);
});

test('without a uid the key is namespace/name; an unparsable creation time sorts as 0', () => {
  const row = triggerAuthListRow(
    {
      ...full,
      metadata: { name: 'a', namespace: 'b', creationTimestamp: 'yesterday' },
      spec: { podIdentity: { provider: '' }, secretTargetRef: [], env: [], filePath: '' },
      status: { scaledobjects: ' , ' },
    },
    now,
  );
  assert.equal(row.key, 'b/a');
  assert.equal(row.age, '<invalid>');
  assert.equal(row.created, 0);
  assert.equal(row.podIdentity, undefined);
  assert.equal(row.secret, undefined);
  assert.equal(row.env, undefined);
  assert.equal(row.filePath, undefined);
  assert.equal(row.scaledObjects, undefined);
});

test('filter values per key; a missing pod identity filters as none; unknown keys match nothing', () => {
  const row = triggerAuthListRow(full, now);
  const values = (key: string) => triggerAuthSelection.filterValues(row, key);
  assert.deepEqual(values('name'), ['rabbitmq-auth']);
  assert.deepEqual(values('ns'), ['orders']);
  assert.deepEqual(values('secret'), ['rabbitmq-secret', 'rabbitmq-secret', 'rabbitmq-tls']);
  assert.deepEqual(values('env'), ['RABBIT_USER']);
  assert.deepEqual(values('identity'), ['azure-workload']);
  assert.deepEqual(values('so'), ['consumer', 'worker']);
  assert.deepEqual(values('sj'), ['batch']);
  assert.deepEqual(values('cluster'), []);

  const empty = triggerAuthListRow(bare, now);
  const none = (key: string) => triggerAuthSelection.filterValues(empty, key);
  assert.deepEqual(none('identity'), ['none']);
  assert.deepEqual(none('secret'), []);
  assert.deepEqual(none('env'), []);
  assert.deepEqual(none('so'), []);
  assert.deepEqual(none('sj'), []);
});

test('search text is name, namespace, Secret names, Vault address and the users; sort by age is newest first', () => {
  assert.deepEqual(triggerAuthSelection.searchText(full), [
    'rabbitmq-auth',
    'orders',
    'rabbitmq-secret',
    'rabbitmq-secret',
    'rabbitmq-tls',
    'https://vault.example:8200',
    'consumer, worker',
    'batch',
  ]);
  assert.deepEqual(triggerAuthSelection.searchText(bare), ['', '', '', '', '']);

  const older = triggerAuthListRow(full, now);
  const newer = triggerAuthListRow(
    { ...full, metadata: { ...full.metadata, creationTimestamp: '2026-11-30T11:00:00Z' } },
    now,
  );
  const age = (r: typeof older) => triggerAuthSelection.sortValue(r, 'age') as number;
  assert.ok(age(newer) < age(older), 'a smaller sort value for the newer object');
  assert.equal(triggerAuthSelection.sortValue(older, 'secret'), 'rabbitmq-secret, rabbitmq-tls');
});

test('a password in the Vault address is masked in the row and its search text', () => {
  const withPassword: TriggerAuthentication = {
    ...full,
    spec: { hashiCorpVault: { address: 'https://keda:hunter2@vault.example:8200' } },
  };
  assert.equal(triggerAuthListRow(withPassword, now).vaultAddress, 'https://keda:****@vault.example:8200');
  const search = triggerAuthSelection.searchText(withPassword);
  assert.ok(search.includes('https://keda:****@vault.example:8200'), 'the address is searchable as shown');
  assert.ok(!search.join('\n').includes('hunter2'), 'the password is not');
});

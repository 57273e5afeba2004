import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeKubeClient } from '../../test/fake-kube-client.js';
import { listSecretKeys } from './secret-keys.js';

test('Secrets are reduced to names and key names; values never leave the function', async () => {
  const client = new FakeKubeClient();
  client.byKind = true;
  client.objects = [
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'rabbit', namespace: 'shop' },
      type: 'Opaque',
      data: { url: 'YW1xcDovL3U6cEBy', user: 'dQ==' },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'a-token', namespace: 'shop' },
      type: 'kubernetes.io/service-account-token',
      data: { token: 'eA==' },
    },
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'other', namespace: 'prod' }, data: { k: 'eA==' } },
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' } },
  ] as never;
  const keys = await listSecretKeys(client, 'shop');
  assert.deepEqual(keys, [{ name: 'rabbit', type: 'Opaque', keys: ['url', 'user'] }]);
  assert.ok(!JSON.stringify(keys).includes('YW1x'));
  assert.deepEqual(client.calls, ['list secrets shop']);
});

import { expect } from '@open-wc/testing';
import type { TriggerAuthentication } from '../../core/keda/types.js';
import { FakeKubeClient } from '../../../test/fake-kube-client.js';
import { mountList, until } from '../../../test/mount.js';

function auth(
  name: string,
  namespace: string | undefined,
  spec: TriggerAuthentication['spec'],
  usedBy = 'orders-processor,orders-audit',
): TriggerAuthentication {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: namespace ? 'TriggerAuthentication' : 'ClusterTriggerAuthentication',
    metadata: {
      name,
      namespace,
      uid: `uid-${name}`,
      resourceVersion: '1',
      creationTimestamp: new Date().toISOString(),
    },
    spec,
    status: { scaledobjects: usedBy, scaledjobs: '' },
  };
}

describe('keda-trigger-auth-list', () => {
  it('shows every Secret and env name it uses, never a value, and who uses it', async () => {
    const client = new FakeKubeClient();
    client.objects = [
      auth('orders-rabbitmq', 'orders', {
        secretTargetRef: [
          { parameter: 'host', name: 'rabbitmq-secret', key: 'host' },
          { parameter: 'password', name: 'rabbitmq-admin', key: 'password' },
        ],
        env: [{ parameter: 'vhost', name: 'RABBIT_VHOST' }],
      }),
      auth(
        'sqs',
        'payments',
        { podIdentity: { provider: 'aws', roleArn: 'arn:aws:iam::1:role/x' } },
        'payments-worker',
      ),
    ];
    const { harness, list } = await mountList(client, 'keda-trigger-auth-list');
    await until(() => harness.rows().length === 2, 'rows');
    expect(harness.headers()).to.deep.equal([
      'NAME',
      'NAMESPACE',
      'PODIDENTITY',
      'SECRET',
      'ENV',
      'VAULTADDRESS',
      'SCALEDOBJECTS',
      'SCALEDJOBS',
      'AGE',
    ]);
    expect(harness.row('orders-rabbitmq')).to.deep.include({
      PODIDENTITY: '—',
      SECRET: 'rabbitmq-secret, rabbitmq-admin',
      ENV: 'RABBIT_VHOST',
      SCALEDOBJECTS: 'orders-processor, orders-audit',
      SCALEDJOBS: '—',
    });
    expect(harness.row('sqs')?.PODIDENTITY).to.equal('aws');
    await harness.typeFilter('secret:rabbitmq-admin');
    expect(harness.names()).to.deep.equal(['orders-rabbitmq']);
    await harness.typeFilter('so:orders-audit');
    expect(harness.names()).to.deep.equal(['orders-rabbitmq']);
    expect(list.shadowRoot!.textContent).not.to.contain('arn:aws');
  });
});

describe('keda-cluster-trigger-auth-list', () => {
  it('lists cluster-scoped authentications without a namespace column or menu', async () => {
    const client = new FakeKubeClient();
    client.objects = [
      auth('shared-vault', undefined, {
        hashiCorpVault: { address: 'https://vault:8200' },
        filePath: '/mnt/creds',
      }),
    ];
    const { harness, list } = await mountList(client, 'keda-cluster-trigger-auth-list');
    await until(() => harness.rows().length === 1, 'row');
    expect(harness.headers()).to.deep.equal([
      'NAME',
      'PODIDENTITY',
      'SECRET',
      'ENV',
      'FILEPATH',
      'VAULTADDRESS',
      'SCALEDOBJECTS',
      'SCALEDJOBS',
      'AGE',
    ]);
    expect(harness.row('shared-vault')).to.deep.include({
      FILEPATH: '/mnt/creds',
      VAULTADDRESS: 'https://vault:8200',
    });
    expect(list.shadowRoot!.querySelector('.ns-button')).to.equal(null);
    expect(client.calls[0]).to.equal('list clustertriggerauthentications *');
  });

  it('deletes cluster-scoped authentications in bulk, only after confirming, and nothing else', async () => {
    const client = new FakeKubeClient();
    client.objects = [auth('shared-vault', undefined, {}), auth('aws', undefined, {})];
    const { harness } = await mountList(client, 'keda-cluster-trigger-auth-list');
    await until(() => harness.rows().length === 2, 'rows');
    await harness.check('shared-vault');
    expect(harness.bulkActions()).to.deep.equal(['Delete…']);
    await harness.bulk('Delete…');
    await until(() => harness.confirmation() !== undefined, 'dialog');
    expect(harness.confirmation()).to.deep.equal({
      title: 'Delete 1 ClusterTriggerAuthentication?',
      names: ['shared-vault'],
    });
    await harness.answerConfirmation(true);
    await until(() => harness.names().length === 1, 'deleted');
    expect(client.writes).to.deep.equal([
      { verb: 'delete', plural: 'clustertriggerauthentications', namespace: undefined, name: 'shared-vault' },
    ]);
  });
});

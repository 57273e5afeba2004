import { expect } from '@open-wc/testing';
import type { TriggerAuthentication } from '../../core/keda/types.js';
import { KubeApiError } from '../../data/kube-client.js';
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

const VAULT = 'https://keda-reader:hunter2@vault.secrets.svc.cluster.local:8200';
const MASKED_VAULT = 'https://keda-reader:****@vault.secrets.svc.cluster.local:8200';

/** The loading, empty and forbidden states of the list `tag` of `plural`. */
function listStates(tag: string, plural: string, resource: string) {
  it('shows a loading state until the first list arrives', async () => {
    const client = new FakeKubeClient();
    client.holdLists = true;
    client.objects = [auth('a', tag === 'keda-trigger-auth-list' ? 'default' : undefined, {})];
    const { harness } = await mountList(client, tag);
    expect(harness.isLoading()).to.equal(true);
    expect(harness.statusText()).to.equal(`Loading ${plural}…`);
    client.releaseLists();
    await until(() => harness.rows().length === 1, 'row after load');
    expect(harness.isLoading()).to.equal(false);
  });

  it(`shows an empty state when the cluster has no ${plural}`, async () => {
    const { harness } = await mountList(new FakeKubeClient(), tag);
    await until(() => harness.message() !== undefined, 'empty message');
    expect(harness.message()?.title).to.equal(`No ${plural}`);
    expect(harness.message()?.text).to.contain("tells KEDA where a trigger's credentials come from");
  });

  it('shows the API Status message verbatim and what to do when the list is forbidden', async () => {
    const client = new FakeKubeClient();
    const message = `${resource} is forbidden: User "viewer" cannot list resource "${resource.split('.')[0]}" in API group "keda.sh" at the cluster scope`;
    client.listError = new KubeApiError(403, message);
    const { harness } = await mountList(client, tag);
    await until(() => harness.message()?.title === `Cannot list ${plural}`, 'error message');
    expect(harness.message()?.text).to.contain(message);
    expect(harness.message()?.text).to.contain(`Ask for "list" and "watch" on ${resource}`);
  });
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

  listStates('keda-trigger-auth-list', 'TriggerAuthentications', 'triggerauthentications.keda.sh');

  it('masks the password in a Vault address in the cell, its tooltip and the search', async () => {
    const client = new FakeKubeClient();
    client.objects = [
      auth('vault', 'orders', { hashiCorpVault: { address: VAULT } }),
      auth('plain', 'orders', {}),
    ];
    const { harness, list } = await mountList(client, 'keda-trigger-auth-list');
    await until(() => harness.rows().length === 2, 'rows');
    expect(harness.row('vault')?.VAULTADDRESS).to.equal(MASKED_VAULT);
    expect(harness.cellTitle('vault', 'VAULTADDRESS')).to.equal(
      MASKED_VAULT,
      'clipped: the tooltip is the text',
    );
    expect(list.shadowRoot!.innerHTML).not.to.contain('hunter2');
    await harness.typeFilter('vault.secrets');
    expect(harness.names()).to.deep.equal(['vault']);
    await harness.typeFilter('hunter2');
    expect(harness.names()).to.deep.equal([]);
  });

  it('sorts on SECRET both ways, rows without a Secret last', async () => {
    const client = new FakeKubeClient();
    const secret = (name: string) => ({ secretTargetRef: [{ parameter: 'p', name, key: 'k' }] });
    client.objects = [
      auth('b', 'orders', secret('kafka-sasl')),
      auth('none', 'orders', {}),
      auth('c', 'orders', secret('rabbitmq-secret')),
      auth('a', 'payments', secret('aws-keys')),
    ];
    const { harness } = await mountList(client, 'keda-trigger-auth-list');
    await until(() => harness.rows().length === 4, 'rows');
    await harness.sortBy('SECRET');
    expect(harness.ariaSort('SECRET')).to.equal('ascending');
    expect(harness.names()).to.deep.equal(['a', 'b', 'c', 'none']);
    await harness.sortBy('SECRET');
    expect(harness.ariaSort('SECRET')).to.equal('descending');
    expect(harness.names()).to.deep.equal(['c', 'b', 'a', 'none']);
  });

  it('deletes TriggerAuthentications in bulk, only after confirming, each in its namespace', async () => {
    const client = new FakeKubeClient();
    client.objects = [
      auth('rabbit', 'orders', {}),
      auth('kafka', 'payments', {}),
      auth('keep', 'payments', {}),
    ];
    const { harness } = await mountList(client, 'keda-trigger-auth-list');
    await until(() => harness.rows().length === 3, 'rows');
    await harness.check('rabbit');
    await harness.check('kafka');
    expect(harness.bulkActions()).to.deep.equal(['Delete…']);
    await harness.bulk('Delete…');
    await until(() => harness.confirmation() !== undefined, 'dialog');
    expect(harness.confirmation()).to.deep.equal({
      title: 'Delete 2 TriggerAuthentications?',
      names: ['orders/rabbit', 'payments/kafka'],
    });
    await harness.answerConfirmation(false);
    expect(client.writes).to.deep.equal([], 'nothing deleted on Cancel');
    await harness.bulk('Delete…');
    await until(() => harness.confirmation() !== undefined, 'dialog again');
    await harness.answerConfirmation(true);
    await until(() => harness.names().length === 1, 'deleted');
    expect(harness.names()).to.deep.equal(['keep']);
    expect(client.writes).to.deep.equal([
      { verb: 'delete', plural: 'triggerauthentications', namespace: 'orders', name: 'rabbit' },
      { verb: 'delete', plural: 'triggerauthentications', namespace: 'payments', name: 'kafka' },
    ]);
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

  listStates(
    'keda-cluster-trigger-auth-list',
    'ClusterTriggerAuthentications',
    'clustertriggerauthentications.keda.sh',
  );

  it('masks the password in a Vault address in the cell, its tooltip and the search', async () => {
    const client = new FakeKubeClient();
    client.objects = [auth('shared-vault', undefined, { hashiCorpVault: { address: VAULT } })];
    const { harness, list } = await mountList(client, 'keda-cluster-trigger-auth-list');
    await until(() => harness.rows().length === 1, 'row');
    expect(harness.row('shared-vault')?.VAULTADDRESS).to.equal(MASKED_VAULT);
    expect(harness.cellTitle('shared-vault', 'VAULTADDRESS')).to.equal(MASKED_VAULT);
    expect(list.shadowRoot!.innerHTML).not.to.contain('hunter2');
    await harness.typeFilter('hunter2');
    expect(harness.names()).to.deep.equal([]);
  });

  it('is not filtered by namespaces a host carries over, and says ns: does not apply', async () => {
    const client = new FakeKubeClient();
    client.objects = [auth('shared-vault', undefined, {}), auth('aws', undefined, {})];
    const { harness, list } = await mountList(client, 'keda-cluster-trigger-auth-list');
    (list as unknown as { namespaces: string[] }).namespaces = ['prod'];
    await harness.settle();
    await until(() => harness.rows().length === 2, 'rows');
    expect(harness.countText()).to.equal('Showing all 2');
    await harness.typeFilter('ns:prod');
    expect(harness.names()).to.deep.equal(['aws', 'shared-vault']);
    expect(harness.filterErrors()).to.deep.equal([
      '"ns:" does not apply here: ClusterTriggerAuthentications are cluster-scoped',
    ]);
    await harness.typeFilter('colour:red');
    expect(harness.filterErrors()[0]).to.equal(
      'Unknown filter "colour:" (use name, secret, env, identity, so, sj)',
    );
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

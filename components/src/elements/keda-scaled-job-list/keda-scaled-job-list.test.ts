import { expect } from '@open-wc/testing';
import type { ScaledJob } from '../../core/keda/types.js';
import { FakeKubeClient } from '../../../test/fake-kube-client.js';
import { mountList, until } from '../../../test/mount.js';

function scaledJob(name: string, namespace: string, conditions: ScaledJob['status'] = {}): ScaledJob {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledJob',
    metadata: {
      name,
      namespace,
      uid: `uid-${namespace}-${name}`,
      resourceVersion: '1',
      creationTimestamp: new Date(Date.now() - 2 * 86400_000).toISOString(),
    },
    spec: {
      jobTargetRef: { template: { spec: { containers: [{ name: 'worker', image: 'busybox' }] } } },
      maxReplicaCount: 10,
      triggers: [
        { type: 'rabbitmq', metadata: { queueName: name }, authenticationRef: { name: 'rabbit-auth' } },
      ],
    },
    status: {
      triggersTypes: 'rabbitmq',
      authenticationsTypes: 'rabbit-auth',
      conditions: [
        { type: 'Ready', status: 'True', reason: 'ScaledJobReady' },
        { type: 'Active', status: 'False', reason: 'ScalerNotActive' },
        { type: 'Paused', status: 'False' },
      ],
      ...conditions,
    },
  };
}

describe('keda-scaled-job-list', () => {
  it('shows kubectl get scaledjobs columns plus state and last activity, live', async () => {
    const client = new FakeKubeClient();
    client.objects = [scaledJob('drain-orders', 'batch'), scaledJob('thumbnails', 'media')];
    const { harness } = await mountList(client, 'keda-scaled-job-list');
    await until(() => harness.rows().length === 2, 'rows');
    expect(harness.headers()).to.deep.equal([
      'NAME',
      'NAMESPACE',
      'STATE',
      'MIN',
      'MAX',
      'READY',
      'ACTIVE',
      'PAUSED',
      'TRIGGERS',
      'AUTHENTICATIONS',
      'LAST ACTIVE',
      'AGE',
    ]);
    expect(harness.row('drain-orders')).to.deep.include({
      STATE: 'Ready',
      MIN: '—',
      MAX: '10',
      READY: 'True',
      TRIGGERS: 'rabbitmq',
      AUTHENTICATIONS: 'rabbit-auth',
      AGE: '2d',
    });
    const active = scaledJob('drain-orders', 'batch');
    active.status!.conditions![1] = { type: 'Active', status: 'True', reason: 'ScalerActive' };
    client.emit('MODIFIED', active);
    await until(() => harness.row('drain-orders')?.STATE === 'Active', 'active');
    await harness.typeFilter('active:true');
    expect(harness.names()).to.deep.equal(['drain-orders']);
    expect(client.calls[0]).to.equal('list scaledjobs *');
  });

  it('offers pause, resume and delete (KEDA has no force activation for ScaledJobs) and pauses in bulk', async () => {
    const client = new FakeKubeClient();
    client.objects = [scaledJob('import', 'batch'), scaledJob('export', 'batch')];
    const { harness } = await mountList(client, 'keda-scaled-job-list');
    await until(() => harness.rows().length === 2, 'rows');
    await harness.toggleAll();
    expect(harness.bulkBar()).to.equal('2 ScaledJobs selected');
    expect(harness.bulkActions()).to.deep.equal(['Pause', 'Resume', 'Delete…']);
    await harness.bulk('Pause');
    await until(() => harness.bulkResult() !== undefined, 'result');
    expect(client.writes.map((w) => [w.verb, w.plural, w.name, w.body])).to.deep.equal([
      [
        'patch',
        'scaledjobs',
        'export',
        { metadata: { annotations: { 'autoscaling.keda.sh/paused': 'true' } } },
      ],
      [
        'patch',
        'scaledjobs',
        'import',
        { metadata: { annotations: { 'autoscaling.keda.sh/paused': 'true' } } },
      ],
    ]);
    expect(harness.bulkResult()?.summary).to.match(/^Paused 2 ScaledJobs\./);
  });
});

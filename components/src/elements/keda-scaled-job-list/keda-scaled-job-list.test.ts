import { expect } from '@open-wc/testing';
import type { ScaledJob } from '../../core/keda/types.js';
import type { JobLike } from '../../core/keda/scaled-job-details-jobs.js';
import { KubeApiError } from '../../data/kube-client.js';
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

/** A Job KEDA created for the ScaledJob `owner`: running, waiting for its pod, or finished. */
function job(
  name: string,
  namespace: string,
  owner: string,
  phase: 'running' | 'pending' | 'complete' | 'failed',
): JobLike {
  const finished = { complete: 'Complete', failed: 'Failed' } as const;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace,
      uid: `uid-job-${namespace}-${name}`,
      resourceVersion: '1',
      labels: { 'scaledjob.keda.sh/name': owner },
    },
    status: {
      active: phase === 'running' ? 1 : 0,
      conditions:
        phase === 'complete' || phase === 'failed' ? [{ type: finished[phase], status: 'True' }] : [],
    },
  };
}

describe('keda-scaled-job-list', () => {
  it('shows kubectl get scaledjobs columns plus state, running Jobs and last activity, live', async () => {
    const client = new FakeKubeClient();
    client.objects = [scaledJob('drain-orders', 'batch'), scaledJob('thumbnails', 'media')];
    const { harness } = await mountList(client, 'keda-scaled-job-list');
    await until(() => harness.rows().length === 2, 'rows');
    expect(harness.headers()).to.deep.equal([
      'NAME',
      'NAMESPACE',
      'STATE',
      'RUNNING',
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
      RUNNING: '0',
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

  it("counts each ScaledJob's unfinished Jobs live, sorts on them, and says while the Jobs load or cannot be read", async () => {
    const client = new FakeKubeClient();
    client.byKind = true;
    client.holdLists = ['jobs'];
    client.objects = [
      scaledJob('export', 'batch'),
      scaledJob('import', 'batch'),
      scaledJob('idle', 'media'),
      job('export-a', 'batch', 'export', 'running'),
      job('export-b', 'batch', 'export', 'pending'),
      job('export-c', 'batch', 'export', 'complete'),
      job('export-d', 'batch', 'export', 'failed'),
      job('import-a', 'batch', 'import', 'running'),
      // An export Job in another namespace: not one of batch/export's.
      job('export-a', 'media', 'export', 'running'),
    ];
    const { harness } = await mountList(client, 'keda-scaled-job-list');
    await until(() => harness.rows().length === 3, 'rows');
    expect(harness.row('export')?.RUNNING).to.equal('…');
    expect(harness.cellTitle('export', 'RUNNING')).to.equal('Reading the Jobs…');

    client.releaseLists();
    await until(() => harness.row('export')?.RUNNING === '2', "export's running Jobs counted");
    expect(harness.cellTitle('export', 'RUNNING')).to.equal(
      'Jobs: 2 running (1 pending), 1 complete, 1 failed',
    );
    expect(harness.row('import')?.RUNNING).to.equal('1');
    expect(harness.row('idle')?.RUNNING).to.equal('0');
    expect(harness.cellTitle('idle', 'RUNNING')).to.equal(
      'No Jobs labelled scaledjob.keda.sh/name=idle in media',
    );

    await harness.sortBy('RUNNING');
    expect(harness.names()).to.deep.equal(['idle', 'import', 'export']);
    client.emit('ADDED', job('import-b', 'batch', 'import', 'running'));
    client.emit('ADDED', job('import-c', 'batch', 'import', 'pending'));
    await until(() => harness.row('import')?.RUNNING === '3', 'a new Job');
    expect(harness.names()).to.deep.equal(['idle', 'export', 'import'], 'sorted again');
    client.emit('MODIFIED', job('export-a', 'batch', 'export', 'complete'));
    await until(() => harness.row('export')?.RUNNING === '1', 'a Job finished');
    expect(harness.cellTitle('export', 'RUNNING')).to.equal(
      'Jobs: 1 running (1 pending), 2 complete, 1 failed',
    );

    const message = 'jobs.batch is forbidden: User "viewer" cannot list resource "jobs" in API group "batch"';
    const forbidden = new FakeKubeClient();
    forbidden.byKind = true;
    forbidden.objects = [scaledJob('export', 'batch')];
    forbidden.listErrors = { jobs: new KubeApiError(403, message) };
    const other = await mountList(forbidden, 'keda-scaled-job-list');
    await until(() => other.harness.row('export')?.RUNNING === '?', 'unreadable Jobs');
    expect(other.harness.cellTitle('export', 'RUNNING')).to.equal(`The Jobs could not be read: ${message}`);
    expect(other.harness.statusText()).to.match(/^Live · 1 ScaledJob/);
  });

  it('shows a loading state until the first list arrives', async () => {
    const client = new FakeKubeClient();
    client.holdLists = true;
    client.objects = [scaledJob('import', 'batch')];
    const { harness } = await mountList(client, 'keda-scaled-job-list');
    expect(harness.isLoading()).to.equal(true);
    expect(harness.statusText()).to.equal('Loading ScaledJobs…');
    client.releaseLists();
    await until(() => harness.rows().length === 1, 'row after load');
    expect(harness.isLoading()).to.equal(false);
  });

  it('shows an empty state when the cluster has no ScaledJob', async () => {
    const { harness } = await mountList(new FakeKubeClient(), 'keda-scaled-job-list');
    await until(() => harness.message() !== undefined, 'empty message');
    expect(harness.message()?.title).to.equal('No ScaledJobs');
    expect(harness.message()?.text).to.contain('kubectl apply -f scaledjob.yaml');
  });

  it('shows the API Status message verbatim and what to do when the list is forbidden', async () => {
    const client = new FakeKubeClient();
    const message =
      'scaledjobs.keda.sh is forbidden: User "viewer" cannot list resource "scaledjobs" in API group "keda.sh" at the cluster scope';
    client.listError = new KubeApiError(403, message);
    const { harness } = await mountList(client, 'keda-scaled-job-list');
    await until(() => harness.message()?.title === 'Cannot list ScaledJobs', 'error message');
    expect(harness.message()?.text).to.contain(message);
    expect(harness.message()?.text).to.contain('Ask for "list" and "watch" on scaledjobs.keda.sh');
  });

  it('sorts on MAX both ways, by number', async () => {
    const client = new FakeKubeClient();
    const withMax = (name: string, max: number) => {
      const sj = scaledJob(name, 'batch');
      sj.spec.maxReplicaCount = max;
      return sj;
    };
    client.objects = [withMax('ten', 10), withMax('two', 2), withMax('hundred', 100)];
    const { harness } = await mountList(client, 'keda-scaled-job-list');
    await until(() => harness.rows().length === 3, 'rows');
    await harness.sortBy('MAX');
    expect(harness.names()).to.deep.equal(['two', 'ten', 'hundred']);
    await harness.sortBy('MAX');
    expect(harness.ariaSort('MAX')).to.equal('descending');
    expect(harness.names()).to.deep.equal(['hundred', 'ten', 'two']);
  });

  it("masks credentials in the state's condition message", async () => {
    const client = new FakeKubeClient();
    client.objects = [
      scaledJob('import', 'batch', {
        conditions: [
          {
            type: 'Ready',
            status: 'False',
            reason: 'ScaledJobCheckFailed',
            message: 'error connecting to amqp://importer:hunter2@rabbitmq.batch:5672/',
          },
        ],
      }),
    ];
    const { harness, list } = await mountList(client, 'keda-scaled-job-list');
    await until(() => harness.rows().length === 1, 'row');
    expect(harness.row('import')?.STATE).to.equal('Error');
    expect(harness.cellTitle('import', 'STATE')).to.equal(
      'Ready=False (ScaledJobCheckFailed): error connecting to amqp://importer:****@rabbitmq.batch:5672/',
    );
    expect(list.shadowRoot!.innerHTML).not.to.contain('hunter2');
  });
});

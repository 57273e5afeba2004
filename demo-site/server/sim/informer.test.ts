/** @kubernetes/client-node 1.4.0 informers over HTTPS: add/update/delete and recovery from faults. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { ScaledObjectResource } from '../../../components/src/core/kube/resource.ts';
import type { KubeObject } from '../../../components/src/core/kube/types.ts';
import { startCluster, waitFor, type Running } from './test-helpers.ts';

let sim: Running;
const requests: string[] = [];

before(async () => {
  sim = await startCluster({ log: (line) => requests.push(line) });
});

after(async () => {
  await sim.cluster.close();
});

function newScaledObject(name: string): KubeObject & { spec: unknown } {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name, namespace: 'default' },
    // A workload of its own and a non-resource trigger, so that KEDA's admission webhook allows it.
    spec: {
      scaleTargetRef: { name: `${name}-workload` },
      triggers: [
        {
          type: 'cron',
          metadata: { timezone: 'UTC', start: '0 8 * * *', end: '0 18 * * *', desiredReplicas: '1' },
        },
      ],
    },
  };
}

/** Number of plain (non-watch) list requests for scaledobjects seen so far. */
function listRequests(): number {
  return requests.filter((l) =>
    /^GET \/apis\/keda\.sh\/v1alpha1\/scaledobjects(\?(?!.*watch=)[^ ]*)? 200/.test(l),
  ).length;
}

test('makeInformer sees adds, updates and deletes, and recovers from dropped watches and 410', async () => {
  const kc = new k8s.KubeConfig();
  kc.loadFromString(sim.cluster.kubeconfig(sim.url));
  const co = kc.makeApiClient(k8s.CustomObjectsApi);
  const informer = k8s.makeInformer<k8s.KubernetesObject>(kc, '/apis/keda.sh/v1alpha1/scaledobjects', () =>
    co.listClusterCustomObject({ group: 'keda.sh', version: 'v1alpha1', plural: 'scaledobjects' }),
  );
  const added: string[] = [];
  const updated: string[] = [];
  const deleted: string[] = [];
  const errors: unknown[] = [];
  let connects = 0;
  let stopping = false;
  informer.on('add', (o) => added.push(o.metadata?.name ?? ''));
  informer.on('update', (o) => updated.push(o.metadata?.name ?? ''));
  informer.on('delete', (o) => deleted.push(o.metadata?.name ?? ''));
  informer.on('connect', () => connects++);
  informer.on('error', (e) => {
    if (!stopping) errors.push(e);
  });

  await informer.start();
  try {
    await waitFor(() => added.length >= 7, 5000, 'initial adds');
    assert.ok(added.includes('rabbitmq-consumer'));
    assert.equal(informer.list().length, 7);
    await waitFor(() => sim.cluster.openWatches === 1, 3000, 'watch open');

    // add / update / delete through the API
    const client = sim.cluster.client;
    await client.create(ScaledObjectResource, newScaledObject('informed'));
    await waitFor(() => added.includes('informed'), 3000, 'add event');
    await client.patch(ScaledObjectResource, { namespace: 'default', name: 'informed' }, 'merge', {
      spec: { maxReplicaCount: 4 },
    });
    await waitFor(() => updated.includes('informed'), 3000, 'update event');
    await client.delete(ScaledObjectResource, { namespace: 'default', name: 'informed' });
    await waitFor(() => deleted.includes('informed'), 3000, 'delete event');
    assert.equal(informer.get('informed', 'default'), undefined);

    // A finalizer-carrying object: the simulated KEDA operator completes the delete.
    await client.delete(ScaledObjectResource, { namespace: 'orders', name: 'report-generator' });
    await waitFor(() => deleted.includes('report-generator'), 3000, 'finalized delete event');

    // Dropped watch: the informer re-watches from its last RV (no relist) and keeps receiving.
    const listsBefore = listRequests();
    const connectsBefore = connects;
    sim.cluster.dropWatches();
    await waitFor(() => connects > connectsBefore && sim.cluster.openWatches === 1, 3000, 're-watch');
    await client.create(ScaledObjectResource, newScaledObject('after-drop'));
    await waitFor(() => added.includes('after-drop'), 3000, 'add after drop');
    assert.equal(listRequests(), listsBefore, 'a dropped watch resumes without a relist');

    // Expired history while disconnected: the re-watch gets ERROR 410, the informer relists.
    sim.cluster.dropWatches();
    await client.patch(ScaledObjectResource, { namespace: 'default', name: 'after-drop' }, 'merge', {
      spec: { maxReplicaCount: 6 },
    });
    sim.cluster.expireHistory();
    await waitFor(() => listRequests() > listsBefore, 5000, 'relist after 410');
    // (KEDA's own writes to after-drop — finalizer, label, status — are updates too.)
    await waitFor(
      () =>
        (informer.get('after-drop', 'default') as { spec?: { maxReplicaCount?: number } } | undefined)?.spec
          ?.maxReplicaCount === 6,
      3000,
      'update seen via relist',
    );
    await waitFor(() => sim.cluster.openWatches === 1, 3000, 'watching again');
    await client.create(ScaledObjectResource, newScaledObject('after-410'));
    await waitFor(() => added.includes('after-410'), 3000, 'add after 410');
    assert.deepEqual(errors, []);
  } finally {
    stopping = true;
    await informer.stop();
  }
});

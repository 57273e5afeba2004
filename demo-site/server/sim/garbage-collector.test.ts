/** Garbage collection: ownerReferences with Background, Foreground and Orphan propagation, and dangling owners. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DeploymentResource,
  ScaledObjectResource,
  type ResourceType,
} from '../../../components/src/core/kube/resource.ts';
import type { KubeObject, OwnerReference } from '../../../components/src/core/kube/types.ts';
import { ResourceService } from './api/service.ts';
import { GarbageCollector } from './controllers/garbage-collector.ts';
import { systemClock } from './core/clock.ts';
import { createRandom } from './core/random.ts';
import { ApiError } from './index.ts';
import { builtinResources, deploymentResource, namespaceResource } from './registry/builtin.ts';
import { ResourceRegistry } from './registry/registry.ts';
import { storageKey, type KObject } from './registry/types.ts';
import { ObjectStore } from './store/store.ts';
import { call, httpWatch, startCluster, waitFor, type Running } from './test-helpers.ts';

const NAMESPACES: ResourceType = {
  group: '',
  version: 'v1',
  plural: 'namespaces',
  kind: 'Namespace',
  namespaced: false,
};
const CRDS: ResourceType = {
  group: 'apiextensions.k8s.io',
  version: 'v1',
  plural: 'customresourcedefinitions',
  kind: 'CustomResourceDefinition',
  namespaced: false,
};
const WIDGETS: ResourceType = {
  group: 'example.com',
  version: 'v1',
  plural: 'widgets',
  kind: 'Widget',
  namespaced: true,
};
const HOLD = 'example.com/hold';

let sim: Running;
let seq = 0;

before(async () => {
  // KEDA's webhooks would want every ScaleTarget to exist; garbage collection does not care.
  sim = await startCluster({ scenario: 'empty', seed: 7, admissionWebhooks: false, simulation: false });
});

after(async () => {
  await sim.cluster.close();
});

const client = (): Running['cluster']['client'] => sim.cluster.client;
const auth = (): { token: string; caPem?: string } => ({ token: sim.cluster.adminToken, caPem: sim.caPem });

/** A fresh namespace per test, so that tests do not see each other's objects. */
async function namespace(): Promise<string> {
  const name = `gc-${++seq}`;
  await client().create(NAMESPACES, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  return name;
}

function ref(owner: KubeObject, blockOwnerDeletion?: boolean): OwnerReference {
  return {
    apiVersion: owner.apiVersion ?? '',
    kind: owner.kind ?? '',
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    ...(blockOwnerDeletion === undefined ? {} : { blockOwnerDeletion, controller: true }),
  };
}

/** Metadata without undefined fields (as it would arrive in JSON). */
function defined<T extends object>(metadata: T): T {
  return Object.fromEntries(Object.entries(metadata).filter(([, v]) => v !== undefined)) as T;
}

function deployment(
  name: string,
  ns: string,
  ownerReferences?: OwnerReference[],
  finalizers?: string[],
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: defined({ name, namespace: ns, ownerReferences, finalizers }),
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
      },
    },
  } as KubeObject;
}

function scaledObject(name: string, ns: string, ownerReferences?: OwnerReference[]): KubeObject {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: defined({ name, namespace: ns, ownerReferences }),
    spec: { scaleTargetRef: { name }, triggers: [{ type: 'cpu', metadata: { value: '50' } }] },
  } as KubeObject;
}

async function exists(type: ResourceType, namespace: string, name: string): Promise<boolean> {
  try {
    await client().get(type, { namespace, name });
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.code === 404) return false;
    throw error;
  }
}

async function gone(type: ResourceType, namespace: string, name: string, what = name): Promise<void> {
  await waitFor(async () => !(await exists(type, namespace, name)), 3000, `${what} to be collected`);
}

/** Lets the collector run a few rounds (it works on later macrotasks). */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
};

describe('Background (the default)', () => {
  test('the owner goes at once, its dependents asynchronously, down the whole chain', async () => {
    const ns = await namespace();
    const owner = await client().create(DeploymentResource, deployment('owner', ns));
    const middle = await client().create(DeploymentResource, deployment('middle', ns, [ref(owner)]));
    await client().create(ScaledObjectResource, scaledObject('leaf', ns, [ref(middle)]));
    await client().create(ScaledObjectResource, scaledObject('direct', ns, [ref(owner)]));
    await settle();
    assert.ok(await exists(DeploymentResource, ns, 'middle'), 'live owners keep their dependents');

    await client().delete(DeploymentResource, { namespace: ns, name: 'owner' });
    assert.equal(await exists(DeploymentResource, ns, 'owner'), false, 'no finalizer: gone at once');
    assert.ok(await exists(DeploymentResource, ns, 'middle'), 'dependents go later, not in the request');
    await gone(DeploymentResource, ns, 'middle');
    await gone(ScaledObjectResource, ns, 'direct');
    await gone(ScaledObjectResource, ns, 'leaf', 'the dependent of a dependent');
  });

  test('HTTP DELETE: the body and the propagationPolicy query parameter both say Background', async () => {
    const ns = await namespace();
    const a = await client().create(DeploymentResource, deployment('a', ns));
    const b = await client().create(DeploymentResource, deployment('b', ns));
    await client().create(ScaledObjectResource, scaledObject('of-a', ns, [ref(a)]));
    await client().create(ScaledObjectResource, scaledObject('of-b', ns, [ref(b)]));
    const base = `/apis/apps/v1/namespaces/${ns}/deployments`;
    const byBody = await call(sim.url, `${base}/a`, {
      ...auth(),
      method: 'DELETE',
      body: { propagationPolicy: 'Background' },
    });
    assert.equal(byBody.status, 200);
    const byQuery = await call(sim.url, `${base}/b?propagationPolicy=Background`, {
      ...auth(),
      method: 'DELETE',
    });
    assert.equal(byQuery.status, 200);
    await gone(ScaledObjectResource, ns, 'of-a');
    await gone(ScaledObjectResource, ns, 'of-b');
  });
});

describe('Foreground', () => {
  test('the owner is marked, its dependents go first (blocking ones awaited), then the owner', async () => {
    const ns = await namespace();
    const owner = await client().create(DeploymentResource, deployment('owner', ns));
    const child = await client().create(DeploymentResource, deployment('child', ns, [ref(owner, true)]));
    await client().create(ScaledObjectResource, scaledObject('grandchild', ns, [ref(child, true)]));
    await client().create(ScaledObjectResource, scaledObject('loose', ns, [ref(owner, false)]));
    await settle();
    const watch = await httpWatch(
      sim.url,
      `/apis/apps/v1/namespaces/${ns}/deployments?watch=true&resourceVersion=${sim.cluster.resourceVersion}`,
      auth(),
    );
    try {
      const res = await call(
        sim.url,
        `/apis/apps/v1/namespaces/${ns}/deployments/owner?propagationPolicy=Foreground`,
        {
          ...auth(),
          method: 'DELETE',
        },
      );
      assert.equal(res.status, 200);
      const marked = res.json<KubeObject>();
      assert.ok(marked.metadata.deletionTimestamp, 'the owner gets a deletionTimestamp');
      assert.deepEqual(marked.metadata.finalizers, ['foregroundDeletion']);
      await gone(DeploymentResource, ns, 'owner');
      assert.equal(await exists(DeploymentResource, ns, 'child'), false);
      assert.equal(await exists(ScaledObjectResource, ns, 'grandchild'), false);
      assert.equal(
        await exists(ScaledObjectResource, ns, 'loose'),
        false,
        'non-blocking dependents are deleted too',
      );
      await waitFor(
        () => watch.events.filter((e) => e.type === 'DELETED').length >= 2,
        3000,
        'DELETED events',
      );
      const deleted = watch.events.filter((e) => e.type === 'DELETED').map((e) => e.object.metadata.name);
      assert.deepEqual(deleted, ['child', 'owner'], 'the blocking dependent is gone before its owner');
      const childMarked = watch.events.find(
        (e) =>
          e.type === 'MODIFIED' &&
          e.object.metadata.name === 'child' &&
          (e.object.metadata as Record<string, unknown>).deletionTimestamp,
      );
      assert.ok(childMarked, 'a dependent with dependents of its own is deleted in the Foreground too');
    } finally {
      watch.close();
    }
  });

  test('the owner waits for a blocking dependent held by a finalizer, not for a non-blocking one', async () => {
    const ns = await namespace();
    const owner = await client().create(DeploymentResource, deployment('owner', ns));
    await client().create(DeploymentResource, deployment('held', ns, [ref(owner, true)], [HOLD]));
    await client().create(DeploymentResource, deployment('held-loose', ns, [ref(owner, false)], [HOLD]));
    await client().delete(
      DeploymentResource,
      { namespace: ns, name: 'owner' },
      { propagationPolicy: 'Foreground' },
    );
    await waitFor(
      async () =>
        !!(await client().get(DeploymentResource, { namespace: ns, name: 'held' })).metadata
          .deletionTimestamp,
      3000,
      'the blocking dependent marked for deletion',
    );
    await settle();
    const waiting = await client().get(DeploymentResource, { namespace: ns, name: 'owner' });
    assert.deepEqual(waiting.metadata.finalizers, ['foregroundDeletion'], 'the owner waits');

    // The non-blocking one is still held: it does not keep the owner once the blocking one is gone.
    const held = await client().get(DeploymentResource, { namespace: ns, name: 'held' });
    await client().update(DeploymentResource, { ...held, metadata: { ...held.metadata, finalizers: [] } });
    await gone(DeploymentResource, ns, 'owner');
    const loose = await client().get(DeploymentResource, { namespace: ns, name: 'held-loose' });
    assert.ok(loose.metadata.deletionTimestamp);
    await client().update(DeploymentResource, { ...loose, metadata: { ...loose.metadata, finalizers: [] } });
    await gone(DeploymentResource, ns, 'held-loose');
  });

  test('an owner without dependents loses its foregroundDeletion finalizer and goes', async () => {
    const ns = await namespace();
    await client().create(DeploymentResource, deployment('alone', ns));
    const marked = await client().delete(
      DeploymentResource,
      { namespace: ns, name: 'alone' },
      { propagationPolicy: 'Foreground' },
    );
    assert.deepEqual(marked.metadata.finalizers, ['foregroundDeletion']);
    await gone(DeploymentResource, ns, 'alone');
  });

  test('a second DELETE with Background drops the foregroundDeletion finalizer (and so deletes at once)', async () => {
    const ns = await namespace();
    const owner = await client().create(DeploymentResource, deployment('owner', ns));
    await client().create(DeploymentResource, deployment('held', ns, [ref(owner, true)], [HOLD]));
    await client().delete(
      DeploymentResource,
      { namespace: ns, name: 'owner' },
      { propagationPolicy: 'Foreground' },
    );
    await settle();
    assert.ok(await exists(DeploymentResource, ns, 'owner'));
    await client().delete(
      DeploymentResource,
      { namespace: ns, name: 'owner' },
      { propagationPolicy: 'Background' },
    );
    assert.equal(await exists(DeploymentResource, ns, 'owner'), false);
    const held = await client().get(DeploymentResource, { namespace: ns, name: 'held' });
    await client().update(DeploymentResource, { ...held, metadata: { ...held.metadata, finalizers: [] } });
    await gone(DeploymentResource, ns, 'held');
  });
});

describe('Orphan', () => {
  test('dependents stay, without their reference to the owner; other owners are kept', async () => {
    const ns = await namespace();
    const owner = await client().create(DeploymentResource, deployment('owner', ns));
    const other = await client().create(DeploymentResource, deployment('other', ns));
    await client().create(ScaledObjectResource, scaledObject('only', ns, [ref(owner, true)]));
    await client().create(ScaledObjectResource, scaledObject('shared', ns, [ref(owner), ref(other)]));
    const res = await call(sim.url, `/apis/apps/v1/namespaces/${ns}/deployments/owner`, {
      ...auth(),
      method: 'DELETE',
      body: { propagationPolicy: 'Orphan' },
    });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json<KubeObject>().metadata.finalizers, ['orphan']);
    await gone(DeploymentResource, ns, 'owner');
    const only = await client().get(ScaledObjectResource, { namespace: ns, name: 'only' });
    assert.equal(only.metadata.ownerReferences, undefined);
    const shared = await client().get(ScaledObjectResource, { namespace: ns, name: 'shared' });
    assert.deepEqual(
      shared.metadata.ownerReferences?.map((r) => r.name),
      ['other'],
    );
  });

  test('the deprecated orphanDependents=true query parameter orphans too', async () => {
    const ns = await namespace();
    const owner = await client().create(DeploymentResource, deployment('owner', ns));
    await client().create(ScaledObjectResource, scaledObject('kept', ns, [ref(owner)]));
    const res = await call(
      sim.url,
      `/apis/apps/v1/namespaces/${ns}/deployments/owner?orphanDependents=true`,
      {
        ...auth(),
        method: 'DELETE',
      },
    );
    assert.equal(res.status, 200);
    await gone(DeploymentResource, ns, 'owner');
    await waitFor(
      async () =>
        !(await client().get(ScaledObjectResource, { namespace: ns, name: 'kept' })).metadata.ownerReferences,
    );
  });

  test('invalid delete options are the apiserver 422s', async () => {
    const ns = await namespace();
    await client().create(DeploymentResource, deployment('x', ns));
    const path = `/apis/apps/v1/namespaces/${ns}/deployments/x`;
    const both = await call(sim.url, `${path}?orphanDependents=true`, {
      ...auth(),
      method: 'DELETE',
      body: { propagationPolicy: 'Foreground' },
    });
    assert.equal(both.status, 422);
    assert.equal(
      both.json().message,
      'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Invalid value: "Foreground": orphanDependents and deletionPropagation cannot be both set',
    );
    const bad = await call(sim.url, `${path}?propagationPolicy=Sideways`, { ...auth(), method: 'DELETE' });
    assert.equal(bad.status, 422);
    assert.equal(
      bad.json().message,
      'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Sideways": supported values: "Foreground", "Background", "Orphan", "nil"',
    );
    assert.ok(await exists(DeploymentResource, ns, 'x'));
  });
});

describe('dangling owner references', () => {
  test('a new object whose owners are absent is collected; a live owner keeps it and loses the dangling reference', async () => {
    const ns = await namespace();
    const other = await namespace();
    const owner = await client().create(DeploymentResource, deployment('owner', ns));
    const elsewhere = await client().create(DeploymentResource, deployment('elsewhere', other));
    await client().create(
      ScaledObjectResource,
      scaledObject('no-such-uid', ns, [{ ...ref(owner), uid: 'f00' }]),
    );
    await client().create(
      ScaledObjectResource,
      scaledObject('no-such-name', ns, [{ ...ref(owner), name: 'nope' }]),
    );
    await client().create(ScaledObjectResource, scaledObject('other-namespace', ns, [ref(elsewhere)]));
    await client().create(
      ScaledObjectResource,
      scaledObject('half', ns, [ref(owner), { ...ref(owner), name: 'ghost', uid: 'b4d' }]),
    );
    await client().create(
      ScaledObjectResource,
      scaledObject('unknown-kind', ns, [
        { apiVersion: 'nope.example.com/v1', kind: 'Nope', name: 'n', uid: 'u' },
      ]),
    );
    await gone(ScaledObjectResource, ns, 'no-such-uid', 'an object whose owner uid does not match');
    await gone(ScaledObjectResource, ns, 'no-such-name', 'an object whose owner does not exist');
    await gone(ScaledObjectResource, ns, 'other-namespace', 'an object whose owner is in another namespace');
    await waitFor(
      async () =>
        (await client().get(ScaledObjectResource, { namespace: ns, name: 'half' })).metadata.ownerReferences
          ?.length === 1,
      3000,
      'the dangling reference removed',
    );
    await settle();
    const unknown = await client().get(ScaledObjectResource, { namespace: ns, name: 'unknown-kind' });
    assert.equal(unknown.metadata.ownerReferences?.length, 1, 'an owner of a kind not served is left alone');
    assert.ok(await exists(DeploymentResource, other, 'elsewhere'));
  });

  test('dangling references already in the store when the collector starts are collected', async () => {
    const registry = new ResourceRegistry();
    for (const def of builtinResources) registry.register(def);
    const store = new ObjectStore({ historySize: 100, initialRv: 1 });
    const service = new ResourceService(registry, store, systemClock, createRandom(3));
    store.insert(storageKey(namespaceResource), {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'seeded', uid: 'ns-uid' },
      spec: { finalizers: ['kubernetes'] },
    } as KObject);
    const orphan = deployment('seeded-orphan', 'seeded', [
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'gone', uid: 'gone-uid' },
    ]) as KObject;
    orphan.metadata.uid = 'orphan-uid';
    store.insert(storageKey(deploymentResource), orphan);
    const gc = new GarbageCollector();
    gc.start({ store, service, registry, log: () => {} });
    try {
      await waitFor(
        () => !store.has(storageKey(deploymentResource), 'seeded', 'seeded-orphan'),
        3000,
        'collected',
      );
    } finally {
      gc.stop();
    }
  });
});

describe('every kind, and namespaces', () => {
  test('custom resources own and are owned like built-ins', async () => {
    const ns = await namespace();
    await client().create(CRDS, {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
          },
        ],
      },
    } as KubeObject);
    await waitFor(
      async () => {
        try {
          await client().list(WIDGETS, { namespace: ns });
          return true;
        } catch {
          return false;
        }
      },
      3000,
      'widgets served',
    );
    const widget = await client().create(WIDGETS, {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w', namespace: ns },
    });
    const owned = await client().create(
      DeploymentResource,
      deployment('owned-by-widget', ns, [ref(widget, true)]),
    );
    await client().create(WIDGETS, {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w2', namespace: ns, ownerReferences: [ref(owned)] },
    });
    await client().delete(WIDGETS, { namespace: ns, name: 'w' }, { propagationPolicy: 'Foreground' });
    await gone(WIDGETS, ns, 'w');
    assert.equal(await exists(DeploymentResource, ns, 'owned-by-widget'), false);
    await gone(WIDGETS, ns, 'w2', 'a widget owned by a deployment');
  });

  test('deleting a namespace deletes its content through the same path, dependents included', async () => {
    const ns = await namespace();
    const owner = await client().create(DeploymentResource, deployment('owner', ns));
    await client().create(ScaledObjectResource, scaledObject('dep', ns, [ref(owner, true)]));
    await client().create(DeploymentResource, deployment('held', ns, [ref(owner)], [HOLD]));
    await client().delete(NAMESPACES, { name: ns });
    await waitFor(
      async () =>
        !!(await client().get(DeploymentResource, { namespace: ns, name: 'held' })).metadata
          .deletionTimestamp,
      3000,
      'content marked',
    );
    assert.equal(await exists(DeploymentResource, ns, 'owner'), false);
    assert.equal(await exists(ScaledObjectResource, ns, 'dep'), false);
    assert.ok(await exists(NAMESPACES, '', ns), 'the namespace waits for its content');
    const held = await client().get(DeploymentResource, { namespace: ns, name: 'held' });
    await client().update(DeploymentResource, { ...held, metadata: { ...held.metadata, finalizers: [] } });
    await gone(NAMESPACES, '', ns, 'the namespace');
  });
});

describe('the kinds KEDA clusters collect', () => {
  const SCALED_JOBS: ResourceType = {
    group: 'keda.sh',
    version: 'v1alpha1',
    plural: 'scaledjobs',
    kind: 'ScaledJob',
    namespaced: true,
  };
  const JOBS: ResourceType = { group: 'batch', version: 'v1', plural: 'jobs', kind: 'Job', namespaced: true };
  const PODS: ResourceType = { group: '', version: 'v1', plural: 'pods', kind: 'Pod', namespaced: true };
  const REPLICA_SETS: ResourceType = {
    group: 'apps',
    version: 'v1',
    plural: 'replicasets',
    kind: 'ReplicaSet',
    namespaced: true,
  };
  const HPAS: ResourceType = {
    group: 'autoscaling',
    version: 'v2',
    plural: 'horizontalpodautoscalers',
    kind: 'HorizontalPodAutoscaler',
    namespaced: true,
  };
  const container = { name: 'work', image: 'busybox:1.36' };

  async function served(...types: ResourceType[]): Promise<boolean> {
    for (const type of types) {
      try {
        await client().list(type, { namespace: 'default' });
      } catch {
        return false;
      }
    }
    return true;
  }

  function pod(name: string, ns: string, owner: KubeObject): KubeObject {
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: ns, ownerReferences: [ref(owner, true)] },
      spec: { containers: [container], restartPolicy: 'Never' },
    } as KubeObject;
  }

  test('ScaledObject → HPA, Deployment → ReplicaSet → Pods (Background)', async (t) => {
    if (!(await served(HPAS, REPLICA_SETS, PODS))) {
      t.skip('HorizontalPodAutoscaler, ReplicaSet or Pod not served yet');
      return;
    }
    const ns = await namespace();
    const so = await client().create(ScaledObjectResource, scaledObject('web', ns));
    await client().create(HPAS, {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'keda-hpa-web', namespace: ns, ownerReferences: [ref(so, true)] },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 1,
        maxReplicas: 3,
      },
    } as KubeObject);
    const web = await client().create(DeploymentResource, deployment('web', ns));
    const rs = await client().create(REPLICA_SETS, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-7d4b9c', namespace: ns, ownerReferences: [ref(web, true)] },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [container] } },
      },
    } as KubeObject);
    await client().create(PODS, pod('web-7d4b9c-x1', ns, rs));
    await client().delete(ScaledObjectResource, { namespace: ns, name: 'web' });
    await gone(HPAS, ns, 'keda-hpa-web', 'the HPA of a deleted ScaledObject');
    await client().delete(DeploymentResource, { namespace: ns, name: 'web' });
    await gone(REPLICA_SETS, ns, 'web-7d4b9c');
    await gone(PODS, ns, 'web-7d4b9c-x1');
  });

  test('ScaledJob → Jobs → Pods; a batch/v1 Job deleted without a policy orphans its Pods', async (t) => {
    if (!(await served(SCALED_JOBS, JOBS, PODS))) {
      t.skip('ScaledJob, Job or Pod not served yet');
      return;
    }
    const ns = await namespace();
    const sj = await client().create(SCALED_JOBS, {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledJob',
      metadata: { name: 'batch', namespace: ns },
      spec: {
        jobTargetRef: { template: { spec: { containers: [container], restartPolicy: 'Never' } } },
        triggers: [
          {
            type: 'cron',
            metadata: { timezone: 'UTC', start: '0 * * * *', end: '30 * * * *', desiredReplicas: '1' },
          },
        ],
      },
    } as KubeObject);
    const job = (name: string, owner?: KubeObject): KubeObject =>
      ({
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: defined({ name, namespace: ns, ownerReferences: owner ? [ref(owner, true)] : undefined }),
        spec: { template: { spec: { containers: [container], restartPolicy: 'Never' } } },
      }) as KubeObject;
    const owned = await client().create(JOBS, job('batch-a', sj));
    await client().create(PODS, pod('batch-a-p', ns, owned));
    const loose = await client().create(JOBS, job('loose'));
    await client().create(PODS, pod('loose-p', ns, loose));

    const marked = await client().delete(JOBS, { namespace: ns, name: 'loose' });
    assert.deepEqual(marked.metadata.finalizers, ['orphan'], 'batch/v1 Jobs orphan by default');
    await gone(JOBS, ns, 'loose');
    await waitFor(
      async () => !(await client().get(PODS, { namespace: ns, name: 'loose-p' })).metadata.ownerReferences,
      3000,
      'the orphaned Pod without its reference',
    );

    await client().delete(SCALED_JOBS, { namespace: ns, name: 'batch' }, { propagationPolicy: 'Background' });
    await gone(JOBS, ns, 'batch-a', 'the Job of a deleted ScaledJob');
    await gone(PODS, ns, 'batch-a-p', 'the Pod of that Job (the collector deletes in Background)');
  });
});

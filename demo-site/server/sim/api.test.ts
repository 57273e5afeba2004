/** REST semantics through the in-process client, and the selector / patch building blocks. */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  DeploymentResource,
  ScaledObjectResource,
  type ResourceType,
} from '../../../components/src/core/kube/resource.ts';
import type { KubeObject } from '../../../components/src/core/kube/types.ts';
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch } from './api/patch/index.ts';
import { FieldSelector, LabelSelector } from './core/selectors.ts';
import { ApiError, SimCluster } from './index.ts';
import { waitFor } from './test-helpers.ts';

const NAMESPACES: ResourceType = {
  group: '',
  version: 'v1',
  plural: 'namespaces',
  kind: 'Namespace',
  namespaced: false,
};

type SO = KubeObject & {
  spec: Record<string, unknown>;
  status?: Record<string, unknown>;
};

function scaledObject(name: string, namespace = 'default', extra: Partial<SO> = {}): SO {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name, namespace },
    spec: {
      // A workload of its own and a non-resource trigger, so that KEDA's admission webhook allows it.
      scaleTargetRef: { name: `${name || 'unnamed'}-workload` },
      triggers: [
        {
          type: 'cron',
          metadata: { timezone: 'UTC', start: '0 8 * * *', end: '0 18 * * *', desiredReplicas: '1' },
        },
      ],
    },
    ...extra,
  };
}

/** Runs `fn` and returns the ApiError it throws. */
async function apiError(fn: () => Promise<unknown>): Promise<ApiError> {
  try {
    await fn();
  } catch (error) {
    assert.ok(error instanceof ApiError, `expected ApiError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected an ApiError');
}

describe('REST semantics (in-process client)', () => {
  let cluster: SimCluster;
  beforeEach(async () => {
    // Two simulated minutes are enough for KEDA to have reconciled the demo (and boot faster).
    cluster = await SimCluster.create({ seed: 1, historySeconds: 120 });
  });
  afterEach(async () => {
    await cluster.close();
  });

  test('create stamps uid, creationTimestamp, generation 1 and a new resourceVersion', async () => {
    const before = Number(cluster.resourceVersion);
    const created = await cluster.client.create(ScaledObjectResource, scaledObject('a'));
    assert.match(
      created.metadata.uid ?? '',
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    assert.match(created.metadata.creationTimestamp ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(created.metadata.generation, 1);
    assert.equal(Number(created.metadata.resourceVersion), before + 1);
    assert.equal(cluster.resourceVersion, created.metadata.resourceVersion);
  });

  test('create: status is dropped for kinds with a status subresource', async () => {
    const created = await cluster.client.create(
      ScaledObjectResource,
      scaledObject('s', 'default', { status: { hpaName: 'x' } }),
    );
    assert.equal((created as SO).status, undefined);
  });

  test('create in a missing namespace is 404 namespaces "x" not found', async () => {
    const err = await apiError(() => cluster.client.create(ScaledObjectResource, scaledObject('a', 'nope')));
    assert.equal(err.code, 404);
    assert.equal(err.status.message, 'namespaces "nope" not found');
    assert.deepEqual(err.status.details, { name: 'nope', group: '', kind: 'namespaces' });
  });

  test('duplicate create is 409 AlreadyExists; generateName picks a free name', async () => {
    await cluster.client.create(ScaledObjectResource, scaledObject('dup'));
    const err = await apiError(() => cluster.client.create(ScaledObjectResource, scaledObject('dup')));
    assert.equal(err.code, 409);
    assert.equal(err.reason, 'AlreadyExists');
    assert.equal(err.status.message, 'scaledobjects.keda.sh "dup" already exists');
    assert.deepEqual(err.status.details, { name: 'dup', group: 'keda.sh', kind: 'scaledobjects' });
    const generated = await cluster.client.create<SO>(ScaledObjectResource, {
      ...scaledObject(''),
      metadata: { generateName: 'gen-', namespace: 'default' },
    });
    assert.match(generated.metadata.name ?? '', /^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  test('invalid names are 422 Invalid', async () => {
    const err = await apiError(() => cluster.client.create(ScaledObjectResource, scaledObject('Not_Valid')));
    assert.equal(err.code, 422);
    assert.match(
      err.status.message ?? '',
      /^ScaledObject\.keda\.sh "Not_Valid" is invalid: metadata\.name: Invalid value: "Not_Valid": a lowercase RFC 1123 subdomain/,
    );
    assert.equal(err.status.details?.kind, 'ScaledObject');
  });

  test('update with a stale resourceVersion is 409 Conflict with the exact message', async () => {
    const created = await cluster.client.create(ScaledObjectResource, scaledObject('c'));
    await cluster.client.update(ScaledObjectResource, {
      ...created,
      spec: { ...created.spec, maxReplicaCount: 3 },
    });
    const err = await apiError(() =>
      cluster.client.update(ScaledObjectResource, {
        ...created,
        spec: { ...created.spec, maxReplicaCount: 4 },
      }),
    );
    assert.equal(err.code, 409);
    assert.equal(err.reason, 'Conflict');
    assert.equal(
      err.status.message,
      'Operation cannot be fulfilled on scaledobjects.keda.sh "c": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  test('generation bumps only on spec changes; status is ignored on the main resource', async () => {
    const created = await cluster.client.create(ScaledObjectResource, scaledObject('g'));
    const labelled = await cluster.client.update(ScaledObjectResource, {
      ...created,
      metadata: { ...created.metadata, labels: { a: 'b' } },
      status: { hpaName: 'ignored' },
    });
    assert.equal(labelled.metadata.generation, 1);
    assert.equal((labelled as SO).status, undefined);
    const changed = await cluster.client.update(ScaledObjectResource, {
      ...labelled,
      spec: { ...labelled.spec, maxReplicaCount: 9 },
    });
    assert.equal(changed.metadata.generation, 2);
    const withStatus = await cluster.client.updateStatus<SO>(ScaledObjectResource, {
      ...changed,
      spec: { ignored: true },
      status: { hpaName: 'keda-hpa-g' },
    });
    assert.equal(withStatus.metadata.generation, 2);
    assert.deepEqual(withStatus.status, { hpaName: 'keda-hpa-g' });
    assert.equal(withStatus.spec.maxReplicaCount, 9);
    assert.ok(Number(withStatus.metadata.resourceVersion) > Number(changed.metadata.resourceVersion));
  });

  test('a no-op update keeps the resourceVersion', async () => {
    const created = await cluster.client.create(ScaledObjectResource, scaledObject('n'));
    const same = await cluster.client.update(ScaledObjectResource, created);
    assert.equal(same.metadata.resourceVersion, created.metadata.resourceVersion);
  });

  test('dryRun stores nothing', async () => {
    const rv = cluster.resourceVersion;
    const dry = await cluster.client.create(ScaledObjectResource, scaledObject('dry'), { dryRun: true });
    assert.equal(dry.metadata.name, 'dry');
    assert.equal(cluster.resourceVersion, rv);
    const err = await apiError(() =>
      cluster.client.get(ScaledObjectResource, { namespace: 'default', name: 'dry' }),
    );
    assert.equal(err.code, 404);
    await cluster.client.delete(
      ScaledObjectResource,
      { namespace: 'default', name: 'rabbitmq-consumer' },
      { dryRun: true },
    );
    await cluster.client.get(ScaledObjectResource, { namespace: 'default', name: 'rabbitmq-consumer' });
  });

  test('delete without finalizers is immediate and bumps the resourceVersion', async () => {
    const created = await cluster.client.create(ScaledObjectResource, scaledObject('d'));
    const deleted = await cluster.client.delete(ScaledObjectResource, { namespace: 'default', name: 'd' });
    assert.equal(deleted.metadata.resourceVersion, cluster.resourceVersion);
    assert.ok(Number(deleted.metadata.resourceVersion) > Number(created.metadata.resourceVersion));
    assert.equal(
      (await apiError(() => cluster.client.get(ScaledObjectResource, { namespace: 'default', name: 'd' })))
        .code,
      404,
    );
  });

  test('delete with finalizer.keda.sh: deletionTimestamp first, then the finalizer is removed and the object is gone', async () => {
    const ref = { namespace: 'default', name: 'rabbitmq-consumer' };
    const marked = await cluster.client.delete(ScaledObjectResource, ref);
    assert.ok(marked.metadata.deletionTimestamp);
    assert.deepEqual(marked.metadata.finalizers, ['finalizer.keda.sh']);
    await waitFor(
      async () => {
        try {
          await cluster.client.get(ScaledObjectResource, ref);
          return false;
        } catch (error) {
          return error instanceof ApiError && error.code === 404;
        }
      },
      2000,
      'finalized',
    );
  });

  test('other finalizers keep the object until they are removed', async () => {
    const created = await cluster.client.create<SO>(ScaledObjectResource, {
      ...scaledObject('f'),
      metadata: { name: 'f', namespace: 'default', finalizers: ['example.com/hold'] },
    });
    const marked = await cluster.client.delete(ScaledObjectResource, { namespace: 'default', name: 'f' });
    assert.ok(marked.metadata.deletionTimestamp);
    const still = await cluster.client.get<SO>(ScaledObjectResource, { namespace: 'default', name: 'f' });
    assert.equal(still.metadata.uid, created.metadata.uid);
    await cluster.client.update(ScaledObjectResource, {
      ...still,
      metadata: { ...still.metadata, finalizers: [] },
    });
    assert.equal(
      (await apiError(() => cluster.client.get(ScaledObjectResource, { namespace: 'default', name: 'f' })))
        .code,
      404,
    );
  });

  test('merge patch, JSON patch, and strategic merge patch rules', async () => {
    const ref = { namespace: 'default', name: 'rabbitmq-consumer' };
    const merged = await cluster.client.patch<SO>(ScaledObjectResource, ref, 'merge', {
      spec: { maxReplicaCount: 7, pollingInterval: null },
    });
    assert.equal(merged.spec.maxReplicaCount, 7);
    assert.equal(merged.spec.pollingInterval, undefined);
    const jsonPatched = await cluster.client.patch<SO>(ScaledObjectResource, ref, 'json', [
      { op: 'test', path: '/spec/maxReplicaCount', value: 7 },
      { op: 'add', path: '/metadata/labels/team', value: 'a' },
    ]);
    assert.equal(jsonPatched.metadata.labels?.team, 'a');
    const failed = await apiError(() =>
      cluster.client.patch(ScaledObjectResource, ref, 'json', [
        { op: 'test', path: '/spec/maxReplicaCount', value: 1 },
      ]),
    );
    assert.equal(failed.code, 422);
    const smp = await apiError(() =>
      cluster.client.patch(ScaledObjectResource, ref, 'strategic', { spec: {} }),
    );
    // KEDA has scaled the Deployment through /scale before: its generation is already past 1.
    const generationBefore = (await cluster.client.get(DeploymentResource, ref)).metadata.generation ?? 0;
    assert.equal(smp.code, 415);
    assert.equal(
      smp.status.message,
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    );
    const deployment = await cluster.client.patch<SO>(DeploymentResource, ref, 'strategic', {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'rabbitmq-consumer' }],
            containers: [
              { name: 'sidecar', image: 'busybox:1.36' },
              { name: 'rabbitmq-consumer', image: 'ghcr.io/kedacore/rabbitmq-client:v1.1' },
            ],
          },
        },
      },
    });
    const containers = (
      deployment.spec.template as {
        spec: { containers: { name: string; image: string; resources?: unknown }[] };
      }
    ).spec.containers;
    assert.deepEqual(
      containers.map((c) => `${c.name}=${c.image}`),
      ['sidecar=busybox:1.36', 'rabbitmq-consumer=ghcr.io/kedacore/rabbitmq-client:v1.1'],
    );
    assert.ok(containers[1]?.resources, 'fields not in the patch are kept (merge by name)');
    assert.equal(deployment.metadata.generation, generationBefore + 1);
  });

  test('scale subresource: autoscaling/v1 Scale in, spec.replicas out', async () => {
    // A Deployment no ScaledObject manages (KEDA would scale rabbitmq-consumer back).
    const ref = { namespace: 'keda', name: 'keda-admission-webhooks' };
    const scale = await cluster.client.getSubresource(DeploymentResource, ref, 'scale');
    assert.deepEqual(
      {
        kind: scale.kind,
        apiVersion: scale.apiVersion,
        spec: (scale as SO).spec,
        status: (scale as SO).status,
      },
      {
        kind: 'Scale',
        apiVersion: 'autoscaling/v1',
        spec: { replicas: 1 },
        status: { replicas: 1, selector: 'app=keda-admission-webhooks' },
      },
    );
    const scaled = await cluster.client.patch<SO>(
      DeploymentResource,
      ref,
      'merge',
      { spec: { replicas: 3 } },
      { subresource: 'scale' },
    );
    assert.equal(scaled.kind, 'Scale');
    assert.equal(scaled.spec.replicas, 3);
    const deployment = await cluster.client.get<SO>(DeploymentResource, ref);
    assert.equal(deployment.spec.replicas, 3);
    assert.equal(deployment.metadata.generation, 2);
    // Pods take a few (virtual) seconds to start: move the clock on.
    await cluster.clock.step(15_000);
    const rolledOut = await cluster.client.get<SO>(DeploymentResource, ref);
    assert.equal(rolledOut.status?.readyReplicas, 3);
    assert.equal(rolledOut.status?.observedGeneration, 2);
    const bad = await apiError(() =>
      cluster.client.patch(
        DeploymentResource,
        ref,
        'merge',
        { spec: { replicas: -1 } },
        { subresource: 'scale' },
      ),
    );
    assert.equal(bad.code, 422);
  });

  test('list: label and field selectors; unsupported field labels are 400', async () => {
    const all = await cluster.client.list(ScaledObjectResource);
    assert.equal(all.items.length, 7);
    assert.equal(all.metadata.resourceVersion, cluster.resourceVersion);
    const payments = await cluster.client.list(ScaledObjectResource, {
      fieldSelector: 'metadata.namespace=payments',
    });
    assert.deepEqual(payments.items.map((o) => o.metadata.name).sort(), [
      'payments-reconciler',
      'payments-worker',
    ]);
    const byLabel = await cluster.client.list(ScaledObjectResource, {
      labelSelector: 'scaledobject.keda.sh/name in (orders-processor)',
    });
    assert.deepEqual(
      byLabel.items.map((o) => o.metadata.name),
      ['orders-processor'],
    );
    const none = await cluster.client.list(ScaledObjectResource, { namespace: 'kube-system' });
    assert.deepEqual(none.items, []);
    const err = await apiError(() =>
      cluster.client.list(ScaledObjectResource, { fieldSelector: 'spec.x=y' }),
    );
    assert.equal(err.code, 400);
    assert.equal(err.status.message, 'field label not supported: spec.x');
  });

  test('deleting a namespace removes its content, then the namespace', async () => {
    const ns = await cluster.client.delete(NAMESPACES, { name: 'orders' });
    assert.ok(ns.metadata.deletionTimestamp);
    assert.equal((ns as SO).status?.phase, 'Terminating');
    const err = await apiError(() =>
      cluster.client.create(ScaledObjectResource, scaledObject('late', 'orders')),
    );
    assert.equal(err.code, 403);
    await waitFor(
      async () => (await cluster.client.list(NAMESPACES)).items.every((n) => n.metadata.name !== 'orders'),
      3000,
      'namespace gone',
    );
    assert.equal((await cluster.client.list(ScaledObjectResource, { namespace: 'orders' })).items.length, 0);
    assert.equal((await cluster.client.list(DeploymentResource, { namespace: 'orders' })).items.length, 0);
    const forbidden = await apiError(() => cluster.client.delete(NAMESPACES, { name: 'default' }));
    assert.equal(
      forbidden.status.message,
      'namespaces "default" is forbidden: this namespace may not be deleted',
    );
  });

  test('a CRD created through the API is served at once, and removing it removes its objects', async () => {
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
    await cluster.client.create<SO>(CRDS, {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: { plural: 'widgets', singular: 'widget', kind: 'Widget', shortNames: ['wd'] },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: { spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
              },
            },
            subresources: {
              status: {},
              scale: { specReplicasPath: '.spec.size', statusReplicasPath: '.status.size' },
            },
          },
        ],
      },
    });
    const widget = await cluster.client.create<SO>(WIDGETS, {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w', namespace: 'default' },
      spec: { size: 2 },
    });
    assert.equal(widget.metadata.generation, 1);
    const scale = await cluster.client.getSubresource<SO>(
      WIDGETS,
      { namespace: 'default', name: 'w' },
      'scale',
    );
    assert.deepEqual(scale.spec, { replicas: 2 });
    await waitFor(
      async () => {
        const crd = await cluster.client.get<SO>(CRDS, { name: 'widgets.example.com' });
        return JSON.stringify(crd.status ?? {}).includes('"Established"');
      },
      2000,
      'CRD established',
    );
    const invalid = await apiError(() =>
      cluster.client.create(CRDS, {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'x' },
      }),
    );
    assert.equal(invalid.code, 422);
    await cluster.client.delete(CRDS, { name: 'widgets.example.com' });
    const gone = await apiError(() => cluster.client.list(WIDGETS));
    assert.equal(gone.code, 404);
  });

  test('a seed makes the demo scenario reproducible', async () => {
    const other = await SimCluster.create({ seed: 1, historySeconds: 120 });
    try {
      const a = await cluster.client.get(ScaledObjectResource, {
        namespace: 'default',
        name: 'rabbitmq-consumer',
      });
      const b = await other.client.get(ScaledObjectResource, {
        namespace: 'default',
        name: 'rabbitmq-consumer',
      });
      assert.equal(a.metadata.uid, b.metadata.uid);
      assert.equal(a.metadata.resourceVersion, b.metadata.resourceVersion);
    } finally {
      await other.close();
    }
  });

  test('the empty scenario has namespaces and CRDs only', async () => {
    const empty = await SimCluster.create({ scenario: 'empty' });
    try {
      const ns = await empty.client.list(NAMESPACES);
      assert.deepEqual(
        ns.items.map((n) => n.metadata.name),
        ['default', 'kube-node-lease', 'kube-public', 'kube-system'],
      );
      assert.deepEqual((await empty.client.list(ScaledObjectResource)).items, []);
    } finally {
      await empty.close();
    }
  });
});

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'gold', 'scaledobject.keda.sh/name': 'web' };
  const cases: [string, boolean][] = [
    ['', true],
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app!=api', true],
    ['missing!=x', true],
    ['app=web,tier=gold', true],
    ['app=web,tier=silver', false],
    ['tier in (gold, silver)', true],
    ['tier notin (gold)', false],
    ['missing notin (x)', true],
    ['app', true],
    ['!app', false],
    ['!missing', true],
    ['scaledobject.keda.sh/name=web', true],
  ];
  for (const [selector, expected] of cases) {
    test(`"${selector}" → ${expected}`, () =>
      assert.equal(LabelSelector.parse(selector).matches(labels), expected));
  }
  test('bad syntax is a 400 ApiError', () => {
    assert.throws(
      () => LabelSelector.parse('a=b=c'),
      (e: unknown) => e instanceof ApiError && e.code === 400,
    );
  });
  test('field selectors: =, ==, != and comma AND', () => {
    const fields = { 'metadata.name': 'web', 'metadata.namespace': 'demo' };
    const supported = ['metadata.name', 'metadata.namespace'];
    assert.equal(
      FieldSelector.parse('metadata.name=web,metadata.namespace==demo', supported).matches(fields),
      true,
    );
    assert.equal(FieldSelector.parse('metadata.name!=web', supported).matches(fields), false);
  });
});

describe('patch appliers', () => {
  test('RFC 7386 merge patch', () => {
    assert.deepEqual(applyMergePatch({ a: 'b', c: { d: 'e', f: 'g' } }, { a: 'z', c: { f: null } }), {
      a: 'z',
      c: { d: 'e' },
    });
    assert.deepEqual(applyMergePatch({ a: [1, 2] }, { a: [3] }), { a: [3] });
    assert.deepEqual(applyMergePatch({ a: 'b' }, ['c']), ['c']);
  });

  test('RFC 6902 JSON patch', () => {
    const doc = { a: { b: [1, 2] }, c: 'x', 'd/e': 1 };
    assert.deepEqual(
      applyJsonPatch(doc, [
        { op: 'add', path: '/a/b/1', value: 9 },
        { op: 'add', path: '/a/b/-', value: 3 },
        { op: 'remove', path: '/c' },
        { op: 'replace', path: '/d~1e', value: 2 },
        { op: 'copy', from: '/a/b/0', path: '/f' },
        { op: 'move', from: '/f', path: '/g' },
        { op: 'test', path: '/g', value: 1 },
      ]),
      { a: { b: [1, 9, 2, 3] }, 'd/e': 2, g: 1 },
    );
    assert.deepEqual(doc.a.b, [1, 2], 'the input is not modified');
    assert.throws(() => applyJsonPatch(doc, [{ op: 'replace', path: '/nope', value: 1 }]));
  });

  test('strategic merge patch directives', () => {
    const original = {
      containers: [
        { name: 'a', image: 'a:1', env: [{ name: 'X', value: '1' }] },
        { name: 'b', image: 'b:1' },
      ],
      finalizers: ['x'],
      args: ['--one'],
      volumes: [{ name: 'v', emptyDir: {} }],
    };
    assert.deepEqual(
      applyStrategicMergePatch(original, {
        containers: [
          { name: 'a', env: [{ name: 'Y', value: '2' }] },
          { name: 'b', $patch: 'delete' },
        ],
        finalizers: ['y'],
        args: ['--two'],
        '$deleteFromPrimitiveList/finalizers': ['x'],
        volumes: [{ $patch: 'replace' }, { name: 'w', secret: { secretName: 's' } }],
      }),
      {
        containers: [
          {
            name: 'a',
            image: 'a:1',
            env: [
              { name: 'X', value: '1' },
              { name: 'Y', value: '2' },
            ],
          },
        ],
        finalizers: ['y'],
        args: ['--two'],
        volumes: [{ name: 'w', secret: { secretName: 's' } }],
      },
    );
    assert.deepEqual(
      applyStrategicMergePatch(
        { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } },
        {
          strategy: { $retainKeys: ['type'], type: 'Recreate' },
        },
      ),
      { strategy: { type: 'Recreate' } },
    );
    assert.deepEqual(applyStrategicMergePatch({ a: { b: 1 } }, { a: { $patch: 'replace', c: 2 } }), {
      a: { c: 2 },
    });
  });
});

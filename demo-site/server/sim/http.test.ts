/** The HTTP surface: version, discovery, openapi, auth, error Status shapes, bodies, plain-HTTP mode. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { load } from 'js-yaml';
import { call, startCluster, waitFor, type HttpResult, type Running } from './test-helpers.ts';

let sim: Running;

before(async () => {
  sim = await startCluster();
});

after(async () => {
  await sim.cluster.close();
});

function get(path: string, headers: Record<string, string> = {}): Promise<HttpResult> {
  return call(sim.url, path, { token: sim.cluster.adminToken, caPem: sim.caPem, headers });
}

const V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

interface DiscoveryResource {
  resource: string;
  responseKind: { group: string; version: string; kind: string };
  scope: string;
  shortNames?: string[];
  subresources?: { subresource: string; responseKind: { group: string; version: string; kind: string } }[];
}
interface DiscoveryList {
  kind: string;
  apiVersion: string;
  items: {
    metadata: { name?: string };
    versions: { version: string; freshness: string; resources: DiscoveryResource[] }[];
  }[];
}

describe('version and discovery', () => {
  test('/version reports 1.32', async () => {
    const v = (await get('/version')).json<{ major: string; minor: string; gitVersion: string }>();
    assert.equal(v.major, '1');
    assert.equal(v.minor, '32');
    assert.match(v.gitVersion, /^v1\.32\.\d+$/);
  });

  test('aggregated discovery with the exact content type, in any parameter order', async () => {
    const accept = `${V2},application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json`;
    const apis = await get('/apis', { accept });
    assert.equal(apis.headers['content-type'], V2);
    const list = apis.json<DiscoveryList>();
    assert.equal(list.kind, 'APIGroupDiscoveryList');
    assert.equal(list.apiVersion, 'apidiscovery.k8s.io/v2');
    const keda = list.items.find((i) => i.metadata.name === 'keda.sh');
    const so = keda?.versions[0]?.resources.find((r) => r.resource === 'scaledobjects');
    assert.equal(keda?.versions[0]?.freshness, 'Current');
    assert.deepEqual(so?.responseKind, { group: 'keda.sh', version: 'v1alpha1', kind: 'ScaledObject' });
    assert.deepEqual(so?.shortNames, ['so']);
    assert.equal(so?.scope, 'Namespaced');
    assert.deepEqual(
      so?.subresources?.map((s) => s.subresource),
      ['status'],
    );
    const cta = keda?.versions[0]?.resources.find((r) => r.resource === 'clustertriggerauthentications');
    assert.equal(cta?.scope, 'Cluster');
    const apps = list.items.find((i) => i.metadata.name === 'apps');
    const deploy = apps?.versions[0]?.resources.find((r) => r.resource === 'deployments');
    assert.deepEqual(deploy?.subresources?.find((s) => s.subresource === 'scale')?.responseKind, {
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
    });
    for (const item of list.items) {
      for (const r of item.versions.flatMap((v) => v.resources)) assert.ok(r.responseKind.kind, r.resource);
    }

    const headlampOrder = await get('/api', {
      accept: 'application/json;v=v2;g=apidiscovery.k8s.io;as=APIGroupDiscoveryList',
    });
    assert.equal(headlampOrder.headers['content-type'], V2);
    const core = headlampOrder.json<DiscoveryList>();
    assert.equal(core.items.length, 1);
    assert.equal(core.items[0]?.versions[0]?.version, 'v1');
    assert.ok(core.items[0]?.versions[0]?.resources.some((r) => r.resource === 'namespaces'));
  });

  test('legacy discovery documents', async () => {
    assert.deepEqual((await get('/api')).json<{ kind: string; versions: string[] }>().versions, ['v1']);
    const groups = (await get('/apis')).json<{
      kind: string;
      groups: { name: string; preferredVersion: { groupVersion: string } }[];
    }>();
    assert.equal(groups.kind, 'APIGroupList');
    assert.deepEqual(
      groups.groups.map((g) => g.name),
      [
        'apps',
        'events.k8s.io',
        'autoscaling',
        'batch',
        'apiextensions.k8s.io',
        'keda.sh',
        'external.metrics.k8s.io',
      ],
    );
    const group = (await get('/apis/keda.sh')).json<{
      kind: string;
      preferredVersion: { groupVersion: string };
    }>();
    assert.equal(group.kind, 'APIGroup');
    assert.equal(group.preferredVersion.groupVersion, 'keda.sh/v1alpha1');
    const resources = (await get('/apis/keda.sh/v1alpha1')).json<{
      kind: string;
      groupVersion: string;
      resources: {
        name: string;
        kind: string;
        namespaced: boolean;
        verbs: string[];
        shortNames?: string[];
      }[];
    }>();
    assert.equal(resources.kind, 'APIResourceList');
    assert.equal(resources.groupVersion, 'keda.sh/v1alpha1');
    const names = resources.resources.map((r) => r.name);
    for (const n of [
      'scaledobjects',
      'scaledobjects/status',
      'scaledjobs',
      'triggerauthentications',
      'clustertriggerauthentications',
    ]) {
      assert.ok(names.includes(n), n);
    }
    assert.deepEqual(resources.resources.find((r) => r.name === 'triggerauthentications')?.shortNames, [
      'ta',
      'triggerauth',
    ]);
    const apps = (await get('/apis/apps/v1')).json<{
      resources: { name: string; group?: string; version?: string; kind: string }[];
    }>();
    assert.deepEqual(
      apps.resources.find((r) => r.name === 'deployments/scale'),
      {
        name: 'deployments/scale',
        singularName: '',
        namespaced: true,
        group: 'autoscaling',
        version: 'v1',
        kind: 'Scale',
        verbs: ['get', 'patch', 'update'],
      },
    );
    assert.equal((await get('/apis/nope.example.com/v1')).status, 404);
  });
});

describe('openapi v3', () => {
  test('index → group-version document with a patch operation carrying GVK and fieldValidation', async () => {
    const index = (await get('/openapi/v3')).json<{ paths: Record<string, { serverRelativeURL: string }> }>();
    for (const gv of ['api/v1', 'apis/apps/v1', 'apis/apiextensions.k8s.io/v1', 'apis/keda.sh/v1alpha1']) {
      assert.match(
        index.paths[gv]?.serverRelativeURL ?? '',
        new RegExp(`^/openapi/v3/${gv}\\?hash=[0-9A-F]+$`),
      );
    }
    const doc = (await get(index.paths['apis/keda.sh/v1alpha1']?.serverRelativeURL ?? '')).json<{
      openapi: string;
      paths: Record<
        string,
        Record<string, { 'x-kubernetes-group-version-kind'?: unknown; parameters?: { name: string }[] }>
      >;
      components: {
        schemas: Record<
          string,
          { 'x-kubernetes-group-version-kind'?: unknown; properties?: Record<string, unknown> }
        >;
      };
    }>();
    assert.equal(doc.openapi, '3.0.0');
    const patch = doc.paths['/apis/keda.sh/v1alpha1/namespaces/{namespace}/scaledobjects/{name}']?.patch;
    assert.deepEqual(patch?.['x-kubernetes-group-version-kind'], {
      group: 'keda.sh',
      version: 'v1alpha1',
      kind: 'ScaledObject',
    });
    assert.ok(patch?.parameters?.some((p) => p.name === 'fieldValidation'));
    const schema = doc.components.schemas['sh.keda.v1alpha1.ScaledObject'];
    assert.deepEqual(schema?.['x-kubernetes-group-version-kind'], [
      { group: 'keda.sh', kind: 'ScaledObject', version: 'v1alpha1' },
    ]);
    assert.deepEqual(schema?.properties?.metadata, {
      allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }],
      description: "Standard object's metadata.",
    });
    assert.ok(doc.components.schemas['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta']);
    assert.equal((await get('/openapi/v3/apis/nope/v1')).status, 404);
    assert.equal((await get('/openapi/v2')).status, 404);
  });
});

describe('auth and errors', () => {
  test('401 without a token or with a bad one', async () => {
    for (const token of [null, 'bad']) {
      const r = await call(sim.url, '/api/v1/namespaces', { token, caPem: sim.caPem });
      assert.equal(r.status, 401);
      assert.deepEqual(r.json(), {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
    }
  });

  test('the read-only token reads but gets the real 403 on writes', async () => {
    const viewer = { token: sim.cluster.readOnlyToken, caPem: sim.caPem };
    assert.equal((await call(sim.url, '/apis/keda.sh/v1alpha1/scaledobjects', viewer)).status, 200);
    const patch = await call(
      sim.url,
      '/apis/keda.sh/v1alpha1/namespaces/default/scaledobjects/rabbitmq-consumer',
      {
        ...viewer,
        method: 'PATCH',
        contentType: 'application/merge-patch+json',
        body: { spec: { minReplicaCount: 1 } },
      },
    );
    assert.equal(patch.status, 403);
    assert.deepEqual(patch.json(), {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'scaledobjects.keda.sh "rabbitmq-consumer" is forbidden: User "viewer" cannot patch resource "scaledobjects" in API group "keda.sh" in the namespace "default"',
      reason: 'Forbidden',
      details: { name: 'rabbitmq-consumer', group: 'keda.sh', kind: 'scaledobjects' },
      code: 403,
    });
    const create = await call(sim.url, '/api/v1/namespaces', {
      ...viewer,
      method: 'POST',
      body: { metadata: { name: 'x' } },
    });
    assert.equal(
      create.json<{ message: string }>().message,
      'namespaces is forbidden: User "viewer" cannot create resource "namespaces" in API group "" at the cluster scope',
    );
    const scale = await call(
      sim.url,
      '/apis/apps/v1/namespaces/default/deployments/rabbitmq-consumer/scale',
      {
        ...viewer,
        method: 'PUT',
        body: { spec: { replicas: 1 } },
      },
    );
    assert.match(
      scale.json<{ message: string }>().message,
      /cannot update resource "deployments\/scale" in API group "apps"/,
    );
  });

  test('404 Status shapes: missing object, unknown path, wrong scope', async () => {
    const missing = await get('/apis/keda.sh/v1alpha1/namespaces/default/scaledobjects/nope');
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json(), {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'scaledobjects.keda.sh "nope" not found',
      reason: 'NotFound',
      details: { name: 'nope', group: 'keda.sh', kind: 'scaledobjects' },
      code: 404,
    });
    const core = await get('/api/v1/namespaces/nope');
    assert.equal(core.json<{ message: string }>().message, 'namespaces "nope" not found');
    assert.equal((await get('/apis/keda.sh/v1alpha1/widgets')).status, 404);
    assert.equal((await get('/apis/keda.sh/v1alpha1/scaledobjects/x')).status, 404);
    assert.equal(
      (await get('/something')).json<{ message: string }>().message,
      'the server could not find the requested resource',
    );
  });

  test('405 for a method a path does not support; 415 for unknown patch types and server-side apply', async () => {
    const r = await call(sim.url, '/apis/keda.sh/v1alpha1/namespaces/default/scaledobjects', {
      token: sim.cluster.adminToken,
      caPem: sim.caPem,
      method: 'PUT',
      body: {},
    });
    assert.equal(r.status, 405);
    const ssa = await call(
      sim.url,
      '/apis/keda.sh/v1alpha1/namespaces/default/scaledobjects/rabbitmq-consumer?fieldManager=kubectl',
      {
        token: sim.cluster.adminToken,
        caPem: sim.caPem,
        method: 'PATCH',
        contentType: 'application/apply-patch+yaml',
        body: { spec: {} },
      },
    );
    assert.equal(ssa.status, 415);
    assert.equal(ssa.json<{ reason: string }>().reason, 'UnsupportedMediaType');
  });

  test('an empty list is items: [] with a resourceVersion', async () => {
    const list = (await get('/apis/keda.sh/v1alpha1/namespaces/kube-public/scaledjobs')).json<{
      kind: string;
      items: unknown;
      metadata: { resourceVersion: string };
    }>();
    assert.equal(list.kind, 'ScaledJobList');
    assert.deepEqual(list.items, []);
    assert.match(list.metadata.resourceVersion, /^\d+$/);
  });
});

describe('bodies and write options', () => {
  const admin = (): { token: string; caPem?: string } => ({
    token: sim.cluster.adminToken,
    caPem: sim.caPem,
  });

  test('kubectl create namespace sends protobuf; the answer is JSON', async () => {
    const field = (n: number, bytes: Buffer): Buffer =>
      Buffer.concat([Buffer.from([(n << 3) | 2, bytes.length]), bytes]);
    const typeMeta = Buffer.concat([field(1, Buffer.from('v1')), field(2, Buffer.from('Namespace'))]);
    const namespace = field(1, field(1, Buffer.from('from-proto')));
    const body = Buffer.concat([Buffer.from('k8s\0', 'latin1'), field(1, typeMeta), field(2, namespace)]);
    const r = await call(sim.url, '/api/v1/namespaces?fieldManager=kubectl-create&fieldValidation=Strict', {
      ...admin(),
      method: 'POST',
      raw: body,
      contentType: 'application/vnd.kubernetes.protobuf',
      headers: { accept: 'application/vnd.kubernetes.protobuf,application/json' },
    });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.headers['content-type'], 'application/json');
    const ns = r.json<{
      metadata: { name: string };
      spec: { finalizers: string[] };
      status: { phase: string };
    }>();
    assert.equal(ns.metadata.name, 'from-proto');
    assert.deepEqual(ns.spec.finalizers, ['kubernetes']);
    assert.equal(ns.status.phase, 'Active');
  });

  test('POST answers 201; dryRun=All stores nothing; DELETE takes dryRun from its body', async () => {
    const path = '/apis/keda.sh/v1alpha1/namespaces/default/scaledobjects';
    const body = {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: 'posted' },
      // Not a cpu trigger: KEDA's webhook would look up the (absent) Deployment x on a real create.
      spec: {
        scaleTargetRef: { name: 'x' },
        triggers: [
          {
            type: 'cron',
            metadata: { timezone: 'UTC', start: '0 8 * * *', end: '0 18 * * *', desiredReplicas: '1' },
          },
        ],
      },
    };
    const dry = await call(sim.url, `${path}?dryRun=All`, { ...admin(), method: 'POST', body });
    assert.equal(dry.status, 201);
    assert.equal((await get(`${path}/posted`)).status, 404);
    assert.equal((await call(sim.url, path, { ...admin(), method: 'POST', body })).status, 201);
    const del = await call(sim.url, `${path}/posted`, {
      ...admin(),
      method: 'DELETE',
      body: { propagationPolicy: 'Background', dryRun: ['All'] },
    });
    assert.equal(del.status, 200);
    assert.equal((await get(`${path}/posted`)).status, 200);
    const real = await call(sim.url, `${path}/posted`, {
      ...admin(),
      method: 'DELETE',
      body: { propagationPolicy: 'Background' },
    });
    assert.equal(real.json<{ kind: string; metadata: { name: string } }>().metadata.name, 'posted');
    assert.equal((await get(`${path}/posted`)).status, 404);
  });

  test('DELETE on a collection deletes what the selectors match', async () => {
    const path = '/apis/keda.sh/v1alpha1/namespaces/payments/scaledobjects';
    const r = await call(sim.url, `${path}?labelSelector=scaledobject.keda.sh%2Fname%3Dpayments-worker`, {
      ...admin(),
      method: 'DELETE',
    });
    assert.equal(r.status, 200);
    const result = r.json<{
      kind: string;
      items: { metadata: { name: string; deletionTimestamp?: string } }[];
    }>();
    assert.equal(result.kind, 'ScaledObjectList');
    assert.deepEqual(
      result.items.map((i) => i.metadata.name),
      ['payments-worker'],
    );
    assert.ok(result.items[0]?.metadata.deletionTimestamp, 'finalizer.keda.sh makes it a two-step delete');
    await waitFor(
      async () => {
        const left = (await get(path)).json<{ items: { metadata: { name: string } }[] }>();
        return left.items.map((i) => i.metadata.name).join() === 'payments-reconciler';
      },
      2000,
      'collection deleted',
    );
  });

  test('/status and /scale subresources over HTTP', async () => {
    const status = await get(
      '/apis/keda.sh/v1alpha1/namespaces/default/scaledobjects/rabbitmq-consumer/status',
    );
    assert.equal(status.json<{ status: { hpaName: string } }>().status.hpaName, 'keda-hpa-rabbitmq-consumer');
    const patched = await call(
      sim.url,
      '/apis/keda.sh/v1alpha1/namespaces/default/scaledobjects/rabbitmq-consumer/status',
      {
        ...admin(),
        method: 'PATCH',
        contentType: 'application/merge-patch+json',
        body: { status: { lastActiveTime: '2025-01-01T00:00:00Z' }, spec: { maxReplicaCount: 99 } },
      },
    );
    const so = patched.json<{ status: { lastActiveTime: string }; spec: { maxReplicaCount: number } }>();
    assert.equal(so.status.lastActiveTime, '2025-01-01T00:00:00Z');
    assert.equal(so.spec.maxReplicaCount, 5);
    const scale = await call(sim.url, '/apis/apps/v1/namespaces/payments/deployments/payments-worker/scale', {
      ...admin(),
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: { spec: { replicas: 5 } },
    });
    assert.deepEqual(
      (({ kind, apiVersion, spec }) => ({ kind, apiVersion, spec }))(
        scale.json<{ kind: string; apiVersion: string; spec: unknown }>(),
      ),
      { kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 5 } },
    );
  });
});

describe('kubeconfig and plain HTTP', () => {
  test('the kubeconfig names context keda-sim, namespace default, the token and the CA', () => {
    const config = load(sim.cluster.kubeconfig(sim.url)) as {
      'current-context': string;
      clusters: { cluster: { server: string; 'certificate-authority-data': string } }[];
      contexts: { name: string; context: { namespace: string } }[];
      users: { user: { token: string } }[];
    };
    assert.equal(config['current-context'], 'keda-sim');
    assert.equal(config.contexts[0]?.context.namespace, 'default');
    assert.equal(config.clusters[0]?.cluster.server, sim.url);
    assert.match(sim.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(
      Buffer.from(config.clusters[0]?.cluster['certificate-authority-data'] ?? '', 'base64').toString(),
      sim.caPem,
    );
    assert.equal(config.users[0]?.user.token, sim.cluster.adminToken);
  });

  test('--insecure-http accepts requests without a token, still rejects bad tokens', async () => {
    const plain = await startCluster({ scenario: 'empty' }, { insecureHttp: true });
    try {
      assert.match(plain.url, /^http:\/\//);
      assert.equal(plain.caPem, undefined);
      assert.equal((await call(plain.url, '/api/v1/namespaces')).status, 200);
      assert.equal((await call(plain.url, '/api/v1/namespaces', { token: 'bad' })).status, 401);
      const viewer = await call(plain.url, '/api/v1/namespaces', {
        token: plain.cluster.readOnlyToken,
        method: 'POST',
        body: { metadata: { name: 'x' } },
      });
      assert.equal(viewer.status, 403);
    } finally {
      await plain.cluster.close();
    }
  });
});

/** Server-side printing (Table output) and the pieces behind it: JSONPath and human durations. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ScaledObjectResource } from '../../../components/src/core/kube/resource.ts';
import { evaluateJsonPath } from './core/jsonpath.ts';
import { call, waitFor, startCluster, TABLE_ACCEPT, type Running } from './test-helpers.ts';

interface Table {
  kind: string;
  apiVersion: string;
  metadata: { resourceVersion?: string };
  columnDefinitions: { name: string; type: string; format: string; description: string; priority: number }[];
  rows: {
    cells: unknown[];
    object?: { kind: string; apiVersion: string; metadata: Record<string, unknown> };
  }[];
}

let sim: Running;

before(async () => {
  sim = await startCluster();
});

after(async () => {
  await sim.cluster.close();
});

async function table(path: string, accept = TABLE_ACCEPT): Promise<Table> {
  const r = await call(sim.url, path, {
    token: sim.cluster.adminToken,
    caPem: sim.caPem,
    headers: { accept },
  });
  assert.equal(r.status, 200, r.text);
  return r.json<Table>();
}

const columns = (t: Table): string[] => t.columnDefinitions.map((c) => c.name);
const AGE = /^\d+(s|m|h|d|y)(\d+(s|m|h|d))?$/;

describe('Table output', () => {
  test('ScaledObject list: CRD printer columns with Name prepended, preformatted ages, PartialObjectMetadata rows', async () => {
    const t = await table('/apis/keda.sh/v1alpha1/scaledobjects?limit=500');
    assert.equal(t.kind, 'Table');
    assert.equal(t.apiVersion, 'meta.k8s.io/v1');
    assert.equal(t.metadata.resourceVersion, sim.cluster.resourceVersion);
    assert.deepEqual(columns(t), [
      'Name',
      'ScaleTargetKind',
      'ScaleTargetName',
      'Min',
      'Max',
      'Ready',
      'Active',
      'Fallback',
      'Paused',
      'Triggers',
      'Authentications',
      'Age',
    ]);
    const byName = Object.fromEntries(t.columnDefinitions.map((c) => [c.name, c]));
    assert.deepEqual(byName.Name, {
      name: 'Name',
      type: 'string',
      format: 'name',
      description: byName.Name?.description,
      priority: 0,
    });
    assert.equal(byName.Min?.type, 'integer');
    assert.equal(byName.Age?.type, 'date');
    assert.equal(
      byName.Ready?.description,
      'Custom resource definition column (in JSONPath format): .status.conditions[?(@.type=="Ready")].status',
    );
    assert.ok(t.columnDefinitions.every((c) => c.priority === 0));
    assert.equal(t.rows.length, 7);
    for (const row of t.rows) assert.equal(row.cells.length, 12);
    const row = t.rows.find((r) => r.cells[0] === 'rabbitmq-consumer');
    assert.ok(row);
    assert.deepEqual(row.cells.slice(0, 11), [
      'rabbitmq-consumer',
      'apps/v1.Deployment',
      'rabbitmq-consumer',
      0,
      5,
      'True',
      'False',
      'False',
      'False',
      'rabbitmq',
      'rabbitmq-consumer-trigger',
    ]);
    assert.match(String(row.cells[11]), AGE);
    assert.equal(row.object?.kind, 'PartialObjectMetadata');
    assert.equal(row.object?.apiVersion, 'meta.k8s.io/v1');
    assert.equal(row.object?.metadata.namespace, 'default');
    assert.equal(row.object?.metadata.name, 'rabbitmq-consumer');
  });

  test('single object: a one-row Table; missing values are null', async () => {
    await sim.cluster.client.create(ScaledObjectResource, {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: 'bare', namespace: 'default' },
      spec: {
        scaleTargetRef: { name: 'x' },
        triggers: [
          {
            type: 'cron',
            metadata: { timezone: 'UTC', start: '0 8 * * *', end: '0 18 * * *', desiredReplicas: '1' },
          },
        ],
      },
    } as Parameters<typeof sim.cluster.client.create>[1]);
    // The simulated KEDA fails it (no Deployment x): Ready False, and no target kind or triggers in status.
    await waitFor(
      async () =>
        (await table('/apis/keda.sh/v1alpha1/namespaces/default/scaledobjects/bare')).rows[0]?.cells[5] ===
        'False',
      3000,
      'KEDA reconciled bare',
    );
    const t = await table('/apis/keda.sh/v1alpha1/namespaces/default/scaledobjects/bare');
    assert.equal(t.rows.length, 1);
    const cells = t.rows[0]?.cells ?? [];
    assert.deepEqual(cells.slice(0, 11), [
      'bare',
      null,
      'x',
      null,
      null,
      'False',
      'Unknown',
      'False',
      'False',
      null,
      null,
    ]);
    assert.match(String(cells[11]), /^\d+s$/);
  });

  test('includeObject=None and Object', async () => {
    const none = await table('/apis/keda.sh/v1alpha1/namespaces/default/scaledobjects?includeObject=None');
    assert.ok(none.rows.every((r) => r.object === undefined));
    const full = await table('/apis/keda.sh/v1alpha1/namespaces/default/scaledobjects?includeObject=Object');
    assert.ok(full.rows.every((r) => r.object?.kind === 'ScaledObject'));
  });

  test('TriggerAuthentication columns come from its CRD, including priority-1 ones', async () => {
    const t = await table('/apis/keda.sh/v1alpha1/triggerauthentications');
    assert.deepEqual(columns(t), [
      'Name',
      'PodIdentity',
      'Secret',
      'Env',
      'VaultAddress',
      'ScaledObjects',
      'ScaledJobs',
    ]);
    assert.deepEqual(
      t.columnDefinitions.map((c) => c.priority),
      [0, 0, 0, 0, 0, 1, 1],
    );
    const row = t.rows.find((r) => r.cells[0] === 'rabbitmq-consumer-trigger');
    assert.deepEqual(row?.cells, [
      'rabbitmq-consumer-trigger',
      null,
      'rabbitmq-consumer-secret',
      null,
      null,
      'rabbitmq-consumer',
      null,
    ]);
  });

  test('Deployments print like kubectl: NAME READY UP-TO-DATE AVAILABLE AGE (+ wide columns)', async () => {
    const t = await table('/apis/apps/v1/namespaces/keda/deployments');
    assert.deepEqual(columns(t), [
      'Name',
      'Ready',
      'Up-to-date',
      'Available',
      'Age',
      'Containers',
      'Images',
      'Selector',
    ]);
    assert.deepEqual(
      t.columnDefinitions.map((c) => c.priority),
      [0, 0, 0, 0, 0, 1, 1, 1],
    );
    const row = t.rows.find((r) => r.cells[0] === 'keda-operator');
    assert.deepEqual(row?.cells.slice(0, 4), ['keda-operator', '1/1', 1, 1]);
    assert.match(String(row?.cells[4]), AGE);
    assert.deepEqual(row?.cells.slice(5), [
      'keda-operator',
      'ghcr.io/kedacore/keda:2.20.2',
      'app=keda-operator',
    ]);
  });

  test('Namespaces print NAME STATUS AGE; CRDs print NAME CREATED AT', async () => {
    const ns = await table('/api/v1/namespaces');
    assert.deepEqual(columns(ns), ['Name', 'Status', 'Age']);
    const def = ns.rows.find((r) => r.cells[0] === 'default');
    assert.equal(def?.cells[1], 'Active');
    assert.match(String(def?.cells[2]), AGE);
    const crds = await table('/apis/apiextensions.k8s.io/v1/customresourcedefinitions');
    assert.deepEqual(columns(crds), ['Name', 'Created At']);
    assert.equal(crds.columnDefinitions[1]?.type, 'date');
    assert.equal(crds.rows.length, 4);
    assert.match(String(crds.rows[0]?.cells[1]), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  test('without as=Table the same request returns a plain list', async () => {
    const r = await call(sim.url, '/apis/keda.sh/v1alpha1/scaledobjects', {
      token: sim.cluster.adminToken,
      caPem: sim.caPem,
      headers: { accept: 'application/json, */*' },
    });
    const list = r.json<{ kind: string; apiVersion: string; items: unknown[] }>();
    assert.equal(list.kind, 'ScaledObjectList');
    assert.equal(list.apiVersion, 'keda.sh/v1alpha1');
  });
});

describe('JSONPath (printer column subset)', () => {
  const data = {
    metadata: { name: 'web', labels: { 'app.kubernetes.io/name': 'web' } },
    spec: { replicas: 3, refs: [{ name: 'a' }, { name: 'b' }], empty: [] },
    status: {
      conditions: [
        { type: 'Ready', status: 'True' },
        { type: 'Active', status: 'False', count: 2 },
      ],
    },
  };
  const cases: [string, unknown[]][] = [
    ['.metadata.name', ['web']],
    ['{.metadata.name}', ['web']],
    ['$.spec.replicas', [3]],
    ['.spec.missing', []],
    ['.status.conditions[?(@.type=="Ready")].status', ['True']],
    ['.status.conditions[?(@.type=="Nope")].status', []],
    [".status.conditions[?(@.type!='Ready')].type", ['Active']],
    ['.status.conditions[?(@.count>1)].type', ['Active']],
    ['.status.conditions[?(@.count)].type', ['Active']],
    ['.spec.refs[*].name', ['a', 'b']],
    ['.spec.refs[0].name', ['a']],
    ['.spec.refs[-1].name', ['b']],
    ['.spec.refs[0:1].name', ['a']],
    ['.spec.empty[*]', []],
    [".metadata.labels['app.kubernetes.io/name']", ['web']],
    ['.metadata.labels.app\\.kubernetes\\.io/name', ['web']],
    ['..type', ['Ready', 'Active']],
    ['.status.conditions[*].type', ['Ready', 'Active']],
  ];
  for (const [expr, expected] of cases) {
    test(expr, () => assert.deepEqual(evaluateJsonPath(data, expr), expected));
  }
});

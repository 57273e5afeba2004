/**
 * The built-in kinds beyond Namespace / Deployment / CRD: their defaults, validation, decoder
 * checks, allocation, field selectors, server-side printing, discovery and OpenAPI entries.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { KubeObject } from '../../../components/src/core/kube/types.ts';
import { decodeBase64Go } from './core/base64.ts';
import {
  ApiError,
  configMapResource,
  horizontalPodAutoscalerResource,
  jobResource,
  namespaceResource,
  podResource,
  replicaSetResource,
  secretResource,
  serviceAccountResource,
  serviceResource,
  SimCluster,
  statefulSetResource,
} from './index.ts';
import { formatHpaTargets } from './registry/builtin.ts';
import { call, startCluster, TABLE_ACCEPT, waitFor, type Running } from './test-helpers.ts';

type Obj = KubeObject & Record<string, unknown>;

async function apiError(fn: () => Promise<unknown>): Promise<ApiError> {
  try {
    await fn();
  } catch (error) {
    assert.ok(error instanceof ApiError, `expected ApiError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected an ApiError');
}

const obj = (kind: string, apiVersion: string, name: string, body: Record<string, unknown>): Obj => ({
  apiVersion,
  kind,
  metadata: { name, namespace: 'default' },
  ...body,
});

const podTemplate = (app: string, restartPolicy?: string): Record<string, unknown> => ({
  metadata: { labels: { app } },
  spec: {
    ...(restartPolicy ? { restartPolicy } : {}),
    containers: [{ name: 'main', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }],
  },
});

interface Table {
  columnDefinitions: { name: string; priority: number; type: string; format: string }[];
  rows: { cells: unknown[]; object?: { metadata: { name?: string } } }[];
}

describe('built-in kinds (in-process)', () => {
  let cluster: SimCluster;
  before(async () => {
    cluster = await SimCluster.create({ seed: 3, scenario: 'empty', simulation: false });
  });
  after(async () => {
    await cluster.close();
  });

  test('Go base64: the offsets encoding/base64 reports, newlines ignored', () => {
    assert.deepEqual(decodeBase64Go('YWJj'), { ok: true, bytes: Buffer.from('abc') });
    assert.equal(decodeBase64Go('YW\nJj\r\n').ok, true);
    assert.deepEqual(decodeBase64Go('!!'), { ok: false, offset: 0 });
    assert.deepEqual(decodeBase64Go('YWJj$'), { ok: false, offset: 4 });
    assert.deepEqual(decodeBase64Go('YWJ'), { ok: false, offset: 0 });
    assert.deepEqual(decodeBase64Go('YQ='), { ok: false, offset: 3 });
    assert.deepEqual(decodeBase64Go('YQ==YQ=='), { ok: false, offset: 4 });
    assert.deepEqual(decodeBase64Go('not base64!'), { ok: false, offset: 3 });
    assert.deepEqual(decodeBase64Go(''), { ok: true, bytes: Buffer.alloc(0) });
  });

  test('Secret: base64 checked like the decoder, stringData merged into data, type Opaque', async () => {
    const bad = await apiError(() =>
      cluster.client.create(secretResource, obj('Secret', 'v1', 'bad', { data: { a: 'YWJj', b: 'YWJj$' } })),
    );
    assert.equal(bad.code, 400);
    assert.equal(bad.reason, 'BadRequest');
    assert.equal(
      bad.message,
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4',
    );
    const typed = await apiError(() =>
      cluster.client.create(secretResource, obj('Secret', 'v1', 'bad', { data: { a: 1 } })),
    );
    assert.equal(typed.code, 400);
    assert.match(
      typed.message,
      /cannot unmarshal number into Go struct field Secret\.data of type \[\]uint8/,
    );

    const created = await cluster.client.create<Obj>(
      secretResource,
      obj('Secret', 'v1', 'creds', {
        data: { a: 'eA==', c: 'YW\nJj' },
        stringData: { a: 'hello', b: 'wörld' },
      }),
    );
    assert.equal(created.type, 'Opaque');
    assert.equal(created.stringData, undefined);
    assert.deepEqual(created.data, {
      a: Buffer.from('hello').toString('base64'),
      c: 'YWJj',
      b: Buffer.from('wörld').toString('base64'),
    });
    assert.equal(created.metadata.generation, undefined);

    const key = await apiError(() =>
      cluster.client.create(secretResource, obj('Secret', 'v1', 'k', { data: { 'a b': 'eA==' } })),
    );
    assert.equal(key.code, 422);
    assert.match(
      key.message,
      /^Secret "k" is invalid: data\[a b\]: Invalid value: "a b": a valid config key must consist of alphanumeric characters/,
    );
    const tls = await apiError(() =>
      cluster.client.create(
        secretResource,
        obj('Secret', 'v1', 't', { type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==' } }),
      ),
    );
    assert.equal(tls.message, 'Secret "t" is invalid: data[tls.key]: Required value');
    const retype = await apiError(() =>
      cluster.client.patch(secretResource, { namespace: 'default', name: 'creds' }, 'merge', {
        type: 'kubernetes.io/tls',
      }),
    );
    assert.match(retype.message, /type: Invalid value: "kubernetes.io\/tls": field is immutable/);

    const byType = await cluster.client.list(secretResource, {
      namespace: 'default',
      fieldSelector: 'type=Opaque',
    });
    assert.deepEqual(
      byType.items.map((s) => s.metadata.name),
      ['creds'],
    );
    const label = await apiError(() => cluster.client.list(secretResource, { fieldSelector: 'spec.x=1' }));
    assert.equal(label.code, 400);
    assert.equal(label.message, 'field label not supported: spec.x');
  });

  test('ConfigMap: binaryData is base64, keys are config keys, other field labels are unknown', async () => {
    const bad = await apiError(() =>
      cluster.client.create(configMapResource, obj('ConfigMap', 'v1', 'cm', { binaryData: { b: '%%' } })),
    );
    assert.equal(
      bad.message,
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: illegal base64 data at input byte 0',
    );
    const cm = await cluster.client.create<Obj>(
      configMapResource,
      obj('ConfigMap', 'v1', 'cm', { data: { 'app.yaml': 'x: 1' } }),
    );
    assert.deepEqual(cm.data, { 'app.yaml': 'x: 1' });
    const err = await apiError(() => cluster.client.list(configMapResource, { fieldSelector: 'data=1' }));
    assert.equal(
      err.message,
      '"data" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );
  });

  test('Service: ClusterIP from 10.96.0.0/12, node ports, defaults, kept across updates, port merge key', async () => {
    const seeded = await cluster.client.get<Obj>(serviceResource, {
      namespace: 'default',
      name: 'kubernetes',
    });
    assert.equal((seeded.spec as { clusterIP: string }).clusterIP, '10.96.0.1');
    const svc = await cluster.client.create<Obj>(
      serviceResource,
      obj('Service', 'v1', 'web', {
        spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }] },
      }),
    );
    const spec = svc.spec as Record<string, unknown>;
    const ip = String(spec.clusterIP);
    const [a, b] = ip.split('.').map(Number);
    assert.equal(a, 10);
    assert.ok((b ?? 0) >= 96 && (b ?? 0) <= 111, ip);
    assert.deepEqual(spec.clusterIPs, [ip]);
    assert.equal(spec.type, 'ClusterIP');
    assert.equal(spec.sessionAffinity, 'None');
    assert.deepEqual(spec.ipFamilies, ['IPv4']);
    assert.equal(spec.ipFamilyPolicy, 'SingleStack');
    assert.deepEqual(spec.ports, [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 80 }]);
    assert.deepEqual(svc.status, { loadBalancer: {} });

    // Same seed and history, same allocation.
    const allocated: string[] = [];
    for (let i = 0; i < 2; i++) {
      const twin = await SimCluster.create({ seed: 11, scenario: 'empty', simulation: false });
      try {
        const created = await twin.client.create<Obj>(
          serviceResource,
          obj('Service', 'v1', 'web', { spec: { ports: [{ port: 80 }] } }),
        );
        allocated.push((created.spec as { clusterIP: string }).clusterIP);
      } finally {
        await twin.close();
      }
    }
    assert.equal(allocated[0], allocated[1]);

    // A PUT without clusterIP keeps it; changing it is refused.
    const { clusterIP: _ip, clusterIPs: _ips, ...rest } = spec;
    const put = await cluster.client.update<Obj>(serviceResource, { ...svc, spec: rest });
    assert.equal((put.spec as { clusterIP: string }).clusterIP, ip);
    const changed = await apiError(() =>
      cluster.client.patch(serviceResource, { namespace: 'default', name: 'web' }, 'merge', {
        spec: { clusterIP: '10.96.0.99', clusterIPs: ['10.96.0.99'] },
      }),
    );
    assert.equal(changed.code, 422);
    assert.match(changed.message, /may not change once set/);

    // Strategic merge on spec.ports keys by port (not containerPort).
    const merged = await cluster.client.patch<Obj>(
      serviceResource,
      { namespace: 'default', name: 'web' },
      'strategic',
      {
        spec: {
          ports: [
            { name: 'http', port: 80, targetPort: 8080 },
            { name: 'metrics', port: 9090 },
          ],
        },
      },
    );
    assert.deepEqual(
      (merged.spec as { ports: { port: number; targetPort: number }[] }).ports.map((p) => [
        p.port,
        p.targetPort,
      ]),
      [
        [80, 8080],
        [9090, 9090],
      ],
    );

    const nodePort = await cluster.client.create<Obj>(
      serviceResource,
      obj('Service', 'v1', 'np', { spec: { type: 'NodePort', ports: [{ port: 80 }] } }),
    );
    const np = nodePort.spec as { ports: { nodePort: number }[]; externalTrafficPolicy: string };
    assert.ok((np.ports[0]?.nodePort ?? 0) >= 30000 && (np.ports[0]?.nodePort ?? 0) <= 32767);
    assert.equal(np.externalTrafficPolicy, 'Cluster');

    const outside = await apiError(() =>
      cluster.client.create(
        serviceResource,
        obj('Service', 'v1', 'out', { spec: { clusterIP: '192.168.0.1', ports: [{ port: 80 }] } }),
      ),
    );
    assert.equal(
      outside.message,
      'Service "out" is invalid: spec.clusterIPs: Invalid value: []string{"192.168.0.1"}: failed to allocate IP 192.168.0.1: the provided IP (192.168.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
    const taken = await apiError(() =>
      cluster.client.create(
        serviceResource,
        obj('Service', 'v1', 'dup', { spec: { clusterIP: '10.96.0.1', ports: [{ port: 80 }] } }),
      ),
    );
    assert.match(taken.message, /provided IP is already allocated/);
    const name = await apiError(() =>
      cluster.client.create(
        serviceResource,
        obj('Service', 'v1', '1web', { spec: { ports: [{ port: 80 }] } }),
      ),
    );
    assert.match(name.message, /a DNS-1035 label must consist of lower case alphanumeric characters/);
    const byType = await cluster.client.list(serviceResource, { fieldSelector: 'spec.type=NodePort' });
    assert.deepEqual(
      byType.items.map((s) => s.metadata.name),
      ['np'],
    );
  });

  test('Pod: API and admission defaults, Pending status, update rules, pod field selectors', async () => {
    const pod = await cluster.client.create<Obj>(
      podResource,
      obj('Pod', 'v1', 'p1', { spec: podTemplate('p').spec }),
    );
    const spec = pod.spec as Record<string, unknown> & {
      containers: Record<string, unknown>[];
      volumes: { name: string }[];
    };
    assert.equal(spec.serviceAccountName, 'default');
    assert.equal(spec.restartPolicy, 'Always');
    assert.equal(spec.schedulerName, 'default-scheduler');
    assert.equal(spec.enableServiceLinks, true);
    assert.equal((spec.tolerations as unknown[]).length, 2);
    assert.match(spec.volumes[0]?.name ?? '', /^kube-api-access-[a-z0-9]{5}$/);
    assert.deepEqual(spec.containers[0]?.volumeMounts, [
      {
        mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
        name: spec.volumes[0]?.name,
        readOnly: true,
      },
    ]);
    assert.equal(spec.containers[0]?.imagePullPolicy, 'IfNotPresent');
    assert.deepEqual(pod.status, { phase: 'Pending', qosClass: 'BestEffort' });
    assert.equal(pod.metadata.generation, undefined);

    const forbidden = await apiError(() =>
      cluster.client.patch(podResource, { namespace: 'default', name: 'p1' }, 'merge', {
        spec: { restartPolicy: 'Never' },
      }),
    );
    assert.equal(forbidden.code, 422);
    assert.match(
      forbidden.message,
      /^Pod "p1" is invalid: spec: Forbidden: pod updates may not change fields other than/,
    );
    await cluster.client.patch(podResource, { namespace: 'default', name: 'p1' }, 'merge', {
      spec: { containers: [{ ...spec.containers[0], image: 'nginx:1.28' }], nodeName: 'node-1' },
    });
    await cluster.client.patch(
      podResource,
      { namespace: 'default', name: 'p1' },
      'merge',
      { status: { phase: 'Running', podIP: '10.244.0.5', podIPs: [{ ip: '10.244.0.5' }] } },
      { subresource: 'status' },
    );
    const running = await cluster.client.list(podResource, {
      namespace: 'default',
      fieldSelector:
        'status.phase=Running,spec.nodeName=node-1,status.podIP=10.244.0.5,spec.serviceAccountName=default',
    });
    assert.deepEqual(
      running.items.map((p) => p.metadata.name),
      ['p1'],
    );
    assert.equal(
      (await cluster.client.list(podResource, { fieldSelector: 'status.phase!=Running' })).items.length,
      0,
    );
    assert.equal(
      (await cluster.client.list(podResource, { fieldSelector: 'spec.host=node-1' })).items.length,
      1,
    );
    const err = await apiError(() =>
      cluster.client.list(podResource, { fieldSelector: 'spec.containers=x' }),
    );
    assert.equal(err.message, 'field label not supported: spec.containers');
    const noImage = await apiError(() =>
      cluster.client.create(podResource, obj('Pod', 'v1', 'p2', { spec: { containers: [{ name: 'a' }] } })),
    );
    assert.equal(noImage.message, 'Pod "p2" is invalid: spec.containers[0].image: Required value');
  });

  test('every new namespace gets a default ServiceAccount, re-created when deleted', async () => {
    await cluster.client.create(namespaceResource, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'fresh' },
    });
    const ref = { namespace: 'fresh', name: 'default' };
    await waitFor(
      async () => {
        try {
          await cluster.client.get(serviceAccountResource, ref);
          return true;
        } catch {
          return false;
        }
      },
      3000,
      'default ServiceAccount',
    );
    const first = await cluster.client.get(serviceAccountResource, ref);
    await cluster.client.delete(serviceAccountResource, ref);
    await waitFor(
      async () => {
        try {
          return (await cluster.client.get(serviceAccountResource, ref)).metadata.uid !== first.metadata.uid;
        } catch {
          return false;
        }
      },
      3000,
      'the re-created ServiceAccount',
    );
    const seeded = await cluster.client.list(serviceAccountResource, {
      fieldSelector: 'metadata.name=default',
    });
    assert.ok(seeded.items.some((sa) => sa.metadata.namespace === 'kube-system'));
  });

  test('Job: generated selector and pod labels, restartPolicy rule, status.successful selector', async () => {
    const job = await cluster.client.create<Obj>(
      jobResource,
      obj('Job', 'batch/v1', 'j1', { spec: { template: podTemplate('j', 'Never') } }),
    );
    const uid = job.metadata.uid ?? '';
    const spec = job.spec as Record<string, unknown> & {
      template: { metadata: { labels: Record<string, string> } };
    };
    assert.deepEqual(spec.selector, { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    assert.equal(spec.template.metadata.labels['job-name'], 'j1');
    assert.equal(spec.template.metadata.labels['batch.kubernetes.io/job-name'], 'j1');
    assert.equal(spec.completions, 1);
    assert.equal(spec.parallelism, 1);
    assert.equal(spec.backoffLimit, 6);
    assert.equal(job.metadata.generation, 1);
    const always = await apiError(() =>
      cluster.client.create(
        jobResource,
        obj('Job', 'batch/v1', 'j2', { spec: { template: podTemplate('j') } }),
      ),
    );
    assert.equal(
      always.message,
      'Job.batch "j2" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    );
    assert.equal(
      (await cluster.client.list(jobResource, { fieldSelector: 'status.successful=0' })).items.length,
      1,
    );
    const label = await apiError(() => cluster.client.list(jobResource, { fieldSelector: 'spec.x=1' }));
    assert.equal(label.message, 'field label "spec.x" not supported for Job');
  });

  test('HPA: defaults and validation', async () => {
    const hpa = await cluster.client.create<Obj>(
      horizontalPodAutoscalerResource,
      obj('HorizontalPodAutoscaler', 'autoscaling/v2', 'h1', {
        spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 4 },
      }),
    );
    const spec = hpa.spec as Record<string, unknown>;
    assert.equal(spec.minReplicas, 1);
    assert.deepEqual(spec.metrics, [
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
      },
    ]);
    assert.deepEqual(hpa.status, { desiredReplicas: 0 });
    const bad = await apiError(() =>
      cluster.client.create(
        horizontalPodAutoscalerResource,
        obj('HorizontalPodAutoscaler', 'autoscaling/v2', 'h2', {
          spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 5, maxReplicas: 2 },
        }),
      ),
    );
    assert.equal(
      bad.message,
      'HorizontalPodAutoscaler.autoscaling "h2" is invalid: spec.minReplicas: Invalid value: 5: must be less than or equal to maxReplicas',
    );
    const label = await apiError(() =>
      cluster.client.list(horizontalPodAutoscalerResource, { fieldSelector: 'spec.x=1' }),
    );
    assert.equal(
      label.message,
      '"spec.x" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );
  });

  test('ReplicaSet and StatefulSet: defaults, status reset, /scale', async () => {
    const rs = await cluster.client.create<Obj>(
      replicaSetResource,
      obj('ReplicaSet', 'apps/v1', 'web-5d4f', {
        spec: { selector: { matchLabels: { app: 'web' } }, template: podTemplate('web') },
      }),
    );
    assert.equal((rs.spec as { replicas: number }).replicas, 1);
    assert.deepEqual(rs.status, { replicas: 0 });
    const sts = await cluster.client.create<Obj>(
      statefulSetResource,
      obj('StatefulSet', 'apps/v1', 'db', {
        spec: { selector: { matchLabels: { app: 'db' } }, template: podTemplate('db'), serviceName: 'db' },
      }),
    );
    const stsSpec = sts.spec as Record<string, unknown>;
    assert.equal(stsSpec.podManagementPolicy, 'OrderedReady');
    assert.deepEqual(stsSpec.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    assert.deepEqual(sts.status, { replicas: 0, availableReplicas: 0 });
    const scale = await cluster.client.patch<Obj>(
      statefulSetResource,
      { namespace: 'default', name: 'db' },
      'merge',
      { spec: { replicas: 3 } },
      { subresource: 'scale' },
    );
    assert.equal(scale.kind, 'Scale');
    assert.deepEqual(scale.status, { replicas: 0, selector: 'app=db' });
    const after = await cluster.client.get<Obj>(statefulSetResource, { namespace: 'default', name: 'db' });
    assert.equal((after.spec as { replicas: number }).replicas, 3);
    const mismatch = await apiError(() =>
      cluster.client.create(
        replicaSetResource,
        obj('ReplicaSet', 'apps/v1', 'x', {
          spec: { selector: { matchLabels: { app: 'y' } }, template: podTemplate('web') },
        }),
      ),
    );
    assert.match(mismatch.message, /`selector` does not match template `labels`/);
  });
});

describe('HPA TARGETS column (formatHPAMetrics)', () => {
  const external = (avg: boolean, name = 'm') => ({
    type: 'External',
    external: {
      metric: { name },
      target: avg ? { type: 'AverageValue', averageValue: '50' } : { type: 'Value', value: '5' },
    },
  });
  const cpu = {
    type: 'Resource',
    resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
  };

  test('current/target pairs by index, <unknown> without a current value, at most two then + N more...', () => {
    assert.equal(formatHpaTargets([], []), '<none>');
    assert.equal(formatHpaTargets([external(true)], []), '<unknown>/50 (avg)');
    assert.equal(
      formatHpaTargets(
        [external(true)],
        [{ type: 'External', external: { current: { averageValue: '267' } } }],
      ),
      '267/50 (avg)',
    );
    assert.equal(
      formatHpaTargets([external(false)], [{ type: 'External', external: { current: { value: '3' } } }]),
      '3/5',
    );
    assert.equal(formatHpaTargets([external(false)], []), '<unknown>/5');
    assert.equal(
      formatHpaTargets(
        [cpu],
        [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 12 } } }],
      ),
      'cpu: 12%/50%',
    );
    assert.equal(formatHpaTargets([cpu], []), 'cpu: <unknown>/50%');
    assert.equal(
      formatHpaTargets(
        [
          {
            type: 'Resource',
            resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } },
          },
        ],
        [],
      ),
      'memory: <unknown>/100Mi',
    );
    assert.equal(
      formatHpaTargets([external(true), cpu, external(false), external(false)], []),
      '<unknown>/50 (avg), cpu: <unknown>/50% + 2 more...',
    );
  });
});

describe('built-in kinds over HTTP: tables, discovery, OpenAPI', () => {
  let sim: Running;
  before(async () => {
    sim = await startCluster({ seed: 5, scenario: 'empty', simulation: false });
    const c = sim.cluster.client;
    await c.create(podResource, obj('Pod', 'v1', 'web-1', { spec: podTemplate('web').spec }));
    await c.patch(
      podResource,
      { namespace: 'default', name: 'web-1' },
      'merge',
      {
        status: {
          phase: 'Running',
          podIP: '10.244.1.7',
          podIPs: [{ ip: '10.244.1.7' }],
          conditions: [{ type: 'Ready', status: 'True' }],
          containerStatuses: [
            {
              name: 'main',
              ready: true,
              restartCount: 2,
              image: 'nginx:1.27',
              imageID: '',
              state: { running: { startedAt: '2024-01-01T00:00:00Z' } },
              lastState: {
                terminated: {
                  exitCode: 1,
                  reason: 'Error',
                  finishedAt: new Date(Date.now() - 300_000).toISOString(),
                },
              },
            },
          ],
        },
      },
      { subresource: 'status' },
    );
    await c.create(
      secretResource,
      obj('Secret', 'v1', 'tls', {
        type: 'kubernetes.io/tls',
        data: { 'tls.crt': 'eA==', 'tls.key': 'eQ==' },
      }),
    );
    await c.create(
      jobResource,
      obj('Job', 'batch/v1', 'once', { spec: { template: podTemplate('once', 'Never') } }),
    );
  });
  after(async () => {
    await sim.cluster.close();
  });

  async function table(path: string): Promise<Table> {
    const r = await call(sim.url, path, {
      token: sim.cluster.adminToken,
      caPem: sim.caPem,
      headers: { accept: TABLE_ACCEPT },
    });
    assert.equal(r.status, 200, r.text);
    return r.json<Table>();
  }
  const names = (t: Table, wide = false): string[] =>
    t.columnDefinitions.filter((c) => wide || c.priority === 0).map((c) => c.name);

  test('kubectl 1.32 printer columns and cells for pods, secrets, services, SAs, jobs', async () => {
    const pods = await table('/api/v1/namespaces/default/pods');
    assert.deepEqual(names(pods), ['Name', 'Ready', 'Status', 'Restarts', 'Age']);
    assert.deepEqual(names(pods, true), [
      'Name',
      'Ready',
      'Status',
      'Restarts',
      'Age',
      'IP',
      'Node',
      'Nominated Node',
      'Readiness Gates',
    ]);
    const cells = pods.rows[0]?.cells ?? [];
    assert.deepEqual(cells.slice(0, 4), ['web-1', '1/1', 'Running', '2 (5m ago)']);
    assert.deepEqual(cells.slice(5), ['10.244.1.7', '<none>', '<none>', '<none>']);

    const secrets = await table('/api/v1/namespaces/default/secrets');
    assert.deepEqual(names(secrets), ['Name', 'Type', 'Data', 'Age']);
    assert.deepEqual(secrets.rows[0]?.cells.slice(0, 3), ['tls', 'kubernetes.io/tls', 2]);

    const services = await table('/api/v1/namespaces/default/services');
    assert.deepEqual(names(services, true), [
      'Name',
      'Type',
      'Cluster-IP',
      'External-IP',
      'Port(s)',
      'Age',
      'Selector',
    ]);
    assert.deepEqual(services.rows[0]?.cells.slice(0, 5), [
      'kubernetes',
      'ClusterIP',
      '10.96.0.1',
      '<none>',
      '443/TCP',
    ]);
    assert.equal(services.rows[0]?.cells[6], '<none>');

    const sas = await table('/api/v1/namespaces/default/serviceaccounts');
    assert.deepEqual(names(sas), ['Name', 'Secrets', 'Age']);
    assert.deepEqual(sas.rows[0]?.cells.slice(0, 2), ['default', 0]);

    const jobs = await table('/apis/batch/v1/namespaces/default/jobs');
    assert.deepEqual(names(jobs), ['Name', 'Status', 'Completions', 'Duration', 'Age']);
    assert.deepEqual(jobs.rows[0]?.cells.slice(0, 4), ['once', 'Running', '0/1', '']);
    assert.match(String(jobs.rows[0]?.cells[7]), /^batch\.kubernetes\.io\/controller-uid=[0-9a-f-]{36}$/);
  });

  test('discovery lists the new kinds with their short names, categories and subresources', async () => {
    const core = (await call(sim.url, '/api/v1', { token: sim.cluster.adminToken, caPem: sim.caPem })).json<{
      resources: { name: string; shortNames?: string[]; categories?: string[] }[];
    }>();
    const byName = new Map(core.resources.map((r) => [r.name, r]));
    for (const name of [
      'pods',
      'pods/status',
      'events',
      'secrets',
      'configmaps',
      'services',
      'services/status',
      'serviceaccounts',
    ]) {
      assert.ok(byName.has(name), name);
    }
    assert.deepEqual(byName.get('pods')?.shortNames, ['po']);
    assert.deepEqual(byName.get('pods')?.categories, ['all']);
    assert.deepEqual(byName.get('events')?.shortNames, ['ev']);
    const apps = (
      await call(sim.url, '/apis/apps/v1', { token: sim.cluster.adminToken, caPem: sim.caPem })
    ).json<{ resources: { name: string; kind: string; group?: string }[] }>();
    for (const name of ['replicasets/scale', 'statefulsets/scale']) {
      assert.equal(apps.resources.find((r) => r.name === name)?.kind, 'Scale');
    }
  });

  test('OpenAPI v3: a patch operation with GVK and fieldValidation, schemas with GVK arrays', async () => {
    const index = (
      await call(sim.url, '/openapi/v3', { token: sim.cluster.adminToken, caPem: sim.caPem })
    ).json<{
      paths: Record<string, { serverRelativeURL: string }>;
    }>();
    const cases: [string, string, string, string][] = [
      ['api/v1', '', 'v1', 'Pod'],
      ['api/v1', '', 'v1', 'Secret'],
      ['api/v1', '', 'v1', 'Event'],
      ['apis/apps/v1', 'apps', 'v1', 'StatefulSet'],
      ['apis/batch/v1', 'batch', 'v1', 'Job'],
      ['apis/autoscaling/v2', 'autoscaling', 'v2', 'HorizontalPodAutoscaler'],
      ['apis/events.k8s.io/v1', 'events.k8s.io', 'v1', 'Event'],
    ];
    for (const [path, group, version, kind] of cases) {
      const url = index.paths[path]?.serverRelativeURL;
      assert.ok(url, path);
      const doc = (await call(sim.url, url, { token: sim.cluster.adminToken, caPem: sim.caPem })).json<{
        paths: Record<
          string,
          { patch?: { 'x-kubernetes-group-version-kind': unknown; parameters: { name: string }[] } }
        >;
        components: { schemas: Record<string, { 'x-kubernetes-group-version-kind'?: unknown[] }> };
      }>();
      const gvk = { group, version, kind };
      const patch = Object.values(doc.paths).find(
        (p) => JSON.stringify(p.patch?.['x-kubernetes-group-version-kind']) === JSON.stringify(gvk),
      )?.patch;
      assert.ok(
        patch?.parameters.some((p) => p.name === 'fieldValidation'),
        `${path} ${kind}`,
      );
      assert.ok(
        Object.values(doc.components.schemas).some((s) =>
          (s['x-kubernetes-group-version-kind'] ?? []).some(
            (g) => JSON.stringify(g) === JSON.stringify({ group, kind, version }),
          ),
        ),
        `${path} ${kind} schema`,
      );
    }
  });
});

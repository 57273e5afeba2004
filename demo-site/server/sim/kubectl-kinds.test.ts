/**
 * The real kubectl against the built-in kinds and external.metrics.k8s.io: printer columns, event
 * field selectors, Secret generators and base64 errors, get --raw, explain. Skipped without kubectl.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  eventResource,
  eventsV1EventResource,
  horizontalPodAutoscalerResource,
  jobResource,
  podResource,
  replicaSetResource,
  statefulSetResource,
  type ExternalMetricValue,
} from './index.ts';
import { startCluster, type Running } from './test-helpers.ts';

const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const header = (out: string): string[] => (out.trim().split('\n')[0] ?? '').trim().split(/\s{2,}/);

describe(
  'kubectl and the built-in kinds',
  { skip: !existsSync(KUBECTL) && `no kubectl at ${KUBECTL}` },
  () => {
    let sim: Running;
    let dir: string;
    let kubeconfig: string;

    function kubectl(args: string[]): Promise<Run> {
      return new Promise((resolve) => {
        execFile(
          KUBECTL,
          ['--kubeconfig', kubeconfig, '--cache-dir', join(dir, 'cache'), ...args],
          { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir }, timeout: 20_000 },
          (error, stdout, stderr) => {
            const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
            resolve({ code, stdout, stderr });
          },
        );
      });
    }

    async function ok(args: string[]): Promise<string> {
      const r = await kubectl(args);
      assert.equal(r.code, 0, `kubectl ${args.join(' ')} failed:\n${r.stderr}`);
      return r.stdout;
    }

    function manifest(name: string, body: string): string {
      const file = join(dir, name);
      writeFileSync(file, body);
      return file;
    }

    const template = (app: string, restartPolicy?: string) => ({
      metadata: { labels: { app } },
      spec: {
        ...(restartPolicy ? { restartPolicy } : {}),
        containers: [{ name: app, image: `ghcr.io/example/${app}:1.0` }],
      },
    });

    before(async () => {
      sim = await startCluster({ seed: 21, simulation: false });
      dir = mkdtempSync(join(tmpdir(), 'keda-sim-kubectl-kinds-'));
      kubeconfig = join(dir, 'kubeconfig');
      writeFileSync(kubeconfig, sim.cluster.kubeconfig(sim.url));
      const c = sim.cluster.client;
      const ns = { namespace: 'default' };
      await c.create(horizontalPodAutoscalerResource, {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: 'keda-hpa-rabbitmq-consumer', ...ns },
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'rabbitmq-consumer' },
          minReplicas: 1,
          maxReplicas: 5,
          metrics: [
            {
              type: 'External',
              external: {
                metric: {
                  name: 's0-rabbitmq-hello',
                  selector: { matchLabels: { 'scaledobject.keda.sh/name': 'rabbitmq-consumer' } },
                },
                target: { type: 'AverageValue', averageValue: '50' },
              },
            },
          ],
        },
      });
      await c.patch(
        horizontalPodAutoscalerResource,
        { name: 'keda-hpa-rabbitmq-consumer', ...ns },
        'merge',
        {
          status: {
            currentReplicas: 3,
            desiredReplicas: 3,
            currentMetrics: [
              {
                type: 'External',
                external: { metric: { name: 's0-rabbitmq-hello' }, current: { averageValue: '267' } },
              },
            ],
          },
        },
        { subresource: 'status' },
      );
      await c.create(horizontalPodAutoscalerResource, {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: 'web', namespace: 'orders' },
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
          maxReplicas: 10,
          metrics: [
            {
              type: 'Resource',
              resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
            },
          ],
        },
      });
      const now = Date.now();
      const micro = (ms: number): string => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
      await c.create(eventsV1EventResource, {
        apiVersion: 'events.k8s.io/v1',
        kind: 'Event',
        metadata: { name: 'rabbitmq-consumer.18a1', ...ns },
        eventTime: micro(now - 120_000),
        reportingController: 'keda-operator',
        reportingInstance: 'keda-operator-7d9f8',
        action: 'ScalersWatchStarted',
        reason: 'KEDAScalersStarted',
        regarding: {
          apiVersion: 'keda.sh/v1alpha1',
          kind: 'ScaledObject',
          name: 'rabbitmq-consumer',
          namespace: 'default',
        },
        note: 'Started scalers watch',
        type: 'Normal',
      });
      await c.create(eventResource, {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: 'rabbitmq-consumer.18a2', ...ns },
        involvedObject: {
          apiVersion: 'keda.sh/v1alpha1',
          kind: 'ScaledObject',
          name: 'rabbitmq-consumer',
          namespace: 'default',
        },
        reason: 'KEDAScalerFailed',
        message: 'connection refused',
        source: { component: 'keda-operator' },
        firstTimestamp: new Date(now - 600_000).toISOString(),
        lastTimestamp: new Date(now - 60_000).toISOString(),
        count: 7,
        type: 'Warning',
      });
      await c.create(eventResource, {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: 'other.18a3', ...ns },
        involvedObject: {
          apiVersion: 'keda.sh/v1alpha1',
          kind: 'ScaledObject',
          name: 'other',
          namespace: 'default',
        },
        reason: 'ScaledObjectReady',
        message: 'ScaledObject is ready for scaling',
        source: { component: 'keda-operator' },
        type: 'Normal',
      });
      await c.create(podResource, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'worker-0', ...ns },
        spec: template('worker').spec,
      });
      await c.create(replicaSetResource, {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name: 'worker-6d8f', ...ns },
        spec: { replicas: 2, selector: { matchLabels: { app: 'worker' } }, template: template('worker') },
      });
      await c.create(statefulSetResource, {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'db', ...ns },
        spec: {
          replicas: 1,
          serviceName: 'db',
          selector: { matchLabels: { app: 'db' } },
          template: template('db'),
        },
      });
      await c.create(jobResource, {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'once', ...ns },
        spec: { template: template('once', 'Never') },
      });
    });

    after(async () => {
      await sim.cluster.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('get hpa -A: REFERENCE and TARGETS as kubectl prints them', async () => {
      const out = await ok(['get', 'hpa', '-A']);
      assert.deepEqual(header(out), [
        'NAMESPACE',
        'NAME',
        'REFERENCE',
        'TARGETS',
        'MINPODS',
        'MAXPODS',
        'REPLICAS',
        'AGE',
      ]);
      assert.match(
        out,
        /^default\s+keda-hpa-rabbitmq-consumer\s+Deployment\/rabbitmq-consumer\s+267\/50 \(avg\)\s+1\s+5\s+3\s+\d+s\s*$/m,
      );
      assert.match(out, /^orders\s+web\s+Deployment\/web\s+cpu: <unknown>\/50%\s+1\s+10\s+0\s+\d+s\s*$/m);
    });

    test('get events with an involvedObject field selector (namespace and -A, wide)', async () => {
      const selector = 'involvedObject.kind=ScaledObject,involvedObject.name=rabbitmq-consumer';
      const out = await ok(['get', 'events', '--field-selector', selector]);
      assert.deepEqual(header(out), ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
      const rows = out.trim().split('\n').slice(1);
      assert.equal(rows.length, 2, out);
      assert.match(
        out,
        /^2m\d*s?\s+Normal\s+KEDAScalersStarted\s+scaledobject\/rabbitmq-consumer\s+Started scalers watch\s*$/m,
      );
      assert.match(
        out,
        /^6[01]s\s+Warning\s+KEDAScalerFailed\s+scaledobject\/rabbitmq-consumer\s+connection refused\s*$/m,
      );
      assert.doesNotMatch(out, /ScaledObjectReady/);

      const wide = await ok(['get', 'events', '-A', '-o', 'wide', '--field-selector', selector]);
      assert.deepEqual(header(wide), [
        'NAMESPACE',
        'LAST SEEN',
        'TYPE',
        'REASON',
        'OBJECT',
        'SUBOBJECT',
        'SOURCE',
        'MESSAGE',
        'FIRST SEEN',
        'COUNT',
        'NAME',
      ]);
      assert.match(
        wide,
        /KEDAScalersStarted\s+scaledobject\/rabbitmq-consumer\s+keda-operator, keda-operator-7d9f8\s+Started scalers watch\s+2m\d*s?\s+1\s+rabbitmq-consumer\.18a1/,
      );
      assert.match(
        wide,
        /KEDAScalerFailed\s+scaledobject\/rabbitmq-consumer\s+keda-operator\s+connection refused\s+10m\s+7\s+rabbitmq-consumer\.18a2/,
      );

      const bad = await kubectl(['get', 'events', '--field-selector', 'regarding.name=x']);
      assert.notEqual(bad.code, 0);
      assert.match(bad.stderr, /field label not supported: regarding\.name/);
      const v1 = await ok([
        'get',
        'events.v1.events.k8s.io',
        '--field-selector',
        'regarding.name=other',
        '-o',
        'name',
      ]);
      assert.equal(v1.trim(), 'event.events.k8s.io/other.18a3');
    });

    test('create secret generic (protobuf body), then get shows TYPE and DATA', async () => {
      assert.match(
        await ok([
          'create',
          'secret',
          'generic',
          'rabbitmq-auth',
          '--from-literal=host=amqp://guest:guest@rabbitmq:5672',
          '--from-literal=user=guest',
        ]),
        /secret\/rabbitmq-auth created/,
      );
      const out = await ok(['get', 'secret', 'rabbitmq-auth']);
      assert.deepEqual(header(out), ['NAME', 'TYPE', 'DATA', 'AGE']);
      assert.match(out, /^rabbitmq-auth\s+Opaque\s+2\s+\d+s\s*$/m);
      const host = await ok(['get', 'secret', 'rabbitmq-auth', '-o', 'jsonpath={.data.host}']);
      assert.equal(Buffer.from(host, 'base64').toString(), 'amqp://guest:guest@rabbitmq:5672');
    });

    test('create job / service clusterip / serviceaccount (protobuf bodies) get the API defaults', async () => {
      assert.match(
        await ok(['create', 'job', 'migrate', '--image=busybox', '--', 'echo', 'hi']),
        /job\.batch\/migrate created/,
      );
      const job = JSON.parse(await ok(['get', 'job', 'migrate', '-o', 'json'])) as {
        metadata: { uid: string };
        spec: {
          selector: unknown;
          template: { spec: { restartPolicy: string; containers: { command: string[] }[] } };
        };
      };
      assert.deepEqual(job.spec.selector, {
        matchLabels: { 'batch.kubernetes.io/controller-uid': job.metadata.uid },
      });
      assert.equal(job.spec.template.spec.restartPolicy, 'Never');
      assert.deepEqual(job.spec.template.spec.containers[0]?.command, ['echo', 'hi']);
      assert.match(
        await ok(['create', 'service', 'clusterip', 'amqp', '--tcp=5672:5672']),
        /service\/amqp created/,
      );
      assert.match(
        await ok(['get', 'svc', 'amqp']),
        /^amqp\s+ClusterIP\s+10\.\d+\.\d+\.\d+\s+<none>\s+5672\/TCP\s+\d+s\s*$/m,
      );
      assert.match(await ok(['create', 'serviceaccount', 'builder']), /serviceaccount\/builder created/);
    });

    test('apply of a Secret whose data is not base64: the apiserver decoder error', async () => {
      const file = manifest(
        'bad-secret.yaml',
        `apiVersion: v1
kind: Secret
metadata:
  name: keda-rabbitmq-secret
data:
  host: amqp://guest:password@localhost:5672/vhost
`,
      );
      const r = await kubectl(['apply', '-f', file]);
      assert.notEqual(r.code, 0);
      assert.equal(
        r.stderr.trim(),
        `Error from server (BadRequest): error when creating "${file}": Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4`,
      );
    });

    test('apply of a Service twice: ports merge by port, the second apply is unchanged', async () => {
      const file = manifest(
        'svc.yaml',
        `apiVersion: v1
kind: Service
metadata:
  name: rabbitmq
spec:
  selector:
    app: rabbitmq
  ports:
  - name: amqp
    port: 5672
`,
      );
      assert.match(await ok(['apply', '-f', file]), /service\/rabbitmq created/);
      assert.match(await ok(['apply', '-f', file]), /service\/rabbitmq unchanged/);
      writeFileSync(file, `${readAfterReplace(file)}`);
      assert.match(await ok(['apply', '-f', file]), /service\/rabbitmq configured/);
      const ports = await ok([
        'get',
        'svc',
        'rabbitmq',
        '-o',
        'jsonpath={range .spec.ports[*]}{.port}/{.targetPort} {end}',
      ]);
      assert.equal(ports.trim(), '5672/5672 15672/15672');
    });

    test('get pods,rs,jobs,svc,sa,cm,sts: each kind with its printer columns', async () => {
      await ok(['create', 'configmap', 'worker-config', '--from-literal=mode=fast']);
      const out = await ok(['get', 'pods,rs,jobs,svc,sa,cm,sts']);
      const blocks = out.trim().split(/\n\s*\n/);
      const headers = blocks.map(header);
      assert.deepEqual(headers, [
        ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
        ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
        ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
        ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
        ['NAME', 'SECRETS', 'AGE'],
        ['NAME', 'DATA', 'AGE'],
        ['NAME', 'READY', 'AGE'],
      ]);
      assert.match(out, /^pod\/worker-0\s+0\/1\s+Pending\s+0\s+\d+s\s*$/m);
      assert.match(out, /^replicaset\.apps\/worker-6d8f\s+2\s+0\s+0\s+\d+s\s*$/m);
      assert.match(out, /^job\.batch\/once\s+Running\s+0\/1\s+\d+s\s*$/m);
      assert.match(out, /^service\/kubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP\s+\d+d\s*$/m);
      assert.match(
        out,
        /^service\/rabbitmq\s+ClusterIP\s+10\.\d+\.\d+\.\d+\s+<none>\s+5672\/TCP,15672\/TCP\s+\d+s\s*$/m,
      );
      assert.match(out, /^serviceaccount\/default\s+0\s+\d+d\s*$/m);
      assert.match(out, /^configmap\/worker-config\s+1\s+\d+s\s*$/m);
      assert.match(out, /^statefulset\.apps\/db\s+0\/1\s+\d+s\s*$/m);

      const wide = await ok(['get', 'pods', '-o', 'wide']);
      assert.deepEqual(header(wide), [
        'NAME',
        'READY',
        'STATUS',
        'RESTARTS',
        'AGE',
        'IP',
        'NODE',
        'NOMINATED NODE',
        'READINESS GATES',
      ]);
    });

    test('get --raw on external.metrics.k8s.io answers what the registered provider returns', async () => {
      const path =
        '/apis/external.metrics.k8s.io/v1beta1/namespaces/default/s0-rabbitmq-hello?labelSelector=scaledobject.keda.sh%2Fname%3Drabbitmq-consumer';
      const down = await kubectl(['get', '--raw', path]);
      assert.notEqual(down.code, 0);
      assert.match(
        down.stderr,
        /timeout while waiting to establish gRPC connection to KEDA Metrics Service server/,
      );
      sim.cluster.setExternalMetricsProvider({
        getValues: (namespace, metricName): ExternalMetricValue[] => [
          {
            metricName,
            metricLabels: null,
            timestamp: '2026-01-02T03:04:05Z',
            value: namespace === 'default' ? '4667m' : '0',
          },
        ],
      });
      try {
        const out = await ok(['get', '--raw', path]);
        assert.deepEqual(JSON.parse(out), {
          kind: 'ExternalMetricValueList',
          apiVersion: 'external.metrics.k8s.io/v1beta1',
          metadata: {},
          items: [
            {
              metricName: 's0-rabbitmq-hello',
              metricLabels: null,
              timestamp: '2026-01-02T03:04:05Z',
              value: '4667m',
            },
          ],
        });
        const noSelector = await kubectl([
          'get',
          '--raw',
          '/apis/external.metrics.k8s.io/v1beta1/namespaces/default/s0-rabbitmq-hello',
        ]);
        assert.notEqual(noSelector.code, 0);
        assert.match(noSelector.stderr, /scaledObject name is not specified/);
      } finally {
        sim.cluster.setExternalMetricsProvider(undefined);
      }
    });

    test('explain hpa.spec from the autoscaling/v2 OpenAPI document', async () => {
      const out = await ok(['explain', 'hpa.spec']);
      assert.match(out, /^GROUP:\s+autoscaling$/m);
      assert.match(out, /^KIND:\s+HorizontalPodAutoscaler$/m);
      assert.match(out, /^VERSION:\s+v2$/m);
      assert.match(out, /^FIELD: spec <HorizontalPodAutoscalerSpec>$/m);
      assert.match(out, /^ {2}maxReplicas\s+<integer> -required-$/m);
      assert.match(out, /^ {2}metrics\s+<\[\]MetricSpec>$/m);
      assert.match(out, /^ {2}scaleTargetRef\s+<CrossVersionObjectReference> -required-$/m);
      const external = await ok(['explain', 'hpa.spec.metrics.external.target']);
      assert.match(external, /^ {2}averageValue\s+<Quantity>$/m);
    });
  },
);

/** The Service manifest of the apply test with a second port. */
function readAfterReplace(file: string): string {
  void file;
  return `apiVersion: v1
kind: Service
metadata:
  name: rabbitmq
spec:
  selector:
    app: rabbitmq
  ports:
  - name: amqp
    port: 5672
  - name: management
    port: 15672
`;
}

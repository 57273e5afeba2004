/**
 * Conformance: the real kubectl against the simulator over HTTPS, with a kubeconfig written by it.
 * Skipped when no kubectl binary is installed (override the path with KUBECTL).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ScaledObjectResource } from '../../../components/src/core/kube/resource.ts';
import { startCluster, waitFor, type Running } from './test-helpers.ts';

const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe(
  'kubectl against the simulator',
  { skip: !existsSync(KUBECTL) && `no kubectl at ${KUBECTL}` },
  () => {
    let sim: Running;
    let dir: string;
    let kubeconfig: string;

    /** Runs kubectl asynchronously (the server lives in this process, so never execFileSync). */
    function kubectl(args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
      return new Promise((resolve) => {
        execFile(
          KUBECTL,
          ['--kubeconfig', kubeconfig, '--cache-dir', join(dir, 'cache'), ...args],
          {
            env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, ...extraEnv },
            timeout: 20_000,
          },
          (error, stdout, stderr) => {
            const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
            resolve({ code, stdout, stderr });
          },
        );
      });
    }

    async function ok(args: string[], extraEnv?: Record<string, string>): Promise<string> {
      const r = await kubectl(args, extraEnv);
      assert.equal(r.code, 0, `kubectl ${args.join(' ')} failed:\n${r.stderr}`);
      return r.stdout;
    }

    function manifest(name: string, body: string): string {
      const file = join(dir, name);
      writeFileSync(file, body);
      return file;
    }

    before(async () => {
      sim = await startCluster();
      dir = mkdtempSync(join(tmpdir(), 'keda-sim-kubectl-'));
      kubeconfig = join(dir, 'kubeconfig');
      writeFileSync(kubeconfig, sim.cluster.kubeconfig(sim.url));
    });

    after(async () => {
      await sim.cluster.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('get scaledobjects -A prints the KEDA printer columns and the seeded rows', async () => {
      const out = await ok(['get', 'scaledobjects', '-A']);
      const [header = '', ...rows] = out.trim().split('\n');
      assert.deepEqual(header.trim().split(/\s+/), [
        'NAMESPACE',
        'NAME',
        'SCALETARGETKIND',
        'SCALETARGETNAME',
        'MIN',
        'MAX',
        'READY',
        'ACTIVE',
        'FALLBACK',
        'PAUSED',
        'TRIGGERS',
        'AUTHENTICATIONS',
        'AGE',
      ]);
      const row = rows.find((r) => /^default\s+rabbitmq-consumer\s/.test(r));
      assert.ok(row, out);
      assert.match(
        row,
        /^default\s+rabbitmq-consumer\s+apps\/v1\.Deployment\s+rabbitmq-consumer\s+0\s+5\s+True\s+False\s+False\s+False\s+rabbitmq\s+rabbitmq-consumer-trigger\s+\d+d\d*h?\s*$/,
      );
      assert.ok(
        rows.some((r) => /^orders\s+orders-processor\s.*\bTrue\s+True\s+False\s+False\s+rabbitmq\b/.test(r)),
        out,
      );
      assert.ok(
        rows.some((r) =>
          /^payments\s+payments-reconciler\s.*\bTrue\s+False\s+False\s+True\s+prometheus\b/.test(r),
        ),
        out,
      );
      assert.ok(rows.length >= 5);
    });

    test('get so NAME -o yaml shows the object', async () => {
      const out = await ok(['get', 'so', 'rabbitmq-consumer', '-o', 'yaml']);
      assert.match(out, /^kind: ScaledObject$/m);
      assert.match(out, /^ {2}name: rabbitmq-consumer$/m);
      assert.match(out, /queueName: hello/);
      assert.match(out, /- finalizer\.keda\.sh/);
      assert.match(out, /hpaName: keda-hpa-rabbitmq-consumer/);
    });

    test('apply creates, re-apply configures, patch --type merge and json change the object', async () => {
      const file = manifest(
        'so.yaml',
        `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: web
spec:
  scaleTargetRef:
    name: web-workload
  maxReplicaCount: 3
  triggers:
  - type: cron
    metadata:
      timezone: UTC
      start: 0 8 * * *
      end: 0 18 * * *
      desiredReplicas: "1"
`,
      );
      assert.match(await ok(['apply', '-f', file]), /scaledobject\.keda\.sh\/web created/);
      const got = await ok(['get', 'so', 'web']);
      assert.match(got, /^web\s+web-workload\s+3\s/m);
      writeFileSync(file, readFileSync(file, 'utf8').replace('maxReplicaCount: 3', 'maxReplicaCount: 7'));
      assert.match(await ok(['apply', '-f', file]), /configured/);
      assert.match(await ok(['apply', '-f', file]), /unchanged/);
      await ok(['patch', 'so', 'web', '--type', 'merge', '-p', '{"spec":{"minReplicaCount":2}}']);
      await ok([
        'patch',
        'so',
        'web',
        '--type',
        'json',
        '-p',
        '[{"op":"replace","path":"/spec/maxReplicaCount","value":9}]',
      ]);
      const jsonOut = JSON.parse(await ok(['get', 'so', 'web', '-o', 'json'])) as {
        spec: { minReplicaCount: number; maxReplicaCount: number };
        metadata: { generation: number; annotations: Record<string, string> };
      };
      assert.equal(jsonOut.spec.minReplicaCount, 2);
      assert.equal(jsonOut.spec.maxReplicaCount, 9);
      assert.equal(jsonOut.metadata.generation, 4);
      assert.ok(jsonOut.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']);
    });

    test('patch without --type gets the 415 of a real apiserver for custom resources', async () => {
      const r = await kubectl(['patch', 'so', 'rabbitmq-consumer', '-p', '{"spec":{"minReplicaCount":1}}']);
      assert.notEqual(r.code, 0);
      assert.match(
        r.stderr,
        /error: application\/strategic-merge-patch\+json is not supported by keda\.sh\/v1alpha1, Kind=ScaledObject: the body of the request was in an unknown format - accepted media types include: application\/json-patch\+json, application\/merge-patch\+json, application\/apply-patch\+yaml/,
      );
    });

    test('replace with a stale resourceVersion is a Conflict', async () => {
      const stale = await ok(['get', 'so', 'rabbitmq-consumer', '-o', 'yaml']);
      await ok([
        'patch',
        'so',
        'rabbitmq-consumer',
        '--type',
        'merge',
        '-p',
        '{"spec":{"cooldownPeriod":31}}',
      ]);
      const file = manifest('stale.yaml', stale);
      const r = await kubectl(['replace', '-f', file]);
      assert.notEqual(r.code, 0);
      assert.match(
        r.stderr,
        /Error from server \(Conflict\): error when replacing ".*stale\.yaml": Operation cannot be fulfilled on scaledobjects\.keda\.sh "rabbitmq-consumer": the object has been modified; please apply your changes to the latest version and try again/,
      );
    });

    test('delete completes for an object carrying finalizer.keda.sh', async () => {
      const out = await ok(['delete', 'so', 'orders-processor', '-n', 'orders']);
      assert.match(out, /scaledobject\.keda\.sh "orders-processor" deleted/);
      const r = await kubectl(['get', 'so', 'orders-processor', '-n', 'orders']);
      assert.match(
        r.stderr,
        /Error from server \(NotFound\): scaledobjects\.keda\.sh "orders-processor" not found/,
      );
    });

    test('get deploy and scale deploy', async () => {
      const out = await ok(['get', 'deploy', '-A']);
      assert.deepEqual(out.split('\n')[0]?.trim().split(/\s+/), [
        'NAMESPACE',
        'NAME',
        'READY',
        'UP-TO-DATE',
        'AVAILABLE',
        'AGE',
      ]);
      assert.match(out, /^default\s+rabbitmq-consumer\s+0\/0\s+0\s+0\s/m);
      assert.match(
        await ok(['-n', 'keda', 'scale', 'deploy', 'keda-admission-webhooks', '--replicas=2']),
        /deployment\.apps\/keda-admission-webhooks scaled/,
      );
      // A Deployment no ScaledObject manages (KEDA would scale rabbitmq-consumer back to 0). The
      // deployment controller rolls out on its own; pods take 2-5 s (real time at speed 1) to start.
      let last = '';
      await waitFor(
        async () => {
          last = await ok(['-n', 'keda', 'get', 'deploy', 'keda-admission-webhooks']);
          return /keda-admission-webhooks\s+2\/2\s+2\s+2\s/.test(last);
        },
        20_000,
        'deployment rolled out',
      );
    });

    test('explain scaledobject.spec uses the CRD schema', async () => {
      const out = await ok(['explain', 'scaledobject.spec']);
      assert.match(out, /KIND:\s+ScaledObject/);
      assert.match(out, /ScaledObjectSpec is the spec for a ScaledObject resource/);
      assert.match(out, /scaleTargetRef\s+<Object> -required-/);
      assert.match(out, /triggers\s+<\[\]Object> -required-/);
    });

    test('create namespace (protobuf body) and its AlreadyExists error', async () => {
      assert.match(await ok(['create', 'namespace', 'team-a']), /namespace\/team-a created/);
      const r = await kubectl(['create', 'namespace', 'team-a']);
      assert.match(r.stderr, /Error from server \(AlreadyExists\): namespaces "team-a" already exists/);
      assert.match(await ok(['get', 'ns', 'team-a']), /team-a\s+Active\s/);
    });

    test('get -w prints live events after the list', async () => {
      const watcher = execFile(
        KUBECTL,
        [
          '--kubeconfig',
          kubeconfig,
          '--cache-dir',
          join(dir, 'cache'),
          'get',
          'so',
          '-w',
          '--output-watch-events',
        ],
        { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir } },
      );
      let output = '';
      watcher.stdout?.on('data', (c: Buffer) => (output += c.toString()));
      try {
        await waitFor(() => /ADDED\s+rabbitmq-consumer/.test(output), 8000, 'initial list');
        await waitFor(() => sim.cluster.openWatches > 0, 5000, 'watch open');
        await sim.cluster.client.patch(
          ScaledObjectResource,
          { namespace: 'default', name: 'rabbitmq-consumer' },
          'merge',
          {
            spec: { maxReplicaCount: 8 },
          },
        );
        await waitFor(
          () =>
            /MODIFIED\s+rabbitmq-consumer\s+apps\/v1\.Deployment\s+rabbitmq-consumer\s+0\s+8\s/.test(output),
          5000,
          'MODIFIED row',
        );
      } finally {
        watcher.kill();
      }
    });

    test('the read-only token is Forbidden to write, with the real message', async () => {
      const r = await kubectl([
        '--token',
        sim.cluster.readOnlyToken,
        'patch',
        'so',
        'rabbitmq-consumer',
        '--type',
        'merge',
        '-p',
        '{"spec":{"minReplicaCount":1}}',
      ]);
      assert.match(
        r.stderr,
        /Error from server \(Forbidden\): scaledobjects\.keda\.sh "rabbitmq-consumer" is forbidden: User "viewer" cannot patch resource "scaledobjects" in API group "keda\.sh" in the namespace "default"/,
      );
    });

    test('a bad token is Unauthorized', async () => {
      const r = await kubectl(['--token', 'not-a-token', 'get', 'so']);
      assert.notEqual(r.code, 0);
      assert.match(r.stderr, /error: You must be logged in to the server/);
    });
  },
);

/**
 * The examples in `examples/<name>/`: each `manifests.yaml` goes through the real kubectl
 * (`apply --dry-run=server`, then `apply`) on a simulated cluster; each `scenario.yaml` repeats
 * those manifests document for document; and each scenario, replayed on a stepped virtual clock,
 * reaches the replica (or Job) count its README promises in a marker such as
 * `<!-- expect: Deployment/order-consumer replicas 8 within 600s -->`.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { load, loadAll } from 'js-yaml';
import {
  DeploymentResource,
  JobResource,
  ScaledJobResource,
  ScaledObjectResource,
  TriggerAuthenticationResource,
} from '../../../components/src/core/kube/resource.ts';
import type { KubeObject } from '../../../components/src/core/kube/types.ts';
import { SimCluster } from './index.ts';
import { startCluster, type Running } from './test-helpers.ts';
import { kubectlFor, kubectlMissing, type Kubectl } from './test-kubectl.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..', 'examples');
/** A weekday morning in Berlin, so that the cron example's business hours have begun. */
const START = new Date('2026-03-02T10:00:00Z');

interface Expectation {
  kind: 'Deployment' | 'ScaledJob';
  name: string;
  what: 'replicas' | 'jobs';
  count: number;
  withinSeconds: number;
}

interface Example {
  name: string;
  dir: string;
  manifests: KubeObject[];
  namespace: string;
  expect: Expectation;
}

const MARKER = /<!-- expect: (Deployment|ScaledJob)\/([a-z0-9-]+) (replicas|jobs) (\d+) within (\d+)s -->/;

function readExample(name: string): Example {
  const dir = join(ROOT, name);
  const manifests = loadAll(readFileSync(join(dir, 'manifests.yaml'), 'utf8')).filter(
    (d) => d !== null && d !== undefined,
  ) as KubeObject[];
  const namespaces = new Set(manifests.map((m) => m.metadata.namespace));
  assert.equal(namespaces.size, 1, `${name}: every manifest names the same namespace`);
  const m = MARKER.exec(readFileSync(join(dir, 'README.md'), 'utf8'));
  assert.ok(m, `${name}/README.md has an <!-- expect: … --> marker`);
  return {
    name,
    dir,
    manifests,
    namespace: String([...namespaces][0]),
    expect: {
      kind: m[1] as Expectation['kind'],
      name: m[2] ?? '',
      what: m[3] as Expectation['what'],
      count: Number(m[4]),
      withinSeconds: Number(m[5]),
    },
  };
}

const EXAMPLES: Example[] = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(ROOT, d.name, 'scenario.yaml')))
  .map((d) => readExample(d.name));

const REQUIRED = [
  'aws-sqs',
  'azure-servicebus',
  'cpu-memory',
  'cron',
  'fallback',
  'kafka',
  'metrics-api',
  'nats-jetstream',
  'postgresql',
  'prometheus',
  'rabbitmq',
  'redis-lists',
  'redis-streams',
  'scaledjob',
  'scaling-modifiers',
];

const objectName = (o: KubeObject): string => `${o.kind}/${o.metadata.name ?? ''}`;
const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

describe('examples/', () => {
  test('every trigger family the docs promise has a folder with manifests, scenario and README', () => {
    assert.deepEqual(
      EXAMPLES.map((e) => e.name),
      REQUIRED,
    );
  });

  for (const example of EXAMPLES) {
    test(`${example.name}: scenario.yaml seeds exactly manifests.yaml; credentials only in Secrets`, () => {
      const scenario = load(readFileSync(join(example.dir, 'scenario.yaml'), 'utf8')) as {
        manifests: unknown[];
      };
      assert.deepEqual(scenario.manifests, example.manifests);
      for (const m of example.manifests) {
        if (m.kind !== 'ScaledObject' && m.kind !== 'ScaledJob') continue;
        const spec = (
          m as unknown as { spec: { triggers: { type: string; metadata: Record<string, string> }[] } }
        ).spec;
        for (const t of spec.triggers) {
          for (const [key, value] of Object.entries(t.metadata)) {
            assert.doesNotMatch(key, /password|token|secret|connection|apiKey/i, `${objectName(m)}: ${key}`);
            assert.doesNotMatch(value, /:\/\/[^/\s]*:[^/\s]*@/, `${objectName(m)}: ${key} holds credentials`);
          }
        }
      }
    });
  }
});

describe('examples/ through kubectl', { skip: kubectlMissing }, () => {
  let sim: Running;
  let kubectl: Kubectl;

  before(async () => {
    sim = await startCluster({ scenario: 'empty', steppedClock: true, clock: { now: () => START } });
    kubectl = kubectlFor(sim, 'keda-sim-our-examples-');
  });
  after(async () => {
    kubectl.dispose();
    await sim.cluster.close();
  });

  for (const example of EXAMPLES) {
    test(`${example.name}: kubectl apply --dry-run=server, then apply`, async () => {
      const ns = await kubectl.run(['create', 'namespace', example.namespace]);
      assert.equal(ns.code, 0, ns.stderr);
      const file = join(example.dir, 'manifests.yaml');
      const dry = await kubectl.run(['apply', '--dry-run=server', '-f', file]);
      assert.equal(dry.code, 0, dry.stderr);
      assert.equal(dry.stderr, '', 'no warnings');
      assert.equal(lines(dry.stdout).length, example.manifests.length);
      for (const l of lines(dry.stdout)) assert.match(l, / created \(server dry run\)$/);
      for (const type of [ScaledObjectResource, ScaledJobResource, TriggerAuthenticationResource]) {
        const stored = await sim.cluster.client.list(type, { namespace: example.namespace });
        assert.equal(stored.items.length, 0, 'a dry run stores nothing');
      }

      const real = await kubectl.run(['apply', '-f', file]);
      assert.equal(real.code, 0, real.stderr);
      assert.equal(real.stderr, '');
      assert.deepEqual(
        lines(real.stdout).map((l) => l.replace(/^[^/]+\//, '').replace(/ created$/, '')),
        example.manifests.map((m) => m.metadata.name),
      );
      const again = await kubectl.run(['apply', '-f', file]);
      assert.equal(again.code, 0, again.stderr);
      for (const l of lines(again.stdout)) assert.match(l, / unchanged$/);
    });
  }
});

describe('examples/ scenarios scale as their READMEs say', () => {
  for (const example of EXAMPLES) {
    const { expect } = example;
    test(`${example.name}: ${expect.kind}/${expect.name} reaches ${expect.count} ${expect.what} within ${expect.withinSeconds} s`, async () => {
      const cluster = await SimCluster.create({
        scenarioFile: join(example.dir, 'scenario.yaml'),
        seed: 1,
        steppedClock: true,
        clock: { now: () => START },
      });
      try {
        const count = async (): Promise<number> => {
          if (expect.kind === 'Deployment') {
            const d = await cluster.client.get<KubeObject & { spec: { replicas: number } }>(
              DeploymentResource,
              {
                namespace: example.namespace,
                name: expect.name,
              },
            );
            return d.spec.replicas;
          }
          type Job = KubeObject & {
            metadata: { ownerReferences?: { kind: string; name: string }[] };
            status?: { conditions?: { type: string; status: string }[] };
          };
          const jobs = (await cluster.client.list<Job>(JobResource, { namespace: example.namespace })).items;
          return jobs.filter(
            (j) =>
              j.metadata.ownerReferences?.some((o) => o.kind === 'ScaledJob' && o.name === expect.name) &&
              !(j.status?.conditions ?? []).some(
                (c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
              ),
          ).length;
        };
        const seen: number[] = [];
        for (let t = 0; t <= expect.withinSeconds; t += 5) {
          const n = await count();
          if (seen[seen.length - 1] !== n) seen.push(n);
          if (n === expect.count) return;
          await cluster.clock.step(5_000);
        }
        assert.fail(`${expect.what} went ${seen.join(' → ')}, never ${expect.count}`);
      } finally {
        await cluster.close();
      }
    });
  }
});

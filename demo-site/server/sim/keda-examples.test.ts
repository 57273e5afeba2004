/**
 * Every manifest in `<shared>/keda/examples` applied with the real kubectl, first
 * `apply --dry-run=server`, then `apply`, and each document accepted or rejected as
 * `examples/README.md` says a real cluster (kube-apiserver 1.32 with KEDA 2.20's CRDs and
 * admission webhooks) does. The namespaces the manifests name are created first, as they would
 * exist on a real cluster.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  DeploymentResource,
  ScaledJobResource,
  ScaledObjectResource,
  TriggerAuthenticationResource,
  type ResourceType,
} from '../../../components/src/core/kube/resource.ts';
import { sharedDir } from './paths.ts';
import { startCluster, type Running } from './test-helpers.ts';
import { kubectlFor, kubectlMissing, type Kubectl } from './test-kubectl.ts';

const EXAMPLES = join(sharedDir(), 'keda', 'examples');
const TEMPLATES = join(EXAMPLES, 'reference-templates');

const NOT_CHECKED =
  '<nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation';

/** What one `kubectl apply` prints. `{file}` stands for the manifest's path. */
interface Outcome {
  code: number;
  /** Objects accepted, as `kind.group/name` (kubectl adds ` created` / ` created (server dry run)`). */
  created: string[];
  /** stderr lines. */
  stderr: string[];
}

interface Example {
  file: string;
  why: string;
  dryRun: Outcome;
  apply: Outcome;
}

const secretError = (byte: number): string =>
  `Error from server (BadRequest): error when creating "{file}": Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte ${byte}`;

const same = (o: Outcome): { dryRun: Outcome; apply: Outcome } => ({ dryRun: o, apply: o });

const EXPECTED: Example[] = [
  {
    file: '01-scaledobject-rabbitmq-sample-go-rabbitmq.yaml',
    why: 'real base64 Secret data; everything is accepted',
    ...same({
      code: 0,
      created: [
        'secret/rabbitmq-consumer-secret',
        'deployment.apps/rabbitmq-consumer',
        'scaledobject.keda.sh/rabbitmq-consumer',
        'triggerauthentication.keda.sh/rabbitmq-consumer-trigger',
      ],
      stderr: [],
    }),
  },
  {
    file: '03-scaledobject-temporal.yaml',
    why: 'real base64 Secret data; accepted (the target Deployment need not exist for a non-cpu trigger)',
    ...same({
      code: 0,
      created: [
        'secret/temporal-secret',
        'triggerauthentication.keda.sh/keda-trigger-auth-temporal',
        'scaledobject.keda.sh/workload-scaledobject',
      ],
      stderr: [],
    }),
  },
  {
    file: '04-scaledjob-rabbitmq.yaml',
    why: 'README: non-base64 Secret data (`<omitted>`) → 400 "illegal base64 data"; the ScaledJob is accepted',
    ...same({ code: 1, created: ['scaledjob.keda.sh/rabbitmq-consumer'], stderr: [secretError(0)] }),
  },
  {
    file: '05-scaledobject-cron-and-cpu.yaml',
    why:
      'schema-valid; KEDA’s webhook skips its cpu-request check on dry-run, but a real create looks up the target ' +
      'Deployment `my-deployment` for its cpu requests: absent here, so the Get’s NotFound is the answer (404)',
    dryRun: { code: 0, created: ['scaledobject.keda.sh/cron-scaledobject'], stderr: [] },
    apply: {
      code: 1,
      created: [],
      stderr: [
        'Error from server (NotFound): error when creating "{file}": admission webhook "vscaledobject.kb.io" denied the request: deployments.apps "my-deployment" not found',
      ],
    },
  },
  {
    file: '06-scaledobject-prometheus-bearer-auth.yaml',
    why: 'README: non-base64 Secret data (`BEARER_TOKEN`) → 400; the TriggerAuthentication in `default` and the ScaledObject in `keda` are accepted (their namespace mismatch only shows at runtime)',
    ...same({
      code: 1,
      created: [
        'triggerauthentication.keda.sh/keda-prom-creds',
        'scaledobject.keda.sh/prometheus-scaledobject',
      ],
      stderr: [secretError(6)],
    }),
  },
  {
    file: '08-scaledobject-aws-sqs-pod-identity.yaml',
    why: 'accepted',
    ...same({
      code: 0,
      created: [
        'triggerauthentication.keda.sh/keda-trigger-auth-aws-credentials',
        'scaledobject.keda.sh/aws-sqs-queue-scaledobject',
      ],
      stderr: [],
    }),
  },
  {
    file: '09-scaledobject-redis-list.yaml',
    why: 'real base64 Secret data; accepted',
    ...same({
      code: 0,
      created: [
        'secret/votes-db-secret',
        'triggerauthentication.keda.sh/keda-trigger-auth-redis-secret',
        'scaledobject.keda.sh/redis-scaledobject',
      ],
      stderr: [],
    }),
  },
  {
    file: '10-scaledobject-redis-streams.yaml',
    why: 'accepted, with KEDA’s admission warnings: minReplicaCount 1 makes pollingInterval and cooldownPeriod irrelevant',
    ...same({
      code: 0,
      created: ['scaledobject.keda.sh/redis-streams-scaledobject'],
      stderr: [
        'Warning: PollingInterval is configured but is not relevant. PollingInterval is only relevant when minReplicaCount = 0 or idleReplicaCount = 0 or useCachedMetrics is enabled',
        'Warning: CooldownPeriod is configured but is not relevant. CooldownPeriod is only relevant when minReplicaCount = 0 or idleReplicaCount = 0',
      ],
    }),
  },
  {
    file: '11-scaledobject-postgresql.yaml',
    why: 'README: `targetQueryValue: 1` is a YAML integer in map[string]string trigger metadata → 422; the TriggerAuthentication is accepted',
    ...same({
      code: 1,
      created: ['triggerauthentication.keda.sh/azure-pg-flex-auth'],
      stderr: [
        'The ScaledObject "airflow-worker" is invalid: ',
        '* spec.triggers[0].metadata.targetQueryValue: Invalid value: "integer": spec.triggers[0].metadata.targetQueryValue in body must be of type string: "integer"',
        `* ${NOT_CHECKED}`,
      ],
    }),
  },
  {
    file: '12-scaledobject-mysql.yaml',
    why: 'real base64 Secret data; accepted',
    ...same({
      code: 0,
      created: [
        'secret/mysql-secrets',
        'triggerauthentication.keda.sh/keda-trigger-auth-mysql-secret',
        'scaledobject.keda.sh/mysql-scaledobject',
      ],
      stderr: [],
    }),
  },
  {
    file: 'reference-templates/scaledjob-spec-template.yaml',
    why: 'README: `{placeholders}` parse as YAML maps; kubectl cannot even decode the document (nothing is sent)',
    ...same({
      code: 1,
      created: [],
      stderr: [
        'error: unable to decode "{file}": json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.annotations of type string',
      ],
    }),
  },
  {
    file: 'reference-templates/scaledobject-spec-template.yaml',
    why: 'README: `{name}` parses as a YAML map; kubectl cannot decode the document',
    ...same({
      code: 1,
      created: [],
      stderr: [
        'error: unable to decode "{file}": json: cannot unmarshal object into Go struct field ObjectMeta.metadata.name of type string',
      ],
    }),
  },
];

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

describe('the KEDA example manifests through kubectl', { skip: kubectlMissing }, () => {
  let sim: Running;
  let kubectl: Kubectl;

  before(async () => {
    sim = await startCluster({ scenario: 'empty' });
    kubectl = kubectlFor(sim, 'keda-sim-examples-');
    for (const ns of ['keda', 'keda-test', 'my-project']) {
      const r = await kubectl.run(['create', 'namespace', ns]);
      assert.equal(r.code, 0, r.stderr);
    }
  });

  after(async () => {
    await sim.cluster.close();
    kubectl.dispose();
  });

  test('the table covers every manifest in the folder', () => {
    const files = [
      ...readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')),
      ...readdirSync(TEMPLATES)
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => `reference-templates/${f}`),
    ].sort();
    assert.deepEqual(EXPECTED.map((e) => e.file).sort(), files);
  });

  for (const example of EXPECTED) {
    test(`${example.file}: ${example.why}`, async () => {
      const file = join(EXAMPLES, example.file);
      for (const [mode, outcome] of [
        ['--dry-run=server', example.dryRun],
        ['', example.apply],
      ] as const) {
        const r = await kubectl.run(['apply', ...(mode ? [mode] : []), '-f', file]);
        const suffix = mode ? ' created (server dry run)' : ' created';
        assert.deepEqual(
          { code: r.code, stdout: lines(r.stdout), stderr: lines(r.stderr) },
          {
            code: outcome.code,
            stdout: outcome.created.map((c) => `${c}${suffix}`),
            stderr: outcome.stderr.map((l) => l.replaceAll('{file}', file)),
          },
          `kubectl apply ${mode} -f ${example.file}`,
        );
      }
    });
  }

  test('what was accepted is stored, in the namespaces the manifests name', async () => {
    const names = async (type: ResourceType, namespace?: string): Promise<string[]> =>
      (await sim.cluster.client.list(type, { namespace })).items
        .map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`)
        .sort();
    assert.deepEqual(
      await names(ScaledObjectResource),
      [
        'default/rabbitmq-consumer',
        'default/workload-scaledobject',
        'keda-test/aws-sqs-queue-scaledobject',
        'keda/prometheus-scaledobject',
        'my-project/mysql-scaledobject',
        'my-project/redis-scaledobject',
        'default/redis-streams-scaledobject',
      ].sort(),
    );
    assert.deepEqual(await names(ScaledJobResource), ['default/rabbitmq-consumer']);
    assert.deepEqual(await names(TriggerAuthenticationResource), [
      'default/azure-pg-flex-auth',
      'default/keda-prom-creds',
      'default/keda-trigger-auth-temporal',
      'default/rabbitmq-consumer-trigger',
      'keda-test/keda-trigger-auth-aws-credentials',
      'my-project/keda-trigger-auth-mysql-secret',
      'my-project/keda-trigger-auth-redis-secret',
    ]);
  });

  test('re-applying an accepted manifest changes nothing', async () => {
    const r = await kubectl.run([
      'apply',
      '-f',
      join(EXAMPLES, '01-scaledobject-rabbitmq-sample-go-rabbitmq.yaml'),
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(lines(r.stdout), [
      'secret/rabbitmq-consumer-secret unchanged',
      'deployment.apps/rabbitmq-consumer unchanged',
      'scaledobject.keda.sh/rabbitmq-consumer unchanged',
      'triggerauthentication.keda.sh/rabbitmq-consumer-trigger unchanged',
    ]);
  });

  test('05 is accepted once its target Deployment exists with cpu requests', async () => {
    const deployment = kubectl.manifest(
      'my-deployment.yaml',
      `apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-deployment
  namespace: default
spec:
  selector:
    matchLabels: {app: my-deployment}
  template:
    metadata:
      labels: {app: my-deployment}
    spec:
      containers:
      - name: app
        image: nginx
        resources:
          requests: {cpu: 100m}
`,
    );
    assert.equal((await kubectl.run(['apply', '-f', deployment])).code, 0);
    const r = await kubectl.run(['apply', '-f', join(EXAMPLES, '05-scaledobject-cron-and-cpu.yaml')]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(lines(r.stdout), ['scaledobject.keda.sh/cron-scaledobject created']);
    const stored = await sim.cluster.client.get(DeploymentResource, {
      namespace: 'default',
      name: 'my-deployment',
    });
    assert.ok(stored.metadata.uid);
  });
});

// A standalone page for keda-yaml-editor over an in-memory API server (the tests' FakeKubeClient
// with writes on): `npx vite components/demo` then open /yaml-editor.html.
import '../src/index.js';
import '../src/elements/keda-yaml-editor/define.js';
import type { KedaConnection } from '../src/context/keda-connection.js';
import type { YamlEditor } from '../src/elements/keda-yaml-editor/keda-yaml-editor.js';
import type { KubeObject } from '../src/core/kube/types.js';
import { KubeApiError } from '../src/data/kube-client.js';
import { FakeKubeClient } from '../test/fake-kube-client.js';

const client = new FakeKubeClient();
client.byKind = true;
client.acceptReplaces = true;
client.acceptCreates = true;
client.serveGets = true;
client.objects = [
  {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: {
      name: 'orders',
      namespace: 'shop',
      uid: 'so-1',
      resourceVersion: '5',
      managedFields: [{ manager: 'kubectl' }],
      annotations: { team: 'payments' },
    },
    spec: {
      scaleTargetRef: { name: 'orders-consumer' },
      minReplicaCount: 0,
      maxReplicaCount: 10,
      triggers: [
        {
          type: 'rabbitmq',
          metadata: {
            queueName: 'orders',
            mode: 'QueueLength',
            value: '50',
            host: 'amqp://guest:s3cret@rabbitmq:5672',
          },
          authenticationRef: { name: 'rabbitmq-auth' },
        },
      ],
    },
    status: {
      hpaName: 'keda-hpa-orders',
      conditions: [{ type: 'Ready', status: 'True', reason: 'ScaledObjectReady' }],
    },
  },
  {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledJob',
    metadata: { name: 'reports', namespace: 'shop', uid: 'sj-1', resourceVersion: '6' },
    spec: {
      jobTargetRef: {
        template: { spec: { containers: [{ name: 'report', image: 'busybox' }], restartPolicy: 'Never' } },
      },
      triggers: [
        {
          type: 'cron',
          metadata: { timezone: 'Etc/UTC', start: '0 * * * *', end: '5 * * * *', desiredReplicas: '1' },
        },
      ],
    },
  },
  {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'TriggerAuthentication',
    metadata: { name: 'rabbitmq-auth', namespace: 'shop', uid: 'ta-1', resourceVersion: '7' },
    spec: { secretTargetRef: [{ parameter: 'host', name: 'rabbitmq', key: 'url' }] },
  },
] as unknown as KubeObject[];

const mount = document.getElementById('mount')!;
const connection = document.createElement('keda-connection') as KedaConnection;
connection.client = client;
mount.append(connection);

let editor: YamlEditor | undefined;
function show(choice: string): void {
  editor?.remove();
  editor = document.createElement('keda-yaml-editor');
  editor.draftKey = 'demo';
  if (choice === 'create') {
    editor.mode = 'create';
    editor.kind = 'ScaledObject';
    editor.namespace = 'shop';
  } else {
    const [kind, namespace, name] = choice.split('/');
    editor.kind = kind as YamlEditor['kind'];
    editor.namespace = namespace!;
    editor.name = name!;
  }
  editor.addEventListener('keda-saved', (e) => console.warn('keda-saved', e.detail.metadata.resourceVersion));
  editor.addEventListener('keda-cancel', () => console.warn('keda-cancel'));
  connection.append(editor);
}

const select = document.getElementById('kind') as HTMLSelectElement;
select.addEventListener('change', () => show(select.value));
show(select.value);

const on = (id: string, run: () => void) => document.getElementById(id)!.addEventListener('click', run);
on('theirs', () => {
  const current = client.objects.find((o) => o.metadata.name === editor?.name);
  if (!current) return;
  const next = structuredClone(current) as KubeObject & { metadata: { labels?: Record<string, string> } };
  next.metadata.labels = { ...next.metadata.labels, touched: String(Date.now() % 1000) };
  const spec = (next as unknown as { spec: Record<string, unknown> }).spec;
  if (typeof spec.maxReplicaCount === 'number') spec.maxReplicaCount += 1;
  client.emit('MODIFIED', next);
});
const status = (code: number, reason: string, message: string) =>
  ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code, reason, message }) as const;
on('fail-webhook', () => {
  const message = `scaledobjects.keda.sh "orders" is forbidden: admission webhook "vscaledobject.kb.io" denied the request: the workload 'orders-consumer' of type 'apps/v1.Deployment' is already managed by the ScaledObject 'legacy'`;
  client.failReplace(new KubeApiError(403, message, status(403, 'Forbidden', message)), { dryRun: true });
});
on('fail-422', () => {
  const message =
    'ScaledObject.keda.sh "orders" is invalid: spec.maxReplicaCount: Invalid value: 0: spec.maxReplicaCount in body should be greater than or equal to 1';
  client.failReplace(
    new KubeApiError(422, message, {
      ...status(422, 'Invalid', message),
      details: {
        causes: [
          {
            reason: 'FieldValueInvalid',
            field: 'spec.maxReplicaCount',
            message: 'Invalid value: 0: should be >= 1',
          },
        ],
      },
    }),
    { dryRun: true },
  );
});
on('fail-network', () =>
  client.failReplace(new KubeApiError(0, 'Cannot reach /clusters/demo: Failed to fetch'), { dryRun: true }),
);
on('readonly', () => {
  if (editor) editor.readonly = !editor.readonly;
});
on('theme', () => {
  document.body.classList.toggle('dark');
  document.body.classList.toggle('light', !document.body.classList.contains('dark'));
});

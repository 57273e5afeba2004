import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectSecrets, maskYamlLine, redactor } from './redact.js';
import { editableView, editableYaml, objectToSave, statusYaml } from './editable-object.js';
import type { KubeObject } from '../kube/types.js';

const so = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  metadata: {
    name: 'orders',
    namespace: 'shop',
    uid: 'u1',
    resourceVersion: '5',
    generation: 2,
    creationTimestamp: '2026-01-01T00:00:00Z',
    managedFields: [{ manager: 'kubectl' }],
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', team: 'a' },
  },
  spec: {
    scaleTargetRef: { name: 'w' },
    triggers: [
      {
        type: 'rabbitmq',
        metadata: { host: 'amqp://guest:s3cretpw@rabbit:5672', password: 'hunter22', queueName: 'orders' },
      },
    ],
  },
  status: { hpaName: 'keda-hpa-orders' },
} as KubeObject;

test('every value of a Secret is a secret, whatever its key; data also decoded', () => {
  const secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'rabbit' },
    data: { connection: btoa('amqp-conn-42') },
    stringData: { region: 'eu-west-1' },
  };
  assert.deepEqual(collectSecrets(secret).sort(), [btoa('amqp-conn-42'), 'amqp-conn-42', 'eu-west-1'].sort());
  assert.deepEqual(collectSecrets({ ...secret, kind: 'ConfigMap', data: undefined }), []);
});

test('secrets from metadata values and URL passwords, masked in any text', () => {
  const secrets = collectSecrets(so);
  assert.deepEqual(secrets.sort(), ['hunter22', 's3cretpw']);
  const redact = redactor(secrets);
  assert.equal(
    redact('spec.triggers[0].metadata.password: Invalid value: "hunter22"; and s3cretpw'),
    'spec.triggers[0].metadata.password: Invalid value: "****"; and ****',
  );
  assert.equal(redact('url amqp://a:b@c'), 'url amqp://a:****@c');
});

test('table: YAML lines shown outside the editor', () => {
  const cases: Array<[string, string]> = [
    ['      password: hunter22', '      password: ****'],
    ['  - apiKey: "abc"', '  - apiKey: ****'],
    ['      host: amqp://guest:s3cret@rabbit:5672', '      host: amqp://guest:****@rabbit:5672'],
    ['      queueName: orders', '      queueName: orders'],
    ['      secretKeyRefName: my-secret', '      secretKeyRefName: my-secret'],
    ["      password: ''", "      password: ''"],
  ];
  for (const [line, expected] of cases) assert.equal(maskYamlLine(line), expected, line);
});

test('the editable view hides status and server-owned metadata; saving restores them', () => {
  const view = editableView(so);
  assert.deepEqual(Object.keys(view), ['apiVersion', 'kind', 'metadata', 'spec']);
  assert.deepEqual(view.metadata, { name: 'orders', namespace: 'shop', annotations: { team: 'a' } });
  assert.match(
    editableYaml(so),
    /^apiVersion: keda.sh\/v1alpha1\nkind: ScaledObject\nmetadata:\n {2}name: orders\n/,
  );
  assert.equal(statusYaml(so), 'hpaName: keda-hpa-orders\n');

  const edited = structuredClone(view) as {
    metadata: { annotations: Record<string, string> };
    status?: unknown;
  };
  edited.metadata.annotations.team = 'b';
  edited.status = { x: 1 };
  const body = objectToSave(edited, so) as KubeObject & { status?: unknown };
  assert.equal(body.metadata.resourceVersion, '5');
  assert.equal(body.metadata.uid, 'u1');
  assert.equal(body.metadata.managedFields, undefined);
  assert.deepEqual(body.metadata.annotations, {
    'kubectl.kubernetes.io/last-applied-configuration': '{}',
    team: 'b',
  });
  assert.equal(body.status, undefined);
  assert.equal(objectToSave(edited, so, '9').metadata.resourceVersion, '9');
});

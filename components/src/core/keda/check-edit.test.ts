import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDocuments, checkEdit, type EditExpectations } from './check-edit.js';
import { CRD_SCHEMAS } from './crd-schemas.generated.js';
import { withObjectMeta } from './object-meta-schema.js';
import { rabbitAuthYaml, rabbitSecretYaml } from '../../../test/fixtures/rabbit-documents.js';

const schema = withObjectMeta(CRD_SCHEMAS.ScaledObject);
const expect: EditExpectations = {
  kind: 'ScaledObject',
  namespaced: true,
  mode: 'edit',
  name: 'orders',
  namespace: 'shop',
};

const valid = `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: orders
  namespace: shop
spec:
  scaleTargetRef:
    name: orders-consumer
  minReplicaCount: 0
  maxReplicaCount: 5
  triggers:
  - type: rabbitmq
    metadata:
      queueName: orders
      value: "50"
`;

/** `line:column source message` of every issue. */
function issues(text: string, e = expect): string[] {
  return checkEdit(text, schema, e).issues.map((i) => `${i.line}:${i.column} ${i.source} ${i.message}`);
}

test('a valid object has no issues', () => {
  assert.deepEqual(issues(valid), []);
});

test('table: each problem at its line and column', () => {
  const cases: Array<[string, string, string[]]> = [
    [
      'YAML syntax error',
      valid.replace('  minReplicaCount: 0', ' minReplicaCount: 0'),
      ['9:2 yaml bad indentation of a mapping entry'],
    ],
    [
      'schema: a number in trigger metadata',
      valid.replace('value: "50"', 'value: 50'),
      ['15:14 schema spec.triggers[0].metadata.value in body must be of type string: "integer"'],
    ],
    [
      'schema: minimum',
      valid.replace('maxReplicaCount: 5', 'maxReplicaCount: 0'),
      ['10:20 schema spec.maxReplicaCount in body should be greater than or equal to 1'],
    ],
    [
      'CEL rule at minReplicaCount',
      valid.replace('minReplicaCount: 0', 'minReplicaCount: 9'),
      [
        '9:20 rule spec: Invalid value: "object": minReplicaCount must be less than or equal to maxReplicaCount',
      ],
    ],
    [
      'required field missing: at the parent key',
      valid.replace('    name: orders-consumer\n', '    kind: Deployment\n'),
      ['7:3 schema spec.scaleTargetRef.name: Required value'],
    ],
    [
      'duplicate key',
      valid.replace('  maxReplicaCount: 5\n', '  maxReplicaCount: 5\n  maxReplicaCount: 6\n'),
      ['11:3 yaml duplicated mapping key "maxReplicaCount"'],
    ],
    [
      'renamed',
      valid.replace('name: orders\n', 'name: orders2\n'),
      ['4:9 schema metadata.name cannot be changed (it is "orders")'],
    ],
    [
      'wrong kind',
      valid.replace('kind: ScaledObject', 'kind: ScaledJob'),
      ['2:7 schema kind must be ScaledObject here, not "ScaledJob"'],
    ],
    [
      'admission: duplicate trigger names',
      valid.replace('  - type: rabbitmq\n', '  - type: rabbitmq\n    name: q\n') +
        '  - type: cpu\n    name: q\n    metadata:\n      value: "60"\n',
      [
        '18:11 admission triggerName "q" is defined multiple times in the ScaledObject/ScaledJob, but it must be unique',
      ],
    ],
    ['empty text', '', ['1:1 yaml The text is empty: write one YAML object.']],
  ];
  for (const [name, text, expected] of cases) assert.deepEqual(issues(text), expected, name);
});

test('create mode needs a name; counts errors and warnings', () => {
  const text = valid.replace('  name: orders\n', '');
  const result = checkEdit(text, schema, { kind: 'ScaledObject', namespaced: true, mode: 'create' });
  assert.deepEqual(
    result.issues.map((i) => `${i.line} ${i.message}`),
    ['3 metadata.name: Required value'],
  );
  assert.equal(result.errors, 1);
  const warned = checkEdit(
    valid.replace('minReplicaCount: 0', 'minReplicaCount: 1\n  pollingInterval: 10'),
    schema,
    expect,
  );
  assert.equal(warned.errors, 0);
  assert.equal(warned.warnings, 1);
});

test('without a schema (still loading) only YAML, identity and admission checks run', () => {
  const result = checkEdit(valid.replace('value: "50"', 'value: 50'), undefined, expect);
  assert.deepEqual(result.issues, []);
});

const schemas = {
  ScaledObject: schema,
  TriggerAuthentication: withObjectMeta(CRD_SCHEMAS.TriggerAuthentication),
};
const schemaOf = (kind: string) => schemas[kind as keyof typeof schemas];

const secret = rabbitSecretYaml('s3cretpw');
const auth = rabbitAuthYaml;
const several = `${secret}---\n${auth}---\n${valid}`;

/** `line:column source message` of every issue of a text of several documents. */
function documentIssues(text: string): string[] {
  return checkDocuments(text, schemaOf, 'shop').issues.map(
    (i) => `${i.line}:${i.column} ${i.source} ${i.message}`,
  );
}

test('several documents: each checked, what each creates', () => {
  const result = checkDocuments(several, schemaOf, 'shop');
  assert.deepEqual(result.issues, []);
  assert.deepEqual(
    result.documents.map((d) => [d.number, d.kind]),
    [
      [1, 'Secret'],
      [2, 'TriggerAuthentication'],
      [3, 'ScaledObject'],
    ],
  );
});

test('table: several documents, each problem at its line in the whole text', () => {
  const cases: Array<[string, string, string[]]> = [
    [
      'schema error in the third document',
      several.replace('value: "50"', 'value: 50'),
      ['32:14 schema spec.triggers[0].metadata.value in body must be of type string: "integer"'],
    ],
    [
      'syntax error in the second leaves the third checked',
      several
        .replace('  - parameter: host', ' - parameter: host')
        .replace('maxReplicaCount: 5', 'maxReplicaCount: 0'),
      [
        '14:2 yaml bad indentation of a mapping entry',
        '27:20 schema spec.maxReplicaCount in body should be greater than or equal to 1',
      ],
    ],
    [
      'a kind that cannot be created here',
      several.replace('kind: Secret', 'kind: Deployment'),
      [
        '2:7 yaml kind "Deployment" cannot be created here: write ScaledObjects, ScaledJobs, TriggerAuthentications, ClusterTriggerAuthentications or Secrets',
      ],
    ],
    [
      'the same object twice',
      `${auth}---\n${auth}`,
      ['14:9 yaml document 1 already creates TriggerAuthentication shop/rabbit-auth'],
    ],
    [
      'a Secret value that is not base64, a number in stringData: the messages name keys, not values',
      `${secret}data:\n  password: not base64!\n  port: 5672\n`,
      ['8:13 schema data[password]: must be base64-encoded', '9:9 schema data[port]: must be a string'],
    ],
    ['only comments', '# nothing\n---\n', ['1:1 yaml The text is empty: write one or more YAML objects.']],
  ];
  for (const [name, text, expected] of cases) assert.deepEqual(documentIssues(text), expected, name);
});

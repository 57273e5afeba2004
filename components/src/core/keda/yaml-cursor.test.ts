import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cursorContext, documentKindAt, fieldAt, newLineIndent } from './yaml-cursor.js';

const doc = `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: x
  annotations:
    note: |
      free text: not a key
spec:
  scaleTargetRef:
    name: web
  triggers:
  - type: cpu
    metadata:
      value: "50"
  - type: rabbitmq
`;

/** The context at the end of `doc + typed`. */
const at = (typed: string) => {
  const text = doc + typed;
  const c = cursorContext(text, text.length);
  return c && [c.position, c.path.join('/'), c.prefix];
};

test('table: where the cursor is', () => {
  const cases: Array<[string, unknown]> = [
    ['    met', ['key', 'spec/triggers/1', 'met']],
    ['    metricType: Av', ['value', 'spec/triggers/1/metricType', 'Av']],
    ['  min', ['key', 'spec', 'min']],
    ['  - ', ['key', 'spec/triggers/2', '']],
    ['  fallback:\n    behavior: ', ['value', 'spec/fallback/behavior', '']],
    ['st', ['key', '', 'st']],
    ['    # comment', undefined],
  ];
  for (const [typed, expected] of cases) assert.deepEqual(at(typed), expected, JSON.stringify(typed));
});

test('siblings above the cursor', () => {
  const text = `${doc}    `;
  assert.deepEqual(cursorContext(text, text.length)?.siblings, ['type']);
});

test('inside a block scalar there is no context', () => {
  const offset = doc.indexOf('free text') + 4;
  assert.equal(cursorContext(doc, offset), undefined);
});

test('fieldAt: the field of the key on a line', () => {
  assert.deepEqual(fieldAt(doc, doc.indexOf('value:') + 1), ['spec', 'triggers', 0, 'metadata', 'value']);
  assert.deepEqual(fieldAt(doc, doc.indexOf('scaleTargetRef') + 3), ['spec', 'scaleTargetRef']);
  assert.deepEqual(fieldAt(doc, doc.indexOf('- type: rabbitmq') + 4), ['spec', 'triggers', 1, 'type']);
  assert.equal(fieldAt(doc, doc.indexOf('free text') + 1), undefined);
});

test('table: indentation of the next line', () => {
  const cases: Array<[string, number]> = [
    ['spec:', 2],
    ['  minReplicaCount: 1', 2],
    ['  triggers:', 4],
    ['  - type: cpu', 4],
    ['    - name: a  # comment', 6],
    ['  - metadata:', 6],
    ['    note: |', 6],
    ['  -', 4],
    ['', 0],
  ];
  for (const [line, expected] of cases) assert.equal(newLineIndent(line), expected, JSON.stringify(line));
});

test('table: the kind of the document at the cursor', () => {
  const text = `apiVersion: v1
kind: Secret
stringData:
  password: x
---
# the auth
kind: "TriggerAuthentication"
spec:
  secretTargetRef: []
--- # a comment
apiVersion: keda.sh/v1alpha1
spec:
  template:
    kind: Pod
...
kind: ScaledObject
`;
  const cases: Array<[string, string | undefined]> = [
    ['password', 'Secret'],
    ['apiVersion: v1', 'Secret'],
    ['---\n# the auth', 'TriggerAuthentication'],
    ['secretTargetRef', 'TriggerAuthentication'],
    ['--- # a comment', undefined],
    ['template', undefined],
    ['...', undefined],
    ['kind: ScaledObject', 'ScaledObject'],
  ];
  for (const [where, expected] of cases)
    assert.equal(documentKindAt(text, text.indexOf(where) + 1), expected, where);
  assert.equal(documentKindAt(text, text.length), 'ScaledObject');
  assert.equal(documentKindAt('', 0), undefined);
});

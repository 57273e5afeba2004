import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex, parseYamlDocument, parseYamlDocuments } from './yaml-positions.js';

const text = `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: orders
  annotations:
    autoscaling.keda.sh/paused-replicas: "2"
spec:
  scaleTargetRef:
    name: orders-consumer
  triggers:
  - type: rabbitmq
    metadata:
      queueName: orders
      value: '50'
  - type: cpu
    metadata: {value: "60"}
`;

/** 1-based line:column of a field's marked range. */
function at(path: (string | number)[]): string {
  const parsed = parseYamlDocument(text);
  const { range } = parsed.index.locate(path);
  const { line, column } = parsed.index.lines.lineColumn(range.from);
  return `${line}:${column} ${text.slice(range.from, range.to)}`;
}

test('parses the object', () => {
  const parsed = parseYamlDocument(text);
  assert.deepEqual(parsed.problems, []);
  assert.equal((parsed.value as { spec: { triggers: unknown[] } }).spec.triggers.length, 2);
});

test('table: field paths to line, column and the marked text', () => {
  const cases: Array<[(string | number)[], string]> = [
    [['kind'], '2:7 ScaledObject'],
    [['metadata'], '3:1 metadata'],
    [['metadata', 'name'], '4:9 orders'],
    [['metadata', 'annotations', 'autoscaling.keda.sh/paused-replicas'], '6:42 "2"'],
    [['spec', 'scaleTargetRef'], '8:3 scaleTargetRef'],
    [['spec', 'triggers', 0, 'metadata', 'value'], "14:14 '50'"],
    [['spec', 'triggers', 1, 'type'], '15:11 cpu'],
    [['spec', 'triggers', 1, 'metadata', 'value'], '16:23 "60"'],
    // Not written: the nearest written parent's key.
    [['spec', 'triggers', 1, 'metadata', 'missing'], '16:5 metadata'],
    [['spec', 'minReplicaCount'], '7:1 spec'],
    [['spec', 'triggers', 7], '10:3 triggers'],
  ];
  for (const [path, expected] of cases) assert.equal(at(path), expected, JSON.stringify(path));
});

test('items of a sequence are located at their first line', () => {
  const parsed = parseYamlDocument(text);
  const item = parsed.index.get(['spec', 'triggers', 1]);
  assert.equal(parsed.index.lines.lineColumn(item!.value.from).line, 15);
  assert.equal(parsed.index.locate(['spec', 'triggers', 1]).exact, true);
});

test('syntax errors at their line and column', () => {
  const cases: Array<[string, number, number, RegExp]> = [
    ['a: 1\n  b: 2\n', 2, 4, /bad indentation/],
    ['spec:\n  triggers: [1,\n', 3, 1, /./],
    ['a: "unterminated\n', 2, 1, /./],
  ];
  for (const [source, line, column, message] of cases) {
    const parsed = parseYamlDocument(source);
    assert.equal(parsed.value, undefined);
    assert.equal(parsed.problems.length, 1, source);
    const problem = parsed.problems[0]!;
    assert.equal(problem.kind, 'syntax');
    assert.match(problem.message, message);
    const at = parsed.index.lines.lineColumn(problem.from);
    assert.deepEqual([at.line, at.column], [line, column], source);
  }
});

test('every duplicated key is reported at the repeated key; the last value wins', () => {
  const parsed = parseYamlDocument('a: 1\nb:\n  c: 1\n  c: 2\na: 3\n');
  assert.deepEqual(
    parsed.problems.map((p) => [p.message, parsed.index.lines.lineColumn(p.from).line]),
    [
      ['duplicated mapping key "c"', 4],
      ['duplicated mapping key "a"', 5],
    ],
  );
  assert.deepEqual(parsed.value, { a: 3, b: { c: 2 } });
});

test('a second document is a problem', () => {
  const parsed = parseYamlDocument('a: 1\n---\nb: 2\n');
  assert.equal(parsed.problems.length, 1);
  assert.equal(parsed.problems[0]!.kind, 'documents');
  assert.equal(parsed.index.lines.lineColumn(parsed.problems[0]!.from).line, 3);
});

test('empty keys and empty documents', () => {
  const parsed = parseYamlDocument('a:\nb: x\n');
  assert.deepEqual(parsed.value, { a: null, b: 'x' });
  assert.equal(parsed.index.lines.lineColumn(parsed.index.locate(['a']).range.from).line, 1);
  assert.equal(parseYamlDocument('').value, null);
  assert.equal(parseYamlDocument('# only a comment\n').value, null);
});

test('LineIndex', () => {
  const lines = new LineIndex('ab\ncd\n\nef');
  assert.deepEqual(lines.lineColumn(0), { line: 1, column: 1 });
  assert.deepEqual(lines.lineColumn(3), { line: 2, column: 1 });
  assert.deepEqual(lines.lineColumn(7), { line: 4, column: 1 });
  assert.equal(lines.offset(2, 2), 4);
  assert.equal(lines.lineCount, 4);
});

test('several documents: each parsed on its own, positions in the whole text', () => {
  const multi = `# a leading comment
apiVersion: v1
kind: Secret
metadata:
  name: rabbit
---
# only a comment: an empty document
---
apiVersion: keda.sh/v1alpha1
kind: TriggerAuthentication
metadata:
  name: rabbit-auth
...
---
kind: ScaledObject
metadata: {name: orders
`;
  const docs = parseYamlDocuments(multi);
  assert.deepEqual(
    docs.map((d) => [d.number, (d.value as { kind?: string } | undefined)?.kind]),
    [
      [1, 'Secret'],
      [2, 'TriggerAuthentication'],
      [3, undefined],
    ],
  );
  const name = docs[1]!.index.locate(['metadata', 'name']).range;
  assert.deepEqual(docs[1]!.index.lines.lineColumn(name.from), { line: 12, column: 9 });
  assert.equal(multi.slice(name.from, name.to), 'rabbit-auth');
  // A syntax error in the third leaves the first two parsed, and is placed in the whole text.
  assert.deepEqual(docs[0]!.problems, []);
  assert.equal(docs[2]!.problems[0]!.kind, 'syntax');
  assert.equal(docs[2]!.index.lines.lineColumn(docs[2]!.problems[0]!.from).line, 17);
});

test('several documents: markers only at the start of a line; empty texts have none', () => {
  assert.deepEqual(parseYamlDocuments(''), []);
  assert.deepEqual(parseYamlDocuments('---\n# nothing\n---\n'), []);
  const docs = parseYamlDocuments('a: "x --- y"\nb: |\n  ---\n  text\n');
  assert.equal(docs.length, 1);
  assert.deepEqual(docs[0]!.value, { a: 'x --- y', b: '---\ntext\n' });
});

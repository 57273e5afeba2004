import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffHunks, diffLines, diffStats } from './line-diff.js';

const show = (a: string, b: string) =>
  diffLines(a, b).map((l) => `${l.kind === 'same' ? ' ' : l.kind === 'add' ? '+' : '-'}${l.text}`);

test('table: line diffs', () => {
  const cases: Array<[string, string, string[]]> = [
    ['a\nb\n', 'a\nb\n', [' a', ' b']],
    ['a\nb\nc\n', 'a\nB\nc\n', [' a', '-b', '+B', ' c']],
    ['a\nc\n', 'a\nb\nc\n', [' a', '+b', ' c']],
    ['', 'x\n', ['+x']],
    ['x\ny\n', '', ['-x', '-y']],
    ['a\nb\nc\nd\n', 'a\nc\nb\nd\n', [' a', '-b', ' c', '+b', ' d']],
  ];
  for (const [a, b, expected] of cases) assert.deepEqual(show(a, b), expected, JSON.stringify([a, b]));
});

test('line numbers, stats and hunks with context', () => {
  const a = Array.from({ length: 20 }, (_, i) => `l${i + 1}`).join('\n');
  const b = a.replace('l10', 'L10');
  const lines = diffLines(a, b);
  assert.deepEqual(diffStats(lines), { added: 1, removed: 1 });
  const [hunk, ...rest] = diffHunks(lines, 2);
  assert.equal(rest.length, 0);
  assert.deepEqual(
    hunk!.lines.map((l) => [l.kind, l.oldLine, l.newLine]),
    [
      ['same', 8, 8],
      ['same', 9, 9],
      ['del', 10, undefined],
      ['add', undefined, 10],
      ['same', 11, 11],
      ['same', 12, 12],
    ],
  );
});

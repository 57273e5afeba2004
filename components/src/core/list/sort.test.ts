import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSort, parseSort, sortRows } from './sort.js';

interface Row {
  name: string;
  max: number | undefined;
}
const rows: Row[] = [
  { name: 'b', max: 5 },
  { name: 'a10', max: undefined },
  { name: 'a2', max: 20 },
  { name: 'c', max: 5 },
];
const value = (r: Row, c: 'name' | 'max') => r[c];
const byName = (r: Row) => r.name;

test('sorts numbers numerically and text naturally, both directions', () => {
  assert.deepEqual(
    sortRows(rows, { column: 'name', direction: 'asc' }, value, byName).map((r) => r.name),
    ['a2', 'a10', 'b', 'c'],
  );
  assert.deepEqual(
    sortRows(rows, { column: 'max', direction: 'desc' }, value, byName).map((r) => r.name),
    ['a2', 'b', 'c', 'a10'],
  );
});

test('missing values go last in both directions, ties fall back to the tiebreak', () => {
  assert.deepEqual(
    sortRows(rows, { column: 'max', direction: 'asc' }, value, byName).map((r) => r.name),
    ['b', 'c', 'a2', 'a10'],
  );
});

test('sort specs round-trip through the URL form', () => {
  assert.deepEqual(parseSort('-age', ['name', 'age']), { column: 'age', direction: 'desc' });
  assert.deepEqual(parseSort('name', ['name', 'age']), { column: 'name', direction: 'asc' });
  assert.equal(parseSort('bogus', ['name', 'age']), undefined);
  assert.equal(formatSort({ column: 'age', direction: 'desc' }), '-age');
});

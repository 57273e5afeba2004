import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  NOTHING_CHECKED,
  coverage,
  extendTo,
  keepPresent,
  setKeys,
  toggleKey,
  type Checked,
} from './checked.js';

const order = ['a', 'b', 'c', 'd', 'e'];
const of = (keys: string[], anchor?: string): Checked => ({ keys: new Set(keys), anchor });
const keys = (c: Checked) => [...c.keys].sort();

test('toggle flips one key and makes it the anchor', () => {
  const cases: Array<[Checked, string, string[]]> = [
    [NOTHING_CHECKED, 'b', ['b']],
    [of(['b']), 'b', []],
    [of(['a']), 'c', ['a', 'c']],
  ];
  for (const [start, key, expected] of cases) {
    const next = toggleKey(start, key);
    assert.deepEqual(keys(next), expected);
    assert.equal(next.anchor, key);
  }
});

test('shift-click extends from the anchor to the clicked row with the state it flips to', () => {
  const cases: Array<[string, Checked, string, string[]]> = [
    ['down from anchor', of(['b'], 'b'), 'd', ['b', 'c', 'd']],
    ['up from anchor', of(['d'], 'd'), 'a', ['a', 'b', 'c', 'd']],
    ['unchecks a range when the clicked row was checked', of(order, 'a'), 'c', ['d', 'e']],
    ['no anchor: plain toggle', of(['e']), 'b', ['b', 'e']],
    ['anchor filtered away: plain toggle', of(['x'], 'x'), 'c', ['c', 'x']],
  ];
  for (const [what, start, key, expected] of cases) {
    const next = extendTo(start, key, order);
    assert.deepEqual(keys(next), expected, what);
    assert.equal(next.anchor, key, what);
  }
});

test('header box: coverage of the shown rows, and checking or clearing them all', () => {
  const cases: Array<[Checked, string[], 'none' | 'some' | 'all']> = [
    [NOTHING_CHECKED, order, 'none'],
    [of(['a']), order, 'some'],
    [of(order), order, 'all'],
    [of(['a', 'z']), ['a'], 'all'],
    [of(['z']), ['a', 'b'], 'none'],
    [of(['a']), [], 'none'],
  ];
  for (const [checked, shown, expected] of cases) assert.equal(coverage(checked, shown), expected);
  assert.deepEqual(keys(setKeys(of(['z']), ['a', 'b'], true)), ['a', 'b', 'z'], 'others stay checked');
  assert.deepEqual(keys(setKeys(of(['a', 'b', 'z']), ['a', 'b'], false)), ['z']);
});

test('rows that disappear are forgotten; nothing changes when all are present', () => {
  const start = of(['a', 'b', 'c'], 'b');
  assert.equal(
    keepPresent(start, () => true),
    start,
  );
  const next = keepPresent(start, (k) => k !== 'b');
  assert.deepEqual(keys(next), ['a', 'c']);
  assert.equal(next.anchor, undefined);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ageOf, humanDuration } from './age.js';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

test('humanDuration follows kubectl thresholds', () => {
  const cases: Array<[number, string]> = [
    [-3 * s, '<invalid>'],
    [-1500, '0s'],
    [0, '0s'],
    [59 * s, '59s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [5 * m + 30 * s, '5m30s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m + 30 * s, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [3 * h + 5 * m, '3h5m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h + 30 * m, '8h'],
    [47 * h, '47h'],
    [2 * d, '2d'],
    [3 * d + 4 * h, '3d4h'],
    [7 * d, '7d'],
    [8 * d + 5 * h, '8d'],
    [40 * d, '40d'],
    [729 * d, '729d'],
    [730 * d, '2y'],
    [2 * 365 * d + 10 * d, '2y10d'],
    [800 * d, '2y70d'],
    [3 * 365 * d, '3y'],
    [9 * 365 * d, '9y'],
  ];
  for (const [ms, expected] of cases) assert.equal(humanDuration(ms), expected, `${ms} ms`);
});

test('ageOf handles missing and malformed timestamps', () => {
  const now = Date.parse('2026-11-30T12:00:00Z');
  assert.equal(ageOf('2026-11-30T11:55:00Z', now), '5m');
  assert.equal(ageOf(undefined, now), '<unknown>');
  assert.equal(ageOf('yesterday', now), '<invalid>');
});

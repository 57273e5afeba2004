import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asciiAdvances, surelyFits } from './text-fit.js';

// A made-up font: 'i' 3 px, 'W' 12 px, digits 5–8 px wide, everything else 6 px.
const widths: Record<string, number> = { i: 3, W: 12, '1': 5, '7': 8 };
const advances = asciiAdvances((char) => widths[char] ?? 6);

test('a text fits when its advances, plus 1 px and 0.5% of room, stay within the width', () => {
  // 100 px leaves 98.5 px: sixteen 6 px characters fit, seventeen do not.
  assert.equal(surelyFits('a'.repeat(16), advances, 100), true);
  assert.equal(surelyFits('a'.repeat(17), advances, 100), false);
  assert.equal(surelyFits('i'.repeat(32), advances, 100), true);
  assert.equal(surelyFits('W'.repeat(8), advances, 100), true);
  assert.equal(surelyFits('W'.repeat(9), advances, 100), false);
  assert.equal(surelyFits('', advances, 100), true);
});

test('every digit counts as wide as the widest, as tabular figures are', () => {
  // Twelve 8 px digits make 96 px; '1' is measured at 5 px but counted at 8.
  assert.equal(surelyFits('1'.repeat(12), advances, 98), true);
  assert.equal(surelyFits('1'.repeat(12), advances, 97), false);
  assert.equal(surelyFits('1'.repeat(12), advances, 100), true);
  assert.equal(surelyFits('1'.repeat(13), advances, 100), false);
});

test('what cannot be decided is reported as not fitting, so the cell is clipped', () => {
  assert.equal(surelyFits('café', advances, 500), false, 'non-ASCII');
  assert.equal(surelyFits('tab\there', advances, 500), false, 'control character');
  assert.equal(surelyFits('short', undefined, 500), false, 'no font measured');
  assert.equal(surelyFits('short', advances, 0), false, 'no width known');
  assert.equal(surelyFits('short', advances, Number.NaN), false);
});

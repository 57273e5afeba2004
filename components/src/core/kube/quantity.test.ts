import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addQuantities,
  canonicalQuantityString,
  compareQuantities,
  goFormatFixed3,
  integerQuantity,
  kedaMetricValueString,
  milliQuantity,
  milliValue,
  parseQuantity,
  parseQuantityNumber,
  QuantityParseError,
  quantityToString,
  tryParseQuantity,
} from './quantity.js';

test('parse then String() matches apimachinery (canonical, or the cached original text)', () => {
  const cases: Array<[string, string]> = [
    ['0', '0'],
    ['2500m', '2500m'],
    ['2.5', '2500m'],
    ['15k', '15k'],
    ['15000', '15k'],
    ['1.5Gi', '1536Mi'],
    ['1024Mi', '1Gi'],
    ['1Ki', '1Ki'],
    ['1e3', '1e3'],
    ['1000M', '1G'],
    ['0.5', '500m'],
    ['.001Ki', '1024m'],
    ['.000001Ki', '1024u'],
    ['.000000001Ki', '1024n'],
    ['.000000000001Ki', '2n'],
    ['0.1m', '100u'],
    ['0.0000000001', '1n'],
    ['1080m', '1080m'],
    ['1.08', '1080m'],
    ['-1.5', '-1500m'],
    ['+3', '+3'], // cached verbatim, sign included
    ['000', '0'],
    ['5.000', '5'],
    // apimachinery caches text whose scale is a multiple of 3 and does not end in 000: kept verbatim
    ['4.667', '4.667'],
    ['2.500', '2.500'],
    ['12.345k', '12.345k'],
    ['1.0E', '1E'],
    ['1000000000000000000', '1E'],
    ['9999999999999999999.1', '9999999999999999999100m'],
    ['1E3', '1E3'],
    ['1000e0', '1e3'],
    ['10e-3', '10e-3'],
  ];
  for (const [input, expected] of cases) {
    assert.equal(quantityToString(parseQuantity(input)), expected, input);
  }
});

test('canonical form ignores the cached text', () => {
  const cases: Array<[string, string]> = [
    ['4.667', '4667m'],
    ['2.500', '2500m'],
    ['12.345k', '12345'],
    ['1.5', '1500m'],
  ];
  for (const [input, expected] of cases)
    assert.equal(canonicalQuantityString(parseQuantity(input)), expected, input);
});

test('malformed quantities are rejected with apimachinery messages', () => {
  const cases: Array<[string, RegExp]> = [
    ['', /quantities must match the regular expression/],
    ['abc', /quantities must match the regular expression/],
    ['1.5x', /quantities must match the regular expression/],
    ['12 ', /quantities must match the regular expression/],
    ['1e', /unable to parse quantity's suffix/],
    ['1Kii', /unable to parse quantity's suffix/],
    ['1ee3', /unable to parse quantity's suffix/],
    ['--1', /unable to parse quantity's suffix/],
  ];
  for (const [input, message] of cases) {
    assert.throws(
      () => parseQuantity(input),
      (err: unknown) => err instanceof QuantityParseError && message.test(err.message),
      JSON.stringify(input),
    );
    assert.equal(tryParseQuantity(input), undefined);
  }
});

test('MilliValue rounds up like apimachinery', () => {
  const cases: Array<[string, number]> = [
    ['4.667', 4667],
    ['5', 5000],
    ['0.1m', 1],
    ['1n', 1],
    ['1.5Gi', 1610612736000],
    ['-0.1m', -1],
  ];
  for (const [input, expected] of cases) assert.equal(milliValue(parseQuantity(input)), expected, input);
});

test('numbers from quantities', () => {
  assert.equal(parseQuantityNumber('2500m'), 2.5);
  assert.equal(parseQuantityNumber('15k'), 15000);
  assert.equal(parseQuantityNumber('1.5Gi'), 1610612736);
  assert.equal(parseQuantityNumber('1e3'), 1000);
});

test("Go's %.3f formatting, including ties to even", () => {
  const cases: Array<[number, string]> = [
    [0, '0.000'],
    [5, '5.000'],
    [4.6666667, '4.667'],
    [0.0625, '0.062'],
    [0.1875, '0.188'],
    [2.0005, '2.001'], // 2.0005 is just above the midpoint in binary
    [1e18, '1000000000000000000.000'],
    [9.3e15, '9300000000000000.000'],
    [1e21, '1000000000000000000000.000'],
    [-1.5, '-1.500'],
  ];
  for (const [value, expected] of cases) assert.equal(goFormatFixed3(value), expected, String(value));
});

test('the value string KEDA serves for a float metric', () => {
  const cases: Array<[number, string]> = [
    [5, '5'],
    [0, '0'],
    [2.5, '2.500'],
    [0.5, '500m'],
    [15000, '15k'],
    [2500, '2500'],
    [4.6666667, '4.667'],
    [0.0625, '62m'],
    [1e18, '1E'],
    [9.3e15, '9300T'],
    [-1, '0'],
    [Number.NaN, '0'],
    [Number.POSITIVE_INFINITY, '0'],
  ];
  for (const [value, expected] of cases) assert.equal(kedaMetricValueString(value), expected, String(value));
});

test('constructed quantities are canonical (NewMilliQuantity / NewQuantity)', () => {
  assert.equal(quantityToString(milliQuantity(4667)), '4667m');
  assert.equal(quantityToString(milliQuantity(5000)), '5');
  assert.equal(quantityToString(milliQuantity(2500)), '2500m');
  assert.equal(quantityToString(milliQuantity(15_000_000)), '15k');
  assert.equal(quantityToString(integerQuantity(10)), '10');
  assert.equal(quantityToString(integerQuantity(1000)), '1k');
  assert.equal(quantityToString(integerQuantity(2048, 'BinarySI')), '2Ki');
  assert.equal(quantityToString(integerQuantity(1000, 'BinarySI')), '1k');
});

test('arithmetic helpers', () => {
  assert.equal(quantityToString(addQuantities(parseQuantity('1'), parseQuantity('500m'))), '1500m');
  assert.equal(compareQuantities(parseQuantity('1'), parseQuantity('1000m')), 0);
  assert.equal(compareQuantities(parseQuantity('1Ki'), parseQuantity('1k')), 1);
});

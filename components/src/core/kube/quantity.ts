/**
 * Kubernetes resource quantities (apimachinery `pkg/api/resource`): parsing, canonical formatting,
 * `MilliValue()` and the exact string KEDA's metrics adapter serves for a float metric value.
 *
 * Values are kept exact as `mantissa × 10^exponent` with a BigInt mantissa, like apimachinery's
 * int64Amount / inf.Dec pair, so `1.5Gi`, `0.1m` or `9.3e15` never go through a float.
 */

/** How a quantity was written, which decides how it is written back (apimachinery `Format`). */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** An exact quantity: `mantissa × 10^exponent`, plus the format (and verbatim text) it was parsed with. */
export interface Quantity {
  readonly mantissa: bigint;
  readonly exponent: number;
  readonly format: QuantityFormat;
  /**
   * The original text, kept when apimachinery's parser considers it canonical already and caches
   * it (so `String()` and JSON return it verbatim, e.g. `4.667`).
   */
  readonly cached?: string;
}

/** The regular expression apimachinery quotes in its "wrong format" error. */
const SPLIT_RE_STRING = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

/** Thrown for text that is not a quantity; the message is apimachinery's error text. */
export class QuantityParseError extends Error {
  /** The text that failed to parse. */
  readonly input: string;
  constructor(input: string, message: string) {
    super(`quantity ${JSON.stringify(input)}: ${message}`);
    this.name = 'QuantityParseError';
    this.input = input;
  }
}

const ERR_FORMAT_WRONG = `quantities must match the regular expression '${SPLIT_RE_STRING}'`;
const ERR_NUMERIC = 'unable to parse numeric part of quantity';
const ERR_SUFFIX = "unable to parse quantity's suffix";

const INT64_MAX = 9223372036854775807n;
const MAX_INT64_FACTORS = 18;
const NANO = -9;

interface Suffix {
  base: 10 | 2;
  exponent: number;
  format: QuantityFormat;
}

const DECIMAL_SUFFIXES: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

function interpretSuffix(suffix: string): Suffix | undefined {
  const dec = DECIMAL_SUFFIXES[suffix];
  if (dec !== undefined) return { base: 10, exponent: dec, format: 'DecimalSI' };
  const bin = BINARY_SUFFIXES[suffix];
  if (bin !== undefined) return { base: 2, exponent: bin, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    // strconv.ParseInt(s, 10, 64): optional sign, then decimal digits only.
    const rest = suffix.slice(1);
    if (!/^[+-]?[0-9]+$/.test(rest)) return undefined;
    const parsed = Number(rest);
    if (!Number.isSafeInteger(parsed)) return undefined;
    return { base: 10, exponent: parsed, format: 'DecimalExponent' };
  }
  return undefined;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

interface Scanned {
  positive: boolean;
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

/** apimachinery's `parseQuantityString` scanner, including its leniencies (`1.G`, `.5`). */
function scan(str: string): Scanned {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (pos < end) {
    if (str[0] === '-') {
      positive = false;
      pos++;
    } else if (str[0] === '+') {
      pos++;
    }
  }
  // strip leading zeros
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
    if (str[i] === '0') pos++;
    else break;
  }
  let num = '';
  let i = pos;
  for (; ; i++) {
    if (i >= end) return { positive, value: str, num: str.slice(pos), denom: '', suffix: '' };
    if (!isDigit(str[i])) break;
  }
  num = str.slice(pos, i);
  pos = i;
  if (num.length === 0) num = '0';
  let denom = '';
  if (pos < end && str[pos] === '.') {
    pos++;
    let j = pos;
    for (; ; j++) {
      if (j >= end) return { positive, value: str, num, denom: str.slice(pos), suffix: '' };
      if (!isDigit(str[j])) break;
    }
    denom = str.slice(pos, j);
    pos = j;
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  for (let k = pos; ; k++) {
    if (k >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
    if (!'eEinumkKMGTP'.includes(str[k] as string)) {
      pos = k;
      break;
    }
  }
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  for (let k = pos; ; k++) {
    if (k >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
    if (!isDigit(str[k])) break;
  }
  throw new QuantityParseError(str, ERR_FORMAT_WRONG);
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Rounds |mantissa|×10^exponent up (away from zero) so that the exponent is at least `minExponent`. */
function roundUpToExponent(mantissa: bigint, exponent: number, minExponent: number): [bigint, number] {
  if (exponent >= minExponent) return [mantissa, exponent];
  const divisor = pow10(minExponent - exponent);
  const negative = mantissa < 0n;
  const abs = negative ? -mantissa : mantissa;
  let q = abs / divisor;
  if (abs % divisor !== 0n) q += 1n;
  return [negative ? -q : q, minExponent];
}

/**
 * Parses a quantity (`2500m`, `15k`, `1.5Gi`, `1e3`, `0.5`, `-3`) exactly as apimachinery's
 * `ParseQuantity`: at most nine decimal places (finer values round up to `1n`), binary suffixes
 * multiplied out, the format remembered. Throws {@link QuantityParseError} otherwise.
 */
export function parseQuantity(input: string): Quantity {
  if (input.length === 0) throw new QuantityParseError(input, ERR_FORMAT_WRONG);
  if (input === '0') return { mantissa: 0n, exponent: 0, format: 'DecimalSI', cached: '0' };
  const scanned = scan(input);
  const suffix = interpretSuffix(scanned.suffix);
  if (!suffix) throw new QuantityParseError(input, ERR_SUFFIX);
  const { num, denom, positive } = scanned;

  // The int64 fast path decides whether the text is cached verbatim.
  let precision = 0;
  let scale = 0;
  let multiplier = 1n;
  if (suffix.format === 'BinarySI') {
    if (suffix.exponent >= 0 && denom.length === 0) {
      multiplier = 1n << BigInt(suffix.exponent);
      precision = 15 - num.length - Math.trunc((suffix.exponent * 3) / 10) - 1;
    } else {
      precision = -1;
    }
  } else {
    scale = suffix.exponent;
    precision = MAX_INT64_FACTORS - (num.length + denom.length);
  }
  if (precision >= 0) {
    scale -= denom.length;
    if (scale >= NANO) {
      const shifted = num + denom;
      const value = BigInt(shifted);
      if (value > INT64_MAX) throw new QuantityParseError(input, ERR_NUMERIC);
      const product = value * multiplier;
      if (product <= INT64_MAX) {
        const mantissa = positive ? product : -product;
        let cached: string | undefined;
        if (suffix.format === 'BinarySI') {
          if (suffix.exponent % 10 === 0 && (value & 7n) !== 0n) cached = input;
        } else if (scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0') {
          cached = input;
        }
        return cached === undefined
          ? { mantissa, exponent: scale, format: suffix.format }
          : { mantissa, exponent: scale, format: suffix.format, cached };
      }
    }
  }

  // Slow path (inf.Dec): exact decimal, then magnitude rounded up to nano.
  const digits = (num === '0' ? '' : num) + denom;
  if (!/^[0-9]*$/.test(digits)) throw new QuantityParseError(input, ERR_NUMERIC);
  let mantissa = BigInt(digits.length === 0 ? '0' : digits);
  let exponent = -denom.length;
  if (suffix.base === 10) exponent += suffix.exponent;
  else mantissa *= 1n << BigInt(suffix.exponent);
  if (mantissa !== 0n) [mantissa, exponent] = roundUpToExponent(mantissa, exponent, NANO);
  let format = suffix.format;
  if (format === 'BinarySI') {
    if (compareToInteger(mantissa, exponent, INT64_MAX) > 0) {
      mantissa = INT64_MAX;
      exponent = 0;
    }
    if (mantissa !== 0n && compareToInteger(mantissa, exponent, 1n) < 0) format = 'DecimalSI';
  }
  return { mantissa: positive ? mantissa : -mantissa, exponent, format };
}

/** Like {@link parseQuantity} but returns `undefined` instead of throwing. */
export function tryParseQuantity(input: string): Quantity | undefined {
  try {
    return parseQuantity(input);
  } catch {
    return undefined;
  }
}

/** Compares mantissa×10^exponent with an integer: -1, 0 or 1. */
function compareToInteger(mantissa: bigint, exponent: number, value: bigint): number {
  let left = mantissa;
  let right = value;
  if (exponent >= 0) left *= pow10(exponent);
  else right *= pow10(-exponent);
  return left < right ? -1 : left > right ? 1 : 0;
}

function removeFactors(value: bigint, factor: bigint): [bigint, number] {
  let times = 0;
  let v = value;
  while (v !== 0n && v % factor === 0n) {
    v /= factor;
    times++;
  }
  return [v, times];
}

/** The canonical text of a quantity, ignoring any cached original text (apimachinery `CanonicalizeBytes`). */
export function canonicalQuantityString(q: Quantity): string {
  if (q.mantissa === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    if (
      compareToInteger(q.mantissa, q.exponent, -1024n) > 0 &&
      compareToInteger(q.mantissa, q.exponent, 1024n) < 0
    ) {
      format = 'DecimalSI';
    } else {
      const [rounded, exp] = roundUpToExponent(q.mantissa, q.exponent, 0);
      if (exp !== q.exponent && compareToInteger(q.mantissa, q.exponent, rounded) !== 0) {
        format = 'DecimalSI';
      } else {
        const integer = exp > 0 ? rounded * pow10(exp) : rounded;
        const [amount, times] = removeFactors(integer, 1024n);
        const suffix = Object.entries(BINARY_SUFFIXES).find(([, e]) => e === times * 10)?.[0] ?? '';
        return `${amount}${suffix}`;
      }
    }
  }
  const [stripped, times] = removeFactors(q.mantissa, 10n);
  let amount = stripped;
  let exponent = q.exponent + times;
  while (exponent % 3 !== 0) {
    amount *= 10n;
    exponent--;
  }
  if (format === 'DecimalExponent') return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
  const suffix = Object.entries(DECIMAL_SUFFIXES).find(([, e]) => e === exponent)?.[0];
  // apimachinery emits no suffix when none exists (beyond E); kept for fidelity.
  return `${amount}${suffix ?? ''}`;
}

/** `Quantity.String()`: the cached original text when apimachinery kept it, else the canonical text. */
export function quantityToString(q: Quantity): string {
  return q.cached ?? canonicalQuantityString(q);
}

/** `resource.NewMilliQuantity(value, DecimalSI)`. */
export function milliQuantity(milli: bigint | number): Quantity {
  return { mantissa: BigInt(milli), exponent: -3, format: 'DecimalSI' };
}

/** `resource.NewQuantity(value, format)` for an integer value. */
export function integerQuantity(value: bigint | number, format: QuantityFormat = 'DecimalSI'): Quantity {
  return { mantissa: BigInt(value), exponent: 0, format };
}

/** `q.ScaledValue(scale)`: the value in units of 10^scale, rounded up away from zero. */
export function scaledValue(q: Quantity, scale: number): bigint {
  if (q.exponent >= scale) return q.mantissa * pow10(q.exponent - scale);
  return roundUpToExponent(q.mantissa, q.exponent, scale)[0];
}

/** `q.MilliValue()`: ceil(q × 1000), as a number (exact below 2^53). */
export function milliValue(q: Quantity): number {
  return Number(scaledValue(q, -3));
}

/** `q.Value()`: the value rounded up to an integer, as a number. */
export function integerValue(q: Quantity): number {
  return Number(scaledValue(q, 0));
}

/** `q.AsApproximateFloat64()`. */
export function quantityToNumber(q: Quantity): number {
  if (q.exponent === 0) return Number(q.mantissa);
  return Number(q.mantissa) * 10 ** q.exponent;
}

/** Parses a quantity and returns its approximate float value (convenience for charts). */
export function parseQuantityNumber(input: string): number {
  return quantityToNumber(parseQuantity(input));
}

/** Formats a number as apimachinery's canonical string of the milli-quantity `round(v × 1000)m`. */
export function formatMilli(milli: number): string {
  return canonicalQuantityString(milliQuantity(Math.round(milli)));
}

/**
 * Go's `fmt.Sprintf("%.3f", v)` for a finite non-negative-or-negative float: correctly rounded,
 * ties (exactly representable halfway values such as 0.0625) to even, no exponent notation.
 */
export function goFormatFixed3(v: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`goFormatFixed3: ${v} is not finite`);
  const negative = v < 0 || Object.is(v, -0);
  const abs = Math.abs(v);
  let milli: bigint;
  if (abs >= 2 ** 53) {
    milli = BigInt(abs) * 1000n; // such doubles are integers
  } else {
    const sixteenths = abs * 16;
    if (Number.isInteger(sixteenths) && sixteenths % 2 === 1) {
      // exact tie between two thousandths: abs*2000 = sixteenths*125 is odd
      const doubled = BigInt(sixteenths) * 125n;
      const low = (doubled - 1n) / 2n;
      milli = low % 2n === 0n ? low : low + 1n;
    } else {
      const [intPart, frac = ''] = abs.toFixed(3).split('.');
      milli = BigInt(intPart as string) * 1000n + BigInt(frac.padEnd(3, '0'));
    }
  }
  const intPart = milli / 1000n;
  const frac = (milli % 1000n).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${intPart}.${frac}`;
}

/**
 * The quantity KEDA builds for a metric value (`quantityFromFloat64`: NaN, ±Inf and negatives
 * become 0, else `resource.MustParse(fmt.Sprintf("%.3f", v))`).
 */
export function kedaMetricQuantity(value: number): Quantity {
  if (Number.isNaN(value) || !Number.isFinite(value) || value < 0) return parseQuantity('0');
  return parseQuantity(goFormatFixed3(value));
}

/**
 * The exact `value` string KEDA's metrics adapter serves for a float metric: e.g. `5`, `500m`,
 * `15k`, and, because apimachinery caches already-canonical-looking text, `4.667` or `2.500`
 * (not `4667m`) for values with three significant decimals.
 */
export function kedaMetricValueString(value: number): string {
  return quantityToString(kedaMetricQuantity(value));
}

/** Adds two quantities exactly (format of the first unless it is zero). */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  const exponent = Math.min(a.exponent, b.exponent);
  const mantissa = a.mantissa * pow10(a.exponent - exponent) + b.mantissa * pow10(b.exponent - exponent);
  return { mantissa, exponent, format: a.mantissa === 0n ? b.format : a.format };
}

/** Compares two quantities: -1, 0 or 1. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  const exponent = Math.min(a.exponent, b.exponent);
  const left = a.mantissa * pow10(a.exponent - exponent);
  const right = b.mantissa * pow10(b.exponent - exponent);
  return left < right ? -1 : left > right ? 1 : 0;
}

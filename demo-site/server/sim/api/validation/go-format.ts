/**
 * Go's fmt and strconv formatting of the values that appear in apiserver error messages:
 * `strconv.Quote` (`%q`), `%v` of float64 and int64, and `%#v` of decoded JSON
 * (`map[string]interface {}{...}`). JSON numbers are int64 when integral, else float64, as the
 * apiserver's unstructured JSON decoder makes them.
 */

const NAMED_ESCAPES: Readonly<Record<number, string>> = {
  0x07: '\\a',
  0x08: '\\b',
  0x0c: '\\f',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x0b: '\\v',
};

/** Whether Go's `unicode.IsPrint` holds: letters, marks, numbers, punctuation, symbols and ' '. */
function isGoPrintable(ch: string): boolean {
  return ch === ' ' || !/[\p{C}\p{Z}]/u.test(ch);
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}

/** `strconv.Quote(s)`: a double-quoted Go string literal. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code < 0x80) {
      if (code >= 0x20 && code < 0x7f) out += ch;
      else out += NAMED_ESCAPES[code] ?? `\\x${hex(code, 2)}`;
    } else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
    else if (isGoPrintable(ch)) out += ch;
    else out += code < 0x10000 ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`;
  }
  return `${out}"`;
}

/** Whether a decoded JSON number is an int64 (as opposed to a float64) for the apiserver. */
export function isJsonInteger(value: number): boolean {
  return Number.isInteger(value) && Math.abs(value) < 2 ** 63;
}

/** `%v` of an int64. */
export function goInt(value: number): string {
  return BigInt(Math.trunc(value)).toString();
}

/** `%v` (and `%#v`) of a float64: strconv's shortest 'g' with exponents from 1e-5 and 1e+06. */
export function goFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const sign = value < 0 ? '-' : '';
  const [mantissa = '0', expText = '0'] = Math.abs(value).toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const digits = mantissa.replace('.', '');
    const rest = digits.slice(1);
    const expAbs = String(Math.abs(exp)).padStart(2, '0');
    return `${sign}${digits[0] ?? '0'}${rest ? `.${rest}` : ''}e${exp < 0 ? '-' : '+'}${expAbs}`;
  }
  return `${sign}${String(Math.abs(value))}`;
}

/** `%v` of a decoded JSON number. */
export function goNumber(value: number): string {
  return isJsonInteger(value) ? goInt(value) : goFloat(value);
}

/** `%#v` of decoded JSON (`map[string]interface {}{"a":1}`, `[]interface {}{"x"}`). */
export function goSharpV(value: unknown): string {
  if (value === null || value === undefined) return 'interface {}(nil)';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number') return goNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[]interface {}{${value.map(goSharpV).join(', ')}}`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${goQuote(k)}:${goSharpV(v)}`);
    return `map[string]interface {}{${entries.join(', ')}}`;
  }
  return String(value);
}

/** `%v` of a slice of strings, as kube-openapi prints enum values: `[a b c]`. */
export function goSliceV(values: readonly unknown[]): string {
  return `[${values.map(goPlainV).join(' ')}]`;
}

/** `%v` of decoded JSON: strings bare, `map[a:1]`, `[x y]`, `<nil>`. */
export function goPlainV(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return goNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return goSliceV(value);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}:${goPlainV(v)}`);
    return `map[${entries.join(' ')}]`;
  }
  return String(value);
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** `json.Marshal` of decoded JSON: sorted map keys, compact, HTML characters escaped. */
export function goJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return isJsonInteger(value) ? goInt(value) : JSON.stringify(value);
  if (typeof value === 'string')
    return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => HTML_ESCAPES[c] ?? c);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${goJson(k)}:${goJson(v)}`);
  return `{${entries.join(',')}}`;
}

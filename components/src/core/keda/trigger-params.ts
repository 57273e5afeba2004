/**
 * Reading trigger parameters the way KEDA's typed config does (kedacore/keda
 * `pkg/scalers/scalersconfig/typed_config.go`): values are trimmed, an empty value counts as
 * absent, `<key>FromEnv` names an env var of the scale target, numbers are decoded as JSON.
 */

/** Values resolved outside the trigger's metadata (TriggerAuthentication parameters, container env). */
export interface ResolvedTriggerParams {
  /** TriggerAuthentication / ClusterTriggerAuthentication parameters by parameter name. */
  authParams?: Readonly<Record<string, string>>;
  /** The scale target container's environment (for `<key>FromEnv`). */
  env?: Readonly<Record<string, string>>;
}

/** The part of a trigger the parameter helpers read. */
export interface TriggerLike {
  type: string;
  name?: string;
  metadata?: Readonly<Record<string, string>> | null;
  metricType?: string;
}

/**
 * A parameter's value: trigger metadata first, then TriggerAuthentication parameters, then the env
 * var named by `<key>FromEnv`; trimmed; `undefined` when absent or empty.
 */
export function triggerParam(
  trigger: TriggerLike,
  key: string,
  resolved: ResolvedTriggerParams = {},
): string | undefined {
  const fromMetadata = trigger.metadata?.[key]?.trim();
  if (fromMetadata) return fromMetadata;
  const fromAuth = resolved.authParams?.[key]?.trim();
  if (fromAuth) return fromAuth;
  const envName = trigger.metadata?.[`${key}FromEnv`];
  const fromEnv = envName === undefined ? undefined : resolved.env?.[envName]?.trim();
  return fromEnv || undefined;
}

/** A decoded number, or the error text KEDA would report. */
export type NumberParse = { ok: true; value: number } | { ok: false; error: string };

const JSON_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/;

function describeChar(c: string): string {
  return `'${c}'`;
}

/**
 * Decodes a parameter as Go's `json.Unmarshal` into int64 (`int`) or float64 (`float`), with
 * Go-like error texts (`invalid character 'a' looking for beginning of value`,
 * `cannot unmarshal number 10.5 into Go value of type int64`).
 */
export function decodeJsonNumber(text: string, numeric: 'int' | 'float'): NumberParse {
  const first = text[0];
  if (first === undefined) return { ok: false, error: 'unexpected end of JSON input' };
  if (first !== '-' && !(first >= '0' && first <= '9')) {
    return { ok: false, error: `invalid character ${describeChar(first)} looking for beginning of value` };
  }
  const match = JSON_NUMBER.exec(text);
  if (!match) return { ok: false, error: 'unexpected end of JSON input' };
  const literal = match[0];
  if (literal.length < text.length) {
    const next = text[literal.length] as string;
    if ((next === '.' || next === 'e' || next === 'E') && literal.length + 1 === text.length) {
      return { ok: false, error: 'unexpected end of JSON input' };
    }
    return { ok: false, error: `invalid character ${describeChar(next)} after top-level value` };
  }
  const type = numeric === 'int' ? 'int64' : 'float64';
  if (numeric === 'int') {
    if (/[.eE]/.test(literal)) {
      return { ok: false, error: `json: cannot unmarshal number ${literal} into Go value of type ${type}` };
    }
    const big = BigInt(literal);
    if (big > 9223372036854775807n || big < -9223372036854775808n) {
      return { ok: false, error: `json: cannot unmarshal number ${literal} into Go value of type ${type}` };
    }
    return { ok: true, value: Number(big) };
  }
  const value = Number(literal);
  if (!Number.isFinite(value)) {
    return { ok: false, error: `json: cannot unmarshal number ${literal} into Go value of type ${type}` };
  }
  return { ok: true, value };
}

/**
 * A numeric trigger parameter as KEDA's typed config reads it: absent → default (or Go's zero value
 * for optional ones, or the `missing required parameter` error), present → JSON-decoded.
 */
export function numericTriggerParam(
  trigger: TriggerLike,
  keys: readonly string[],
  numeric: 'int' | 'float',
  fallback: 'required' | 'optional' | number,
  resolved: ResolvedTriggerParams = {},
): NumberParse & { fromDefault?: boolean } {
  let text: string | undefined;
  let key = keys[0] ?? '';
  for (const candidate of keys) {
    text = triggerParam(trigger, candidate, resolved);
    if (text !== undefined) {
      key = candidate;
      break;
    }
  }
  if (text === undefined) {
    if (typeof fallback === 'number') return { ok: true, value: fallback, fromDefault: true };
    if (fallback === 'optional') return { ok: true, value: 0, fromDefault: true };
    return { ok: false, error: `missing required parameter ${JSON.stringify(key)} in [triggerMetadata]` };
  }
  const decoded = decodeJsonNumber(text, numeric);
  if (!decoded.ok) {
    const type = numeric === 'int' ? 'int64' : 'float64';
    return {
      ok: false,
      error: `unable to set param ${JSON.stringify(key)} value ${JSON.stringify(text)}: unable to unmarshal to field type ${type}: ${decoded.error}`,
    };
  }
  return decoded;
}

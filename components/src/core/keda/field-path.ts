/**
 * Field paths as the API server writes them (`spec.triggers[0].metadata.value`,
 * `metadata.annotations[autoscaling.keda.sh/paused]`) and as arrays of segments.
 */
import type { FieldPath } from './crd-schema.js';

export type { FieldPath } from './crd-schema.js';

const SIMPLE_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `['spec', 'triggers', 0, 'metadata', 'value']` → `spec.triggers[0].metadata.value`. */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (SIMPLE_KEY.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${segment}]`;
  }
  return out;
}

/**
 * Splits a field path into segments: dots separate names, `[n]` is an index, `[key]` a map key
 * (kept whole, dots and slashes included). A leading dot (`.spec.foo`) is allowed.
 */
export function parseFieldPath(text: string): (string | number)[] {
  const segments: (string | number)[] = [];
  let i = text.startsWith('.') ? 1 : 0;
  let current = '';
  const flush = () => {
    if (current !== '') segments.push(current);
    current = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '.') {
      flush();
      i += 1;
    } else if (c === '[') {
      flush();
      const close = text.indexOf(']', i);
      const inner = close < 0 ? text.slice(i + 1) : text.slice(i + 1, close);
      const unquoted = inner.replace(/^["']|["']$/g, '');
      segments.push(/^\d+$/.test(unquoted) ? Number(unquoted) : unquoted);
      i = close < 0 ? text.length : close + 1;
    } else {
      current += c;
      i += 1;
    }
  }
  flush();
  return segments;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A parsed path matched against an object: names split on dots are joined back where the object
 * has a key containing dots (`metadata.annotations.autoscaling.keda.sh/paused`); `path` stops at the
 * deepest existing field, `rest` holds what was not found and `exact` says whether all was.
 */
export function resolveFieldPath(
  segments: readonly (string | number)[],
  value: unknown,
): { path: (string | number)[]; exact: boolean; rest: (string | number)[] } {
  const path: (string | number)[] = [];
  let node = value;
  let i = 0;
  while (i < segments.length) {
    const segment = segments[i]!;
    if (Array.isArray(node) && typeof segment === 'number') {
      if (segment >= node.length) return { path, exact: false, rest: segments.slice(i) };
      path.push(segment);
      node = node[segment];
      i += 1;
      continue;
    }
    if (!isRecord(node)) return { path, exact: false, rest: segments.slice(i) };
    const record: Record<string, unknown> = node;
    let matched = false;
    // Longest run of segments that names an existing key.
    for (let j = segments.length; j > i; j -= 1) {
      const run = segments.slice(i, j);
      if (run.some((s) => typeof s === 'number')) continue;
      const key = run.join('.');
      if (Object.prototype.hasOwnProperty.call(record, key)) {
        path.push(key);
        node = record[key];
        i = j;
        matched = true;
        break;
      }
    }
    if (!matched) {
      if (typeof segment === 'number' && Object.prototype.hasOwnProperty.call(record, String(segment))) {
        path.push(String(segment));
        node = record[String(segment)];
        i += 1;
        continue;
      }
      return { path, exact: false, rest: segments.slice(i) };
    }
  }
  return { path, exact: true, rest: [] };
}

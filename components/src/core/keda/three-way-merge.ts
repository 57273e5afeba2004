/**
 * A three-way merge of JSON trees, to re-apply someone's edit onto a newer version of the object:
 * `base` is what they started from, `theirs` the live object now, `mine` their edit. A field
 * changed on one side only takes that side's value; objects merge field by field and arrays of the
 * same length item by item; a field both sides changed differently is a conflict, resolved with
 * `mine` (it is their edit being re-applied) and listed so they can look at it.
 */
import type { FieldPath } from './crd-schema.js';

export interface MergeConflict {
  path: FieldPath;
  base: unknown;
  theirs: unknown;
  mine: unknown;
}

export interface MergeResult {
  merged: unknown;
  conflicts: MergeConflict[];
  /** Fields where `mine`'s change was applied over `theirs`. */
  applied: FieldPath[];
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality of JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => jsonEqual(a[k], b[k]));
  }
  return false;
}

export function threeWayMerge(base: unknown, theirs: unknown, mine: unknown): MergeResult {
  const conflicts: MergeConflict[] = [];
  const applied: FieldPath[] = [];

  const merge = (b: unknown, t: unknown, m: unknown, path: FieldPath): unknown => {
    if (jsonEqual(t, m)) return t;
    if (jsonEqual(b, m)) return t;
    if (jsonEqual(b, t)) {
      applied.push(path);
      return m;
    }
    if (isRecord(t) && isRecord(m)) {
      const bo = isRecord(b) ? b : {};
      const out: Json = {};
      const keys = [...Object.keys(t), ...Object.keys(m).filter((k) => !(k in t))];
      for (const key of keys) {
        const value = merge(bo[key], t[key], m[key], [...path, key]);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    if (
      Array.isArray(b) &&
      Array.isArray(t) &&
      Array.isArray(m) &&
      b.length === t.length &&
      t.length === m.length
    ) {
      return t.map((item, i) => merge(b[i], item, m[i], [...path, i]));
    }
    conflicts.push({ path, base: b, theirs: t, mine: m });
    return m;
  };

  const merged = merge(base, theirs, mine, []);
  return { merged, conflicts, applied };
}

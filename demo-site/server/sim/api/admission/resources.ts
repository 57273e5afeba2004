/**
 * What KEDA checks of a cpu/memory trigger's target: the containers' resource requests or
 * limits, or a namespace LimitRange default for containers (`isWorkloadResourceSet`,
 * `isContainerResourceLimitSet`).
 */
import { isObject } from '../../core/json.ts';
import type { ObjectLookup } from './lookup.ts';

const SUFFIX: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** A Kubernetes quantity (`100m`, `1Gi`, `0.5`, `1e3`) as a float (`AsApproximateFloat64`); NaN if malformed. */
export function quantityValue(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return Number.NaN;
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/.exec(
    value.trim(),
  );
  if (!m) return Number.NaN;
  const base = Number(m[1]);
  if (m[2]) return base * 10 ** Number(m[2].slice(1));
  return base * (SUFFIX[m[3] ?? ''] ?? Number.NaN);
}

function has(map: unknown, name: string): map is Record<string, unknown> {
  return isObject(map) && Object.hasOwn(map, name);
}

function positive(map: unknown, name: string): boolean {
  return has(map, name) && quantityValue(map[name]) > 0;
}

/** `isWorkloadResourceSet`: a request or limit for `name` is set and one of them is positive. */
export function isWorkloadResourceSet(resources: unknown, name: string): boolean {
  const r = isObject(resources) ? resources : {};
  return (
    (has(r.requests, name) || has(r.limits, name)) && (positive(r.requests, name) || positive(r.limits, name))
  );
}

/** `isContainerResourceLimitSet`: a LimitRange in the namespace defaults `name` for containers. */
export function isContainerResourceLimitSet(
  lookup: ObjectLookup,
  namespace: string | undefined,
  name: string,
): boolean {
  for (const range of lookup.list({ group: '', resource: 'limitranges' }, namespace)) {
    const limits = isObject(range.spec) && Array.isArray(range.spec.limits) ? range.spec.limits : [];
    for (const item of limits) {
      if (!isObject(item) || item.type !== 'Container') continue;
      const set = has(item.defaultRequest, name) || has(item.default, name);
      if (set && (positive(item.defaultRequest, name) || positive(item.default, name))) return true;
    }
  }
  return false;
}

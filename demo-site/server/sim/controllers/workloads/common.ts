/** Helpers shared by the workload controllers (Deployment, ReplicaSet, StatefulSet, Job, Pod). */
import { createHash } from 'node:crypto';
import type { OwnerReference } from '../../../../../components/src/core/kube/types.ts';
import { apiVersionOf } from '../../../../../components/src/core/kube/resource.ts';
import type { ResourceService } from '../../api/service.ts';
import { isApiError } from '../../core/errors.ts';
import { asNumber, deepEqual, getPath, isObject, type JsonObject } from '../../core/json.ts';
import { rfc3339 } from '../../core/time.ts';
import type { KObject, ResourceDef } from '../../registry/types.ts';

/** The controller reference an owner puts on what it creates. */
export function controllerRef(def: ResourceDef, owner: KObject): OwnerReference {
  return {
    apiVersion: apiVersionOf(def),
    kind: def.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** The uid of an object's controller (owner with `controller: true`), if any. */
export function controllerUid(object: KObject): string | undefined {
  const refs = object.metadata.ownerReferences;
  return Array.isArray(refs) ? refs.find((r) => r.controller === true)?.uid : undefined;
}

/** The controller reference of an object, if any. */
export function controllerOf(object: KObject): OwnerReference | undefined {
  const refs = object.metadata.ownerReferences;
  return Array.isArray(refs) ? refs.find((r) => r.controller === true) : undefined;
}

export function conditionsOf(object: unknown): JsonObject[] {
  const list = getPath(object, ['status', 'conditions']);
  return Array.isArray(list) ? list.filter(isObject) : [];
}

export function hasTrueCondition(object: unknown, type: string): boolean {
  return conditionsOf(object).some((c) => c.type === type && c.status === 'True');
}

export function podPhase(pod: KObject): string {
  const phase = getPath(pod, ['status', 'phase']);
  return typeof phase === 'string' ? phase : 'Pending';
}

/** A pod that counts for its controller: not being deleted, not Succeeded or Failed. */
export function podActive(pod: KObject): boolean {
  const phase = podPhase(pod);
  return !pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

export function podReady(pod: KObject): boolean {
  return podActive(pod) && hasTrueCondition(pod, 'Ready');
}

/** Ready for at least `minReadySeconds` at `nowMs`. */
export function podAvailable(pod: KObject, minReadySeconds: number, nowMs: number): boolean {
  if (!podReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const ready = conditionsOf(pod).find((c) => c.type === 'Ready');
  const since = typeof ready?.lastTransitionTime === 'string' ? Date.parse(ready.lastTransitionTime) : nowMs;
  return since + minReadySeconds * 1000 <= nowMs;
}

/** matchLabels + matchExpressions of a metav1.LabelSelector against labels. */
export function selectorMatches(
  selector: unknown,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  if (!isObject(selector)) return false;
  const l = labels ?? {};
  const matchLabels = isObject(selector.matchLabels) ? selector.matchLabels : {};
  for (const [k, v] of Object.entries(matchLabels)) if (l[k] !== v) return false;
  const expressions = Array.isArray(selector.matchExpressions)
    ? selector.matchExpressions.filter(isObject)
    : [];
  for (const e of expressions) {
    const key = String(e.key ?? '');
    const values = Array.isArray(e.values) ? e.values.map(String) : [];
    const has = Object.hasOwn(l, key);
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(l[key] ?? '')) return false;
        break;
      case 'NotIn':
        if (has && values.includes(l[key] ?? '')) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return Object.keys(matchLabels).length > 0 || expressions.length > 0;
}

/** The string form of a metav1.LabelSelector (`a=b,c in (d)`), as in Scale.status.selector. */
export function selectorString(selector: unknown): string {
  if (!isObject(selector)) return '';
  const parts: string[] = [];
  const matchLabels = isObject(selector.matchLabels) ? selector.matchLabels : {};
  for (const k of Object.keys(matchLabels).sort()) parts.push(`${k}=${String(matchLabels[k])}`);
  const expressions = Array.isArray(selector.matchExpressions)
    ? selector.matchExpressions.filter(isObject)
    : [];
  for (const e of expressions) {
    const values = Array.isArray(e.values) ? [...e.values].map(String).sort().join(',') : '';
    switch (e.operator) {
      case 'In':
        parts.push(`${String(e.key)} in (${values})`);
        break;
      case 'NotIn':
        parts.push(`${String(e.key)} notin (${values})`);
        break;
      case 'Exists':
        parts.push(String(e.key));
        break;
      case 'DoesNotExist':
        parts.push(`!${String(e.key)}`);
        break;
    }
  }
  return parts.join(',');
}

export function specReplicas(object: KObject, fallback = 1): number {
  return asNumber(getPath(object, ['spec', 'replicas'])) ?? fallback;
}

/** A 10-character pod-template-hash-like digest (the apiserver's safe alphabet). */
export function templateHash(template: unknown, salt = ''): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  const copy = isObject(template) ? structuredClone(template) : {};
  const labels = getPath(copy, ['metadata', 'labels']);
  if (isObject(labels)) delete labels['pod-template-hash'];
  const digest = createHash('sha256').update(JSON.stringify(copy)).update(salt).digest();
  let out = '';
  for (let i = 0; i < 10; i++) out += alphabet[(digest[i] ?? 0) % alphabet.length];
  return out;
}

/**
 * A condition as the workload controllers keep them: lastTransitionTime moves on a status change,
 * lastUpdateTime (when `withUpdateTime`) when the reason or message changes too.
 */
export function setCondition(
  previous: readonly JsonObject[],
  next: { type: string; status: string; reason?: string; message?: string },
  nowMs: number,
  withUpdateTime = false,
): JsonObject[] {
  const now = rfc3339(new Date(nowMs));
  const old = previous.find((c) => c.type === next.type);
  const sameStatus = old?.status === next.status;
  const changed = !old || !sameStatus || old.reason !== next.reason || old.message !== next.message;
  const condition: JsonObject = { type: next.type, status: next.status };
  if (withUpdateTime) condition.lastUpdateTime = changed ? now : (old?.lastUpdateTime ?? now);
  condition.lastTransitionTime = sameStatus ? (old?.lastTransitionTime ?? now) : now;
  if (next.reason !== undefined) condition.reason = next.reason;
  if (next.message !== undefined) condition.message = next.message;
  const out = previous.map((c) => (c.type === next.type ? condition : c));
  if (!old) out.push(condition);
  return out;
}

/** Writes `status` through `/status` when it differs from the stored one. Returns the stored object. */
export function writeStatus(
  service: ResourceService,
  def: ResourceDef,
  object: KObject,
  status: JsonObject,
): KObject {
  if (deepEqual(object.status ?? {}, status)) return object;
  return service.update(
    def,
    object.metadata.namespace,
    object.metadata.name ?? '',
    { ...object, status },
    {},
    'status',
  );
}

/** Drops 0 / undefined fields (omitempty). */
export function omitZero(status: JsonObject, keep: readonly string[] = []): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(status)) {
    if (v === undefined) continue;
    if (v === 0 && !keep.includes(k)) continue;
    out[k] = v;
  }
  return out;
}

/** Whether an error is a 404 or 409 (a race with another writer or a deletion). */
export function isRace(error: unknown): boolean {
  return isApiError(error) && (error.code === 404 || error.code === 409);
}

/** Simulation knobs on a pod template: `sim.keda.sh/startup-seconds`, `sim.keda.sh/run-seconds`, `sim.keda.sh/failure-rate`. */
export const SIM_ANNOTATIONS = {
  startupSeconds: 'sim.keda.sh/startup-seconds',
  runSeconds: 'sim.keda.sh/run-seconds',
  failureRate: 'sim.keda.sh/failure-rate',
} as const;

/**
 * The apiserver's side of garbage collection on DELETE (registry store `deletionFinalizersForGarbageCollection`):
 * the propagation policy becomes the `orphan` or `foregroundDeletion` finalizer that the garbage
 * collector then acts on; Background needs no finalizer (the collector notices the owner is gone).
 */
import { errors } from '../core/errors.ts';
import type { KObject, ResourceDef } from '../registry/types.ts';

export type PropagationPolicy = 'Orphan' | 'Background' | 'Foreground';

export const PROPAGATION_POLICIES: readonly PropagationPolicy[] = ['Foreground', 'Background', 'Orphan'];

/** metav1.FinalizerOrphanDependents */
export const ORPHAN_FINALIZER = 'orphan';
/** metav1.FinalizerDeleteDependents */
export const FOREGROUND_FINALIZER = 'foregroundDeletion';

/**
 * Group/version/kinds whose REST strategy defaults to orphaning when a DELETE names no policy
 * (`rest.OrphanDependents`, kept for backwards compatibility). Every other kind defaults to
 * Background. batch/v1 Jobs are the one a KEDA cluster meets: deleting one without a policy leaves
 * its Pods behind.
 */
const ORPHAN_BY_DEFAULT: ReadonlySet<string> = new Set([
  'batch/v1/Job',
  'v1/ReplicationController',
  'extensions/v1beta1/ReplicaSet',
  'extensions/v1beta1/Deployment',
  'extensions/v1beta1/DaemonSet',
  'apps/v1beta1/Deployment',
  'apps/v1beta1/StatefulSet',
  'apps/v1beta2/Deployment',
  'apps/v1beta2/ReplicaSet',
  'apps/v1beta2/DaemonSet',
  'apps/v1beta2/StatefulSet',
]);

/** What a DELETE without a policy (and without GC finalizers on the object) does to dependents. */
export function defaultPropagationPolicy(
  def: Pick<ResourceDef, 'group' | 'version' | 'kind'>,
): PropagationPolicy {
  const gv = def.group ? `${def.group}/${def.version}` : def.version;
  return ORPHAN_BY_DEFAULT.has(`${gv}/${def.kind}`) ? 'Orphan' : 'Background';
}

/** The first GC finalizer on the object decides, as the apiserver reads them. */
function finalizerPolicy(finalizers: readonly string[]): PropagationPolicy | undefined {
  for (const f of finalizers) {
    if (f === ORPHAN_FINALIZER) return 'Orphan';
    if (f === FOREGROUND_FINALIZER) return 'Foreground';
  }
  return undefined;
}

/** The policy in force for a DELETE: the request's, else the object's GC finalizer, else the kind's default. */
export function effectivePolicy(
  def: Pick<ResourceDef, 'group' | 'version' | 'kind'>,
  object: KObject,
  requested: PropagationPolicy | undefined,
): PropagationPolicy {
  return requested ?? finalizerPolicy(object.metadata.finalizers ?? []) ?? defaultPropagationPolicy(def);
}

/**
 * The finalizers `object` has after a DELETE with `requested`: other finalizers kept in order, the
 * GC finalizer of the policy (if any) appended. Undefined when the set does not change.
 */
export function finalizersAfterDelete(
  def: Pick<ResourceDef, 'group' | 'version' | 'kind'>,
  object: KObject,
  requested: PropagationPolicy | undefined,
): string[] | undefined {
  const current = object.metadata.finalizers ?? [];
  const policy = effectivePolicy(def, object, requested);
  const next = current.filter((f) => f !== ORPHAN_FINALIZER && f !== FOREGROUND_FINALIZER);
  if (policy === 'Orphan') next.push(ORPHAN_FINALIZER);
  if (policy === 'Foreground') next.push(FOREGROUND_FINALIZER);
  const before = new Set(current);
  const after = new Set(next);
  const same = before.size === after.size && [...after].every((f) => before.has(f));
  return same ? undefined : next;
}

/**
 * The policy of a DELETE from its options (`propagationPolicy`, or the deprecated
 * `orphanDependents`), validated as the apiserver does (ValidateDeleteOptions → 422).
 */
export function propagationPolicyOf(
  policy: unknown,
  orphanDependents: unknown,
): PropagationPolicy | undefined {
  const kind = { group: 'meta.k8s.io', kind: 'DeleteOptions' };
  if (orphanDependents !== undefined && typeof orphanDependents !== 'boolean') {
    throw errors.badRequest(`orphanDependents must be a boolean, got ${JSON.stringify(orphanDependents)}`);
  }
  if (orphanDependents !== undefined && policy !== undefined) {
    throw errors.invalid(kind, '', [
      {
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${JSON.stringify(String(policy))}: orphanDependents and deletionPropagation cannot be both set`,
        field: 'propagationPolicy',
      },
    ]);
  }
  if (orphanDependents !== undefined) return orphanDependents ? 'Orphan' : 'Background';
  if (policy === undefined) return undefined;
  if (!PROPAGATION_POLICIES.includes(policy as PropagationPolicy)) {
    throw errors.invalid(kind, '', [
      {
        reason: 'FieldValueNotSupported',
        message: `Unsupported value: ${JSON.stringify(String(policy))}: supported values: "Foreground", "Background", "Orphan", "nil"`,
        field: 'propagationPolicy',
      },
    ]);
  }
  return policy as PropagationPolicy;
}

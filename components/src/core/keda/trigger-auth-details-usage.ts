/**
 * Who uses a TriggerAuthentication / ClusterTriggerAuthentication (triggers whose authenticationRef
 * names it: same namespace for a TriggerAuthentication, any namespace for a cluster one; the kind
 * defaults to TriggerAuthentication as in KEDA), and whether the Secrets it references exist.
 */
import type { KubeObject } from '../kube/types.js';
import type { AuthKind, SecretRef } from './trigger-auth-details.js';
import type { ScaleTriggers } from './types.js';

export interface AuthUser {
  kind: 'ScaledObject' | 'ScaledJob';
  namespace: string;
  name: string;
  /** The triggers that reference it (`#0 rabbitmq`, `#1 orders-queue (rabbitmq)`). */
  triggers: string[];
}

interface WithTriggers extends KubeObject {
  spec?: { triggers?: readonly ScaleTriggers[] };
}

function usersOf(
  kind: AuthUser['kind'],
  objects: readonly WithTriggers[],
  auth: { kind: AuthKind; namespace: string | undefined; name: string },
): AuthUser[] {
  const users: AuthUser[] = [];
  for (const o of objects) {
    if (auth.kind === 'TriggerAuthentication' && o.metadata.namespace !== auth.namespace) continue;
    const triggers = (o.spec?.triggers ?? []).flatMap((t, index) => {
      const ref = t.authenticationRef;
      if (!ref || ref.name !== auth.name || (ref.kind ?? 'TriggerAuthentication') !== auth.kind) return [];
      return [`#${index} ${t.name ? `${t.name} (${t.type})` : t.type}`];
    });
    if (triggers.length > 0)
      users.push({ kind, namespace: o.metadata.namespace ?? '', name: o.metadata.name ?? '', triggers });
  }
  return users;
}

/** The ScaledObjects and ScaledJobs whose triggers reference this authentication, sorted. */
export function triggerAuthUsers(
  auth: { kind: AuthKind; namespace: string | undefined; name: string },
  scaledObjects: readonly WithTriggers[],
  scaledJobs: readonly WithTriggers[],
): AuthUser[] {
  return [...usersOf('ScaledObject', scaledObjects, auth), ...usersOf('ScaledJob', scaledJobs, auth)].sort(
    (a, b) =>
      a.kind.localeCompare(b.kind) || a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name),
  );
}

/** A Secret by its name and key names (never values). */
export interface SecretKeyNames {
  name: string;
  keys: readonly string[];
}

export type SecretRefState = 'found' | 'no-secret' | 'no-key' | 'unknown';

/** Whether each reference resolves; `unknown` while the Secrets are not (or cannot be) listed. */
export function secretRefStates(
  refs: readonly SecretRef[],
  secrets: readonly SecretKeyNames[] | undefined,
): Array<SecretRef & { state: SecretRefState }> {
  return refs.map((ref) => {
    if (!secrets) return { ...ref, state: 'unknown' };
    const secret = secrets.find((s) => s.name === ref.name);
    if (!secret) return { ...ref, state: 'no-secret' };
    return { ...ref, state: secret.keys.includes(ref.key) ? 'found' : 'no-key' };
  });
}

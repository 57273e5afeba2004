/**
 * What KEDA and the HPA controller do with a `scaleTargetRef`: find the kind (the REST mapper),
 * read the object's `/scale` (spec.replicas, status.replicas, status.selector) and write it, with
 * the errors client-go reports (`no matches for kind …`, `deployments.apps "x" not found`, `the
 * server could not find the requested resource`).
 */
import type { ResourceService } from '../api/service.ts';
import { asNumber, getPath } from '../core/json.ts';
import type { ResourceRegistry } from '../registry/registry.ts';
import { hasSubresource, storageKey, type KObject, type ResourceDef } from '../registry/types.ts';
import type { ObjectStore } from '../store/store.ts';

export interface ScaleTarget {
  def: ResourceDef;
  object: KObject;
  /** `/scale` spec.replicas. */
  specReplicas: number;
  /** `/scale` status.replicas. */
  statusReplicas: number;
  /** status.readyReplicas of the workload (status.replicas when it has none). */
  readyReplicas: number;
  /** `/scale` status.selector. */
  selector: string | undefined;
}

export type ScaleTargetResult =
  | { ok: true; target: ScaleTarget }
  | { ok: false; reason: 'kind' | 'missing' | 'noscale'; error: string; def?: ResourceDef };

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

/** The served kind for apiVersion + kind (any version of the group when that one is not served). */
export function resolveKind(
  registry: ResourceRegistry,
  apiVersion: string,
  kind: string,
): ResourceDef | undefined {
  const { group, version } = splitApiVersion(apiVersion);
  const candidates = registry.all().filter((d) => d.group === group && d.kind === kind);
  return candidates.find((d) => d.version === version) ?? candidates[0];
}

function qualified(def: ResourceDef): string {
  return def.group ? `${def.plural}.${def.group}` : def.plural;
}

export function readScaleTarget(
  registry: ResourceRegistry,
  store: ObjectStore,
  namespace: string,
  ref: { apiVersion?: string; kind?: string; name: string },
): ScaleTargetResult {
  const apiVersion = ref.apiVersion || 'apps/v1';
  const kind = ref.kind || 'Deployment';
  const def = resolveKind(registry, apiVersion, kind);
  if (!def)
    return { ok: false, reason: 'kind', error: `no matches for kind "${kind}" in version "${apiVersion}"` };
  const object = store.peek(storageKey(def), def.namespaced ? namespace : undefined, ref.name);
  if (!object)
    return { ok: false, reason: 'missing', error: `${qualified(def)} "${ref.name}" not found`, def };
  const scale = def.scale;
  if (!hasSubresource(def, 'scale') || !scale) {
    return { ok: false, reason: 'noscale', error: 'the server could not find the requested resource', def };
  }
  const statusReplicas = scale.statusReplicas(object);
  return {
    ok: true,
    target: {
      def,
      object,
      specReplicas: scale.specReplicas(object),
      statusReplicas,
      readyReplicas:
        asNumber(getPath(object, ['status', 'readyReplicas'])) ??
        (def.kind === 'Deployment' || def.kind === 'StatefulSet' || def.kind === 'ReplicaSet'
          ? 0
          : statusReplicas),
      selector: scale.selector(object),
    },
  };
}

/** Writes `/scale` spec.replicas (a merge patch, as the scale clients do). */
export function writeScale(service: ResourceService, target: ScaleTarget, replicas: number): void {
  service.patch(
    target.def,
    target.object.metadata.namespace,
    target.object.metadata.name ?? '',
    'merge',
    { spec: { replicas } },
    {},
    'scale',
  );
}

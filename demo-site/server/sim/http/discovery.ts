/**
 * API discovery documents (KUBE-WIRE §1, §6.1–6.3): legacy APIVersions / APIGroupList / APIGroup /
 * APIResourceList, and aggregated APIGroupDiscoveryList (apidiscovery.k8s.io v2 and v2beta1).
 */
import type { GroupInfo, ResourceRegistry } from '../registry/registry.ts';
import { SUBRESOURCE_VERBS, type ResourceDef, type SubresourceName } from '../registry/types.ts';

/**
 * A group-version served outside the registry, as an aggregated APIService is
 * (external.metrics.k8s.io): listed after the registry's groups, resources as the aggregated
 * server's legacy APIResourceList has them.
 */
export interface ExtraGroup {
  name: string;
  version: string;
  resources: readonly ExtraResource[];
}

export interface ExtraResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  kind: string;
  verbs: readonly string[];
}

function extraGroupInfo(extra: ExtraGroup): { name: string; versions: { version: string }[] } {
  return { name: extra.name, versions: [{ version: extra.version }] };
}

export const AGGREGATED_CONTENT_TYPE = (version: string): string =>
  `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`;

function groupVersion(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

interface Kind {
  group: string;
  version: string;
  kind: string;
}

function subresourceKind(def: ResourceDef, sub: SubresourceName): Kind {
  if (sub === 'scale') return { group: 'autoscaling', version: 'v1', kind: 'Scale' };
  return { group: def.group, version: def.version, kind: def.kind };
}

export function apiVersions(serverAddress: string): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function apiGroup(
  info: Pick<GroupInfo, 'name'> & { versions: { version: string }[] },
): Record<string, unknown> {
  const versions = info.versions.map((v) => ({
    groupVersion: groupVersion(info.name, v.version),
    version: v.version,
  }));
  return { name: info.name, versions, preferredVersion: versions[0] };
}

export function apiGroupList(
  registry: ResourceRegistry,
  extra: readonly ExtraGroup[] = [],
): Record<string, unknown> {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [
      ...registry
        .groups()
        .filter((g) => g.name !== '')
        .map(apiGroup),
      ...extra.map((g) => apiGroup(extraGroupInfo(g))),
    ],
  };
}

export function apiGroupDocument(
  registry: ResourceRegistry,
  name: string,
  extra: readonly ExtraGroup[] = [],
): Record<string, unknown> | undefined {
  const info = registry.groups().find((g) => g.name === name && name !== '');
  const aggregated = extra.find((g) => g.name === name);
  if (info) return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(info) };
  if (aggregated) return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(extraGroupInfo(aggregated)) };
  return undefined;
}

export function apiResourceList(
  registry: ResourceRegistry,
  group: string,
  version: string,
  extra: readonly ExtraGroup[] = [],
): Record<string, unknown> | undefined {
  const aggregated = extra.find((g) => g.name === group && g.version === version);
  if (aggregated) {
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: groupVersion(group, version),
      resources: aggregated.resources.map((r) => ({ ...r, verbs: [...r.verbs] })),
    };
  }
  const defs = registry.resourcesIn(group, version);
  if (defs.length === 0) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const def of defs) {
    const main: Record<string, unknown> = {
      name: def.plural,
      singularName: def.singular,
      namespaced: def.namespaced,
      kind: def.kind,
      verbs: [...def.verbs],
    };
    if (def.shortNames.length) main.shortNames = [...def.shortNames];
    if (def.categories.length) main.categories = [...def.categories];
    resources.push(main);
    for (const sub of def.subresources) {
      const kind = subresourceKind(def, sub);
      const entry: Record<string, unknown> = {
        name: `${def.plural}/${sub}`,
        singularName: '',
        namespaced: def.namespaced,
      };
      if (kind.group !== def.group || kind.version !== def.version) {
        entry.group = kind.group;
        entry.version = kind.version;
      }
      entry.kind = kind.kind;
      entry.verbs = sub === 'finalize' ? ['update'] : [...SUBRESOURCE_VERBS];
      resources.push(entry);
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: groupVersion(group, version), resources };
}

function discoveryResource(def: ResourceDef): Record<string, unknown> {
  const out: Record<string, unknown> = {
    resource: def.plural,
    responseKind: { group: def.group, version: def.version, kind: def.kind },
    scope: def.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: def.singular,
    verbs: [...def.verbs],
  };
  if (def.shortNames.length) out.shortNames = [...def.shortNames];
  if (def.categories.length) out.categories = [...def.categories];
  if (def.subresources.length) {
    out.subresources = def.subresources.map((sub) => ({
      subresource: sub,
      responseKind: subresourceKind(def, sub),
      verbs: sub === 'finalize' ? ['update'] : [...SUBRESOURCE_VERBS],
    }));
  }
  return out;
}

/** `/api` (core: true) or `/apis` (core: false) as an APIGroupDiscoveryList. */
/** An aggregated server's group as the aggregator converts its legacy discovery. */
function extraDiscoveryItem(extra: ExtraGroup): Record<string, unknown> {
  return {
    metadata: { name: extra.name, creationTimestamp: null },
    versions: [
      {
        version: extra.version,
        resources: extra.resources.map((r) => ({
          resource: r.name,
          responseKind: { group: '', version: '', kind: r.kind },
          scope: r.namespaced ? 'Namespaced' : 'Cluster',
          singularResource: r.singularName,
          verbs: [...r.verbs],
        })),
        freshness: 'Current',
      },
    ],
  };
}

export function aggregatedDiscovery(
  registry: ResourceRegistry,
  core: boolean,
  version: 'v2' | 'v2beta1',
  extra: readonly ExtraGroup[] = [],
): Record<string, unknown> {
  const items: Record<string, unknown>[] = registry
    .groups()
    .filter((g) => (core ? g.name === '' : g.name !== ''))
    .map((g) => ({
      metadata: core ? { creationTimestamp: null } : { name: g.name, creationTimestamp: null },
      versions: g.versions.map((v) => ({
        version: v.version,
        resources: v.resources.map(discoveryResource),
        freshness: 'Current',
      })),
    }));
  if (!core) items.push(...extra.map(extraDiscoveryItem));
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: `apidiscovery.k8s.io/${version}`,
    metadata: {},
    items,
  };
}

/** The YAML editor routes: one per KEDA kind, registered in index.tsx, linked from `headlampLink`. */

export interface YamlKind {
  kind: 'ScaledObject' | 'ScaledJob' | 'TriggerAuthentication' | 'ClusterTriggerAuthentication';
  plural: string;
  namespaced: boolean;
}

export const YAML_KINDS: readonly YamlKind[] = [
  { kind: 'ScaledObject', plural: 'scaledobjects', namespaced: true },
  { kind: 'ScaledJob', plural: 'scaledjobs', namespaced: true },
  { kind: 'TriggerAuthentication', plural: 'triggerauthentications', namespaced: true },
  {
    kind: 'ClusterTriggerAuthentication',
    plural: 'clustertriggerauthentications',
    namespaced: false,
  },
];

/** The route of new objects from YAML: `/keda/create/yaml[?kind=<kind>][&namespace=<ns>]`. */
export const CREATE_YAML_ROUTE = { path: '/keda/create/yaml', name: 'keda-create-yaml' } as const;

/** `/keda/<plural>/:namespace/:name/yaml` (cluster-scoped: `/keda/<plural>/:name/yaml`). */
export function yamlRoutePath({ plural, namespaced }: YamlKind): string {
  return namespaced ? `/keda/${plural}/:namespace/:name/yaml` : `/keda/${plural}/:name/yaml`;
}

/**
 * The editor route's name for `kind` (the kind plus `Yaml`, next to the details route named by
 * the kind), or undefined for a kind without one.
 */
export function yamlRouteName(kind: string): string | undefined {
  return YAML_KINDS.some(k => k.kind === kind) ? `${kind}Yaml` : undefined;
}

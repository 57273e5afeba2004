/** The KEDA kinds the demo has pages for, addressed by their API plural like kubectl does. */
export interface KindPage {
  plural: string;
  kind: 'ScaledObject' | 'ScaledJob' | 'TriggerAuthentication' | 'ClusterTriggerAuthentication';
  namespaced: boolean;
}

export const kindPages: readonly KindPage[] = [
  { plural: 'scaledobjects', kind: 'ScaledObject', namespaced: true },
  { plural: 'scaledjobs', kind: 'ScaledJob', namespaced: true },
  { plural: 'triggerauthentications', kind: 'TriggerAuthentication', namespaced: true },
  { plural: 'clustertriggerauthentications', kind: 'ClusterTriggerAuthentication', namespaced: false },
];

export const kindByPlural = (plural: string | undefined): KindPage | undefined =>
  kindPages.find((k) => k.plural === plural);

export const kindByName = (kind: string): KindPage | undefined => kindPages.find((k) => k.kind === kind);

import { ageOf } from '../kube/age.js';
import { splitList, type ListColumn, type ListRowBase, type RowSelection } from '../list/select.js';
import { maskSecretsInText } from './mask.js';
import type { TriggerAuthentication } from './types.js';

export type TriggerAuthColumnId =
  | 'name'
  | 'namespace'
  | 'podIdentity'
  | 'secret'
  | 'env'
  | 'filePath'
  | 'vaultAddress'
  | 'scaledObjects'
  | 'scaledJobs'
  | 'age';

/**
 * A TriggerAuthentication or ClusterTriggerAuthentication row. Secret shows every referenced
 * Secret name (kubectl's column shows only the first); values are never read. The Vault address
 * has any password in it masked.
 */
export interface TriggerAuthListRow extends ListRowBase {
  podIdentity: string | undefined;
  secret: string | undefined;
  env: string | undefined;
  filePath: string | undefined;
  vaultAddress: string | undefined;
  scaledObjects: string | undefined;
  scaledJobs: string | undefined;
  age: string;
  created: number;
  object: TriggerAuthentication;
}

const column = (
  id: TriggerAuthColumnId,
  title: string,
  description: string,
  width: string,
): ListColumn<TriggerAuthColumnId> => ({ id, title, description, width });

const shared: ReadonlyArray<ListColumn<TriggerAuthColumnId>> = [
  column('podIdentity', 'PODIDENTITY', '.spec.podIdentity.provider', 'minmax(110px, 0.6fr)'),
  column(
    'secret',
    'SECRET',
    '.spec.secretTargetRef[*].name (every Secret; never values)',
    'minmax(150px, 1.2fr)',
  ),
  column('env', 'ENV', '.spec.env[*].name', 'minmax(100px, 0.8fr)'),
];
const tail: ReadonlyArray<ListColumn<TriggerAuthColumnId>> = [
  column('vaultAddress', 'VAULTADDRESS', '.spec.hashiCorpVault.address', 'minmax(140px, 1fr)'),
  column('scaledObjects', 'SCALEDOBJECTS', '.status.scaledobjects (kubectl -o wide)', 'minmax(150px, 1.2fr)'),
  column('scaledJobs', 'SCALEDJOBS', '.status.scaledjobs (kubectl -o wide)', 'minmax(120px, 1fr)'),
  column(
    'age',
    'AGE',
    'time since metadata.creationTimestamp (not a kubectl column for this kind)',
    'minmax(60px, 0.3fr)',
  ),
];

export const triggerAuthListColumns: ReadonlyArray<ListColumn<TriggerAuthColumnId>> = [
  column('name', 'NAME', 'metadata.name', 'minmax(176px, 1.6fr)'),
  column('namespace', 'NAMESPACE', 'metadata.namespace', 'minmax(96px, 0.8fr)'),
  ...shared,
  ...tail,
];

export const clusterTriggerAuthListColumns: ReadonlyArray<ListColumn<TriggerAuthColumnId>> = [
  column('name', 'NAME', 'metadata.name', 'minmax(176px, 1.6fr)'),
  ...shared,
  column('filePath', 'FILEPATH', '.spec.filePath', 'minmax(110px, 0.8fr)'),
  ...tail,
];

export const triggerAuthFilterKeys: ReadonlyMap<string, string> = new Map([
  ['name', 'name'],
  ['ns', 'ns'],
  ['namespace', 'ns'],
  ['secret', 'secret'],
  ['env', 'env'],
  ['identity', 'identity'],
  ['podidentity', 'identity'],
  ['so', 'so'],
  ['scaledobject', 'so'],
  ['sj', 'sj'],
  ['scaledjob', 'sj'],
]);

const joined = (values: readonly string[] | undefined) =>
  values && values.length ? values.join(', ') : undefined;

const vaultAddressOf = (ta: TriggerAuthentication) => {
  const address = ta.spec?.hashiCorpVault?.address;
  return address ? maskSecretsInText(address) : undefined;
};

export function triggerAuthListRow(ta: TriggerAuthentication, now: number): TriggerAuthListRow {
  const spec = ta.spec ?? {};
  const created = ta.metadata.creationTimestamp ? Date.parse(ta.metadata.creationTimestamp) : NaN;
  const name = ta.metadata.name ?? '';
  const namespace = ta.metadata.namespace ?? '';
  return {
    key: ta.metadata.uid ?? `${namespace}/${name}`,
    name,
    namespace,
    resourceVersion: ta.metadata.resourceVersion,
    podIdentity: spec.podIdentity?.provider || undefined,
    secret: joined([...new Set((spec.secretTargetRef ?? []).map((r) => r.name))]),
    env: joined((spec.env ?? []).map((e) => e.name)),
    filePath: spec.filePath || undefined,
    vaultAddress: vaultAddressOf(ta),
    scaledObjects: joined(splitList(ta.status?.scaledobjects)),
    scaledJobs: joined(splitList(ta.status?.scaledjobs)),
    age: ageOf(ta.metadata.creationTimestamp, now),
    created: Number.isNaN(created) ? 0 : created,
    object: ta,
  };
}

export const triggerAuthSelection: RowSelection<
  TriggerAuthentication,
  TriggerAuthListRow,
  TriggerAuthColumnId
> = {
  filterValues(row, key) {
    switch (key) {
      case 'name':
        return [row.name];
      case 'ns':
        return [row.namespace];
      case 'secret':
        return (row.object.spec?.secretTargetRef ?? []).map((r) => r.name);
      case 'env':
        return (row.object.spec?.env ?? []).map((e) => e.name);
      case 'identity':
        return row.podIdentity ? [row.podIdentity] : ['none'];
      case 'so':
        return splitList(row.object.status?.scaledobjects);
      case 'sj':
        return splitList(row.object.status?.scaledjobs);
      default:
        return [];
    }
  },
  searchText: (ta) => [
    ta.metadata.name ?? '',
    ta.metadata.namespace ?? '',
    ...(ta.spec?.secretTargetRef ?? []).map((r) => r.name),
    vaultAddressOf(ta) ?? '',
    ta.status?.scaledobjects ?? '',
    ta.status?.scaledjobs ?? '',
  ],
  sortValue: (row, column) => (column === 'age' ? -row.created : row[column]),
};

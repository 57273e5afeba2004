import { ageOf } from '../kube/age.js';
import { scaledFilterValues } from './scaled-filter.js';
import type { ListColumn, ListRowBase, RowSelection } from '../list/select.js';
import { conditionStatus, findCondition } from './conditions.js';
import { pausedByAnnotation, stateRank, type ScaledObjectState } from './state.js';
import { KEDA_ANNOTATIONS, scaledJobPaused } from './annotations.js';
import type { ScaledJob } from './types.js';
import type { OwnedJobCounts } from './owned-job-counts.js';

export type ScaledJobColumnId =
  | 'name'
  | 'namespace'
  | 'state'
  | 'running'
  | 'min'
  | 'max'
  | 'ready'
  | 'active'
  | 'paused'
  | 'triggers'
  | 'authentications'
  | 'lastActive'
  | 'age';

export interface ScaledJobListRow extends ListRowBase {
  state: ScaledObjectState;
  /** Its Jobs by phase; undefined when it has none (or they are not known yet). */
  jobs: OwnedJobCounts | undefined;
  min: number | undefined;
  max: number | undefined;
  ready: string | undefined;
  active: string | undefined;
  paused: string | undefined;
  triggers: string | undefined;
  authentications: string | undefined;
  lastActive: string | undefined;
  lastActiveAt: number | undefined;
  age: string;
  created: number;
  object: ScaledJob;
}

/**
 * `kubectl get scaledjobs -A` columns (Min, Max, Ready, Active, Paused, Triggers, Authentications,
 * Age) plus STATE, RUNNING (its Jobs) and LAST ACTIVE.
 */
export const scaledJobListColumns: ReadonlyArray<ListColumn<ScaledJobColumnId>> = [
  { id: 'name', title: 'NAME', description: 'metadata.name', width: 'minmax(150px, 2fr)' },
  { id: 'namespace', title: 'NAMESPACE', description: 'metadata.namespace', width: 'minmax(96px, 1fr)' },
  {
    id: 'state',
    title: 'STATE',
    description: 'Derived from the conditions and the paused annotation',
    width: 'minmax(104px, 0.5fr)',
  },
  {
    id: 'running',
    title: 'RUNNING',
    description: 'Its Jobs not yet Complete or Failed, which KEDA counts against MAX',
    width: 'minmax(84px, 0.3fr)',
    numeric: true,
  },
  {
    id: 'min',
    title: 'MIN',
    description: '.spec.minReplicaCount',
    width: 'minmax(54px, 0.2fr)',
    numeric: true,
  },
  {
    id: 'max',
    title: 'MAX',
    description: '.spec.maxReplicaCount',
    width: 'minmax(54px, 0.2fr)',
    numeric: true,
  },
  { id: 'ready', title: 'READY', description: 'Ready condition status', width: 'minmax(74px, 0.3fr)' },
  { id: 'active', title: 'ACTIVE', description: 'Active condition status', width: 'minmax(74px, 0.3fr)' },
  { id: 'paused', title: 'PAUSED', description: 'Paused condition status', width: 'minmax(74px, 0.3fr)' },
  { id: 'triggers', title: 'TRIGGERS', description: '.status.triggersTypes', width: 'minmax(110px, 1fr)' },
  {
    id: 'authentications',
    title: 'AUTHENTICATIONS',
    description: '.status.authenticationsTypes',
    width: 'minmax(140px, 1fr)',
  },
  {
    id: 'lastActive',
    title: 'LAST ACTIVE',
    description: 'time since .status.lastActiveTime',
    width: 'minmax(106px, 0.4fr)',
  },
  {
    id: 'age',
    title: 'AGE',
    description: 'time since metadata.creationTimestamp',
    width: 'minmax(60px, 0.3fr)',
  },
];

export const scaledJobFilterKeys: ReadonlyMap<string, string> = new Map([
  ['name', 'name'],
  ['ns', 'ns'],
  ['namespace', 'ns'],
  ['trigger', 'trigger'],
  ['type', 'trigger'],
  ['auth', 'auth'],
  ['state', 'state'],
  ['ready', 'ready'],
  ['active', 'active'],
  ['paused', 'paused'],
]);

/** A ScaledJob's state: like a ScaledObject's, without fallback or cooldown (Jobs simply finish). */
export function scaledJobState(sj: ScaledJob): ScaledObjectState {
  const conditions = sj.status?.conditions;
  if (!conditions || conditions.length === 0)
    return { kind: 'pending', label: 'Pending', condition: undefined };
  const ready = findCondition(conditions, 'Ready');
  const active = findCondition(conditions, 'Active');
  const paused = findCondition(conditions, 'Paused');
  if (ready?.status === 'False') return { kind: 'error', label: 'Error', condition: ready };
  if (paused?.status === 'True') return { kind: 'paused', label: 'Paused', condition: paused };
  if (ready?.status === 'Unknown' && ready.reason)
    return { kind: 'degraded', label: 'Degraded', condition: ready };
  if (active?.status === 'True') return { kind: 'active', label: 'Active', condition: active };
  if (ready?.status === 'True') return { kind: 'ready', label: 'Ready', condition: active ?? ready };
  return { kind: 'unknown', label: 'Unknown', condition: ready ?? active };
}

/**
 * The state with `autoscaling.keda.sh/paused` taken as soon as the watch delivers it, before KEDA
 * reports Paused=True; a check error still comes first.
 */
export function annotatedScaledJobState(sj: ScaledJob): ScaledObjectState {
  const state = scaledJobState(sj);
  const annotations = sj.metadata.annotations;
  if (!scaledJobPaused(annotations) || state.kind === 'error') return state;
  const effect = `${KEDA_ANNOTATIONS.paused}: ${JSON.stringify(annotations?.[KEDA_ANNOTATIONS.paused])}: KEDA stops creating Jobs`;
  return pausedByAnnotation(sj.status?.conditions, 'Paused', effect);
}

const numberOrUndefined = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The list row of a ScaledJob; `jobs` counts the Jobs it created, when it has any. */
export function scaledJobListRow(sj: ScaledJob, now: number, jobs?: OwnedJobCounts): ScaledJobListRow {
  const conditions = sj.status?.conditions;
  const created = sj.metadata.creationTimestamp ? Date.parse(sj.metadata.creationTimestamp) : NaN;
  const lastActiveTime = sj.status?.lastActiveTime;
  const lastActiveAt = lastActiveTime ? Date.parse(lastActiveTime) : NaN;
  const name = sj.metadata.name ?? '';
  const namespace = sj.metadata.namespace ?? '';
  return {
    key: sj.metadata.uid ?? `${namespace}/${name}`,
    name,
    namespace,
    resourceVersion: sj.metadata.resourceVersion,
    state: annotatedScaledJobState(sj),
    jobs,
    min: numberOrUndefined(sj.spec?.minReplicaCount),
    max: numberOrUndefined(sj.spec?.maxReplicaCount),
    ready: conditionStatus(conditions, 'Ready'),
    active: conditionStatus(conditions, 'Active'),
    paused: conditionStatus(conditions, 'Paused'),
    triggers: sj.status?.triggersTypes || undefined,
    authentications: sj.status?.authenticationsTypes || undefined,
    lastActive: lastActiveTime ? ageOf(lastActiveTime, now) : undefined,
    lastActiveAt: Number.isNaN(lastActiveAt) ? undefined : lastActiveAt,
    age: ageOf(sj.metadata.creationTimestamp, now),
    created: Number.isNaN(created) ? 0 : created,
    object: sj,
  };
}

export const scaledJobSelection: RowSelection<ScaledJob, ScaledJobListRow, ScaledJobColumnId> = {
  filterValues(row, key) {
    return scaledFilterValues(row, key);
  },
  searchText: (sj) => [
    sj.metadata.name ?? '',
    sj.metadata.namespace ?? '',
    sj.status?.triggersTypes ?? '',
    ...(sj.spec?.triggers ?? []).map((t) => t.type),
  ],
  sortValue(row, column) {
    switch (column) {
      case 'state':
        return stateRank(row.state.kind);
      case 'running':
        return row.jobs?.running ?? 0;
      case 'age':
        return -row.created;
      case 'lastActive':
        return row.lastActiveAt === undefined ? undefined : -row.lastActiveAt;
      default:
        return row[column];
    }
  },
};

import { ageOf } from '../kube/age.js';
import { scaledFilterValues } from './scaled-filter.js';
import type { ListColumn, ListRowBase, RowSelection } from '../list/select.js';
import {
  scaledObjectColumns,
  scaledObjectRow,
  type ScaledObjectColumnId,
  type ScaledObjectRow,
} from './printer-columns.js';
import { annotatedScaledObjectState, stateRank, type ScaledObjectState } from './state.js';
import type { ScaledObject } from './types.js';
import type { HorizontalPodAutoscaler } from '../kube/autoscaling.js';
import { hpaReplicas, managedHpaName, type HpaReplicas } from './managed-hpa.js';

/** One row of the ScaledObject list: kubectl's columns plus what operators look at next. */
export interface ScaledObjectListRow extends ScaledObjectRow, ListRowBase {
  /** When the row was computed (ms); time-dependent cells are recomputed from it at render. */
  builtAt: number;
  state: ScaledObjectState;
  /** Age of status.lastActiveTime, or undefined when KEDA never saw the triggers active. */
  lastActive: string | undefined;
  lastActiveAt: number | undefined;
  /** The HPA KEDA manages for it (`status.hpaName`, else the name KEDA gives it). */
  hpaName: string;
  /** Whether the list of HPAs has it. */
  hpaFound: boolean;
  /** The HPA's replica counts; undefined when the HPA is missing or has no status yet. */
  replicas: HpaReplicas | undefined;
  object: ScaledObject;
}

export type ScaledObjectListColumnId = ScaledObjectColumnId | 'state' | 'replicas' | 'lastActive';

const WIDTHS: Record<ScaledObjectColumnId, string> = {
  name: 'minmax(150px, 2fr)',
  namespace: 'minmax(108px, 1fr)',
  scaleTargetKind: 'minmax(154px, 0.6fr)',
  scaleTargetName: 'minmax(152px, 1.4fr)',
  min: 'minmax(54px, 0.2fr)',
  max: 'minmax(54px, 0.2fr)',
  ready: 'minmax(70px, 0.3fr)',
  active: 'minmax(70px, 0.3fr)',
  fallback: 'minmax(82px, 0.3fr)',
  paused: 'minmax(70px, 0.3fr)',
  triggers: 'minmax(106px, 0.8fr)',
  authentications: 'minmax(152px, 1fr)',
  age: 'minmax(54px, 0.3fr)',
};

const kubectlColumn = (id: ScaledObjectColumnId): ListColumn<ScaledObjectListColumnId> => {
  const column = scaledObjectColumns.find((c) => c.id === id);
  if (!column) throw new Error(`no printer column ${id}`);
  return { ...column, width: WIDTHS[id] };
};

/**
 * kubectl's columns in kubectl's order, with STATE and REPLICAS (from the HPA) after the namespace
 * and LAST ACTIVE before AGE.
 */
export const scaledObjectListColumns: ReadonlyArray<ListColumn<ScaledObjectListColumnId>> = [
  kubectlColumn('name'),
  kubectlColumn('namespace'),
  {
    id: 'state',
    title: 'STATE',
    description:
      'Derived from the conditions (cooldown from lastActiveTime + cooldownPeriod) and the pause and force-activation annotations',
    width: 'minmax(176px, 0.4fr)',
  },
  {
    id: 'replicas',
    title: 'REPLICAS',
    description: "The target's replicas as the HPA last saw them, → the count it wants (HPA status)",
    width: 'minmax(84px, 0.3fr)',
    numeric: true,
  },
  ...scaledObjectColumns
    .filter((c) => c.id !== 'name' && c.id !== 'namespace' && c.id !== 'age')
    .map((c) => kubectlColumn(c.id)),
  {
    id: 'lastActive',
    title: 'LAST ACTIVE',
    description: 'time since .status.lastActiveTime',
    width: 'minmax(96px, 0.4fr)',
  },
  kubectlColumn('age'),
];

/** Filter keys (and their aliases) for `key:value` terms. */
export const scaledObjectFilterKeys: ReadonlyMap<string, string> = new Map([
  ['name', 'name'],
  ['ns', 'ns'],
  ['namespace', 'ns'],
  ['target', 'target'],
  ['kind', 'kind'],
  ['trigger', 'trigger'],
  ['type', 'trigger'],
  ['auth', 'auth'],
  ['state', 'state'],
  ['ready', 'ready'],
  ['active', 'active'],
  ['fallback', 'fallback'],
  ['paused', 'paused'],
  ['forced', 'forced'],
]);

/** The list row of a ScaledObject; `hpa` is the HPA KEDA manages for it, when there is one. */
export function scaledObjectListRow(
  so: ScaledObject,
  now: number,
  hpa?: HorizontalPodAutoscaler,
): ScaledObjectListRow {
  const row = scaledObjectRow(so, now);
  const lastActiveTime = so.status?.lastActiveTime;
  const lastActiveAt = lastActiveTime ? Date.parse(lastActiveTime) : NaN;
  return {
    ...row,
    key: so.metadata.uid ?? `${row.namespace}/${row.name}`,
    resourceVersion: so.metadata.resourceVersion,
    builtAt: now,
    state: annotatedScaledObjectState(so, now),
    lastActive: lastActiveTime ? ageOf(lastActiveTime, now) : undefined,
    lastActiveAt: Number.isNaN(lastActiveAt) ? undefined : lastActiveAt,
    hpaName: managedHpaName(so),
    hpaFound: hpa !== undefined,
    replicas: hpaReplicas(hpa),
    object: so,
  };
}

/** Filter and sort rules of the ScaledObject list. */
export const scaledObjectSelection: RowSelection<
  ScaledObject,
  ScaledObjectListRow,
  ScaledObjectListColumnId
> = {
  filterValues(row, key) {
    switch (key) {
      case 'target':
        return row.scaleTargetName ? [row.scaleTargetName] : [];
      case 'kind':
        return [row.scaleTargetKind ?? '', row.scaleTargetKind?.split('.').pop() ?? ''];
      case 'forced':
        return [row.state.forceNote === undefined ? 'false' : 'true'];
      default:
        return scaledFilterValues(row, key);
    }
  },
  searchText(so) {
    return [
      so.metadata.name ?? '',
      so.metadata.namespace ?? '',
      so.spec?.scaleTargetRef?.name ?? '',
      so.status?.triggersTypes ?? '',
      ...(so.spec?.triggers ?? []).map((t) => t.type),
    ];
  },
  sortValue(row, column) {
    switch (column) {
      case 'state':
        // Forced ones first within their state.
        return stateRank(row.state.kind) - (row.state.forceNote === undefined ? 0 : 0.5);
      case 'age':
        return -row.created;
      case 'lastActive':
        return row.lastActiveAt === undefined ? undefined : -row.lastActiveAt;
      case 'replicas':
        return row.replicas?.current;
      default:
        return row[column];
    }
  },
};

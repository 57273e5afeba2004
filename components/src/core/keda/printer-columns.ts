import { ageOf } from '../kube/age.js';
import { conditionStatus } from './conditions.js';
import type { ScaledObject } from './types.js';

/**
 * The columns `kubectl get scaledobjects -A` prints, computed from the object exactly as the API
 * server's CRD table convertor does from the CRD's additionalPrinterColumns. Missing values are
 * `undefined` (kubectl prints `<none>`), never a default.
 */
export interface ScaledObjectRow {
  name: string;
  namespace: string;
  scaleTargetKind: string | undefined;
  scaleTargetName: string | undefined;
  min: number | undefined;
  max: number | undefined;
  ready: string | undefined;
  active: string | undefined;
  fallback: string | undefined;
  paused: string | undefined;
  triggers: string | undefined;
  authentications: string | undefined;
  age: string;
  /** Milliseconds since the epoch, for sorting by age. */
  created: number;
}

export type ScaledObjectColumnId = Exclude<keyof ScaledObjectRow, 'created'>;

export interface ColumnDefinition<Id extends string> {
  id: Id;
  /** Header text, as kubectl prints it. */
  title: string;
  /** A short explanation for the header tooltip. */
  description: string;
  numeric?: boolean;
}

export const scaledObjectColumns: ReadonlyArray<ColumnDefinition<ScaledObjectColumnId>> = [
  { id: 'name', title: 'NAME', description: 'metadata.name' },
  { id: 'namespace', title: 'NAMESPACE', description: 'metadata.namespace' },
  { id: 'scaleTargetKind', title: 'SCALETARGETKIND', description: '.status.scaleTargetKind' },
  { id: 'scaleTargetName', title: 'SCALETARGETNAME', description: '.spec.scaleTargetRef.name' },
  { id: 'min', title: 'MIN', description: '.spec.minReplicaCount', numeric: true },
  { id: 'max', title: 'MAX', description: '.spec.maxReplicaCount', numeric: true },
  { id: 'ready', title: 'READY', description: 'Ready condition status' },
  { id: 'active', title: 'ACTIVE', description: 'Active condition status' },
  { id: 'fallback', title: 'FALLBACK', description: 'Fallback condition status' },
  { id: 'paused', title: 'PAUSED', description: 'Paused condition status' },
  { id: 'triggers', title: 'TRIGGERS', description: '.status.triggersTypes' },
  { id: 'authentications', title: 'AUTHENTICATIONS', description: '.status.authenticationsTypes' },
  { id: 'age', title: 'AGE', description: 'time since metadata.creationTimestamp' },
];

function integerOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

export function scaledObjectRow(so: ScaledObject, now: number): ScaledObjectRow {
  const conditions = so.status?.conditions;
  const created = so.metadata.creationTimestamp ? Date.parse(so.metadata.creationTimestamp) : NaN;
  return {
    name: so.metadata.name ?? '',
    namespace: so.metadata.namespace ?? '',
    scaleTargetKind: nonEmpty(so.status?.scaleTargetKind),
    scaleTargetName: nonEmpty(so.spec?.scaleTargetRef?.name),
    min: integerOrUndefined(so.spec?.minReplicaCount),
    max: integerOrUndefined(so.spec?.maxReplicaCount),
    ready: conditionStatus(conditions, 'Ready'),
    active: conditionStatus(conditions, 'Active'),
    fallback: conditionStatus(conditions, 'Fallback'),
    paused: conditionStatus(conditions, 'Paused'),
    triggers: nonEmpty(so.status?.triggersTypes),
    authentications: nonEmpty(so.status?.authenticationsTypes),
    age: ageOf(so.metadata.creationTimestamp, now),
    created: Number.isNaN(created) ? 0 : created,
  };
}

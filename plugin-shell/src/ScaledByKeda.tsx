/**
 * KEDA on Headlamp's own pages: a "Scaled by KEDA" section on the details of the Deployments,
 * StatefulSets, HPAs and Jobs KEDA manages, and a KEDA column on the Deployment and StatefulSet
 * lists. Which object manages what comes from the cluster (keda-managed.ts); nothing shows on
 * unrelated resources.
 */
import { K8s } from '@kinvolk/headlamp-plugin/lib';
import { NameValueTable, SectionBox } from '@kinvolk/headlamp-plugin/lib/CommonComponents';
import type { KubeObjectInterface } from '@kinvolk/headlamp-plugin/lib/k8s/cluster';
import { findCondition } from 'keda-elements/core/keda/conditions';
import { scaledObjectState } from 'keda-elements/core/keda/state';
import type { ScaledJob, ScaledObject } from 'keda-elements/core/keda/types';
import React from 'react';
import { Link } from 'react-router-dom';
import { type KedaManager, kedaManager, type ManagedCandidate } from './keda-managed';
import { headlampLink } from './KedaDetailsPages';
import { ScaledJobMiniChart, ScaledObjectMiniChart } from './ScaledByKedaChart';

const { KubeObject } = K8s.cluster;

/** keda.sh/v1alpha1 ScaledObjects through Headlamp's data layer (list + watch, react-query). */
export class ScaledObjectResource extends KubeObject<KubeObjectInterface> {
  static kind = 'ScaledObject';
  static apiName = 'scaledobjects';
  static apiVersion = 'keda.sh/v1alpha1';
  static isNamespaced = true;
}

/** keda.sh/v1alpha1 ScaledJobs. */
export class ScaledJobResource extends KubeObject<KubeObjectInterface> {
  static kind = 'ScaledJob';
  static apiName = 'scaledjobs';
  static apiVersion = 'keda.sh/v1alpha1';
  static isNamespaced = true;
}

/** The kinds the section and column consider; every other details page gets nothing. */
export const MANAGED_KINDS = ['Deployment', 'StatefulSet', 'HorizontalPodAutoscaler', 'Job'];
export const KEDA_TABLES = ['headlamp-deployments', 'headlamp-statefulsets'];

interface ResourceLike {
  jsonData?: ManagedCandidate;
  cluster?: string;
}

const json = <T,>(items: ReadonlyArray<{ jsonData: unknown }> | null | undefined): T[] =>
  (items ?? []).map(item => item.jsonData as T);

/** The manager of `resource`, from the ScaledObjects (and ScaledJobs for Jobs) of its namespace. */
function useKedaManager(resource: ManagedCandidate, cluster?: string): KedaManager | undefined {
  const namespace = resource.metadata?.namespace;
  const options = cluster ? { namespace, cluster } : { namespace };
  const { items: scaledObjects } = ScaledObjectResource.useList(options);
  const { items: scaledJobs } = ScaledJobResource.useList(options);
  return React.useMemo(
    () => kedaManager(resource, json<ScaledObject>(scaledObjects), json<ScaledJob>(scaledJobs)),
    [resource, scaledObjects, scaledJobs]
  );
}

function managerState(manager: KedaManager): string {
  if (!manager.object) return 'Not found (deleted, or not readable)';
  if (manager.kind === 'ScaledObject') {
    const state = scaledObjectState(manager.object, Date.now());
    const reason = state.condition?.reason ? ` (${state.condition.reason})` : '';
    return `${state.label}${reason}`;
  }
  const conditions = manager.object.status?.conditions;
  const ready = findCondition(conditions, 'Ready');
  const active = findCondition(conditions, 'Active');
  if (ready?.status === 'False') return `Error (${ready.reason ?? 'not ready'})`;
  return active?.status === 'True' ? 'Active' : ready?.status === 'True' ? 'Ready' : 'Pending';
}

function replicasText(resource: ManagedCandidate & Record<string, any>): string | undefined {
  const status = resource.status ?? {};
  if (resource.kind === 'HorizontalPodAutoscaler') {
    return `${status.currentReplicas ?? 0} current, ${status.desiredReplicas ?? 0} desired`;
  }
  if (resource.kind === 'Job')
    return `${status.active ?? 0} active, ${status.succeeded ?? 0} succeeded`;
  return `${status.readyReplicas ?? 0} ready of ${resource.spec?.replicas ?? status.replicas ?? 0}`;
}

function ManagerLink({ manager, cluster }: { manager: KedaManager; cluster: string }) {
  const href = headlampLink(
    { kind: manager.kind, namespace: manager.namespace, name: manager.name },
    cluster
  );
  const text = `${manager.kind} ${manager.name}`;
  // The router's Link: `#/c/…` in the desktop app, the base URL in front in-cluster.
  return href ? <Link to={href}>{text}</Link> : <span>{text}</span>;
}

function ScaledByKedaBody({ resource }: { resource: ResourceLike }) {
  const data = resource.jsonData as ManagedCandidate & Record<string, any>;
  const current = K8s.useCluster() ?? '';
  const cluster = resource.cluster || current;
  const manager = useKedaManager(data, resource.cluster);
  if (!manager) return null;
  const spec = (manager.object?.spec ?? {}) as {
    minReplicaCount?: number;
    maxReplicaCount?: number;
  };
  const rows = [
    { name: 'Managed by', value: <ManagerLink manager={manager} cluster={cluster} /> },
    { name: 'State', value: managerState(manager) },
    { name: 'Replicas', value: replicasText(data) },
  ];
  if (manager.kind === 'ScaledObject' && manager.object) {
    rows.push({
      name: 'Replica range',
      value: `${spec.minReplicaCount ?? 0} – ${spec.maxReplicaCount ?? 100}`,
    });
  }
  return (
    <SectionBox title="Scaled by KEDA">
      <NameValueTable rows={rows} />
      <ManagerChart manager={manager} cluster={cluster} />
    </SectionBox>
  );
}

/** The mini chart of the manager: replicas of a ScaledObject's target, a ScaledJob's running Jobs. */
function ManagerChart({ manager, cluster }: { manager: KedaManager; cluster: string }) {
  if (!manager.object) return null;
  if (manager.kind === 'ScaledObject') {
    return (
      <ScaledObjectMiniChart cluster={cluster} namespace={manager.namespace} name={manager.name} />
    );
  }
  const max = (manager.object.spec as { maxReplicaCount?: number } | undefined)?.maxReplicaCount;
  return (
    <ScaledJobMiniChart
      cluster={cluster}
      namespace={manager.namespace}
      name={manager.name}
      maxReplicaCount={max ?? 100}
    />
  );
}

/** The details-view section: renders only for a KEDA-managed resource of a managed kind. */
export function ScaledByKedaSection({ resource }: { resource?: ResourceLike | null }) {
  const kind = resource?.jsonData?.kind;
  if (!resource || !kind || !MANAGED_KINDS.includes(kind)) return null;
  return <ScaledByKedaBody resource={resource} />;
}

function KedaCell({ item }: { item: ResourceLike }) {
  const current = K8s.useCluster() ?? '';
  const manager = useKedaManager(item.jsonData ?? {}, item.cluster);
  if (!manager) return null;
  return <ManagerLink manager={manager} cluster={item.cluster || current} />;
}

/** The KEDA column for Headlamp's Deployment and StatefulSet tables. */
export const kedaColumn = {
  id: 'keda',
  label: 'KEDA',
  gridTemplate: 'min-content',
  // Sorting and filtering read this; the managing object is only known once rendered.
  getValue: () => null,
  render: (item: ResourceLike) => <KedaCell item={item} />,
};

/** Adds the KEDA column to the Deployment and StatefulSet tables (once), others untouched. */
export function kedaColumnsProcessor<C>({ id, columns }: { id: string; columns: C[] }): C[] {
  const isKeda = (column: C) =>
    typeof column === 'object' && (column as { id?: string } | null)?.id === kedaColumn.id;
  if (!KEDA_TABLES.includes(id) || columns.some(isKeda)) {
    return columns;
  }
  return [...columns, kedaColumn as unknown as C];
}

/**
 * Pure mapping from the keda-elements relationship graph to Headlamp's Map View shapes: node ids
 * are Kubernetes uids where the node is a real object (so our edges meet Headlamp's own Deployment,
 * HPA, ReplicaSet and Job nodes), every edge is explicit, and nodes are split into the KEDA group's
 * child sources.
 */
import type { GraphNode, GraphNodeState, RelationshipGraph } from 'keda-elements/core/graph/types';

export type MapNodeStatus = 'error' | 'success' | 'warning';

/** The child sources of the KEDA group, by id. */
export const KEDA_SOURCE_IDS = {
  scaledObjects: 'keda-scaledobjects',
  scaledJobs: 'keda-scaledjobs',
  triggerAuthentications: 'keda-triggerauthentications',
  clusterTriggerAuthentications: 'keda-clustertriggerauthentications',
  eventSources: 'keda-event-sources',
  metrics: 'keda-metrics',
} as const;

export type KedaSourceId = (typeof KEDA_SOURCE_IDS)[keyof typeof KEDA_SOURCE_IDS];

export interface MapNodeModel {
  id: string;
  label: string;
  subtitle: string;
  status?: MapNodeStatus;
  weight: number;
  source: KedaSourceId;
  node: GraphNode;
}

export interface MapEdgeModel {
  id: string;
  source: string;
  target: string;
  label: string;
}

export interface MapGraphModel {
  nodes: MapNodeModel[];
  edges: MapEdgeModel[];
}

const SOURCE_OF: Record<GraphNode['kind'], KedaSourceId> = {
  EventSource: KEDA_SOURCE_IDS.eventSources,
  Metric: KEDA_SOURCE_IDS.metrics,
  ScaledObject: KEDA_SOURCE_IDS.scaledObjects,
  HorizontalPodAutoscaler: KEDA_SOURCE_IDS.scaledObjects,
  Workload: KEDA_SOURCE_IDS.scaledObjects,
  ReplicaSet: KEDA_SOURCE_IDS.scaledObjects,
  Pods: KEDA_SOURCE_IDS.scaledObjects,
  ScaledJob: KEDA_SOURCE_IDS.scaledJobs,
  Job: KEDA_SOURCE_IDS.scaledJobs,
  Jobs: KEDA_SOURCE_IDS.scaledJobs,
  TriggerAuthentication: KEDA_SOURCE_IDS.triggerAuthentications,
  ClusterTriggerAuthentication: KEDA_SOURCE_IDS.clusterTriggerAuthentications,
  Secret: KEDA_SOURCE_IDS.triggerAuthentications,
  ConfigMap: KEDA_SOURCE_IDS.triggerAuthentications,
  Env: KEDA_SOURCE_IDS.triggerAuthentications,
  PodIdentity: KEDA_SOURCE_IDS.triggerAuthentications,
  SecretStore: KEDA_SOURCE_IDS.triggerAuthentications,
};

/** Higher is more important: Headlamp groups nodes around the heaviest (ScaledObjects must not hide behind Deployments). */
const WEIGHT: Partial<Record<GraphNode['kind'], number>> = {
  ScaledObject: 2000,
  ScaledJob: 2000,
  Metric: 1500,
  EventSource: 1400,
  TriggerAuthentication: 1000,
  ClusterTriggerAuthentication: 1000,
};

export function mapStatus(state: GraphNodeState): MapNodeStatus | undefined {
  switch (state) {
    case 'error':
    case 'missing':
      return 'error';
    case 'degraded':
    case 'fallback':
    case 'paused':
    case 'warn':
      return 'warning';
    case 'active':
    case 'ready':
    case 'ok':
      return 'success';
    default:
      return undefined;
  }
}

/** The Map View id of a node: its object's uid, or a `keda:`-prefixed id for derived nodes. */
export function mapNodeId(node: GraphNode): string {
  return node.uid ?? `keda:${node.id}`;
}

export function toMapGraph(graph: RelationshipGraph): MapGraphModel {
  const ids = new Map(graph.nodes.map(n => [n.id, mapNodeId(n)]));
  const nodes: MapNodeModel[] = graph.nodes.map(n => {
    const status = mapStatus(n.state);
    return {
      id: ids.get(n.id)!,
      label: n.label,
      subtitle: [n.caption, n.stateLabel].filter(Boolean).join(' · '),
      ...(status ? { status } : {}),
      weight: WEIGHT[n.kind] ?? 500,
      source: SOURCE_OF[n.kind],
      node: n,
    };
  });
  const edges: MapEdgeModel[] = [];
  const seen = new Set<string>();
  const add = (source: string, target: string, label: string) => {
    const id = `${source}-${target}`;
    if (seen.has(id)) return;
    seen.add(id);
    edges.push({ id, source, target, label });
  };
  for (const e of graph.edges) add(ids.get(e.source)!, ids.get(e.target)!, e.label);
  // ScaledObject → workload, explicitly, even when the HPA sits between them in the model.
  const byId = new Map(graph.nodes.map(n => [n.id, n]));
  for (const e of graph.edges) {
    const hpa = byId.get(e.source);
    const target = byId.get(e.target);
    if (hpa?.kind !== 'HorizontalPodAutoscaler' || target?.kind !== 'Workload') continue;
    for (const owner of graph.edges) {
      if (owner.target === hpa.id && byId.get(owner.source)?.kind === 'ScaledObject') {
        add(ids.get(owner.source)!, ids.get(target.id)!, 'scaleTargetRef');
      }
    }
  }
  return { nodes, edges };
}

/** The nodes of one child source, and the edges leaving them. */
export function sourceSlice(model: MapGraphModel, source: KedaSourceId): MapGraphModel {
  const nodes = model.nodes.filter(n => n.source === source);
  const ids = new Set(nodes.map(n => n.id));
  return { nodes, edges: model.edges.filter(e => ids.has(e.source)) };
}

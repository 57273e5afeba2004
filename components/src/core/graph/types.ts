/** The relationship graph: what a KEDA scaler reads, what it drives, and what it authenticates with. */

/** What a node stands for. `Pods` and `Jobs` are folded counts, not single objects. */
export type GraphNodeKind =
  | 'EventSource'
  | 'Metric'
  | 'ScaledObject'
  | 'ScaledJob'
  | 'HorizontalPodAutoscaler'
  | 'Workload'
  | 'ReplicaSet'
  | 'Pods'
  | 'Job'
  | 'Jobs'
  | 'TriggerAuthentication'
  | 'ClusterTriggerAuthentication'
  | 'Secret'
  | 'ConfigMap'
  | 'Env'
  | 'PodIdentity'
  | 'SecretStore';

/**
 * The colour a node gets: the KEDA states of core/keda/state.ts for ScaledObjects and ScaledJobs,
 * `ok`/`warn`/`error` health for the Kubernetes objects around them, `missing` for a reference to
 * an object that does not exist, `none` for things without a state (a Secret, an event source).
 */
export type GraphNodeState =
  | 'error'
  | 'degraded'
  | 'fallback'
  | 'paused'
  | 'active'
  | 'cooldown'
  | 'ready'
  | 'pending'
  | 'unknown'
  | 'missing'
  | 'ok'
  | 'warn'
  | 'none';

/** A Kubernetes object a node can link to (the shape of the elements' ObjectRef). */
export interface GraphObjectRef {
  kind: string;
  apiVersion?: string;
  namespace?: string;
  name: string;
}

export interface GraphNode {
  /** Stable: `<Kind>/<namespace>/<name>` for namespaced objects, `<Kind>/<name>` for cluster-scoped ones. */
  id: string;
  kind: GraphNodeKind;
  /** The name, or a short description for derived nodes (`queue orders`, `3 pods`). */
  label: string;
  /** What it is, shown under the label: `Deployment`, `rabbitmq`, `External metric`. */
  caption: string;
  namespace?: string;
  /** The object to open on click; absent for derived nodes. */
  ref?: GraphObjectRef;
  /** The object's metadata.uid, when it is a real object that has been read. */
  uid?: string;
  state: GraphNodeState;
  /** Text for the state (`Active`, `2/3 ready`, `not found`). */
  stateLabel?: string;
  /** Hover details as label/value pairs; values are plain text with credentials masked. */
  details: ReadonlyArray<readonly [string, string]>;
  /** Column in the left-to-right layout. */
  layer: number;
}

export interface GraphEdge {
  /** `<source>-><target>` */
  id: string;
  source: string;
  target: string;
  /** What the edge means (`scaleTargetRef`, `authenticationRef`, `secretTargetRef`…). */
  label: string;
}

export interface RelationshipGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Columns, left to right: where the load comes from, what KEDA makes of it, what it scales. */
export const LAYER = {
  source: 0,
  metric: 1,
  scaler: 2,
  hpa: 3,
  auth: 3,
  target: 4,
  authSource: 4,
  replicaSet: 5,
} as const;

/** `<Kind>/<namespace>/<name>`, or `<Kind>/<name>` without a namespace. */
export function objectNodeId(kind: string, namespace: string | undefined, name: string): string {
  return namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`;
}

/** Parses a focus parameter (`ScaledObject/orders/orders-processor`) into a node id, or undefined. */
export function parseFocus(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const parts = text.split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) return undefined;
  return text;
}

import type { GraphEdge, RelationshipGraph } from './types.js';

function reach(start: string, next: Map<string, string[]>, into: Set<string>): void {
  const stack = [start];
  while (stack.length) {
    const id = stack.pop() as string;
    for (const n of next.get(id) ?? []) {
      if (into.has(n)) continue;
      into.add(n);
      stack.push(n);
    }
  }
}

/**
 * The part of the graph around one node: everything upstream of it (what feeds it) and downstream
 * (what it drives), plus, for every ScaledObject or ScaledJob reached, its own whole chain. A
 * ClusterTriggerAuthentication shared by many scalers therefore shows them all, but focusing one
 * ScaledObject does not pull in the other users of its TriggerAuthentication.
 * Undefined when the node is not in the graph.
 */
export function neighbourhood(graph: RelationshipGraph, focusId: string): RelationshipGraph | undefined {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  if (!byId.has(focusId)) return undefined;
  const out = new Map<string, string[]>();
  const into = new Map<string, string[]>();
  for (const e of graph.edges) {
    (out.get(e.source) ?? out.set(e.source, []).get(e.source)!).push(e.target);
    (into.get(e.target) ?? into.set(e.target, []).get(e.target)!).push(e.source);
  }
  const chain = (id: string): Set<string> => {
    const set = new Set([id]);
    reach(id, out, set);
    reach(id, into, set);
    return set;
  };
  const keep = chain(focusId);
  for (const id of [...keep]) {
    const kind = byId.get(id)?.kind;
    if (id !== focusId && (kind === 'ScaledObject' || kind === 'ScaledJob')) {
      reach(id, out, keep);
    }
  }
  const nodes = graph.nodes.filter((n) => keep.has(n.id));
  const edges: GraphEdge[] = graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target));
  return { nodes, edges };
}

/** Only the nodes of one namespace (cluster-scoped nodes stay when something in it uses them). */
export function scopeToNamespace(graph: RelationshipGraph, namespace: string): RelationshipGraph {
  const inside = new Set(graph.nodes.filter((n) => n.namespace === namespace).map((n) => n.id));
  for (const e of graph.edges) if (inside.has(e.source)) inside.add(e.target);
  const nodes = graph.nodes.filter((n) => inside.has(n.id) && (n.namespace === namespace || !n.namespace));
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

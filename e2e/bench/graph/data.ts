// The benchmark graph: 2,000 nodes and 3,000 edges shaped like a real cluster's relationship
// graph (event source → metric → ScaledObject → HPA → Deployment → ReplicaSet), with sources and
// metrics shared between neighbouring scalers so edges cross bands. Deterministic.
import type { relationshipGraph } from 'keda-elements';

type Graph = relationshipGraph.RelationshipGraph;
type Node = relationshipGraph.GraphNode;

export const SCALERS = 250;
export const NODES = 2000;
export const EDGES = 3000;

const STATES = ['active', 'ready', 'cooldown', 'paused', 'error'] as const;

export function benchGraph(): Graph {
  const nodes: Node[] = [];
  const edges: Graph['edges'] = [];
  const node = (
    id: string,
    kind: Node['kind'],
    label: string,
    caption: string,
    layer: number,
    state: Node['state'] = 'none',
  ) =>
    nodes.push({
      id,
      kind,
      label,
      caption,
      state,
      details: [['Name', label]],
      layer,
      namespace: `ns-${Math.floor(nodes.length / 80)}`,
    });
  const edge = (source: string, target: string, label: string) =>
    edges.push({ id: `${source}->${target}`, source, target, label });
  for (let i = 0; i < SCALERS; i += 1) {
    const so = `ScaledObject/ns/so-${i}`;
    node(`source/a/${i}`, 'EventSource', `queue orders-${i}`, 'rabbitmq · rabbit:5672', 0);
    node(`source/b/${i}`, 'EventSource', `topic clicks-${i}`, 'kafka · kafka:9092', 0);
    node(`metric/${i}/0`, 'Metric', `s0-rabbitmq-orders-${i}`, `${i % 40} / 20`, 1);
    node(`metric/${i}/1`, 'Metric', `s1-kafka-clicks-${i}`, `${i % 7} / 10`, 1);
    node(so, 'ScaledObject', `so-${i}`, 'ScaledObject', 2, STATES[i % STATES.length]);
    node(`hpa/${i}`, 'HorizontalPodAutoscaler', `keda-hpa-so-${i}`, 'HPA', 3, 'ok');
    node(`deploy/${i}`, 'Workload', `app-${i}`, 'Deployment', 4, i % 9 === 0 ? 'warn' : 'ok');
    node(`rs/${i}`, 'ReplicaSet', `app-${i}-7d9f`, 'ReplicaSet', 5, 'ok');
    edge(`source/a/${i}`, `metric/${i}/0`, 'measured as');
    edge(`source/b/${i}`, `metric/${i}/1`, 'measured as');
    edge(`metric/${i}/0`, so, 'drives');
    edge(`metric/${i}/1`, so, 'drives');
    edge(so, `hpa/${i}`, 'owns');
    edge(`hpa/${i}`, `deploy/${i}`, 'scaleTargetRef');
    edge(`deploy/${i}`, `rs/${i}`, 'owns');
  }
  // Shared sources and metrics: each scaler also reads its neighbour's queue and topic.
  for (let i = 0; i < SCALERS; i += 1) {
    const j = (i + 1) % SCALERS;
    edge(`source/a/${i}`, `metric/${j}/1`, 'measured as');
    edge(`source/b/${i}`, `metric/${j}/0`, 'measured as');
    edge(`metric/${i}/0`, `ScaledObject/ns/so-${j}`, 'drives');
    edge(`metric/${i}/1`, `ScaledObject/ns/so-${j}`, 'drives');
    edge(`ScaledObject/ns/so-${i}`, `deploy/${j}`, 'scaleTargetRef');
  }
  if (nodes.length !== NODES || edges.length !== EDGES)
    throw new Error(`graph is ${nodes.length}/${edges.length}`);
  return { nodes, edges };
}

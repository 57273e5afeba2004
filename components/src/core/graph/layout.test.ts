import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRelationshipGraph } from './build.js';
import { layeredLayout } from './layout.js';
import { fixtureInput } from './fixture-cluster.js';
import type { GraphNode, RelationshipGraph } from './types.js';

const graph = buildRelationshipGraph(fixtureInput);
const opts = { columnWidth: 200, rowHeight: 50 };
const layout = layeredLayout(graph, opts);
const at = (id: string) => layout.positions.get(id)!;

test('every node gets a position; x is its layer', () => {
  for (const n of graph.nodes) {
    const p = layout.positions.get(n.id);
    assert.ok(p && Number.isFinite(p.x) && Number.isFinite(p.y), n.id);
    assert.equal(p.x, n.layer * 200, n.id);
  }
});

test('no two nodes overlap', () => {
  const seen = new Set<string>();
  for (const p of layout.positions.values()) {
    const k = `${p.x}/${Math.round(p.y)}`;
    assert.ok(!seen.has(k), `overlap at ${k}`);
    seen.add(k);
  }
});

test('a single chain is a straight line', () => {
  const chain = [
    'HorizontalPodAutoscaler/orders/keda-hpa-orders-processor',
    'Deployment/orders/orders-processor',
  ];
  const rs = at('ReplicaSet/orders/orders-processor-7d9f');
  const pods = at('ReplicaSet/orders/orders-processor-7d9f/pods');
  assert.equal(rs.y, pods.y);
  assert.ok(chain.every((id) => Number.isFinite(at(id).y)));
});

test('scalers get separate bands, in namespace/name order', () => {
  const ys = [
    'ScaledJob/orders/order-exporter',
    'ScaledObject/orders/orders-processor',
    'ScaledObject/shop/storefront-api',
  ].map((id) => at(id).y);
  // ScaledObjects come first (built first), then ScaledJobs.
  assert.ok(at('ScaledObject/orders/orders-processor').y < at('ScaledObject/shop/storefront-api').y);
  assert.ok(at('ScaledObject/shop/storefront-api').y < at('ScaledJob/orders/order-exporter').y);
  assert.equal(new Set(ys).size, 3);
});

test('deterministic: same input, same positions', () => {
  const again = layeredLayout(buildRelationshipGraph(fixtureInput), opts);
  assert.deepEqual([...again.positions.entries()], [...layout.positions.entries()]);
});

const n = (id: string, layer: number, kind: GraphNode['kind'] = 'Metric'): GraphNode => ({
  id,
  kind,
  label: id,
  caption: '',
  state: 'none',
  details: [],
  layer,
});

const shapes: Array<{
  name: string;
  graph: RelationshipGraph;
  check: (l: ReturnType<typeof layeredLayout>) => void;
}> = [
  {
    name: 'empty graph',
    graph: { nodes: [], edges: [] },
    check: (l) => assert.equal(l.positions.size, 0),
  },
  {
    name: 'graph without scalers anchors on its first layer',
    graph: {
      nodes: [n('a', 0), n('b', 0), n('c', 1)],
      edges: [{ id: 'a->c', source: 'a', target: 'c', label: '' }],
    },
    check: (l) => {
      assert.equal(l.positions.get('c')!.y, l.positions.get('a')!.y);
      assert.notEqual(l.positions.get('a')!.y, l.positions.get('b')!.y);
    },
  },
  {
    name: 'two children centre on their parent',
    graph: {
      nodes: [n('so', 2, 'ScaledObject'), n('x', 3), n('y', 3)],
      edges: [
        { id: '1', source: 'so', target: 'x', label: '' },
        { id: '2', source: 'so', target: 'y', label: '' },
      ],
    },
    check: (l) => {
      const mid = (l.positions.get('x')!.y + l.positions.get('y')!.y) / 2;
      assert.equal(l.positions.get('so')!.y, mid);
    },
  },
];
for (const s of shapes) test(`layout: ${s.name}`, () => s.check(layeredLayout(s.graph, opts)));

test('2,000 nodes lay out without overlaps', () => {
  const nodes: GraphNode[] = [];
  const edges: RelationshipGraph['edges'] = [];
  for (let i = 0; i < 400; i += 1) {
    const so = `so${i}`;
    nodes.push(n(so, 2, 'ScaledObject'), n(`m${i}`, 1), n(`s${i}`, 0), n(`h${i}`, 3), n(`d${i}`, 4));
    edges.push(
      { id: `${i}a`, source: `s${i}`, target: `m${i}`, label: '' },
      { id: `${i}b`, source: `m${i}`, target: so, label: '' },
      { id: `${i}c`, source: so, target: `h${i}`, label: '' },
      { id: `${i}d`, source: `h${i}`, target: `d${i}`, label: '' },
    );
  }
  const l = layeredLayout({ nodes, edges }, opts);
  assert.equal(l.positions.size, 2000);
  const keys = new Set([...l.positions.values()].map((p) => `${p.x}/${p.y}`));
  assert.equal(keys.size, 2000);
});

// The peer: Headlamp's map stack, @xyflow/react 12 with an elkjs layered layout (direction right),
// on the same graph. Nodes are React components with the same two lines of text.
import { createElement as h, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlow, ReactFlowProvider, useReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import ELK from 'elkjs/lib/elk.bundled.js';
import { benchGraph, EDGES } from './data.ts';
import './frame-recorder.ts';

declare global {
  interface Window {
    benchStart(): Promise<number>;
    benchFrames(steps: number): Promise<number[]>;
    benchCounts(): { nodes: number; edges: number };
  }
}

const graph = benchGraph();
const WIDTH = 204;
const HEIGHT = 52;
const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
let flow: ReturnType<typeof useReactFlow> | undefined;

function Capture() {
  const instance = useReactFlow();
  useEffect(() => {
    flow = instance;
  }, [instance]);
  return null;
}

async function layout(): Promise<{ nodes: Node[]; edges: Edge[] }> {
  const elk = new ELK();
  const result = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '20',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
    },
    children: graph.nodes.map((n) => ({ id: n.id, width: WIDTH, height: HEIGHT })),
    edges: graph.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const nodes: Node[] = (result.children ?? []).map((c) => {
    const n = byId.get(c.id)!;
    return {
      id: c.id,
      position: { x: c.x ?? 0, y: c.y ?? 0 },
      data: { label: h('div', null, h('strong', null, n.label), h('br'), n.caption) },
      style: { width: WIDTH, height: HEIGHT, fontSize: 12, padding: 4 },
    };
  });
  const edges: Edge[] = graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));
  return { nodes, edges };
}

window.benchStart = async () => {
  const start = performance.now();
  const { nodes, edges } = await layout();
  const root = createRoot(document.getElementById('root')!);
  root.render(
    h(ReactFlowProvider, null, h(ReactFlow, { nodes, edges, fitView: true, minZoom: 0.03 }), h(Capture)),
  );
  // Interactive: every edge drawn (React Flow draws edges once the nodes are measured).
  while (document.querySelectorAll('.react-flow__edge').length < EDGES) {
    await new Promise((r) => requestAnimationFrame(r));
  }
  await nextPaint();
  return performance.now() - start;
};

window.benchFrames = async (steps: number) => {
  if (!flow) throw new Error('no flow instance');
  flow.setViewport({ x: 0, y: 0, zoom: 0.6 });
  await nextPaint();
  const out: number[] = [];
  for (let i = 0; i < steps; i += 1) {
    const v = flow.getViewport();
    const start = performance.now();
    if (i % 2) flow.setViewport({ x: v.x + 37, y: v.y + 23, zoom: v.zoom });
    else flow.setViewport({ ...v, zoom: v.zoom * (i % 4 === 0 ? 1.1 : 1 / 1.1) });
    await nextPaint();
    out.push(performance.now() - start);
  }
  return out;
};

window.benchCounts = () => ({
  nodes: document.querySelectorAll('.react-flow__node').length,
  edges: document.querySelectorAll('.react-flow__edge').length,
});

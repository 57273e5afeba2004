// Ours: keda-relationship-graph (our layered layout + cytoscape, preset positions) given the graph.
import 'keda-elements';
import type { RelationshipGraphElement } from 'keda-elements';
import type { Core } from 'cytoscape';
import { benchGraph } from './data.ts';
import './frame-recorder.ts';

declare global {
  interface Window {
    benchStart(): Promise<number>;
    benchFrames(steps: number): Promise<number[]>;
    benchCounts(): { nodes: number; edges: number };
  }
}

const graph = benchGraph();
const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const cyOf = (el: RelationshipGraphElement) => (el as unknown as { cy: Core }).cy;

window.benchStart = async () => {
  const el = document.createElement('keda-relationship-graph') as RelationshipGraphElement;
  el.style.setProperty('--keda-graph-height', '800px');
  el.style.width = '1400px';
  document.body.append(el);
  await el.updateComplete;
  const rendered = new Promise<void>((resolve) =>
    el.addEventListener('keda-graph-rendered', () => resolve(), { once: true }),
  );
  const start = performance.now();
  el.graph = graph;
  await rendered;
  await nextPaint();
  return performance.now() - start;
};

/** Pans and zooms step by step; each value is the time from the viewport change to the painted frame. */
window.benchFrames = async (steps: number) => {
  const el = document.querySelector('keda-relationship-graph') as RelationshipGraphElement;
  const cy = cyOf(el);
  cy.zoom({ level: 0.6, renderedPosition: { x: 700, y: 400 } });
  await nextPaint();
  const out: number[] = [];
  for (let i = 0; i < steps; i += 1) {
    const start = performance.now();
    if (i % 2) cy.panBy({ x: 37, y: 23 });
    else cy.zoom({ level: cy.zoom() * (i % 4 === 0 ? 1.1 : 1 / 1.1), renderedPosition: { x: 700, y: 400 } });
    await nextPaint();
    out.push(performance.now() - start);
  }
  return out;
};

window.benchCounts = () => {
  const cy = cyOf(document.querySelector('keda-relationship-graph') as RelationshipGraphElement);
  return { nodes: cy.nodes().length, edges: cy.edges().length };
};

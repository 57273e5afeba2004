import type { StylesheetJson } from 'cytoscape';
import type { GraphNodeState } from '../../../core/graph/types.js';
import type { GraphPalette } from './palette.js';

const STATES: readonly GraphNodeState[] = [
  'error',
  'degraded',
  'fallback',
  'paused',
  'active',
  'cooldown',
  'missing',
  'ok',
  'warn',
];

/** Node width and height on the canvas (model units). */
export const NODE_WIDTH = 204;
export const NODE_HEIGHT = 52;

/** The border colour of each state, from the same palette as the state pills. */
export function stateColour(state: GraphNodeState, p: GraphPalette): string {
  switch (state) {
    case 'active':
    case 'ok':
      return p.ok;
    case 'error':
    case 'missing':
      return p.error;
    case 'paused':
    case 'fallback':
    case 'degraded':
    case 'warn':
      return p.warn;
    case 'cooldown':
      return p.info;
    case 'ready':
    case 'pending':
    case 'unknown':
    case 'none':
      return p.border;
  }
}

/**
 * One stylesheet per palette; state colours are selectors on the node's `state` data, so a
 * watch update changes data only and the stylesheet is rebuilt on theme changes alone.
 */
export function graphStylesheet(p: GraphPalette, large: boolean): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        shape: 'round-rectangle',
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        'background-color': p.surface,
        'border-width': 2,
        'border-color': p.border,
        label: 'data(text)',
        color: p.fg,
        'font-family': p.font,
        'font-size': 12,
        'text-wrap': 'wrap',
        'text-max-width': `${NODE_WIDTH - 8}px`,
        'text-valign': 'center',
        'text-halign': 'center',
        'line-height': 1.35,
        'min-zoomed-font-size': large ? 9 : 6,
      },
    },
    ...STATES.map((state) => ({
      selector: `node[state = "${state}"]`,
      style: { 'border-color': stateColour(state, p) },
    })),
    {
      selector: 'node[kind = "ScaledObject"], node[kind = "ScaledJob"]',
      style: { 'border-width': 3, 'font-weight': 'bold' },
    },
    { selector: 'node[kind = "EventSource"]', style: { shape: 'barrel' } },
    { selector: 'node[kind = "Metric"]', style: { shape: 'round-tag' } },
    { selector: 'node[kind = "Pods"], node[kind = "Jobs"]', style: { 'border-style': 'dashed' } },
    { selector: 'node[kind = "Secret"], node[kind = "ConfigMap"]', style: { shape: 'cut-rectangle' } },
    { selector: 'node[state = "missing"]', style: { 'border-style': 'dotted', 'border-width': 3 } },
    {
      selector: 'node.kbd',
      style: {
        'overlay-color': p.accent,
        'overlay-opacity': 0.22,
        'overlay-padding': 6,
        'border-color': p.accent,
      },
    },
    {
      selector: 'node.hover',
      style: { 'overlay-color': p.fg, 'overlay-opacity': 0.08, 'overlay-padding': 4 },
    },
    { selector: 'node.focus-root', style: { 'border-width': 4 } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': p.muted,
        'target-arrow-color': p.muted,
        'target-arrow-shape': large ? 'none' : 'triangle',
        'arrow-scale': 0.9,
        'curve-style': large ? 'straight' : 'bezier',
        opacity: 0.75,
      },
    },
    {
      selector: 'edge.near',
      style: { 'line-color': p.accent, 'target-arrow-color': p.accent, opacity: 1, width: 2.5 },
    },
  ];
}

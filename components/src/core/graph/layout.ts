import type { RelationshipGraph } from './types.js';

export interface LayoutOptions {
  /** Distance between columns (layers). */
  columnWidth?: number;
  /** Distance between rows inside a column. */
  rowHeight?: number;
  /** Extra space between the bands of two scalers, in rows. */
  bandGap?: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface GraphLayout {
  positions: Map<string, Point>;
  width: number;
  height: number;
}

const ANCHOR_KINDS = new Set(['ScaledObject', 'ScaledJob']);

/**
 * A deterministic left-to-right layered layout in O(N log N + E): x is the node's layer; each
 * ScaledObject or ScaledJob gets a horizontal band as tall as its widest column, holding the
 * nodes first reached from it (shared nodes belong to the first band); inside a band each column
 * is ordered by the mean row of its already placed neighbours (a barycentre pass outward from the
 * scaler's column) and centred, so chains read as straight lines.
 */
export function layeredLayout(graph: RelationshipGraph, options: LayoutOptions = {}): GraphLayout {
  const columnWidth = options.columnWidth ?? 260;
  const rowHeight = options.rowHeight ?? 72;
  const bandGap = options.bandGap ?? 0.5;
  const positions = new Map<string, Point>();
  if (graph.nodes.length === 0) return { positions, width: 0, height: 0 };

  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const layer = graph.nodes.map((n) => n.layer);
  const adjacent: number[][] = graph.nodes.map(() => []);
  for (const e of graph.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    adjacent[s]!.push(t);
    adjacent[t]!.push(s);
  }

  let anchors = graph.nodes.flatMap((n, i) => (ANCHOR_KINDS.has(n.kind) ? [i] : []));
  if (anchors.length === 0) {
    const min = Math.min(...layer);
    anchors = graph.nodes.flatMap((n, i) => (n.layer === min ? [i] : []));
  }
  const isAnchor = new Set(anchors);
  const band = new Int32Array(graph.nodes.length).fill(-1);
  const members: number[][] = [];
  const claim = (start: number) => {
    const b = members.length;
    const list = [start];
    band[start] = b;
    for (let q = 0; q < list.length; q += 1) {
      for (const n of adjacent[list[q]!]!) {
        if (band[n] !== -1 || isAnchor.has(n)) continue;
        band[n] = b;
        list.push(n);
      }
    }
    members.push(list);
  };
  for (const a of anchors) claim(a);
  for (let i = 0; i < graph.nodes.length; i += 1) if (band[i] === -1) claim(i);

  const row = new Float64Array(graph.nodes.length).fill(Number.NaN);
  let top = 0;
  let maxLayer = 0;
  for (const list of members) {
    const anchorLayer = layer[list[0]!]!;
    const columns = new Map<number, number[]>();
    for (const i of list) {
      const l = layer[i]!;
      maxLayer = Math.max(maxLayer, l);
      (columns.get(l) ?? columns.set(l, []).get(l)!).push(i);
    }
    const height = Math.max(...[...columns.values()].map((c) => c.length));
    const place = (l: number) => {
      const column = columns.get(l);
      if (!column) return;
      const key = new Map<number, number>();
      column.forEach((i, order) => {
        let sum = 0;
        let count = 0;
        for (const n of adjacent[i]!) {
          if (!Number.isNaN(row[n]!)) {
            sum += row[n]!;
            count += 1;
          }
        }
        key.set(i, count ? sum / count : top + order);
      });
      const sorted = column
        .map((i, order) => ({ i, order, k: key.get(i)! }))
        .sort((a, b) => a.k - b.k || a.order - b.order);
      const offset = top + (height - column.length) / 2;
      sorted.forEach(({ i }, j) => (row[i] = offset + j));
    };
    const layers = [...columns.keys()];
    place(anchorLayer);
    for (const l of layers.filter((l) => l > anchorLayer).sort((a, b) => a - b)) place(l);
    for (const l of layers.filter((l) => l < anchorLayer).sort((a, b) => b - a)) place(l);
    top += height + bandGap;
  }
  graph.nodes.forEach((n, i) => positions.set(n.id, { x: layer[i]! * columnWidth, y: row[i]! * rowHeight }));
  return { positions, width: maxLayer * columnWidth, height: Math.max(0, top - bandGap - 1) * rowHeight };
}

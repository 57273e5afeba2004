import type { Point } from '../../../core/graph/layout.js';
import type { RelationshipGraph } from '../../../core/graph/types.js';

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The node an arrow key moves to: right/left follow edges to the nearest successor/predecessor
 * (or, without one, the nearest node in the next/previous column); up/down move within the column.
 */
export function nextNode(
  graph: RelationshipGraph,
  positions: ReadonlyMap<string, Point>,
  from: string,
  direction: Direction,
): string | undefined {
  const here = positions.get(from);
  if (!here) return undefined;
  const nearest = (ids: Iterable<string>, filter: (p: Point) => boolean) => {
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const id of ids) {
      const p = positions.get(id);
      if (!p || id === from || !filter(p)) continue;
      const d = Math.abs(p.y - here.y) * 4 + Math.abs(p.x - here.x);
      if (d < bestDistance) {
        bestDistance = d;
        best = id;
      }
    }
    return best;
  };
  if (direction === 'up' || direction === 'down') {
    const sign = direction === 'down' ? 1 : -1;
    return nearest(positions.keys(), (p) => p.x === here.x && (p.y - here.y) * sign > 0);
  }
  const forward = direction === 'right';
  const linked = graph.edges.flatMap((e) =>
    forward ? (e.source === from ? [e.target] : []) : e.target === from ? [e.source] : [],
  );
  const viaEdge = nearest(linked, () => true);
  if (viaEdge) return viaEdge;
  return nearest(positions.keys(), (p) => (forward ? p.x > here.x : p.x < here.x));
}

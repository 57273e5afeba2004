import { splitList } from '../list/select.js';
import type { ScaledObjectState } from './state.js';
import type { ScaleTriggers } from './types.js';

/** What ScaledObject and ScaledJob rows both offer to the filter language. */
export interface ScaledRowBase {
  name: string;
  namespace: string;
  triggers: string | undefined;
  authentications: string | undefined;
  state: ScaledObjectState;
  ready: string | undefined;
  active: string | undefined;
  paused: string | undefined;
  /** ScaledObjects only. */
  fallback?: string | undefined;
  object: { spec?: { triggers?: ScaleTriggers[] } };
}

/** Values of the `name`, `ns`, `trigger`, `auth`, `state` and condition filter keys. */
export function scaledFilterValues(row: ScaledRowBase, key: string): string[] {
  const triggers = row.object.spec?.triggers ?? [];
  switch (key) {
    case 'name':
      return [row.name];
    case 'ns':
      return [row.namespace];
    case 'trigger':
      return [...triggers.map((t) => t.type), ...splitList(row.triggers)];
    case 'auth':
      return [
        ...splitList(row.authentications),
        ...triggers.flatMap((t) => (t.authenticationRef ? [t.authenticationRef.name] : [])),
      ];
    case 'state':
      return [row.state.kind, row.state.label];
    case 'ready':
    case 'active':
    case 'paused':
      return [row[key] ?? 'none'];
    case 'fallback':
      return 'fallback' in row ? [row.fallback ?? 'none'] : [];
    default:
      return [];
  }
}

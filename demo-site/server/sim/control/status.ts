/** GET /sim/v1/status: a snapshot of the simulated cluster for dashboards and tests. */
import { rfc3339 } from '../core/time.ts';
import { toJson, type FaultSettings } from '../faults/settings.ts';
import type { FaultCounters } from '../faults/injector.ts';
import type { ResourceRegistry } from '../registry/registry.ts';
import { storageKey } from '../registry/types.ts';
import type { ObjectStore } from '../store/store.ts';

export interface SimStatus {
  /** The latest resourceVersion. */
  resourceVersion: string;
  /** Watches may resume from this resourceVersion or later; older ones get 410. */
  oldestResumableResourceVersion: string;
  /** Stored objects per kind, keyed `Kind.group` (`Kind` for the core group); kinds with none left out. */
  objects: Record<string, number>;
  openWatches: number;
  /** Real time since the cluster was created. */
  uptimeSeconds: number;
  startedAt: string;
  restarts: number;
  faults: ReturnType<typeof toJson>;
  /** Faults injected since the start. */
  injected: FaultCounters;
}

export interface StatusSources {
  store: ObjectStore;
  registry: ResourceRegistry;
  openWatches: number;
  startedAtMs: number;
  restarts: number;
  faults: FaultSettings;
  injected: FaultCounters;
}

/** Object counts per kind; kinds sharing a storage (one resource served by two APIs) count once. */
export function objectCounts(store: ObjectStore, registry: ResourceRegistry): Record<string, number> {
  const counts: Record<string, number> = {};
  const seen = new Set<string>();
  for (const def of registry.all()) {
    const key = storageKey(def);
    if (seen.has(key)) continue;
    seen.add(key);
    const n = store.count(key);
    if (n > 0) counts[def.group ? `${def.kind}.${def.group}` : def.kind] = n;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

export function collectStatus(sources: StatusSources): SimStatus {
  return {
    resourceVersion: String(sources.store.currentRv),
    oldestResumableResourceVersion: String(sources.store.oldestResumableRv),
    objects: objectCounts(sources.store, sources.registry),
    openWatches: sources.openWatches,
    uptimeSeconds: Math.round((Date.now() - sources.startedAtMs) / 100) / 10,
    startedAt: rfc3339(new Date(sources.startedAtMs)),
    restarts: sources.restarts,
    faults: toJson(sources.faults),
    injected: sources.injected,
  };
}

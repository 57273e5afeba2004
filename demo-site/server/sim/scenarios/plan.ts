/**
 * What a scenario adds to its seeded objects: how much history to simulate before "now", the
 * event sources' curves, and a timeline of changes at given times (seconds from now; negative =
 * in the simulated history): patch, create or delete an object, change a source.
 */
import type { ResourceService } from '../api/service.ts';
import { isObject, type JsonObject } from '../core/json.ts';
import type { VirtualClock } from '../core/virtual-clock.ts';
import { resolveKind } from '../controllers/scale-target.ts';
import type { ResourceRegistry } from '../registry/registry.ts';
import type { KObject } from '../registry/types.ts';
import type { SourceRegistry, SourceRule, SourceSettings } from '../sources/registry.ts';

export interface ObjectTarget {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

export type TimelineAction =
  | { at: number; patch: ObjectTarget & { merge: JsonObject } }
  | { at: number; create: KObject }
  | { at: number; delete: ObjectTarget }
  | { at: number; source: { key: string; burst?: number } & SourceSettings & { value?: number } };

export interface ScenarioPlan {
  /** Virtual seconds simulated before now, so that statuses, events and histories exist. */
  historySeconds: number;
  sources: SourceRule[];
  timeline: TimelineAction[];
}

export const EMPTY_PLAN: ScenarioPlan = { historySeconds: 0, sources: [], timeline: [] };

export interface TimelineDeps {
  clock: VirtualClock;
  service: ResourceService;
  registry: ResourceRegistry;
  sources: SourceRegistry;
  /** Wall-clock ms of "now" (t = 0). */
  epochMs: number;
  log: (line: string) => void;
}

function runAction(deps: TimelineDeps, action: TimelineAction): void {
  if ('source' in action) {
    const { key, burst, value, ...settings } = action.source;
    if (deps.sources.has(key)) {
      deps.sources.configure(key, value === undefined ? settings : { ...settings, value });
      if (burst !== undefined) deps.sources.burst(key, burst);
    } else {
      // Not read yet: the settings apply when a trigger first reads it.
      deps.sources.addRules([
        {
          key,
          ...settings,
          ...(value !== undefined || burst !== undefined ? { initial: (value ?? 0) + (burst ?? 0) } : {}),
        },
      ]);
    }
    return;
  }
  if ('create' in action) {
    const object = action.create;
    const def = resolveKind(deps.registry, String(object.apiVersion ?? ''), String(object.kind ?? ''));
    if (!def) throw new Error(`timeline: ${String(object.kind)} is not served`);
    deps.service.create(def, object.metadata.namespace, object);
    return;
  }
  const target = 'patch' in action ? action.patch : action.delete;
  const def = resolveKind(deps.registry, target.apiVersion, target.kind);
  if (!def) throw new Error(`timeline: ${target.kind} is not served`);
  if ('patch' in action) deps.service.patch(def, target.namespace, target.name, 'merge', action.patch.merge);
  else deps.service.delete(def, target.namespace, target.name, { propagationPolicy: 'Background' });
}

/** Schedules the timeline on the clock (actions already in the past run at once). */
export function scheduleTimeline(plan: ScenarioPlan, deps: TimelineDeps): void {
  for (const action of plan.timeline) {
    const due = deps.epochMs + action.at * 1000;
    deps.clock.after(Math.max(0, due - deps.clock.now().getTime()), () => {
      try {
        runAction(deps, action);
      } catch (error) {
        deps.log(
          `scenario timeline (at ${action.at}s): ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    });
  }
}

/** Checks the shape of a timeline entry from a scenario file. */
export function timelineProblems(value: unknown, path: string): string[] {
  if (!isObject(value)) return [`${path} must be an object`];
  if (typeof value.at !== 'number') return [`${path}.at must be a number of seconds from now`];
  const kinds = ['patch', 'create', 'delete', 'source'].filter((k) => value[k] !== undefined);
  if (kinds.length !== 1) return [`${path} needs exactly one of patch, create, delete, source`];
  return [];
}

/**
 * Scenario files (`--scenario-file FILE`, `SimClusterOptions.scenarioFile`): one YAML (or JSON)
 * document with the manifests to seed and the plan (history, source curves, timeline):
 *
 * ```yaml
 * historySeconds: 900            # simulated before "now" (default 600)
 * namespaces: [shop]             # created (namespaces of the manifests are created anyway)
 * manifests:                     # any served kinds, KEDA's included; seeded one hour before the history
 *   - {apiVersion: apps/v1, kind: Deployment, metadata: {name: worker, namespace: shop}, spec: {...}}
 * sources:                       # curves of the event sources (see sources/registry.ts SourceRule)
 *   - match: {type: rabbitmq, metadata: {queueName: jobs}}
 *     curve: {type: bursts, amount: 200, everySeconds: 600}
 *     drain: {perConsumerPerSecond: 2, consumers: {namespace: shop, selector: app=worker}}
 * timeline:                      # seconds from now; negative = in the simulated history
 *   - {at: -300, source: {key: "rabbitmq:rabbitmq.shop.svc:5672//jobs", failing: true}}
 * ```
 */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { isObject } from '../core/json.ts';
import { resolveKind } from '../controllers/scale-target.ts';
import { curveProblems } from '../sources/curves.ts';
import type { SourceRule } from '../sources/registry.ts';
import { namespaceResource } from '../registry/builtin.ts';
import type { ResourceRegistry } from '../registry/registry.ts';
import { storageKey, type KObject } from '../registry/types.ts';
import { timelineProblems, type ScenarioPlan, type TimelineAction } from './plan.ts';
import type { Seeder } from './seeder.ts';

export class ScenarioFileError extends Error {}

interface ScenarioFile {
  historySeconds: number;
  namespaces: string[];
  manifests: KObject[];
  sources: SourceRule[];
  timeline: TimelineAction[];
}

/** Reads and checks a scenario file; throws ScenarioFileError listing every problem. */
export function readScenarioFile(path: string): ScenarioFile {
  let doc: unknown;
  try {
    doc = load(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ScenarioFileError(
      `cannot read scenario file ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!isObject(doc)) throw new ScenarioFileError(`${path}: a scenario file is one YAML object`);
  const problems: string[] = [];
  const list = (key: string): unknown[] => {
    const v = doc[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      problems.push(`${key} must be a list`);
      return [];
    }
    return v;
  };
  const history = doc.historySeconds ?? 600;
  if (typeof history !== 'number' || history < 0 || history > 7 * 24 * 3600)
    problems.push('historySeconds must be 0..604800');
  const manifests = list('manifests');
  manifests.forEach((m, i) => {
    if (
      !isObject(m) ||
      typeof m.apiVersion !== 'string' ||
      typeof m.kind !== 'string' ||
      !isObject(m.metadata) ||
      typeof m.metadata.name !== 'string'
    ) {
      problems.push(`manifests[${i}] needs apiVersion, kind and metadata.name`);
    }
  });
  const sources = list('sources');
  sources.forEach((s, i) => {
    if (
      !isObject(s) ||
      (typeof s.key !== 'string' && !(isObject(s.match) && typeof s.match.type === 'string'))
    ) {
      problems.push(`sources[${i}] needs a key or match.type`);
      return;
    }
    if (s.curve !== undefined) problems.push(...curveProblems(s.curve, `sources[${i}].curve`));
  });
  const timeline = list('timeline');
  timeline.forEach((t, i) => problems.push(...timelineProblems(t, `timeline[${i}]`)));
  const namespaces = list('namespaces').map(String);
  if (problems.length > 0) throw new ScenarioFileError(`${path}: ${problems.join('; ')}`);
  return {
    historySeconds: history as number,
    namespaces,
    manifests: manifests as KObject[],
    sources: sources as SourceRule[],
    timeline: timeline as TimelineAction[],
  };
}

/** Seeds a scenario file's manifests (namespaces first); returns its plan. */
export function seedScenarioFile(path: string, seeder: Seeder, registry: ResourceRegistry): ScenarioPlan {
  const file = readScenarioFile(path);
  const at = seeder.hoursAgo(file.historySeconds / 3600 + 1);
  const namespaces = new Set(file.namespaces);
  for (const m of file.manifests)
    if (typeof m.metadata.namespace === 'string') namespaces.add(m.metadata.namespace);
  for (const ns of namespaces) {
    if (!seeder.store.has(storageKey(namespaceResource), undefined, ns)) {
      seeder.add(namespaceResource, { metadata: { name: ns } }, at);
    }
  }
  const ordered = [...file.manifests].sort(
    (a, b) => (a.kind === 'Namespace' ? -1 : 0) - (b.kind === 'Namespace' ? -1 : 0),
  );
  for (const m of ordered) {
    const def = resolveKind(registry, String(m.apiVersion), String(m.kind));
    if (!def)
      throw new ScenarioFileError(`${path}: ${String(m.kind)} (${String(m.apiVersion)}) is not served`);
    if (
      seeder.store.has(
        storageKey(def),
        def.namespaced ? m.metadata.namespace : undefined,
        m.metadata.name ?? '',
      )
    )
      continue;
    seeder.add(def, m, at);
  }
  return { historySeconds: file.historySeconds, sources: file.sources, timeline: file.timeline };
}

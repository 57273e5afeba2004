/**
 * Scenarios: what the cluster holds at start, and its plan (history to simulate, source curves,
 * timeline). `empty` = system namespaces + KEDA CRDs; `demo` adds workloads; a scenario file
 * adds its own manifests to `empty`.
 */
import { establishedCrdStatus } from '../controllers/crd.ts';
import { crdResource, namespaceResource } from '../registry/builtin.ts';
import { seedControlPlaneObjects } from './control-plane.ts';
import type { ResourceRegistry } from '../registry/registry.ts';
import { loadKedaCrds } from './crds.ts';
import { DEMO_NAMESPACES, seedDemo } from './demo.ts';
import { seedScenarioFile } from './file.ts';
import { EMPTY_PLAN, type ScenarioPlan } from './plan.ts';
import type { Seeder } from './seeder.ts';

export type ScenarioName = 'demo' | 'empty';
export const SCENARIOS: readonly ScenarioName[] = ['demo', 'empty'];
export type { ScenarioPlan } from './plan.ts';

/** Namespaces of every real cluster. */
export const SYSTEM_NAMESPACES: readonly string[] = [
  'default',
  'kube-node-lease',
  'kube-public',
  'kube-system',
];

const DAY_HOURS = 24;

export function seedScenario(
  name: ScenarioName,
  seeder: Seeder,
  registry: ResourceRegistry,
  crdDir: string | undefined,
  file?: string,
): ScenarioPlan {
  const clusterBorn = 45 * DAY_HOURS;
  for (const ns of SYSTEM_NAMESPACES) {
    seeder.add(namespaceResource, { metadata: { name: ns } }, seeder.hoursAgo(clusterBorn));
  }
  const kedaInstalled = seeder.hoursAgo(21 * DAY_HOURS + 1);
  for (const crd of loadKedaCrds(crdDir)) {
    crd.status = establishedCrdStatus(crd, kedaInstalled);
    seeder.add(crdResource, crd, kedaInstalled);
  }
  let plan: ScenarioPlan = { ...EMPTY_PLAN };
  if (file !== undefined) {
    plan = seedScenarioFile(file, seeder, registry);
  } else if (name === 'demo') {
    DEMO_NAMESPACES.forEach((ns, i) => {
      seeder.add(namespaceResource, { metadata: { name: ns } }, seeder.hoursAgo((30 - i * 4) * DAY_HOURS, 3));
    });
    plan = seedDemo(seeder, registry);
  }
  // Last, so that the scenario's own random draws stay as they were.
  seedControlPlaneObjects(seeder, seeder.hoursAgo(clusterBorn));
  return plan;
}

/** Scenarios: what the cluster holds at start. `empty` = system namespaces + KEDA CRDs; `demo` adds workloads. */
import { establishedCrdStatus } from '../controllers/crd.ts';
import { crdResource, namespaceResource } from '../registry/builtin.ts';
import { seedControlPlaneObjects } from './control-plane.ts';
import type { ResourceRegistry } from '../registry/registry.ts';
import { loadKedaCrds } from './crds.ts';
import { DEMO_NAMESPACES, seedDemo } from './demo.ts';
import type { Seeder } from './seeder.ts';

export type ScenarioName = 'demo' | 'empty';
export const SCENARIOS: readonly ScenarioName[] = ['demo', 'empty'];

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
  sharedDir: string,
): void {
  const clusterBorn = 45 * DAY_HOURS;
  for (const ns of SYSTEM_NAMESPACES) {
    seeder.add(namespaceResource, { metadata: { name: ns } }, seeder.hoursAgo(clusterBorn));
  }
  const kedaInstalled = seeder.hoursAgo(21 * DAY_HOURS + 1);
  for (const crd of loadKedaCrds(sharedDir)) {
    crd.status = establishedCrdStatus(crd, kedaInstalled);
    seeder.add(crdResource, crd, kedaInstalled);
  }
  if (name === 'demo') {
    DEMO_NAMESPACES.forEach((ns, i) => {
      seeder.add(namespaceResource, { metadata: { name: ns } }, seeder.hoursAgo((30 - i * 4) * DAY_HOURS, 3));
    });
    seedDemo(seeder, registry);
  }
  // Last, so that the scenario's own random draws stay as they were.
  seedControlPlaneObjects(seeder, seeder.hoursAgo(clusterBorn));
}

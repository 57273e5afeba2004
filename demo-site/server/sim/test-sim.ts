/**
 * Helpers for the simulation tests: an empty cluster on a stepped clock, small manifests, and
 * reading conditions and events.
 */
import {
  DeploymentResource,
  ScaledObjectResource,
  TriggerAuthenticationResource,
} from '../../../components/src/core/kube/resource.ts';
import type { KubeObject } from '../../../components/src/core/kube/types.ts';
import {
  eventResource,
  eventsV1EventResource,
  secretResource,
  SimCluster,
  type SimClusterOptions,
} from './index.ts';

export type Obj = KubeObject & {
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [k: string]: unknown;
};

export interface Cond {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/** An empty cluster (system namespaces and KEDA's CRDs) whose clock moves only when stepped. */
export function steppedCluster(options: SimClusterOptions = {}): Promise<SimCluster> {
  return SimCluster.create({ scenario: 'empty', seed: 5, steppedClock: true, ...options });
}

export function step(cluster: SimCluster, seconds: number): Promise<void> {
  return cluster.clock.step(seconds * 1000);
}

export function conditionOf(object: Obj, type: string): Cond | undefined {
  return ((object.status?.conditions ?? []) as Cond[]).find((c) => c.type === type);
}

/** `type status reason` of every condition, for compact assertions. */
export function conditionSummary(object: Obj): string[] {
  return ((object.status?.conditions ?? []) as Cond[]).map((c) =>
    `${c.type} ${c.status} ${c.reason ?? ''}`.trim(),
  );
}

export async function createDeployment(
  cluster: SimCluster,
  namespace: string,
  name: string,
  replicas: number,
  extra: { cpu?: string; annotations?: Record<string, string>; image?: string } = {},
): Promise<Obj> {
  const labels = { app: name };
  return cluster.client.create<Obj>(DeploymentResource, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels, ...(extra.annotations ? { annotations: extra.annotations } : {}) },
        spec: {
          containers: [
            {
              name,
              image: extra.image ?? `registry.example.com/${name}:1.0`,
              resources: { requests: { cpu: extra.cpu ?? '100m', memory: '64Mi' } },
            },
          ],
        },
      },
    },
  });
}

export async function createScaledObject(
  cluster: SimCluster,
  namespace: string,
  name: string,
  spec: Record<string, unknown>,
  annotations?: Record<string, string>,
): Promise<Obj> {
  return cluster.client.create<Obj>(ScaledObjectResource, {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name, namespace, ...(annotations ? { annotations } : {}) },
    spec,
  });
}

export async function createSecretAuth(
  cluster: SimCluster,
  namespace: string,
  name: string,
  parameter: string,
  value: string,
): Promise<void> {
  await cluster.client.create(secretResource, {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace },
    data: { [parameter]: Buffer.from(value).toString('base64') },
  });
  await cluster.client.create(TriggerAuthenticationResource, {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'TriggerAuthentication',
    metadata: { name, namespace },
    spec: { secretTargetRef: [{ parameter, name, key: parameter }] },
  } as Obj);
}

/** events.k8s.io/v1 events about an object, oldest first. */
export async function eventsV1(
  cluster: SimCluster,
  namespace: string,
  name: string,
  kind = 'ScaledObject',
): Promise<Obj[]> {
  const list = await cluster.client.list<Obj>(eventsV1EventResource, {
    namespace,
    fieldSelector: `regarding.kind=${kind},regarding.name=${name}`,
  });
  return [...list.items].sort((a, b) => String(a.metadata.name).localeCompare(String(b.metadata.name)));
}

/** core/v1 events about an object, oldest first. */
export async function coreEvents(
  cluster: SimCluster,
  namespace: string,
  name: string,
  kind = 'ScaledObject',
): Promise<Obj[]> {
  const list = await cluster.client.list<Obj>(eventResource, {
    namespace,
    fieldSelector: `involvedObject.kind=${kind},involvedObject.name=${name}`,
  });
  return [...list.items].sort((a, b) => String(a.metadata.name).localeCompare(String(b.metadata.name)));
}

/** `reason: note` of events.k8s.io events. */
export function notes(events: readonly Obj[]): string[] {
  return events.map((e) => `${String(e.reason)}: ${String(e.note)}`);
}

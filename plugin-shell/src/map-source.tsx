/**
 * The KEDA group of Headlamp's Map View: ScaledObjects, ScaledJobs, (Cluster)TriggerAuthentications,
 * event sources and metrics, with explicit edges to HPAs, scale targets, ReplicaSets, Pods, Jobs
 * and the Secrets, ConfigMaps, env and pod identity that TriggerAuthentications read. The data is
 * the keda-elements relationship graph over one KedaStore per cluster (Headlamp's ApiProxy), so
 * the map and our own graph view agree.
 */
import { Icon } from '@iconify/react';
import * as lib from '@kinvolk/headlamp-plugin/lib';
import { K8s } from '@kinvolk/headlamp-plugin/lib';
import { buildRelationshipGraph } from 'keda-elements/core/graph/build';
import type { GraphNode as KedaGraphNode } from 'keda-elements/core/graph/types';
import { KedaStore } from 'keda-elements/data/keda-store';
import {
  graphNeeds,
  sameArrays,
  snapshot,
} from 'keda-elements/elements/keda-relationship-graph/internal/graph-input';
import React from 'react';
import { HeadlampKubeClient } from './headlamp-kube-client';
import {
  KEDA_SOURCE_IDS,
  type KedaSourceId,
  type MapGraphModel,
  sourceSlice,
  toMapGraph,
} from './map-source-model';

type GraphSource = Parameters<typeof lib.registerMapSource>[0];
type HeadlampGraphNode = NonNullable<
  ReturnType<Extract<GraphSource, { useData: unknown }>['useData']>
>['nodes'] extends Array<infer N> | undefined
  ? N
  : never;

/** Icons per node kind (Material Design Icons through Headlamp's Iconify). */
export const KIND_ICONS: Record<string, { icon: string; color: string }> = {
  ScaledObject: { icon: 'mdi:lightning-bolt', color: '#326ce5' },
  ScaledJob: { icon: 'mdi:lightning-bolt-circle', color: '#326ce5' },
  TriggerAuthentication: { icon: 'mdi:key-chain-variant', color: '#9a5b00' },
  ClusterTriggerAuthentication: { icon: 'mdi:key-chain', color: '#9a5b00' },
  EventSource: { icon: 'mdi:tray-full', color: '#16794c' },
  Metric: { icon: 'mdi:gauge', color: '#16794c' },
  Pods: { icon: 'mdi:cube-outline', color: '#607d8b' },
  Jobs: { icon: 'mdi:briefcase-clock-outline', color: '#607d8b' },
  Secret: { icon: 'mdi:lock-outline', color: '#607d8b' },
  ConfigMap: { icon: 'mdi:file-cog-outline', color: '#607d8b' },
  Env: { icon: 'mdi:variable', color: '#607d8b' },
  PodIdentity: { icon: 'mdi:badge-account-outline', color: '#607d8b' },
  SecretStore: { icon: 'mdi:safe', color: '#607d8b' },
};

// ---- one store per cluster, shared by the six sources ----------------------------------------

interface Shared {
  store: KedaStore;
  users: number;
  releases: Array<() => void>;
  built?: {
    arrays: ReadonlyArray<readonly unknown[]>;
    model: MapGraphModel;
    objects: Map<string, unknown>;
  };
}

const shared = new Map<string, Shared>();

function acquire(cluster: string): Shared {
  let entry = shared.get(cluster);
  if (!entry) {
    const store = new KedaStore(new HeadlampKubeClient({ cluster }));
    entry = {
      store,
      users: 0,
      releases: graphNeeds(undefined).map(n => store.retain(n.type, { namespace: n.namespace })),
    };
    shared.set(cluster, entry);
  }
  entry.users += 1;
  return entry;
}

function release(cluster: string): void {
  const entry = shared.get(cluster);
  if (!entry) return;
  entry.users -= 1;
  if (entry.users > 0) return;
  entry.releases.forEach(r => r());
  entry.store.dispose();
  shared.delete(cluster);
}

/** The map model of a store now; rebuilt only when an informer's objects changed. */
export function mapModelOf(entry: {
  store: KedaStore;
  built?: Shared['built'];
}): { model: MapGraphModel; objects: Map<string, unknown> } | null {
  const snap = snapshot(entry.store, undefined, Date.now());
  if (!snap.scalers.synced && !snap.scaledJobs.synced) return null;
  if (entry.built && sameArrays(entry.built.arrays as never, snap.arrays)) return entry.built;
  const model = toMapGraph(buildRelationshipGraph(snap.input));
  const objects = new Map<string, unknown>();
  for (const list of snap.arrays)
    for (const o of list) if (o.metadata.uid) objects.set(o.metadata.uid, o);
  entry.built = { arrays: snap.arrays, model, objects };
  return entry.built;
}

/** Subscribes to the cluster's shared store; re-renders on (coalesced) store changes. */
function useKedaMapModel(): ReturnType<typeof mapModelOf> {
  const cluster = K8s.useCluster() ?? '';
  const [, setTick] = React.useState(0);
  const entryRef = React.useRef<Shared>();
  React.useEffect(() => {
    const entry = acquire(cluster);
    entryRef.current = entry;
    const unsubscribe = entry.store.subscribe(() => setTick(t => t + 1));
    setTick(t => t + 1);
    return () => {
      unsubscribe();
      entryRef.current = undefined;
      release(cluster);
    };
  }, [cluster]);
  const entry = entryRef.current ?? shared.get(cluster);
  return entry ? mapModelOf(entry) : null;
}

// ---- Headlamp shapes ---------------------------------------------------------------------------

function headlampClass(kind: string): (new (json: unknown) => unknown) | undefined {
  const classes = K8s.ResourceClasses as unknown as Record<string, new (json: unknown) => unknown>;
  const name = kind === 'HorizontalPodAutoscaler' ? 'HorizontalPodAutoscaler' : kind;
  return classes[name];
}

function kubeObjectOf(node: KedaGraphNode, objects: Map<string, unknown>): unknown {
  if (!node.uid || !node.ref) return undefined;
  const raw = objects.get(node.uid) as { kind?: string; apiVersion?: string } | undefined;
  const Class = headlampClass(node.ref.kind);
  if (!raw || !Class) return undefined;
  try {
    return new Class({ kind: node.ref.kind, apiVersion: node.ref.apiVersion, ...raw });
  } catch {
    return undefined;
  }
}

/** Node details as text: React escapes every value (names, metadata, messages are untrusted). */
export function KedaNodeDetails({ node }: { node: { data?: { keda?: KedaGraphNode } } }) {
  const n = node.data?.keda;
  if (!n) return null;
  return (
    <div className="keda-map-details">
      <strong>{n.label}</strong>
      <div>{[n.caption, n.stateLabel, n.namespace].filter(Boolean).join(' · ')}</div>
      <dl
        style={{
          display: 'grid',
          gridTemplateColumns: 'auto 1fr',
          gap: '2px 12px',
          margin: '6px 0 0',
        }}
      >
        {n.details.map(([label, value], i) => (
          <React.Fragment key={`${label}-${i}`}>
            <dt style={{ opacity: 0.7 }}>{label}</dt>
            <dd style={{ margin: 0, overflowWrap: 'anywhere' }}>{value}</dd>
          </React.Fragment>
        ))}
      </dl>
    </div>
  );
}

/** The hover preview on the map for our nodes (others get Headlamp's own). */
export function KedaGlance({ node }: { node: { data?: { keda?: KedaGraphNode } } }) {
  const n = node.data?.keda;
  if (!n) return null;
  return (
    <div className="keda-map-glance">
      <div>{[n.caption, n.stateLabel].filter(Boolean).join(' · ')}</div>
      {n.details.slice(0, 4).map(([label, value], i) => (
        <div key={`${label}-${i}`}>
          {label}: {value}
        </div>
      ))}
    </div>
  );
}

function toHeadlamp(
  slice: MapGraphModel,
  objects: Map<string, unknown>
): {
  nodes: HeadlampGraphNode[];
  edges: NonNullable<ReturnType<Extract<GraphSource, { useData: unknown }>['useData']>>['edges'];
} {
  const nodes = slice.nodes.map(n => {
    const kubeObject = kubeObjectOf(n.node, objects);
    const icon = KIND_ICONS[n.node.kind];
    return {
      id: n.id,
      label: n.label,
      subtitle: n.subtitle,
      ...(n.status ? { status: n.status } : {}),
      ...(kubeObject ? { kubeObject } : {}),
      ...(icon
        ? { icon: <Icon icon={icon.icon} color={icon.color} width="100%" height="100%" /> }
        : {}),
      weight: n.weight,
      data: { keda: n.node },
      detailsComponent: KedaNodeDetails,
    } as HeadlampGraphNode;
  });
  return {
    nodes,
    edges: slice.edges.map(e => ({ id: e.id, source: e.source, target: e.target, label: e.label })),
  };
}

function childSource(id: KedaSourceId, label: string, icon: string): GraphSource {
  return {
    id,
    label,
    icon: <Icon icon={icon} width="100%" height="100%" />,
    useData() {
      const built = useKedaMapModel();
      return React.useMemo(
        () => (built ? toHeadlamp(sourceSlice(built.model, id), built.objects) : null),
        [built]
      );
    },
  };
}

export const kedaMapSource: GraphSource = {
  id: 'keda',
  label: 'KEDA',
  icon: <Icon icon="mdi:lightning-bolt" width="100%" height="100%" />,
  sources: [
    childSource(KEDA_SOURCE_IDS.scaledObjects, 'ScaledObjects', 'mdi:lightning-bolt'),
    childSource(KEDA_SOURCE_IDS.scaledJobs, 'ScaledJobs', 'mdi:lightning-bolt-circle'),
    childSource(
      KEDA_SOURCE_IDS.triggerAuthentications,
      'TriggerAuthentications',
      'mdi:key-chain-variant'
    ),
    childSource(
      KEDA_SOURCE_IDS.clusterTriggerAuthentications,
      'ClusterTriggerAuthentications',
      'mdi:key-chain'
    ),
    childSource(KEDA_SOURCE_IDS.eventSources, 'Event sources', 'mdi:tray-full'),
    childSource(KEDA_SOURCE_IDS.metrics, 'Metrics', 'mdi:gauge'),
  ],
};

/** What `registerKedaMap` registered, for tests and diagnostics. */
export interface KedaMapRegistration {
  relationProviders: boolean;
}

type Relation = {
  id: string;
  fromSource: string;
  toSource?: string;
  label?: string;
  predicate(
    from: { kubeObject?: { jsonData?: unknown } },
    to: { kubeObject?: { jsonData?: unknown } }
  ): boolean;
};

const spec = (n: { kubeObject?: { jsonData?: unknown } }) =>
  (n.kubeObject?.jsonData ?? {}) as {
    metadata?: { name?: string; namespace?: string };
    spec?: {
      scaleTargetRef?: { name?: string; kind?: string };
      secretTargetRef?: Array<{ name: string }>;
    };
  };

/**
 * Registers the KEDA map group, kind icons and the glance. On Headlamps with
 * `registerResourceRelationProvider` (newer than 0.14) it also relates our ScaledObjects to
 * Headlamp's own Deployment/StatefulSet nodes and TriggerAuthentications to Secret nodes; the
 * explicit edges of our source work on every version.
 */
export function registerKedaMap(): KedaMapRegistration {
  lib.registerMapSource(kedaMapSource);
  for (const [kind, { icon, color }] of Object.entries(KIND_ICONS)) {
    const apiGroup = [
      'ScaledObject',
      'ScaledJob',
      'TriggerAuthentication',
      'ClusterTriggerAuthentication',
    ].includes(kind)
      ? 'keda.sh'
      : undefined;
    lib.registerKindIcon(
      kind,
      { icon: <Icon icon={icon} width="100%" height="100%" />, color },
      apiGroup
    );
  }
  lib.registerKubeObjectGlance({ id: 'keda-glance', component: KedaGlance as never });
  const registerRelation = (
    lib as unknown as { registerResourceRelationProvider?: (r: Relation) => void }
  ).registerResourceRelationProvider;
  if (typeof registerRelation !== 'function') return { relationProviders: false };
  for (const kind of ['Deployment', 'StatefulSet']) {
    registerRelation({
      id: `keda-scaledobject-${kind.toLowerCase()}`,
      fromSource: KEDA_SOURCE_IDS.scaledObjects,
      toSource: `apps/${kind}`,
      label: 'scaleTargetRef',
      predicate: (from, to) => {
        const so = spec(from);
        const target = spec(to);
        return (
          so.metadata?.namespace === target.metadata?.namespace &&
          so.spec?.scaleTargetRef?.name === target.metadata?.name &&
          (so.spec?.scaleTargetRef?.kind ?? 'Deployment') === kind
        );
      },
    });
  }
  registerRelation({
    id: 'keda-triggerauthentication-secret',
    fromSource: KEDA_SOURCE_IDS.triggerAuthentications,
    toSource: 'Secret',
    label: 'secretTargetRef',
    predicate: (from, to) => {
      const ta = spec(from);
      const secret = spec(to);
      return (
        ta.metadata?.namespace === secret.metadata?.namespace &&
        !!ta.spec?.secretTargetRef?.some(r => r.name === secret.metadata?.name)
      );
    },
  });
  return { relationProviders: true };
}

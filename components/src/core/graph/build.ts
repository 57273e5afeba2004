import type { HorizontalPodAutoscaler } from '../kube/autoscaling.js';
import { hpaMetricRows, type HpaMetricRow } from '../kube/hpa-metrics.js';
import { workloadResource } from '../kube/resource.js';
import type { KubeObject } from '../kube/types.js';
import { hpaName, scaleTargetApiVersion, scaleTargetKind } from '../keda/defaults.js';
import { reasonAndMessage } from '../keda/conditions.js';
import { triggerMetricNames } from '../keda/metric-names.js';
import { annotatedScaledJobState } from '../keda/scaled-job-table.js';
import { annotatedScaledObjectState, type ScaledObjectState } from '../keda/state.js';
import type { ScaledJob, ScaledObject, ScaleTriggers, TriggerAuthentication } from '../keda/types.js';
import { eventSourceOf } from './event-source.js';
import {
  LAYER,
  objectNodeId,
  type GraphEdge,
  type GraphNode,
  type GraphNodeState,
  type RelationshipGraph,
} from './types.js';

/** A Deployment, StatefulSet or ReplicaSet as far as the graph reads it. */
export interface WorkloadObject extends KubeObject {
  spec?: { replicas?: number };
  status?: { replicas?: number; readyReplicas?: number; availableReplicas?: number };
}

export interface PodObject extends KubeObject {
  status?: {
    phase?: string;
    conditions?: Array<{ type: string; status: string }>;
    containerStatuses?: Array<{ ready?: boolean; state?: { waiting?: { reason?: string } } }>;
  };
}

export interface JobObject extends KubeObject {
  spec?: { parallelism?: number; completions?: number };
  status?: {
    active?: number;
    succeeded?: number;
    failed?: number;
    startTime?: string;
    completionTime?: string;
    conditions?: Array<{ type: string; status: string; reason?: string; message?: string }>;
  };
}

/** Everything the graph is built from; each list already scoped to the namespace(s) shown. */
export interface GraphInput {
  scaledObjects: readonly ScaledObject[];
  scaledJobs?: readonly ScaledJob[];
  triggerAuthentications?: readonly TriggerAuthentication[];
  clusterTriggerAuthentications?: readonly TriggerAuthentication[];
  hpas?: readonly HorizontalPodAutoscaler[];
  /** Scale targets by kind (`Deployment`, `StatefulSet`…): list items carry no kind of their own. */
  workloads?: Readonly<Record<string, readonly WorkloadObject[]>>;
  replicaSets?: readonly WorkloadObject[];
  pods?: readonly PodObject[];
  jobs?: readonly JobObject[];
  /**
   * Kinds whose lists were read (`Deployment`, `HorizontalPodAutoscaler`, `TriggerAuthentication`…):
   * only for these can a missing object be called missing rather than not yet known.
   */
  known?: ReadonlySet<string>;
  now: number;
}

/** Jobs of a ScaledJob shown one by one (newest first); older ones are folded into a count. */
export const MAX_JOBS_SHOWN = 12;

const key = (ns: string | undefined, name: string | undefined) => `${ns ?? ''}/${name ?? ''}`;

function byKey<T extends KubeObject>(items: readonly T[] | undefined): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items ?? []) map.set(key(item.metadata.namespace, item.metadata.name), item);
  return map;
}

/** Objects grouped by their controller owner: `<ownerKind>/<ns>/<ownerName>`. */
function byOwner<T extends KubeObject>(items: readonly T[] | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items ?? []) {
    const refs = item.metadata.ownerReferences ?? [];
    const owner = refs.find((r) => r.controller) ?? refs[0];
    if (!owner) continue;
    const k = `${owner.kind}/${item.metadata.namespace ?? ''}/${owner.name}`;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

const scalerState = (state: ScaledObjectState): { state: GraphNodeState; stateLabel: string } => ({
  state: state.kind,
  stateLabel: state.label,
});

function conditionText(state: ScaledObjectState): string | undefined {
  const c = state.condition;
  return c ? reasonAndMessage(c) : undefined;
}

class Builder {
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();

  node(node: GraphNode): GraphNode {
    const existing = this.nodes.get(node.id);
    if (existing) return existing;
    this.nodes.set(node.id, node);
    return node;
  }

  edge(source: string, target: string, label: string): void {
    const id = `${source}->${target}`;
    if (!this.edges.has(id)) this.edges.set(id, { id, source, target, label });
  }
}

/**
 * Nodes and edges from the store's objects: event source → external metric → ScaledObject →
 * HPA → scale target → ReplicaSets → Pods (a count); ScaledJob → Jobs; both → (Cluster)
 * TriggerAuthentication → Secrets (names and keys only), ConfigMaps, env, pod identity.
 */
export function buildRelationshipGraph(input: GraphInput): RelationshipGraph {
  const b = new Builder();
  const hpas = byKey(input.hpas);
  const tas = byKey(input.triggerAuthentications);
  const ctas = byKey(input.clusterTriggerAuthentications);
  const rsByOwner = byOwner(input.replicaSets);
  const podsByOwner = byOwner(input.pods);
  const jobsByOwner = byOwner(input.jobs);
  const workloads = new Map<string, Map<string, WorkloadObject>>();
  for (const [kind, items] of Object.entries(input.workloads ?? {})) workloads.set(kind, byKey(items));
  const known = input.known ?? new Set<string>();

  const sorted = <T extends KubeObject>(items: readonly T[] | undefined) =>
    [...(items ?? [])].sort(
      (a, b) =>
        (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') ||
        (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''),
    );

  for (const so of sorted(input.scaledObjects)) {
    const ns = so.metadata.namespace ?? '';
    const name = so.metadata.name ?? '';
    const spec = so.spec ?? { scaleTargetRef: { name: '' }, triggers: [] };
    const state = annotatedScaledObjectState(so, input.now);
    const soId = objectNodeId('ScaledObject', ns, name);
    const targetKind = scaleTargetKind(spec).value;
    const details: Array<readonly [string, string]> = [['State', state.label]];
    const why = conditionText(state);
    if (state.pauseNote) details.push(['Pause', state.pauseNote]);
    if (why) details.push(['Condition', why]);
    if (state.forceNote) details.push(['Force activation', state.forceNote]);
    details.push(['Scale target', `${targetKind} ${spec.scaleTargetRef?.name ?? ''}`]);
    details.push(['Replicas', `${spec.minReplicaCount ?? 0}–${spec.maxReplicaCount ?? 100}`]);
    b.node({
      id: soId,
      kind: 'ScaledObject',
      label: name,
      caption: 'ScaledObject',
      namespace: ns,
      ref: { kind: 'ScaledObject', apiVersion: 'keda.sh/v1alpha1', namespace: ns, name },
      uid: so.metadata.uid,
      ...scalerState(state),
      details,
      layer: LAYER.scaler,
    });

    const hpaObjectName = so.status?.hpaName ?? hpaName(name, spec).value;
    const hpa = hpas.get(key(ns, hpaObjectName));
    const rows = hpa ? hpaMetricRows(hpa) : [];
    triggerNodes(
      b,
      so.spec?.triggers ?? [],
      ns,
      name,
      soId,
      'ScaledObject',
      so.status?.externalMetricNames,
      rows,
    );
    authNodes(b, so.spec?.triggers ?? [], ns, soId, tas, ctas, known);

    let targetParent = soId;
    if (hpa || known.has('HorizontalPodAutoscaler')) {
      const hpaId = objectNodeId('HorizontalPodAutoscaler', ns, hpaObjectName);
      b.node(hpaNode(hpa, ns, hpaObjectName, hpaId));
      b.edge(soId, hpaId, 'owns');
      if (hpa) targetParent = hpaId;
    }
    const targetName = spec.scaleTargetRef?.name ?? '';
    const apiVersion = scaleTargetApiVersion(spec).value;
    const targetId = objectNodeId(targetKind, ns, targetName);
    const workload = workloads.get(targetKind)?.get(key(ns, targetName));
    b.node(workloadNode(workload, targetKind, apiVersion, ns, targetName, targetId, known.has(targetKind)));
    b.edge(targetParent, targetId, 'scaleTargetRef');
    if (targetKind === 'Deployment' && workloadResource(apiVersion, targetKind)) {
      const sets = (rsByOwner.get(`Deployment/${ns}/${targetName}`) ?? []).filter(
        (rs) => (rs.spec?.replicas ?? 0) > 0 || (rs.status?.replicas ?? 0) > 0,
      );
      for (const rs of sorted(sets)) {
        const rsName = rs.metadata.name ?? '';
        const rsId = objectNodeId('ReplicaSet', ns, rsName);
        b.node({
          id: rsId,
          kind: 'ReplicaSet',
          label: rsName,
          caption: 'ReplicaSet',
          namespace: ns,
          ref: { kind: 'ReplicaSet', apiVersion: 'apps/v1', namespace: ns, name: rsName },
          uid: rs.metadata.uid,
          ...replicaState(rs),
          details: replicaDetails(rs),
          layer: LAYER.replicaSet,
        });
        b.edge(targetId, rsId, 'owns');
        podsNode(b, podsByOwner.get(`ReplicaSet/${ns}/${rsName}`), rsId, ns, LAYER.replicaSet + 1);
      }
    } else if (workload) {
      podsNode(b, podsByOwner.get(`${targetKind}/${ns}/${targetName}`), targetId, ns, LAYER.target + 1);
    }
  }

  for (const sj of sorted(input.scaledJobs)) {
    const ns = sj.metadata.namespace ?? '';
    const name = sj.metadata.name ?? '';
    const state = annotatedScaledJobState(sj);
    const sjId = objectNodeId('ScaledJob', ns, name);
    const details: Array<readonly [string, string]> = [['State', state.label]];
    const why = conditionText(state);
    if (state.pauseNote) details.push(['Pause', state.pauseNote]);
    if (why) details.push(['Condition', why]);
    if (state.forceNote) details.push(['Force activation', state.forceNote]);
    details.push(['Max jobs', String(sj.spec?.maxReplicaCount ?? 100)]);
    b.node({
      id: sjId,
      kind: 'ScaledJob',
      label: name,
      caption: 'ScaledJob',
      namespace: ns,
      ref: { kind: 'ScaledJob', apiVersion: 'keda.sh/v1alpha1', namespace: ns, name },
      uid: sj.metadata.uid,
      ...scalerState(state),
      details,
      layer: LAYER.scaler,
    });
    triggerNodes(b, sj.spec?.triggers ?? [], ns, name, sjId, 'ScaledJob', sj.status?.externalMetricNames, []);
    authNodes(b, sj.spec?.triggers ?? [], ns, sjId, tas, ctas, known);
    jobNodes(b, jobsByOwner.get(`ScaledJob/${ns}/${name}`) ?? [], sjId, ns);
  }

  return { nodes: [...b.nodes.values()], edges: [...b.edges.values()] };
}

function triggerNodes(
  b: Builder,
  triggers: readonly ScaleTriggers[],
  ns: string,
  owner: string,
  ownerId: string,
  ownerKind: 'ScaledObject' | 'ScaledJob',
  statusNames: readonly string[] | undefined,
  rows: readonly HpaMetricRow[],
): void {
  triggers.forEach((trigger, index) => {
    const source = eventSourceOf(trigger, ns, owner);
    const sourceId = `source/${source.identity}`;
    b.node({
      id: sourceId,
      kind: 'EventSource',
      label: source.label,
      caption: source.where ? `${trigger.type} · ${source.where}` : trigger.type,
      namespace: ns,
      state: 'none',
      details: source.details,
      layer: LAYER.source,
    });
    const names = triggerMetricNames(trigger, index, { namespace: ns });
    let metricName: string;
    let resource = false;
    if (names.ok && names.kind === 'resource') {
      metricName = names.resource;
      resource = true;
    } else if (names.ok) metricName = names.names[0] ?? `s${index}-${trigger.type}`;
    else metricName = statusNames?.[index] ?? `s${index}-${trigger.type}`;
    const row = rows.find((r) => r.name === metricName);
    const details: Array<readonly [string, string]> = [
      ['Metric', metricName],
      ['Type', resource ? 'Resource' : 'External'],
    ];
    if (trigger.name) details.push(['Trigger name', trigger.name]);
    if (row) {
      details.push(['Current', row.current ?? 'unknown']);
      details.push([`Target (${row.targetType})`, row.target]);
    }
    if (!names.ok) details.push(['Problem', names.error]);
    const metricId = `metric/${ownerKind}/${ns}/${owner}/${metricName}`;
    b.node({
      id: metricId,
      kind: 'Metric',
      label: metricName,
      caption:
        row?.current !== undefined
          ? `${row.current} / ${row.target}`
          : resource
            ? 'Resource metric'
            : 'External metric',
      namespace: ns,
      state: names.ok ? 'none' : 'error',
      ...(names.ok ? {} : { stateLabel: 'Cannot build scaler' }),
      details,
      layer: LAYER.metric,
    });
    b.edge(sourceId, metricId, 'measured as');
    b.edge(metricId, ownerId, 'drives');
  });
}

function authNodes(
  b: Builder,
  triggers: readonly ScaleTriggers[],
  ns: string,
  ownerId: string,
  tas: Map<string, TriggerAuthentication>,
  ctas: Map<string, TriggerAuthentication>,
  known: ReadonlySet<string>,
): void {
  for (const trigger of triggers) {
    const ref = trigger.authenticationRef;
    if (!ref?.name) continue;
    const cluster = ref.kind === 'ClusterTriggerAuthentication';
    const kind = cluster ? 'ClusterTriggerAuthentication' : 'TriggerAuthentication';
    const ta = (cluster ? ctas : tas).get(key(cluster ? undefined : ns, ref.name));
    const taId = objectNodeId(kind, cluster ? undefined : ns, ref.name);
    const isNew = !b.nodes.has(taId);
    const missing = !ta && known.has(kind);
    b.node({
      id: taId,
      kind,
      label: ref.name,
      caption: kind,
      ...(cluster ? {} : { namespace: ns }),
      ref: { kind, apiVersion: 'keda.sh/v1alpha1', ...(cluster ? {} : { namespace: ns }), name: ref.name },
      uid: ta?.metadata.uid,
      state: ta ? 'none' : missing ? 'missing' : 'unknown',
      ...(ta ? {} : { stateLabel: missing ? 'not found' : 'not read yet' }),
      details: ta ? authDetails(ta) : [['Status', missing ? 'not found' : 'not read yet']],
      layer: LAYER.auth,
    });
    b.edge(ownerId, taId, 'authenticationRef');
    if (ta && isNew) authSources(b, ta, taId, ns);
  }
}

function authDetails(ta: TriggerAuthentication): Array<readonly [string, string]> {
  const spec = ta.spec ?? {};
  const out: Array<readonly [string, string]> = [];
  for (const r of spec.secretTargetRef ?? []) out.push([r.parameter, `Secret ${r.name} key ${r.key}`]);
  for (const r of spec.configMapTargetRef ?? []) out.push([r.parameter, `ConfigMap ${r.name} key ${r.key}`]);
  for (const r of spec.env ?? [])
    out.push([r.parameter, `env ${r.name}${r.containerName ? ` (${r.containerName})` : ''}`]);
  if (spec.podIdentity) out.push(['Pod identity', spec.podIdentity.provider]);
  if (spec.hashiCorpVault) out.push(['Vault', spec.hashiCorpVault.address]);
  if (spec.azureKeyVault) out.push(['Azure Key Vault', spec.azureKeyVault.vaultUri]);
  if (spec.awsSecretManager) out.push(['AWS Secrets Manager', 'configured']);
  if (spec.gcpSecretManager) out.push(['GCP Secret Manager', 'configured']);
  if (spec.filePath) out.push(['File', spec.filePath]);
  return out.length ? out : [['Parameters', 'none']];
}

/** Secrets and ConfigMaps by name and referenced keys (values are never read), env, pod identity, vaults. */
function authSources(b: Builder, ta: TriggerAuthentication, taId: string, ns: string): void {
  const spec = ta.spec ?? {};
  // A ClusterTriggerAuthentication reads from KEDA's cluster-object namespace, unknown here.
  const cluster = !ta.metadata.namespace;
  const objectNs = cluster ? undefined : ns;
  const refs = new Map<string, { kind: 'Secret' | 'ConfigMap'; name: string; keys: string[] }>();
  for (const r of spec.secretTargetRef ?? []) {
    const k = `Secret/${r.name}`;
    const entry = refs.get(k) ?? { kind: 'Secret' as const, name: r.name, keys: [] };
    entry.keys.push(`${r.key} → ${r.parameter}`);
    refs.set(k, entry);
  }
  for (const r of spec.configMapTargetRef ?? []) {
    const k = `ConfigMap/${r.name}`;
    const entry = refs.get(k) ?? { kind: 'ConfigMap' as const, name: r.name, keys: [] };
    entry.keys.push(`${r.key} → ${r.parameter}`);
    refs.set(k, entry);
  }
  for (const { kind, name, keys } of refs.values()) {
    const id = cluster ? objectNodeId(kind, `(keda)`, name) : objectNodeId(kind, objectNs, name);
    b.node({
      id,
      kind,
      label: name,
      caption: kind,
      ...(objectNs ? { namespace: objectNs } : {}),
      ...(objectNs ? { ref: { kind, apiVersion: 'v1', namespace: objectNs, name } } : {}),
      state: 'none',
      details: [
        ['Keys used', keys.join(', ')],
        ...(cluster ? ([['Namespace', "KEDA's cluster object namespace"]] as const) : []),
      ],
      layer: Math.max(LAYER.authSource, b.nodes.get(taId)!.layer + 1),
    });
    b.edge(taId, id, kind === 'Secret' ? 'secretTargetRef' : 'configMapTargetRef');
  }
  const single = (
    suffix: string,
    kind: 'Env' | 'PodIdentity' | 'SecretStore',
    label: string,
    caption: string,
    details: Array<readonly [string, string]>,
    edge: string,
  ) => {
    const id = `${taId}/${suffix}`;
    b.node({
      id,
      kind,
      label,
      caption,
      ...(objectNs ? { namespace: objectNs } : {}),
      state: 'none',
      details,
      layer: LAYER.authSource,
    });
    b.edge(taId, id, edge);
  };
  if (spec.env?.length) {
    single(
      'env',
      'Env',
      spec.env.map((e) => e.name).join(', '),
      'Container env',
      spec.env.map(
        (e) => [e.parameter, `${e.name}${e.containerName ? ` in ${e.containerName}` : ''}`] as const,
      ),
      'env',
    );
  }
  if (spec.podIdentity && spec.podIdentity.provider !== 'none') {
    const p = spec.podIdentity;
    const details: Array<readonly [string, string]> = [['Provider', p.provider]];
    if (p.identityId) details.push(['Identity', p.identityId]);
    if (p.roleArn) details.push(['Role ARN', p.roleArn]);
    if (p.identityOwner) details.push(['Identity owner', p.identityOwner]);
    single('podIdentity', 'PodIdentity', p.provider, 'Pod identity', details, 'podIdentity');
  }
  if (spec.hashiCorpVault) {
    const paths = (spec.hashiCorpVault.secrets ?? []).map(
      (s) => [s.parameter, `${s.path} key ${s.key}`] as const,
    );
    single(
      'vault',
      'SecretStore',
      spec.hashiCorpVault.address,
      'HashiCorp Vault',
      [['Address', spec.hashiCorpVault.address], ...paths],
      'hashiCorpVault',
    );
  }
  if (spec.azureKeyVault) {
    single(
      'azureKeyVault',
      'SecretStore',
      spec.azureKeyVault.vaultUri,
      'Azure Key Vault',
      [['Vault URI', spec.azureKeyVault.vaultUri]],
      'azureKeyVault',
    );
  }
  if (spec.awsSecretManager)
    single('awsSecretManager', 'SecretStore', 'AWS Secrets Manager', 'Secret store', [], 'awsSecretManager');
  if (spec.gcpSecretManager)
    single('gcpSecretManager', 'SecretStore', 'GCP Secret Manager', 'Secret store', [], 'gcpSecretManager');
  for (const t of spec.boundServiceAccountToken ?? []) {
    const id = objectNodeId('ServiceAccount', objectNs, t.serviceAccountName);
    b.node({
      id,
      kind: 'PodIdentity',
      label: t.serviceAccountName,
      caption: 'ServiceAccount token',
      ...(objectNs
        ? {
            namespace: objectNs,
            ref: {
              kind: 'ServiceAccount',
              apiVersion: 'v1',
              namespace: objectNs,
              name: t.serviceAccountName,
            },
          }
        : {}),
      state: 'none',
      details: [['Parameter', t.parameter]],
      layer: LAYER.authSource,
    });
    b.edge(taId, id, 'boundServiceAccountToken');
  }
}

function hpaNode(hpa: HorizontalPodAutoscaler | undefined, ns: string, name: string, id: string): GraphNode {
  const ref = { kind: 'HorizontalPodAutoscaler', apiVersion: 'autoscaling/v2', namespace: ns, name };
  if (!hpa) {
    return {
      id,
      kind: 'HorizontalPodAutoscaler',
      label: name,
      caption: 'HPA',
      namespace: ns,
      ref,
      state: 'missing',
      stateLabel: 'not created',
      details: [['Status', 'KEDA has not created this HPA (yet)']],
      layer: LAYER.hpa,
    };
  }
  const status = hpa.status;
  const conditions = status?.conditions ?? [];
  const bad = conditions.find(
    (c) => (c.type === 'AbleToScale' || c.type === 'ScalingActive') && c.status === 'False',
  );
  const limited = conditions.find((c) => c.type === 'ScalingLimited' && c.status === 'True');
  const details: Array<readonly [string, string]> = [
    ['Replicas', `${status?.currentReplicas ?? 0} current, ${status?.desiredReplicas ?? 0} desired`],
    ['Range', `${hpa.spec?.minReplicas ?? 1}–${hpa.spec?.maxReplicas ?? '?'}`],
  ];
  for (const c of [bad, limited]) if (c) details.push([c.type, reasonAndMessage(c, c.status)]);
  // ScalingActive=False with ScalingDisabled is KEDA's scale-to-zero, not a fault.
  const disabled = bad?.type === 'ScalingActive' && bad.reason === 'ScalingDisabled';
  return {
    id,
    kind: 'HorizontalPodAutoscaler',
    label: name,
    caption: 'HPA',
    namespace: ns,
    ref,
    uid: hpa.metadata.uid,
    state: bad && !disabled ? 'warn' : 'ok',
    stateLabel: `${status?.currentReplicas ?? 0} → ${status?.desiredReplicas ?? 0}`,
    details,
    layer: LAYER.hpa,
  };
}

function replicaState(w: WorkloadObject): { state: GraphNodeState; stateLabel: string } {
  const desired = w.spec?.replicas ?? 1;
  const ready = w.status?.readyReplicas ?? 0;
  return { state: ready >= desired ? 'ok' : 'warn', stateLabel: `${ready}/${desired} ready` };
}

function replicaDetails(w: WorkloadObject): Array<readonly [string, string]> {
  return [
    ['Desired', String(w.spec?.replicas ?? 1)],
    ['Ready', String(w.status?.readyReplicas ?? 0)],
    ['Available', String(w.status?.availableReplicas ?? 0)],
  ];
}

function workloadNode(
  w: WorkloadObject | undefined,
  kind: string,
  apiVersion: string,
  ns: string,
  name: string,
  id: string,
  listed: boolean,
): GraphNode {
  const ref = { kind, apiVersion, namespace: ns, name };
  if (!w) {
    return {
      id,
      kind: 'Workload',
      label: name,
      caption: kind,
      namespace: ns,
      ref,
      state: listed ? 'missing' : 'unknown',
      stateLabel: listed ? 'not found' : undefined,
      details: [['Status', listed ? `${kind} ${name} not found` : 'not read']],
      layer: LAYER.target,
    } as GraphNode;
  }
  return {
    id,
    kind: 'Workload',
    label: name,
    caption: kind,
    namespace: ns,
    ref,
    uid: w.metadata.uid,
    ...replicaState(w),
    details: replicaDetails(w),
    layer: LAYER.target,
  };
}

const CRASHING = new Set([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'CreateContainerConfigError',
]);

function podsNode(
  b: Builder,
  pods: readonly PodObject[] | undefined,
  parentId: string,
  ns: string,
  layer: number,
): void {
  if (!pods || pods.length === 0) return;
  const phases = new Map<string, number>();
  let ready = 0;
  let crashing = 0;
  for (const pod of pods) {
    const phase = pod.metadata.deletionTimestamp ? 'Terminating' : (pod.status?.phase ?? 'Unknown');
    phases.set(phase, (phases.get(phase) ?? 0) + 1);
    if (pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) ready += 1;
    if (pod.status?.containerStatuses?.some((c) => CRASHING.has(c.state?.waiting?.reason ?? '')))
      crashing += 1;
  }
  const failed = (phases.get('Failed') ?? 0) + crashing;
  const id = `${parentId}/pods`;
  b.node({
    id,
    kind: 'Pods',
    label: `${pods.length} pod${pods.length === 1 ? '' : 's'}`,
    caption: 'Pods',
    namespace: ns,
    state: failed > 0 ? 'error' : ready < pods.length ? 'warn' : 'ok',
    stateLabel: `${ready}/${pods.length} ready`,
    details: [
      ['Ready', `${ready} of ${pods.length}`],
      ...[...phases.entries()]
        .sort(([a], [c]) => a.localeCompare(c))
        .map(([p, n]) => [p, String(n)] as const),
      ...(crashing ? ([['Crashing', String(crashing)]] as const) : []),
    ],
    layer,
  });
  b.edge(parentId, id, 'owns');
}

function jobStatus(job: JobObject): { state: GraphNodeState; label: string } {
  const conditions = job.status?.conditions ?? [];
  if (conditions.some((c) => c.type === 'Failed' && c.status === 'True'))
    return { state: 'error', label: 'Failed' };
  if (conditions.some((c) => c.type === 'Complete' && c.status === 'True'))
    return { state: 'ok', label: 'Complete' };
  if ((job.status?.active ?? 0) > 0) return { state: 'active', label: 'Running' };
  return { state: 'pending', label: 'Pending' };
}

function jobNodes(b: Builder, jobs: readonly JobObject[], sjId: string, ns: string): void {
  const newest = [...jobs].sort(
    (a, c) =>
      (c.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') ||
      (a.metadata.name ?? '').localeCompare(c.metadata.name ?? ''),
  );
  for (const job of newest.slice(0, MAX_JOBS_SHOWN)) {
    const name = job.metadata.name ?? '';
    const id = objectNodeId('Job', ns, name);
    const s = jobStatus(job);
    b.node({
      id,
      kind: 'Job',
      label: name,
      caption: 'Job',
      namespace: ns,
      ref: { kind: 'Job', apiVersion: 'batch/v1', namespace: ns, name },
      uid: job.metadata.uid,
      state: s.state,
      stateLabel: s.label,
      details: [
        ['Status', s.label],
        ['Active', String(job.status?.active ?? 0)],
        ['Succeeded', String(job.status?.succeeded ?? 0)],
        ['Failed', String(job.status?.failed ?? 0)],
        ...(job.metadata.creationTimestamp ? ([['Created', job.metadata.creationTimestamp]] as const) : []),
      ],
      layer: LAYER.hpa,
    });
    b.edge(sjId, id, 'creates');
  }
  const rest = newest.slice(MAX_JOBS_SHOWN);
  if (rest.length === 0) return;
  const counts = { Running: 0, Complete: 0, Failed: 0, Pending: 0 } as Record<string, number>;
  for (const job of rest) counts[jobStatus(job).label] = (counts[jobStatus(job).label] ?? 0) + 1;
  const id = `${sjId}/older-jobs`;
  b.node({
    id,
    kind: 'Jobs',
    label: `${rest.length} older Jobs`,
    caption: 'Jobs',
    namespace: ns,
    state: (counts.Failed ?? 0) > 0 ? 'warn' : 'none',
    details: Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => [k, String(n)] as const),
    layer: LAYER.hpa,
  });
  b.edge(sjId, id, 'creates');
}

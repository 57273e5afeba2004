/**
 * core/v1 Pod: API defaults plus what admission adds on create (service account and its token
 * volume, default tolerations, priority), status reset to Pending, the pod printer (READY,
 * STATUS, RESTARTS…) and the pod field selectors.
 */
import type { StatusCause } from '../../../../../components/src/core/kube/types.ts';
import { asNumber, asString, clone, deepEqual, getPath, isObject, type JsonObject } from '../../core/json.ts';
import { ageOf } from '../../core/time.ts';
import { defineResource, nameColumn } from '../define.ts';
import { metaSchemas } from '../schemas.ts';
import { podKindSchemas, POD_SCHEMA } from '../schemas/core.ts';
import type { KObject, TableColumn } from '../types.ts';
import { ageColumn, column, containersOf, defaultPodSpec, objects, podSpecCauses, text } from './common.ts';

const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

const DEFAULT_TOLERATIONS: readonly JsonObject[] = [
  { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
  { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
];

function tokenVolume(name: string): JsonObject {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        {
          downwardAPI: {
            items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
          },
        },
      ],
    },
  };
}

/** The QoS class the apiserver computes from container requests and limits. */
export function qosClass(podSpec: unknown): string {
  const containers = [...containersOf(podSpec), ...objects(getPath(podSpec, ['initContainers']))];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const requests = getPath(c, ['resources', 'requests']);
    const limits = getPath(c, ['resources', 'limits']);
    const req = isObject(requests) ? requests : {};
    const lim = isObject(limits) ? limits : {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const resource of ['cpu', 'memory']) {
      const limit = lim[resource];
      const request = req[resource] ?? limit;
      if (limit === undefined || String(request) !== String(limit)) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function defaultPod(o: KObject): void {
  const spec = isObject(o.spec) ? o.spec : (o.spec = {});
  defaultPodSpec(spec);
  spec.enableServiceLinks ??= true;
  spec.serviceAccountName ??= asString(spec.serviceAccount) ?? 'default';
  spec.serviceAccount = spec.serviceAccountName;
  spec.priority ??= 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  const tolerations = objects(spec.tolerations);
  for (const t of DEFAULT_TOLERATIONS) {
    if (!tolerations.some((x) => x.key === t.key && x.effect === t.effect)) tolerations.push(clone(t));
  }
  spec.tolerations = tolerations;
  for (const c of containersOf(spec)) {
    // Limits without requests: requests default to the limits.
    const limits = getPath(c, ['resources', 'limits']);
    if (isObject(limits) && isObject(c.resources)) {
      c.resources.requests = { ...limits, ...(isObject(c.resources.requests) ? c.resources.requests : {}) };
    }
  }
}

/** Pod spec fields that an update may change (ValidatePodUpdate). */
function mutableSpecPart(spec: unknown, previous: unknown): unknown {
  const copy = isObject(spec) ? clone(spec) : {};
  const prev = isObject(previous) ? previous : {};
  for (const list of ['containers', 'initContainers']) {
    const items = objects(copy[list]);
    items.forEach((c, i) => {
      const before = objects(prev[list])[i];
      if (before) c.image = before.image;
    });
  }
  copy.activeDeadlineSeconds = prev.activeDeadlineSeconds;
  copy.tolerations = prev.tolerations;
  copy.terminationGracePeriodSeconds = prev.terminationGracePeriodSeconds;
  // Scheduling binds a pod once (the binding subresource is not simulated).
  if (!prev.nodeName) copy.nodeName = prev.nodeName;
  return copy;
}

const POD_UPDATE_FORBIDDEN =
  'Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function validatePodUpdate(o: KObject, previous: KObject): StatusCause[] {
  if (deepEqual(mutableSpecPart(o.spec, previous.spec), previous.spec)) return [];
  return [{ reason: 'FieldValueForbidden', message: POD_UPDATE_FORBIDDEN, field: 'spec' }];
}

function validatePod(o: KObject): StatusCause[] {
  const causes = podSpecCauses(o.spec, 'spec');
  const policy = text(o, 'spec', 'restartPolicy');
  if (!['Always', 'OnFailure', 'Never'].includes(policy)) {
    causes.push({
      reason: 'FieldValueNotSupported',
      message: `Unsupported value: "${policy}": supported values: "Always", "OnFailure", "Never"`,
      field: 'spec.restartPolicy',
    });
  }
  return causes;
}

// ---------------------------------------------------------------------------------------------
// Printer (printPod)

interface ContainerState {
  waiting?: { reason?: string };
  running?: JsonObject;
  terminated?: { reason?: string; exitCode?: number; signal?: number; finishedAt?: string };
}

function stateOf(status: JsonObject, key: 'state' | 'lastState'): ContainerState {
  const s = status[key];
  return isObject(s) ? (s as ContainerState) : {};
}

function isRestartable(podSpec: unknown, name: unknown): boolean {
  return objects(getPath(podSpec, ['initContainers'])).some(
    (c) => c.name === name && c.restartPolicy === 'Always',
  );
}

function hasCondition(o: KObject, type: string): boolean {
  return objects(getPath(o, ['status', 'conditions'])).some((c) => c.type === type && c.status === 'True');
}

const later = (a: string, b: string | undefined): string =>
  b && (!a || Date.parse(b) > Date.parse(a)) ? b : a;

interface PodSummary {
  ready: string;
  reason: string;
  restarts: string;
}

/** READY, STATUS and RESTARTS as kubectl's pod printer computes them. */
export function summarizePod(o: KObject, now: Date): PodSummary {
  const spec = o.spec;
  const phase = text(o, 'status', 'phase');
  let reason = text(o, 'status', 'reason') || phase;
  for (const c of objects(getPath(o, ['status', 'conditions']))) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  const initContainers = objects(getPath(spec, ['initContainers']));
  const total = containersOf(spec).length + initContainers.filter((c) => c.restartPolicy === 'Always').length;
  let ready = 0;
  let restarts = 0;
  let restartableRestarts = 0;
  let lastRestart = '';
  let lastRestartableRestart = '';
  let initializing = false;
  const initStatuses = objects(getPath(o, ['status', 'initContainerStatuses']));
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i] ?? {};
    const state = stateOf(cs, 'state');
    const finished = stateOf(cs, 'lastState').terminated?.finishedAt;
    restarts += asNumber(cs.restartCount) ?? 0;
    lastRestart = later(lastRestart, finished);
    const restartable = isRestartable(spec, cs.name);
    if (restartable) {
      restartableRestarts += asNumber(cs.restartCount) ?? 0;
      lastRestartableRestart = later(lastRestartableRestart, finished);
    }
    if (state.terminated && (state.terminated.exitCode ?? 0) === 0) continue;
    if (restartable && cs.started === true) {
      if (cs.ready === true) ready++;
      continue;
    }
    if (state.terminated) {
      const t = state.terminated;
      reason = t.reason
        ? `Init:${t.reason}`
        : t.signal
          ? `Init:Signal:${t.signal}`
          : `Init:ExitCode:${t.exitCode ?? 0}`;
    } else if (state.waiting?.reason && state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${state.waiting.reason}`;
    } else {
      reason = `Init:${i}/${initContainers.length}`;
    }
    initializing = true;
    break;
  }
  if (!initializing || hasCondition(o, 'Initialized')) {
    restarts = restartableRestarts;
    lastRestart = lastRestartableRestart;
    let hasRunning = false;
    const statuses = objects(getPath(o, ['status', 'containerStatuses']));
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i] ?? {};
      const state = stateOf(cs, 'state');
      restarts += asNumber(cs.restartCount) ?? 0;
      lastRestart = later(lastRestart, stateOf(cs, 'lastState').terminated?.finishedAt);
      if (state.waiting?.reason) reason = state.waiting.reason;
      else if (state.terminated?.reason) reason = state.terminated.reason;
      else if (state.terminated) {
        reason = state.terminated.signal
          ? `Signal:${state.terminated.signal}`
          : `ExitCode:${state.terminated.exitCode ?? 0}`;
      } else if (cs.ready === true && state.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = hasCondition(o, 'Ready') ? 'Running' : 'NotReady';
  }
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  if (o.metadata.deletionTimestamp && text(o, 'status', 'reason') === 'NodeLost') reason = 'Unknown';
  else if (o.metadata.deletionTimestamp && !terminal) reason = 'Terminating';
  const restartText =
    restarts !== 0 && lastRestart ? `${restarts} (${ageOf(lastRestart, now)} ago)` : String(restarts);
  return { ready: `${ready}/${total}`, reason, restarts: restartText };
}

function podIP(o: KObject): string {
  const ips = objects(getPath(o, ['status', 'podIPs']));
  return asString(ips[0]?.ip) ?? text(o, 'status', 'podIP');
}

const orNone = (value: string): string => value || '<none>';

const podColumns: readonly TableColumn[] = [
  nameColumn,
  column(
    'Ready',
    'string',
    'The aggregate readiness state of this pod for accepting traffic.',
    (o, now) => summarizePod(o, now).ready,
  ),
  column(
    'Status',
    'string',
    'The aggregate status of the containers in this pod.',
    (o, now) => summarizePod(o, now).reason,
  ),
  column(
    'Restarts',
    'string',
    'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    (o, now) => summarizePod(o, now).restarts,
  ),
  ageColumn,
  column(
    'IP',
    'string',
    'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.',
    (o) => orNone(podIP(o)),
    1,
  ),
  column(
    'Node',
    'string',
    'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName.',
    (o) => orNone(text(o, 'spec', 'nodeName')),
    1,
  ),
  column(
    'Nominated Node',
    'string',
    'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods.',
    (o) => orNone(text(o, 'status', 'nominatedNodeName')),
    1,
  ),
  column(
    'Readiness Gates',
    'string',
    'If specified, all readiness gates will be evaluated for pod readiness.',
    (o) => {
      const gates = objects(getPath(o, ['spec', 'readinessGates']));
      if (gates.length === 0) return '<none>';
      const conditions = objects(getPath(o, ['status', 'conditions']));
      const met = gates.filter((g) =>
        conditions.some((c) => c.type === g.conditionType && c.status === 'True'),
      ).length;
      return `${met}/${gates.length}`;
    },
    1,
  ),
];

const POD_FIELD_LABELS: readonly string[] = [
  'metadata.name',
  'metadata.namespace',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.schedulerName',
  'spec.serviceAccountName',
  'spec.hostNetwork',
  'status.phase',
  'status.podIP',
  'status.podIPs',
  'status.nominatedNodeName',
  'spec.host',
];

function podFields(o: KObject): Record<string, string> {
  return {
    'metadata.name': o.metadata.name ?? '',
    'metadata.namespace': o.metadata.namespace ?? '',
    'spec.nodeName': text(o, 'spec', 'nodeName'),
    'spec.host': text(o, 'spec', 'nodeName'),
    'spec.restartPolicy': text(o, 'spec', 'restartPolicy'),
    'spec.schedulerName': text(o, 'spec', 'schedulerName'),
    'spec.serviceAccountName': text(o, 'spec', 'serviceAccountName'),
    'spec.hostNetwork': String(getPath(o, ['spec', 'hostNetwork']) === true),
    'status.phase': text(o, 'status', 'phase'),
    'status.podIP': podIP(o),
    'status.nominatedNodeName': text(o, 'status', 'nominatedNodeName'),
  };
}

export const podResource = defineResource({
  group: '',
  version: 'v1',
  plural: 'pods',
  kind: 'Pod',
  namespaced: true,
  shortNames: ['po'],
  categories: ['all'],
  subresources: ['status'],
  tracksGeneration: false,
  columns: podColumns,
  fieldLabels: podFields,
  supportedFieldLabels: POD_FIELD_LABELS,
  schemas: { kindSchema: POD_SCHEMA, components: { ...metaSchemas, ...podKindSchemas } },
  strategy: {
    prepareForCreate(o) {
      defaultPod(o);
      o.status = { phase: 'Pending', qosClass: qosClass(o.spec) };
    },
    prepareForUpdate(o) {
      if (isObject(o.spec)) defaultPodSpec(o.spec);
    },
    allocate(o, context, previous) {
      if (previous) return;
      const spec = isObject(o.spec) ? o.spec : {};
      if (spec.automountServiceAccountToken === false) return;
      const containers = containersOf(spec);
      const mounted = containers.some((c) =>
        objects(c.volumeMounts).some((m) => m.mountPath === TOKEN_MOUNT_PATH),
      );
      if (mounted) return;
      const name = `kube-api-access-${context.random.suffix(5)}`;
      spec.volumes = [...objects(spec.volumes), tokenVolume(name)];
      for (const c of containers) {
        c.volumeMounts = [...objects(c.volumeMounts), { mountPath: TOKEN_MOUNT_PATH, name, readOnly: true }];
      }
    },
    validate: validatePod,
    validateUpdate: validatePodUpdate,
  },
});

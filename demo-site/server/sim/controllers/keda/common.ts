/**
 * Shared pieces of the simulated KEDA operator: the version switch, the event recorder per
 * version (events.k8s.io/v1 from `keda-operator` in 2.20, core/v1 `source.component` in 2.19),
 * trigger parameter resolution (TriggerAuthentication secrets and config maps, the target's env)
 * and the stored ScaledObject as the core scaling functions read it.
 */
import type { Condition } from '../../../../../components/src/core/kube/types.ts';
import type { HealthMap } from '../../../../../components/src/core/scaling/fallback.ts';
import type {
  KedaEvent,
  KedaVersion,
  LoopScaledObject,
  LoopScaledObjectSpec,
} from '../../../../../components/src/core/scaling/keda.ts';
import type {
  ResolvedTriggerParams,
  TriggerLike,
} from '../../../../../components/src/core/keda/trigger-params.ts';
import { normalizeString } from '../../../../../components/src/core/keda/metric-names.ts';
import { decodeBase64Go } from '../../core/base64.ts';
import { asNumber, asString, getPath, isObject, type JsonObject } from '../../core/json.ts';
import { configMapResource, podResource, secretResource } from '../../registry/builtin.ts';
import type { ResourceRegistry } from '../../registry/registry.ts';
import { storageKey, type KObject, type ResourceDef } from '../../registry/types.ts';
import type { ObjectStore } from '../../store/store.ts';
import { CoreEventRecorder, EventsV1Recorder, type EventObjectRef, type RecorderContext } from '../events.ts';

export const KEDA_FINALIZER = 'finalizer.keda.sh';
export const KEDA_GROUP = 'keda.sh';
export const KEDA_NAMESPACE = 'keda';
export const DEFAULT_KEDA_VERSION: KedaVersion = '2.20.2';
export const KEDA_VERSIONS: readonly KedaVersion[] = ['2.19', '2.20.1', '2.20.2'];

/** The `app.kubernetes.io/version` KEDA stamps on what it creates. */
export function versionLabel(version: KedaVersion): string {
  return version === '2.19' ? '2.19.0' : version;
}

/** A KEDA event emitter for the operator version. */
export interface KedaRecorder {
  emit(ref: EventObjectRef, event: KedaEvent): void;
}

/**
 * 2.20: `mgr.GetEventRecorder("keda-operator")` (events.k8s.io/v1, reportingInstance
 * `keda-operator-<hostname>`); 2.19: `GetEventRecorderFor` (core/v1, `source.component`).
 */
export function kedaRecorder(
  ctx: RecorderContext & { store: ObjectStore },
  version: KedaVersion,
): KedaRecorder {
  if (version === '2.19') {
    const core = new CoreEventRecorder(ctx, 'keda-operator');
    return { emit: (ref, e) => core.event(ref, e.type, e.reason, e.message) };
  }
  const v1 = new EventsV1Recorder(ctx, 'keda-operator', () => `keda-operator-${operatorHostname(ctx.store)}`);
  return { emit: (ref, e) => v1.event(ref, e.type, e.reason, e.message, e.action ?? e.reason) };
}

/** The operator pod's name (its hostname), or a plausible one when KEDA's pods are not simulated. */
export function operatorHostname(store: ObjectStore): string {
  const pods = store.scan(storageKey(podResource), KEDA_NAMESPACE);
  const running = pods.find(
    (p) => p.metadata.labels?.app === 'keda-operator' && getPath(p, ['status', 'phase']) === 'Running',
  );
  return running?.metadata.name ?? 'keda-operator-5d8c9b7f4d-q7wzx';
}

/** An event whose action follows KEDA's quirks: EventEmitter passes the message, the handler the reason. */
export function emitterEvent(
  version: KedaVersion,
  type: KedaEvent['type'],
  reason: string,
  message: string,
): KedaEvent {
  return version === '2.19' ? { type, reason, message } : { type, reason, message, action: message };
}

export function handlerEvent(
  version: KedaVersion,
  type: KedaEvent['type'],
  reason: string,
  message: string,
  action = reason,
): KedaEvent {
  return version === '2.19' ? { type, reason, message } : { type, reason, message, action };
}

export interface TriggerJson extends TriggerLike {
  metadata: Record<string, string>;
  authenticationRef?: { name: string; kind?: string };
  useCachedMetrics?: boolean;
}

/** The triggers of a ScaledObject or ScaledJob spec. */
export function triggersOf(object: KObject): TriggerJson[] {
  const list = getPath(object, ['spec', 'triggers']);
  return (Array.isArray(list) ? list.filter(isObject) : []).map((t) => {
    const trigger: TriggerJson = {
      type: asString(t.type) ?? '',
      metadata: isObject(t.metadata)
        ? (Object.fromEntries(Object.entries(t.metadata).map(([k, v]) => [k, String(v)])) as Record<
            string,
            string
          >)
        : {},
    };
    if (typeof t.name === 'string') trigger.name = t.name;
    if (typeof t.metricType === 'string') trigger.metricType = t.metricType;
    if (isObject(t.authenticationRef) && typeof t.authenticationRef.name === 'string') {
      trigger.authenticationRef = {
        name: t.authenticationRef.name,
        ...(typeof t.authenticationRef.kind === 'string' ? { kind: t.authenticationRef.kind } : {}),
      };
    }
    if (t.useCachedMetrics === true) trigger.useCachedMetrics = true;
    return trigger;
  });
}

function secretValue(store: ObjectStore, namespace: string, name: string, key: string): string | undefined {
  const secret = store.peek(storageKey(secretResource), namespace, name);
  const data = getPath(secret, ['data', key]);
  if (typeof data !== 'string') return undefined;
  const decoded = decodeBase64Go(data);
  return decoded.ok ? decoded.bytes.toString('utf8') : undefined;
}

/**
 * The TriggerAuthentication (or ClusterTriggerAuthentication, whose secrets live in KEDA's
 * namespace) parameters of a trigger, and the env of the scale target's first container.
 */
export function resolveTriggerParams(
  store: ObjectStore,
  registry: ResourceRegistry,
  namespace: string,
  trigger: TriggerJson,
  env: Readonly<Record<string, string>>,
): ResolvedTriggerParams {
  const authParams: Record<string, string> = {};
  const ref = trigger.authenticationRef;
  if (ref) {
    const cluster = ref.kind === 'ClusterTriggerAuthentication';
    const def = registry.find(
      KEDA_GROUP,
      cluster ? 'clustertriggerauthentications' : 'triggerauthentications',
    );
    const auth = def ? store.peek(storageKey(def), cluster ? undefined : namespace, ref.name) : undefined;
    const secretNamespace = cluster ? KEDA_NAMESPACE : namespace;
    const list = (path: string): JsonObject[] => {
      const v = getPath(auth, ['spec', path]);
      return Array.isArray(v) ? v.filter(isObject) : [];
    };
    for (const s of list('secretTargetRef')) {
      const value = secretValue(store, secretNamespace, String(s.name ?? ''), String(s.key ?? ''));
      if (value !== undefined) authParams[String(s.parameter ?? '')] = value;
    }
    for (const c of list('configMapTargetRef')) {
      const cm = store.peek(storageKey(configMapResource), secretNamespace, String(c.name ?? ''));
      const value = getPath(cm, ['data', String(c.key ?? '')]);
      if (typeof value === 'string') authParams[String(c.parameter ?? '')] = value;
    }
    for (const e of list('env')) {
      const value = env[String(e.name ?? '')];
      if (value !== undefined) authParams[String(e.parameter ?? '')] = value;
    }
  }
  return { authParams, env };
}

/** Plain `name: value` env of a workload's pod template containers (first wins). */
export function templateEnv(workload: KObject | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  const containers = getPath(workload, ['spec', 'template', 'spec', 'containers']);
  for (const c of Array.isArray(containers) ? containers.filter(isObject) : []) {
    const list = Array.isArray(c.env) ? c.env.filter(isObject) : [];
    for (const e of list) {
      if (typeof e.name === 'string' && typeof e.value === 'string' && !(e.name in env))
        env[e.name] = e.value;
    }
  }
  return env;
}

/** What external scalers (`external`, `external-push`) say their metric is, in the simulation. */
export function externalScalerSpecs(
  triggers: readonly TriggerJson[],
): Record<number, { metricName: string; targetSize: number }[]> {
  const out: Record<number, { metricName: string; targetSize: number }[]> = {};
  triggers.forEach((t, i) => {
    if (!t.type.startsWith('external')) return;
    const size = Number(t.metadata.targetSize ?? t.metadata.targetValue ?? '1');
    out[i] = [
      {
        metricName: normalizeString(t.metadata.metricName ?? t.type),
        targetSize: Number.isFinite(size) && size > 0 ? size : 1,
      },
    ];
  });
  return out;
}

function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** A stored ScaledObject as the core functions read it. */
export function loopScaledObject(so: KObject): LoopScaledObject {
  const spec = (isObject(so.spec) ? so.spec : {}) as unknown as LoopScaledObjectSpec;
  const status = isObject(so.status) ? so.status : {};
  const loop: LoopScaledObject = {
    name: so.metadata.name ?? '',
    namespace: so.metadata.namespace ?? '',
    creationTimestamp: parseTime(so.metadata.creationTimestamp) ?? 0,
    spec: { ...spec, triggers: triggersOf(so) },
    status: {},
  };
  if (so.metadata.annotations) loop.annotations = so.metadata.annotations;
  if (Array.isArray(status.conditions))
    loop.status.conditions = status.conditions.filter(isObject) as unknown as Condition[];
  const lastActive = parseTime(status.lastActiveTime);
  if (lastActive !== undefined) loop.status.lastActiveTime = lastActive;
  if (isObject(status.health)) loop.status.health = status.health as unknown as HealthMap;
  if (typeof status.scaleTargetKind === 'string') loop.status.scaleTargetKind = status.scaleTargetKind;
  if (Array.isArray(status.externalMetricNames))
    loop.status.externalMetricNames = status.externalMetricNames.map(String);
  const paused = asNumber(status.pausedReplicaCount);
  if (paused !== undefined) loop.status.pausedReplicaCount = paused;
  return loop;
}

/** Resolves a keda.sh kind (undefined when its CRD is not installed). */
export function kedaDef(registry: ResourceRegistry, plural: string): ResourceDef | undefined {
  return registry.find(KEDA_GROUP, plural);
}

/** Unique values, in order, joined by commas (status.triggersTypes, authenticationsTypes). */
export function uniqueJoined(values: readonly string[]): string {
  return [...new Set(values.filter((v) => v))].join(',');
}

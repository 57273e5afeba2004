/**
 * The scheduler and kubelets of the simulated nodes, for pods that a controller owns (bare pods
 * are left as they are): a new pod is bound to a node and shows ContainerCreating, starts after
 * a short virtual delay (Running, Ready), and a Job's pod runs to completion (Succeeded, or
 * Failed with the template's `sim.keda.sh/failure-rate`). Delays come from the pod's
 * `sim.keda.sh/startup-seconds` / `sim.keda.sh/run-seconds` annotations or the seeded randomness.
 */
import { createHash } from 'node:crypto';
import { asNumber, getPath, isObject, type JsonObject } from '../../core/json.ts';
import { rfc3339 } from '../../core/time.ts';
import type { Cancel } from '../../core/virtual-clock.ts';
import { podResource } from '../../registry/builtin.ts';
import { storageKey, type KObject } from '../../registry/types.ts';
import { WorkQueue, type Controller, type ControllerContext } from '../controller.ts';
import { controllerOf, isRace, podPhase, SIM_ANNOTATIONS, writeStatus } from './common.ts';

const PODS = storageKey(podResource);
export const SIM_NODES: readonly string[] = ['sim-worker-1', 'sim-worker-2', 'sim-worker-3'];

interface Key {
  namespace: string;
  name: string;
}

function hex(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

function annotationNumber(pod: KObject, key: string): number | undefined {
  const text = pod.metadata.annotations?.[key];
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function containersOf(pod: KObject): JsonObject[] {
  const list = getPath(pod, ['spec', 'containers']);
  return Array.isArray(list) ? list.filter(isObject) : [];
}

function isJobPod(pod: KObject): boolean {
  return controllerOf(pod)?.kind === 'Job';
}

export class KubeletController implements Controller {
  readonly name = 'kubelet';
  private queue: WorkQueue<Key> | undefined;
  private unsubscribe: (() => void) | undefined;
  /** Pending start / completion timers by pod uid. */
  private readonly timers = new Map<string, Cancel>();

  start(ctx: ControllerContext): void {
    const queue = new WorkQueue<Key>(
      (key) => this.reconcile(ctx, key),
      (error, key) => {
        if (!isRace(error)) ctx.log(`${this.name}: ${key.namespace}/${key.name}: ${String(error)}`);
        else if ((error as { code?: number }).code === 409) queue.add(`${key.namespace}/${key.name}`, key);
      },
    );
    this.queue = queue;
    this.unsubscribe = ctx.store.subscribe((event) => {
      if (event.resource !== PODS) return;
      const uid = event.object.metadata.uid ?? '';
      if (event.type === 'DELETED') {
        this.timers.get(uid)?.();
        this.timers.delete(uid);
        return;
      }
      if (!controllerOf(event.object) || this.timers.has(uid)) return;
      const { namespace = '', name = '' } = event.object.metadata;
      queue.add(`${namespace}/${name}`, { namespace, name });
    });
    for (const pod of ctx.store.list(PODS)) {
      if (!controllerOf(pod)) continue;
      const { namespace = '', name = '' } = pod.metadata;
      queue.add(`${namespace}/${name}`, { namespace, name });
    }
  }

  stop(): void {
    this.unsubscribe?.();
    this.queue?.stop();
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }

  private reconcile(ctx: ControllerContext, key: Key): void {
    const pod = ctx.store.peek(PODS, key.namespace, key.name);
    if (!pod || pod.metadata.deletionTimestamp || !controllerOf(pod)) return;
    const uid = pod.metadata.uid ?? '';
    if (this.timers.has(uid)) return;
    const phase = podPhase(pod);
    const nowMs = ctx.clock.now().getTime();
    if (phase === 'Pending') {
      const bound = typeof getPath(pod, ['spec', 'nodeName']) === 'string' ? pod : this.bind(ctx, pod, nowMs);
      const startup = annotationNumber(pod, SIM_ANNOTATIONS.startupSeconds) ?? 2 + ctx.random.next() * 3;
      const startTime = Date.parse(String(getPath(bound, ['status', 'startTime']) ?? '')) || nowMs;
      const delay = Math.max(0, startTime + startup * 1000 - nowMs);
      this.timers.set(
        uid,
        ctx.scheduler.after(delay, () => {
          this.timers.delete(uid);
          this.run(ctx, key, uid);
        }),
      );
    } else if (phase === 'Running' && isJobPod(pod)) {
      const runFor = annotationNumber(pod, SIM_ANNOTATIONS.runSeconds) ?? 30 + ctx.random.next() * 60;
      const started = Date.parse(String(getPath(pod, ['status', 'startTime']) ?? '')) || nowMs;
      const delay = Math.max(0, started + runFor * 1000 - nowMs);
      this.timers.set(
        uid,
        ctx.scheduler.after(delay, () => {
          this.timers.delete(uid);
          this.finish(ctx, key, uid);
        }),
      );
    }
  }

  /** Scheduling: the node, then a ContainerCreating status. */
  private bind(ctx: ControllerContext, pod: KObject, nowMs: number): KObject {
    const name = pod.metadata.name ?? '';
    const nodeIndex = parseInt(hex(`${pod.metadata.namespace ?? ''}/${name}`, 4), 16) % SIM_NODES.length;
    const node = SIM_NODES[nodeIndex] as string;
    const bound = ctx.service.update(podResource, pod.metadata.namespace, name, {
      ...pod,
      spec: { ...(pod.spec as JsonObject), nodeName: node },
    });
    const now = rfc3339(new Date(nowMs));
    const containers = containersOf(pod);
    const waiting = containers.map((c) => c.name);
    const status: JsonObject = {
      ...(isObject(bound.status) ? bound.status : {}),
      phase: 'Pending',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'False', lastProbeTime: null, lastTransitionTime: now },
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: now },
        {
          type: 'Ready',
          status: 'False',
          lastProbeTime: null,
          lastTransitionTime: now,
          reason: 'ContainersNotReady',
          message: `containers with unready status: [${waiting.join(' ')}]`,
        },
        {
          type: 'ContainersReady',
          status: 'False',
          lastProbeTime: null,
          lastTransitionTime: now,
          reason: 'ContainersNotReady',
          message: `containers with unready status: [${waiting.join(' ')}]`,
        },
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now },
      ],
      hostIP: `172.18.0.${2 + nodeIndex}`,
      hostIPs: [{ ip: `172.18.0.${2 + nodeIndex}` }],
      startTime: now,
      containerStatuses: containers.map((c) => ({
        image: c.image,
        imageID: '',
        lastState: {},
        name: c.name,
        ready: false,
        restartCount: 0,
        started: false,
        state: { waiting: { reason: 'ContainerCreating' } },
      })),
    };
    return writeStatus(ctx.service, podResource, bound, status);
  }

  /** Containers started: Running and Ready. */
  private run(ctx: ControllerContext, key: Key, uid: string): void {
    const pod = ctx.store.peek(PODS, key.namespace, key.name);
    if (!pod || pod.metadata.uid !== uid || pod.metadata.deletionTimestamp || podPhase(pod) !== 'Pending')
      return;
    const now = rfc3339(ctx.clock.now());
    const current = isObject(pod.status) ? pod.status : {};
    const hostIP = String(current.hostIP ?? '172.18.0.2');
    const podIP = `10.244.${hostIP.split('.').pop() ?? '2'}.${2 + ctx.random.int(250)}`;
    const set = (type: string): JsonObject => ({
      type,
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: now,
    });
    const scheduled = (Array.isArray(current.conditions) ? current.conditions.filter(isObject) : []).find(
      (c) => c.type === 'PodScheduled',
    );
    const status: JsonObject = {
      ...current,
      phase: 'Running',
      conditions: [
        set('PodReadyToStartContainers'),
        { ...set('Initialized'), lastTransitionTime: scheduled?.lastTransitionTime ?? now },
        set('Ready'),
        set('ContainersReady'),
        scheduled ?? set('PodScheduled'),
      ],
      podIP,
      podIPs: [{ ip: podIP }],
      containerStatuses: containersOf(pod).map((c) => {
        const image = String(c.image ?? '');
        return {
          containerID: `containerd://${hex(`${uid}/${String(c.name)}`, 64)}`,
          image,
          imageID: `${image.replace(/:[^:/]*$/, '')}@sha256:${hex(image, 64)}`,
          lastState: {},
          name: c.name,
          ready: true,
          restartCount: 0,
          started: true,
          state: { running: { startedAt: now } },
        };
      }),
    };
    const stored = writeStatus(ctx.service, podResource, pod, status);
    if (isJobPod(stored)) this.reconcile(ctx, key);
  }

  /** A Job's pod is done: Succeeded (exit 0) or Failed (exit 1). */
  private finish(ctx: ControllerContext, key: Key, uid: string): void {
    const pod = ctx.store.peek(PODS, key.namespace, key.name);
    if (!pod || pod.metadata.uid !== uid || pod.metadata.deletionTimestamp || podPhase(pod) !== 'Running')
      return;
    const failureRate = asNumber(annotationNumber(pod, SIM_ANNOTATIONS.failureRate)) ?? 0;
    const failed = failureRate > 0 && ctx.random.next() < failureRate;
    const now = rfc3339(ctx.clock.now());
    const current = isObject(pod.status) ? pod.status : {};
    const conditions = (Array.isArray(current.conditions) ? current.conditions.filter(isObject) : []).map(
      (c) =>
        c.type === 'Ready' || c.type === 'ContainersReady' || c.type === 'PodReadyToStartContainers'
          ? {
              type: c.type,
              status: 'False',
              lastProbeTime: null,
              lastTransitionTime: now,
              ...(c.type === 'PodReadyToStartContainers' ? {} : { reason: 'PodCompleted' }),
            }
          : c,
    );
    const statuses = Array.isArray(current.containerStatuses)
      ? current.containerStatuses.filter(isObject)
      : [];
    const status: JsonObject = {
      ...current,
      phase: failed ? 'Failed' : 'Succeeded',
      conditions,
      containerStatuses: statuses.map((cs) => ({
        ...cs,
        ready: false,
        started: false,
        state: {
          terminated: {
            containerID: cs.containerID,
            exitCode: failed ? 1 : 0,
            finishedAt: now,
            reason: failed ? 'Error' : 'Completed',
            startedAt: getPath(cs, ['state', 'running', 'startedAt']) ?? now,
          },
        },
      })),
    };
    writeStatus(ctx.service, podResource, pod, status);
  }
}

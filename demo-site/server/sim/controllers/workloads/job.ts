/**
 * The Job controller: runs `parallelism` pods until `completions` succeed (the kubelet simulation
 * completes them after their run time), then `SuccessCriteriaMet` + `Complete` (CompletionsReached,
 * `Job completed` event); more than `backoffLimit` failed pods → `FailureTarget` + `Failed`
 * (BackoffLimitExceeded). Events from `job-controller` (`Created pod: <pod>`); status startTime,
 * active, ready, succeeded, failed, terminating, uncountedTerminatedPods, completionTime;
 * `ttlSecondsAfterFinished` deletes a finished Job (Background).
 */
import { asNumber, getPath, type JsonObject } from '../../core/json.ts';
import { rfc3339 } from '../../core/time.ts';
import type { Cancel } from '../../core/virtual-clock.ts';
import { jobResource, podResource } from '../../registry/builtin.ts';
import { storageKey, type KObject } from '../../registry/types.ts';
import { WorkQueue, type Controller, type ControllerContext } from '../controller.ts';
import { CoreEventRecorder, objectRef } from '../events.ts';
import {
  conditionsOf,
  controllerRef,
  controllerUid,
  isRace,
  podActive,
  podPhase,
  podReady,
  writeStatus,
} from './common.ts';
import { podFromTemplate } from './replicaset.ts';

const JOBS = storageKey(jobResource);
const PODS = storageKey(podResource);

interface Key {
  namespace: string;
  name: string;
}

/** Whether a Job has finished (Complete or Failed True). */
export function jobFinished(job: KObject): 'Complete' | 'Failed' | undefined {
  for (const c of conditionsOf(job)) {
    if (c.status !== 'True') continue;
    if (c.type === 'Complete') return 'Complete';
    if (c.type === 'Failed') return 'Failed';
  }
  return undefined;
}

export class JobController implements Controller {
  readonly name = 'job';
  private queue: WorkQueue<Key> | undefined;
  private unsubscribe: (() => void) | undefined;
  private recorder: CoreEventRecorder | undefined;
  private readonly ttlTimers = new Map<string, Cancel>();

  start(ctx: ControllerContext): void {
    this.recorder = new CoreEventRecorder(ctx, 'job-controller');
    const queue = new WorkQueue<Key>(
      (key) => this.reconcile(ctx, key),
      (error, key) => {
        if (!isRace(error)) ctx.log(`${this.name}: ${key.namespace}/${key.name}: ${String(error)}`);
        else if ((error as { code?: number }).code === 409) queue.add(`${key.namespace}/${key.name}`, key);
      },
    );
    this.queue = queue;
    this.unsubscribe = ctx.store.subscribe((event) => {
      if (event.resource === JOBS) {
        if (event.type === 'DELETED') {
          const uid = event.object.metadata.uid ?? '';
          this.ttlTimers.get(uid)?.();
          this.ttlTimers.delete(uid);
          return;
        }
        const { namespace = '', name = '' } = event.object.metadata;
        queue.add(`${namespace}/${name}`, { namespace, name });
      } else if (event.resource === PODS) {
        const owner = event.object.metadata.ownerReferences?.find(
          (r) => r.controller === true && r.kind === 'Job',
        );
        if (!owner) return;
        const namespace = event.object.metadata.namespace ?? '';
        queue.add(`${namespace}/${owner.name}`, { namespace, name: owner.name });
      }
    });
    for (const job of ctx.store.list(JOBS)) {
      const { namespace = '', name = '' } = job.metadata;
      queue.add(`${namespace}/${name}`, { namespace, name });
    }
  }

  stop(): void {
    this.unsubscribe?.();
    this.queue?.stop();
    for (const cancel of this.ttlTimers.values()) cancel();
    this.ttlTimers.clear();
  }

  private reconcile(ctx: ControllerContext, key: Key): void {
    const job = ctx.store.peek(JOBS, key.namespace, key.name);
    if (!job || job.metadata.deletionTimestamp) return;
    const uid = job.metadata.uid ?? '';
    const nowMs = ctx.clock.now().getTime();
    const now = rfc3339(new Date(nowMs));
    const ref = objectRef(jobResource, job);
    const finished = jobFinished(job);
    const pods = ctx.store.scan(PODS, key.namespace).filter((p) => controllerUid(p) === uid);
    const active = pods.filter(podActive);
    const succeeded = pods.filter((p) => podPhase(p) === 'Succeeded').length;
    const failed = pods.filter((p) => podPhase(p) === 'Failed').length;
    const completions = asNumber(getPath(job, ['spec', 'completions']));
    const parallelism = asNumber(getPath(job, ['spec', 'parallelism'])) ?? 1;
    const backoffLimit = asNumber(getPath(job, ['spec', 'backoffLimit'])) ?? 6;
    const suspended = getPath(job, ['spec', 'suspend']) === true;
    const previous = (job.status ?? {}) as JsonObject;
    let conditions = conditionsOf(job);
    let completionTime = previous.completionTime;
    let outcome = finished;

    if (!finished && !suspended) {
      const done =
        completions === undefined ? succeeded > 0 && active.length === 0 : succeeded >= completions;
      const condition = (type: string, reason: string, message: string): JsonObject => ({
        type,
        status: 'True',
        lastProbeTime: now,
        lastTransitionTime: now,
        reason,
        message,
      });
      if (failed > backoffLimit) {
        for (const pod of active) {
          ctx.service.delete(podResource, key.namespace, pod.metadata.name ?? '', {
            preconditions: { uid: pod.metadata.uid },
          });
        }
        const message = 'Job has reached the specified backoff limit';
        conditions = [
          ...conditions,
          condition('FailureTarget', 'BackoffLimitExceeded', message),
          condition('Failed', 'BackoffLimitExceeded', message),
        ];
        outcome = 'Failed';
        this.recorder?.event(ref, 'Warning', 'BackoffLimitExceeded', message);
      } else if (done) {
        const message = 'Reached expected number of succeeded pods';
        conditions = [
          ...conditions,
          condition('SuccessCriteriaMet', 'CompletionsReached', message),
          condition('Complete', 'CompletionsReached', message),
        ];
        completionTime = now;
        outcome = 'Complete';
        this.recorder?.event(ref, 'Normal', 'Completed', 'Job completed');
      } else {
        const remaining =
          completions === undefined ? parallelism : Math.min(parallelism, completions - succeeded);
        const owner = controllerRef(jobResource, job) as unknown as JsonObject;
        for (let i = active.length; i < remaining; i++) {
          const pod = ctx.service.create(
            podResource,
            key.namespace,
            podFromTemplate(getPath(job, ['spec', 'template']), owner, `${key.name}-`, key.namespace),
          );
          this.recorder?.event(ref, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name ?? ''}`);
        }
      }
    }
    const livePods = ctx.store
      .scan(PODS, key.namespace)
      .filter((p) => controllerUid(p) === uid && podActive(p));
    const status: JsonObject = {};
    if (completionTime) status.completionTime = completionTime;
    if (conditions.length > 0) status.conditions = conditions;
    if (!outcome && livePods.length > 0) status.active = livePods.length;
    if (failed > 0) status.failed = failed;
    status.ready = outcome ? 0 : livePods.filter(podReady).length;
    status.startTime = previous.startTime ?? now;
    if (succeeded > 0) status.succeeded = succeeded;
    status.terminating = 0;
    status.uncountedTerminatedPods = {};
    writeStatus(ctx.service, jobResource, job, status);
    if (outcome) this.scheduleTtl(ctx, job, key, completionTime);
  }

  private scheduleTtl(ctx: ControllerContext, job: KObject, key: Key, finishedAt: unknown): void {
    const ttl = asNumber(getPath(job, ['spec', 'ttlSecondsAfterFinished']));
    const uid = job.metadata.uid ?? '';
    if (ttl === undefined || this.ttlTimers.has(uid)) return;
    const at = (typeof finishedAt === 'string' ? Date.parse(finishedAt) : NaN) || ctx.clock.now().getTime();
    this.ttlTimers.set(
      uid,
      ctx.scheduler.after(Math.max(0, at + ttl * 1000 - ctx.clock.now().getTime()), () => {
        this.ttlTimers.delete(uid);
        try {
          ctx.service.delete(jobResource, key.namespace, key.name, {
            propagationPolicy: 'Background',
            preconditions: { uid },
          });
        } catch (error) {
          if (!isRace(error)) ctx.log(`${this.name}: ttl ${key.namespace}/${key.name}: ${String(error)}`);
        }
      }),
    );
  }
}

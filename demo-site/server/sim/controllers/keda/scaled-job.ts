/**
 * KEDA's ScaledJob controller and job scale loop (controllers/keda/scaledjob_controller.go,
 * pkg/scaling/executor/scale_jobs.go): every pollingInterval, `scaledJobPoll` decides how many
 * Jobs to create under the scaling strategy; this adapter counts running and pending Jobs,
 * creates the Jobs (labels, annotations, owner reference per REFERENCE §2.6), keeps the
 * successful/failed history limits, cleans up after a spec change (rollout immediate/gradual),
 * and writes conditions and events (KEDAJobsCreated, ScaledJobReady, …).
 */
import {
  excludedLabels,
  KEDA_ANNOTATIONS,
  SCALED_JOB_NAME_LABEL,
  scaledJobPaused,
} from '../../../../../components/src/core/keda/annotations.ts';
import {
  conditionsInitialized,
  initializedConditions,
  setKedaCondition,
} from '../../../../../components/src/core/keda/condition-list.ts';
import {
  failedJobsHistoryLimit,
  pollingInterval,
  rolloutStrategy,
  successfulJobsHistoryLimit,
  type ScaledJobDefaultsInput,
} from '../../../../../components/src/core/keda/defaults.ts';
import type { Condition } from '../../../../../components/src/core/kube/types.ts';
import type { KedaEvent, KedaVersion } from '../../../../../components/src/core/scaling/keda.ts';
import {
  countPendingJobs,
  countRunningJobs,
  scaledJobPoll,
  type JobLike,
  type PodLike,
  type ScaledJobScalingSpec,
} from '../../../../../components/src/core/scaling/scaled-job.ts';
import { rfc3339 as rfc3339Ms } from '../../../../../components/src/core/scaling/cooldown.ts';
import { isApiError } from '../../core/errors.ts';
import { clone, deepEqual, getPath, isObject, type JsonObject } from '../../core/json.ts';
import type { Cancel } from '../../core/virtual-clock.ts';
import { jobResource, podResource } from '../../registry/builtin.ts';
import { storageKey, type KObject, type ResourceDef } from '../../registry/types.ts';
import type { SourceRegistry } from '../../sources/registry.ts';
import { WorkQueue, type Controller, type ControllerContext } from '../controller.ts';
import { objectRef } from '../events.ts';
import { conditionsOf, controllerRef, isRace } from '../workloads/common.ts';
import { jobFinished } from '../workloads/job.ts';
import {
  emitterEvent,
  handlerEvent,
  KEDA_FINALIZER,
  kedaDef,
  kedaRecorder,
  triggersOf,
  uniqueJoined,
  versionLabel,
  type KedaRecorder,
} from './common.ts';
import { buildScalers, readTriggers } from './triggers.ts';

const JOBS = storageKey(jobResource);
const PODS = storageKey(podResource);
const READY_MESSAGE = 'ScaledJob is defined correctly and is ready to scaling';

interface Key {
  namespace: string;
  name: string;
}

function generationOf(object: KObject): number {
  return object.metadata.generation ?? 1;
}

export class ScaledJobController implements Controller {
  readonly name = 'keda-scaledjob';
  private queue: WorkQueue<Key> | undefined;
  private unsubscribe: (() => void) | undefined;
  private recorder: KedaRecorder | undefined;
  private readonly loops = new Map<string, { uid: string; generation: number; cancel: Cancel }>();

  constructor(
    private readonly version: KedaVersion,
    private readonly sources: SourceRegistry,
  ) {}

  private def(ctx: ControllerContext): ResourceDef | undefined {
    return kedaDef(ctx.registry, 'scaledjobs');
  }

  start(ctx: ControllerContext): void {
    this.recorder = kedaRecorder(ctx, this.version);
    const queue = new WorkQueue<Key>(
      (key) => this.reconcile(ctx, key),
      (error, key) => {
        if (isApiError(error) && error.code === 409) queue.add(`${key.namespace}/${key.name}`, key);
        else if (!isRace(error)) ctx.log(`${this.name}: ${key.namespace}/${key.name}: ${String(error)}`);
      },
    );
    this.queue = queue;
    this.unsubscribe = ctx.store.subscribe((event) => {
      const def = this.def(ctx);
      if (!def || event.resource !== storageKey(def)) return;
      const prev = event.previous;
      const relevant =
        event.type !== 'MODIFIED' ||
        !prev ||
        generationOf(prev) !== generationOf(event.object) ||
        !deepEqual(prev.metadata.annotations ?? {}, event.object.metadata.annotations ?? {}) ||
        (!!event.object.metadata.deletionTimestamp && !prev.metadata.deletionTimestamp);
      if (!relevant) return;
      const { namespace = '', name = '' } = event.object.metadata;
      queue.add(`${namespace}/${name}`, { namespace, name });
    });
    const def = this.def(ctx);
    for (const sj of def ? ctx.store.list(storageKey(def)) : []) {
      const { namespace = '', name = '' } = sj.metadata;
      queue.add(`${namespace}/${name}`, { namespace, name });
    }
  }

  stop(): void {
    this.unsubscribe?.();
    this.queue?.stop();
    for (const loop of this.loops.values()) loop.cancel();
    this.loops.clear();
  }

  private emit(def: ResourceDef, sj: KObject, events: readonly KedaEvent[]): void {
    const ref = objectRef(def, sj);
    for (const e of events) this.recorder?.emit(ref, e);
  }

  private stopLoop(id: string): boolean {
    const loop = this.loops.get(id);
    loop?.cancel();
    this.loops.delete(id);
    return !!loop;
  }

  private reconcile(ctx: ControllerContext, key: Key): void {
    const def = this.def(ctx);
    if (!def) return;
    const id = `${key.namespace}/${key.name}`;
    let sj = ctx.store.peek(storageKey(def), key.namespace, key.name);
    if (!sj) {
      this.stopLoop(id);
      return;
    }
    if (sj.metadata.deletionTimestamp) {
      const stopped = this.stopLoop(id);
      if (!(sj.metadata.finalizers ?? []).includes(KEDA_FINALIZER)) return;
      const next = clone(sj);
      next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== KEDA_FINALIZER);
      ctx.service.update(def, key.namespace, key.name, next);
      const events: KedaEvent[] = [];
      if (stopped)
        events.push(handlerEvent(this.version, 'Normal', 'KEDAScalersStopped', 'Stopped scalers watch'));
      events.push(emitterEvent(this.version, 'Warning', 'ScaledJobDeleted', 'ScaledJob was deleted'));
      this.emit(def, sj, events);
      return;
    }
    if (!(sj.metadata.finalizers ?? []).includes(KEDA_FINALIZER)) {
      const next = clone(sj);
      next.metadata.finalizers = [...(next.metadata.finalizers ?? []), KEDA_FINALIZER];
      sj = ctx.service.update(def, key.namespace, key.name, next);
    }
    const status0: JsonObject = { ...(isObject(sj.status) ? sj.status : {}) };
    let conditions = conditionsOf(sj) as unknown as Condition[];
    if (!conditionsInitialized(conditions)) conditions = initializedConditions();
    const events: KedaEvent[] = [];
    const statusFields: JsonObject = {};
    const wasReady = conditions.find((c) => c.type === 'Ready')?.status === 'True';
    const pausedBefore = conditions.find((c) => c.type === 'Paused')?.status === 'True';
    let error: string | undefined;
    let startLoop = false;
    if (scaledJobPaused(sj.metadata.annotations)) {
      if (this.stopLoop(id))
        events.push(handlerEvent(this.version, 'Normal', 'KEDAScalersStopped', 'Stopped scalers watch'));
      if (!pausedBefore)
        events.push(emitterEvent(this.version, 'Normal', 'ScaledJobPaused', 'ScaledJob is paused'));
      conditions = setKedaCondition(conditions, {
        type: 'Paused',
        status: 'True',
        reason: 'ScaledJobPaused',
        message: 'ScaledJob is paused',
      });
      statusFields.Paused = 'true';
    } else {
      if (pausedBefore) {
        conditions = setKedaCondition(conditions, {
          type: 'Paused',
          status: 'False',
          reason: 'ScaledJobUnpaused',
          message: 'ScaledJob is unpaused',
        });
        events.push(emitterEvent(this.version, 'Normal', 'ScaledJobUnpaused', 'ScaledJob is unpaused'));
      }
      if (!isObject(getPath(sj, ['spec', 'jobTargetRef']))) {
        error = 'ScaledJob.spec.jobTargetRef not found';
      } else {
        events.push(...this.rolloutCleanup(ctx, sj));
        const scalers = buildScalers(ctx.store, ctx.registry, sj, {});
        const triggers = triggersOf(sj);
        const names = triggers.map((t) => t.name).filter((n): n is string => !!n);
        const duplicate = names.find((n, i) => names.indexOf(n) !== i);
        if (!scalers.specs.ok) {
          const failed = scalers.specs.triggerIndex;
          if (failed !== undefined)
            events.push(handlerEvent(this.version, 'Warning', 'KEDAScalerFailed', scalers.specs.error));
          error = 'Failed to ensure ScaledJob is correctly created';
        } else if (duplicate !== undefined) {
          error = `ScaledJob doesn't have correct triggers specification`;
        } else {
          statusFields.externalMetricNames = scalers.specs.externalMetricNames;
          const loop = this.loops.get(id);
          if (!loop || loop.generation !== generationOf(sj)) {
            for (const t of triggers)
              events.push(
                handlerEvent(this.version, 'Normal', 'KEDAScalersStarted', `Scaler ${t.type} is built`),
              );
            events.push(
              handlerEvent(
                this.version,
                'Normal',
                'KEDAScalersStarted',
                'Started scalers watch',
                'ScalersWatchStarted',
              ),
            );
            startLoop = true;
          }
        }
        statusFields.triggersTypes = uniqueJoined(triggers.map((t) => t.type));
        const auths = uniqueJoined(triggers.map((t) => t.authenticationRef?.name ?? ''));
        if (auths) statusFields.authenticationsTypes = auths;
      }
      if (error !== undefined) {
        conditions = setKedaCondition(conditions, {
          type: 'Ready',
          status: 'False',
          reason: 'ScaledJobCheckFailed',
          message: error,
        });
        conditions = setKedaCondition(conditions, {
          type: 'Active',
          status: 'Unknown',
          reason: 'UnknownState',
          message: 'ScaledJob check failed',
        });
        events.push(emitterEvent(this.version, 'Warning', 'ScaledJobCheckFailed', error));
      } else {
        if (!wasReady)
          events.push(
            emitterEvent(this.version, 'Normal', 'ScaledJobReady', 'ScaledJob is ready for scaling'),
          );
        conditions = setKedaCondition(conditions, {
          type: 'Ready',
          status: 'True',
          reason: 'ScaledJobReady',
          message: READY_MESSAGE,
        });
      }
      delete status0.Paused;
    }
    const status: JsonObject = { ...status0, ...statusFields, conditions };
    if (!deepEqual(sj.status ?? {}, status))
      sj = ctx.service.update(def, key.namespace, key.name, { ...sj, status }, {}, 'status');
    this.emit(def, sj, events);
    if (startLoop) {
      this.stopLoop(id);
      const periodMs = pollingInterval((sj.spec ?? {}) as { pollingInterval?: number }).value * 1000;
      const cancel = ctx.scheduler.every(
        periodMs,
        () => {
          try {
            this.poll(ctx, def, key);
          } catch (e) {
            if (!isRace(e)) ctx.log(`${this.name}: poll ${id}: ${String(e)}`);
          }
        },
        { firstInMs: 0 },
      );
      this.loops.set(id, { uid: sj.metadata.uid ?? '', generation: generationOf(sj), cancel });
    }
  }

  private jobsOf(ctx: ControllerContext, sj: KObject): KObject[] {
    const name = sj.metadata.name ?? '';
    return ctx.store
      .scan(JOBS, sj.metadata.namespace)
      .filter((j) => j.metadata.labels?.[SCALED_JOB_NAME_LABEL] === name && !j.metadata.deletionTimestamp);
  }

  /** Immediate rollout: Jobs of an older generation go when the spec changes. */
  private rolloutCleanup(ctx: ControllerContext, sj: KObject): KedaEvent[] {
    if (rolloutStrategy((sj.spec ?? {}) as ScaledJobDefaultsInput).value === 'gradual') return [];
    const generation = String(generationOf(sj));
    const old = this.jobsOf(ctx, sj).filter((j) => {
      const g = j.metadata.annotations?.[KEDA_ANNOTATIONS.scaledJobGeneration];
      return g !== undefined && g !== generation;
    });
    if (old.length === 0) return [];
    const policy =
      getPath(sj, ['spec', 'rollout', 'propagationPolicy']) === 'foreground' ? 'Foreground' : 'Background';
    const events: KedaEvent[] = [
      emitterEvent(
        this.version,
        'Normal',
        'ScaledJobRolloutCleanupStarted',
        `Deleting ${old.length} jobs owned by the previous version of the scaledJob`,
      ),
    ];
    let deleted = 0;
    for (const job of old) {
      try {
        ctx.service.delete(jobResource, job.metadata.namespace, job.metadata.name ?? '', {
          propagationPolicy: policy,
        });
        deleted++;
      } catch (e) {
        if (!isRace(e)) {
          events.push(
            emitterEvent(
              this.version,
              'Warning',
              'ScaledJobRolloutCleanupFailed',
              `Failed to delete job ${job.metadata.name ?? ''}: ${String(e)}`,
            ),
          );
        }
      }
    }
    events.push(
      emitterEvent(
        this.version,
        'Normal',
        'ScaledJobRolloutCleanupCompleted',
        `Deleted ${deleted} jobs owned by the previous version of the scaledJob`,
      ),
    );
    return events;
  }

  private poll(ctx: ControllerContext, def: ResourceDef, key: Key): void {
    const id = `${key.namespace}/${key.name}`;
    let sj = ctx.store.peek(storageKey(def), key.namespace, key.name);
    const loop = this.loops.get(id);
    if (!sj || sj.metadata.deletionTimestamp || !loop || sj.metadata.uid !== loop.uid) {
      this.stopLoop(id);
      return;
    }
    const spec = (sj.spec ?? {}) as ScaledJobScalingSpec & ScaledJobDefaultsInput;
    const scalers = buildScalers(ctx.store, ctx.registry, sj, {});
    if (!scalers.specs.ok) return;
    const reads = readTriggers(this.sources, sj, scalers, `ScaledJob ${id}`, {
      namespace: key.namespace,
      selector: `${SCALED_JOB_NAME_LABEL}=${key.name}`,
    });
    const jobs = this.jobsOf(ctx, sj);
    const pods = ctx.store.scan(PODS, key.namespace);
    const running = countRunningJobs(jobs as unknown as JobLike[]);
    const pending = countPendingJobs(
      jobs as unknown as JobLike[],
      pods as unknown as PodLike[],
      spec.scalingStrategy?.pendingPodConditions ?? [],
    );
    const byTrigger = new Map<
      number,
      { metricName: string; value?: number; error?: string; active: boolean; target: number }
    >();
    for (const o of reads.observations) {
      if (byTrigger.has(o.triggerIndex)) continue;
      const p = scalers.specs.triggers.find((t) => t.index === o.triggerIndex);
      byTrigger.set(o.triggerIndex, {
        metricName: o.metricName,
        ...(o.value !== undefined ? { value: o.value } : {}),
        ...(o.error !== undefined ? { error: o.error } : {}),
        active: o.active ?? false,
        target: p && p.targetType === 'AverageValue' ? p.target : 0,
      });
    }
    const previous = conditionsOf(sj) as unknown as Condition[];
    const result = scaledJobPoll({
      kedaVersion: this.version,
      spec,
      triggers: [...byTrigger.values()].map((t) => ({
        metricName: t.metricName,
        values: t.value !== undefined ? [t.value] : [],
        targetAverageValue: t.target,
        isActive: t.active,
        ...(t.error !== undefined ? { error: t.error } : {}),
      })),
      runningJobCount: running,
      pendingJobCount: pending,
      previousConditions: previous,
    });
    const events: KedaEvent[] = reads.failures.map((f) =>
      handlerEvent(this.version, 'Warning', 'KEDAScalerFailed', f.error),
    );
    for (let i = 0; i < result.jobsToCreate; i++) {
      try {
        ctx.service.create(jobResource, key.namespace, this.jobFor(def, sj));
      } catch (e) {
        events.push(
          emitterEvent(
            this.version,
            'Warning',
            'KEDAJobCreateFailed',
            `Failed to create job ${key.name}-: ${isApiError(e) ? (e.status.message ?? '') : String(e)}`,
          ),
        );
      }
    }
    events.push(...result.events);
    this.cleanupHistory(ctx, sj, spec);
    sj = ctx.store.peek(storageKey(def), key.namespace, key.name) ?? sj;
    let conditions = conditionsOf(sj) as unknown as Condition[];
    for (const c of result.conditions) conditions = setKedaCondition(conditions, c);
    const current = isObject(sj.status) ? sj.status : {};
    const status: JsonObject = { ...current, conditions };
    if (result.isActive) status.lastActiveTime = rfc3339Ms(ctx.clock.now().getTime());
    const activity: Record<string, { isActive: boolean }> = {};
    for (const o of reads.observations)
      activity[o.metricName] = { isActive: result.activeTriggers.includes(o.metricName) };
    if (Object.keys(activity).length > 0) status.triggersActivity = activity;
    if (!deepEqual(current, status))
      sj = ctx.service.update(def, key.namespace, key.name, { ...sj, status }, {}, 'status');
    this.emit(def, sj, events);
  }

  /** The Job KEDA creates (scale_jobs.go createJob). */
  private jobFor(def: ResourceDef, sj: KObject): KObject {
    const name = sj.metadata.name ?? '';
    const excluded = excludedLabels(sj.metadata.annotations, KEDA_ANNOTATIONS.jobExcludedLabels);
    const labels: Record<string, string> = {
      'app.kubernetes.io/name': name,
      'app.kubernetes.io/version': versionLabel(this.version),
      'app.kubernetes.io/part-of': name,
      'app.kubernetes.io/managed-by': 'keda-operator',
      [SCALED_JOB_NAME_LABEL]: name,
    };
    for (const [k, v] of Object.entries(sj.metadata.labels ?? {})) if (!excluded.has(k)) labels[k] = v;
    const annotations: Record<string, string> = {
      [KEDA_ANNOTATIONS.scaledJobGeneration]: String(generationOf(sj)),
      ...(sj.metadata.annotations ?? {}),
    };
    const spec = clone(getPath(sj, ['spec', 'jobTargetRef']) ?? {}) as JsonObject;
    const template = isObject(spec.template) ? spec.template : (spec.template = {});
    const meta = isObject(template.metadata) ? template.metadata : (template.metadata = {});
    meta.labels = { ...(isObject(meta.labels) ? meta.labels : {}), [SCALED_JOB_NAME_LABEL]: name };
    const podSpec = isObject(template.spec) ? template.spec : (template.spec = {});
    if (!podSpec.restartPolicy) podSpec.restartPolicy = 'OnFailure';
    return {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        generateName: `${name}-`,
        namespace: sj.metadata.namespace,
        labels,
        annotations,
        ownerReferences: [{ ...controllerRef(def, sj) }],
      },
      spec,
    };
  }

  /** successfulJobsHistoryLimit / failedJobsHistoryLimit: the oldest finished Jobs go (Background). */
  private cleanupHistory(ctx: ControllerContext, sj: KObject, spec: ScaledJobDefaultsInput): void {
    const jobs = this.jobsOf(ctx, sj);
    const finishedAt = (j: KObject): number =>
      Date.parse(String(getPath(j, ['status', 'completionTime']) ?? j.metadata.creationTimestamp ?? '')) || 0;
    const prune = (outcome: 'Complete' | 'Failed', limit: number): void => {
      const done = jobs
        .filter((j) => jobFinished(j) === outcome)
        .sort((a, b) => finishedAt(a) - finishedAt(b));
      for (const job of done.slice(0, Math.max(0, done.length - limit))) {
        try {
          ctx.service.delete(jobResource, job.metadata.namespace, job.metadata.name ?? '', {
            propagationPolicy: 'Background',
          });
        } catch (e) {
          if (!isRace(e)) throw e;
        }
      }
    };
    prune('Complete', successfulJobsHistoryLimit(spec).value);
    prune('Failed', failedJobsHistoryLimit(spec).value);
  }
}

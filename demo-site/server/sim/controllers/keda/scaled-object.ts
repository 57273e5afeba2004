/**
 * KEDA's ScaledObject controller and scale loop (controllers/keda/scaledobject_controller.go,
 * pkg/scaling/scale_handler.go, pkg/scaling/executor/scale_scaledobjects.go), as a thin adapter
 * from the store to the core functions: `reconcileScaledObject` decides conditions, pause and
 * events of a reconcile; `scaleLoopStep` those of each poll (every pollingInterval, virtual).
 * This module does what only a cluster can: the finalizer and the `scaledobject.keda.sh/name`
 * label, the target's `/scale`, the HPA, status writes through `/status`, the events, deletion.
 */
import { scaledObjectPauseState } from '../../../../../components/src/core/keda/annotations.ts';
import {
  conditionsInitialized,
  initializedConditions,
} from '../../../../../components/src/core/keda/condition-list.ts';
import {
  hpaName,
  pollingInterval,
  scaleTargetApiVersion,
  scaleTargetKind,
  type ScaledObjectDefaultsInput,
} from '../../../../../components/src/core/keda/defaults.ts';
import { SCALED_OBJECT_NAME_LABEL } from '../../../../../components/src/core/keda/annotations.ts';
import { rfc3339 as rfc3339Ms } from '../../../../../components/src/core/scaling/cooldown.ts';
import {
  reconcileScaledObject,
  scaleLoopStep,
  type CurrentReplicas,
  type KedaEvent,
  type KedaVersion,
  type ObservedHpa,
  type ScaleAction,
} from '../../../../../components/src/core/scaling/keda.ts';
import { isApiError } from '../../core/errors.ts';
import { clone, deepEqual, getPath, isObject, type JsonObject } from '../../core/json.ts';
import type { Cancel } from '../../core/virtual-clock.ts';
import { horizontalPodAutoscalerResource } from '../../registry/builtin.ts';
import { storageKey, type KObject, type ResourceDef } from '../../registry/types.ts';
import type { SourceRegistry } from '../../sources/registry.ts';
import { WorkQueue, type Controller, type ControllerContext } from '../controller.ts';
import { objectRef } from '../events.ts';
import { readScaleTarget, writeScale, type ScaleTargetResult } from '../scale-target.ts';
import { conditionsOf, isRace } from '../workloads/common.ts';
import {
  emitterEvent,
  handlerEvent,
  KEDA_FINALIZER,
  kedaDef,
  kedaRecorder,
  loopScaledObject,
  templateEnv,
  triggersOf,
  uniqueJoined,
  type KedaRecorder,
} from './common.ts';
import { desiredHpa, hpaNeedsUpdate } from './hpa-object.ts';
import { buildScalers, readTriggers, type Scalers } from './triggers.ts';

const HPAS = storageKey(horizontalPodAutoscalerResource);
const SCALE_TARGET_ERR = "ScaledObject doesn't have correct scaleTargetRef specification";

interface Key {
  namespace: string;
  name: string;
}

interface LoopState {
  uid: string;
  generation: number;
  periodMs: number;
  cancel: Cancel;
}

/** What the checks of a reconcile found. */
interface Checks {
  error?: string;
  /** Events emitted along the way (before the reconcile's own). */
  events: KedaEvent[];
  scalers?: Scalers;
}

function generationOf(object: KObject): number {
  return object.metadata.generation ?? 1;
}

/** Status fields KEDA derives from the spec and the target (checkTargetResourceIsScalable etc.). */
function targetStatusFields(def: ResourceDef, spec: ScaledObjectDefaultsInput): JsonObject {
  const apiVersion = scaleTargetApiVersion(spec).value;
  const kind = scaleTargetKind(spec).value;
  return {
    scaleTargetKind: `${apiVersion}.${kind}`,
    scaleTargetGVKR: { group: def.group, version: def.version, kind: def.kind, resource: def.plural },
  };
}

export class ScaledObjectController implements Controller {
  readonly name = 'keda-scaledobject';
  private queue: WorkQueue<Key> | undefined;
  private unsubscribe: (() => void) | undefined;
  private recorder: KedaRecorder | undefined;
  private readonly loops = new Map<string, LoopState>();
  private readonly retries = new Map<string, { cancel: Cancel; delayMs: number }>();
  private ctx: ControllerContext | undefined;

  constructor(
    private readonly version: KedaVersion,
    private readonly sources: SourceRegistry,
  ) {}

  private def(ctx: ControllerContext): ResourceDef | undefined {
    return kedaDef(ctx.registry, 'scaledobjects');
  }

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
    this.recorder = kedaRecorder(ctx, this.version);
    const queue = new WorkQueue<Key>(
      (key) => this.reconcile(ctx, key),
      (error, key) => {
        if (isApiError(error) && error.code === 409) queue.add(`${key.namespace}/${key.name}`, key);
        else if (!isRace(error)) {
          ctx.log(`${this.name}: ${key.namespace}/${key.name}: ${String(error)}`);
          this.retry(key);
        }
      },
    );
    this.queue = queue;
    this.unsubscribe = ctx.store.subscribe((event) => {
      const def = this.def(ctx);
      if (def && event.resource === storageKey(def)) {
        const { namespace = '', name = '' } = event.object.metadata;
        const prev = event.previous;
        const relevant =
          event.type !== 'MODIFIED' ||
          !prev ||
          generationOf(prev) !== generationOf(event.object) ||
          !deepEqual(prev.metadata.annotations ?? {}, event.object.metadata.annotations ?? {}) ||
          (!!event.object.metadata.deletionTimestamp &&
            !deepEqual(prev.metadata.finalizers ?? [], event.object.metadata.finalizers ?? [])) ||
          (!!event.object.metadata.deletionTimestamp && !prev.metadata.deletionTimestamp);
        if (relevant) queue.add(`${namespace}/${name}`, { namespace, name });
      } else if (event.resource === HPAS && event.type !== 'ADDED') {
        // Owns(HPA): a deleted or changed HPA brings its ScaledObject back.
        const owner = event.object.metadata.ownerReferences?.find(
          (r) => r.kind === 'ScaledObject' && r.controller,
        );
        const prev = event.previous;
        if (!owner) return;
        if (event.type === 'MODIFIED' && prev && generationOf(prev) === generationOf(event.object)) return;
        const namespace = event.object.metadata.namespace ?? '';
        queue.add(`${namespace}/${owner.name}`, { namespace, name: owner.name });
      }
    });
    const def = this.def(ctx);
    if (def) {
      for (const so of ctx.store.list(storageKey(def))) {
        const { namespace = '', name = '' } = so.metadata;
        queue.add(`${namespace}/${name}`, { namespace, name });
      }
    }
  }

  stop(): void {
    this.unsubscribe?.();
    this.queue?.stop();
    for (const loop of this.loops.values()) loop.cancel();
    this.loops.clear();
    for (const r of this.retries.values()) r.cancel();
    this.retries.clear();
  }

  /** controller-runtime's requeue with exponential backoff (5 s … 5 min, virtual). */
  private retry(key: Key): void {
    const id = `${key.namespace}/${key.name}`;
    const previous = this.retries.get(id);
    const delayMs = Math.min(300_000, previous ? previous.delayMs * 2 : 5_000);
    previous?.cancel();
    const cancel = (this.ctx as ControllerContext).scheduler.after(delayMs, () => this.queue?.add(id, key));
    this.retries.set(id, { cancel, delayMs });
  }

  private clearRetry(key: Key): void {
    const id = `${key.namespace}/${key.name}`;
    this.retries.get(id)?.cancel();
    this.retries.delete(id);
  }

  private emit(so: KObject, events: readonly KedaEvent[]): void {
    const def = this.def(this.ctx as ControllerContext);
    if (!def) return;
    const ref = objectRef(def, so);
    for (const event of events) this.recorder?.emit(ref, event);
  }

  // -------------------------------------------------------------------------------------------
  // Reconcile

  private reconcile(ctx: ControllerContext, key: Key): void {
    const def = this.def(ctx);
    if (!def) return;
    const id = `${key.namespace}/${key.name}`;
    let so = ctx.store.peek(storageKey(def), key.namespace, key.name);
    if (!so) {
      this.stopLoop(id);
      this.clearRetry(key);
      return;
    }
    if (so.metadata.deletionTimestamp) {
      this.finalize(ctx, def, so);
      return;
    }
    if (!(so.metadata.finalizers ?? []).includes(KEDA_FINALIZER)) {
      const next = clone(so);
      next.metadata.finalizers = [...(next.metadata.finalizers ?? []), KEDA_FINALIZER];
      so = ctx.service.update(def, key.namespace, key.name, next);
    }
    const status0 = isObject(so.status) ? so.status : {};
    if (
      !conditionsInitialized(Array.isArray(status0.conditions) ? (status0.conditions as never) : undefined)
    ) {
      so = ctx.service.update(
        def,
        key.namespace,
        key.name,
        { ...so, status: { ...status0, conditions: initializedConditions() } },
        {},
        'status',
      );
    }

    const pause = scaledObjectPauseState(so.metadata.annotations);
    const spec = (so.spec ?? {}) as ScaledObjectDefaultsInput & {
      scaleTargetRef?: { name?: string; apiVersion?: string; kind?: string };
    };
    const targetRef = {
      name: spec.scaleTargetRef?.name ?? '',
      apiVersion: scaleTargetApiVersion(spec).value,
      kind: scaleTargetKind(spec).value,
    };
    const statusFields: JsonObject = {};
    const checks: Checks = { events: [] };
    let target: ScaleTargetResult | undefined;
    let hpaCreated = false;
    const loopRunning = this.loops.has(id);
    const generationChanged = this.loops.get(id)?.generation !== generationOf(so);

    if (!pause.paused) {
      this.check(ctx, def, so, targetRef, statusFields, checks, (t) => (target = t));
      // The label may have been added: the HPA copies the ScaledObject's labels.
      so = ctx.store.peek(storageKey(def), key.namespace, key.name) ?? so;
    } else {
      target = readScaleTarget(ctx.registry, ctx.store, key.namespace, targetRef);
      if (target.ok && !isObject(status0.scaleTargetGVKR))
        Object.assign(statusFields, targetStatusFields(target.target.def, spec));
    }
    if (target?.ok && getPath(so, ['status', 'originalReplicaCount']) === undefined) {
      statusFields.originalReplicaCount = target.target.specReplicas;
    }
    const currentReplicas: CurrentReplicas = target?.ok
      ? target.target.specReplicas
      : { error: target?.error ?? 'target not found' };
    const result = reconcileScaledObject({
      kedaVersion: this.version,
      scaledObject: loopScaledObject(so),
      currentReplicas,
      ...(checks.error !== undefined ? { checkError: checks.error } : {}),
    });

    // The HPA: deleted while paused, created or updated otherwise.
    const events: KedaEvent[] = [];
    const pauseEvents = result.events.filter(
      (e) => e.reason === 'ScaledObjectPaused' || e.reason === 'ScaledObjectUnpaused',
    );
    const otherEvents = result.events.filter((e) => !pauseEvents.includes(e));
    events.push(...pauseEvents);
    if (!result.hpaShouldExist) {
      this.deleteHpa(ctx, so);
      if (loopRunning) {
        this.stopLoop(id);
        events.push(handlerEvent(this.version, 'Normal', 'KEDAScalersStopped', 'Stopped scalers watch'));
      }
    } else if (checks.error === undefined && checks.scalers?.specs.ok) {
      const specs = checks.scalers.specs;
      if (!loopRunning || generationChanged) {
        for (const t of checks.scalers.triggers) {
          checks.events.push(
            handlerEvent(this.version, 'Normal', 'KEDAScalersStarted', `Scaler ${t.type} is built`),
          );
        }
      }
      hpaCreated = this.ensureHpa(ctx, so, specs.metrics, statusFields);
      statusFields.externalMetricNames = specs.externalMetricNames;
      statusFields.resourceMetricNames = specs.resourceMetricNames;
      if (specs.compositeScalerName) statusFields.compositeScalerName = specs.compositeScalerName;
    }
    events.push(...checks.events);
    const startLoop = result.scaleLoopRuns && (hpaCreated || generationChanged || !loopRunning);
    if (startLoop)
      events.push(
        handlerEvent(
          this.version,
          'Normal',
          'KEDAScalersStarted',
          'Started scalers watch',
          'ScalersWatchStarted',
        ),
      );
    events.push(...otherEvents);

    // Status through /status.
    const fresh = ctx.store.peek(storageKey(def), key.namespace, key.name) ?? so;
    const status: JsonObject = {
      ...(isObject(fresh.status) ? fresh.status : {}),
      ...statusFields,
      conditions: result.conditions,
    };
    if (result.pausedReplicaCount !== undefined) status.pausedReplicaCount = result.pausedReplicaCount;
    else delete status.pausedReplicaCount;
    for (const k of ['externalMetricNames', 'resourceMetricNames']) {
      if (Array.isArray(status[k]) && (status[k] as unknown[]).length === 0) delete status[k];
    }
    if (!deepEqual(fresh.status ?? {}, status)) {
      so = ctx.service.update(def, key.namespace, key.name, { ...fresh, status }, {}, 'status');
    } else so = fresh;
    this.emit(so, events);

    if (result.action.type !== 'none' && target?.ok) this.applyAction(ctx, target, result.action);
    if (startLoop) this.startLoop(ctx, def, so);
    if (checks.error !== undefined) this.retry(key);
    else this.clearRetry(key);
  }

  /** The checks of reconcileScaledObject, in KEDA's order, up to the first that fails. */
  private check(
    ctx: ControllerContext,
    def: ResourceDef,
    so: KObject,
    targetRef: { name: string; apiVersion: string; kind: string },
    statusFields: JsonObject,
    checks: Checks,
    setTarget: (t: ScaleTargetResult) => void,
  ): void {
    const namespace = so.metadata.namespace ?? '';
    const name = so.metadata.name ?? '';
    if (!targetRef.name) {
      checks.error = `${SCALE_TARGET_ERR}: ScaledObject.spec.scaleTargetRef.name is missing`;
      return;
    }
    if (so.metadata.labels?.[SCALED_OBJECT_NAME_LABEL] !== name) {
      const next = clone(so);
      next.metadata.labels = { ...(next.metadata.labels ?? {}), [SCALED_OBJECT_NAME_LABEL]: name };
      try {
        so = ctx.service.update(def, namespace, name, next);
      } catch (error) {
        if (isApiError(error) && error.code === 409) throw error;
        checks.error = `failed to update ScaledObject with scaledObjectName label: ${isApiError(error) ? (error.status.message ?? '') : String(error)}`;
        return;
      }
    }
    const target = readScaleTarget(ctx.registry, ctx.store, namespace, targetRef);
    setTarget(target);
    if (!target.ok) {
      if (target.reason === 'kind') {
        checks.events.push(emitterEvent(this.version, 'Warning', 'ScaledObjectUpdateFailed', target.error));
      } else {
        const message =
          target.reason === 'missing'
            ? "Target resource doesn't exist"
            : "Target resource doesn't expose /scale subresource";
        checks.events.push(emitterEvent(this.version, 'Warning', 'ScaledObjectCheckFailed', message));
      }
      checks.error = `${SCALE_TARGET_ERR}: ${target.error}`;
      return;
    }
    Object.assign(statusFields, targetStatusFields(target.target.def, so.spec as ScaledObjectDefaultsInput));
    const spec = (so.spec ?? {}) as ScaledObjectDefaultsInput;
    const min = spec.minReplicaCount ?? 0;
    const hpaMin = spec.minReplicaCount !== undefined && spec.minReplicaCount !== null ? Math.max(min, 1) : 0;
    const max = spec.maxReplicaCount ?? 100;
    if (hpaMin > max) {
      checks.error = `ScaledObject doesn't have correct Idle/Min/Max Replica Counts specification: MinReplicaCount=${hpaMin} must be less than MaxReplicaCount=${max}`;
      return;
    }
    const idle = spec.idleReplicaCount;
    if (idle !== undefined && idle !== null && idle >= hpaMin) {
      checks.error = `ScaledObject doesn't have correct Idle/Min/Max Replica Counts specification: IdleReplicaCount=${idle} must be less than MinReplicaCount=${hpaMin}`;
      return;
    }
    const triggers = triggersOf(so);
    const seen = new Set<string>();
    for (const t of triggers) {
      if (t.useCachedMetrics && (t.type === 'cpu' || t.type === 'memory' || t.type === 'cron')) {
        checks.error = `ScaledObject doesn't have correct triggers specification: property "useCachedMetrics" is not supported for "${t.type}" scaler`;
        return;
      }
      if (!t.name) continue;
      if (seen.has(t.name)) {
        checks.error = `ScaledObject doesn't have correct triggers specification: triggerName "${t.name}" is defined multiple times in the ScaledObject/ScaledJob, but it must be unique`;
        return;
      }
      seen.add(t.name);
    }
    statusFields.triggersTypes = uniqueJoined(triggers.map((t) => t.type));
    const auths = uniqueJoined(triggers.map((t) => t.authenticationRef?.name ?? ''));
    if (auths) statusFields.authenticationsTypes = auths;
    const scalers = buildScalers(ctx.store, ctx.registry, so, templateEnv(target.target.object));
    checks.scalers = scalers;
    if (!scalers.specs.ok) {
      const failed = scalers.specs.triggerIndex;
      if (failed !== undefined) {
        for (const t of scalers.triggers.slice(0, failed)) {
          checks.events.push(
            handlerEvent(this.version, 'Normal', 'KEDAScalersStarted', `Scaler ${t.type} is built`),
          );
        }
        checks.events.push(handlerEvent(this.version, 'Warning', 'KEDAScalerFailed', scalers.specs.error));
      }
      checks.error = `failed to ensure HPA is correctly created for ScaledObject: ${scalers.specs.error}`;
    }
  }

  /** Creates or updates the HPA; returns whether it was created. */
  private ensureHpa(
    ctx: ControllerContext,
    so: KObject,
    metrics: Parameters<typeof desiredHpa>[1],
    statusFields: JsonObject,
  ): boolean {
    const namespace = so.metadata.namespace ?? '';
    const desired = desiredHpa(so, metrics, this.version);
    const name = desired.metadata.name ?? '';
    statusFields.hpaName = name;
    const previousName = getPath(so, ['status', 'hpaName']);
    if (typeof previousName === 'string' && previousName !== name) this.deleteHpaNamed(ctx, so, previousName);
    const stored = ctx.store.peek(HPAS, namespace, name);
    if (!stored) {
      ctx.service.create(horizontalPodAutoscalerResource, namespace, desired);
      return true;
    }
    if (hpaNeedsUpdate(desired, stored)) {
      const next: KObject = clone(stored) as KObject;
      next.metadata.labels = desired.metadata.labels;
      if (desired.metadata.annotations) next.metadata.annotations = desired.metadata.annotations;
      else delete next.metadata.annotations;
      next.metadata.ownerReferences = desired.metadata.ownerReferences;
      next.spec = desired.spec;
      ctx.service.update(horizontalPodAutoscalerResource, namespace, name, next);
    }
    return false;
  }

  private deleteHpaNamed(ctx: ControllerContext, so: KObject, name: string): void {
    const namespace = so.metadata.namespace ?? '';
    const stored = ctx.store.peek(HPAS, namespace, name);
    if (!stored) return;
    if (!stored.metadata.ownerReferences?.some((r) => r.uid === so.metadata.uid)) return;
    try {
      ctx.service.delete(horizontalPodAutoscalerResource, namespace, name, {
        preconditions: { uid: stored.metadata.uid },
      });
    } catch (error) {
      if (!isRace(error)) throw error;
    }
  }

  private deleteHpa(ctx: ControllerContext, so: KObject): void {
    const spec = (so.spec ?? {}) as ScaledObjectDefaultsInput;
    this.deleteHpaNamed(ctx, so, hpaName(so.metadata.name ?? '', spec).value);
  }

  private applyAction(ctx: ControllerContext, target: ScaleTargetResult, action: ScaleAction): void {
    if (!target.ok || action.type === 'none') return;
    try {
      writeScale(ctx.service, target.target, action.to);
    } catch (error) {
      ctx.log(`${this.name}: scaling ${target.target.object.metadata.name ?? ''}: ${String(error)}`);
    }
  }

  /** finalizeScaledObject: stop the loop, restore replicas if asked, drop the finalizer. */
  private finalize(ctx: ControllerContext, def: ResourceDef, so: KObject): void {
    const id = `${so.metadata.namespace ?? ''}/${so.metadata.name ?? ''}`;
    if (!(so.metadata.finalizers ?? []).includes(KEDA_FINALIZER)) {
      this.stopLoop(id);
      return;
    }
    const wasRunning = this.loops.has(id);
    this.stopLoop(id);
    const events: KedaEvent[] = [];
    if (wasRunning)
      events.push(handlerEvent(this.version, 'Normal', 'KEDAScalersStopped', 'Stopped scalers watch'));
    if (getPath(so, ['spec', 'advanced', 'restoreToOriginalReplicaCount']) === true) {
      const original = getPath(so, ['status', 'originalReplicaCount']);
      const spec = (so.spec ?? {}) as ScaledObjectDefaultsInput & { scaleTargetRef?: { name?: string } };
      const target = readScaleTarget(ctx.registry, ctx.store, so.metadata.namespace ?? '', {
        name: spec.scaleTargetRef?.name ?? '',
        apiVersion: scaleTargetApiVersion(spec).value,
        kind: scaleTargetKind(spec).value,
      });
      if (typeof original === 'number' && target.ok) writeScale(ctx.service, target.target, original);
    }
    const next = clone(so);
    next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== KEDA_FINALIZER);
    ctx.service.update(def, so.metadata.namespace, so.metadata.name ?? '', next);
    events.push(emitterEvent(this.version, 'Warning', 'ScaledObjectDeleted', 'ScaledObject was deleted'));
    this.emit(so, events);
  }

  // -------------------------------------------------------------------------------------------
  // Scale loop

  private startLoop(ctx: ControllerContext, def: ResourceDef, so: KObject): void {
    const id = `${so.metadata.namespace ?? ''}/${so.metadata.name ?? ''}`;
    this.stopLoop(id);
    const periodMs = pollingInterval((so.spec ?? {}) as { pollingInterval?: number }).value * 1000;
    const key = { namespace: so.metadata.namespace ?? '', name: so.metadata.name ?? '' };
    const cancel = ctx.scheduler.every(
      periodMs,
      () => {
        try {
          this.poll(ctx, def, key);
        } catch (error) {
          if (!isRace(error)) ctx.log(`${this.name}: poll ${id}: ${String(error)}`);
        }
      },
      { firstInMs: 0 },
    );
    this.loops.set(id, { uid: so.metadata.uid ?? '', generation: generationOf(so), periodMs, cancel });
  }

  private stopLoop(id: string): void {
    this.loops.get(id)?.cancel();
    this.loops.delete(id);
  }

  /** The scale target's pods consume its queues by default. */
  private consumersOf(
    target: ScaleTargetResult | undefined,
    namespace: string,
  ): { namespace: string; selector: string } | undefined {
    return target?.ok && target.target.selector ? { namespace, selector: target.target.selector } : undefined;
  }

  /** One poll of the scale loop (scaleLoopStep), then /scale, /status and the events. */
  poll(ctx: ControllerContext, def: ResourceDef, key: Key): void {
    const id = `${key.namespace}/${key.name}`;
    let so = ctx.store.peek(storageKey(def), key.namespace, key.name);
    const loop = this.loops.get(id);
    if (!so || so.metadata.deletionTimestamp || !loop || so.metadata.uid !== loop.uid) {
      this.stopLoop(id);
      return;
    }
    if (scaledObjectPauseState(so.metadata.annotations).paused) return;
    const spec = (so.spec ?? {}) as ScaledObjectDefaultsInput & { scaleTargetRef?: { name?: string } };
    const target = readScaleTarget(ctx.registry, ctx.store, key.namespace, {
      name: spec.scaleTargetRef?.name ?? '',
      apiVersion: scaleTargetApiVersion(spec).value,
      kind: scaleTargetKind(spec).value,
    });
    const scalers = buildScalers(
      ctx.store,
      ctx.registry,
      so,
      templateEnv(target.ok ? target.target.object : undefined),
    );
    if (!scalers.specs.ok) return;
    const reads = readTriggers(
      this.sources,
      so,
      scalers,
      `ScaledObject ${id}`,
      this.consumersOf(target, key.namespace),
    );
    const hpaObject = ctx.store.peek(HPAS, key.namespace, hpaName(key.name, spec).value);
    let hpa: ObservedHpa | undefined;
    if (hpaObject) {
      hpa = {};
      const sa = conditionsOf(hpaObject).find((c) => c.type === 'ScalingActive');
      if (sa) {
        hpa.scalingActive = { status: String(sa.status) };
        if (typeof sa.reason === 'string') hpa.scalingActive.reason = sa.reason;
        if (typeof sa.message === 'string') hpa.scalingActive.message = sa.message;
      }
      const created = Date.parse(hpaObject.metadata.creationTimestamp ?? '');
      if (Number.isFinite(created)) hpa.creationTimestamp = created;
    }
    const nowMs = ctx.clock.now().getTime();
    const step = scaleLoopStep({
      kedaVersion: this.version,
      scaledObject: loopScaledObject(so),
      metrics: reads.observations,
      currentReplicas: target.ok ? target.target.specReplicas : { error: target.error },
      ...(target.ok ? { readyReplicas: target.target.readyReplicas } : {}),
      ...(hpa ? { hpa } : {}),
      now: nowMs,
    });
    if (step.skipped) {
      ctx.log(`${this.name}: ${id}: ${step.skipped}`);
      return;
    }
    const events: KedaEvent[] = reads.failures.map((f) =>
      handlerEvent(this.version, 'Warning', 'KEDAScalerFailed', f.error),
    );
    events.push(...step.events);
    if (step.action.type !== 'none') this.applyAction(ctx, target, step.action);
    so = ctx.store.peek(storageKey(def), key.namespace, key.name) ?? so;
    const current = isObject(so.status) ? so.status : {};
    const status: JsonObject = { ...current, conditions: step.conditions };
    if (step.lastActiveTime !== undefined) status.lastActiveTime = rfc3339Ms(step.lastActiveTime);
    if (Object.keys(step.health).length > 0) status.health = step.health;
    if (Object.keys(step.triggersActivity).length > 0) status.triggersActivity = step.triggersActivity;
    if (!deepEqual(current, status)) {
      so = ctx.service.update(def, key.namespace, key.name, { ...so, status }, {}, 'status');
    }
    this.emit(so, events);
  }
}

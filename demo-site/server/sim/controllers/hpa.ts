/**
 * The HorizontalPodAutoscaler controller of kube-controller-manager: every 15 s (virtual), and
 * when an HPA is created or its spec changes, each HPA is reconciled by `reconcileHpa` (the
 * autoscaling/v2 algorithm in components/src/core/scaling/hpa.ts) with its metrics read the way
 * the real controller reads them: External metrics from external.metrics.k8s.io (KEDA's adapter),
 * Resource metrics from the simulated pod usage. The status (currentMetrics, desiredReplicas,
 * conditions with lastTransitionTime) is written through `/status`, the target is rescaled
 * through `/scale`, and events come from `horizontal-pod-autoscaler`.
 */
import {
  type HorizontalPodAutoscalerCondition,
  type HorizontalPodAutoscalerSpec,
  type MetricSpec,
} from '../../../../components/src/core/kube/autoscaling.ts';
import { milliValue, parseQuantity } from '../../../../components/src/core/kube/quantity.ts';
import { emptyHpaHistory, type HpaHistory } from '../../../../components/src/core/scaling/hpa-behavior.ts';
import { reconcileHpa, type HpaMetricObservation } from '../../../../components/src/core/scaling/hpa.ts';
import type { PodSample } from '../../../../components/src/core/scaling/replica-calculator.ts';
import { isApiError } from '../core/errors.ts';
import { deepEqual, getPath, isObject, type JsonObject } from '../core/json.ts';
import { LabelSelector } from '../core/selectors.ts';
import { rfc3339 } from '../core/time.ts';
import type { Cancel } from '../core/virtual-clock.ts';
import type { ExternalMetricValueList } from '../metrics/external-metrics.ts';
import { horizontalPodAutoscalerResource, podResource } from '../registry/builtin.ts';
import { storageKey, type KObject } from '../registry/types.ts';
import type { SourceRegistry } from '../sources/registry.ts';
import { WorkQueue, type Controller, type ControllerContext } from './controller.ts';
import { CoreEventRecorder, objectRef } from './events.ts';
import { readScaleTarget, writeScale, type ScaleTarget } from './scale-target.ts';
import { conditionsOf, isRace } from './workloads/common.ts';

const HPAS = storageKey(horizontalPodAutoscalerResource);
const PODS = storageKey(podResource);
/** `--horizontal-pod-autoscaler-sync-period`. */
export const HPA_SYNC_PERIOD_MS = 15_000;

/** How the HPA controller reaches the external metrics API (throws the API's error). */
export interface ExternalMetricsClient {
  external(namespace: string, metricName: string, labelSelector: string): ExternalMetricValueList;
}

interface Key {
  namespace: string;
  name: string;
}

function requestMilli(pod: KObject, resource: string, container?: string): number | undefined {
  const containers = getPath(pod, ['spec', 'containers']);
  let total = 0;
  for (const c of Array.isArray(containers) ? containers.filter(isObject) : []) {
    if (container !== undefined && c.name !== container) continue;
    const request = getPath(c, ['resources', 'requests', resource]);
    if (typeof request !== 'string' && typeof request !== 'number') return undefined;
    try {
      total += milliValue(parseQuantity(String(request)));
    } catch {
      return undefined;
    }
  }
  return total;
}

export class HpaController implements Controller {
  readonly name = 'horizontal-pod-autoscaler';
  private queue: WorkQueue<Key> | undefined;
  private unsubscribe: (() => void) | undefined;
  private cancelTick: Cancel | undefined;
  private recorder: CoreEventRecorder | undefined;
  /** The controller's in-memory recommendations and scale events, by HPA uid. */
  private readonly histories = new Map<string, HpaHistory>();

  constructor(
    private readonly sources: SourceRegistry,
    private readonly metrics: ExternalMetricsClient,
  ) {}

  start(ctx: ControllerContext): void {
    this.recorder = new CoreEventRecorder(ctx, 'horizontal-pod-autoscaler');
    const queue = new WorkQueue<Key>(
      (key) => this.reconcile(ctx, key),
      (error, key) => {
        if (!isRace(error)) ctx.log(`${this.name}: ${key.namespace}/${key.name}: ${String(error)}`);
      },
    );
    this.queue = queue;
    this.unsubscribe = ctx.store.subscribe((event) => {
      if (event.resource !== HPAS) return;
      if (event.type === 'DELETED') {
        this.histories.delete(event.object.metadata.uid ?? '');
        return;
      }
      const changed =
        event.type === 'ADDED' || event.previous?.metadata.generation !== event.object.metadata.generation;
      if (!changed) return;
      const { namespace = '', name = '' } = event.object.metadata;
      queue.add(`${namespace}/${name}`, { namespace, name });
    });
    this.cancelTick = ctx.scheduler.every(HPA_SYNC_PERIOD_MS, () => {
      for (const hpa of ctx.store.scan(HPAS)) {
        const { namespace = '', name = '' } = hpa.metadata;
        try {
          this.reconcile(ctx, { namespace, name });
        } catch (error) {
          if (!isRace(error)) ctx.log(`${this.name}: ${namespace}/${name}: ${String(error)}`);
        }
      }
    });
  }

  stop(): void {
    this.unsubscribe?.();
    this.queue?.stop();
    this.cancelTick?.();
    this.histories.clear();
  }

  private observe(
    ctx: ControllerContext,
    namespace: string,
    metric: MetricSpec,
    target: ScaleTarget,
  ): HpaMetricObservation | undefined {
    if (metric.type === 'External' && metric.external) {
      const selector = LabelSelector.fromObject(metric.external.metric.selector ?? {}).toString();
      try {
        const list = this.metrics.external(namespace, metric.external.metric.name, selector);
        return { kind: 'external', values: list.items.map((i) => i.value) };
      } catch (error) {
        const message = isApiError(error)
          ? (error.status.message ?? '')
          : error instanceof Error
            ? error.message
            : String(error);
        return { kind: 'external', error: message };
      }
    }
    const source =
      metric.type === 'Resource'
        ? metric.resource
        : metric.type === 'ContainerResource'
          ? metric.containerResource
          : undefined;
    if (!source) return undefined;
    const resource = source.name === 'memory' ? 'memory' : 'cpu';
    const container = metric.type === 'ContainerResource' ? metric.containerResource?.container : undefined;
    let selector: LabelSelector;
    try {
      selector = LabelSelector.parse(target.selector ?? '');
    } catch {
      return { kind: 'resource', error: 'invalid selector' };
    }
    if (selector.empty) return { kind: 'resource', pods: [] };
    const pods = ctx.store.scan(PODS, namespace).filter((p) => selector.matches(p.metadata.labels));
    const info = pods.map((p) => {
      const ready = conditionsOf(p).find((c) => c.type === 'Ready');
      return {
        pod: p,
        name: p.metadata.name ?? '',
        running: getPath(p, ['status', 'phase']) === 'Running' && !p.metadata.deletionTimestamp,
        ready: ready?.status === 'True',
        readyCondition: ready,
        requestMilli: requestMilli(p, resource, container),
      };
    });
    const usage = this.sources.podUsage(
      namespace,
      target.object.metadata.name ?? '',
      resource,
      info.map((i) => ({
        name: i.name,
        running: i.running,
        ready: i.ready,
        ...(i.requestMilli !== undefined ? { requestMilli: i.requestMilli } : {}),
      })),
    );
    const samples: PodSample[] = info.map((i) => {
      const phase = getPath(i.pod, ['status', 'phase']);
      const sample: PodSample = {
        name: i.name,
        phase: (typeof phase === 'string' ? phase : 'Pending') as PodSample['phase'],
        deleting: !!i.pod.metadata.deletionTimestamp,
      };
      if (i.readyCondition) {
        sample.ready = i.ready;
        const t = Date.parse(String(i.readyCondition.lastTransitionTime ?? ''));
        if (Number.isFinite(t)) sample.readyTransitionTime = t;
      }
      const start = Date.parse(String(getPath(i.pod, ['status', 'startTime']) ?? ''));
      if (Number.isFinite(start)) sample.startTime = start;
      const used = usage.get(i.name);
      if (used !== undefined) sample.usageMilli = used;
      if (i.requestMilli !== undefined) sample.requestMilli = i.requestMilli;
      return sample;
    });
    return { kind: 'resource', pods: samples };
  }

  private reconcile(ctx: ControllerContext, key: Key): void {
    const hpa = ctx.store.peek(HPAS, key.namespace, key.name);
    if (!hpa || hpa.metadata.deletionTimestamp) return;
    const recorder = this.recorder as CoreEventRecorder;
    const spec = hpa.spec as unknown as HorizontalPodAutoscalerSpec;
    const nowMs = ctx.clock.now().getTime();
    const ref = objectRef(horizontalPodAutoscalerResource, hpa);
    const previous = isObject(hpa.status) ? hpa.status : {};
    const found = readScaleTarget(ctx.registry, ctx.store, key.namespace, spec.scaleTargetRef);
    if (!found.ok) {
      const err = found.error;
      recorder.event(ref, 'Warning', 'FailedGetScale', err);
      const conditions = setHpaCondition(
        conditionsOf(hpa) as unknown as HorizontalPodAutoscalerCondition[],
        {
          type: 'AbleToScale',
          status: 'False',
          reason: 'FailedGetScale',
          message: `the HPA controller was unable to get the target's current scale: ${err}`,
        },
        nowMs,
      );
      this.writeStatus(ctx, hpa, {
        ...previous,
        desiredReplicas: typeof previous.desiredReplicas === 'number' ? previous.desiredReplicas : 0,
        conditions,
      });
      return;
    }
    const target = found.target;
    const uid = hpa.metadata.uid ?? '';
    const history = this.histories.get(uid) ?? emptyHpaHistory();
    const metrics =
      target.specReplicas === 0
        ? []
        : (spec.metrics ?? []).map((m) => this.observe(ctx, key.namespace, m, target));
    const result = reconcileHpa({
      namespace: key.namespace,
      spec,
      status: {
        conditions: conditionsOf(hpa) as unknown as HorizontalPodAutoscalerCondition[],
        ...(typeof previous.desiredReplicas === 'number'
          ? { desiredReplicas: previous.desiredReplicas }
          : {}),
        ...(typeof previous.lastScaleTime === 'string' ? { lastScaleTime: previous.lastScaleTime } : {}),
      },
      currentReplicas: target.specReplicas,
      statusReplicas: target.statusReplicas,
      readyReplicas: target.readyReplicas,
      metrics: metrics.map((m) => m ?? { kind: 'external', error: 'no observation' }),
      history,
      now: nowMs,
    });
    this.histories.set(uid, result.history);
    if (result.rescale) writeScale(ctx.service, target, result.desiredReplicas);
    const status: JsonObject = {};
    if (hpa.metadata.generation !== undefined) status.observedGeneration = hpa.metadata.generation;
    if (result.status.lastScaleTime) status.lastScaleTime = result.status.lastScaleTime;
    // autoscaling/v2 declares currentReplicas omitempty: the API server never returns a 0.
    if (result.status.currentReplicas !== 0) status.currentReplicas = result.status.currentReplicas;
    status.desiredReplicas = result.status.desiredReplicas;
    if (result.status.currentMetrics.length > 0) status.currentMetrics = result.status.currentMetrics;
    status.conditions = result.status.conditions;
    for (const event of result.events) recorder.event(ref, event.type, event.reason, event.message);
    this.writeStatus(ctx, hpa, status);
  }

  private writeStatus(ctx: ControllerContext, hpa: KObject, status: JsonObject): void {
    if (deepEqual(hpa.status ?? {}, status)) return;
    ctx.service.update(
      horizontalPodAutoscalerResource,
      hpa.metadata.namespace,
      hpa.metadata.name ?? '',
      { ...hpa, status },
      {},
      'status',
    );
  }
}

function setHpaCondition(
  list: HorizontalPodAutoscalerCondition[],
  c: { type: string; status: 'True' | 'False'; reason: string; message: string },
  nowMs: number,
): JsonObject[] {
  const next = list.map((x) => ({ ...x }));
  const existing = next.find((x) => x.type === c.type);
  if (!existing)
    return [...next, { ...c, lastTransitionTime: rfc3339(new Date(nowMs)) }] as unknown as JsonObject[];
  if (existing.status !== c.status) existing.lastTransitionTime = rfc3339(new Date(nowMs));
  Object.assign(existing, { status: c.status, reason: c.reason, message: c.message });
  return next as unknown as JsonObject[];
}

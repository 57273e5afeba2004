/**
 * The operator side of external.metrics.k8s.io (what KEDA's adapter asks over gRPC): the
 * ScaledObject named by the selector, one read of its scalers, and `externalMetricValue` (the
 * served quantity, the fallback value once failures exceed the threshold, the composite metric
 * with scalingModifiers). Each read counts for the fallback health, as in KEDA, and is written to
 * `status.health`.
 */
import { isFallbackEnabled } from '../../../../../components/src/core/scaling/fallback.ts';
import { externalMetricValue } from '../../../../../components/src/core/scaling/metrics-adapter.ts';
import type { KedaVersion, LoopScaledObjectSpec } from '../../../../../components/src/core/scaling/keda.ts';
import {
  scaleTargetApiVersion,
  scaleTargetKind,
  type ScaledObjectDefaultsInput,
} from '../../../../../components/src/core/keda/defaults.ts';
import type { ResourceService } from '../../api/service.ts';
import type { Clock } from '../../core/clock.ts';
import { deepEqual, getPath, isObject, type JsonObject } from '../../core/json.ts';
import { rfc3339 } from '../../core/time.ts';
import {
  externalMetricsError,
  kedaAdapterMessages,
  scaledObjectNameOf,
  type ExternalMetricsProvider,
  type ExternalMetricValue,
} from '../../metrics/external-metrics.ts';
import type { ResourceRegistry } from '../../registry/registry.ts';
import { storageKey } from '../../registry/types.ts';
import type { ObjectStore } from '../../store/store.ts';
import type { SourceRegistry } from '../../sources/registry.ts';
import { objectRef } from '../events.ts';
import { readScaleTarget } from '../scale-target.ts';
import { handlerEvent, kedaDef, loopScaledObject, templateEnv, type KedaRecorder } from './common.ts';
import { buildScalers, readTriggers } from './triggers.ts';

export interface MetricsProviderDeps {
  store: ObjectStore;
  registry: ResourceRegistry;
  service: ResourceService;
  clock: Clock;
  sources: SourceRegistry;
  recorder: KedaRecorder;
  version: KedaVersion;
}

const rpcError = (message: string): Error =>
  new Error(`rpc error: code = Unknown desc = error when getting metric values ${message}`);

export function kedaMetricsProvider(deps: MetricsProviderDeps): ExternalMetricsProvider {
  return {
    getValues(
      namespace: string,
      metricName: string,
      labelSelector: string | undefined,
    ): ExternalMetricValue[] {
      const name = scaledObjectNameOf(labelSelector);
      const def = kedaDef(deps.registry, 'scaledobjects');
      const so = def ? deps.store.peek(storageKey(def), namespace, name) : undefined;
      if (!def || !so) throw externalMetricsError(kedaAdapterMessages.scaledObjectNotFound(name));
      const spec = (so.spec ?? {}) as ScaledObjectDefaultsInput & { scaleTargetRef?: { name?: string } };
      const target = readScaleTarget(deps.registry, deps.store, namespace, {
        name: spec.scaleTargetRef?.name ?? '',
        apiVersion: scaleTargetApiVersion(spec).value,
        kind: scaleTargetKind(spec).value,
      });
      const scalers = buildScalers(
        deps.store,
        deps.registry,
        so,
        templateEnv(target.ok ? target.target.object : undefined),
      );
      if (!scalers.specs.ok) throw rpcError(`error getting scalers ${scalers.specs.error}`);
      const consumers =
        target.ok && target.target.selector ? { namespace, selector: target.target.selector } : undefined;
      const reads = readTriggers(deps.sources, so, scalers, `ScaledObject ${namespace}/${name}`, consumers);
      const loop = loopScaledObject(so);
      const status = isObject(so.status) ? so.status : {};
      const answer = externalMetricValue({
        spec: loop.spec as LoopScaledObjectSpec,
        health: loop.status.health,
        externalMetricNames: Array.isArray(status.externalMetricNames)
          ? status.externalMetricNames.map(String)
          : scalers.specs.externalMetricNames,
        metricName,
        metrics: reads.observations,
        ...(target.ok
          ? { currentReplicas: target.target.specReplicas, readyReplicas: target.target.readyReplicas }
          : {}),
      });
      const ref = objectRef(def, so);
      for (const f of reads.failures)
        deps.recorder.emit(ref, handlerEvent(deps.version, 'Warning', 'KEDAScalerFailed', f.error));
      if (
        isFallbackEnabled(loop.spec) &&
        !deepEqual(getPath(so, ['status', 'health']) ?? {}, answer.health)
      ) {
        const next: JsonObject = { ...status, health: answer.health };
        deps.service.update(def, namespace, name, { ...so, status: next }, {}, 'status');
      }
      if (!answer.ok) throw rpcError(answer.error);
      const timestamp = rfc3339(deps.clock.now());
      return answer.items.map((item) => ({
        metricName: item.metricName,
        metricLabels: null,
        timestamp,
        value: item.value,
      }));
    },
  };
}

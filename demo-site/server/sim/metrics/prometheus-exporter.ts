/**
 * The Prometheus endpoints a KEDA cluster usually has, for a real Prometheus to scrape the
 * simulated one: KEDA's operator metrics (kedacore/keda pkg/metricscollector/prommetrics.go:
 * `keda_scaler_metrics_value`, `keda_scaler_active`, `keda_scaled_object_paused` with the labels
 * `namespace, metric, scaledObject, scaler, triggerIndex, type`) and kube-state-metrics' HPA and
 * Deployment replica gauges. Both are served where a client reaches them through the API server,
 * the service proxy: `/api/v1/namespaces/keda/services/keda-operator:8080/proxy/metrics` and
 * `/api/v1/namespaces/kube-system/services/kube-state-metrics:8080/proxy/metrics`.
 *
 * Values are what KEDA's scale loop reads from the simulated sources, read without counting as a
 * reader (a scrape adds no load to the event sources). A paused ScaledObject's loop is stopped, so
 * it has no scaler series (KEDA deletes them), only `keda_scaled_object_paused 1`.
 */
import { scaledObjectPauseState } from '../../../../components/src/core/keda/annotations.ts';
import {
  scaleTargetApiVersion,
  scaleTargetKind,
  type ScaledObjectDefaultsInput,
} from '../../../../components/src/core/keda/defaults.ts';
import { tryParseQuantity, quantityToNumber } from '../../../../components/src/core/kube/quantity.ts';
import { buildScalers, isTriggerActive } from '../controllers/keda/triggers.ts';
import { KEDA_NAMESPACE, kedaDef, templateEnv } from '../controllers/keda/common.ts';
import { readScaleTarget } from '../controllers/scale-target.ts';
import { getPath, isObject } from '../core/json.ts';
import type { ResourceRegistry } from '../registry/registry.ts';
import { fromStorage, storageKey, type KObject, type ResourceDef } from '../registry/types.ts';
import { sourceKey } from '../sources/identity.ts';
import type { SourceRegistry } from '../sources/registry.ts';
import type { ObjectStore } from '../store/store.ts';
import { renderExposition, type Family } from './exposition.ts';

export const KEDA_OPERATOR_METRICS_PATH = `/api/v1/namespaces/${KEDA_NAMESPACE}/services/keda-operator:8080/proxy/metrics`;
export const KUBE_STATE_METRICS_PATH =
  '/api/v1/namespaces/kube-system/services/kube-state-metrics:8080/proxy/metrics';

const KEDA_PATH = new RegExp(
  `^/api/v1/namespaces/${KEDA_NAMESPACE}/services/(?:https?:)?keda-operator:(?:8080|metrics)/proxy/metrics$`,
);
const KSM_PATH =
  /^\/api\/v1\/namespaces\/kube-system\/services\/(?:https?:)?kube-state-metrics:(?:8080|http-metrics)\/proxy\/metrics$/;

/** `%T` of KEDA's scaler structs without `*scalers.` (the `scaler` label when a trigger has no name). */
const SCALER_TYPE_NAMES: Readonly<Record<string, string>> = {
  rabbitmq: 'rabbitMQScaler',
  kafka: 'kafkaScaler',
  'apache-kafka': 'apacheKafkaScaler',
  prometheus: 'prometheusScaler',
  'metrics-api': 'metricsAPIScaler',
  cron: 'cronScaler',
  redis: 'redisScaler',
  'redis-streams': 'redisStreamsScaler',
  'aws-sqs-queue': 'awsSqsQueueScaler',
  'azure-servicebus': 'azureServiceBusScaler',
  'azure-queue': 'azureQueueScaler',
  'gcp-pubsub': 'pubsubScaler',
  nats: 'natsScaler',
  'nats-jetstream': 'natsJetStreamScaler',
  postgresql: 'postgreSQLScaler',
  mysql: 'mySQLScaler',
  'kubernetes-workload': 'kubernetesWorkloadScaler',
  external: 'externalScaler',
  'external-push': 'externalPushScaler',
  cpu: 'cpuMemoryScaler',
  memory: 'cpuMemoryScaler',
};

export function scalerLabel(trigger: { type: string; name?: string }): string {
  if (trigger.name) return trigger.name;
  const known = SCALER_TYPE_NAMES[trigger.type];
  if (known) return known;
  const camel = trigger.type.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return `${camel}Scaler`;
}

export interface PrometheusExporterDeps {
  store: ObjectStore;
  registry: ResourceRegistry;
  sources: SourceRegistry;
}

type Labels = Record<string, string>;

export class SimPrometheusExporter {
  constructor(private readonly deps: PrometheusExporterDeps) {}

  /** The exposition for a service-proxy path this exporter serves, else undefined. */
  serve(pathname: string): string | undefined {
    if (KEDA_PATH.test(pathname)) return this.kedaMetrics();
    if (KSM_PATH.test(pathname)) return this.kubeStateMetrics();
    return undefined;
  }

  kedaMetrics(): string {
    const value: Family = {
      name: 'keda_scaler_metrics_value',
      help: "The current value for each scaler's metric that would be used by the HPA in computing the target average.",
      type: 'gauge',
      series: [],
    };
    const active: Family = {
      name: 'keda_scaler_active',
      help: 'Indicates whether a scaler is active (1), or not (0).',
      type: 'gauge',
      series: [],
    };
    const paused: Family = {
      name: 'keda_scaled_object_paused',
      help: 'Indicates whether a ScaledObject is paused (1), or not (0).',
      type: 'gauge',
      series: [],
    };
    for (const [plural, type] of [
      ['scaledobjects', 'scaledobject'],
      ['scaledjobs', 'scaledjob'],
    ] as const) {
      const def = kedaDef(this.deps.registry, plural);
      if (!def) continue;
      for (const object of this.deps.store.scan(storageKey(def))) {
        const namespace = object.metadata.namespace ?? '';
        const name = object.metadata.name ?? '';
        let isPaused = false;
        if (type === 'scaledobject') {
          isPaused = scaledObjectPauseState(object.metadata.annotations).paused;
          paused.series.push({ labels: { namespace, scaledObject: name }, value: isPaused ? 1 : 0 });
        }
        if (isPaused) continue;
        for (const s of this.scalerReadings(object as KObject, type)) {
          const labels: Labels = {
            namespace,
            metric: s.metricName,
            scaledObject: name,
            scaler: s.scaler,
            triggerIndex: String(s.triggerIndex),
            type,
          };
          value.series.push({ labels, value: s.value });
          active.series.push({ labels, value: s.active ? 1 : 0 });
        }
      }
    }
    return renderExposition([value, active, paused]);
  }

  private scalerReadings(
    object: KObject,
    type: 'scaledobject' | 'scaledjob',
  ): Array<{ metricName: string; scaler: string; triggerIndex: number; value: number; active: boolean }> {
    const namespace = object.metadata.namespace ?? '';
    let env: Record<string, string> = {};
    if (type === 'scaledobject') {
      const spec = (object.spec ?? {}) as ScaledObjectDefaultsInput & { scaleTargetRef?: { name?: string } };
      const target = readScaleTarget(this.deps.registry, this.deps.store, namespace, {
        name: spec.scaleTargetRef?.name ?? '',
        apiVersion: scaleTargetApiVersion(spec).value,
        kind: scaleTargetKind(spec).value,
      });
      env = templateEnv(target.ok ? target.target.object : undefined);
    }
    const scalers = buildScalers(this.deps.store, this.deps.registry, object, env);
    if (!scalers.specs.ok) return [];
    const activity = getPath(object, ['status', 'triggersActivity']);
    const out = [];
    for (const p of scalers.specs.triggers) {
      if (p.sourceType !== 'External') continue;
      const trigger = scalers.triggers[p.index];
      if (!trigger) continue;
      const view = this.deps.sources.get(sourceKey(trigger, namespace, scalers.resolved[p.index] ?? {}));
      // No reading yet, or the scaler fails: KEDA records an error, not a value.
      if (!view || view.failing || view.value === null) continue;
      for (const metricName of p.metricNames) {
        const recorded = isObject(activity) ? getPath(activity, [metricName, 'isActive']) : undefined;
        out.push({
          metricName,
          scaler: scalerLabel(trigger),
          triggerIndex: p.index,
          value: view.value,
          active: typeof recorded === 'boolean' ? recorded : isTriggerActive(p, view.value),
        });
      }
    }
    return out;
  }

  kubeStateMetrics(): string {
    const gauge = (name: string, help: string): Family => ({ name, help, type: 'gauge', series: [] });
    const info = gauge('kube_horizontalpodautoscaler_info', 'Information about this autoscaler.');
    const maxReplicas = gauge(
      'kube_horizontalpodautoscaler_spec_max_replicas',
      'Upper limit for the number of pods that can be set by the autoscaler; cannot be smaller than MinReplicas.',
    );
    const minReplicas = gauge(
      'kube_horizontalpodautoscaler_spec_min_replicas',
      'Lower limit for the number of pods that can be set by the autoscaler, default 1.',
    );
    const targetMetric = gauge(
      'kube_horizontalpodautoscaler_spec_target_metric',
      'The metric specifications used by this autoscaler when calculating the desired replica count.',
    );
    const current = gauge(
      'kube_horizontalpodautoscaler_status_current_replicas',
      'Current number of replicas of pods managed by this autoscaler.',
    );
    const desired = gauge(
      'kube_horizontalpodautoscaler_status_desired_replicas',
      'Desired number of replicas of pods managed by this autoscaler.',
    );
    const hpaDef = this.deps.registry.get('autoscaling', 'v2', 'horizontalpodautoscalers');
    for (const hpa of this.objects(hpaDef)) {
      const base = {
        namespace: hpa.metadata.namespace ?? '',
        horizontalpodautoscaler: hpa.metadata.name ?? '',
      };
      const spec = isObject(hpa.spec) ? hpa.spec : {};
      const status = isObject(hpa.status) ? hpa.status : {};
      const ref = isObject(spec.scaleTargetRef) ? spec.scaleTargetRef : {};
      info.series.push({
        labels: {
          ...base,
          scaletargetref_api_version: String(ref.apiVersion ?? ''),
          scaletargetref_kind: String(ref.kind ?? ''),
          scaletargetref_name: String(ref.name ?? ''),
        },
        value: 1,
      });
      maxReplicas.series.push({ labels: base, value: Number(spec.maxReplicas ?? 0) });
      minReplicas.series.push({ labels: base, value: Number(spec.minReplicas ?? 1) });
      for (const m of Array.isArray(spec.metrics) ? spec.metrics.filter(isObject) : []) {
        const source = [m.external, m.resource, m.pods, m.object, m.containerResource].find(isObject);
        if (!source) continue;
        const metricName = String(
          (isObject(source.metric) ? source.metric.name : undefined) ?? source.name ?? '',
        );
        const target = isObject(source.target) ? source.target : {};
        const pairs: Array<[string, unknown]> = [
          ['value', target.value],
          ['average', target.averageValue],
          ['utilization', target.averageUtilization],
        ];
        for (const [kind, raw] of pairs) {
          if (raw === undefined) continue;
          const v = typeof raw === 'number' ? raw : parseFloatQuantity(String(raw));
          if (v === undefined) continue;
          targetMetric.series.push({
            labels: { ...base, metric_name: metricName, metric_target_type: kind },
            value: v,
          });
        }
      }
      if (typeof status.currentReplicas === 'number')
        current.series.push({ labels: base, value: status.currentReplicas });
      if (typeof status.desiredReplicas === 'number')
        desired.series.push({ labels: base, value: status.desiredReplicas });
    }

    const specReplicas = gauge('kube_deployment_spec_replicas', 'Number of desired pods for a deployment.');
    const statusReplicas = gauge('kube_deployment_status_replicas', 'The number of replicas per deployment.');
    for (const d of this.objects(this.deps.registry.get('apps', 'v1', 'deployments'))) {
      const labels = { namespace: d.metadata.namespace ?? '', deployment: d.metadata.name ?? '' };
      const replicas = getPath(d, ['spec', 'replicas']);
      specReplicas.series.push({ labels, value: typeof replicas === 'number' ? replicas : 1 });
      const status = getPath(d, ['status', 'replicas']);
      statusReplicas.series.push({ labels, value: typeof status === 'number' ? status : 0 });
    }
    return renderExposition([
      info,
      maxReplicas,
      minReplicas,
      targetMetric,
      current,
      desired,
      specReplicas,
      statusReplicas,
    ]);
  }

  private objects(def: ResourceDef | undefined): KObject[] {
    if (!def) return [];
    return this.deps.store.scan(storageKey(def)).map((o) => fromStorage(def, o as KObject));
  }
}

/** A quantity string as kube-state-metrics exports it (as a float). */
function parseFloatQuantity(text: string): number | undefined {
  const q = tryParseQuantity(text);
  return q ? quantityToNumber(q) : undefined;
}

import type { HorizontalPodAutoscaler, MetricSpec, MetricStatus } from './autoscaling.js';

/** One HPA metric as a details view shows it: what, the current value and the target. */
export interface HpaMetricRow {
  /** `s0-rabbitmq-orders`, `cpu`… */
  name: string;
  type: MetricSpec['type'];
  /** `AverageValue` (per pod), `Value` (total) or `Utilization` (percent of requests). */
  targetType: string;
  /** Current value as the HPA reports it, or undefined when it has none. */
  current: string | undefined;
  target: string;
}

const withPercent = (value: number | undefined) => (value === undefined ? undefined : `${value}%`);

function statusFor(
  spec: MetricSpec,
  statuses: readonly MetricStatus[],
  index: number,
): MetricStatus | undefined {
  // The HPA controller writes currentMetrics in spec order; fall back to matching by name.
  const same = statuses[index];
  if (same && same.type === spec.type) return same;
  return statuses.find(
    (s) =>
      s.type === spec.type &&
      (s.external?.metric.name ?? s.resource?.name ?? s.containerResource?.name) ===
        (spec.external?.metric.name ?? spec.resource?.name ?? spec.containerResource?.name),
  );
}

/** `spec.metrics` paired with `status.currentMetrics`. */
export function hpaMetricRows(hpa: HorizontalPodAutoscaler): HpaMetricRow[] {
  const statuses = hpa.status?.currentMetrics ?? [];
  return (hpa.spec?.metrics ?? []).map((spec, index) => {
    const status = statusFor(spec, statuses, index);
    if (spec.external) {
      const t = spec.external.target;
      const c = status?.external?.current;
      return {
        name: spec.external.metric.name,
        type: spec.type,
        targetType: t.type,
        current: t.type === 'Value' ? c?.value : c?.averageValue,
        target: (t.type === 'Value' ? t.value : t.averageValue) ?? '?',
      };
    }
    const resource = spec.resource ?? spec.containerResource;
    if (resource) {
      const t = resource.target;
      const c = (status?.resource ?? status?.containerResource)?.current;
      const utilization = t.type === 'Utilization';
      const container = spec.containerResource ? ` (${spec.containerResource.container})` : '';
      return {
        name: `${resource.name}${container}`,
        type: spec.type,
        targetType: t.type,
        current: utilization ? withPercent(c?.averageUtilization) : c?.averageValue,
        target: (utilization ? withPercent(t.averageUtilization) : t.averageValue) ?? '?',
      };
    }
    return { name: spec.type, type: spec.type, targetType: '?', current: undefined, target: '?' };
  });
}

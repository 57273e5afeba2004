/**
 * external.metrics.k8s.io/v1beta1 as KEDA's metrics adapter (keda-operator-metrics-apiserver)
 * serves it behind the aggregator (REFERENCE §5, KUBE-WIRE §1.2, §6.8). The adapter's own steps
 * live here (kedacore/keda pkg/provider/provider.go): read the ScaledObject name from the label
 * selector, ask the operator. The operator part is an ExternalMetricsProvider that the simulated
 * KEDA controller registers; without one the adapter cannot reach the operator and says so.
 * Errors are plain Go errors, which the apiserver answers as a 500 Status without a reason.
 */
import type { Status } from '../../../../components/src/core/kube/types.ts';
import { ApiError, isApiError } from '../core/errors.ts';
import { LabelSelector, type LabelRequirement } from '../core/selectors.ts';

export const EXTERNAL_METRICS_GROUP = 'external.metrics.k8s.io';
export const EXTERNAL_METRICS_VERSION = 'v1beta1';
/** The label KEDA's HPAs select metrics by (`scaledobject.keda.sh/name=<so>`). */
export const SCALED_OBJECT_NAME_LABEL = 'scaledobject.keda.sh/name';

/** One external.metrics.k8s.io/v1beta1 ExternalMetricValue. */
export interface ExternalMetricValue {
  metricName: string;
  /** KEDA sends null. */
  metricLabels: Record<string, string> | null;
  /** RFC 3339. */
  timestamp: string;
  windowSeconds?: number;
  /** A Kubernetes quantity, e.g. `"3"` or `"4667m"`. */
  value: string;
}

export interface ExternalMetricValueList {
  kind: 'ExternalMetricValueList';
  apiVersion: 'external.metrics.k8s.io/v1beta1';
  metadata: Record<string, never>;
  items: ExternalMetricValue[];
}

/**
 * What the KEDA operator answers the adapter (its gRPC GetMetrics). Called only with a label
 * selector that names a ScaledObject (see scaledObjectNameOf). Throw an ApiError to fail the
 * request, e.g. `externalMetricsError(kedaAdapterMessages.scaledObjectNotFound(name))`; any other
 * thrown Error becomes the same reason-less 500 with its message.
 */
export interface ExternalMetricsProvider {
  getValues(namespace: string, metricName: string, labelSelector: string | undefined): ExternalMetricValue[];
}

/** Where a controller registers (or removes) the provider. */
export interface ExternalMetricsRegistry {
  setProvider(provider: ExternalMetricsProvider | undefined): void;
}

/** The messages KEDA's adapter and operator answer with. */
export const kedaAdapterMessages = {
  scaledObjectNameMissing: 'scaledObject name is not specified',
  operatorUnreachable: 'timeout while waiting to establish gRPC connection to KEDA Metrics Service server',
  scaledObjectNotFound: (name: string): string =>
    `rpc error: code = Unknown desc = error when getting metric values error getting scalers scaledobjects.keda.sh "${name}" not found`,
} as const;

/** A plain (non-Status) error of an aggregated server: 500, no reason. */
export function externalMetricsError(message: string): ApiError {
  const status: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    code: 500,
  };
  return new ApiError(status);
}

/** The legacy discovery entry of the adapter's only resource. */
export const EXTERNAL_METRICS_RESOURCE = {
  name: 'externalmetrics',
  singularName: '',
  namespaced: true,
  kind: 'ExternalMetricValueList',
  verbs: ['get'],
} as const;

function selectorString(r: LabelRequirement): string {
  const values = [...r.values].sort();
  switch (r.operator) {
    case '=':
    case '!=':
      return `${r.key}${r.operator}${r.values[0] ?? ''}`;
    case 'in':
    case 'notin':
      return `${r.key} ${r.operator} (${values.join(',')})`;
    case 'exists':
      return r.key;
    case '!exists':
      return `!${r.key}`;
  }
  return '';
}

const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/**
 * The ScaledObject name as the adapter reads it: the parsed selector printed back (sorted by key)
 * and split into `key=value` pairs (labels.ConvertSelectorToLabelsMap). '' when the label is absent;
 * throws the adapter's error when the selector is not a plain `k=v,…` list.
 */
export function scaledObjectNameOf(labelSelector: string | undefined): string {
  const parsed = LabelSelector.parse(labelSelector);
  const sorted = [...parsed.requirements].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const labels = new Map<string, string>();
  const printed = sorted.map(selectorString).join(',');
  for (const term of printed ? printed.split(',') : []) {
    const parts = term.split('=');
    if (parts.length !== 2) throw externalMetricsError(`invalid selector: [${parts.join(' ')}]`);
    const key = (parts[0] ?? '').trim();
    const name = key.includes('/') ? key.slice(key.indexOf('/') + 1) : key;
    if (!LABEL_NAME.test(name)) {
      throw externalMetricsError(
        `invalid label key "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      );
    }
    labels.set(key, (parts[1] ?? '').trim());
  }
  return labels.get(SCALED_OBJECT_NAME_LABEL) ?? '';
}

/** The adapter: one provider slot and the request logic of `GET …/namespaces/NS/<metric>`. */
export class ExternalMetricsApi implements ExternalMetricsRegistry {
  private provider: ExternalMetricsProvider | undefined;

  setProvider(provider: ExternalMetricsProvider | undefined): void {
    this.provider = provider;
  }

  get hasProvider(): boolean {
    return this.provider !== undefined;
  }

  /** The ExternalMetricValueList for a metric, or throws the ApiError the adapter answers. */
  list(namespace: string, metricName: string, labelSelector: string | undefined): ExternalMetricValueList {
    const name = scaledObjectNameOf(labelSelector);
    const provider = this.provider;
    if (!provider) throw externalMetricsError(kedaAdapterMessages.operatorUnreachable);
    if (!name) throw externalMetricsError(kedaAdapterMessages.scaledObjectNameMissing);
    let items: ExternalMetricValue[];
    try {
      items = provider.getValues(namespace, metricName, labelSelector);
    } catch (error) {
      if (isApiError(error)) throw error;
      throw externalMetricsError(error instanceof Error ? error.message : String(error));
    }
    return {
      kind: 'ExternalMetricValueList',
      apiVersion: 'external.metrics.k8s.io/v1beta1',
      metadata: {},
      items: items.map((item) => {
        const window = item.windowSeconds === undefined ? {} : { windowSeconds: item.windowSeconds };
        return {
          metricName: item.metricName,
          metricLabels: item.metricLabels ?? null,
          timestamp: item.timestamp,
          ...window,
          value: item.value,
        };
      }),
    };
  }
}

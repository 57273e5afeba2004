/** The HTTP side of external.metrics.k8s.io: its discovery entry and the answer to a request. */
import { errors } from '../core/errors.ts';
import type { ExtraGroup } from '../http/discovery.ts';
import type { ResourceRoute } from '../http/paths.ts';
import {
  EXTERNAL_METRICS_GROUP,
  EXTERNAL_METRICS_RESOURCE,
  EXTERNAL_METRICS_VERSION,
  type ExternalMetricsApi,
  type ExternalMetricValueList,
} from './external-metrics.ts';

export const EXTERNAL_METRICS_DISCOVERY: ExtraGroup = {
  name: EXTERNAL_METRICS_GROUP,
  version: EXTERNAL_METRICS_VERSION,
  resources: [EXTERNAL_METRICS_RESOURCE],
};

/** `GET /apis/external.metrics.k8s.io/v1beta1/namespaces/NS/<metricName>?labelSelector=…`. */
export function externalMetricsResponse(
  api: ExternalMetricsApi,
  route: ResourceRoute,
  method: string,
  query: URLSearchParams,
): ExternalMetricValueList {
  if (
    route.version !== EXTERNAL_METRICS_VERSION ||
    route.namespace === undefined ||
    route.name !== undefined
  ) {
    throw errors.pathNotFound();
  }
  if (method !== 'GET' || route.watchPrefix || query.get('watch') !== null) {
    throw errors.methodNotSupported(
      { group: EXTERNAL_METRICS_GROUP, resource: route.plural },
      method.toLowerCase(),
    );
  }
  return api.list(route.namespace, route.plural, query.get('labelSelector') ?? undefined);
}

/**
 * The TARGETS cell of `kubectl get hpa` (formatHPAMetrics in kubernetes pkg/printers): each spec
 * metric paired with the status metric at the same index, the first two joined with `, `, then
 * ` + N more...`.
 */
import { asNumber, getPath, isObject, type JsonObject } from '../../core/json.ts';
import { objects } from './common.ts';

const UNKNOWN = '<unknown>';
const SHOWN = 2;

/** Quantity.String() of a stored value; a missing quantity pointer prints `<nil>`. */
function quantity(value: unknown): string {
  if (value === undefined || value === null) return '<nil>';
  return String(value);
}

function at(status: JsonObject | undefined, source: string, ...path: string[]): unknown {
  return status && isObject(status[source]) ? getPath(status[source], path) : undefined;
}

function hasSource(status: JsonObject | undefined, source: string): boolean {
  return !!status && isObject(status[source]);
}

function averageOr(status: JsonObject | undefined, source: string, path: string[]): string {
  const v = at(status, source, ...path);
  return v === undefined || v === null ? UNKNOWN : quantity(v);
}

function formatMetric(spec: JsonObject, status: JsonObject | undefined): string {
  switch (spec.type) {
    case 'External':
    case 'Object': {
      const source = spec.type === 'External' ? 'external' : 'object';
      const target = getPath(spec, [source, 'target']);
      const averageTarget = getPath(target, ['averageValue']);
      if (averageTarget !== undefined && averageTarget !== null) {
        return `${averageOr(status, source, ['current', 'averageValue'])}/${quantity(averageTarget)} (avg)`;
      }
      const current = hasSource(status, source) ? quantity(at(status, source, 'current', 'value')) : UNKNOWN;
      return `${current}/${quantity(getPath(target, ['value']))}`;
    }
    case 'Pods': {
      const current = hasSource(status, 'pods')
        ? quantity(at(status, 'pods', 'current', 'averageValue'))
        : UNKNOWN;
      return `${current}/${quantity(getPath(spec, ['pods', 'target', 'averageValue']))}`;
    }
    case 'Resource':
    case 'ContainerResource': {
      const source = spec.type === 'Resource' ? 'resource' : 'containerResource';
      const name = String(getPath(spec, [source, 'name']) ?? '');
      const target = getPath(spec, [source, 'target']);
      const averageTarget = getPath(target, ['averageValue']);
      if (averageTarget !== undefined && averageTarget !== null) {
        const current = hasSource(status, source)
          ? quantity(at(status, source, 'current', 'averageValue'))
          : UNKNOWN;
        return `${name}: ${current}/${quantity(averageTarget)}`;
      }
      const utilization = asNumber(at(status, source, 'current', 'averageUtilization'));
      const current = utilization === undefined ? UNKNOWN : `${utilization}%`;
      const targetUtilization = asNumber(getPath(target, ['averageUtilization']));
      return `${name}: ${current}/${targetUtilization === undefined ? '<auto>' : `${targetUtilization}%`}`;
    }
    default:
      return '<unknown type>';
  }
}

/** `spec.metrics` against `status.currentMetrics`, as kubectl prints them. */
export function formatHpaTargets(specMetrics: unknown, currentMetrics: unknown): string {
  const specs = objects(specMetrics);
  if (specs.length === 0) return '<none>';
  const statuses = objects(currentMetrics);
  const list = specs.map((spec, i) => formatMetric(spec, statuses[i]));
  if (list.length <= SHOWN) return list.join(', ');
  return `${list.slice(0, SHOWN).join(', ')} + ${list.length - SHOWN} more...`;
}

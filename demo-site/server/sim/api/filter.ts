/** Which objects a list or watch selects: namespace, label selector, field selector. */
import { FieldSelector, LabelSelector } from '../core/selectors.ts';
import type { KObject, ResourceDef } from '../registry/types.ts';

export interface ObjectFilter {
  namespace: string | undefined;
  labels: LabelSelector;
  fields: FieldSelector;
}

export interface FilterOptions {
  namespace?: string;
  labelSelector?: string | null;
  fieldSelector?: string | null;
}

/** Parses the selectors (400 on bad syntax or unsupported field labels). */
export function makeFilter(def: ResourceDef, options: FilterOptions): ObjectFilter {
  return {
    namespace: def.namespaced ? options.namespace : undefined,
    labels: LabelSelector.parse(options.labelSelector),
    fields: FieldSelector.parse(options.fieldSelector, def.supportedFieldLabels, def.fieldLabelError),
  };
}

export function matchesFilter(def: ResourceDef, filter: ObjectFilter, object: KObject): boolean {
  if (filter.namespace !== undefined && object.metadata.namespace !== filter.namespace) return false;
  if (!filter.labels.empty && !filter.labels.matches(object.metadata.labels)) return false;
  if (!filter.fields.empty && !filter.fields.matches(def.fieldLabels(object))) return false;
  return true;
}

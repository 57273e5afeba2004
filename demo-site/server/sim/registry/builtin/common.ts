/**
 * Pieces shared by the built-in kinds: printer columns, pod template defaults and cells, label
 * selector formatting, field selector values, and the codec's 400 for undecodable bodies.
 */
import type { StatusCause } from '../../../../../components/src/core/kube/types.ts';
import { errors, type ApiError } from '../../core/errors.ts';
import { asNumber, asString, getPath, isObject, type JsonObject } from '../../core/json.ts';
import { LabelSelector, type LabelRequirement } from '../../core/selectors.ts';
import { ageOf } from '../../core/time.ts';
import { DESCRIPTIONS } from '../schemas.ts';
import type { KObject, ResourceDef, ScaleAccess, TableColumn } from '../types.ts';

export function column(
  name: string,
  type: TableColumn['type'],
  description: string,
  cell: TableColumn['cell'],
  priority = 0,
): TableColumn {
  return { name, type, format: '', description, priority, cell };
}

/** The AGE column of the built-in printers (a preformatted string). */
export const ageColumn: TableColumn = column('Age', 'string', DESCRIPTIONS.creationTimestamp, (o, now) =>
  ageOf(o.metadata.creationTimestamp, now),
);

/** A number at `path`, 0 when absent (Go's zero value). */
export const num = (o: unknown, ...path: string[]): number => asNumber(getPath(o, path)) ?? 0;

/** A string at `path`, '' when absent. */
export const text = (o: unknown, ...path: string[]): string => asString(getPath(o, path)) ?? '';

export function objects(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

// ---------------------------------------------------------------------------------------------
// Label selectors

export function selectorAt(o: KObject, path: readonly string[]): LabelSelector | undefined {
  const sel = getPath(o, path);
  if (!isObject(sel)) return undefined;
  return LabelSelector.fromObject(sel as Parameters<typeof LabelSelector.fromObject>[0]);
}

function requirementText(r: LabelRequirement): string {
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

/** metav1.FormatLabelSelector: requirements sorted by key, `<none>` when empty. */
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  if (!selector || selector.empty) return '<none>';
  const sorted = [...selector.requirements].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return sorted.map(requirementText).join(',');
}

/** labels.FormatLabels: `k=v` sorted by key, `<none>` when empty. */
export function formatLabels(labels: unknown): string {
  if (!isObject(labels)) return '<none>';
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${String(labels[k])}`).join(',');
}

/** `/scale` of workloads whose replicas live at spec.replicas / status.replicas. */
export function replicasScale(defaultReplicas: number): ScaleAccess {
  return {
    specReplicas: (o) => asNumber(getPath(o, ['spec', 'replicas'])) ?? defaultReplicas,
    setSpecReplicas: (o, n) => {
      if (!isObject(o.spec)) o.spec = {};
      (o.spec as JsonObject).replicas = n;
    },
    statusReplicas: (o) => num(o, 'status', 'replicas'),
    selector: (o) => selectorAt(o, ['spec', 'selector'])?.toString(),
  };
}

// ---------------------------------------------------------------------------------------------
// Pods and pod templates

export function containersOf(podSpec: unknown): JsonObject[] {
  return objects(getPath(podSpec, ['containers']));
}

/** The CONTAINERS and IMAGES cells (layoutContainerCells). */
export function containerCells(podSpec: unknown): { names: string; images: string } {
  const list = containersOf(podSpec);
  return {
    names: list.map((c) => asString(c.name) ?? '').join(','),
    images: list.map((c) => asString(c.image) ?? '').join(','),
  };
}

export const containersColumn = (specPath: readonly string[]): TableColumn =>
  column(
    'Containers',
    'string',
    'Names of each container in the template.',
    (o) => containerCells(getPath(o, specPath)).names,
    1,
  );

export const imagesColumn = (specPath: readonly string[]): TableColumn =>
  column(
    'Images',
    'string',
    'Images referenced by each container in the template.',
    (o) => containerCells(getPath(o, specPath)).images,
    1,
  );

function defaultContainer(c: JsonObject): void {
  const image = asString(c.image) ?? '';
  const tagged = /:[^/]+$/.test(image) || image.includes('@');
  c.imagePullPolicy ??= image.endsWith(':latest') || !tagged ? 'Always' : 'IfNotPresent';
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  for (const port of objects(c.ports)) port.protocol ??= 'TCP';
}

/** SetDefaults_PodSpec and its containers' defaults (what every pod template gets). */
export function defaultPodSpec(podSpec: unknown): void {
  if (!isObject(podSpec)) return;
  podSpec.restartPolicy ??= 'Always';
  podSpec.terminationGracePeriodSeconds ??= 30;
  podSpec.dnsPolicy ??= 'ClusterFirst';
  podSpec.securityContext ??= {};
  podSpec.schedulerName ??= 'default-scheduler';
  for (const c of [...containersOf(podSpec), ...objects(podSpec.initContainers)]) defaultContainer(c);
}

/** Required containers with names and images (field paths under `prefix`). */
export function podSpecCauses(podSpec: unknown, prefix: string): StatusCause[] {
  const causes: StatusCause[] = [];
  const list = containersOf(podSpec);
  if (list.length === 0) {
    causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `${prefix}.containers` });
  }
  const seen = new Set<string>();
  list.forEach((c, i) => {
    const name = asString(c.name) ?? '';
    const field = `${prefix}.containers[${i}]`;
    if (!name)
      causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `${field}.name` });
    else if (seen.has(name)) {
      causes.push({
        reason: 'FieldValueDuplicate',
        message: `Duplicate value: "${name}"`,
        field: `${field}.name`,
      });
    }
    seen.add(name);
    if (!asString(c.image)) {
      causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `${field}.image` });
    }
  });
  return causes;
}

/** The selector / template-labels / containers checks of controllers with a pod template. */
export function workloadCauses(o: KObject): StatusCause[] {
  const causes: StatusCause[] = [];
  const selector = selectorAt(o, ['spec', 'selector']);
  if (!selector || selector.empty) {
    causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.selector' });
  }
  const labels = getPath(o, ['spec', 'template', 'metadata', 'labels']);
  if (
    selector &&
    !selector.empty &&
    !selector.matches(isObject(labels) ? (labels as Record<string, string>) : {})
  ) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: ${JSON.stringify(labels ?? {})}: \`selector\` does not match template \`labels\``,
      field: 'spec.template.metadata.labels',
    });
  }
  causes.push(...podSpecCauses(getPath(o, ['spec', 'template', 'spec']), 'spec.template.spec'));
  const replicas = getPath(o, ['spec', 'replicas']);
  if (typeof replicas === 'number' && replicas < 0) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: ${replicas}: must be greater than or equal to 0`,
      field: 'spec.replicas',
    });
  }
  return causes;
}

// ---------------------------------------------------------------------------------------------
// Decoding

/** The 400 of the request decoder (handlers' transformDecodeError). */
export function undecodable(def: Pick<ResourceDef, 'kind' | 'version'>, reason: string): ApiError {
  return errors.badRequest(
    `${def.kind} in version "${def.version}" cannot be handled as a ${def.kind}: ${reason}`,
  );
}

const GO_TYPES: Readonly<Record<string, string>> = {
  number: 'number',
  boolean: 'bool',
  object: 'object',
  string: 'string',
};

/** Go encoding/json's name of a JSON value's type (`number`, `bool`, `array`…). */
export function jsonTypeName(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  return GO_TYPES[typeof value] ?? 'object';
}

/** metav1.Time: RFC 3339 (any fraction accepted), stored at second precision. */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const RFC3339_MICRO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}(Z|[+-]\d{2}:\d{2})$/;

function timeParseError(value: string, layout: string, micro: boolean): string {
  const head = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.exec(value);
  if (head && micro) {
    const rest = value.slice(head[0].length);
    return `parsing time "${value}" as "${layout}": cannot parse "${rest}" as ".000000"`;
  }
  return `parsing time "${value}" as "${layout}": cannot parse "${value}" as "2006"`;
}

/**
 * Normalizes the metav1.Time (`micro` false) or MicroTime value at `obj[key]` as the apiserver
 * round-trips it; a value Go cannot parse is the decoder's 400.
 */
export function normalizeTime(
  def: Pick<ResourceDef, 'kind' | 'version'>,
  obj: JsonObject,
  key: string,
  micro: boolean,
): void {
  const value = obj[key];
  if (value === undefined || value === null) return;
  const layout = micro ? '2006-01-02T15:04:05.000000Z07:00' : '2006-01-02T15:04:05Z07:00';
  if (typeof value !== 'string') {
    throw undecodable(def, `json: cannot unmarshal ${jsonTypeName(value)} into Go value of type string`);
  }
  if (!(micro ? RFC3339_MICRO : RFC3339).test(value) || Number.isNaN(Date.parse(value))) {
    throw undecodable(def, timeParseError(value, layout, micro));
  }
  const seconds = new Date(value).toISOString().slice(0, 19);
  if (micro) {
    // Sub-second digits survive a zone conversion unchanged.
    const fraction = /\.(\d{6})/.exec(value)?.[1] ?? '000000';
    obj[key] = `${seconds}.${fraction}Z`;
  } else {
    obj[key] = `${seconds}Z`;
  }
}

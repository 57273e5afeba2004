/**
 * Events: ONE stored object (core/v1 shape, as the apiserver's internal type) served by two APIs,
 * core/v1 and events.k8s.io/v1, with the field conversion of k8s.io/kubernetes
 * pkg/apis/events/v1 (note ↔ message, regarding ↔ involvedObject, reportingController ↔
 * reportingComponent, deprecated* ↔ source / firstTimestamp / lastTimestamp / count). A write
 * through either API is seen by lists and watches of both, each in its own shape.
 */
import type { StatusCause } from '../../../../../components/src/core/kube/types.ts';
import { clone, deepEqual, getPath, isObject, type JsonObject } from '../../core/json.ts';
import { dns1123SubdomainCauses } from '../../core/names.ts';
import { ageOf } from '../../core/time.ts';
import { defineResource, nameColumn } from '../define.ts';
import { metaSchemas } from '../schemas.ts';
import { EVENT_SCHEMA, eventSchemas } from '../schemas/core.ts';
import { EVENTS_V1_EVENT_SCHEMA, eventsV1Schemas } from '../schemas/events.ts';
import type { KObject, ResourceDef, StorageCodec, TableColumn } from '../types.ts';
import { column, normalizeTime, num, text } from './common.ts';

/** Storage key shared by both Event APIs. */
export const EVENTS_STORAGE_KEY = '/events';

const CORE_V1 = { kind: 'Event', version: 'v1' };

const present = (v: unknown): boolean => v !== undefined && v !== null && v !== '' && v !== 0;

function objectOr(value: unknown): JsonObject {
  return isObject(value) ? clone(value) : {};
}

/** The stored (core/v1) shape with the fields Go always serializes: `{}`, `null`, `""`. */
export function normalizeCoreEvent(o: KObject): KObject {
  const out: KObject = { apiVersion: 'v1', kind: 'Event', metadata: o.metadata };
  out.involvedObject = objectOr(o.involvedObject);
  if (present(o.reason)) out.reason = o.reason;
  if (present(o.message)) out.message = o.message;
  out.source = objectOr(o.source);
  out.firstTimestamp = o.firstTimestamp ?? null;
  out.lastTimestamp = o.lastTimestamp ?? null;
  if (present(o.count)) out.count = o.count;
  if (present(o.type)) out.type = o.type;
  out.eventTime = o.eventTime ?? null;
  if (isObject(o.series)) out.series = clone(o.series);
  if (present(o.action)) out.action = o.action;
  if (isObject(o.related)) out.related = clone(o.related);
  out.reportingComponent = o.reportingComponent ?? '';
  out.reportingInstance = o.reportingInstance ?? '';
  return out;
}

/** core/v1 → events.k8s.io/v1 (Convert_core_Event_To_v1_Event). */
export function coreEventToEventsV1(core: KObject): KObject {
  const c = normalizeCoreEvent(core);
  const out: KObject = { apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: c.metadata };
  out.eventTime = c.eventTime ?? null;
  if (isObject(c.series)) out.series = c.series;
  if (present(c.reportingComponent)) out.reportingController = c.reportingComponent;
  if (present(c.reportingInstance)) out.reportingInstance = c.reportingInstance;
  if (present(c.action)) out.action = c.action;
  if (present(c.reason)) out.reason = c.reason;
  out.regarding = c.involvedObject;
  if (isObject(c.related)) out.related = c.related;
  if (present(c.message)) out.note = c.message;
  if (present(c.type)) out.type = c.type;
  out.deprecatedSource = c.source;
  out.deprecatedFirstTimestamp = c.firstTimestamp ?? null;
  out.deprecatedLastTimestamp = c.lastTimestamp ?? null;
  if (present(c.count)) out.deprecatedCount = c.count;
  return out;
}

/** events.k8s.io/v1 → core/v1 (Convert_v1_Event_To_core_Event). */
export function eventsV1ToCoreEvent(v1: KObject): KObject {
  return normalizeCoreEvent({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: v1.metadata,
    involvedObject: v1.regarding,
    reason: v1.reason,
    message: v1.note,
    source: v1.deprecatedSource,
    firstTimestamp: v1.deprecatedFirstTimestamp,
    lastTimestamp: v1.deprecatedLastTimestamp,
    count: v1.deprecatedCount,
    type: v1.type,
    eventTime: v1.eventTime,
    series: v1.series,
    action: v1.action,
    related: v1.related,
    reportingComponent: v1.reportingController,
    reportingInstance: v1.reportingInstance,
  });
}

/** Replaces `target`'s fields with `source`'s (strategy hooks normalize in place). */
function replaceContents(target: KObject, source: KObject): void {
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, source);
}

/** Time fields as the decoder parses and re-serializes them (MicroTime needs 6 fraction digits). */
function normalizeTimes(
  def: { kind: string; version: string },
  o: KObject,
  times: readonly string[],
  micro: readonly string[],
): void {
  for (const key of times) normalizeTime(def, o, key, false);
  for (const key of micro) normalizeTime(def, o, key, true);
  if (isObject(o.series)) normalizeTime(def, o.series, 'lastObservedTime', true);
}

// ---------------------------------------------------------------------------------------------
// Validation (pkg/apis/core/validation/events.go)

const required = (field: string): StatusCause => ({
  reason: 'FieldValueRequired',
  message: 'Required value',
  field,
});
const invalidCause = (field: string, message: string): StatusCause => ({
  reason: 'FieldValueInvalid',
  message: `Invalid value: "": ${message}`,
  field,
});

/**
 * The legacy checks every Event passes; `strict` adds those of events.k8s.io/v1 writes. Field
 * paths are the internal type's, as the apiserver reports them (`reportingComponent` on core/v1).
 */
function validateEvent(core: KObject, strict: boolean): StatusCause[] {
  const causes: StatusCause[] = [];
  const namespace = core.metadata.namespace ?? '';
  const involvedNamespace = text(core, 'involvedObject', 'namespace');
  const mismatch = (): StatusCause => ({
    reason: 'FieldValueInvalid',
    message: `Invalid value: "${involvedNamespace}": does not match event.namespace`,
    field: 'involvedObject.namespace',
  });
  if (!core.eventTime) {
    if (involvedNamespace ? namespace !== involvedNamespace : namespace !== '' && namespace !== 'default') {
      causes.push(mismatch());
    }
  } else {
    if (!involvedNamespace && namespace !== 'default' && namespace !== 'kube-system') causes.push(mismatch());
    const controller = strict ? 'reportingController' : 'reportingComponent';
    if (!text(core, 'reportingComponent')) causes.push(required(controller));
    if (!text(core, 'reportingInstance')) causes.push(required('reportingInstance'));
    else if (text(core, 'reportingInstance').length > 128) {
      causes.push(invalidCause('reportingInstance', 'can have at most 128 characters'));
    }
    if (!text(core, 'action')) causes.push(required('action'));
    else if (text(core, 'action').length > 128)
      causes.push(invalidCause('action', 'can have at most 128 characters'));
    if (!text(core, 'reason')) causes.push(required('reason'));
    else if (text(core, 'reason').length > 128)
      causes.push(invalidCause('reason', 'can have at most 128 characters'));
    if (text(core, 'message').length > 1024)
      causes.push(invalidCause('message', 'can have at most 1024 characters'));
  }
  if (!strict) return causes;
  if (!core.eventTime) causes.push(required('eventTime'));
  const type = text(core, 'type');
  if (type !== 'Normal' && type !== 'Warning')
    causes.push(invalidCause('type', `has invalid value: ${type}`));
  if (core.firstTimestamp) causes.push(invalidCause('firstTimestamp', 'needs to be unset'));
  if (core.lastTimestamp) causes.push(invalidCause('lastTimestamp', 'needs to be unset'));
  if (num(core, 'count') !== 0) causes.push(invalidCause('count', 'needs to be unset'));
  if (text(core, 'source', 'component') || text(core, 'source', 'host')) {
    causes.push(invalidCause('source', 'needs to be unset'));
  }
  if (isObject(core.series)) {
    if (num(core, 'series', 'count') < 2) causes.push(invalidCause('series.count', 'should be at least 2'));
    if (!getPath(core, ['series', 'lastObservedTime'])) causes.push(required('series.lastObservedTime'));
  }
  return causes;
}

/** Internal (stored) fields an events.k8s.io/v1 update may not change, under their internal names. */
const IMMUTABLE_ON_V1_UPDATE: readonly string[] = [
  'involvedObject',
  'reason',
  'message',
  'source',
  'firstTimestamp',
  'lastTimestamp',
  'count',
  'type',
  'eventTime',
  'action',
  'related',
  'reportingComponent',
  'reportingInstance',
];

/** The internal type calls reportingComponent ReportingController. */
const internalPath = (field: string): string =>
  field === 'reportingComponent' ? 'reportingController' : field;

/** events.k8s.io/v1 updates may change the series (and metadata) only. */
function validateEventsV1Update(next: KObject, previous: KObject): StatusCause[] {
  const a = eventsV1ToCoreEvent(next);
  const b = eventsV1ToCoreEvent(previous);
  return IMMUTABLE_ON_V1_UPDATE.filter((field) => !deepEqual(a[field] ?? null, b[field] ?? null)).map(
    (field) => ({
      reason: 'FieldValueInvalid',
      message: `Invalid value: ${JSON.stringify(a[field] ?? null)}: field is immutable`,
      field: internalPath(field),
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Printer (printEvent) and field selectors, both from the stored shape

function lastSeenAndFirst(core: KObject, now: Date): { last: string; first: string; count: number } {
  const first = core.firstTimestamp ? ageOf(core.firstTimestamp, now) : ageOf(core.eventTime, now);
  let last = core.lastTimestamp ? ageOf(core.lastTimestamp, now) : first;
  let count = num(core, 'count');
  if (isObject(core.series)) {
    last = ageOf(getPath(core, ['series', 'lastObservedTime']), now);
    count = num(core, 'series', 'count');
  } else if (count === 0) {
    count = 1;
  }
  return { last, first, count };
}

function eventSource(core: KObject): string {
  const component = text(core, 'source', 'component') || text(core, 'reportingComponent');
  const instance = text(core, 'source', 'host') || text(core, 'reportingInstance');
  return instance ? `${component}, ${instance}` : component;
}

function eventColumns(toCore: (o: KObject) => KObject): TableColumn[] {
  const cell =
    (f: (core: KObject, now: Date) => unknown) =>
    (o: KObject, now: Date): unknown =>
      f(toCore(o), now);
  return [
    column(
      'Last Seen',
      'string',
      'The time at which the most recent occurrence of this event was recorded.',
      cell((c, now) => lastSeenAndFirst(c, now).last),
    ),
    column(
      'Type',
      'string',
      'Type of this event (Normal, Warning), new types could be added in the future',
      cell((c) => text(c, 'type')),
    ),
    column(
      'Reason',
      'string',
      "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
      cell((c) => text(c, 'reason')),
    ),
    column(
      'Object',
      'string',
      'The object that this event is about.',
      cell((c) => {
        const kind = text(c, 'involvedObject', 'kind').toLowerCase();
        const name = text(c, 'involvedObject', 'name');
        return name ? `${kind}/${name}` : kind;
      }),
    ),
    column(
      'Subobject',
      'string',
      'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].',
      cell((c) => text(c, 'involvedObject', 'fieldPath')),
      1,
    ),
    column(
      'Source',
      'string',
      'The component reporting this event. Should be a short machine understandable string.',
      cell(eventSource),
      1,
    ),
    column(
      'Message',
      'string',
      'A human-readable description of the status of this operation.',
      cell((c) => text(c, 'message').trim()),
    ),
    column(
      'First Seen',
      'string',
      'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)',
      cell((c, now) => lastSeenAndFirst(c, now).first),
      1,
    ),
    column(
      'Count',
      'string',
      'The number of times this event has occurred.',
      cell((c, now) => lastSeenAndFirst(c, now).count),
      1,
    ),
    { ...nameColumn, priority: 1 },
  ];
}

/** ToSelectableFields of pkg/registry/core/event, under core/v1's label names. */
function coreFields(core: KObject): Record<string, string> {
  return {
    'metadata.name': core.metadata.name ?? '',
    'metadata.namespace': core.metadata.namespace ?? '',
    'involvedObject.kind': text(core, 'involvedObject', 'kind'),
    'involvedObject.namespace': text(core, 'involvedObject', 'namespace'),
    'involvedObject.name': text(core, 'involvedObject', 'name'),
    'involvedObject.uid': text(core, 'involvedObject', 'uid'),
    'involvedObject.apiVersion': text(core, 'involvedObject', 'apiVersion'),
    'involvedObject.resourceVersion': text(core, 'involvedObject', 'resourceVersion'),
    'involvedObject.fieldPath': text(core, 'involvedObject', 'fieldPath'),
    reason: text(core, 'reason'),
    reportingComponent: text(core, 'reportingComponent'),
    source: text(core, 'source', 'component') || text(core, 'reportingComponent'),
    type: text(core, 'type'),
  };
}

/** events.k8s.io/v1 spells the same labels regarding.* and reportingController, nothing else. */
const EVENTS_V1_LABELS: Readonly<Record<string, string>> = {
  'metadata.name': 'metadata.name',
  'metadata.namespace': 'metadata.namespace',
  reason: 'reason',
  type: 'type',
  'regarding.kind': 'involvedObject.kind',
  'regarding.namespace': 'involvedObject.namespace',
  'regarding.name': 'involvedObject.name',
  'regarding.uid': 'involvedObject.uid',
  'regarding.apiVersion': 'involvedObject.apiVersion',
  'regarding.resourceVersion': 'involvedObject.resourceVersion',
  'regarding.fieldPath': 'involvedObject.fieldPath',
  reportingController: 'reportingComponent',
};

// ---------------------------------------------------------------------------------------------

const CORE_TIMES = ['firstTimestamp', 'lastTimestamp'];
const V1_TIMES = ['deprecatedFirstTimestamp', 'deprecatedLastTimestamp'];

export const eventResource: ResourceDef = defineResource({
  group: '',
  version: 'v1',
  plural: 'events',
  kind: 'Event',
  namespaced: true,
  shortNames: ['ev'],
  tracksGeneration: false,
  columns: eventColumns((o) => o),
  fieldLabels: coreFields,
  supportedFieldLabels: Object.keys(coreFields({ metadata: {} })),
  storage: { key: EVENTS_STORAGE_KEY, decode: normalizeCoreEvent, encode: normalizeCoreEvent },
  schemas: { kindSchema: EVENT_SCHEMA, components: { ...metaSchemas, ...eventSchemas } },
  strategy: {
    decode: (o) => normalizeTimes(CORE_V1, o, CORE_TIMES, ['eventTime']),
    prepareForCreate: (o) => replaceContents(o, normalizeCoreEvent(o)),
    prepareForUpdate: (o) => replaceContents(o, normalizeCoreEvent(o)),
    validateName: dns1123SubdomainCauses,
    validate: (o) => validateEvent(o, false),
  },
});

const eventsV1Codec: StorageCodec = {
  key: EVENTS_STORAGE_KEY,
  decode: coreEventToEventsV1,
  encode: eventsV1ToCoreEvent,
};

export const eventsV1EventResource: ResourceDef = defineResource({
  group: 'events.k8s.io',
  version: 'v1',
  plural: 'events',
  kind: 'Event',
  namespaced: true,
  shortNames: ['ev'],
  tracksGeneration: false,
  columns: eventColumns(eventsV1ToCoreEvent),
  fieldLabels: (o) => {
    const core = coreFields(eventsV1ToCoreEvent(o));
    return Object.fromEntries(
      Object.entries(EVENTS_V1_LABELS).map(([label, canonical]) => [label, core[canonical] ?? '']),
    );
  },
  supportedFieldLabels: Object.keys(EVENTS_V1_LABELS),
  storage: eventsV1Codec,
  schemas: { kindSchema: EVENTS_V1_EVENT_SCHEMA, components: { ...metaSchemas, ...eventsV1Schemas } },
  strategy: {
    decode: (o) => normalizeTimes({ kind: 'Event', version: 'v1' }, o, V1_TIMES, ['eventTime']),
    prepareForCreate: (o) => replaceContents(o, coreEventToEventsV1(eventsV1ToCoreEvent(o))),
    prepareForUpdate: (o) => replaceContents(o, coreEventToEventsV1(eventsV1ToCoreEvent(o))),
    validate: (o) => validateEvent(eventsV1ToCoreEvent(o), true),
    validateUpdate: validateEventsV1Update,
  },
});

/**
 * Event recorders, as client-go writes events:
 * - `core` (tools/record, what kube-controller-manager and KEDA ≤ 2.19 use): a core/v1 Event with
 *   `source.component`, first/lastTimestamp and `count`; an identical event (same source, object,
 *   type, reason and message) bumps `count` and `lastTimestamp` of the stored one.
 * - `events.k8s.io` (tools/events, KEDA ≥ 2.20): `eventTime`, `reportingController`,
 *   `reportingInstance`, `action`, `note`; a repeat (same action, reason, controller and object)
 *   within 6 minutes becomes a `series` on the first one.
 * Names are `<object>.<hex unix nanoseconds>` in both shapes.
 */
import type { ResourceService } from '../api/service.ts';
import type { Clock } from '../core/clock.ts';
import { isApiError } from '../core/errors.ts';
import { clone } from '../core/json.ts';
import { rfc3339 } from '../core/time.ts';
import { eventResource, eventsV1EventResource } from '../registry/builtin.ts';
import type { KObject, ResourceDef } from '../registry/types.ts';

/** core/v1 ObjectReference of the object an event is about. */
export interface EventObjectRef {
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
  apiVersion: string;
  resourceVersion?: string;
}

export type EventType = 'Normal' | 'Warning';

/** Minimal context a recorder needs. */
export interface RecorderContext {
  service: ResourceService;
  clock: Clock;
  log: (line: string) => void;
}

/** The reference client-go's GetReference builds for a stored object of `def`. */
export function objectRef(
  def: Pick<ResourceDef, 'group' | 'version' | 'kind'>,
  object: KObject,
): EventObjectRef {
  const ref: EventObjectRef = {
    kind: def.kind,
    name: object.metadata.name ?? '',
    apiVersion: def.group ? `${def.group}/${def.version}` : def.version,
  };
  if (object.metadata.namespace) ref.namespace = object.metadata.namespace;
  if (object.metadata.uid) ref.uid = object.metadata.uid;
  if (object.metadata.resourceVersion) ref.resourceVersion = object.metadata.resourceVersion;
  return ref;
}

/** RFC 3339 with microseconds (metav1.MicroTime). */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** Unique `<name>.<hex nanoseconds>` names, even for events recorded in the same millisecond. */
class EventNamer {
  private lastMs = -1;
  private counter = 0;

  next(objectName: string, ms: number): string {
    if (ms === this.lastMs) this.counter++;
    else {
      this.lastMs = ms;
      this.counter = 0;
    }
    const nanos = BigInt(Math.floor(ms)) * 1_000_000n + BigInt(this.counter * 1000 + 17);
    return `${objectName}.${nanos.toString(16)}`;
  }
}

/** One namer per cluster (keyed by its service), so that clusters in one process stay independent. */
const namers = new WeakMap<ResourceService, EventNamer>();

function namerOf(service: ResourceService): EventNamer {
  let namer = namers.get(service);
  if (!namer) {
    namer = new EventNamer();
    namers.set(service, namer);
  }
  return namer;
}

function eventNamespace(ref: EventObjectRef): string {
  return ref.namespace || 'default';
}

/** A kube-controller-manager style recorder (core/v1, `source.component`). */
export class CoreEventRecorder {
  private readonly seen = new Map<string, { name: string; namespace: string }>();

  constructor(
    private readonly ctx: RecorderContext,
    readonly component: string,
    private readonly host = '',
  ) {}

  event(ref: EventObjectRef, type: EventType, reason: string, message: string): void {
    const key = JSON.stringify([
      ref.kind,
      ref.namespace,
      ref.name,
      ref.uid,
      ref.apiVersion,
      type,
      reason,
      message,
    ]);
    const nowMs = this.ctx.clock.now().getTime();
    const now = rfc3339(new Date(nowMs));
    const known = this.seen.get(key);
    if (known) {
      try {
        const stored = this.ctx.service.get(eventResource, known.namespace, known.name);
        const next = clone(stored);
        next.count = (typeof stored.count === 'number' ? stored.count : 1) + 1;
        next.lastTimestamp = now;
        this.ctx.service.update(eventResource, known.namespace, known.name, next);
        return;
      } catch (error) {
        if (!isApiError(error) || error.code !== 404) {
          this.ctx.log(`events: ${String(error)}`);
          return;
        }
      }
    }
    const namespace = eventNamespace(ref);
    const name = namerOf(this.ctx.service).next(ref.name, nowMs);
    const source: Record<string, string> = { component: this.component };
    if (this.host) source.host = this.host;
    try {
      this.ctx.service.create(eventResource, namespace, {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace },
        involvedObject: { ...ref },
        reason,
        message,
        source,
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        type,
        reportingComponent: this.component,
        reportingInstance: this.host,
      });
      if (this.seen.size > 4096) this.seen.clear();
      this.seen.set(key, { name, namespace });
    } catch (error) {
      this.ctx.log(`events: ${String(error)}`);
    }
  }
}

/** How long a series stays open (client-go tools/events finishTime). */
const SERIES_WINDOW_MS = 6 * 60_000;

/** A controller-runtime / client-go tools/events recorder (events.k8s.io/v1). */
export class EventsV1Recorder {
  private readonly series = new Map<
    string,
    { name: string; namespace: string; lastMs: number; count: number }
  >();

  constructor(
    private readonly ctx: RecorderContext,
    readonly reportingController: string,
    private readonly reportingInstance: () => string,
  ) {}

  event(ref: EventObjectRef, type: EventType, reason: string, note: string, action: string): void {
    const nowMs = this.ctx.clock.now().getTime();
    // client-go keys series by the whole ObjectReference; KEDA hands it objects whose
    // resourceVersion moves with every status write, so repeats are keyed by uid here.
    const { resourceVersion: _rv, ...identity } = ref;
    const key = JSON.stringify([type, action, reason, this.reportingController, identity]);
    const known = this.series.get(key);
    if (known && nowMs - known.lastMs <= SERIES_WINDOW_MS) {
      try {
        const stored = this.ctx.service.get(eventsV1EventResource, known.namespace, known.name);
        known.count++;
        known.lastMs = nowMs;
        const next = clone(stored);
        next.series = { count: known.count, lastObservedTime: microTime(nowMs) };
        this.ctx.service.update(eventsV1EventResource, known.namespace, known.name, next);
        return;
      } catch (error) {
        if (!isApiError(error) || error.code !== 404) {
          this.ctx.log(`events: ${String(error)}`);
          return;
        }
      }
    }
    const namespace = eventNamespace(ref);
    const name = namerOf(this.ctx.service).next(ref.name, nowMs);
    try {
      this.ctx.service.create(eventsV1EventResource, namespace, {
        apiVersion: 'events.k8s.io/v1',
        kind: 'Event',
        metadata: { name, namespace },
        eventTime: microTime(nowMs),
        reportingController: this.reportingController,
        reportingInstance: this.reportingInstance(),
        action: action.slice(0, 128),
        reason,
        regarding: { ...ref },
        note: note.slice(0, 1024),
        type,
      });
      for (const [k, v] of this.series) if (nowMs - v.lastMs > SERIES_WINDOW_MS) this.series.delete(k);
      this.series.set(key, { name, namespace, lastMs: nowMs, count: 1 });
    } catch (error) {
      this.ctx.log(`events: ${String(error)}`);
    }
  }
}

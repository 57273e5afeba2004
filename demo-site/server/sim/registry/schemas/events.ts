/** OpenAPI v3 component schemas of events.k8s.io/v1 Event (compact, see ../schemas.ts). */
import type { JsonObject } from '../../core/json.ts';
import { CORE, int, listSchema, ref, str, time, topLevel } from '../schemas.ts';
import { MICRO_TIME, OBJECT_REFERENCE, referenceSchemas } from './core.ts';

const EVENTS = 'io.k8s.api.events.v1';
export const EVENTS_V1_EVENT_SCHEMA = `${EVENTS}.Event`;

export const eventsV1Schemas: Readonly<Record<string, JsonObject>> = {
  [EVENTS_V1_EVENT_SCHEMA]: {
    ...topLevel(
      'Event is a report of an event somewhere in the cluster. It generally denotes some state change in the system. Events have a limited retention time and triggers and messages may evolve with time.',
      'Event',
      'events.k8s.io',
      'v1',
      {
        eventTime: ref(
          MICRO_TIME,
          'eventTime is the time when this Event was first observed. It is required.',
        ),
        series: ref(
          `${EVENTS}.EventSeries`,
          "series is data about the Event series this event represents or nil if it's a singleton Event.",
        ),
        reportingController: str(
          'reportingController is the name of the controller that emitted this Event, e.g. `kubernetes.io/kubelet`. This field cannot be empty for new Events.',
        ),
        reportingInstance: str(
          'reportingInstance is the ID of the controller instance, e.g. `kubelet-xyzf`. This field cannot be empty for new Events and it can have at most 128 characters.',
        ),
        action: str(
          'action is what action was taken/failed regarding to the regarding object. It is machine-readable. This field cannot be empty for new Events and it can have at most 128 characters.',
        ),
        reason: str(
          'reason is why the action was taken. It is human-readable. This field cannot be empty for new Events and it can have at most 128 characters.',
        ),
        regarding: ref(
          OBJECT_REFERENCE,
          "regarding contains the object this Event is about. In most cases it's an Object reporting controller implements, e.g. ReplicaSetController implements ReplicaSets and this event is emitted because it acts on some changes in a ReplicaSet object.",
        ),
        related: ref(
          OBJECT_REFERENCE,
          'related is the optional secondary object for more complex actions. E.g. when regarding object triggers a creation or deletion of related object.',
        ),
        note: str(
          'note is a human-readable description of the status of this operation. Maximal length of the note is 1kB, but libraries should be prepared to handle values up to 64kB.',
        ),
        type: str(
          'type is the type of this event (Normal, Warning), new types could be added in the future. It is machine-readable. This field cannot be empty for new Events.',
        ),
        deprecatedSource: ref(
          `${CORE}.EventSource`,
          'deprecatedSource is the deprecated field assuring backward compatibility with core.v1 Event type.',
        ),
        deprecatedFirstTimestamp: time(
          'deprecatedFirstTimestamp is the deprecated field assuring backward compatibility with core.v1 Event type.',
        ),
        deprecatedLastTimestamp: time(
          'deprecatedLastTimestamp is the deprecated field assuring backward compatibility with core.v1 Event type.',
        ),
        deprecatedCount: int(
          'deprecatedCount is the deprecated field assuring backward compatibility with core.v1 Event type.',
        ),
      },
    ),
    required: ['eventTime'],
  },
  [`${EVENTS}.EventSeries`]: {
    type: 'object',
    description:
      'EventSeries contain information on series of events, i.e. thing that was/is happening continuously for some time. How often to update the EventSeries is up to the event reporters.',
    required: ['count', 'lastObservedTime'],
    properties: {
      count: int('count is the number of occurrences in this series up to the last heartbeat time.'),
      lastObservedTime: ref(
        MICRO_TIME,
        'lastObservedTime is the time when last Event from the series was seen before last heartbeat.',
      ),
    },
  },
  [`${EVENTS}.EventList`]: listSchema(
    EVENTS_V1_EVENT_SCHEMA,
    'events.k8s.io',
    'v1',
    'EventList',
    'EventList is a list of Event objects.',
  ),
  ...referenceSchemas,
};

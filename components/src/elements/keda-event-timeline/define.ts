import { defineElement } from '../../define-element.js';
import { EventTimeline } from './keda-event-timeline.js';

defineElement('keda-event-timeline', EventTimeline);

import { defineElement } from '../../define-element.js';
import { EventLog } from './keda-event-log.js';

defineElement('keda-event-log', EventLog);

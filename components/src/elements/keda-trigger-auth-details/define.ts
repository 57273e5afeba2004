import { defineElement } from '../../define-element.js';
import { TriggerAuthDetails } from './keda-trigger-auth-details.js';

defineElement('keda-trigger-auth-details', TriggerAuthDetails);

import { defineElement } from '../../define-element.js';
import { ScaledJobDetails } from './keda-scaled-job-details.js';

defineElement('keda-scaled-job-details', ScaledJobDetails);

import { defineElement } from '../../define-element.js';
import { ScaledJobList } from './keda-scaled-job-list.js';

defineElement('keda-scaled-job-list', ScaledJobList);

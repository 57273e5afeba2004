import { defineElement } from '../../define-element.js';
import { ScaledObjectDetails } from './keda-scaled-object-details.js';

defineElement('keda-scaled-object-details', ScaledObjectDetails);

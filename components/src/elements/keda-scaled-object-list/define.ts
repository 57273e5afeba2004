import { defineElement } from '../../define-element.js';
import { ScaledObjectList } from './keda-scaled-object-list.js';

defineElement('keda-scaled-object-list', ScaledObjectList);

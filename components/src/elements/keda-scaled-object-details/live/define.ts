import { defineElement } from '../../../define-element.js';
import { ScaledObjectLive } from './live-section.js';

defineElement('keda-so-live', ScaledObjectLive);

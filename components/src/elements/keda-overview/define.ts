import { defineElement } from '../../define-element.js';
import { KedaOverview } from './keda-overview.js';

defineElement('keda-overview', KedaOverview);

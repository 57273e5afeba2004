import { defineElement } from '../define-element.js';
import { KedaConnection } from './keda-connection.js';

defineElement('keda-connection', KedaConnection);

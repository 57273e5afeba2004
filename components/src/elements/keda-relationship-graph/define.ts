import { defineElement } from '../../define-element.js';
import { RelationshipGraphElement } from './keda-relationship-graph.js';

defineElement('keda-relationship-graph', RelationshipGraphElement);

import { defineElement } from '../../define-element.js';
import { ReplicaChart } from './keda-replica-chart.js';

defineElement('keda-replica-chart', ReplicaChart);

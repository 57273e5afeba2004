import { defineElement } from '../../define-element.js';
import { MetricChart } from './keda-metric-chart.js';

defineElement('keda-metric-chart', MetricChart);

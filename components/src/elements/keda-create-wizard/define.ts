import { defineElement } from '../../define-element.js';
import { WhatIfChart } from './internal/what-if-chart.js';
import { CreateWizard } from './keda-create-wizard.js';

defineElement('keda-what-if-chart', WhatIfChart);
defineElement('keda-create-wizard', CreateWizard);

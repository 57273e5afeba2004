import { defineElement } from '../../define-element.js';
import { ClusterTriggerAuthList, TriggerAuthList } from './keda-trigger-auth-list.js';

defineElement('keda-trigger-auth-list', TriggerAuthList);
defineElement('keda-cluster-trigger-auth-list', ClusterTriggerAuthList);

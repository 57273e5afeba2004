// Events of the orders story, in both API shapes, for the event log and timeline tests.
import { mergeEvents, type AnyKubeEvent } from '../../core/kube/events.js';

export const T0 = Date.UTC(2026, 10, 30, 8, 0, 0);
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

export const HOSTILE = '<img src=x onerror="window.__pwned=1">';

export const storyEvents: AnyKubeEvent[] = [
  {
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: { name: 'orders-processor.1', namespace: 'orders', uid: 'e1', creationTimestamp: at(0) },
    eventTime: at(0),
    reason: 'KEDAScaleTargetActivated',
    note: 'Scaled apps/v1.Deployment orders/orders-processor from 0 to 1, triggered by s0-rabbitmq-orders',
    type: 'Normal',
    action: 'Scaled',
    reportingController: 'keda-operator',
    regarding: {
      kind: 'ScaledObject',
      apiVersion: 'keda.sh/v1alpha1',
      namespace: 'orders',
      name: 'orders-processor',
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: 'keda-hpa-orders-processor.2',
      namespace: 'orders',
      uid: 'e2',
      creationTimestamp: at(20),
    },
    involvedObject: {
      kind: 'HorizontalPodAutoscaler',
      apiVersion: 'autoscaling/v2',
      namespace: 'orders',
      name: 'keda-hpa-orders-processor',
    },
    reason: 'SuccessfulRescale',
    message: 'New size: 4; reason: external metric s0-rabbitmq-orders(&LabelSelector{}) above target',
    type: 'Normal',
    count: 1,
    firstTimestamp: at(20),
    lastTimestamp: at(20),
    source: { component: 'horizontal-pod-autoscaler' },
  },
  {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'orders-processor.3', namespace: 'orders', uid: 'e3', creationTimestamp: at(21) },
    involvedObject: {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      namespace: 'orders',
      name: 'orders-processor',
    },
    reason: 'ScalingReplicaSet',
    message: 'Scaled up replica set orders-processor-7d9f from 1 to 4',
    type: 'Normal',
    count: 1,
    firstTimestamp: at(21),
    lastTimestamp: at(21),
    source: { component: 'deployment-controller' },
  },
  {
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: { name: 'orders-processor.4', namespace: 'orders', uid: 'e4', creationTimestamp: at(30) },
    eventTime: at(30),
    series: { count: 3, lastObservedTime: at(90) },
    reason: 'KEDAScalerFailed',
    note: `error dialing amqp://orders:hunter2@rabbitmq.orders:5672/ ${HOSTILE}`,
    type: 'Warning',
    action: 'Failed',
    reportingController: 'keda-operator',
    regarding: {
      kind: 'ScaledObject',
      apiVersion: 'keda.sh/v1alpha1',
      namespace: 'orders',
      name: 'orders-processor',
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: 'orders-processor-7d9f-abcde.5',
      namespace: 'orders',
      uid: 'e5',
      creationTimestamp: at(22),
    },
    involvedObject: {
      kind: 'Pod',
      apiVersion: 'v1',
      namespace: 'orders',
      name: 'orders-processor-7d9f-abcde',
    },
    reason: 'Started',
    message: 'Started container processor',
    type: 'Normal',
    count: 1,
    firstTimestamp: at(22),
    lastTimestamp: at(22),
    source: { component: 'kubelet' },
  },
];

export const storyRecords = () => mergeEvents(storyEvents);

// Scaling episodes, table-driven: which change, which cause, which limit, which sentence.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { HorizontalPodAutoscaler, HorizontalPodAutoscalerBehavior } from '../kube/autoscaling.js';
import { normalizeEvent, type CoreV1Event, type EventRecord, type EventsV1Event } from '../kube/events.js';
import type { ScaledObject } from '../keda/types.js';
import { metricOfReason, scalingEpisodes, wantsFor } from './index.js';
import type { StoryInput, StoryMetricSeries, StoryReplicaSample } from './types.js';

const T0 = Date.UTC(2026, 10, 30, 8, 0, 0);
const at = (s: number) => new Date(T0 + s * 1000).toISOString();
const NS = 'orders';
const SELECTOR =
  '&LabelSelector{MatchLabels:map[string]string{scaledobject.keda.sh/name: orders-processor,},MatchExpressions:[]LabelSelectorRequirement{},}';

function so(
  overrides: { max?: number; min?: number; annotations?: Record<string, string>; fallback?: number } = {},
): ScaledObject {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: {
      name: 'orders-processor',
      namespace: NS,
      ...(overrides.annotations ? { annotations: overrides.annotations } : {}),
    },
    spec: {
      scaleTargetRef: { name: 'orders-processor' },
      pollingInterval: 10,
      cooldownPeriod: 120,
      minReplicaCount: overrides.min ?? 0,
      maxReplicaCount: overrides.max ?? 5,
      ...(overrides.fallback ? { fallback: { failureThreshold: 3, replicas: overrides.fallback } } : {}),
      triggers: [{ type: 'rabbitmq', metadata: { queueName: 'orders', mode: 'QueueLength', value: '50' } }],
    },
    status: {
      hpaName: 'keda-hpa-orders-processor',
      externalMetricNames: ['s0-rabbitmq-orders'],
      ...(overrides.fallback
        ? { health: { 's0-rabbitmq-orders': { numberOfFailures: 4, status: 'Failing' } } }
        : {}),
    },
  } as ScaledObject;
}

function hpa(max: number, behavior?: HorizontalPodAutoscalerBehavior, min = 1): HorizontalPodAutoscaler {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'keda-hpa-orders-processor', namespace: NS },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'orders-processor' },
      minReplicas: min,
      maxReplicas: max,
      ...(behavior ? { behavior } : {}),
      metrics: [
        {
          type: 'External',
          external: {
            metric: { name: 's0-rabbitmq-orders' },
            target: { type: 'AverageValue', averageValue: '50' },
          },
        },
      ],
    },
    status: { currentReplicas: 1, desiredReplicas: 1 },
  };
}

let seq = 0;
function ev(
  s: number,
  kind: string,
  name: string,
  reason: string,
  message: string,
  source: string,
  extra: Partial<CoreV1Event> = {},
): EventRecord {
  seq += 1;
  return normalizeEvent({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${name}.${seq}`, namespace: NS, uid: `uid-${seq}`, creationTimestamp: at(s) },
    involvedObject: {
      kind,
      name,
      namespace: NS,
      apiVersion: kind === 'ScaledObject' ? 'keda.sh/v1alpha1' : 'v1',
    },
    reason,
    message,
    type: 'Normal',
    count: 1,
    firstTimestamp: at(s),
    lastTimestamp: at(s),
    source: { component: source },
    ...extra,
  });
}

const activated = (s: number, from = 0, to = 1) =>
  ev(
    s,
    'ScaledObject',
    'orders-processor',
    'KEDAScaleTargetActivated',
    `Scaled apps/v1.Deployment orders/orders-processor from ${from} to ${to}, triggered by s0-rabbitmq-orders`,
    'keda-operator',
  );
const deactivated = (s: number, from: number) =>
  ev(
    s,
    'ScaledObject',
    'orders-processor',
    'KEDAScaleTargetDeactivated',
    `Deactivated apps/v1.Deployment orders/orders-processor from ${from} to 0`,
    'keda-operator',
  );
const rescale = (
  s: number,
  size: number,
  reason = `external metric s0-rabbitmq-orders(${SELECTOR}) above target`,
) =>
  ev(
    s,
    'HorizontalPodAutoscaler',
    'keda-hpa-orders-processor',
    'SuccessfulRescale',
    `New size: ${size}; reason: ${reason}`,
    'horizontal-pod-autoscaler',
  );
const rsScaled = (s: number, from: number, to: number) =>
  ev(
    s,
    'Deployment',
    'orders-processor',
    'ScalingReplicaSet',
    `Scaled ${to > from ? 'up' : 'down'} replica set orders-processor-7d9f8 from ${from} to ${to}`,
    'deployment-controller',
  );

function queue(points: Array<[number, number]>): StoryMetricSeries {
  return {
    metricName: 's0-rabbitmq-orders',
    triggerType: 'rabbitmq',
    targetType: 'AverageValue',
    target: 50,
    activationThreshold: 0,
    samples: points.map(([s, value]) => ({ t: T0 + s * 1000, value })),
  };
}

function replicas(points: Array<[number, number]>): StoryReplicaSample[] {
  return points.map(([s, n]) => ({ t: T0 + s * 1000, current: n, desired: n }));
}

const DEFAULT_BEHAVIOR: HorizontalPodAutoscalerBehavior = {
  scaleUp: {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Pods', value: 4, periodSeconds: 15 },
      { type: 'Percent', value: 100, periodSeconds: 15 },
    ],
  },
};

interface Case {
  name: string;
  input: StoryInput;
  sentences: string[];
  check?: (episodes: ReturnType<typeof scalingEpisodes>) => void;
}

const cases: Case[] = [
  {
    name: 'the seed: scale out to 5, capped by maxReplicaCount',
    input: {
      scaledObject: so(),
      hpa: hpa(5, DEFAULT_BEHAVIOR),
      events: [rescale(20, 5), rsScaled(20, 1, 5)],
      metrics: [
        queue([
          [0, 0],
          [10, 267],
          [21, 267],
        ]),
      ],
      replicas: replicas([
        [0, 1],
        [21, 5],
      ]),
    },
    sentences: [
      'Scaled out 1 -> 5: s0-rabbitmq-orders 267 against target 50 per pod wants 6, capped by maxReplicaCount 5',
    ],
    check: ([e]) => {
      assert.equal(e!.direction, 'out');
      assert.deepEqual(e!.limits, [{ kind: 'maxReplicaCount', value: 5 }]);
      assert.deepEqual(
        e!.events.map((x) => x.reason),
        ['SuccessfulRescale', 'ScalingReplicaSet'],
      );
      assert.equal(e!.cause.kind, 'metric');
    },
  },
  {
    name: 'the seed: scale out to 3, as the metric wants',
    input: {
      scaledObject: so({ max: 10 }),
      hpa: hpa(10, DEFAULT_BEHAVIOR),
      events: [rescale(30, 3), rsScaled(30, 1, 3)],
      metrics: [
        queue([
          [0, 40],
          [30, 150],
        ]),
      ],
    },
    sentences: ['Scaled out 1 -> 3: s0-rabbitmq-orders 150 against target 50 per pod wants 3'],
  },
  {
    name: 'the seed: scale to 1, KEDA activates the target',
    input: {
      scaledObject: so(),
      hpa: hpa(5),
      events: [activated(12), rsScaled(12, 0, 1)],
      // The HPA has no value at 0 replicas: the sampler asked the external metrics API.
      metrics: [
        queue([
          [0, 0],
          [15, 267],
        ]),
      ],
    },
    sentences: ['Activated 0 -> 1: s0-rabbitmq-orders 267 above activation threshold 0'],
    check: ([e]) => {
      assert.equal(e!.direction, 'activate');
      assert.equal(e!.cause.kind, 'activation');
    },
  },
  {
    name: "without spec.behavior the HPA's own scale-up limit max(2 × current, 4) holds it at 4",
    input: {
      scaledObject: so(),
      hpa: hpa(5),
      events: [activated(0), rescale(10, 4), rsScaled(10, 1, 4), rescale(25, 5), rsScaled(25, 4, 5)],
      metrics: [
        queue([
          [0, 267],
          [10, 267],
          [25, 262],
        ]),
      ],
    },
    sentences: [
      'Activated 0 -> 1: s0-rabbitmq-orders 267 above activation threshold 0',
      'Scaled out 1 -> 4: s0-rabbitmq-orders 267 against target 50 per pod wants 6, limited to 4 by the scale-up rate (no behavior set: at most max(2 × 1, 4))',
      'Scaled out 4 -> 5: s0-rabbitmq-orders 262 against target 50 per pod wants 6, capped by maxReplicaCount 5',
    ],
  },
  {
    name: 'a behavior policy counts the rescales of its period',
    input: {
      scaledObject: so({ max: 20 }),
      hpa: hpa(20, {
        scaleUp: {
          stabilizationWindowSeconds: 0,
          selectPolicy: 'Max',
          policies: [{ type: 'Pods', value: 4, periodSeconds: 60 }],
        },
      }),
      events: [rescale(0, 3), rsScaled(0, 1, 3), rescale(30, 5), rsScaled(30, 3, 5)],
      metrics: [
        queue([
          [0, 150],
          [30, 500],
        ]),
      ],
    },
    // At 30 s the period began at 1 replica (2 were added at 0 s): 1 + 4 = 5, not 3 + 4.
    sentences: [
      'Scaled out 1 -> 3: s0-rabbitmq-orders 150 against target 50 per pod wants 3',
      'Scaled out 3 -> 5: s0-rabbitmq-orders 500 against target 50 per pod wants 10, limited to 5 by the scale-up rate (4 pods per 60 s)',
    ],
  },
  {
    name: 'the queue drains: cooldown expires, KEDA deactivates to 0',
    input: {
      scaledObject: so(),
      hpa: hpa(5),
      events: [deactivated(200, 5), rsScaled(200, 5, 0)],
      metrics: [
        queue([
          [0, 72],
          [60, 0],
        ]),
      ],
    },
    sentences: [
      'Deactivated 5 -> 0: no trigger active for the cooldown period (120 s): s0-rabbitmq-orders 0 not above activation threshold 0',
    ],
    check: ([e]) => {
      assert.equal(e!.direction, 'deactivate');
      assert.equal(e!.cause.kind === 'cooldown-expired' && e!.cause.inactiveSince, T0 + 80_000);
    },
  },
  {
    name: 'all metrics below target: scale in, held by the stabilization window',
    input: {
      scaledObject: so({ max: 10 }),
      hpa: hpa(10),
      events: [rescale(400, 3, 'All metrics below target'), rsScaled(400, 5, 3)],
      metrics: [
        queue([
          [0, 100],
          [399, 100],
        ]),
      ],
    },
    sentences: [
      'Scaled in 5 -> 3: s0-rabbitmq-orders 100 against target 50 per pod wants 2, slowed by the 300 s scale-down stabilization window',
    ],
  },
  {
    name: 'scale in to the HPA minimum',
    input: {
      scaledObject: so({ min: 2 }),
      hpa: hpa(5, undefined, 2),
      events: [rescale(10, 2, 'All metrics below target'), rsScaled(10, 4, 2)],
      metrics: [queue([[0, 10]])],
    },
    sentences: [
      'Scaled in 4 -> 2: s0-rabbitmq-orders 10 against target 50 per pod wants 1, held at minReplicaCount 2',
    ],
  },
  {
    name: 'fallback replicas while the scaler fails',
    input: {
      scaledObject: so({ fallback: 4 }),
      hpa: hpa(5),
      events: [
        ev(
          0,
          'ScaledObject',
          'orders-processor',
          'ScaledObjectFallbackActivated',
          'ScaledObject fallback is active',
          'keda-operator',
        ),
        rescale(15, 4),
        rsScaled(15, 1, 4),
      ],
    },
    sentences: ['Scaled out 1 -> 4: fallback to 4 replicas while the scaler fails'],
    check: ([e]) =>
      assert.deepEqual(e!.cause, { kind: 'fallback', replicas: 4, failingMetrics: ['s0-rabbitmq-orders'] }),
  },
  {
    name: 'paused at 1 replica by annotation',
    input: {
      scaledObject: so({ annotations: { 'autoscaling.keda.sh/paused-replicas': '1' } }),
      events: [
        ev(
          0,
          'ScaledObject',
          'orders-processor',
          'ScaledObjectPaused',
          'ScaledObject is paused',
          'keda-operator',
        ),
        rsScaled(5, 3, 1),
      ],
    },
    sentences: ['Scaled in 3 -> 1: paused at 1 replica by annotation'],
  },
  {
    name: 'paused at 2 replicas: the Paused event of the same reconcile is timed a second after the scaling',
    input: {
      scaledObject: so({ annotations: { 'autoscaling.keda.sh/paused-replicas': '2' } }),
      events: [
        rsScaled(5, 1, 2),
        ev(
          6,
          'ScaledObject',
          'orders-processor',
          'ScaledObjectPaused',
          'ScaledObject is paused',
          'keda-operator',
        ),
      ],
    },
    sentences: ['Scaled out 1 -> 2: paused at 2 replicas by annotation'],
  },
  {
    name: 'the HPA corrects a count above its maxReplicas',
    input: {
      scaledObject: so({ max: 3 }),
      hpa: hpa(3),
      events: [rescale(5, 3, 'Current number of replicas above Spec.MaxReplicas'), rsScaled(5, 5, 3)],
    },
    sentences: ["Scaled in 5 -> 3: above the HPA's maxReplicas 3"],
  },
  {
    name: 'events expired: the replica samples and metric samples still explain the change',
    input: {
      scaledObject: so({ max: 10 }),
      hpa: hpa(10),
      events: [],
      metrics: [
        queue([
          [0, 0],
          [100, 150],
          [130, 150],
          [400, 0],
        ]),
      ],
      replicas: replicas([
        [0, 0],
        [100, 1],
        [130, 3],
        [600, 0],
      ]),
    },
    sentences: [
      'Activated 0 -> 1: s0-rabbitmq-orders 150 above activation threshold 0',
      'Scaled out 1 -> 3: s0-rabbitmq-orders 150 against target 50 per pod wants 3',
      'Deactivated 3 -> 0: no trigger active for the cooldown period (120 s): s0-rabbitmq-orders 0 not above activation threshold 0',
    ],
  },
  {
    name: 'someone else scaled the Deployment',
    input: { scaledObject: so(), hpa: hpa(5), events: [rsScaled(5, 2, 3)] },
    sentences: ['Scaled out 2 -> 3: cause unknown (no KEDA or HPA event or metric sample explains it)'],
  },
  {
    name: "other objects' events are ignored",
    input: {
      scaledObject: so(),
      hpa: hpa(5),
      events: [
        ev(
          5,
          'Deployment',
          'storefront-api',
          'ScalingReplicaSet',
          'Scaled up replica set storefront-api-1 from 2 to 3',
          'deployment-controller',
        ),
        ev(
          5,
          'HorizontalPodAutoscaler',
          'keda-hpa-storefront-api',
          'SuccessfulRescale',
          'New size: 3; reason: cpu resource utilization (percentage of request) above target',
          'horizontal-pod-autoscaler',
        ),
      ],
    },
    sentences: [],
  },
  {
    name: 'forced activation',
    input: {
      scaledObject: so(),
      events: [
        ev(
          0,
          'ScaledObject',
          'orders-processor',
          'KEDAScaleTargetActivated',
          'Scaled apps/v1.Deployment orders/orders-processor from 0 to 1, caused by forced activation annotation',
          'keda-operator',
        ),
      ],
    },
    sentences: ['Activated 0 -> 1: forced activation annotation'],
  },
];

describe('scalingEpisodes', () => {
  for (const c of cases) {
    test(c.name, () => {
      const episodes = scalingEpisodes(c.input);
      assert.deepEqual(
        episodes.map((e) => e.sentence),
        c.sentences,
      );
      c.check?.(episodes);
    });
  }

  test('a folded event (count 2) is two changes: at its first and at its last time', () => {
    const folded = ev(
      1800,
      'ScaledObject',
      'orders-processor',
      'KEDAScaleTargetActivated',
      activated(0).message,
      'keda-operator',
      {
        count: 2,
        firstTimestamp: at(0),
        lastTimestamp: at(1800),
      },
    );
    const episodes = scalingEpisodes({
      scaledObject: so(),
      events: [folded, deactivated(300, 1)],
      metrics: [
        queue([
          [0, 267],
          [200, 0],
          [1800, 120],
        ]),
      ],
    });
    assert.deepEqual(
      episodes.map((e) => [e.time - T0, e.sentence]),
      [
        [0, 'Activated 0 -> 1: s0-rabbitmq-orders 267 above activation threshold 0'],
        [
          300_000,
          'Deactivated 1 -> 0: no trigger active for the cooldown period (120 s): s0-rabbitmq-orders 0 not above activation threshold 0',
        ],
        [1_800_000, 'Activated 0 -> 1: s0-rabbitmq-orders 120 above activation threshold 0'],
      ],
    );
  });

  test('events.k8s.io shapes (KEDA 2.20) explain the same as core/v1', () => {
    const v1: EventsV1Event = {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'orders-processor.1', namespace: NS, uid: 'e1', creationTimestamp: at(0) },
      regarding: { kind: 'ScaledObject', name: 'orders-processor', namespace: NS },
      reason: 'KEDAScaleTargetActivated',
      note: activated(0).message,
      type: 'Normal',
      eventTime: at(3),
      reportingController: 'keda-operator',
      action: 'KEDAScaleTargetActivated',
    };
    const episodes = scalingEpisodes({
      scaledObject: so(),
      events: [normalizeEvent(v1)],
      metrics: [
        queue([
          [0, 0],
          [5, 267],
        ]),
      ],
    });
    assert.deepEqual(
      episodes.map((e) => [e.time - T0, e.sentence]),
      [[3000, 'Activated 0 -> 1: s0-rabbitmq-orders 267 above activation threshold 0']],
    );
  });
});

describe('HPA maths and reasons', () => {
  const wants: Array<[number, number, 'AverageValue' | 'Value' | 'Utilization', number, number | undefined]> =
    [
      [267, 50, 'AverageValue', 1, 6],
      [150, 50, 'AverageValue', 1, 3],
      [52, 50, 'AverageValue', 1, 1], // within the 10 % tolerance
      [100, 50, 'Value', 2, 4],
      [90, 60, 'Utilization', 2, 3],
      [10, 0, 'AverageValue', 1, undefined],
      [10, 50, 'AverageValue', 0, undefined],
    ];
  for (const [value, target, targetType, current, expected] of wants)
    test(`${value} against ${target} (${targetType}) from ${current} wants ${expected}`, () =>
      assert.equal(wantsFor({ value, target, targetType }, current), expected));

  const reasons: Array<[string, string | undefined]> = [
    [`external metric s0-rabbitmq-orders(${SELECTOR}) above target`, 's0-rabbitmq-orders'],
    ['cpu resource utilization (percentage of request) above target', 'cpu'],
    ['memory resource above target', 'memory'],
    ['pods metric http_requests above target', 'http_requests'],
    ['All metrics below target', undefined],
  ];
  for (const [reason, metric] of reasons)
    test(`metric of "${reason.slice(0, 40)}"`, () => assert.equal(metricOfReason(reason), metric));
});

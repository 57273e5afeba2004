import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admissionIssues, COOLDOWN_PERIOD_WARNING } from './admission-rules.js';
import { formatFieldPath } from './field-path.js';

const so = (spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) => ({
  metadata: { name: 'orders', ...metadata },
  spec: { scaleTargetRef: { name: 'web' }, triggers: [{ type: 'rabbitmq', metadata: {} }], ...spec },
});

const found = (kind: Parameters<typeof admissionIssues>[0], value: unknown) =>
  admissionIssues(kind, value).map((i) => [formatFieldPath(i.path), i.severity, i.message]);

test('ScaledObject table: KEDA webhook messages at their fields', () => {
  const cases: Array<[string, unknown, Array<[string, string, string]>]> = [
    ['valid', so({}), []],
    [
      'duplicate trigger names',
      so({
        triggers: [
          { type: 'a', name: 'x' },
          { type: 'b', name: 'y' },
          { type: 'c', name: 'x' },
        ],
      }),
      [
        [
          'spec.triggers[2].name',
          'error',
          'triggerName "x" is defined multiple times in the ScaledObject/ScaledJob, but it must be unique',
        ],
      ],
    ],
    [
      'useCachedMetrics on cron',
      so({ triggers: [{ type: 'cron', useCachedMetrics: true }] }),
      [
        [
          'spec.triggers[0].useCachedMetrics',
          'error',
          'property "useCachedMetrics" is not supported for "cron" scaler',
        ],
      ],
    ],
    [
      'idle >= min',
      so({ idleReplicaCount: 2, minReplicaCount: 2 }),
      [['spec.idleReplicaCount', 'error', 'IdleReplicaCount=2 must be less than MinReplicaCount=2']],
    ],
    [
      'idle 0 with min unset',
      so({ idleReplicaCount: 0 }),
      [['spec.idleReplicaCount', 'error', 'IdleReplicaCount=0 must be less than MinReplicaCount=0']],
    ],
    ['idle 0 with min 1', so({ idleReplicaCount: 0, minReplicaCount: 1 }), []],
    [
      'paused-replicas not an int',
      so({}, { annotations: { 'autoscaling.keda.sh/paused-replicas': 'two' } }),
      [
        [
          'metadata.annotations[autoscaling.keda.sh/paused-replicas]',
          'error',
          'strconv.ParseInt: parsing "two": invalid syntax',
        ],
      ],
    ],
    ['paused-replicas ok', so({}, { annotations: { 'autoscaling.keda.sh/paused-replicas': '0' } }), []],
    [
      'cpu only and scale to zero',
      so({ triggers: [{ type: 'cpu', metadata: { value: '50' } }] }),
      [
        [
          'spec.triggers',
          'error',
          "scaledobject has only cpu/memory triggers AND minReplica is 0 (scale to zero doesn't work in this case)",
        ],
      ],
    ],
    [
      'fallback needs a non cpu/memory trigger',
      so({
        minReplicaCount: 1,
        triggers: [{ type: 'memory' }],
        fallback: { failureThreshold: 3, replicas: 2 },
      }),
      [
        [
          'spec.fallback',
          'error',
          'at least one trigger (that is not cpu or memory) has to have the `AverageValue` type for the fallback to be enabled',
        ],
      ],
    ],
    [
      'scalingModifiers without target',
      so({ triggers: [{ type: 'a', name: 'x' }], advanced: { scalingModifiers: { formula: 'x * 2' } } }),
      [
        [
          'spec.advanced.scalingModifiers.target',
          'error',
          'error validating formula in ScalingModifiers\nformula is given but target is empty',
        ],
      ],
    ],
    [
      'name too long for the HPA name',
      so({}, { name: 'x'.repeat(60) }),
      [
        [
          'metadata.name',
          'error',
          `HPA name "keda-hpa-${'x'.repeat(60)}" derived from scaledobject is 69 characters long; must be no more than 63 characters; set spec.advanced.horizontalPodAutoscalerConfig.name to a shorter name or shorten the scaledobject name`,
        ],
      ],
    ],
    [
      'cooldown irrelevant',
      so({ minReplicaCount: 1, cooldownPeriod: 30 }),
      [['spec.cooldownPeriod', 'warning', COOLDOWN_PERIOD_WARNING]],
    ],
  ];
  for (const [name, value, expected] of cases) assert.deepEqual(found('ScaledObject', value), expected, name);
});

test('ScaledJob: the trigger rules only', () => {
  assert.deepEqual(
    found('ScaledJob', {
      spec: {
        triggers: [
          { type: 'a', name: 'n' },
          { type: 'b', name: 'n' },
        ],
      },
    }).map((x) => x[0]),
    ['spec.triggers[1].name'],
  );
});

test('TriggerAuthentication: podIdentity and oauth2', () => {
  const ta = (spec: Record<string, unknown>) => ({ metadata: { name: 'a' }, spec });
  assert.deepEqual(
    found('TriggerAuthentication', ta({ podIdentity: { provider: 'azure-workload', identityId: '' } })),
    [
      [
        'spec.podIdentity.identityId',
        'error',
        `identityId of PodIdentity should not be empty. If it's set, identityId has to be different than ""`,
      ],
    ],
  );
  assert.deepEqual(
    found('ClusterTriggerAuthentication', ta({ podIdentity: { provider: 'aws', externalID: 'e' } })).map(
      (x) => x[0],
    ),
    ['spec.podIdentity.externalID'],
  );
  assert.deepEqual(
    found(
      'TriggerAuthentication',
      ta({ oauth2: { type: 'clientCredentials', clientId: 'c', tokenUrl: 'ftp://x' } }),
    ),
    [['spec.oauth2.tokenUrl', 'error', 'oauth2.tokenUrl must be a valid http or https URL']],
  );
  assert.deepEqual(
    found('TriggerAuthentication', ta({ podIdentity: { provider: 'gcp' }, oauth2: { type: 'x' } })),
    [],
  );
});

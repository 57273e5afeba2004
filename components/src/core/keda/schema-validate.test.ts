import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CRD_SCHEMAS } from './crd-schemas.generated.js';
import { withObjectMeta } from './object-meta-schema.js';
import { validateAgainstSchema } from './schema-validate.js';
import { celRuleHolds, evaluateCel } from './cel-subset.js';
import { describeSchemaType, schemaAt } from './crd-schema.js';
import { formatFieldPath } from './field-path.js';

const so = withObjectMeta(CRD_SCHEMAS.ScaledObject);

function scaledObject(spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name: 'orders', namespace: 'shop', ...metadata },
    spec: {
      scaleTargetRef: { name: 'orders-consumer' },
      triggers: [{ type: 'rabbitmq', metadata: { queueName: 'orders', value: '50' } }],
      ...spec,
    },
  };
}

/** `[field, message]` of every issue. */
function problems(value: unknown, schema = so): Array<[string, string]> {
  return validateAgainstSchema(value, schema).map((i) => [formatFieldPath(i.path), i.message]);
}

test('a valid ScaledObject has no problems', () => {
  assert.deepEqual(
    problems(scaledObject({ minReplicaCount: 0, maxReplicaCount: 10, pollingInterval: 15 })),
    [],
  );
});

test('table: types, required, enum, minimum, minItems, minLength, map[string]string, unknown fields', () => {
  const cases: Array<[string, Record<string, unknown>, Array<[string, string]>]> = [
    [
      'integer field given a string',
      { minReplicaCount: '1' },
      [['spec.minReplicaCount', 'spec.minReplicaCount in body must be of type integer: "string"']],
    ],
    [
      'integer field given a fraction',
      { pollingInterval: 1.5 },
      [['spec.pollingInterval', 'spec.pollingInterval in body must be of type integer: "number"']],
    ],
    [
      'boolean given a string',
      { advanced: { restoreToOriginalReplicaCount: 'yes' } },
      [
        [
          'spec.advanced.restoreToOriginalReplicaCount',
          'spec.advanced.restoreToOriginalReplicaCount in body must be of type boolean: "string"',
        ],
      ],
    ],
    [
      'required scaleTargetRef missing',
      { scaleTargetRef: undefined },
      [['spec.scaleTargetRef', 'spec.scaleTargetRef: Required value']],
    ],
    [
      'enum',
      { fallback: { failureThreshold: 3, replicas: 1, behavior: 'sometimes' } },
      [
        [
          'spec.fallback.behavior',
          'spec.fallback.behavior: Unsupported value: "sometimes": supported values: "static", "currentReplicas", "currentReplicasIfHigher", "currentReplicasIfLower", "scalingModifiers"',
        ],
      ],
    ],
    [
      'minimum',
      { maxReplicaCount: 0 },
      [['spec.maxReplicaCount', 'spec.maxReplicaCount in body should be greater than or equal to 1']],
    ],
    [
      'minimum on pollingInterval',
      { pollingInterval: 0 },
      [['spec.pollingInterval', 'spec.pollingInterval in body should be greater than or equal to 1']],
    ],
    ['minItems', { triggers: [] }, [['spec.triggers', 'spec.triggers in body should have at least 1 items']]],
    [
      'minLength',
      { scaleTargetRef: { name: '' } },
      [['spec.scaleTargetRef.name', 'spec.scaleTargetRef.name in body should be at least 1 chars long']],
    ],
    [
      'trigger metadata is map[string]string: a YAML number is rejected',
      { triggers: [{ type: 'prometheus', metadata: { threshold: 50, query: 'sum(x)' } }] },
      [
        [
          'spec.triggers[0].metadata.threshold',
          'spec.triggers[0].metadata.threshold in body must be of type string: "integer"',
        ],
      ],
    ],
    [
      'trigger without metadata',
      { triggers: [{ type: 'cpu' }] },
      [['spec.triggers[0].metadata', 'spec.triggers[0].metadata: Required value']],
    ],
    [
      'unknown field',
      { minReplicaCont: 1 },
      [['spec.minReplicaCont', 'unknown field "spec.minReplicaCont"']],
    ],
  ];
  for (const [name, spec, expected] of cases) {
    assert.deepEqual(problems(scaledObject(spec)), expected, name);
  }
});

test('the minReplicaCount <= maxReplicaCount CEL rule, with the default max of 100', () => {
  const issues = validateAgainstSchema(scaledObject({ minReplicaCount: 5, maxReplicaCount: 2 }), so);
  assert.equal(issues.length, 1);
  assert.equal(issues[0]!.source, 'rule');
  assert.deepEqual(issues[0]!.path, ['spec', 'minReplicaCount']);
  assert.equal(
    issues[0]!.message,
    'spec: Invalid value: "object": minReplicaCount must be less than or equal to maxReplicaCount',
  );
  assert.deepEqual(problems(scaledObject({ minReplicaCount: 101 })).length, 1, 'default max 100');
  assert.deepEqual(problems(scaledObject({ minReplicaCount: 100 })), []);
  assert.deepEqual(problems(scaledObject({ maxReplicaCount: 1 })), [], 'no min: rule holds');
});

test('a map value hint says to quote it', () => {
  const [issue] = validateAgainstSchema(
    scaledObject({ triggers: [{ type: 'cpu', metadata: { value: true } }] }),
    so,
  );
  assert.equal(issue?.hint, 'Quote it so YAML reads a string: "true".');
});

test('metadata labels and annotations are string maps', () => {
  assert.deepEqual(
    problems(scaledObject({}, { annotations: { 'autoscaling.keda.sh/paused-replicas': 2 } })),
    [
      [
        'metadata.annotations[autoscaling.keda.sh/paused-replicas]',
        'metadata.annotations[autoscaling.keda.sh/paused-replicas] in body must be of type string: "integer"',
      ],
    ],
  );
});

test('null fields are dropped by the server (a warning), and still count as missing when required', () => {
  const issues = validateAgainstSchema(scaledObject({ scaleTargetRef: null, cooldownPeriod: null }), so);
  assert.deepEqual(
    issues.map((i) => [formatFieldPath(i.path), i.severity]),
    [
      ['spec.scaleTargetRef', 'error'],
      ['spec.cooldownPeriod', 'warning'],
    ],
  );
});

test('ScaledJob: enums and int-or-string in the embedded PodSpec', () => {
  const sj = withObjectMeta(CRD_SCHEMAS.ScaledJob);
  const job = (template: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledJob',
    metadata: { name: 'j' },
    spec: {
      jobTargetRef: { template },
      triggers: [{ type: 'cron', metadata: { timezone: 'UTC' } }],
      ...extra,
    },
  });
  const container = (extra: Record<string, unknown>) => ({
    spec: { containers: [{ name: 'c', image: 'busybox', ...extra }] },
  });
  assert.deepEqual(problems(job(container({})), sj), []);
  assert.deepEqual(problems(job(container({ ports: [{ containerPort: 'http' }] })), sj), [
    [
      'spec.jobTargetRef.template.spec.containers[0].ports[0].containerPort',
      'spec.jobTargetRef.template.spec.containers[0].ports[0].containerPort in body must be of type integer: "string"',
    ],
  ]);
  assert.deepEqual(problems(job(container({ resources: { limits: { cpu: '500m', memory: 1 } } })), sj), []);
  assert.deepEqual(problems(job(container({ resources: { limits: { cpu: true } } })), sj), [
    [
      'spec.jobTargetRef.template.spec.containers[0].resources.limits.cpu',
      'spec.jobTargetRef.template.spec.containers[0].resources.limits.cpu in body must be of type integer or string: "boolean"',
    ],
  ]);
  assert.deepEqual(problems(job(container({}), { scalingStrategy: { strategy: 'fast' } }), sj), [
    [
      'spec.scalingStrategy.strategy',
      'spec.scalingStrategy.strategy: Unsupported value: "fast": supported values: "default", "custom", "accurate", "eager"',
    ],
  ]);
});

test('TriggerAuthentication: podIdentity provider enum, secretTargetRef required fields', () => {
  const ta = withObjectMeta(CRD_SCHEMAS.TriggerAuthentication);
  const value = {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'TriggerAuthentication',
    metadata: { name: 'a' },
    spec: { podIdentity: { provider: 'azure' }, secretTargetRef: [{ parameter: 'host', name: 's' }] },
  };
  assert.deepEqual(
    problems(value, ta).map(([f]) => f),
    ['spec.podIdentity.provider', 'spec.secretTargetRef[0].key'],
  );
});

test('schema navigation and type names', () => {
  assert.equal(describeSchemaType(schemaAt(so, ['spec', 'triggers'])!), '[]object');
  assert.equal(describeSchemaType(schemaAt(so, ['spec', 'triggers', 0, 'metadata'])!), 'map[string]string');
  assert.equal(schemaAt(so, ['spec', 'triggers', 0, 'metadata', 'anything'])?.type, 'string');
  assert.equal(schemaAt(so, ['spec', 'nope']), undefined);
  assert.match(schemaAt(so, ['spec', 'scaleTargetRef'])!.description!, /scale target/);
});

test('CEL subset', () => {
  const rule =
    '!has(self.minReplicaCount) || self.minReplicaCount <= (has(self.maxReplicaCount) ? self.maxReplicaCount : 100)';
  const cases: Array<[unknown, boolean | undefined]> = [
    [{}, true],
    [{ minReplicaCount: 3 }, true],
    [{ minReplicaCount: 300 }, false],
    [{ minReplicaCount: 3, maxReplicaCount: 2 }, false],
    [{ minReplicaCount: 2, maxReplicaCount: 2 }, true],
    [{ minReplicaCount: 'x' }, undefined],
  ];
  for (const [self, expected] of cases)
    assert.equal(celRuleHolds(rule, self), expected, JSON.stringify(self));
  assert.deepEqual(evaluateCel('size(self.a) == 2 && self.b.startsWith("x")', { a: [1, 2], b: 'xy' }), {
    ok: true,
    value: true,
  });
  assert.deepEqual(evaluateCel('self.a.size() > 1 ? "many" : "one"', { a: 'ab' }), {
    ok: true,
    value: 'many',
  });
  assert.deepEqual(evaluateCel('"x" in self.l', { l: ['x'] }), { ok: true, value: true });
  assert.equal(evaluateCel('self.all(x, x > 1)', { a: 1 }).ok, false, 'macros are unsupported');
  assert.equal(celRuleHolds('self.missing > 1 || true', {}), true, 'errors absorbed by ||');
});

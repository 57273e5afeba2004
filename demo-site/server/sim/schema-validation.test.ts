/**
 * Table-driven tests of custom resource decoding and validation against the real KEDA CRDs and
 * small hand-written schemas: the messages are the apiextensions-apiserver's (kube-openapi,
 * apimachinery field errors, listtype, objectmeta, CEL).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { StatusCause } from '../../../components/src/core/kube/types.ts';
import {
  decodeCustomResourceWrite,
  validateCustomResourceWrite,
  type FieldValidation,
} from './api/validation/custom-resource.ts';
import {
  aggregateMessage,
  errorString,
  fieldErrors,
  invalidError,
  toCause,
} from './api/validation/field-errors.ts';
import { goFloat, goJson, goQuote, goSharpV } from './api/validation/go-format.ts';
import { parseFieldValidation } from './api/validation/field-validation.ts';
import { ApiError } from './core/errors.ts';
import { resourcesFromCrd } from './registry/crd.ts';
import type { KObject, ResourceDef } from './registry/types.ts';
import { loadKedaCrds } from './scenarios/crds.ts';

const KEDA = new Map<string, ResourceDef>();
for (const crd of loadKedaCrds()) {
  const def = resourcesFromCrd(crd)[0];
  if (def) KEDA.set(def.kind, def);
}

function keda(kind: string): ResourceDef {
  const def = KEDA.get(kind);
  assert.ok(def, kind);
  return def;
}

/** A custom kind `Thing` of group `example.com` with the given openAPIV3Schema. */
function customKind(schema: Record<string, unknown>): ResourceDef {
  const def = resourcesFromCrd({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'things.example.com' },
    spec: {
      group: 'example.com',
      scope: 'Namespaced',
      names: { plural: 'things', kind: 'Thing' },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: { openAPIV3Schema: schema },
          subresources: { status: {} },
        },
      ],
    },
  })[0];
  assert.ok(def);
  return def;
}

function so(spec: Record<string, unknown>, extra: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name: 'x', namespace: 'default' },
    spec,
    ...extra,
  } as KObject;
}

const TARGET = { name: 'web' };
const TRIGGER = {
  type: 'cron',
  metadata: { timezone: 'UTC', start: '0 8 * * *', end: '0 18 * * *', desiredReplicas: '1' },
};
const NOT_CHECKED =
  '<nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation';
const QUANTITY_PATTERN =
  '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';

function errorsOf(def: ResourceDef, object: KObject, old?: KObject, subresource?: string): string[] {
  return validateCustomResourceWrite(def, object, old, subresource).map(errorString);
}

interface Case {
  name: string;
  def: () => ResourceDef;
  object: KObject;
  old?: KObject;
  subresource?: string;
  errors: string[];
}

const CASES: Case[] = [
  {
    name: 'a valid ScaledObject',
    def: () => keda('ScaledObject'),
    object: so({ scaleTargetRef: TARGET, triggers: [TRIGGER] }),
    errors: [],
  },
  {
    name: 'minimum and minItems (REFERENCE §7)',
    def: () => keda('ScaledObject'),
    object: so({ scaleTargetRef: TARGET, maxReplicaCount: 0, triggers: [] }),
    errors: [
      'spec.maxReplicaCount: Invalid value: 0: spec.maxReplicaCount in body should be greater than or equal to 1',
      'spec.triggers: Invalid value: 0: spec.triggers in body should have at least 1 items',
    ],
  },
  {
    name: 'required fields, then the CEL rules are not run',
    def: () => keda('ScaledObject'),
    object: so({ triggers: [{ metadata: {} }] }),
    errors: ['spec.triggers[0].type: Required value', 'spec.scaleTargetRef: Required value', NOT_CHECKED],
  },
  {
    name: 'a missing spec (root required)',
    def: () => keda('ScaledObject'),
    object: { apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', metadata: { name: 'x' } } as KObject,
    errors: ['spec: Required value', NOT_CHECKED],
  },
  {
    name: 'trigger metadata is map[string]string: a YAML number, bool or float is rejected',
    def: () => keda('ScaledObject'),
    object: so({
      scaleTargetRef: TARGET,
      triggers: [
        { type: 'postgresql', metadata: { targetQueryValue: 1, ssl: true, ratio: 0.5, query: 'SELECT 1' } },
      ],
    }),
    errors: [
      'spec.triggers[0].metadata.targetQueryValue: Invalid value: "integer": spec.triggers[0].metadata.targetQueryValue in body must be of type string: "integer"',
      'spec.triggers[0].metadata.ssl: Invalid value: "boolean": spec.triggers[0].metadata.ssl in body must be of type string: "boolean"',
      'spec.triggers[0].metadata.ratio: Invalid value: "number": spec.triggers[0].metadata.ratio in body must be of type string: "number"',
      NOT_CHECKED,
    ],
  },
  {
    name: 'an integer field given a string',
    def: () => keda('ScaledObject'),
    object: so({ scaleTargetRef: TARGET, pollingInterval: '30', triggers: [TRIGGER] }),
    errors: [
      'spec.pollingInterval: Invalid value: "string": spec.pollingInterval in body must be of type integer: "string"',
      NOT_CHECKED,
    ],
  },
  {
    name: 'enum: Unsupported value with the supported values quoted',
    def: () => keda('ScaledObject'),
    object: so({
      scaleTargetRef: TARGET,
      fallback: { failureThreshold: 3, replicas: 2, behavior: 'sometimes' },
      triggers: [{ ...TRIGGER, authenticationRef: { name: 'a', kind: 'Secret' } }],
    }),
    errors: [
      'spec.fallback.behavior: Unsupported value: "sometimes": supported values: "static", "currentReplicas", "currentReplicasIfHigher", "currentReplicasIfLower", "scalingModifiers"',
      'spec.triggers[0].authenticationRef.kind: Unsupported value: "Secret": supported values: "TriggerAuthentication", "ClusterTriggerAuthentication"',
      NOT_CHECKED,
    ],
  },
  {
    name: 'minLength',
    def: () => keda('ScaledObject'),
    object: so({ scaleTargetRef: { name: '' }, triggers: [{ type: '', metadata: {} }] }),
    errors: [
      'spec.scaleTargetRef.name: Invalid value: "": spec.scaleTargetRef.name in body should be at least 1 chars long',
      'spec.triggers[0].type: Invalid value: "": spec.triggers[0].type in body should be at least 1 chars long',
    ],
  },
  {
    name: 'the CEL rule: minReplicaCount > maxReplicaCount (REFERENCE §7)',
    def: () => keda('ScaledObject'),
    object: so({ scaleTargetRef: TARGET, minReplicaCount: 5, maxReplicaCount: 3, triggers: [TRIGGER] }),
    errors: ['spec: Invalid value: "object": minReplicaCount must be less than or equal to maxReplicaCount'],
  },
  {
    name: 'the CEL rule: minReplicaCount > the default maximum of 100',
    def: () => keda('ScaledObject'),
    object: so({ scaleTargetRef: TARGET, minReplicaCount: 101, triggers: [TRIGGER] }),
    errors: ['spec: Invalid value: "object": minReplicaCount must be less than or equal to maxReplicaCount'],
  },
  {
    name: 'int-or-string quantity with a pattern',
    def: () => keda('ScaledObject'),
    object: so({
      scaleTargetRef: TARGET,
      advanced: { horizontalPodAutoscalerConfig: { behavior: { scaleDown: { tolerance: '5 percent' } } } },
      triggers: [TRIGGER],
    }),
    errors: [
      `spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleDown.tolerance: Invalid value: "5 percent": spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleDown.tolerance in body should match '${QUANTITY_PATTERN}'`,
    ],
  },
  {
    name: 'int-or-string given a boolean: type, anyOf and the first alternative',
    def: () => keda('ScaledObject'),
    object: so({
      scaleTargetRef: TARGET,
      advanced: { horizontalPodAutoscalerConfig: { behavior: { scaleUp: { tolerance: true } } } },
      triggers: [TRIGGER],
    }),
    errors: [
      'spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleUp.tolerance: Invalid value: "boolean": spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleUp.tolerance in body must be of type integer,string: "boolean"',
      '<nil>: Invalid value: "": "spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleUp.tolerance" must validate at least one schema (anyOf)',
      'spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleUp.tolerance: Invalid value: "boolean": spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleUp.tolerance in body must be of type integer: "boolean"',
      NOT_CHECKED,
    ],
  },
  {
    name: 'ScaledJob: enums, and x-kubernetes-list-type map duplicates in the Job template',
    def: () => keda('ScaledJob'),
    object: {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledJob',
      metadata: { name: 'j' },
      spec: {
        jobTargetRef: {
          template: {
            spec: {
              containers: [
                {
                  name: 'a',
                  image: 'x',
                  ports: [
                    { containerPort: 80, protocol: 'TCP' },
                    { containerPort: 80, protocol: 'TCP' },
                  ],
                },
                { name: 'a', image: 'y' },
              ],
            },
          },
        },
        rollout: { strategy: 'slow' },
        triggers: [TRIGGER],
      },
    } as KObject,
    errors: [
      'spec.rollout.strategy: Unsupported value: "slow": supported values: "gradual", "immediate"',
      'spec.jobTargetRef.template.spec.containers[1]: Duplicate value: map[string]interface {}{"name":"a"}',
      'spec.jobTargetRef.template.spec.containers[0].ports[1]: Duplicate value: map[string]interface {}{"containerPort":80, "protocol":"TCP"}',
    ],
  },
  {
    name: 'TriggerAuthentication: podIdentity provider enum, no CEL rules so nothing more',
    def: () => keda('TriggerAuthentication'),
    object: {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'TriggerAuthentication',
      metadata: { name: 't' },
      spec: { podIdentity: { provider: 'azure' } },
    } as KObject,
    errors: [
      'spec.podIdentity.provider: Unsupported value: "azure": supported values: "azure-workload", "gcp", "aws", "aws-eks", "none"',
    ],
  },
  {
    name: 'status writes validate only status, with paths relative to it in the message',
    def: () => keda('ScaledObject'),
    object: so(
      { scaleTargetRef: {}, triggers: [] },
      {
        status: { lastActiveTime: 'yesterday', conditions: [{ type: 'Ready' }], originalReplicaCount: 'one' },
      },
    ),
    old: so({ scaleTargetRef: TARGET, triggers: [TRIGGER] }),
    subresource: 'status',
    errors: [
      'status.conditions[0].status: Required value',
      'status.lastActiveTime: Invalid value: "yesterday": lastActiveTime in body must be of type date-time: "yesterday"',
      'status.originalReplicaCount: Invalid value: "string": originalReplicaCount in body must be of type integer: "string"',
      NOT_CHECKED,
    ],
  },
  {
    name: 'ratcheting: an invalid value left unchanged by an update is accepted',
    def: () => keda('ScaledObject'),
    object: so({ scaleTargetRef: TARGET, pollingInterval: 0, maxReplicaCount: 7, triggers: [TRIGGER] }),
    old: so({ scaleTargetRef: TARGET, pollingInterval: 0, triggers: [TRIGGER] }),
    errors: [],
  },
  {
    name: 'ratcheting: a changed invalid value is rejected',
    def: () => keda('ScaledObject'),
    object: so({ scaleTargetRef: TARGET, pollingInterval: -1, triggers: [TRIGGER] }),
    old: so({ scaleTargetRef: TARGET, pollingInterval: 0, triggers: [TRIGGER] }),
    errors: [
      'spec.pollingInterval: Invalid value: -1: spec.pollingInterval in body should be greater than or equal to 1',
    ],
  },
  {
    name: 'labels and annotations of the object',
    def: () => keda('ScaledObject'),
    object: {
      ...so({ scaleTargetRef: TARGET, triggers: [TRIGGER] }),
      metadata: { name: 'x', labels: { 'app/x/y': 'ok', team: 'a b' }, annotations: { '-bad': '' } },
    } as KObject,
    errors: [
      "metadata.labels: Invalid value: \"app/x/y\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      "metadata.labels: Invalid value: \"a b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      "metadata.annotations: Invalid value: \"-bad\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ],
  },
  {
    name: 'numbers: exclusive bounds, multipleOf, float bounds',
    def: () =>
      customKind({
        type: 'object',
        properties: {
          spec: {
            type: 'object',
            properties: {
              a: { type: 'integer', minimum: 1, exclusiveMinimum: true },
              b: { type: 'integer', maximum: 10, exclusiveMaximum: true },
              c: { type: 'integer', multipleOf: 5 },
              d: { type: 'number', maximum: 1.5 },
              e: { type: 'number', minimum: 1000000 },
            },
          },
        },
      }),
    object: {
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: { name: 't' },
      spec: { a: 1, b: 10, c: 7, d: 2.25, e: 0.5 },
    } as KObject,
    errors: [
      'spec.a: Invalid value: 1: spec.a in body should be greater than 1',
      'spec.b: Invalid value: 10: spec.b in body should be less than 10',
      'spec.c: Invalid value: 7: spec.c in body should be a multiple of 5',
      'spec.d: Invalid value: 2.25: spec.d in body should be less than or equal to 1.5',
      'spec.e: Invalid value: 0.5: spec.e in body should be greater than or equal to 1e+06',
    ],
  },
  {
    name: 'strings and arrays: maxLength (Too long), pattern, maxItems (Too many), uniqueItems, formats',
    def: () =>
      customKind({
        type: 'object',
        properties: {
          spec: {
            type: 'object',
            properties: {
              short: { type: 'string', maxLength: 3 },
              code: { type: 'string', pattern: '^[A-Z]+$' },
              few: { type: 'array', maxItems: 1, items: { type: 'string' } },
              unique: { type: 'array', uniqueItems: true, items: { type: 'integer' } },
              id: { type: 'string', format: 'uuid' },
              size: { type: 'integer', format: 'int32' },
            },
          },
        },
      }),
    object: {
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: { name: 't' },
      spec: { short: 'long', code: 'abc', few: ['a', 'b'], unique: [1, 1], id: 'nope', size: 5000000000 },
    } as KObject,
    errors: [
      'spec.short: Too long: may not be more than 3 bytes',
      'spec.code: Invalid value: "abc": spec.code in body should match \'^[A-Z]+$\'',
      'spec.few: Too many: 2: must have at most 1 items',
      'spec.unique: Invalid value: "": spec.unique in body shouldn\'t contain duplicates',
      'spec.id: Invalid value: "nope": spec.id in body must be of type uuid: "nope"',
    ],
  },
  {
    name: 'nullable: null is accepted where nullable, a type error elsewhere (in lists, where nulls are not pruned)',
    def: () =>
      customKind({
        type: 'object',
        properties: {
          spec: {
            type: 'object',
            properties: {
              maybe: { type: 'string', nullable: true },
              list: { type: 'array', items: { type: 'string' } },
            },
          },
        },
      }),
    object: {
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: { name: 't' },
      spec: { maybe: null, list: ['a', null] },
    } as KObject,
    errors: ['spec.list[1]: Invalid value: "null": spec.list[1] in body must be of type string: "null"'],
  },
  {
    name: 'x-kubernetes-embedded-resource: apiVersion/kind required, kind a DNS-1035 label, metadata names path segments',
    def: () =>
      customKind({
        type: 'object',
        properties: {
          spec: {
            type: 'object',
            properties: {
              template: {
                type: 'object',
                'x-kubernetes-embedded-resource': true,
                'x-kubernetes-preserve-unknown-fields': true,
              },
              other: {
                type: 'object',
                'x-kubernetes-embedded-resource': true,
                'x-kubernetes-preserve-unknown-fields': true,
              },
            },
          },
        },
      }),
    object: {
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: { name: 't' },
      spec: {
        template: { metadata: { name: 'a/b' } },
        other: { apiVersion: 'v1', kind: 'Config_Map' },
      },
    } as KObject,
    errors: [
      'spec.template.apiVersion: Required value: must not be empty',
      'spec.template.kind: Required value: must not be empty',
      'spec.template.metadata.name: Invalid value: "a/b": may not contain \'/\'',
      "spec.other.kind: Invalid value: \"Config_Map\": may have mixed case, but should otherwise match: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ],
  },
  {
    name: 'x-kubernetes-list-type set',
    def: () =>
      customKind({
        type: 'object',
        properties: {
          spec: {
            type: 'object',
            properties: {
              tags: { type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'string' } },
            },
          },
        },
      }),
    object: {
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: { name: 't' },
      spec: { tags: ['a', 'b', 'a', 'a'] },
    } as KObject,
    errors: ['spec.tags[2]: Duplicate value: "a"'],
  },
  {
    name: 'CEL: rules at several levels, message, messageExpression, reason, fieldPath, default message',
    def: () =>
      customKind({
        type: 'object',
        properties: {
          spec: {
            type: 'object',
            properties: {
              replicas: { type: 'integer' },
              name: { type: 'string', 'x-kubernetes-validations': [{ rule: "self.startsWith('app-')" }] },
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { w: { type: 'integer' } },
                  'x-kubernetes-validations': [{ rule: 'self.w > 0', message: 'w must be positive' }],
                },
              },
            },
            'x-kubernetes-validations': [
              { rule: 'self.replicas < 10', messageExpression: "'replicas is ' + string(self.replicas)" },
              {
                rule: 'has(self.name)',
                reason: 'FieldValueRequired',
                fieldPath: '.name',
                message: 'a name is needed',
              },
              { rule: 'self.replicas != 12', reason: 'FieldValueForbidden', message: 'twelve is forbidden' },
            ],
          },
        },
      }),
    object: {
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: { name: 't' },
      spec: { replicas: 12, items: [{ w: 1 }, { w: 0 }] },
    } as KObject,
    errors: [
      'spec: Invalid value: "object": replicas is 12',
      'spec.name: Required value: a name is needed',
      'spec: Forbidden: twelve is forbidden',
      'spec.items[1]: Invalid value: "object": w must be positive',
    ],
  },
  {
    name: 'CEL: runtime errors are reported with the rule (no such key)',
    def: () =>
      customKind({
        type: 'object',
        properties: {
          spec: {
            type: 'object',
            properties: { min: { type: 'integer' } },
            'x-kubernetes-validations': [{ rule: 'self.min > 0' }],
          },
        },
      }),
    object: { apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 't' }, spec: {} } as KObject,
    errors: ['spec: Invalid value: "object": no such key: min evaluating rule: self.min > 0'],
  },
  {
    name: 'CEL: transition rules (oldSelf) run on updates only',
    def: () =>
      customKind({
        type: 'object',
        properties: {
          spec: {
            type: 'object',
            properties: {
              mode: {
                type: 'string',
                'x-kubernetes-validations': [{ rule: 'self == oldSelf', message: 'mode is immutable' }],
              },
            },
          },
        },
      }),
    object: {
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: { name: 't' },
      spec: { mode: 'b' },
    } as KObject,
    old: {
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: { name: 't' },
      spec: { mode: 'a' },
    } as KObject,
    errors: ['spec.mode: Invalid value: "string": mode is immutable'],
  },
];

describe('schema validation of custom resources', () => {
  for (const c of CASES) {
    test(c.name, () => {
      assert.deepEqual(errorsOf(c.def(), c.object, c.old, c.subresource), c.errors);
    });
  }

  test('a transition rule is skipped on create', () => {
    const def = CASES.find((c) => c.name.startsWith('CEL: transition'))?.def();
    assert.ok(def);
    assert.deepEqual(
      errorsOf(def, {
        apiVersion: 'example.com/v1',
        kind: 'Thing',
        metadata: { name: 't' },
        spec: { mode: 'b' },
      } as KObject),
      [],
    );
  });

  test('causes carry the reason, ErrorBody and field', () => {
    const causes: StatusCause[] = validateCustomResourceWrite(
      keda('ScaledObject'),
      so({ scaleTargetRef: TARGET, maxReplicaCount: 0, triggers: [TRIGGER] }),
      undefined,
      undefined,
    ).map(toCause);
    assert.deepEqual(causes, [
      {
        reason: 'FieldValueInvalid',
        message: 'Invalid value: 0: spec.maxReplicaCount in body should be greater than or equal to 1',
        field: 'spec.maxReplicaCount',
      },
    ]);
  });
});

describe('decoding: pruning, fieldValidation, nulls and defaults', () => {
  function decode(
    def: ResourceDef,
    object: KObject,
    fieldValidation: FieldValidation,
    source: 'body' | 'patch' = 'body',
  ): { object: KObject; warnings: string[] } {
    const warnings: string[] = [];
    decodeCustomResourceWrite(def, object, { fieldValidation, warn: (w) => warnings.push(w), source });
    return { object, warnings };
  }

  const withUnknown = (): KObject =>
    so(
      {
        scaleTargetRef: { name: 'web', weight: 3 },
        triggers: [{ ...TRIGGER, extra: true }],
        zzz: 1,
        aaa: { b: 1 },
      },
      { other: 'x', metadata: { name: 'x', namespace: 'default', owner: 'me' } },
    );

  test('Ignore prunes unknown fields silently, keeping known ones', () => {
    const { object, warnings } = decode(keda('ScaledObject'), withUnknown(), 'Ignore');
    assert.deepEqual(warnings, []);
    assert.deepEqual(object, so({ scaleTargetRef: { name: 'web' }, triggers: [TRIGGER] }));
  });

  test('Warn prunes them with one warning each: metadata first, then the schema paths sorted', () => {
    const { warnings } = decode(keda('ScaledObject'), withUnknown(), 'Warn');
    assert.deepEqual(warnings, [
      'unknown field "metadata.owner"',
      'unknown field "other"',
      'unknown field "spec.aaa"',
      'unknown field "spec.scaleTargetRef.weight"',
      'unknown field "spec.triggers[0].extra"',
      'unknown field "spec.zzz"',
    ]);
  });

  test('Strict rejects them: 400 for bodies, 422 on `patch` for patch results', () => {
    try {
      decode(keda('ScaledObject'), withUnknown(), 'Strict');
      assert.fail('expected a 400');
    } catch (error) {
      assert.ok(error instanceof ApiError);
      assert.deepEqual(error.status, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message:
          'ScaledObject in version "v1alpha1" cannot be handled as a ScaledObject: strict decoding error: unknown field "metadata.owner", unknown field "other", unknown field "spec.aaa", unknown field "spec.scaleTargetRef.weight", unknown field "spec.triggers[0].extra", unknown field "spec.zzz"',
        reason: 'BadRequest',
        code: 400,
      });
    }
    const patched = so({ scaleTargetRef: { name: 'web' }, triggers: [TRIGGER], foo: '<b>' });
    try {
      decode(keda('ScaledObject'), patched, 'Strict', 'patch');
      assert.fail('expected a 422');
    } catch (error) {
      assert.ok(error instanceof ApiError);
      const json =
        '{"apiVersion":"keda.sh/v1alpha1","kind":"ScaledObject","metadata":{"name":"x","namespace":"default"},"spec":{"foo":"\\u003cb\\u003e","scaleTargetRef":{"name":"web"},"triggers":[{"metadata":{"desiredReplicas":"1","end":"0 18 * * *","start":"0 8 * * *","timezone":"UTC"},"type":"cron"}]}}';
      assert.equal(error.code, 422);
      assert.equal(
        error.status.message,
        ` "" is invalid: patch: Invalid value: ${goQuote(json)}: strict decoding error: unknown field "spec.foo"`,
      );
      assert.deepEqual(error.status.details, {
        causes: [
          {
            reason: 'FieldValueInvalid',
            message: `Invalid value: ${goQuote(json)}: strict decoding error: unknown field "spec.foo"`,
            field: 'patch',
          },
        ],
      });
    }
  });

  test('malformed metadata fails decoding like encoding/json', () => {
    const object = {
      ...so({ scaleTargetRef: TARGET, triggers: [TRIGGER] }),
      metadata: { name: 'x', labels: { version: 1 } },
    } as unknown as KObject;
    assert.throws(
      () => decode(keda('ScaledObject'), object, 'Warn'),
      (e: unknown) =>
        e instanceof ApiError &&
        e.code === 400 &&
        e.message ===
          'ScaledObject in version "v1alpha1" cannot be handled as a ScaledObject: json: cannot unmarshal number into Go struct field ObjectMeta.labels of type string',
    );
  });

  test('non-nullable nulls without default are dropped; defaults are applied', () => {
    const { object } = decode(
      keda('ScaledObject'),
      so({
        scaleTargetRef: TARGET,
        pollingInterval: null,
        fallback: { failureThreshold: 3, replicas: 1 },
        triggers: [TRIGGER],
      }),
      'Strict',
    );
    assert.deepEqual(object.spec, {
      scaleTargetRef: TARGET,
      fallback: { failureThreshold: 3, replicas: 1, behavior: 'static' },
      triggers: [TRIGGER],
    });
    const cta = decode(
      keda('ClusterTriggerAuthentication'),
      {
        apiVersion: 'keda.sh/v1alpha1',
        kind: 'ClusterTriggerAuthentication',
        metadata: { name: 'c' },
        spec: { oauth2: { clientId: 'a' } },
      } as KObject,
      'Strict',
    ).object;
    assert.deepEqual(cta.spec, { oauth2: { clientId: 'a', type: 'clientCredentials' } });
  });

  test('x-kubernetes-preserve-unknown-fields keeps unknown fields, and embedded metadata is decoded', () => {
    const def = customKind({
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: {
            free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
            template: {
              type: 'object',
              'x-kubernetes-embedded-resource': true,
              properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } },
            },
          },
        },
      },
    });
    const { object, warnings } = decode(
      def,
      {
        apiVersion: 'example.com/v1',
        kind: 'Thing',
        metadata: { name: 't' },
        spec: {
          free: { anything: { goes: [1, 2] } },
          template: {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { name: 'p', color: 'red' },
            spec: { size: 1, shape: 'round' },
          },
        },
      } as KObject,
      'Warn',
    );
    assert.deepEqual(warnings, [
      'unknown field "spec.template.spec.shape"',
      'unknown field "spec.template.metadata.color"',
    ]);
    assert.deepEqual(object.spec, {
      free: { anything: { goes: [1, 2] } },
      template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { size: 1 } },
    });
  });
});

describe('field errors, messages and formatting', () => {
  test('the Invalid message de-duplicates like ToAggregate and brackets several', () => {
    const a = fieldErrors.required('spec.a');
    const b = fieldErrors.invalid('spec.b', 3, 'too big');
    assert.equal(aggregateMessage([a]), 'spec.a: Required value');
    assert.equal(aggregateMessage([a, a]), 'spec.a: Required value');
    assert.equal(aggregateMessage([a, b, a]), '[spec.a: Required value, spec.b: Invalid value: 3: too big]');
    const error = invalidError({ group: 'keda.sh', kind: 'ScaledObject' }, 'x', [a, a]);
    assert.equal(error.status.message, 'ScaledObject.keda.sh "x" is invalid: spec.a: Required value');
    assert.equal(error.status.details?.causes?.length, 2);
  });

  test('Go value formatting', () => {
    assert.equal(goQuote('a"b\\c\n\u0001é\u00a0'), '"a\\"b\\\\c\\n\\x01é\\u00a0"');
    assert.equal(goFloat(0.5), '0.5');
    assert.equal(goFloat(1e6), '1e+06');
    assert.equal(goFloat(123456), '123456');
    assert.equal(goFloat(0.00001), '1e-05');
    assert.equal(
      goSharpV({ b: 1, a: 'x', c: [true, 1.5] }),
      'map[string]interface {}{"a":"x", "b":1, "c":[]interface {}{true, 1.5}}',
    );
    assert.equal(goJson({ b: '<&>', a: [1, 2.5] }), '{"a":[1,2.5],"b":"\\u003c\\u0026\\u003e"}');
  });

  test('fieldValidation: unset is Warn; an unknown value is the 422 of ValidateFieldValidation', () => {
    assert.equal(parseFieldValidation(null, 'CreateOptions'), 'Warn');
    assert.equal(parseFieldValidation('Strict', 'CreateOptions'), 'Strict');
    assert.throws(
      () => parseFieldValidation('Loose', 'PatchOptions'),
      (e: unknown) =>
        e instanceof ApiError &&
        e.code === 422 &&
        e.message ===
          'PatchOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "Loose": supported values: "", "Ignore", "Strict", "Warn"',
    );
  });
});

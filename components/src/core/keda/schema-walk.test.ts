// The structural-schema walker on hand-written schemas: every kube-openapi check and message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CrdSchema } from './crd-schema.js';
import { jsonTypeOf, validateAgainstSchema } from './schema-validate.js';

const messages = (value: unknown, schema: CrdSchema) =>
  validateAgainstSchema(value, schema).map((i) => `${i.severity} ${i.reason}: ${i.message}`);

test('JSON types as kube-openapi names them', () => {
  assert.deepEqual([null, [], 1, 1.5, {}, 'x', true].map(jsonTypeOf), [
    'null',
    'array',
    'integer',
    'number',
    'object',
    'string',
    'boolean',
  ]);
});

test('types: number takes integers, int-or-string, untyped anything; a scalar where a string is wanted gets a quoting hint', () => {
  assert.deepEqual(messages(3, { type: 'number' }), []);
  assert.deepEqual(messages('3', { type: 'number' }), [
    'error FieldValueTypeInvalid: <root> in body must be of type number: "string"',
  ]);
  assert.deepEqual(messages('50%', { intOrString: true }), []);
  assert.deepEqual(messages(true, { intOrString: true }), [
    'error FieldValueTypeInvalid: <root> in body must be of type integer or string: "boolean"',
  ]);
  assert.deepEqual(messages({ a: [1] }, {}), []);
  const [quoted] = validateAgainstSchema(
    { v: 10 },
    { type: 'object', properties: { v: { type: 'string' } } },
  );
  assert.equal(quoted?.hint, 'Quote it so YAML reads a string: "10".');
  const [notScalar] = validateAgainstSchema(
    { v: [1] },
    { type: 'object', properties: { v: { type: 'string' } } },
  );
  assert.equal(notScalar?.hint, undefined);
});

test('null: dropped unless nullable; a null required field is reported once, as missing', () => {
  assert.deepEqual(messages({ a: null }, { type: 'object', properties: { a: { type: 'string' } } }), [
    'warning FieldValueInvalid: a: null is dropped by the API server',
  ]);
  assert.deepEqual(
    messages({ a: null }, { type: 'object', properties: { a: { type: 'string', nullable: true } } }),
    [],
  );
  assert.deepEqual(
    messages({ a: null }, { type: 'object', required: ['a'], properties: { a: { type: 'string' } } }),
    ['error FieldValueRequired: a: Required value'],
  );
  assert.deepEqual(messages(null, { type: 'object' }), [
    'warning FieldValueInvalid: <root>: null is dropped by the API server',
  ]);
});

test('enums quote strings, not numbers', () => {
  assert.deepEqual(messages('Max', { type: 'string', enum: ['Min', 'Disabled'] }), [
    'error FieldValueNotSupported: <root>: Unsupported value: "Max": supported values: "Min", "Disabled"',
  ]);
  assert.deepEqual(messages(3, { type: 'integer', enum: [1, 2] }), [
    'error FieldValueNotSupported: <root>: Unsupported value: 3: supported values: 1, 2',
  ]);
});

test('numeric bounds, inclusive and exclusive, and int32', () => {
  assert.deepEqual(messages(0, { type: 'integer', minimum: 1 }), [
    'error FieldValueInvalid: <root> in body should be greater than or equal to 1',
  ]);
  assert.deepEqual(messages(1, { type: 'integer', minimum: 1, exclusiveMinimum: true }), [
    'error FieldValueInvalid: <root> in body should be greater than 1',
  ]);
  assert.deepEqual(messages(11, { type: 'integer', maximum: 10 }), [
    'error FieldValueInvalid: <root> in body should be less than or equal to 10',
  ]);
  assert.deepEqual(messages(10, { type: 'integer', maximum: 10, exclusiveMaximum: true }), [
    'error FieldValueInvalid: <root> in body should be less than 10',
  ]);
  assert.deepEqual(messages(10, { type: 'integer', maximum: 10, minimum: 10 }), []);
  assert.deepEqual(messages(2147483648, { type: 'integer', format: 'int32' }), [
    'error FieldValueInvalid: <root> in body must be of type int32: "2147483648"',
  ]);
  assert.deepEqual(messages(-2147483649, { type: 'integer', format: 'int32' }).length, 1);
});

test('strings: lengths in characters, patterns; a pattern JavaScript cannot compile is left to the server', () => {
  assert.deepEqual(messages('', { type: 'string', minLength: 1 }), [
    'error FieldValueRequired: <root> in body should be at least 1 chars long',
  ]);
  assert.deepEqual(messages('a', { type: 'string', minLength: 2 }), [
    'error FieldValueInvalid: <root> in body should be at least 2 chars long',
  ]);
  assert.deepEqual(messages('ééé', { type: 'string', maxLength: 3 }), []);
  assert.deepEqual(messages('abcd', { type: 'string', maxLength: 3 }), [
    'error FieldValueTooLong: <root> in body should be at most 3 chars long',
  ]);
  assert.deepEqual(messages('Abc', { type: 'string', pattern: '^[a-z]+$' }), [
    "error FieldValueInvalid: <root> in body should match '^[a-z]+$'",
  ]);
  assert.deepEqual(messages('anything', { type: 'string', pattern: '(?P<name>x)' }), []);
});

test('arrays: item counts, items, set and map uniqueness', () => {
  assert.deepEqual(messages([], { type: 'array', minItems: 1 }), [
    'error FieldValueRequired: <root> in body should have at least 1 items',
  ]);
  assert.deepEqual(messages([1], { type: 'array', minItems: 2 }), [
    'error FieldValueInvalid: <root> in body should have at least 2 items',
  ]);
  assert.deepEqual(messages([1, 2, 3], { type: 'array', maxItems: 2 }), [
    'error FieldValueTooLong: <root> in body should have at most 2 items',
  ]);
  assert.deepEqual(messages(['a', 1], { type: 'array', items: { type: 'string' } }), [
    'error FieldValueTypeInvalid: [1] in body must be of type string: "integer"',
  ]);
  assert.deepEqual(messages(['a', 'b', 'a'], { type: 'array', listType: 'set' }), [
    'error FieldValueDuplicate: [2]: Duplicate value: "a"',
  ]);
  const map: CrdSchema = { type: 'array', listType: 'map', listMapKeys: ['name'] };
  assert.deepEqual(
    messages(
      [
        { name: 'a', v: 1 },
        { name: 'a', v: 2 },
      ],
      map,
    ),
    ['error FieldValueDuplicate: [1]: Duplicate value: ["a"]'],
  );
  assert.deepEqual(
    messages(['x', 'x'], map),
    ['error FieldValueDuplicate: [1]: Duplicate value: "x"'],
    'not objects: by value',
  );
  assert.deepEqual(messages([1, 1], { type: 'array', listType: 'atomic' }), []);
});

test('objects: required, property counts, additionalProperties, unknown fields unless preserved', () => {
  const schema: CrdSchema = {
    type: 'object',
    required: ['name'],
    minProperties: 2,
    maxProperties: 3,
    properties: {
      name: { type: 'string' },
      labels: { type: 'object', additionalProperties: { type: 'string' } },
    },
  };
  assert.deepEqual(messages({}, schema), [
    'error FieldValueRequired: name: Required value',
    'error FieldValueInvalid: <root> in body should have at least 2 properties',
  ]);
  assert.deepEqual(messages({ name: 'a', labels: { x: 1 } }, schema), [
    'error FieldValueTypeInvalid: labels.x in body must be of type string: "integer"',
  ]);
  const unknown = validateAgainstSchema({ name: 'a', labels: {}, extra: 1, more: 2 }, schema);
  assert.deepEqual(
    unknown.map((i) => `${i.reason}: ${i.message}`),
    [
      'FieldValueInvalid: <root> in body should have at most 3 properties',
      'FieldValueUnknown: unknown field "extra"',
      'FieldValueUnknown: unknown field "more"',
    ],
  );
  assert.match(unknown[1]?.hint ?? '', /drops fields its schema does not declare/);
  assert.deepEqual(
    messages({ name: 'a', labels: {}, extra: 1 }, { ...schema, preserveUnknownFields: true }),
    [],
  );
  assert.deepEqual(
    messages({ anything: 1 }, { type: 'object' }),
    [],
    'no properties declared: nothing is unknown',
  );
});

test('CEL rules: their message or the rule, pointed at the first field they read that the object has', () => {
  const schema: CrdSchema = {
    type: 'object',
    rules: [
      { rule: 'self.min <= self.max', message: 'min must be at most max' },
      { rule: 'self.other > 0' },
      { rule: 'self.unknownFunction()' },
    ],
  };
  const issues = validateAgainstSchema({ min: 5, max: 2, other: 0 }, schema, ['spec']);
  assert.deepEqual(
    issues.map((i) => [i.path, i.message, i.source]),
    [
      [['spec', 'min'], 'spec: Invalid value: "object": min must be at most max', 'rule'],
      [['spec', 'other'], 'spec: Invalid value: "object": failed rule: self.other > 0', 'rule'],
    ],
  );
  const onScalar = validateAgainstSchema(5, { type: 'integer', rules: [{ rule: 'self < 3' }] }, [
    'spec',
    'n',
  ]);
  assert.deepEqual(
    onScalar.map((i) => i.path),
    [['spec', 'n']],
  );
  const noField = validateAgainstSchema({}, { type: 'object', rules: [{ rule: 'size(self) > 0' }] });
  assert.deepEqual(
    noField.map((i) => i.path),
    [[]],
  );
});

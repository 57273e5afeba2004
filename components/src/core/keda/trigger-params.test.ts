import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJsonNumber, numericTriggerParam, triggerParam } from './trigger-params.js';

test('parameters: trimmed, empty is absent, auth params and <key>FromEnv', () => {
  const trigger = {
    type: 'rabbitmq',
    metadata: { queueName: '  hello ', empty: '  ', hostFromEnv: 'RABBIT_URL' },
  };
  assert.equal(triggerParam(trigger, 'queueName'), 'hello');
  assert.equal(triggerParam(trigger, 'empty'), undefined);
  assert.equal(triggerParam(trigger, 'host', { env: { RABBIT_URL: 'amqp://x' } }), 'amqp://x');
  assert.equal(triggerParam(trigger, 'password', { authParams: { password: 's3cr3t' } }), 's3cr3t');
});

test('JSON number decoding like Go json.Unmarshal', () => {
  const cases: Array<[string, 'int' | 'float', ReturnType<typeof decodeJsonNumber>]> = [
    ['10', 'int', { ok: true, value: 10 }],
    ['-3', 'int', { ok: true, value: -3 }],
    ['2.5', 'float', { ok: true, value: 2.5 }],
    ['1e3', 'float', { ok: true, value: 1000 }],
    ['10.5', 'int', { ok: false, error: 'json: cannot unmarshal number 10.5 into Go value of type int64' }],
    ['1e3', 'int', { ok: false, error: 'json: cannot unmarshal number 1e3 into Go value of type int64' }],
    ['abc', 'float', { ok: false, error: "invalid character 'a' looking for beginning of value" }],
    ['.5', 'float', { ok: false, error: "invalid character '.' looking for beginning of value" }],
    ['+5', 'float', { ok: false, error: "invalid character '+' looking for beginning of value" }],
    ['05', 'int', { ok: false, error: "invalid character '5' after top-level value" }],
    ['5x', 'float', { ok: false, error: "invalid character 'x' after top-level value" }],
    ['1.', 'float', { ok: false, error: 'unexpected end of JSON input' }],
    [
      '99999999999999999999',
      'int',
      { ok: false, error: 'json: cannot unmarshal number 99999999999999999999 into Go value of type int64' },
    ],
  ];
  for (const [text, numeric, expected] of cases)
    assert.deepEqual(decodeJsonNumber(text, numeric), expected, `${text} ${numeric}`);
});

test('numeric parameters: default, optional zero, required, aliases', () => {
  const t = (metadata: Record<string, string>) => ({ type: 'x', metadata });
  assert.deepEqual(numericTriggerParam(t({}), ['lagThreshold'], 'int', 10), {
    ok: true,
    value: 10,
    fromDefault: true,
  });
  assert.deepEqual(numericTriggerParam(t({}), ['activationValue'], 'float', 'optional'), {
    ok: true,
    value: 0,
    fromDefault: true,
  });
  assert.deepEqual(numericTriggerParam(t({}), ['threshold'], 'float', 'required'), {
    ok: false,
    error: 'missing required parameter "threshold" in [triggerMetadata]',
  });
  assert.deepEqual(numericTriggerParam(t({ queryValue: '7' }), ['targetValue', 'queryValue'], 'float', -1), {
    ok: true,
    value: 7,
  });
  assert.deepEqual(numericTriggerParam(t({ lagThreshold: 'ten' }), ['lagThreshold'], 'int', 10), {
    ok: false,
    error: `unable to set param "lagThreshold" value "ten": unable to unmarshal to field type int64: invalid character 't' looking for beginning of value`,
  });
});

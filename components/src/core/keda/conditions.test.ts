import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conditionSummary } from './conditions.js';

test('a condition summary reads type=status (reason): message', () => {
  const cases: Array<[Parameters<typeof conditionSummary>[0], string]> = [
    [{ type: 'Ready', status: 'True' }, 'Ready=True'],
    [{ type: 'Active', status: 'False', reason: 'ScalerNotActive' }, 'Active=False (ScalerNotActive)'],
    [
      { type: 'Ready', status: 'False', reason: 'ScaledObjectCheckFailed', message: 'no target' },
      'Ready=False (ScaledObjectCheckFailed): no target',
    ],
  ];
  for (const [condition, summary] of cases) assert.equal(conditionSummary(condition), summary);
});

test('a condition summary masks credentials KEDA quotes in the message', () => {
  const summary = conditionSummary({
    type: 'Ready',
    status: 'False',
    reason: 'ScaledObjectCheckFailed',
    message: 'error dialing amqp://orders:hunter2@rabbitmq:5672/ and Endpoint=sb://x/;SharedAccessKey=abc123',
  });
  assert.equal(
    summary,
    'Ready=False (ScaledObjectCheckFailed): error dialing amqp://orders:****@rabbitmq:5672/ and Endpoint=sb://x/;SharedAccessKey=****',
  );
  assert.ok(!summary.includes('hunter2') && !summary.includes('abc123'));
});

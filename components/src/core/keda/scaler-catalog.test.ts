import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isCredentialParam,
  paramFields,
  scalerCategories,
  scalerSpec,
  searchScalers,
  TRIGGER_TYPES,
} from './scaler-catalog.js';

test('the catalog covers the 79 types, searches by name and category, and never offers credentials inline', () => {
  assert.equal(TRIGGER_TYPES.length, 79);
  assert.equal(searchScalers('rabbit')[0]?.type, 'rabbitmq');
  assert.equal(searchScalers('kafka')[0]?.type, 'kafka');
  assert.ok(searchScalers('', 'Messaging').every((s) => s.category === 'Messaging'));
  assert.ok(scalerCategories().includes('Messaging'));
  assert.equal(searchScalers('').at(-1)?.type, 'external-mock');
  const rabbit = paramFields('rabbitmq');
  const host = rabbit.find((f) => f.name === 'host');
  assert.deepEqual(host?.sources, ['auth', 'env']);
  assert.equal(host?.credential, true);
  assert.deepEqual(rabbit.find((f) => f.name === 'password')?.sources, ['auth', 'env']);
  assert.deepEqual(rabbit.find((f) => f.name === 'queueName')?.sources, ['value']);
  assert.deepEqual(rabbit.find((f) => f.name === 'mode')?.enum, ['QueueLength', 'MessageRate']);
  assert.equal(rabbit.find((f) => f.name === 'mode')?.default, undefined);
  assert.equal(rabbit[0]?.name, 'queueName', 'required first');
  // removed parameters are not offered
  assert.equal(
    paramFields('cpu').some((f) => f.name === 'type'),
    false,
  );
  // every credential-like parameter of every scaler is only offered through auth or env
  for (const type of TRIGGER_TYPES)
    for (const f of paramFields(type))
      if (f.credential) assert.ok(!f.sources.includes('value'), `${type}.${f.name}`);
});

test('targets, activation and primary options come first; deprecated ones last', () => {
  const names = paramFields('rabbitmq').map((f) => f.name);
  assert.deepEqual(names.slice(0, 5), ['queueName', 'host', 'mode', 'value', 'activationValue']);
  const queueLength = paramFields('rabbitmq').find((f) => f.name === 'queueLength');
  assert.match(queueLength?.deprecatedAnnounce ?? '', /^DEPRECATED/);
  assert.equal(queueLength?.role, undefined);
  assert.equal(paramFields('kafka').find((f) => f.name === 'lagThreshold')?.default, '10');
  assert.equal(scalerSpec('nope'), undefined);
  assert.deepEqual(paramFields('nope'), []);
  assert.equal(isCredentialParam('rabbitmq', 'host'), true);
  assert.equal(isCredentialParam('kafka', 'bootstrapServers'), false);
  assert.equal(isCredentialParam('postgresql', 'connection'), true);
});

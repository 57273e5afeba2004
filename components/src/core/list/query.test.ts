import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesQuery, narrows, parseQuery } from './query.js';

const keys = new Map([
  ['ns', 'ns'],
  ['namespace', 'ns'],
  ['trigger', 'trigger'],
  ['active', 'active'],
  ['name', 'name'],
]);

const row = {
  ns: ['prod'],
  trigger: ['rabbitmq', 'cpu'],
  active: ['true'],
  name: ['orders-consumer'],
};
const fields = (key: string) => row[key as keyof typeof row] ?? [];
const free = ['orders-consumer', 'prod', 'rabbitmq', 'cpu'];

test('parses keyed terms, aliases, negation, quotes and free words', () => {
  const q = parseQuery('trigger:RabbitMQ namespace:prod -active:false "two words" Orders', keys);
  assert.deepEqual(q.errors, []);
  assert.deepEqual(q.terms, [
    { key: 'trigger', value: 'rabbitmq', negated: false },
    { key: 'ns', value: 'prod', negated: false },
    { key: 'active', value: 'false', negated: true },
    { key: undefined, value: 'two words', negated: false },
    { key: undefined, value: 'orders', negated: false },
  ]);
});

test('reports unknown keys and empty values instead of ignoring them silently', () => {
  const q = parseQuery('colour:red ns: orders', keys);
  assert.equal(q.errors.length, 2);
  assert.match(q.errors[0]!, /Unknown filter "colour:" \(use ns, trigger, active, name\)/);
  assert.match(q.errors[1]!, /"ns:" needs a value/);
  assert.deepEqual(q.terms, [{ key: undefined, value: 'orders', negated: false }]);
});

test('reports keys that do not apply to this list with the reason, and leaves their terms out', () => {
  const clusterScoped = new Map([['ns', 'ClusterTriggerAuthentications are cluster-scoped']]);
  const q = parseQuery('NS:prod orders', keys, clusterScoped);
  assert.deepEqual(q.errors, ['"NS:" does not apply here: ClusterTriggerAuthentications are cluster-scoped']);
  assert.deepEqual(q.terms, [{ key: undefined, value: 'orders', negated: false }]);
});

test('matches rows: all terms must hold', () => {
  const cases: Array<[string, boolean]> = [
    ['', true],
    ['trigger:rabbitmq', true],
    ['trigger:kafka', false],
    ['trigger:rabbitmq active:true ns:prod', true],
    ['trigger:rabbitmq active:false', false],
    ['-trigger:kafka', true],
    ['-ns:prod', false],
    ['name:orders*', true],
    ['name:orders', false],
    ['consumer', true],
    ['ORDERS', true],
    ['missing', false],
  ];
  for (const [text, expected] of cases) {
    assert.equal(matchesQuery(parseQuery(text, keys), fields, free), expected, text);
  }
});

test('narrows: when a query keeps only rows the previous one kept', () => {
  const cases: Array<[string, string, boolean]> = [
    ['', 'anything', true],
    ['so-0', 'so-01', true],
    ['so-01', 'so-0', false],
    ['so', 'so orders', true],
    ['so orders', 'so', false],
    ['oRd', 'xordx', true],
    ['ns:prod', 'ns:prod trigger:kafka', true],
    ['ns:prod', 'ns:prod2', false],
    ['name:ord*', 'name:orders*', true],
    ['name:ord*', 'name:orders', true],
    ['name:orders*', 'name:ord*', false],
    ['-ns:prod', '-ns:prod kafka', true],
    ['-kafka', '-kafk', true],
    ['-kafk', '-kafka', false],
    ['ns:prod', 'prod', false],
    ['ns:prod', '-ns:prod', false],
  ];
  for (const [previous, next, expected] of cases) {
    assert.equal(
      narrows(parseQuery(previous, keys), parseQuery(next, keys)),
      expected,
      `${previous} -> ${next}`,
    );
  }
});

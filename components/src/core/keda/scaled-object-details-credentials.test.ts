// The details view masks trigger metadata by what it carries, whatever the wizard's catalog calls a
// field: the wizard takes metrics-api `url` as a plain value, the view still masks its credentials.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCredentialParam } from './scaler-catalog.js';
import { scaledObjectDetails } from './scaled-object-details.js';
import type { ScaledObject } from './types.js';

const now = Date.parse('2026-11-30T12:00:00Z');

function withTrigger(type: string, metadata: Record<string, string>): ScaledObject {
  return {
    metadata: { name: 'stats', namespace: 'shop', creationTimestamp: '2026-11-20T00:00:00Z' },
    spec: { scaleTargetRef: { name: 'web' }, triggers: [{ type, metadata }] },
  };
}

test('a metrics-api url with credentials is masked in the details view although the wizard takes it as a value', () => {
  assert.equal(isCredentialParam('metrics-api', 'url'), false);
  const cases: Array<[string, string]> = [
    ['https://api:s3cret@stats.shop:8080/pending', 'https://api:****@stats.shop:8080/pending'],
    ['https://stats.shop/pending?token=abcdef&window=5m', 'https://stats.shop/pending?token=****&window=5m'],
    ['http://stats.shop:8080/pending', 'http://stats.shop:8080/pending'],
  ];
  for (const [url, shown] of cases) {
    const so = withTrigger('metrics-api', { url, valueLocation: 'pending', targetValue: '10' });
    const [trigger] = scaledObjectDetails(so, now).triggers;
    assert.equal(Object.fromEntries(trigger!.metadata).url, shown, url);
  }
});

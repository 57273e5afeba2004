// Masking against KEDA's scaler catalogue: which credential-named parameters are settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSecretKey, maskMetadata, SETTINGS_NAMED_LIKE_CREDENTIALS } from './mask.js';
import { scalerSpec, TRIGGER_TYPES } from './scaler-catalog.js';

test('the settings named like credentials are exactly the ones KEDA reads from metadata alone (not deprecated)', () => {
  const found = new Set<string>();
  for (const type of TRIGGER_TYPES) {
    for (const param of scalerSpec(type)!.params) {
      const metadataOnly = !param.inAuth && !param.fromEnvKey;
      if (isSecretKey(param.name) && metadataOnly && !param.deprecated) found.add(`${type}/${param.name}`);
    }
  }
  assert.deepEqual([...found].sort(), [...SETTINGS_NAMED_LIKE_CREDENTIALS].sort());
});

test('a setting is shown for its own trigger type; the same key elsewhere, or of an unknown type, stays masked', () => {
  assert.deepEqual(maskMetadata({ key: 'replicas', resourceName: 'limits' }, 'kubernetes-resource'), {
    key: 'replicas',
    resourceName: 'limits',
  });
  assert.deepEqual(maskMetadata({ connectionLimit: '5' }, 'arangodb'), { connectionLimit: '5' });
  assert.deepEqual(maskMetadata({ key: 'abc' }, 'redis'), { key: '****' });
  assert.deepEqual(maskMetadata({ key: 'abc' }), { key: '****' });
  // A real token that KEDA read from metadata until 2.20 (deprecated there): still masked.
  assert.deepEqual(maskMetadata({ authToken: 'tok-123' }, 'influxdb'), { authToken: '****' });
  // An enum of token providers, not a token.
  assert.deepEqual(maskMetadata({ saslTokenProvider: 'aws_msk_iam' }, 'kafka'), {
    saslTokenProvider: 'aws_msk_iam',
  });
});

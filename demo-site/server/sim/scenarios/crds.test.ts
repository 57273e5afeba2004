/**
 * The CRDs the simulated cluster serves, rebuilt from the generated files, are KEDA's CRDs: equal,
 * field for field, to the YAML they were generated from (KEDA's reference copy next to the repository).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { crdSourceDir, kedaCrdDir, sharedDir } from '../paths.ts';
import { generatedKedaCrds, loadCrdDocuments, loadKedaCrds, toOpenApi } from './crds.ts';

const byName = (crds: ReturnType<typeof generatedKedaCrds>) =>
  Object.fromEntries(crds.map((crd) => [crd.metadata.name, crd]));

test('the generated CRDs equal KEDA’s YAML, schemas, printer columns and names included', () => {
  const reference = loadCrdDocuments(kedaCrdDir(sharedDir()));
  const generated = generatedKedaCrds();
  assert.deepEqual(Object.keys(byName(generated)).sort(), Object.keys(byName(reference)).sort());
  for (const [name, crd] of Object.entries(byName(reference))) {
    assert.deepEqual(byName(generated)[name], crd, name);
  }
});

test('with no directory given the simulator serves the generated CRDs; a directory is read instead', () => {
  const before = process.env.KEDA_SHARED_DIR;
  delete process.env.KEDA_SHARED_DIR;
  try {
    assert.equal(crdSourceDir(), undefined);
    assert.deepEqual(loadKedaCrds(crdSourceDir()), generatedKedaCrds());
  } finally {
    if (before !== undefined) process.env.KEDA_SHARED_DIR = before;
  }

  const dir = mkdtempSync(join(tmpdir(), 'keda-crds-'));
  const crds = join(dir, 'keda', 'crds');
  mkdirSync(crds, { recursive: true });
  writeFileSync(
    join(crds, 'one.yaml'),
    'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\n',
  );
  assert.equal(crdSourceDir(dir), dir);
  assert.deepEqual(
    loadKedaCrds(dir).map((crd) => crd.metadata.name),
    ['widgets.example.com'],
  );
});

test('int-or-string, rules and maps go back to their OpenAPI spelling', () => {
  assert.deepEqual(
    toOpenApi({
      type: 'object',
      properties: {
        port: { intOrString: true },
        env: { type: 'object', additionalProperties: { type: 'string' } },
      },
      rules: [{ rule: 'self.a <= self.b', message: 'a must not exceed b' }],
      listType: 'map',
      listMapKeys: ['name'],
    }),
    {
      type: 'object',
      properties: {
        port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
        env: { type: 'object', additionalProperties: { type: 'string' } },
      },
      'x-kubernetes-validations': [{ rule: 'self.a <= self.b', message: 'a must not exceed b' }],
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['name'],
    },
  );
});

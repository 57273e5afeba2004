import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isDryRunAll, readOnlyRefusal, subresourceOf } from './read-only.ts';

describe('read-only', () => {
  const cases: Array<[method: string, url: string, upgrade: boolean, allowed: boolean]> = [
    ['GET', '/apis/keda.sh/v1alpha1/namespaces/a/scaledobjects', false, true],
    ['HEAD', '/api/v1/namespaces', false, true],
    ['OPTIONS', '/api/v1/namespaces', false, true],
    ['GET', '/apis/keda.sh/v1alpha1/scaledobjects?watch=true', true, true],
    ['GET', '/api/v1/watch/namespaces/a/pods', true, true],
    ['GET', '/api/v1/namespaces/a/pods', true, false],
    ['POST', '/apis/keda.sh/v1alpha1/namespaces/a/scaledobjects', false, false],
    ['POST', '/apis/keda.sh/v1alpha1/namespaces/a/scaledobjects?dryRun=All', false, true],
    ['PUT', '/apis/keda.sh/v1alpha1/namespaces/a/scaledobjects/x?dryRun=All&fieldManager=m', false, true],
    ['PATCH', '/apis/keda.sh/v1alpha1/namespaces/a/scaledobjects/x?dryRun=All', false, true],
    ['patch', '/apis/keda.sh/v1alpha1/namespaces/a/scaledobjects/x', false, false],
    ['PATCH', '/apis/keda.sh/v1alpha1/namespaces/a/scaledobjects/x?dryRun=All&dryRun=', false, false],
    ['PATCH', '/apis/keda.sh/v1alpha1/namespaces/a/scaledobjects/x?dryRun=all', false, false],
    ['PATCH', '/apis/keda.sh/v1alpha1/namespaces/a/scaledobjects/x?dryRun=All;x=1', false, false],
    ['PATCH', '/apis/keda.sh/v1alpha1/namespaces/a/scaledobjects/x?x=1;dryRun=All', false, false],
    ['DELETE', '/apis/keda.sh/v1alpha1/namespaces/a/scaledobjects/x', false, false],
    ['DELETE', '/apis/keda.sh/v1alpha1/namespaces/a/scaledobjects/x?dryRun=All', false, false],
    ['POST', '/sim/v1/faults?dryRun=All', false, false],
    ['PUT', '/sim/v1/clock', false, false],
    ['POST', '/api/v1/namespaces/a/pods/p/exec?command=sh&dryRun=All', false, false],
    ['GET', '/api/v1/namespaces/a/pods/p/exec?command=sh', true, false],
    ['GET', '/api/v1/namespaces/a/pods/p/exec?command=sh&watch=true', true, false],
    ['GET', '/api/v1/namespaces/a/services/s:80/proxy/api/v1/query_range?query=up', false, true],
    ['GET', '/api/v1/nodes/n/proxy/metrics', false, true],
    [
      'POST',
      '/api/v1/namespaces/a/services/s:80/proxy/api/v1/admin/tsdb/delete_series?dryRun=All',
      false,
      false,
    ],
    ['GET', '/api/v1/namespaces/a/services/s:80/proxy/ws?watch=true', true, false],
    ['POST', '/api/v1/namespaces/a/serviceaccounts/sa/token?dryRun=All', false, false],
    ['GET', '/api/v1/namespaces/a/pods/p/log', false, true],
    ['PUT', '/api/v1/namespaces/a/status?dryRun=All', false, true],
  ];
  for (const [method, url, upgrade, allowed] of cases) {
    test(`${method} ${url}${upgrade ? ' (WebSocket)' : ''}: ${allowed ? 'allowed' : 'refused'}`, () => {
      const refusal = readOnlyRefusal('prod', method, url, upgrade);
      if (allowed) assert.equal(refusal, undefined);
      else assert.match(refusal ?? '', /^The dashboard serves cluster "prod" read-only \(--read-only\): /);
    });
  }

  test('the message says what is allowed', () => {
    assert.equal(
      readOnlyRefusal('prod', 'DELETE', '/api/v1/namespaces/a', false),
      'The dashboard serves cluster "prod" read-only (--read-only): DELETE /api/v1/namespaces/a was refused. Only reads, watches and dry runs (?dryRun=All) of create, update and patch are allowed; restart it without --read-only to make changes.',
    );
  });

  test('subresources', () => {
    const table: Array<[string, string | undefined]> = [
      ['/api/v1/namespaces', undefined],
      ['/api/v1/namespaces/a', undefined],
      ['/api/v1/namespaces/a/status', 'status'],
      ['/api/v1/namespaces/a/finalize', 'finalize'],
      ['/api/v1/namespaces/a/pods', undefined],
      ['/api/v1/namespaces/a/pods/p', undefined],
      ['/api/v1/namespaces/a/pods/p/exec', 'exec'],
      ['/api/v1/namespaces/proxy/pods', undefined],
      ['/api/v1/watch/namespaces/proxy/pods', undefined],
      ['/apis/apps/v1/namespaces/a/deployments/d/scale', 'scale'],
      ['/apis/keda.sh/v1alpha1/scaledobjects', undefined],
      ['/api/v1/nodes/n/proxy/x', 'proxy'],
      ['/version', undefined],
    ];
    for (const [path, expected] of table) assert.equal(subresourceOf(path), expected, path);
  });

  test('dryRun=All only when every value is All', () => {
    assert.equal(isDryRunAll(new URLSearchParams('dryRun=All')), true);
    assert.equal(isDryRunAll(new URLSearchParams('dryRun=All&dryRun=All')), true);
    assert.equal(isDryRunAll(new URLSearchParams('dryRun=%41ll')), true);
    assert.equal(isDryRunAll(new URLSearchParams('')), false);
    assert.equal(isDryRunAll(new URLSearchParams('dryrun=All')), false);
    assert.equal(isDryRunAll(new URLSearchParams('dryRun=All&dryRun=None')), false);
  });
});

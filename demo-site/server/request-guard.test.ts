import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allowedHosts, foreignRequestRefusal } from './request-guard.ts';
import {
  containsSecret,
  forwardedRequestHeaders,
  forwardedResponseHeaders,
  redact,
} from './proxy-headers.ts';

describe('request guard', () => {
  const allowed = allowedHosts('127.0.0.1', 4477);

  test('loopback names are allowed on the bound port only', () => {
    assert.deepEqual([...allowed].sort(), ['127.0.0.1:4477', 'localhost:4477', '[::1]:4477'].sort());
    assert.ok(allowedHosts('0.0.0.0', 80).has('localhost'), 'port 80 is left out of Host');
    assert.ok(!allowedHosts('0.0.0.0', 4477).has('0.0.0.0:4477'));
  });

  const table: Array<[string, Record<string, string>, boolean, string | undefined]> = [
    ['same origin', { host: 'localhost:4477', origin: 'http://localhost:4477' }, true, undefined],
    ['no Origin (a navigation, curl)', { host: '127.0.0.1:4477' }, true, undefined],
    ['Host case', { host: 'LOCALHOST:4477' }, true, undefined],
    ['rebinding', { host: 'attacker.example:4477' }, true, 'Host "attacker.example:4477" is not this server'],
    ['other port', { host: 'localhost:4478' }, false, 'Host "localhost:4478" is not this server'],
    ['no Host', {}, false, 'Host "" is not this server'],
    ['foreign Origin', { host: 'localhost:4477', origin: 'http://evil.example' }, true, 'Cross-origin'],
    ['other local app', { host: 'localhost:4477', origin: 'http://localhost:3000' }, true, 'Cross-origin'],
    ['https Origin', { host: 'localhost:4477', origin: 'https://localhost:4477' }, true, 'Cross-origin'],
    ['null Origin', { host: 'localhost:4477', origin: 'null' }, true, 'Origin "null" is not this server'],
    ['cross-site fetch', { host: 'localhost:4477', 'sec-fetch-site': 'cross-site' }, true, 'cross-site'],
    ['same-site fetch', { host: 'localhost:4477', 'sec-fetch-site': 'same-site' }, true, 'same-site'],
    ['same-origin fetch', { host: 'localhost:4477', 'sec-fetch-site': 'same-origin' }, true, undefined],
    ['typed URL', { host: 'localhost:4477', 'sec-fetch-site': 'none' }, true, undefined],
    [
      'cross-site link to a page',
      { host: 'localhost:4477', 'sec-fetch-site': 'cross-site' },
      false,
      undefined,
    ],
  ];
  for (const [name, headers, clusterData, expected] of table) {
    test(name, () => {
      const refusal = foreignRequestRefusal(headers, allowed, clusterData);
      if (expected === undefined) assert.equal(refusal, undefined);
      else assert.ok(refusal?.includes(expected), refusal);
    });
  }
});

describe('proxy headers', () => {
  test('request: credentials, cookies, impersonation and hop-by-hop headers stay in the browser', () => {
    const out = forwardedRequestHeaders({
      host: 'localhost:4477',
      authorization: 'Bearer browser',
      cookie: 'a=b',
      origin: 'http://localhost:4477',
      referer: 'http://localhost:4477/x',
      'impersonate-user': 'admin',
      'impersonate-extra-scopes': 'x',
      'x-forwarded-for': '1.2.3.4',
      'x-remote-group': 'system:masters',
      'sec-fetch-site': 'same-origin',
      connection: 'keep-alive, x-private',
      'x-private': 'hop',
      'keep-alive': 'timeout=5',
      accept: 'application/json;as=Table;g=meta.k8s.io;v=v1',
      'content-type': 'application/merge-patch+json',
      'content-length': '12',
      'user-agent': 'Chromium',
    });
    assert.deepEqual(out, {
      accept: 'application/json;as=Table;g=meta.k8s.io;v=v1',
      'content-type': 'application/merge-patch+json',
      'content-length': '12',
      'user-agent': 'Chromium',
    });
  });

  test('upgrade: the handshake stays, a bearer subprotocol goes', () => {
    const out = forwardedRequestHeaders(
      {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-key': 'k',
        'sec-websocket-version': '13',
        'sec-websocket-protocol': 'base64url.bearer.authorization.k8s.io.dG9rZW4, base64.binary.k8s.io',
      },
      true,
    );
    assert.deepEqual(out, {
      connection: 'Upgrade',
      upgrade: 'websocket',
      'sec-websocket-key': 'k',
      'sec-websocket-version': '13',
      'sec-websocket-protocol': 'base64.binary.k8s.io',
    });
  });

  test('response: cookies, challenges, hop-by-hop and echoed credentials are dropped; security headers added', () => {
    const out = forwardedResponseHeaders(
      {
        'content-type': 'application/json',
        'set-cookie': ['a=b'],
        'www-authenticate': 'Basic realm="x"',
        'x-debug': 'sent Bearer s3cret-token',
        'x-note': ['299 - "fine"', '299 - "s3cret-token"'],
        'audit-id': 'abc',
        'transfer-encoding': 'chunked',
      },
      ['s3cret-token'],
    );
    assert.equal(out['content-type'], 'application/json');
    assert.equal(out['audit-id'], 'abc');
    assert.deepEqual(out['x-note'], ['299 - "fine"']);
    for (const gone of ['set-cookie', 'www-authenticate', 'x-debug', 'transfer-encoding'])
      assert.equal(out[gone], undefined);
    assert.equal(out['X-Content-Type-Options'], 'nosniff');
    assert.match(String(out['Content-Security-Policy']), /sandbox/);
  });

  test('secrets: whole and at least six characters', () => {
    assert.equal(containsSecret('Bearer abcdef', ['abcdef']), true);
    assert.equal(containsSecret('Bearer abc', ['abc']), false);
    assert.equal(redact('token abcdef and abcdef', ['abcdef']), 'token *** and ***');
  });
});

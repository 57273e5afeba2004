import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorHint } from './error-hints.js';

test('a hint per status: unreachable, credentials, RBAC names the resource, gone watch, rate limit', () => {
  assert.match(errorHint(0, 'pods'), /could not be reached/);
  assert.match(errorHint(401, 'pods'), /credentials/);
  assert.equal(
    errorHint(403, 'scaledjobs.keda.sh'),
    'Your account is not allowed to list and watch scaledjobs.keda.sh here. Ask for "list" and "watch" on scaledjobs.keda.sh, or pick a namespace you can read.',
  );
  assert.match(errorHint(410, 'pods'), /reloaded/);
  assert.match(errorHint(429, 'pods'), /rate-limiting/);
});

test('404 on a KEDA resource says KEDA is probably not installed; on another, that it is not served', () => {
  assert.match(errorHint(404, 'scaledobjects.keda.sh'), /KEDA is probably not installed/);
  assert.equal(
    errorHint(404, 'deployments.apps'),
    'The cluster does not serve deployments.apps (or the object is gone).',
  );
});

test('other statuses: server errors retry, client errors point at the message', () => {
  assert.match(errorHint(500, 'pods'), /failed to answer; retrying/);
  assert.match(errorHint(503, 'pods'), /failed to answer/);
  assert.match(errorHint(422, 'pods'), /rejected; see the message/);
  assert.match(errorHint(409, 'pods'), /rejected/);
});

test('a one-time list (not a watch) asks for "list" only and says to try again, not that it retries', () => {
  assert.equal(
    errorHint(403, 'secrets', 'list'),
    'Your account is not allowed to list secrets here. Ask for "list" on secrets, or pick a namespace you can read.',
  );
  assert.match(errorHint(0, 'secrets', 'list'), /up; try again\.$/);
  assert.match(errorHint(503, 'secrets', 'list'), /failed to answer; try again\.$/);
});

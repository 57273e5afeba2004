import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessReview, SelfSubjectAccessReviewResource } from './access-review.js';
import { ClusterTriggerAuthenticationResource, ScaledObjectResource } from './resource.js';

test('a review of one namespaced object names its group, plural, verb, namespace and name', () => {
  assert.deepEqual(accessReview(ScaledObjectResource, 'update', 'orders', 'consumer'), {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    metadata: {},
    spec: {
      resourceAttributes: {
        group: 'keda.sh',
        resource: 'scaledobjects',
        verb: 'update',
        namespace: 'orders',
        name: 'consumer',
      },
    },
  });
});

test('without a name it asks about the namespace; a cluster-scoped kind never carries one', () => {
  assert.deepEqual(accessReview(ScaledObjectResource, 'create', 'orders').spec.resourceAttributes, {
    group: 'keda.sh',
    resource: 'scaledobjects',
    verb: 'create',
    namespace: 'orders',
  });
  assert.deepEqual(
    accessReview(ClusterTriggerAuthenticationResource, 'delete', 'orders', 'shared').spec.resourceAttributes,
    { group: 'keda.sh', resource: 'clustertriggerauthentications', verb: 'delete', name: 'shared' },
  );
  assert.deepEqual(accessReview(ScaledObjectResource, 'list', '').spec.resourceAttributes, {
    group: 'keda.sh',
    resource: 'scaledobjects',
    verb: 'list',
  });
  assert.equal(SelfSubjectAccessReviewResource.namespaced, false);
});

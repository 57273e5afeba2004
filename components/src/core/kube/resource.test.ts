import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiVersionOf,
  ClusterTriggerAuthenticationResource,
  DeploymentResource,
  NamespaceResource,
  PodResource,
  qualifiedResource,
  ReplicaSetResource,
  resourcePath,
  ScaledObjectResource,
  StatefulSetResource,
  workloadResource,
} from './resource.js';

test('apiVersion and qualified resource: group/version for named groups, the core group has none', () => {
  assert.equal(apiVersionOf(ScaledObjectResource), 'keda.sh/v1alpha1');
  assert.equal(apiVersionOf(PodResource), 'v1');
  assert.equal(qualifiedResource(ScaledObjectResource), 'scaledobjects.keda.sh');
  assert.equal(qualifiedResource(PodResource), 'pods');
});

test('paths: /apis for groups, /api for core, namespace and name escaped, subresource only with a name', () => {
  assert.equal(resourcePath(ScaledObjectResource), '/apis/keda.sh/v1alpha1/scaledobjects');
  assert.equal(
    resourcePath(ScaledObjectResource, { namespace: 'orders', name: 'consumer', subresource: 'status' }),
    '/apis/keda.sh/v1alpha1/namespaces/orders/scaledobjects/consumer/status',
  );
  assert.equal(
    resourcePath(PodResource, { namespace: 'a b', name: 'x/y' }),
    '/api/v1/namespaces/a%20b/pods/x%2Fy',
  );
  assert.equal(
    resourcePath(PodResource, { namespace: 'a', subresource: 'status' }),
    '/api/v1/namespaces/a/pods',
  );
  // Cluster-scoped kinds ignore a namespace.
  assert.equal(
    resourcePath(ClusterTriggerAuthenticationResource, { namespace: 'orders', name: 'shared' }),
    '/apis/keda.sh/v1alpha1/clustertriggerauthentications/shared',
  );
  assert.equal(resourcePath(NamespaceResource, { name: 'orders' }), '/api/v1/namespaces/orders');
});

test('workload kinds by apiVersion/kind: apps/v1 Deployment, StatefulSet, ReplicaSet only', () => {
  assert.equal(workloadResource('apps/v1', 'Deployment'), DeploymentResource);
  assert.equal(workloadResource('apps/v1', 'StatefulSet'), StatefulSetResource);
  assert.equal(workloadResource('apps/v1', 'ReplicaSet'), ReplicaSetResource);
  assert.equal(workloadResource('apps/v1', 'DaemonSet'), undefined);
  assert.equal(workloadResource('apps/v1beta1', 'Deployment'), undefined);
  assert.equal(workloadResource('argoproj.io/v1alpha1', 'Rollout'), undefined);
});

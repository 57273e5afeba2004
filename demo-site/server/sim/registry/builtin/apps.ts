/** apps/v1 Deployment, ReplicaSet and StatefulSet (status and scale subresources). */
import type { StatusCause } from '../../../../../components/src/core/kube/types.ts';
import { getPath, isObject } from '../../core/json.ts';
import { defineResource, nameColumn, notAKnownFieldSelector } from '../define.ts';
import { DEPLOYMENT_SCHEMA, deploymentSchemas, metaSchemas } from '../schemas.ts';
import {
  REPLICASET_SCHEMA,
  replicaSetSchemas,
  STATEFULSET_SCHEMA,
  statefulSetSchemas,
} from '../schemas/apps.ts';
import type { KObject, ResourceDef } from '../types.ts';
import {
  ageColumn,
  column,
  containersColumn,
  defaultPodSpec,
  formatLabelSelector,
  imagesColumn,
  num,
  replicasScale,
  selectorAt,
  workloadCauses,
} from './common.ts';

const TEMPLATE_SPEC = ['spec', 'template', 'spec'];

const selectorColumn = (description: string) =>
  column(
    'Selector',
    'string',
    description,
    (o) => formatLabelSelector(selectorAt(o, ['spec', 'selector'])),
    1,
  );

function specOf(o: KObject): Record<string, unknown> {
  if (!isObject(o.spec)) o.spec = {};
  return o.spec as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Deployment

/** The API defaults a real apiserver fills into a Deployment (a representative subset). */
function defaultDeployment(o: KObject): void {
  const spec = specOf(o);
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  if (!isObject(spec.strategy)) {
    spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
  }
  defaultPodSpec(getPath(o, TEMPLATE_SPEC));
}

export const deploymentResource: ResourceDef = defineResource({
  group: 'apps',
  version: 'v1',
  plural: 'deployments',
  kind: 'Deployment',
  namespaced: true,
  shortNames: ['deploy'],
  categories: ['all'],
  subresources: ['status', 'scale'],
  scale: replicasScale(1),
  columns: [
    nameColumn,
    column(
      'Ready',
      'string',
      'Number of the pod with ready state',
      (o) => `${num(o, 'status', 'readyReplicas')}/${num(o, 'spec', 'replicas')}`,
    ),
    column(
      'Up-to-date',
      'integer',
      'Total number of non-terminated pods targeted by this deployment that have the desired template spec.',
      (o) => num(o, 'status', 'updatedReplicas'),
    ),
    column(
      'Available',
      'integer',
      'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.',
      (o) => num(o, 'status', 'availableReplicas'),
    ),
    ageColumn,
    containersColumn(TEMPLATE_SPEC),
    imagesColumn(TEMPLATE_SPEC),
    column(
      'Selector',
      'string',
      'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.',
      (o) => selectorAt(o, ['spec', 'selector'])?.toString() ?? '',
      1,
    ),
  ],
  fieldLabelError: notAKnownFieldSelector,
  schemas: { kindSchema: DEPLOYMENT_SCHEMA, components: { ...metaSchemas, ...deploymentSchemas } },
  strategy: {
    prepareForCreate(o) {
      defaultDeployment(o);
      o.status = {};
    },
    prepareForUpdate(o) {
      defaultDeployment(o);
    },
    validate: workloadCauses,
  },
});

// ---------------------------------------------------------------------------------------------
// ReplicaSet

export const replicaSetResource: ResourceDef = defineResource({
  group: 'apps',
  version: 'v1',
  plural: 'replicasets',
  kind: 'ReplicaSet',
  namespaced: true,
  shortNames: ['rs'],
  categories: ['all'],
  subresources: ['status', 'scale'],
  scale: replicasScale(1),
  columns: [
    nameColumn,
    column(
      'Desired',
      'integer',
      'Replicas is the number of desired pods. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1.',
      (o) => num(o, 'spec', 'replicas'),
    ),
    column(
      'Current',
      'integer',
      'Replicas is the most recently observed number of non-terminating pods.',
      (o) => num(o, 'status', 'replicas'),
    ),
    column(
      'Ready',
      'integer',
      'The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.',
      (o) => num(o, 'status', 'readyReplicas'),
    ),
    ageColumn,
    containersColumn(TEMPLATE_SPEC),
    imagesColumn(TEMPLATE_SPEC),
    selectorColumn(
      "Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. It must match the pod template's labels.",
    ),
  ],
  fieldLabelError: notAKnownFieldSelector,
  schemas: { kindSchema: REPLICASET_SCHEMA, components: { ...metaSchemas, ...replicaSetSchemas } },
  strategy: {
    prepareForCreate(o) {
      specOf(o).replicas ??= 1;
      defaultPodSpec(getPath(o, TEMPLATE_SPEC));
      o.status = { replicas: 0 };
    },
    prepareForUpdate(o) {
      specOf(o).replicas ??= 1;
      defaultPodSpec(getPath(o, TEMPLATE_SPEC));
    },
    validate: workloadCauses,
  },
});

// ---------------------------------------------------------------------------------------------
// StatefulSet

function defaultStatefulSet(o: KObject): void {
  const spec = specOf(o);
  spec.replicas ??= 1;
  spec.podManagementPolicy ??= 'OrderedReady';
  if (!isObject(spec.updateStrategy))
    spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: 0 } };
  spec.revisionHistoryLimit ??= 10;
  if (!isObject(spec.persistentVolumeClaimRetentionPolicy)) {
    spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Retain', whenScaled: 'Retain' };
  }
  defaultPodSpec(getPath(o, TEMPLATE_SPEC));
}

function validateStatefulSet(o: KObject): StatusCause[] {
  const causes = workloadCauses(o);
  const policy = getPath(o, ['spec', 'podManagementPolicy']);
  if (policy !== 'OrderedReady' && policy !== 'Parallel') {
    causes.push({
      reason: 'FieldValueNotSupported',
      message: `Unsupported value: "${String(policy)}": supported values: "OrderedReady", "Parallel"`,
      field: 'spec.podManagementPolicy',
    });
  }
  return causes;
}

export const statefulSetResource: ResourceDef = defineResource({
  group: 'apps',
  version: 'v1',
  plural: 'statefulsets',
  kind: 'StatefulSet',
  namespaced: true,
  shortNames: ['sts'],
  categories: ['all'],
  subresources: ['status', 'scale'],
  scale: replicasScale(1),
  columns: [
    nameColumn,
    column(
      'Ready',
      'string',
      'Number of the pod with ready state',
      (o) => `${num(o, 'status', 'readyReplicas')}/${num(o, 'spec', 'replicas')}`,
    ),
    ageColumn,
    containersColumn(TEMPLATE_SPEC),
    imagesColumn(TEMPLATE_SPEC),
  ],
  fieldLabelError: notAKnownFieldSelector,
  schemas: { kindSchema: STATEFULSET_SCHEMA, components: { ...metaSchemas, ...statefulSetSchemas } },
  strategy: {
    prepareForCreate(o) {
      defaultStatefulSet(o);
      o.status = { replicas: 0, availableReplicas: 0 };
    },
    prepareForUpdate(o) {
      defaultStatefulSet(o);
    },
    validate: validateStatefulSet,
  },
});

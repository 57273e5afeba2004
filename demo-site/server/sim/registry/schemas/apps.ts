/** OpenAPI v3 component schemas of apps/v1 ReplicaSet and StatefulSet (compact, see ../schemas.ts). */
import type { JsonObject } from '../../core/json.ts';
import {
  APPS,
  arr,
  CORE,
  deploymentSchemas,
  int,
  listSchema,
  META,
  mergeByKey,
  podSchemas,
  ref,
  SCALE_SCHEMA,
  str,
  time,
  topLevel,
} from '../schemas.ts';

export const REPLICASET_SCHEMA = `${APPS}.ReplicaSet`;
export const STATEFULSET_SCHEMA = `${APPS}.StatefulSet`;

const int64 = (description: string): JsonObject => ({ type: 'integer', format: 'int64', description });
const open = (description: string): JsonObject => ({
  type: 'object',
  description,
  'x-kubernetes-preserve-unknown-fields': true,
});

const conditionSchema = (name: string, description: string): JsonObject => ({
  [name]: {
    type: 'object',
    description,
    required: ['type', 'status'],
    properties: {
      type: str('Type of condition.'),
      status: str('Status of the condition, one of True, False, Unknown.'),
      lastTransitionTime: time('Last time the condition transitioned from one status to another.'),
      reason: str("The reason for the condition's last transition."),
      message: str('A human readable message indicating details about the transition.'),
    },
  },
});

const scaleSchemas: Record<string, JsonObject> = {};
const scale = deploymentSchemas[SCALE_SCHEMA];
if (scale) scaleSchemas[SCALE_SCHEMA] = scale;

export const replicaSetSchemas: Readonly<Record<string, JsonObject>> = {
  [REPLICASET_SCHEMA]: topLevel(
    'ReplicaSet ensures that a specified number of pod replicas are running at any given time.',
    'ReplicaSet',
    'apps',
    'v1',
    {
      spec: ref(
        `${APPS}.ReplicaSetSpec`,
        'Spec defines the specification of the desired behavior of the ReplicaSet.',
      ),
      status: ref(
        `${APPS}.ReplicaSetStatus`,
        'Status is the most recently observed status of the ReplicaSet.',
      ),
    },
  ),
  [`${APPS}.ReplicaSetSpec`]: {
    type: 'object',
    description: 'ReplicaSetSpec is the specification of a ReplicaSet.',
    required: ['selector'],
    properties: {
      replicas: int(
        'Replicas is the number of desired pods. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1.',
      ),
      minReadySeconds: int(
        'Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0.',
      ),
      selector: ref(
        `${META}.LabelSelector`,
        "Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. It must match the pod template's labels.",
      ),
      template: ref(
        `${CORE}.PodTemplateSpec`,
        'Template is the object that describes the pod that will be created if insufficient replicas are detected.',
      ),
    },
  },
  [`${APPS}.ReplicaSetStatus`]: {
    type: 'object',
    description: 'ReplicaSetStatus represents the current status of a ReplicaSet.',
    required: ['replicas'],
    properties: {
      replicas: int('Replicas is the most recently observed number of non-terminating pods.'),
      fullyLabeledReplicas: int(
        'The number of non-terminating pods that have labels matching the labels of the pod template of the replicaset.',
      ),
      readyReplicas: int(
        'The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.',
      ),
      availableReplicas: int(
        'The number of available non-terminating pods (ready for at least minReadySeconds) for this replica set.',
      ),
      observedGeneration: int64(
        'ObservedGeneration reflects the generation of the most recently observed ReplicaSet.',
      ),
      conditions: arr(
        "Represents the latest available observations of a replica set's current state.",
        ref(`${APPS}.ReplicaSetCondition`),
        mergeByKey('type'),
      ),
    },
  },
  ...conditionSchema(
    `${APPS}.ReplicaSetCondition`,
    'ReplicaSetCondition describes the state of a replica set at a certain point.',
  ),
  [`${APPS}.ReplicaSetList`]: listSchema(
    REPLICASET_SCHEMA,
    'apps',
    'v1',
    'ReplicaSetList',
    'ReplicaSetList is a collection of ReplicaSets.',
  ),
  ...scaleSchemas,
  ...podSchemas,
};

export const statefulSetSchemas: Readonly<Record<string, JsonObject>> = {
  [STATEFULSET_SCHEMA]: topLevel(
    'StatefulSet represents a set of pods with consistent identities. Identities are defined as: - Network: A single stable DNS and hostname. - Storage: As many VolumeClaims as requested.',
    'StatefulSet',
    'apps',
    'v1',
    {
      spec: ref(`${APPS}.StatefulSetSpec`, 'Spec defines the desired identities of pods in this set.'),
      status: ref(
        `${APPS}.StatefulSetStatus`,
        'Status is the current status of Pods in this StatefulSet. This data may be out of date by some window of time.',
      ),
    },
  ),
  [`${APPS}.StatefulSetSpec`]: {
    type: 'object',
    description: 'A StatefulSetSpec is the specification of a StatefulSet.',
    required: ['selector', 'template'],
    properties: {
      replicas: int(
        'replicas is the desired number of replicas of the given Template. These are replicas in the sense that they are instantiations of the same Template, but individual replicas also have a consistent identity. If unspecified, defaults to 1.',
      ),
      selector: ref(
        `${META}.LabelSelector`,
        "selector is a label query over pods that should match the replica count. It must match the pod template's labels.",
      ),
      template: ref(
        `${CORE}.PodTemplateSpec`,
        'template is the object that describes the pod that will be created if insufficient replicas are detected. Each pod stamped out by the StatefulSet will fulfill this Template, but have a unique identity from the rest of the StatefulSet.',
      ),
      volumeClaimTemplates: arr(
        'volumeClaimTemplates is a list of claims that pods are allowed to reference.',
        open("PersistentVolumeClaim is a user's request for and claim to a persistent volume"),
        { 'x-kubernetes-list-type': 'atomic' },
      ),
      serviceName: str(
        'serviceName is the name of the service that governs this StatefulSet. This service must exist before the StatefulSet, and is responsible for the network identity of the set.',
      ),
      podManagementPolicy: str(
        'podManagementPolicy controls how pods are created during initial scale up, when replacing pods on nodes, or when scaling down. The default policy is `OrderedReady`.',
      ),
      updateStrategy: open(
        'updateStrategy indicates the StatefulSetUpdateStrategy that will be employed to update Pods in the StatefulSet when a revision is made to Template.',
      ),
      revisionHistoryLimit: int(
        "revisionHistoryLimit is the maximum number of revisions that will be maintained in the StatefulSet's revision history. The default value is 10.",
      ),
      minReadySeconds: int(
        'Minimum number of seconds for which a newly created pod should be ready without any of its container crashing for it to be considered available. Defaults to 0.',
      ),
      persistentVolumeClaimRetentionPolicy: open(
        'persistentVolumeClaimRetentionPolicy describes the lifecycle of persistent volume claims created from volumeClaimTemplates.',
      ),
      ordinals: open('ordinals controls the numbering of replica indices in a StatefulSet.'),
    },
  },
  [`${APPS}.StatefulSetStatus`]: {
    type: 'object',
    description: 'StatefulSetStatus represents the current state of a StatefulSet.',
    required: ['replicas'],
    properties: {
      observedGeneration: int64(
        "observedGeneration is the most recent generation observed for this StatefulSet. It corresponds to the StatefulSet's generation, which is updated on mutation by the API Server.",
      ),
      replicas: int('replicas is the number of Pods created by the StatefulSet controller.'),
      readyReplicas: int(
        'readyReplicas is the number of pods created for this StatefulSet with a Ready Condition.',
      ),
      currentReplicas: int(
        'currentReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by currentRevision.',
      ),
      updatedReplicas: int(
        'updatedReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by updateRevision.',
      ),
      currentRevision: str(
        'currentRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [0,currentReplicas).',
      ),
      updateRevision: str(
        'updateRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [replicas-updatedReplicas,replicas)',
      ),
      collisionCount: int(
        'collisionCount is the count of hash collisions for the StatefulSet. The StatefulSet controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ControllerRevision.',
      ),
      conditions: arr(
        "Represents the latest available observations of a statefulset's current state.",
        ref(`${APPS}.StatefulSetCondition`),
        mergeByKey('type'),
      ),
      availableReplicas: int(
        'Total number of available pods (ready for at least minReadySeconds) targeted by this statefulset.',
      ),
    },
  },
  ...conditionSchema(
    `${APPS}.StatefulSetCondition`,
    'StatefulSetCondition describes the state of a statefulset at a certain point.',
  ),
  [`${APPS}.StatefulSetList`]: listSchema(
    STATEFULSET_SCHEMA,
    'apps',
    'v1',
    'StatefulSetList',
    'StatefulSetList is a collection of StatefulSets.',
  ),
  ...scaleSchemas,
  ...podSchemas,
};

/**
 * `metadata` for validation, completion and hover. The CRDs declare it as a bare `type: object`
 * (the API server validates ObjectMeta itself); this is the part of meta/v1 ObjectMeta a person
 * edits, plus the server-owned fields so a pasted object does not look wrong.
 */
import type { CrdSchema } from './crd-schema.js';

const stringMap = (description: string): CrdSchema => ({
  type: 'object',
  description,
  additionalProperties: { type: 'string' },
});

const serverOwned = (description: string, type: CrdSchema['type'] = 'string'): CrdSchema => ({
  type,
  description: `${description} Set by the API server.`,
});

export const OBJECT_META_SCHEMA: CrdSchema = {
  type: 'object',
  description: 'Standard object metadata (meta/v1 ObjectMeta).',
  properties: {
    name: {
      type: 'string',
      description:
        'Name must be unique within a namespace. It cannot be updated: to rename, create a new object and delete the old one.',
    },
    generateName: {
      type: 'string',
      description: 'Prefix for a server-generated name, used only on create when name is empty.',
    },
    namespace: {
      type: 'string',
      description: 'The namespace the object lives in. It cannot be updated.',
    },
    labels: stringMap(
      'Map of string keys and values to organize and select objects. Values are strings: quote numbers and booleans.',
    ),
    annotations: stringMap(
      'Unstructured key/value map. KEDA reads autoscaling.keda.sh/paused, autoscaling.keda.sh/paused-replicas and others here. Values are strings: quote numbers and booleans.',
    ),
    finalizers: {
      type: 'array',
      description:
        'Must be empty before the object is deleted from the registry. KEDA adds finalizer.keda.sh.',
      items: { type: 'string' },
    },
    ownerReferences: {
      type: 'array',
      description: 'Objects this object depends on; it is garbage-collected when they are all gone.',
      items: {
        type: 'object',
        required: ['apiVersion', 'kind', 'name', 'uid'],
        properties: {
          apiVersion: { type: 'string', description: 'API version of the referent.' },
          kind: { type: 'string', description: 'Kind of the referent.' },
          name: { type: 'string', description: 'Name of the referent.' },
          uid: { type: 'string', description: 'UID of the referent.' },
          controller: {
            type: 'boolean',
            description: 'If true, this reference points to the managing controller.',
          },
          blockOwnerDeletion: {
            type: 'boolean',
            description: 'If true, the owner cannot be deleted before this object is removed.',
          },
        },
      },
    },
    uid: serverOwned('Unique in time and space for this object.'),
    resourceVersion: serverOwned('Opaque version of this object, used for optimistic concurrency.'),
    generation: serverOwned('Sequence number of the desired state (spec changes).', 'integer'),
    creationTimestamp: serverOwned('When this object was created.'),
    deletionTimestamp: serverOwned('When this object will be deleted (a deletion is in progress).'),
    deletionGracePeriodSeconds: serverOwned('Seconds allowed for graceful termination.', 'integer'),
    selfLink: serverOwned('Deprecated link to this object.'),
    managedFields: {
      type: 'array',
      description: 'Which field manager owns which fields (server-side apply). Set by the API server.',
      items: { type: 'object', preserveUnknownFields: true },
    },
  },
};

/** A kind's root schema with `metadata` described (the CRD leaves it a bare object). */
export function withObjectMeta(root: CrdSchema): CrdSchema {
  return { ...root, properties: { ...root.properties, metadata: OBJECT_META_SCHEMA } };
}

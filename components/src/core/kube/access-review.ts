/**
 * SelfSubjectAccessReview (authorization.k8s.io/v1): "may I do this?", asked of the API server
 * with an ordinary create, so any KubeClient can ask it. Used to open an editor read-only when the
 * user may not update the object (the API server still decides on the write itself).
 */
import type { ResourceType } from './resource.js';
import type { KubeObject } from './types.js';

export const SelfSubjectAccessReviewResource: ResourceType = {
  group: 'authorization.k8s.io',
  version: 'v1',
  plural: 'selfsubjectaccessreviews',
  kind: 'SelfSubjectAccessReview',
  namespaced: false,
};

export interface ResourceAttributes {
  group: string;
  resource: string;
  verb: string;
  namespace?: string;
  name?: string;
}

export interface SelfSubjectAccessReview extends KubeObject {
  spec: { resourceAttributes: ResourceAttributes };
  status?: { allowed: boolean; denied?: boolean; reason?: string; evaluationError?: string };
}

/** The review to create for `verb` on one object (or a whole namespace when `name` is omitted). */
export function accessReview(
  type: ResourceType,
  verb: string,
  namespace?: string,
  name?: string,
): SelfSubjectAccessReview {
  const resourceAttributes: ResourceAttributes = { group: type.group, resource: type.plural, verb };
  if (type.namespaced && namespace) resourceAttributes.namespace = namespace;
  if (name) resourceAttributes.name = name;
  return {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    metadata: {},
    spec: { resourceAttributes },
  };
}

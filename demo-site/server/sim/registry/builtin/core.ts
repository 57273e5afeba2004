/** core/v1 Namespace and ServiceAccount. */
import { getPath, isObject, setPath } from '../../core/json.ts';
import { dns1123LabelCauses } from '../../core/names.ts';
import { defineResource, nameColumn, notAKnownFieldSelector } from '../define.ts';
import { metaSchemas, NAMESPACE_SCHEMA, namespaceSchemas } from '../schemas.ts';
import { SERVICE_ACCOUNT_SCHEMA, serviceAccountSchemas } from '../schemas/core.ts';
import type { KObject, ResourceDef } from '../types.ts';
import { ageColumn, column, text } from './common.ts';

/** Label the apiserver puts on every namespace. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** Namespaces that the apiserver refuses to delete. */
export const UNDELETABLE_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public'];

const namespaceFinalizers = (o: KObject): string[] => {
  const f = getPath(o, ['spec', 'finalizers']);
  return Array.isArray(f) ? f.filter((x): x is string => typeof x === 'string') : [];
};

export const namespaceResource: ResourceDef = defineResource({
  group: '',
  version: 'v1',
  plural: 'namespaces',
  kind: 'Namespace',
  namespaced: false,
  shortNames: ['ns'],
  subresources: ['status', 'finalize'],
  tracksGeneration: false,
  columns: [
    nameColumn,
    column('Status', 'string', 'The status of the namespace', (o) => text(o, 'status', 'phase')),
    ageColumn,
  ],
  schemas: { kindSchema: NAMESPACE_SCHEMA, components: { ...metaSchemas, ...namespaceSchemas } },
  strategy: {
    validateName: dns1123LabelCauses,
    prepareForCreate(o) {
      o.metadata.labels = { ...o.metadata.labels, [NAMESPACE_NAME_LABEL]: o.metadata.name ?? '' };
      if (!isObject(o.spec)) o.spec = {};
      if (getPath(o, ['spec', 'finalizers']) === undefined)
        setPath(o, ['spec', 'finalizers'], ['kubernetes']);
      o.status = { phase: 'Active' };
    },
    prepareForUpdate(o, previous) {
      o.metadata.labels = { ...o.metadata.labels, [NAMESPACE_NAME_LABEL]: o.metadata.name ?? '' };
      // spec.finalizers only changes through /finalize.
      setPath(o, ['spec', 'finalizers'], namespaceFinalizers(previous));
    },
    beginDelete(o) {
      if (namespaceFinalizers(o).length === 0 && !(o.metadata.finalizers ?? []).length) return false;
      setPath(o, ['status', 'phase'], 'Terminating');
      return true;
    },
    isFinalized: (o) => namespaceFinalizers(o).length === 0 && !(o.metadata.finalizers ?? []).length,
    deleteForbidden: (o) =>
      UNDELETABLE_NAMESPACES.includes(o.metadata.name ?? '')
        ? 'this namespace may not be deleted'
        : undefined,
  },
});

/** The ServiceAccount every namespace gets. */
export const DEFAULT_SERVICE_ACCOUNT = 'default';

export const serviceAccountResource: ResourceDef = defineResource({
  group: '',
  version: 'v1',
  plural: 'serviceaccounts',
  kind: 'ServiceAccount',
  namespaced: true,
  shortNames: ['sa'],
  tracksGeneration: false,
  columns: [
    nameColumn,
    column(
      'Secrets',
      'string',
      'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.',
      (o) => (Array.isArray(o.secrets) ? o.secrets.length : 0),
    ),
    ageColumn,
  ],
  fieldLabelError: notAKnownFieldSelector,
  schemas: { kindSchema: SERVICE_ACCOUNT_SCHEMA, components: { ...metaSchemas, ...serviceAccountSchemas } },
});

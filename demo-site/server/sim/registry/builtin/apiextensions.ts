/** apiextensions.k8s.io/v1 CustomResourceDefinition. */
import type { StatusCause } from '../../../../../components/src/core/kube/types.ts';
import { asString, getPath } from '../../core/json.ts';
import { defineResource } from '../define.ts';
import { CRD_SCHEMA, crdSchemas, metaSchemas } from '../schemas.ts';
import type { KObject, ResourceDef } from '../types.ts';

function validateCrd(o: KObject): StatusCause[] {
  const causes: StatusCause[] = [];
  const group = asString(getPath(o, ['spec', 'group']));
  const plural = asString(getPath(o, ['spec', 'names', 'plural']));
  const kind = asString(getPath(o, ['spec', 'names', 'kind']));
  const scope = asString(getPath(o, ['spec', 'scope']));
  const versions = getPath(o, ['spec', 'versions']);
  const required = (field: string): void => {
    causes.push({ reason: 'FieldValueRequired', message: 'Required value', field });
  };
  if (!group) required('spec.group');
  if (!plural) required('spec.names.plural');
  if (!kind) required('spec.names.kind');
  if (scope !== 'Namespaced' && scope !== 'Cluster') {
    causes.push({
      reason: 'FieldValueNotSupported',
      message: `Unsupported value: "${scope ?? ''}": supported values: "Cluster", "Namespaced"`,
      field: 'spec.scope',
    });
  }
  if (!Array.isArray(versions) || versions.length === 0) required('spec.versions');
  if (group && plural && o.metadata.name !== `${plural}.${group}`) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: "${o.metadata.name ?? ''}": must be spec.names.plural+"."+spec.group`,
      field: 'metadata.name',
    });
  }
  return causes;
}

export const crdResource: ResourceDef = defineResource({
  group: 'apiextensions.k8s.io',
  version: 'v1',
  plural: 'customresourcedefinitions',
  kind: 'CustomResourceDefinition',
  namespaced: false,
  shortNames: ['crd', 'crds'],
  categories: ['api-extensions'],
  subresources: ['status'],
  schemas: { kindSchema: CRD_SCHEMA, components: { ...metaSchemas, ...crdSchemas } },
  strategy: {
    prepareForCreate(o) {
      delete o.status;
    },
    validate: validateCrd,
  },
});

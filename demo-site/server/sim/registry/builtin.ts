/**
 * The built-in kinds: core/v1 Namespace, apps/v1 Deployment and apiextensions.k8s.io/v1
 * CustomResourceDefinition. Each is one `defineResource` entry; add more kinds here.
 */
import type { StatusCause } from '../../../../components/src/core/kube/types.ts';
import { asNumber, asString, getPath, isObject, setPath, type JsonObject } from '../core/json.ts';
import { dns1123LabelCauses } from '../core/names.ts';
import { LabelSelector } from '../core/selectors.ts';
import { ageOf } from '../core/time.ts';
import { ageColumn, defineResource, nameColumn } from './define.ts';
import {
  CRD_SCHEMA,
  crdSchemas,
  DEPLOYMENT_SCHEMA,
  deploymentSchemas,
  metaSchemas,
  NAMESPACE_SCHEMA,
  namespaceSchemas,
} from './schemas.ts';
import type { KObject, ResourceDef, ScaleAccess, TableColumn } from './types.ts';

/** Label the apiserver puts on every namespace. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** Namespaces that the apiserver refuses to delete. */
export const UNDELETABLE_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public'];

function column(
  name: string,
  type: TableColumn['type'],
  description: string,
  cell: TableColumn['cell'],
  priority = 0,
): TableColumn {
  return { name, type, format: '', description, priority, cell };
}

// ---------------------------------------------------------------------------------------------
// Namespace

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
    column(
      'Status',
      'string',
      'The status of the namespace',
      (o) => asString(getPath(o, ['status', 'phase'])) ?? '',
    ),
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

// ---------------------------------------------------------------------------------------------
// Deployment

function deploymentSelector(o: KObject): LabelSelector | undefined {
  const sel = getPath(o, ['spec', 'selector']);
  if (!isObject(sel)) return undefined;
  return LabelSelector.fromObject(sel as Parameters<typeof LabelSelector.fromObject>[0]);
}

const deploymentScale: ScaleAccess = {
  specReplicas: (o) => asNumber(getPath(o, ['spec', 'replicas'])) ?? 1,
  setSpecReplicas: (o, n) => setPath(o, ['spec', 'replicas'], n),
  statusReplicas: (o) => asNumber(getPath(o, ['status', 'replicas'])) ?? 0,
  selector: (o) => deploymentSelector(o)?.toString(),
};

function containers(o: KObject): JsonObject[] {
  const list = getPath(o, ['spec', 'template', 'spec', 'containers']);
  return Array.isArray(list) ? list.filter(isObject) : [];
}

/** The API defaults a real apiserver fills into a Deployment (a representative subset). */
function defaultDeployment(o: KObject): void {
  const spec = isObject(o.spec) ? o.spec : (o.spec = {});
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  if (!isObject(spec.strategy)) {
    spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
  }
  const podSpec = getPath(o, ['spec', 'template', 'spec']);
  if (isObject(podSpec)) {
    podSpec.restartPolicy ??= 'Always';
    podSpec.terminationGracePeriodSeconds ??= 30;
    podSpec.dnsPolicy ??= 'ClusterFirst';
    podSpec.schedulerName ??= 'default-scheduler';
    podSpec.securityContext ??= {};
  }
  for (const c of containers(o)) {
    const image = asString(c.image) ?? '';
    c.imagePullPolicy ??= image.endsWith(':latest') || !image.includes(':') ? 'Always' : 'IfNotPresent';
    c.terminationMessagePath ??= '/dev/termination-log';
    c.terminationMessagePolicy ??= 'File';
    c.resources ??= {};
  }
}

function validateDeployment(o: KObject): StatusCause[] {
  const causes: StatusCause[] = [];
  const selector = deploymentSelector(o);
  if (!selector || selector.empty) {
    causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.selector' });
  }
  if (containers(o).length === 0) {
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value',
      field: 'spec.template.spec.containers',
    });
  }
  const labels = getPath(o, ['spec', 'template', 'metadata', 'labels']);
  if (
    selector &&
    !selector.empty &&
    !selector.matches(isObject(labels) ? (labels as Record<string, string>) : {})
  ) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: ${JSON.stringify(labels ?? {})}: \`selector\` does not match template \`labels\``,
      field: 'spec.template.metadata.labels',
    });
  }
  const replicas = getPath(o, ['spec', 'replicas']);
  if (typeof replicas === 'number' && replicas < 0) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: ${replicas}: must be greater than or equal to 0`,
      field: 'spec.replicas',
    });
  }
  return causes;
}

const num = (o: KObject, ...path: string[]): number => asNumber(getPath(o, path)) ?? 0;

export const deploymentResource: ResourceDef = defineResource({
  group: 'apps',
  version: 'v1',
  plural: 'deployments',
  kind: 'Deployment',
  namespaced: true,
  shortNames: ['deploy'],
  categories: ['all'],
  subresources: ['status', 'scale'],
  scale: deploymentScale,
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
    column(
      'Age',
      'string',
      'CreationTimestamp is a timestamp representing the server time when this object was created.',
      (o, now) => ageOf(o.metadata.creationTimestamp, now),
    ),
    column(
      'Containers',
      'string',
      'Names of each container in the template.',
      (o) =>
        containers(o)
          .map((c) => asString(c.name) ?? '')
          .join(','),
      1,
    ),
    column(
      'Images',
      'string',
      'Images referenced by each container in the template.',
      (o) =>
        containers(o)
          .map((c) => asString(c.image) ?? '')
          .join(','),
      1,
    ),
    column(
      'Selector',
      'string',
      'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.',
      (o) => deploymentSelector(o)?.toString() ?? '',
      1,
    ),
  ],
  schemas: { kindSchema: DEPLOYMENT_SCHEMA, components: { ...metaSchemas, ...deploymentSchemas } },
  strategy: {
    prepareForCreate(o) {
      defaultDeployment(o);
      o.status = {};
    },
    prepareForUpdate(o) {
      defaultDeployment(o);
    },
    validate: validateDeployment,
  },
});

// ---------------------------------------------------------------------------------------------
// CustomResourceDefinition

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

/** Every built-in kind, in discovery order. */
export const builtinResources: readonly ResourceDef[] = [namespaceResource, deploymentResource, crdResource];

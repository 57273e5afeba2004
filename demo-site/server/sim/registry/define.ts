/** `defineResource`: fills the defaults so that a kind is one short table entry. */
import { asString, type JsonObject } from '../core/json.ts';
import { ageOf } from '../core/time.ts';
import { DESCRIPTIONS, listSchema } from './schemas.ts';
import { STANDARD_VERBS, type KObject, type ResourceDef, type TableColumn } from './types.ts';

export type ResourceInit = Pick<ResourceDef, 'group' | 'version' | 'plural' | 'kind' | 'namespaced'> &
  Partial<Omit<ResourceDef, 'schemas'>> & {
    /** Component schemas of the kind; its own schema must be named `kindSchema`. */
    schemas: { kindSchema: string; components: Readonly<Record<string, JsonObject>> };
  };

export const METADATA_FIELD_LABELS: readonly string[] = ['metadata.name', 'metadata.namespace'];

/** The 400 message of kinds with their own field label conversion (core/v1, CRDs). */
export const fieldLabelNotSupported = (label: string): string => `field label not supported: ${label}`;

/** The 400 message of kinds without one (apimachinery's DefaultMetaV1FieldSelectorConversion). */
export const notAKnownFieldSelector = (label: string): string =>
  `"${label}" is not a known field selector: only "metadata.name", "metadata.namespace"`;

export function metadataFields(object: KObject): Record<string, string> {
  return {
    'metadata.name': object.metadata.name ?? '',
    'metadata.namespace': object.metadata.namespace ?? '',
  };
}

export const nameColumn: TableColumn = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: DESCRIPTIONS.name,
  priority: 0,
  cell: (o) => o.metadata.name ?? '',
};

/** Age as built-in printers show it (a preformatted string column). */
export const ageColumn: TableColumn = {
  name: 'Age',
  type: 'string',
  format: '',
  description: DESCRIPTIONS.creationTimestamp,
  priority: 0,
  cell: (o, now) => ageOf(o.metadata.creationTimestamp, now),
};

/** The default printer of kinds without their own: NAME, CREATED AT. */
export const defaultColumns: readonly TableColumn[] = [
  nameColumn,
  {
    name: 'Created At',
    type: 'date',
    format: '',
    description: DESCRIPTIONS.creationTimestamp,
    priority: 0,
    cell: (o) => asString(o.metadata.creationTimestamp) ?? null,
  },
];

function schemaPrefix(kindSchema: string): string {
  const i = kindSchema.lastIndexOf('.');
  return i < 0 ? '' : kindSchema.slice(0, i + 1);
}

export function defineResource(init: ResourceInit): ResourceDef {
  const lower = init.kind.toLowerCase();
  const listKind = init.listKind ?? `${init.kind}List`;
  const listSchemaName = `${schemaPrefix(init.schemas.kindSchema)}${listKind}`;
  const components: Record<string, JsonObject> = { ...init.schemas.components };
  if (!components[listSchemaName]) {
    components[listSchemaName] = listSchema(
      init.schemas.kindSchema,
      init.group,
      init.version,
      listKind,
      `${listKind} is a list of ${init.kind} objects.`,
    );
  }
  return {
    group: init.group,
    version: init.version,
    plural: init.plural,
    kind: init.kind,
    namespaced: init.namespaced,
    singular: init.singular ?? lower,
    listKind,
    shortNames: init.shortNames ?? [],
    categories: init.categories ?? [],
    verbs: init.verbs ?? STANDARD_VERBS,
    custom: init.custom ?? false,
    subresources: init.subresources ?? [],
    scale: init.scale,
    tracksGeneration: init.tracksGeneration ?? true,
    columns: init.columns ?? defaultColumns,
    fieldLabels: init.fieldLabels ?? metadataFields,
    supportedFieldLabels: init.supportedFieldLabels ?? METADATA_FIELD_LABELS,
    fieldLabelError: init.fieldLabelError ?? fieldLabelNotSupported,
    patchMergeKeys: init.patchMergeKeys ?? {},
    storage: init.storage,
    schemas: { kindSchema: init.schemas.kindSchema, components },
    strategy: init.strategy ?? {},
  };
}

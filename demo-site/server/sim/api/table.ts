/** Server-side printing: objects → meta.k8s.io/v1 Table (KUBE-WIRE §2.2, §6.4). */
import type { KObject, ResourceDef } from '../registry/types.ts';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableOptions {
  /** What `rows[].object` holds; kubectl relies on the default, Metadata. */
  includeObject: IncludeObject;
  /** Omit columnDefinitions (null), as the apiserver does after the first watch event. */
  noHeaders?: boolean;
}

export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface TableRow {
  cells: unknown[];
  object?: unknown;
}

export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion?: string };
  columnDefinitions: TableColumnDefinition[] | null;
  rows: TableRow[];
}

export function columnDefinitions(def: ResourceDef): TableColumnDefinition[] {
  return def.columns.map((c) => ({
    name: c.name,
    type: c.type,
    format: c.format,
    description: c.description,
    priority: c.priority,
  }));
}

function rowObject(object: KObject, include: IncludeObject): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return object;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata };
}

export function toTable(
  def: ResourceDef,
  objects: readonly KObject[],
  resourceVersion: string | undefined,
  now: Date,
  options: TableOptions,
): Table {
  const rows = objects.map((object): TableRow => {
    const row: TableRow = { cells: def.columns.map((c) => c.cell(object, now)) };
    const included = rowObject(object, options.includeObject);
    if (included !== undefined) row.object = included;
    return row;
  });
  const metadata: Table['metadata'] = {};
  if (resourceVersion !== undefined) metadata.resourceVersion = resourceVersion;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: options.noHeaders ? null : columnDefinitions(def),
    rows,
  };
}

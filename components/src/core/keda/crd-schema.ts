/**
 * The shape of the KEDA CRDs' `openAPIV3Schema` trees as the generator
 * (`scripts/generate-crd-schemas.mjs`) writes them into `crd-schemas.generated.ts`, and walking
 * them by field path. Kubernetes extensions are renamed (`x-kubernetes-int-or-string` →
 * `intOrString`, `x-kubernetes-validations` → `rules`, …); everything else keeps its OpenAPI name.
 */

/** The four kinds KEDA's CRDs define (keda.sh/v1alpha1). */
export type KedaKind =
  'ScaledObject' | 'ScaledJob' | 'TriggerAuthentication' | 'ClusterTriggerAuthentication';

export const KEDA_KINDS: readonly KedaKind[] = [
  'ScaledObject',
  'ScaledJob',
  'TriggerAuthentication',
  'ClusterTriggerAuthentication',
];

export function isKedaKind(value: unknown): value is KedaKind {
  return typeof value === 'string' && (KEDA_KINDS as readonly string[]).includes(value);
}

/** A CEL validation rule (`x-kubernetes-validations`) with its rule text and message. */
export interface CelRule {
  rule: string;
  message?: string;
  messageExpression?: string;
  reason?: string;
  fieldPath?: string;
}

export type SchemaType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';

/** One node of a structural schema. */
export interface CrdSchema {
  type?: SchemaType;
  description?: string;
  properties?: Readonly<Record<string, CrdSchema>>;
  /** The schema of every value of a map (`map[string]string` has `{type: 'string'}`). */
  additionalProperties?: CrdSchema;
  items?: CrdSchema;
  required?: readonly string[];
  enum?: readonly (string | number | boolean | null)[];
  default?: unknown;
  format?: string;
  pattern?: string;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  /** `x-kubernetes-int-or-string`: an integer or a string (quantities, ports). */
  intOrString?: boolean;
  /** `x-kubernetes-preserve-unknown-fields`: any field is kept. */
  preserveUnknownFields?: boolean;
  /** `x-kubernetes-embedded-resource`. */
  embeddedResource?: boolean;
  /** `x-kubernetes-list-type`. */
  listType?: 'atomic' | 'set' | 'map';
  /** `x-kubernetes-list-map-keys`. */
  listMapKeys?: readonly string[];
  /** `x-kubernetes-map-type`. */
  mapType?: 'atomic' | 'granular';
  /** `x-kubernetes-validations`. */
  rules?: readonly CelRule[];
}

/** A path into an object: property names and array indexes (`['spec', 'triggers', 0, 'type']`). */
export type FieldPath = readonly (string | number)[];

/** The schema of one child (a property, a map value or an array item), if the schema knows it. */
export function childSchema(node: CrdSchema | undefined, segment: string | number): CrdSchema | undefined {
  if (!node) return undefined;
  if (typeof segment === 'number') return node.items;
  return node.properties?.[segment] ?? node.additionalProperties;
}

/** The schema at a path, or undefined where the schema says nothing (unknown or free-form fields). */
export function schemaAt(root: CrdSchema | undefined, path: FieldPath): CrdSchema | undefined {
  let node = root;
  for (const segment of path) {
    node = childSchema(node, segment);
    if (!node) return undefined;
  }
  return node;
}

/** `integer`, `[]string`, `map[string]string`, `object`, `int-or-string`… as kubectl explain says. */
export function describeSchemaType(node: CrdSchema): string {
  if (node.intOrString) return 'int-or-string';
  if (node.type === 'array') return `[]${node.items ? describeSchemaType(node.items) : 'any'}`;
  if (node.type === 'object' && node.additionalProperties && !node.properties) {
    return `map[string]${describeSchemaType(node.additionalProperties)}`;
  }
  return node.type ?? 'any';
}

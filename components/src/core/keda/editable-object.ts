/**
 * What of an object the YAML editor shows and what it keeps aside. A person edits `apiVersion`,
 * `kind`, `metadata` (name, namespace, labels, annotations, finalizers, owner references) and
 * `spec`. Hidden: `status` (the CRDs have a status subresource, so a write to the object ignores
 * it: editing it would be lost silently; the editor shows it read-only beside the text), and the
 * server-owned metadata (`managedFields`, `resourceVersion`, `uid`, `generation`, timestamps) and
 * kubectl's `last-applied-configuration` annotation, which are put back from the object the edit
 * started from when saving.
 */
import { dump } from 'js-yaml';
import type { KubeObject, ObjectMeta } from '../kube/types.js';

/** Metadata fields the API server owns; hidden in the editor, restored on save. */
export const SERVER_OWNED_METADATA = [
  'managedFields',
  'resourceVersion',
  'uid',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'selfLink',
] as const;

/** Annotations that are machinery, not settings; hidden in the editor, restored on save. */
export const HIDDEN_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration'] as const;

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The editable part of an object, in kubectl's key order (apiVersion, kind, metadata, spec, rest). */
export function editableView(object: KubeObject): Json {
  const source = object as unknown as Json;
  const metadata: Json = {};
  for (const [key, value] of Object.entries(object.metadata ?? {})) {
    if ((SERVER_OWNED_METADATA as readonly string[]).includes(key)) continue;
    if (key === 'annotations' && isRecord(value)) {
      const kept = Object.fromEntries(
        Object.entries(value).filter(([k]) => !(HIDDEN_ANNOTATIONS as readonly string[]).includes(k)),
      );
      if (Object.keys(kept).length > 0) metadata.annotations = kept;
      continue;
    }
    metadata[key] = value;
  }
  const out: Json = {};
  if (source.apiVersion !== undefined) out.apiVersion = source.apiVersion;
  if (source.kind !== undefined) out.kind = source.kind;
  out.metadata = metadata;
  for (const [key, value] of Object.entries(source)) {
    if (key === 'apiVersion' || key === 'kind' || key === 'metadata' || key === 'status') continue;
    out[key] = value;
  }
  return out;
}

/** YAML for the editor (no line folding, no anchors). */
export function toYaml(value: unknown): string {
  return dump(value, { lineWidth: -1, noRefs: true });
}

/** The editable YAML of an object. */
export function editableYaml(object: KubeObject): string {
  return toYaml(editableView(object));
}

/** `status` as YAML (empty when there is none). */
export function statusYaml(object: KubeObject): string {
  const status = (object as unknown as Json).status;
  return status === undefined ? '' : toYaml(status);
}

/**
 * The object to send for an edited text: the edited fields, plus the hidden metadata and
 * annotations of `base` (the object the edit started from), with `resourceVersion` overridden when
 * given (to overwrite a newer version). Status is not sent (the API server ignores it here).
 */
export function objectToSave(
  edited: Json,
  base: KubeObject | undefined,
  resourceVersion?: string,
): KubeObject {
  const editedMeta = isRecord(edited.metadata) ? edited.metadata : {};
  const metadata: Json = { ...editedMeta };
  const baseMeta = (base?.metadata ?? {}) as Json;
  for (const key of SERVER_OWNED_METADATA) {
    if (key === 'managedFields') continue; // never needed for a write
    if (baseMeta[key] !== undefined && metadata[key] === undefined) metadata[key] = baseMeta[key];
  }
  const baseAnnotations = isRecord(baseMeta.annotations) ? baseMeta.annotations : {};
  const hidden = Object.entries(baseAnnotations).filter(([k]) =>
    (HIDDEN_ANNOTATIONS as readonly string[]).includes(k),
  );
  if (hidden.length > 0) {
    metadata.annotations = {
      ...Object.fromEntries(hidden),
      ...(isRecord(metadata.annotations) ? metadata.annotations : {}),
    };
  }
  if (resourceVersion !== undefined) metadata.resourceVersion = resourceVersion;
  const out: Json = { ...edited, metadata };
  delete out.status;
  return out as unknown as KubeObject & { metadata: ObjectMeta };
}

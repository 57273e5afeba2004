/**
 * The schema of a KEDA kind, loaded on first use: the generated module is large (the ScaledJob
 * schema embeds a whole PodSpec), so bundlers split it into its own chunk and pages that never
 * edit YAML never download it.
 */
import type { CrdSchema, KedaKind } from './crd-schema.js';
import { withObjectMeta } from './object-meta-schema.js';

let loading: Promise<Readonly<Record<KedaKind, CrdSchema>>> | undefined;

/** The root schema of `kind` with `metadata` described (see `withObjectMeta`). */
export async function loadCrdSchema(kind: KedaKind): Promise<CrdSchema> {
  loading ??= import('./crd-schemas.generated.js').then(
    (m) => m.CRD_SCHEMAS,
    (error: unknown) => {
      loading = undefined; // try again next time (a chunk that failed to download)
      throw error;
    },
  );
  const schemas = await loading;
  return withObjectMeta(schemas[kind]);
}

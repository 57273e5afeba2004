/** Where the simulator finds shared reference material (the KEDA CRDs). */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: three levels above this file (demo-site/server/sim). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * The shared directory: an explicit option, else `KEDA_SHARED_DIR`, else `<repo>/../shared`.
 */
export function sharedDir(explicit?: string): string {
  return explicit ?? process.env.KEDA_SHARED_DIR ?? join(REPO_ROOT, '..', 'shared');
}

export function kedaCrdDir(shared: string): string {
  return join(shared, 'keda', 'crds');
}

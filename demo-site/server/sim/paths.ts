/** Where KEDA's reference material is, for tests, and where the simulator may read other CRDs from. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: three levels above this file (demo-site/server/sim). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * KEDA's reference material next to the repository (`<repo>/../shared`, or `KEDA_SHARED_DIR`):
 * the CRDs' YAML, real example manifests. Tests compare against it; the simulator never needs it.
 */
export function sharedDir(): string {
  return process.env.KEDA_SHARED_DIR ?? join(REPO_ROOT, '..', 'shared');
}

/**
 * A directory to read `keda/crds/*.yaml` from instead of the generated CRDs: an explicit option,
 * else `KEDA_SHARED_DIR`; none by default.
 */
export function crdSourceDir(explicit?: string): string | undefined {
  return explicit ?? process.env.KEDA_SHARED_DIR;
}

export function kedaCrdDir(shared: string): string {
  return join(shared, 'keda', 'crds');
}

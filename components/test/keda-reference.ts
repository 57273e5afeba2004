/**
 * KEDA's reference material next to the repository (`<repo>/../shared/keda`, or
 * `$KEDA_SHARED_DIR/keda`), which Node tests cross-check the code against: scalers.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SHARED = process.env.KEDA_SHARED_DIR ?? fileURLToPath(new URL('../../../shared', import.meta.url));

/** A JSON file of the reference, e.g. `scalers.json`. */
export function readKedaReferenceJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(SHARED, 'keda', file), 'utf8')) as T;
}

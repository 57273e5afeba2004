/** Loads the KEDA CustomResourceDefinitions from `<shared>/keda/crds/*.yaml` (parsed once per process). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { clone, isObject } from '../core/json.ts';
import { kedaCrdDir } from '../paths.ts';
import type { KObject } from '../registry/types.ts';

const cache = new Map<string, KObject[]>();

export function loadCrdDocuments(dir: string): KObject[] {
  let docs = cache.get(dir);
  if (!docs) {
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'));
    } catch (error) {
      throw new Error(`cannot read CRDs from ${dir} (set KEDA_SHARED_DIR or sharedDir): ${String(error)}`);
    }
    docs = [];
    for (const file of files.sort()) {
      for (const doc of loadAll(readFileSync(join(dir, file), 'utf8'))) {
        if (isObject(doc) && doc.kind === 'CustomResourceDefinition' && isObject(doc.metadata)) {
          docs.push(doc as KObject);
        }
      }
    }
    if (docs.length === 0) throw new Error(`no CustomResourceDefinitions found in ${dir}`);
    cache.set(dir, docs);
  }
  return docs.map((d) => clone(d));
}

export function loadKedaCrds(shared: string): KObject[] {
  return loadCrdDocuments(kedaCrdDir(shared));
}

/**
 * The KEDA CustomResourceDefinitions the simulated cluster serves: rebuilt from the committed
 * generated schemas (the same ones the browser validates with), or read from `<dir>/keda/crds/*.yaml`
 * when a directory is given (`KEDA_SHARED_DIR`, `sharedDir`) to try other CRDs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import type { CrdSchema } from '../../../../components/src/core/keda/crd-schema.ts';
import { KEDA_KINDS } from '../../../../components/src/core/keda/crd-schema.ts';
import { CRD_SCHEMAS } from '../../../../components/src/core/keda/crd-schemas.generated.ts';
import { clone, isObject } from '../core/json.ts';
import { kedaCrdDir } from '../paths.ts';
import type { KObject } from '../registry/types.ts';
import { CRD_DEFINITIONS } from './keda-crd-definitions.generated.ts';

const cache = new Map<string, KObject[]>();

export function loadCrdDocuments(dir: string): KObject[] {
  let docs = cache.get(dir);
  if (!docs) {
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'));
    } catch (error) {
      throw new Error(`cannot read CRDs from ${dir}: ${String(error)}`);
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

/** The Kubernetes extension names the generator shortened, by their short name. */
const EXTENSIONS: Readonly<Record<string, string>> = {
  intOrString: 'x-kubernetes-int-or-string',
  preserveUnknownFields: 'x-kubernetes-preserve-unknown-fields',
  embeddedResource: 'x-kubernetes-embedded-resource',
  listType: 'x-kubernetes-list-type',
  listMapKeys: 'x-kubernetes-list-map-keys',
  mapType: 'x-kubernetes-map-type',
  rules: 'x-kubernetes-validations',
};

/** A generated schema node back in OpenAPI form, as the CRD's YAML has it. */
export function toOpenApi(node: CrdSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, CrdSchema>).map(([name, child]) => [name, toOpenApi(child)]),
      );
    } else if (key === 'items' || key === 'additionalProperties') {
      out[key] = toOpenApi(value as CrdSchema);
    } else if (key in EXTENSIONS) {
      out[EXTENSIONS[key]!] = clone(value);
      // The only anyOf in KEDA's CRDs, the one the generator folds into intOrString.
      if (key === 'intOrString' && value === true) out.anyOf = [{ type: 'integer' }, { type: 'string' }];
    } else {
      out[key] = clone(value);
    }
  }
  return out;
}

let generated: KObject[] | undefined;

/** KEDA's four CRDs, whole, from the generated definitions and schemas (built once per process). */
export function generatedKedaCrds(): KObject[] {
  generated ??= KEDA_KINDS.map((kind) => {
    const crd = clone(CRD_DEFINITIONS[kind]) as unknown as KObject & {
      spec: { versions: Array<Record<string, unknown>> };
    };
    for (const version of crd.spec.versions) {
      version.schema = { openAPIV3Schema: toOpenApi(CRD_SCHEMAS[kind]) };
    }
    return crd;
  });
  return generated.map((crd) => clone(crd));
}

/** The CRDs from `<dir>/keda/crds` when a directory is given, else the generated ones. */
export function loadKedaCrds(dir?: string): KObject[] {
  return dir === undefined ? generatedKedaCrds() : loadCrdDocuments(kedaCrdDir(dir));
}

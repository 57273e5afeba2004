// Writes components/src/core/keda/crd-schemas.generated.ts from KEDA's four CRDs: each kind's
// openAPIV3Schema (descriptions, types, enums, required, bounds, patterns, CEL rules) in the compact
// `CrdSchema` shape of components/src/core/keda/crd-schema.ts. Identical subtrees (the PodSpec
// parts of ScaledJob, TriggerAuthentication = ClusterTriggerAuthentication) are written once.
//
//   node scripts/generate-crd-schemas.mjs [--crds <dir>] [--check]
//
// The CRDs default to ../shared/keda/crds next to the repository (or $KEDA_CRDS_DIR). The browser
// never reads them: the generated module is committed. `--check` exits 1 when it is out of date.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// js-yaml 5 is the components package's dependency (the root may hoist an older one).
const requireFromComponents = createRequire(join(root, 'components', 'package.json'));
const { load } = requireFromComponents('js-yaml');
const prettier = await import('prettier');

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const crdsDir = flag('--crds') ?? process.env.KEDA_CRDS_DIR ?? join(root, '..', 'shared', 'keda', 'crds');
const check = args.includes('--check');
const output = join(root, 'components', 'src', 'core', 'keda', 'crd-schemas.generated.ts');
// The rest of each CRD (names, scope, printer columns, subresources): the simulated cluster serves
// the CRDs rebuilt from both files, so it needs no copy of KEDA's YAML at run time.
const definitionsOutput = join(
  root,
  'demo-site',
  'server',
  'sim',
  'scenarios',
  'keda-crd-definitions.generated.ts',
);

const KINDS = [
  ['ScaledObject', 'keda.sh_scaledobjects.yaml', 'SCALED_OBJECT_SCHEMA'],
  ['ScaledJob', 'keda.sh_scaledjobs.yaml', 'SCALED_JOB_SCHEMA'],
  ['TriggerAuthentication', 'keda.sh_triggerauthentications.yaml', 'TRIGGER_AUTHENTICATION_SCHEMA'],
  [
    'ClusterTriggerAuthentication',
    'keda.sh_clustertriggerauthentications.yaml',
    'CLUSTER_TRIGGER_AUTHENTICATION_SCHEMA',
  ],
];

/** OpenAPI keys copied as they are, in this order. */
const PLAIN_KEYS = [
  'type',
  'description',
  'format',
  'enum',
  'default',
  'pattern',
  'nullable',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'required',
];

/** Kubernetes extensions, renamed. */
const EXTENSIONS = {
  'x-kubernetes-int-or-string': 'intOrString',
  'x-kubernetes-preserve-unknown-fields': 'preserveUnknownFields',
  'x-kubernetes-embedded-resource': 'embeddedResource',
  'x-kubernetes-list-type': 'listType',
  'x-kubernetes-list-map-keys': 'listMapKeys',
  'x-kubernetes-map-type': 'mapType',
};

function fail(message) {
  console.error(`generate-crd-schemas: ${message}`);
  process.exit(1);
}

/** The OpenAPI node in the CrdSchema shape; unknown keys stop the generator (nothing is lost silently). */
function compact(node, where) {
  const out = {};
  for (const key of PLAIN_KEYS) if (node[key] !== undefined) out[key] = node[key];
  for (const [from, to] of Object.entries(EXTENSIONS)) if (node[from] !== undefined) out[to] = node[from];
  if (node.properties) {
    out.properties = {};
    for (const [name, child] of Object.entries(node.properties)) {
      out.properties[name] = compact(child, `${where}.${name}`);
    }
  }
  if (node.additionalProperties !== undefined) {
    out.additionalProperties =
      node.additionalProperties === true ? {} : compact(node.additionalProperties, `${where}.*`);
  }
  if (node.items) out.items = compact(node.items, `${where}[]`);
  if (node['x-kubernetes-validations']) {
    out.rules = node['x-kubernetes-validations'].map((r) => {
      const rule = { rule: r.rule };
      for (const k of ['message', 'messageExpression', 'reason', 'fieldPath']) if (r[k]) rule[k] = r[k];
      return rule;
    });
  }
  if (node.anyOf) {
    // Only the int-or-string idiom appears in KEDA's CRDs: `anyOf: [{type: integer}, {type: string}]`.
    const types = node.anyOf.map((a) => a.type).sort();
    if (!(node['x-kubernetes-int-or-string'] && types.join() === 'integer,string')) {
      fail(`${where}: anyOf other than int-or-string is not supported`);
    }
  }
  const known = new Set([
    ...PLAIN_KEYS,
    ...Object.keys(EXTENSIONS),
    'properties',
    'additionalProperties',
    'items',
    'x-kubernetes-validations',
    'anyOf',
  ]);
  for (const key of Object.keys(node)) if (!known.has(key)) fail(`${where}: unsupported schema key "${key}"`);
  return out;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Emits nodes as TypeScript, hoisting subtrees that occur more than once into shared constants. */
function emit(roots) {
  const text = (v) => JSON.stringify(v);
  const counts = new Map();
  const count = (node) => {
    const key = text(node);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const child of children(node)) count(child);
  };
  const children = (node) => [
    ...Object.values(node.properties ?? {}),
    ...(node.additionalProperties ? [node.additionalProperties] : []),
    ...(node.items ? [node.items] : []),
  ];
  for (const node of Object.values(roots)) count(node);

  const shared = new Map();
  const declarations = [];
  const literal = (node) => {
    const key = text(node);
    if ((counts.get(key) ?? 0) > 1 && key.length > 80) {
      let name = shared.get(key);
      if (!name) {
        const body = write(node);
        name = `s${shared.size}`;
        shared.set(key, name);
        declarations.push(`const ${name}: CrdSchema = ${body};`);
      }
      return name;
    }
    return write(node);
  };
  const write = (node) => {
    const parts = [];
    for (const [k, v] of Object.entries(node)) {
      const prop = IDENTIFIER.test(k) ? k : text(k);
      if (k === 'properties') {
        const props = Object.entries(v).map(
          ([n, child]) => `${IDENTIFIER.test(n) ? n : text(n)}: ${literal(child)}`,
        );
        parts.push(`${prop}: {${props.join(', ')}}`);
      } else if (k === 'additionalProperties' || k === 'items') {
        parts.push(`${prop}: ${literal(v)}`);
      } else {
        parts.push(`${prop}: ${text(v)}`);
      }
    }
    return `{${parts.join(', ')}}`;
  };
  const exported = Object.entries(roots).map(
    ([name, node]) => `export const ${name}: CrdSchema = ${write(node)};`,
  );
  return [...declarations, ...exported].join('\n\n');
}

if (!existsSync(crdsDir)) fail(`no CRD folder at ${crdsDir} (pass --crds <dir> or set KEDA_CRDS_DIR)`);
const readme = existsSync(join(crdsDir, 'README.md')) ? readFileSync(join(crdsDir, 'README.md'), 'utf8') : '';
const commit = /commit `([0-9a-f]{40})`/.exec(readme)?.[1] ?? 'unknown';

const roots = {};
const definitions = {};
for (const [kind, file, constant] of KINDS) {
  const crd = load(readFileSync(join(crdsDir, file), 'utf8'));
  if (crd?.spec?.names?.kind !== kind) fail(`${file} does not define ${kind}`);
  const version = crd.spec.versions.find((v) => v.name === 'v1alpha1');
  if (!version?.schema?.openAPIV3Schema) fail(`${file} has no v1alpha1 openAPIV3Schema`);
  if (crd.spec.versions.length !== 1) fail(`${file}: only v1alpha1 is expected`);
  roots[constant] = compact(version.schema.openAPIV3Schema, kind);
  const { schema, ...rest } = version;
  if (Object.keys(schema).length !== 1) fail(`${file}: schema holds more than openAPIV3Schema`);
  definitions[kind] = { ...crd, spec: { ...crd.spec, versions: [rest] } };
}

const source = `// GENERATED FILE — DO NOT EDIT. Written by scripts/generate-crd-schemas.mjs from KEDA's CRDs
// (kedacore/keda config/crd/bases @ ${commit}, Apache-2.0, Copyright The KEDA Authors).
// Regenerate with: node scripts/generate-crd-schemas.mjs
import type { CrdSchema, KedaKind } from './crd-schema.js';

/** Where the schemas come from. */
export const CRD_SOURCE = { repository: 'kedacore/keda', path: 'config/crd/bases', commit: ${JSON.stringify(commit)} } as const;

${emit(roots)}

/** Each kind's openAPIV3Schema (keda.sh/v1alpha1). */
export const CRD_SCHEMAS: Readonly<Record<KedaKind, CrdSchema>> = {
${KINDS.map(([kind, , constant]) => `  ${kind}: ${constant},`).join('\n')}
};
`;

const definitionsSource = `// GENERATED FILE — DO NOT EDIT. Written by scripts/generate-crd-schemas.mjs from KEDA's CRDs
// (kedacore/keda config/crd/bases @ ${commit}, Apache-2.0, Copyright The KEDA Authors).
// Each CustomResourceDefinition without its openAPIV3Schema, which is CRD_SCHEMAS in
// components/src/core/keda/crd-schemas.generated.ts. Regenerate with: node scripts/generate-crd-schemas.mjs
import type { KedaKind } from '../../../../components/src/core/keda/crd-schema.ts';

export const CRD_DEFINITIONS: Readonly<Record<KedaKind, Record<string, unknown>>> = ${JSON.stringify(definitions)};
`;

for (const [file, text] of [
  [output, source],
  [definitionsOutput, definitionsSource],
]) {
  const config = (await prettier.resolveConfig(file)) ?? {};
  const formatted = await prettier.format(text, { ...config, filepath: file });
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (check) {
    if (current !== formatted)
      fail(`${relative(root, file)} is out of date: run node scripts/generate-crd-schemas.mjs`);
    process.stdout.write(`${relative(root, file)} is up to date\n`);
  } else {
    writeFileSync(file, formatted);
    process.stdout.write(`wrote ${relative(root, file)} (${formatted.length} bytes) from ${crdsDir}\n`);
  }
}

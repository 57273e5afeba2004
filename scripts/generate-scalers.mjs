// Generates components/src/core/keda/scalers.generated.ts from KEDA's scalers.json (79 trigger
// types: metadata keys, required, defaults, enums, deprecations, <key>FromEnv, TriggerAuthentication
// parameters). Only what the create wizard needs is kept, so the browser never reads the JSON.
//
//   node scripts/generate-scalers.mjs [path/to/scalers.json]
//
// Default source: ../shared/keda/scalers.json next to the repository.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] ?? join(root, '..', 'shared', 'keda', 'scalers.json');
const target = join(root, 'components', 'src', 'core', 'keda', 'scalers.generated.ts');

const json = JSON.parse(readFileSync(source, 'utf8'));

/** Go types of the typed config, reduced to how the wizard reads and checks a value. */
function valueType(goType) {
  switch (goType) {
    case 'int64':
    case 'int':
    case 'uint32':
      return 'int';
    case 'float64':
    case '*float64':
      return 'float';
    case 'bool':
      return 'bool';
    case 'time.Duration':
      return 'duration';
    case '[]string':
    case '[]int':
    case '[]Type':
      return 'list';
    case 'map[string]string':
    case 'url.Values':
      return 'map';
    default:
      return 'string';
  }
}

/** The first sentence of a docs description, without markdown emphasis, at most 200 characters. */
function shortDescription(text) {
  if (!text) return undefined;
  const plain = text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
  const sentence = /^(.*?[.!?])(\s|$)/.exec(plain)?.[1] ?? plain;
  const cut = sentence.length > 200 ? `${sentence.slice(0, 197).trimEnd()}…` : sentence;
  return cut.replace(/\.\.\.$/, '…');
}

function titleOf(type) {
  return type
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

function param(p, fromDocs) {
  const sources = p.sources ?? [];
  const out = { name: p.name };
  if (p.aliases?.length) out.aliases = p.aliases;
  if (p.required) out.required = true;
  if (sources.includes('triggerMetadata')) out.inMetadata = true;
  if (fromDocs || sources.includes('authParams')) out.inAuth = true;
  if (p.fromEnvKey) out.fromEnvKey = p.fromEnvKey;
  const type = valueType(p.goType);
  if (type !== 'string') out.valueType = type;
  if (p.default !== undefined && p.default !== null) out.default = String(p.default);
  if (p.enum?.length) out.enum = p.enum.map(String);
  if (p.deprecated) out.deprecated = p.deprecated;
  if (p.deprecatedAnnounce) out.deprecatedAnnounce = p.deprecatedAnnounce;
  const description = shortDescription(p.description);
  if (description) out.description = description;
  return out;
}

const scalers = json.scalers.map((s) => {
  const params = [];
  const seen = new Set();
  for (const p of [...s.metadata, ...s.authParams]) {
    const fromDocs = p.source === 'docs';
    // Docs-only entries that are not parameters (podIdentity.provider, xFromEnv notes) are skipped.
    if (fromDocs && (p.name.includes('.') || /FromEnv$/.test(p.name))) continue;
    if (seen.has(p.name)) continue;
    seen.add(p.name);
    params.push(param(p, fromDocs));
  }
  const out = {
    type: s.type,
    name: s.name ?? titleOf(s.type),
    category: s.category ?? 'Other',
    description: shortDescription(s.description) ?? '',
  };
  if (s.supportsTriggerAuthentication) out.supportsTriggerAuthentication = true;
  if (s.top) out.top = true;
  if (s.testOnly) out.testOnly = true;
  if (s.metricNameExample) out.metricNameExample = s.metricNameExample;
  out.params = params;
  return out;
});

const header = `// GENERATED FILE, do not edit: run \`node scripts/generate-scalers.mjs\`.
// Source: ${relative(root, source).split('\\').join('/')} (${json.count} trigger types), derived from
// ${json.source.keda.repo} @ ${json.source.keda.commit} (typed-config struct tags) and
// ${json.source.docs.repo} @ ${json.source.docs.commit} (${json.source.docs.path}). ${json.source.license}.
`;

const body = `${header}
/** How the wizard reads and checks a parameter's text (from the Go type of KEDA's typed config). */
export type ScalerValueType = 'string' | 'int' | 'float' | 'bool' | 'duration' | 'list' | 'map';

/** One trigger parameter of a scaler. */
export interface ScalerParam {
  /** The key in \`triggers[].metadata\` or the TriggerAuthentication parameter name. */
  readonly name: string;
  readonly aliases?: readonly string[];
  /** Not optional, no default, not deprecated (struct tag); cross-field rules are not included. */
  readonly required?: boolean;
  /** May be set in \`triggers[].metadata\`. */
  readonly inMetadata?: boolean;
  /** May come from a TriggerAuthentication / ClusterTriggerAuthentication parameter. */
  readonly inAuth?: boolean;
  /** \`<key>FromEnv\`: the metadata key that names an env var of the scale target instead. */
  readonly fromEnvKey?: string;
  /** Absent means \`string\`. */
  readonly valueType?: ScalerValueType;
  /** KEDA's default, as text. */
  readonly default?: string;
  readonly enum?: readonly string[];
  /** Setting it is an error (the parameter was removed). */
  readonly deprecated?: string;
  /** Setting it works but is announced as deprecated. */
  readonly deprecatedAnnounce?: string;
  /** The first sentence of the docs. */
  readonly description?: string;
}

/** One trigger type. */
export interface ScalerSpec {
  /** The \`triggers[].type\` value. */
  readonly type: string;
  readonly name: string;
  readonly category: string;
  readonly description: string;
  readonly supportsTriggerAuthentication?: boolean;
  /** Among the most used scalers. */
  readonly top?: boolean;
  /** Only used by KEDA's own tests. */
  readonly testOnly?: boolean;
  readonly metricNameExample?: string;
  readonly params: readonly ScalerParam[];
}

/** Every trigger type KEDA knows, in scalers.json order. */
export const SCALERS: readonly ScalerSpec[] = ${JSON.stringify(scalers)};
`;

let output = body;
try {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(target)) ?? {};
  output = await prettier.format(body, { ...options, parser: 'typescript' });
} catch {
  // prettier is a dev dependency; without it the output is still valid TypeScript.
}
writeFileSync(target, output);
console.warn(`wrote ${relative(root, target)}: ${scalers.length} trigger types`);

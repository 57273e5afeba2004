/**
 * The 79 trigger types as a catalog for forms: search by name or category, and per type the
 * parameters a form asks for, where each may come from (metadata value, TriggerAuthentication,
 * `<key>FromEnv`), and which are credentials (never typed inline into trigger metadata).
 */

import { isSecretKey } from './mask.js';
import { SCALERS, type ScalerParam, type ScalerSpec } from './scalers.generated.js';
import { triggerTargetInfo } from './trigger-targets.js';

export type { ScalerParam, ScalerSpec, ScalerValueType } from './scalers.generated.js';

/** Where a parameter's value comes from in the object the wizard builds. */
export type ParamSource = 'value' | 'auth' | 'env';

const BY_TYPE: ReadonlyMap<string, ScalerSpec> = new Map(SCALERS.map((s) => [s.type, s]));

/**
 * Parameters that are not named like credentials but usually carry them (a broker URL with
 * `user:password@`), by `type/name`.
 */
const CREDENTIAL_PARAMS: ReadonlySet<string> = new Set([
  'rabbitmq/host',
  'redis/address',
  'redis-cluster/addresses',
  'redis-sentinel/addresses',
]);

/** Enumerations that the typed config leaves implicit (read from the scalers' docs). */
const ENUM_OVERRIDES: Readonly<Record<string, { enum: readonly string[]; default?: string }>> = {
  'rabbitmq/mode': { enum: ['QueueLength', 'MessageRate'] },
  'rabbitmq/protocol': { enum: ['auto', 'http', 'amqp'], default: 'auto' },
};

/** Optional parameters a form should show next to the required ones (they choose how the target reads). */
const PRIMARY_PARAMS: ReadonlySet<string> = new Set([
  'rabbitmq/mode',
  'gcp-pubsub/mode',
  'kubernetes-resource/resourceName',
]);

/** Parameters the docs call deprecated although the typed config still accepts them. */
function docsDeprecation(p: ScalerParam): string | undefined {
  return /^deprecated\b/i.test(p.description ?? '') ? p.description : undefined;
}

/** Every trigger type (79), including the test-only `external-mock`. */
export const TRIGGER_TYPES: readonly string[] = SCALERS.map((s) => s.type);

/** The catalog entry of a type, `undefined` when KEDA has no such scaler. */
export function scalerSpec(type: string): ScalerSpec | undefined {
  return BY_TYPE.get(type);
}

/** Categories in a stable order (most common first, then alphabetical). */
export function scalerCategories(): string[] {
  const counts = new Map<string, number>();
  for (const s of SCALERS) counts.set(s.category, (counts.get(s.category) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
}

/**
 * Types matching a free-text query (type, display name, category or description; all words must
 * match) and optionally one category. Exact type first, then prefix matches, the common scalers,
 * then the rest alphabetically; test-only scalers last.
 */
export function searchScalers(query: string, category?: string): ScalerSpec[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const q = words.join(' ');
  const hits = SCALERS.filter((s) => {
    if (category && s.category !== category) return false;
    const text = `${s.type} ${s.name} ${s.category} ${s.description}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
  const rank = (s: ScalerSpec): number => {
    if (s.testOnly) return 9;
    if (q && s.type === q) return 0;
    if (q && (s.type.startsWith(q) || s.name.toLowerCase().startsWith(q))) return 1;
    return s.top ? 2 : 3;
  };
  return hits.sort((a, b) => rank(a) - rank(b) || a.type.localeCompare(b.type));
}

/**
 * A parameter that holds a credential (a password, token, key, connection string, or a URL that
 * normally embeds `user:password@`). The wizard never takes these as plain metadata values.
 */
export function isCredentialParam(type: string, name: string): boolean {
  const param = BY_TYPE.get(type)?.params.find((p) => p.name === name);
  // KEDA reads credentials from a TriggerAuthentication or `<key>FromEnv`; what it reads only from
  // the metadata is a setting named like one (kubernetes-resource `key`, arangodb `connectionLimit`).
  if (param && !param.inAuth && !param.fromEnvKey) return false;
  return isSecretKey(name) || CREDENTIAL_PARAMS.has(`${type}/${name}`);
}

/** A parameter as a form field. */
export interface ParamField extends ScalerParam {
  /** The sources the wizard offers, in order of preference. */
  sources: readonly ParamSource[];
  credential: boolean;
  /** The HPA target or the activation threshold of the trigger. */
  role?: 'target' | 'activation';
  /** A credential that KEDA only reads from metadata: the wizard cannot set it. */
  unsupported?: string;
  /** Shown with the required parameters although optional. */
  primary?: boolean;
}

/** The sources a parameter may take in the wizard (credentials never as plain values). */
export function paramSources(spec: ScalerSpec, param: ScalerParam): ParamSource[] {
  const credential = isCredentialParam(spec.type, param.name);
  const sources: ParamSource[] = [];
  if (param.inMetadata && !credential) sources.push('value');
  if (param.inAuth && spec.supportsTriggerAuthentication) sources.push('auth');
  if (param.fromEnvKey) sources.push('env');
  return sources;
}

/**
 * The fields of a trigger type's form, required first, then the target and activation
 * thresholds, then the other options; removed (deprecated) parameters are left out.
 */
export function paramFields(type: string): readonly ParamField[] {
  // The wizard asks for them on every render (forms, validation, building): the catalog never changes.
  let fields = FIELDS_BY_TYPE.get(type);
  if (!fields) FIELDS_BY_TYPE.set(type, (fields = Object.freeze(computeParamFields(type))));
  return fields;
}

const FIELDS_BY_TYPE = new Map<string, readonly ParamField[]>();

function computeParamFields(type: string): ParamField[] {
  const spec = scalerSpec(type);
  if (!spec) return [];
  const info = triggerTargetInfo(type);
  const fields = spec.params
    .filter((p) => !p.deprecated)
    .map((p): ParamField => {
      const override = ENUM_OVERRIDES[`${type}/${p.name}`];
      const base: ScalerParam = override ? { ...p, enum: override.enum, default: override.default } : p;
      const announced = p.deprecatedAnnounce ?? docsDeprecation(p);
      const field: ParamField = {
        ...base,
        ...(announced ? { deprecatedAnnounce: announced } : {}),
        sources: paramSources(spec, p),
        credential: isCredentialParam(type, p.name),
      };
      if (info?.targetKeys.includes(p.name) && !announced) field.role = 'target';
      else if (info?.activationKey === p.name) field.role = 'activation';
      if (PRIMARY_PARAMS.has(`${type}/${p.name}`)) field.primary = true;
      if (field.sources.length === 0) {
        field.unsupported = `KEDA reads ${p.name} only from the trigger metadata, where the wizard does not put credentials; add it later in the YAML editor if you must.`;
      }
      return field;
    });
  const order = (f: ParamField): number =>
    f.required ? 0 : f.primary || f.role ? 1 : f.deprecatedAnnounce ? 4 : f.sources.includes('value') ? 2 : 3;
  return fields
    .map((f, i) => ({ f, i }))
    .sort((a, b) => order(a.f) - order(b.f) || a.i - b.i)
    .map(({ f }) => f);
}

/**
 * A TriggerAuthentication or ClusterTriggerAuthentication as the details view shows it: every
 * parameter it provides and where the value comes from (Secret name and key, ConfigMap, env var,
 * vault path…), the identity providers with their settings, and every Secret it references.
 * Values are never read: the only literal credentials the CRD allows (a Vault token, OAuth2 token
 * URL parameters) are masked here.
 */
import { MASK, maskSecretsInText, maskTriggerValue } from './mask.js';
import type { TriggerAuthentication } from './types.js';

export type AuthKind = 'TriggerAuthentication' | 'ClusterTriggerAuthentication';

/** KEDA reads a ClusterTriggerAuthentication's Secrets and ConfigMaps from this namespace by default. */
export const DEFAULT_CLUSTER_OBJECT_NAMESPACE = 'keda';

export interface SecretRef {
  name: string;
  key: string;
  /** What it is used for (`parameter host`, `Vault token`, `AWS access key`). */
  usedFor: string;
}

export interface AuthParameter {
  /** The trigger parameter it fills (`host`, `password`…). */
  parameter: string;
  /** `Secret`, `ConfigMap`, `Env`, `HashiCorp Vault`… */
  source: string;
  /** Where the value comes from, as label/value pairs (`Secret` → `orders-rabbitmq`, `key` → `host`). */
  from: Array<[string, string]>;
  secret?: SecretRef;
}

export interface ProviderField {
  label: string;
  value: string;
  isDefault: boolean;
}

export interface ProviderDetails {
  title: string;
  fields: ProviderField[];
}

export interface TriggerAuthDetailsModel {
  kind: AuthKind;
  name: string;
  /** Undefined for a ClusterTriggerAuthentication. */
  namespace: string | undefined;
  /** Where KEDA looks up the Secrets and ConfigMaps it references. */
  secretNamespace: string;
  parameters: AuthParameter[];
  providers: ProviderDetails[];
  /** Every Secret reference, deduplicated by name and key. */
  secretRefs: SecretRef[];
  /** `status.scaledobjects` / `status.scaledjobs` as KEDA wrote them (names, comma-separated). */
  statusScaledObjects: string[];
  statusScaledJobs: string[];
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);

function secretKeyRef(holder: unknown): { name: string; key: string } | undefined {
  const ref = obj(obj(obj(holder).valueFrom).secretKeyRef);
  return ref.name === undefined && ref.key === undefined
    ? undefined
    : { name: str(ref.name), key: str(ref.key) };
}

function field(label: string, value: unknown, fallback?: string): ProviderField | undefined {
  const text = str(value);
  if (text) return { label, value: text, isDefault: false };
  return fallback === undefined ? undefined : { label, value: fallback, isDefault: true };
}

function podIdentityFields(value: unknown): ProviderField[] {
  const p = obj(value);
  const provider = str(p.provider);
  const fields = [
    field('Provider', provider),
    field('Identity ID', p.identityId),
    field('Tenant ID', p.identityTenantId),
    field('Authority host', p.identityAuthorityHost),
    field('Role ARN', p.roleArn),
    provider === 'aws'
      ? field('Identity owner', p.identityOwner, 'keda')
      : field('Identity owner', p.identityOwner),
    field('External ID', p.externalID),
  ];
  return fields.filter((f): f is ProviderField => f !== undefined);
}

const compact = (fields: Array<ProviderField | undefined>) =>
  fields.filter((f): f is ProviderField => f !== undefined);

/** Everything the details view shows of a TriggerAuthentication or ClusterTriggerAuthentication. */
export function triggerAuthDetails(
  auth: TriggerAuthentication,
  kind: AuthKind,
  clusterObjectNamespace = DEFAULT_CLUSTER_OBJECT_NAMESPACE,
): TriggerAuthDetailsModel {
  const spec = obj(auth.spec);
  const parameters: AuthParameter[] = [];
  const providers: ProviderDetails[] = [];
  const refs: SecretRef[] = [];
  const addRef = (ref: { name: string; key: string } | undefined, usedFor: string) => {
    if (!ref) return undefined;
    const full = { ...ref, usedFor };
    refs.push(full);
    return full;
  };

  for (const r of arr(spec.secretTargetRef)) {
    const parameter = str(r.parameter);
    const secret = addRef({ name: str(r.name), key: str(r.key) }, `parameter ${parameter}`);
    parameters.push({
      parameter,
      source: 'Secret',
      from: [
        ['Secret', str(r.name)],
        ['key', str(r.key)],
      ],
      secret,
    });
  }
  for (const r of arr(spec.configMapTargetRef)) {
    parameters.push({
      parameter: str(r.parameter),
      source: 'ConfigMap',
      from: [
        ['ConfigMap', str(r.name)],
        ['key', str(r.key)],
      ],
    });
  }
  for (const r of arr(spec.env)) {
    parameters.push({
      parameter: str(r.parameter),
      source: 'Env',
      from: [
        ['variable', str(r.name)],
        [
          'container',
          str(r.containerName) || 'the scale target’s first container (or envSourceContainerName)',
        ],
      ],
    });
  }
  for (const r of arr(spec.boundServiceAccountToken)) {
    parameters.push({
      parameter: str(r.parameter),
      source: 'ServiceAccount token',
      from: [['ServiceAccount', str(r.serviceAccountName)]],
    });
  }

  if (spec.podIdentity !== undefined)
    providers.push({ title: 'Pod identity', fields: podIdentityFields(spec.podIdentity) });

  if (spec.hashiCorpVault !== undefined) {
    const v = obj(spec.hashiCorpVault);
    const credential = obj(v.credential);
    providers.push({
      title: 'HashiCorp Vault',
      fields: compact([
        field('Address', maskSecretsInText(str(v.address))),
        field('Authentication', v.authentication),
        field('Vault namespace', v.namespace),
        field('Mount', v.mount),
        field('Role', v.role),
        field('Service account', credential.serviceAccountName || credential.serviceAccount),
        credential.token !== undefined ? { label: 'Token', value: MASK, isDefault: false } : undefined,
      ]),
    });
    for (const s of arr(v.secrets)) {
      const type = str(s.type);
      const from: Array<[string, string]> = [
        ['path', str(s.path)],
        ['key', str(s.key)],
      ];
      if (type) from.push(['type', type]);
      const pki = obj(s.pkiData);
      if (str(pki.commonName)) from.push(['PKI common name', str(pki.commonName)]);
      parameters.push({ parameter: str(s.parameter), source: 'HashiCorp Vault', from });
    }
  }

  if (spec.azureKeyVault !== undefined) {
    const v = obj(spec.azureKeyVault);
    const credentials = obj(v.credentials);
    const cloud = obj(v.cloud);
    const clientSecret = addRef(secretKeyRef(credentials.clientSecret), 'Azure Key Vault client secret');
    providers.push({
      title: 'Azure Key Vault',
      fields: compact([
        field('Vault URI', v.vaultUri),
        field('Cloud', cloud.type, 'AzurePublicCloud'),
        field('Key Vault resource URL', cloud.keyVaultResourceURL),
        field('AD endpoint', cloud.activeDirectoryEndpoint),
        field('Client ID', credentials.clientId),
        field('Tenant ID', credentials.tenantId),
        clientSecret
          ? {
              label: 'Client secret',
              value: `Secret ${clientSecret.name} key ${clientSecret.key}`,
              isDefault: false,
            }
          : undefined,
        ...(v.podIdentity !== undefined
          ? podIdentityFields(v.podIdentity).map((f) => ({ ...f, label: `Pod identity: ${f.label}` }))
          : []),
      ]),
    });
    for (const s of arr(v.secrets)) {
      const from: Array<[string, string]> = [['secret', str(s.name)]];
      if (str(s.version)) from.push(['version', str(s.version)]);
      parameters.push({ parameter: str(s.parameter), source: 'Azure Key Vault', from });
    }
  }

  if (spec.gcpSecretManager !== undefined) {
    const v = obj(spec.gcpSecretManager);
    const clientSecret = addRef(secretKeyRef(obj(v.credentials).clientSecret), 'GCP credentials');
    providers.push({
      title: 'GCP Secret Manager',
      fields: compact([
        clientSecret
          ? {
              label: 'Credentials',
              value: `Secret ${clientSecret.name} key ${clientSecret.key}`,
              isDefault: false,
            }
          : undefined,
        ...(v.podIdentity !== undefined
          ? podIdentityFields(v.podIdentity).map((f) => ({ ...f, label: `Pod identity: ${f.label}` }))
          : []),
      ]),
    });
    for (const s of arr(v.secrets)) {
      parameters.push({
        parameter: str(s.parameter),
        source: 'GCP Secret Manager',
        from: [
          ['secret', str(s.id)],
          ['version', str(s.version) || 'latest'],
        ],
      });
    }
  }

  if (spec.awsSecretManager !== undefined) {
    const v = obj(spec.awsSecretManager);
    const credentials = obj(v.credentials);
    const accessKey = addRef(secretKeyRef(credentials.accessKey), 'AWS access key ID');
    const secretKey = addRef(secretKeyRef(credentials.accessSecretKey), 'AWS secret access key');
    const token = addRef(secretKeyRef(credentials.accessToken), 'AWS session token');
    const asField = (label: string, ref: SecretRef | undefined) =>
      ref ? { label, value: `Secret ${ref.name} key ${ref.key}`, isDefault: false } : undefined;
    providers.push({
      title: 'AWS Secrets Manager',
      fields: compact([
        field('Region', v.region),
        asField('Access key ID', accessKey),
        asField('Secret access key', secretKey),
        asField('Session token', token),
        ...(v.podIdentity !== undefined
          ? podIdentityFields(v.podIdentity).map((f) => ({ ...f, label: `Pod identity: ${f.label}` }))
          : []),
      ]),
    });
    for (const s of arr(v.secrets)) {
      const from: Array<[string, string]> = [['secret', str(s.name)]];
      if (str(s.secretKey)) from.push(['JSON key', str(s.secretKey)]);
      if (str(s.versionId)) from.push(['version ID', str(s.versionId)]);
      if (str(s.versionStage)) from.push(['version stage', str(s.versionStage)]);
      parameters.push({ parameter: str(s.parameter), source: 'AWS Secrets Manager', from });
    }
  }

  if (spec.oauth2 !== undefined) {
    const o = obj(spec.oauth2);
    const clientSecret = addRef(secretKeyRef(o.clientSecret), 'OAuth2 client secret');
    const params = Object.entries(obj(o.tokenUrlParams)).map(
      ([k, v]) => `${k}=${maskTriggerValue(k, str(v))}`,
    );
    const scopes = Array.isArray(o.scopes) ? o.scopes.map(str) : [];
    providers.push({
      title: 'OAuth2',
      fields: compact([
        field('Type', o.type),
        field('Client ID', o.clientId),
        clientSecret
          ? {
              label: 'Client secret',
              value: `Secret ${clientSecret.name} key ${clientSecret.key}`,
              isDefault: false,
            }
          : undefined,
        field('Token URL', maskSecretsInText(str(o.tokenUrl))),
        scopes.length ? { label: 'Scopes', value: scopes.join(' '), isDefault: false } : undefined,
        params.length
          ? { label: 'Token URL parameters', value: params.join(', '), isDefault: false }
          : undefined,
      ]),
    });
  }

  if (spec.filePath !== undefined) {
    providers.push({ title: 'File', fields: compact([field('Path', spec.filePath)]) });
  }

  const seen = new Set<string>();
  const secretRefs = refs.filter((r) => {
    const key = `${r.name}\u0000${r.key}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const names = (v: unknown) =>
    str(v)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return {
    kind,
    name: auth.metadata.name ?? '',
    namespace: kind === 'TriggerAuthentication' ? (auth.metadata.namespace ?? '') : undefined,
    secretNamespace:
      kind === 'TriggerAuthentication' ? (auth.metadata.namespace ?? '') : clusterObjectNamespace,
    parameters,
    providers,
    secretRefs,
    statusScaledObjects: names(auth.status?.scaledobjects),
    statusScaledJobs: names(auth.status?.scaledjobs),
  };
}

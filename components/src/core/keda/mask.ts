/**
 * Credential masking for everything a view shows from trigger metadata, events and messages:
 * passwords in URLs (`amqp://guest:****@host`), connection strings (`Password=****;`,
 * `SharedAccessKey=****`), secret-looking query parameters, and values of secret-looking keys.
 * Masking is one-way and keeps the shape so an operator still recognises the setting.
 */

export const MASK = '****';

/** Metadata keys whose value is a credential as a whole. */
const SECRET_KEY =
  /(pass(word|wd)?|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|credential|connection(string)?|conn[-_]?str|sas[-_]?token|^sas$|signature|auth[-_]?header[-_]?value|bearer|cookie|(^|[-_])key$)/i;

/** camelCase keys ending in `Key` (`appKey`, `queryKey`, `masterKey`): checked case-sensitively. */
const CAMEL_KEY = /[a-z0-9]Key$/;

/** Keys that merely end in "Key"/"Name"/... but are not secret (names of things, not values). */
const NOT_SECRET_KEY =
  /(fromenv|fromenvfile|keyname|secretname|secretkey(ref)?name|tokenurl|tokenprovider|keyvault|topic|queue|host|routingkey|partitionkey|sortkey|objectkey|watchkey|metrickey)$/i;

/**
 * Parameters named like a credential that KEDA reads only from the trigger metadata, so they are
 * settings: `<type>/<name>` (checked against KEDA's scaler catalogue in mask-catalog.test.ts).
 */
export const SETTINGS_NAMED_LIKE_CREDENTIALS: ReadonlySet<string> = new Set([
  'arangodb/connectionLimit',
  'kubernetes-resource/key',
]);

/** `scheme://user:password@` (schemes such as Kafka's `SASL_SSL://` have underscores) */
const URL_USERINFO = /\b([a-z][a-z0-9+._-]*:\/\/)([^\s:/@]*):([^\s@/]*)@/gi;

/** Go MySQL DSNs: `user:password@tcp(host:3306)/db`, `user:password@unix(/path)/db` */
const MYSQL_DSN = /(^|[\s"'=,;])([^\s:/@"'=,;]+):([^\s@]+)@(tcp|unix|udp)\(/gi;

/** `Password=...;` and friends inside connection strings (ADO, Azure, JDBC-style). */
const CONNECTION_STRING_PART =
  /\b(password|pwd|sharedaccesskey|accountkey|sharedaccesssignature|access[_-]?key|secret|token|sig)(\s*=\s*)("[^"]*"|'[^']*'|[^;\s&"']+)/gi;

/** `?token=...`, `&password=...` in URLs. */
const QUERY_SECRET =
  /([?&](?:password|pass|pwd|token|access_token|apikey|api_key|key|secret|sig|signature)=)([^&#\s]+)/gi;

/** `Authorization: Bearer xyz`, `Bearer xyz` */
const BEARER = /\b(bearer\s+)([A-Za-z0-9._~+/=-]{8,})/gi;

/** Masks credentials inside free text (an event message, a URL, a connection string). */
export function maskSecretsInText(text: string): string {
  return text
    .replace(URL_USERINFO, (_m, scheme: string, user: string, password: string) =>
      password ? `${scheme}${user}:${MASK}@` : `${scheme}${user}:@`,
    )
    .replace(
      MYSQL_DSN,
      (_m, lead: string, user: string, _password: string, net: string) => `${lead}${user}:${MASK}@${net}(`,
    )
    .replace(CONNECTION_STRING_PART, (_m, key: string, eq: string) => `${key}${eq}${MASK}`)
    .replace(QUERY_SECRET, (_m, prefix: string) => `${prefix}${MASK}`)
    .replace(BEARER, (_m, prefix: string) => `${prefix}${MASK}`);
}

/** Whether a metadata key names a credential value (`password`, `connectionString`, `apiKey`…). */
export function isSecretKey(key: string): boolean {
  return (SECRET_KEY.test(key) || CAMEL_KEY.test(key)) && !NOT_SECRET_KEY.test(key);
}

/** The value to show for one trigger metadata entry (of a trigger of `type`, when known). */
export function maskTriggerValue(key: string, value: string, type?: string): string {
  const setting = type !== undefined && SETTINGS_NAMED_LIKE_CREDENTIALS.has(`${type}/${key}`);
  if (!setting && isSecretKey(key) && value !== '') return MASK;
  return maskSecretsInText(value);
}

/** A copy of trigger metadata safe to show, copy or export. */
export function maskMetadata(
  metadata: Readonly<Record<string, string>> | undefined,
  type?: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata ?? {})) {
    out[key] = typeof value === 'string' ? maskTriggerValue(key, value, type) : String(value);
  }
  return out;
}

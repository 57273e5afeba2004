/**
 * Keeping credentials out of everything shown beside the YAML editor (notices, diff views,
 * conflict lists, problem messages): the editor itself shows them, since the person is editing
 * them, but an API message can quote a value back (`Invalid value: "s3cret"`) and a diff line is
 * the text itself. Builds on the masking of `mask.ts`.
 */
import { isSecretKey, MASK, maskSecretsInText } from './mask.js';

/** Shorter values are not replaced by text search (they would mask ordinary words). */
const MIN_SECRET_LENGTH = 4;

/**
 * Visits every string with the key it is under. YAML aliases make parsed values share nodes (an
 * alias bomb is a few lines standing for billions): each node is walked once per key it sits under.
 */
function walk(
  value: unknown,
  visit: (key: string, value: string) => void,
  key = '',
  seen = new Map<object, Set<string>>(),
): void {
  if (typeof value === 'string') {
    visit(key, value);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const keys = seen.get(value) ?? new Set<string>();
  if (keys.has(key)) return;
  keys.add(key);
  seen.set(value, keys);
  if (Array.isArray(value)) value.forEach((item) => walk(item, visit, key, seen));
  else for (const [k, v] of Object.entries(value)) walk(v, visit, k, seen);
}

/** The substrings of `value` that `maskSecretsInText` replaces with the mask. */
function maskedParts(value: string): string[] {
  const masked = maskSecretsInText(value);
  if (masked === value) return [];
  const pieces = masked.split(MASK);
  const parts: string[] = [];
  let pos = pieces[0]!.length;
  for (let i = 1; i < pieces.length; i += 1) {
    const piece = pieces[i]!;
    const end = i === pieces.length - 1 ? value.length - piece.length : value.indexOf(piece, pos);
    if (end < pos) break;
    parts.push(value.slice(pos, end));
    pos = end + piece.length;
  }
  return parts.filter((p) => p !== '');
}

/** A Secret's values, whatever their keys are called (as written, and `data` decoded). */
function secretData(object: unknown): string[] {
  if (typeof object !== 'object' || object === null || (object as { kind?: unknown }).kind !== 'Secret')
    return [];
  const { data, stringData } = object as { data?: unknown; stringData?: unknown };
  const values = (field: unknown) =>
    typeof field === 'object' && field !== null
      ? Object.values(field).filter((v): v is string => typeof v === 'string')
      : [];
  const decoded = values(data).flatMap((v) => {
    try {
      return [atob(v)];
    } catch {
      return []; // not base64: the API server refuses it anyway
    }
  });
  return [...values(data), ...decoded, ...values(stringData)];
}

/**
 * The credential values held by objects: values of secret-looking keys, masked URL/connection-string
 * parts, and every value of a Secret.
 */
export function collectSecrets(...objects: unknown[]): string[] {
  const secrets = new Set<string>();
  for (const object of objects) {
    for (const value of secretData(object)) secrets.add(value);
    walk(object, (key, value) => {
      if (value === '') return;
      if (isSecretKey(key)) secrets.add(value);
      for (const part of maskedParts(value)) secrets.add(part);
    });
  }
  return [...secrets].filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

/** A function that masks the given secrets (and anything `maskSecretsInText` recognises) in a text. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  return (text: string) => {
    let out = text;
    for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(MASK);
    return maskSecretsInText(out);
  };
}

const KEY_VALUE_LINE = /^(\s*(?:-\s+)*)(["']?)([^"':#\s][^:#]*?)\2(\s*:\s+)(.+)$/;

/** One YAML line for display outside the editor: `password: x` → `password: ****`, URLs masked. */
export function maskYamlLine(line: string): string {
  const m = KEY_VALUE_LINE.exec(line);
  if (m) {
    const [, lead = '', quote = '', key = '', sep = '', value = ''] = m;
    if (
      isSecretKey(key) &&
      !/^[|>][-+]?\d*\s*$/.test(value.trim()) &&
      value.trim() !== "''" &&
      value.trim() !== '""'
    ) {
      return `${lead}${quote}${key}${quote}${sep}${MASK}`;
    }
  }
  return maskSecretsInText(line);
}

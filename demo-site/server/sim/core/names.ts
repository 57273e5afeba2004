/** Object name rules (apimachinery validation), as StatusCauses for 422 Invalid. */
import type { StatusCause } from '../../../../components/src/core/kube/types.ts';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function invalid(name: string, rule: string): StatusCause[] {
  return [
    { reason: 'FieldValueInvalid', message: `Invalid value: "${name}": ${rule}`, field: 'metadata.name' },
  ];
}

/** Most kinds: a DNS-1123 subdomain (lower-case, '-' and '.', at most 253 characters). */
export function dns1123SubdomainCauses(name: string): StatusCause[] {
  if (name.length <= 253 && DNS1123_SUBDOMAIN.test(name)) return [];
  return invalid(
    name,
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  );
}

/** Namespaces and a few others: a DNS-1123 label (no dots, at most 63 characters). */
export function dns1123LabelCauses(name: string): StatusCause[] {
  if (name.length <= 63 && DNS1123_LABEL.test(name)) return [];
  return invalid(
    name,
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
  );
}

const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** Services: a DNS-1035 label (starts with a letter, at most 63 characters). */
export function dns1035LabelCauses(name: string): StatusCause[] {
  if (name.length > 63) return invalid(name, 'must be no more than 63 characters');
  if (DNS1035_LABEL.test(name)) return [];
  return invalid(
    name,
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
  );
}

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

/** Why `key` is not a valid Secret / ConfigMap data key (empty when it is). */
export function configKeyProblems(key: string): string[] {
  const problems: string[] = [];
  if (key.length > 253) problems.push('must be no more than 253 characters');
  if (!CONFIG_KEY.test(key)) {
    problems.push(
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    );
  }
  if (key === '.') problems.push("must not be '.'");
  else if (key === '..') problems.push("must not be '..'");
  else if (key.startsWith('..')) problems.push("must not start with '..'");
  return problems;
}

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

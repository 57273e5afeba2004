/** Media types in Accept / Content-Type headers, and what the client asked for. */
import type { IncludeObject, TableOptions } from '../api/table.ts';

export interface MediaType {
  /** `type/subtype`, lower-cased. */
  type: string;
  params: Readonly<Record<string, string>>;
}

export function parseMediaType(text: string): MediaType {
  const [type = '', ...rest] = text.split(';');
  const params: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    params[p.slice(0, eq).trim().toLowerCase()] = p
      .slice(eq + 1)
      .trim()
      .replace(/^"|"$/g, '');
  }
  return { type: type.trim().toLowerCase(), params };
}

/** The media ranges of an Accept header, in the order given (no q-value sorting needed here). */
export function parseAccept(header: string | undefined): MediaType[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map(parseMediaType);
}

function isJsonish(m: MediaType): boolean {
  return m.type === 'application/json' || m.type === '*/*' || m.type === 'application/*';
}

/** Table options when the client asked for `as=Table` (before any plain JSON alternative). */
export function wantsTable(accept: MediaType[], includeObject: string | null): TableOptions | undefined {
  for (const m of accept) {
    if (m.type === 'application/json' && m.params.as === 'Table' && m.params.g === 'meta.k8s.io') {
      const include: IncludeObject =
        includeObject === 'None' || includeObject === 'Object' ? includeObject : 'Metadata';
      return { includeObject: include };
    }
    if (isJsonish(m) && !m.params.as) return undefined;
  }
  return undefined;
}

export type DiscoveryFormat = { version: 'v2' | 'v2beta1' } | undefined;

/** Whether the client accepts aggregated discovery (apidiscovery.k8s.io v2 / v2beta1). */
export function wantsAggregatedDiscovery(accept: MediaType[]): DiscoveryFormat {
  for (const m of accept) {
    if (
      m.type === 'application/json' &&
      m.params.g === 'apidiscovery.k8s.io' &&
      m.params.as === 'APIGroupDiscoveryList' &&
      (m.params.v === 'v2' || m.params.v === 'v2beta1')
    ) {
      return { version: m.params.v };
    }
    if (isJsonish(m) && !m.params.as) return undefined;
  }
  return undefined;
}

/**
 * The list filter language: free words and `key:value` terms, ANDed; `-key:value` negates; quotes
 * keep spaces (`name:"my app"`). Example: `trigger:rabbitmq active:true ns:prod orders`.
 */

export interface FilterTerm {
  /** Lower-cased key, or undefined for a free word. */
  key: string | undefined;
  /** Lower-cased value. */
  value: string;
  negated: boolean;
}

export interface ParsedQuery {
  terms: FilterTerm[];
  /** Problems to show next to the filter box; terms with problems are left out. */
  errors: string[];
}

const TOKEN = /(-?)(?:([A-Za-z][\w.-]*):)?(?:"([^"]*)"?|(\S*))/g;

/**
 * `inapplicable`: keys that mean something elsewhere but not in this list (`ns` of a cluster-scoped
 * kind), each with why; such a term is reported with that reason and left out.
 */
export function parseQuery(
  text: string,
  knownKeys: ReadonlyMap<string, string>,
  inapplicable: ReadonlyMap<string, string> = new Map(),
): ParsedQuery {
  const terms: FilterTerm[] = [];
  const errors: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const [, minus, rawKey, quoted, bare] = match;
    const value = (quoted ?? bare ?? '').toLowerCase();
    if (rawKey === undefined) {
      if (value) terms.push({ key: undefined, value, negated: minus === '-' });
      continue;
    }
    const why = inapplicable.get(rawKey.toLowerCase());
    if (why) {
      errors.push(`"${rawKey}:" does not apply here: ${why}`);
      continue;
    }
    const key = knownKeys.get(rawKey.toLowerCase());
    if (!key) {
      const known = [...new Set(knownKeys.values())].join(', ');
      errors.push(`Unknown filter "${rawKey}:" (use ${known})`);
      continue;
    }
    if (!value) {
      errors.push(`"${rawKey}:" needs a value`);
      continue;
    }
    terms.push({ key, value, negated: minus === '-' });
  }
  return { terms, errors };
}

/**
 * Whether a row matches every term. `fields` gives each key's values for the row; free words match
 * any of `freeText` by substring (or a prepared lower-case haystack string, for speed). Keyed terms match a value exactly or by prefix with `*`
 * (`name:orders*`), case-insensitively.
 */
export function matchesQuery(
  query: ParsedQuery,
  fields: (key: string) => readonly string[],
  freeText: readonly string[] | string,
): boolean {
  return query.terms.every((term) => {
    const hit =
      term.key === undefined
        ? typeof freeText === 'string'
          ? freeText.includes(term.value)
          : freeText.some((text) => text.toLowerCase().includes(term.value))
        : fields(term.key).some((v) => valueMatches(v.toLowerCase(), term.value));
    return term.negated ? !hit : hit;
  });
}

/** Whether a lower-cased value matches a keyed term's value (exactly, or by prefix with `*`). */
export function valueMatches(actual: string, wanted: string): boolean {
  if (wanted.endsWith('*')) return actual.startsWith(wanted.slice(0, -1));
  return actual === wanted;
}

/** Whether `term` only keeps rows `earlier` keeps too (so filtering can start from its result). */
function implies(term: FilterTerm, earlier: FilterTerm): boolean {
  if (term.key !== earlier.key || term.negated !== earlier.negated) return false;
  if (term.key === undefined) {
    // Containing `orders` implies containing `ord`; lacking `ord` implies lacking `orders`.
    return term.negated ? earlier.value.includes(term.value) : term.value.includes(earlier.value);
  }
  if (term.negated) return term.value === earlier.value;
  if (term.value === earlier.value) return true;
  // `name:orders*` keeps a subset of what `name:ord*` keeps, and `name:orders` too.
  return earlier.value.endsWith('*') && term.value.replace(/\*$/, '').startsWith(earlier.value.slice(0, -1));
}

/**
 * Whether every row `next` matches also matches `previous`: then typing from `previous` to `next`
 * can filter the previous result instead of all rows (`so-0` → `so-01`, `trigger:kafka` → `trigger:kafka so`).
 */
export function narrows(previous: ParsedQuery, next: ParsedQuery): boolean {
  return previous.terms.every((earlier) => next.terms.some((term) => implies(term, earlier)));
}

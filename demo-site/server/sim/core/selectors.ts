/**
 * Label selectors (equality and set-based) and field selectors, as accepted in the
 * `labelSelector` / `fieldSelector` query parameters.
 */
import { errors } from './errors.ts';

export type LabelOperator = '=' | '!=' | 'in' | 'notin' | 'exists' | '!exists';

export interface LabelRequirement {
  key: string;
  operator: LabelOperator;
  values: string[];
}

/** Splits on commas that are not inside parentheses. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  terms.push(current);
  return terms.map((t) => t.trim()).filter((t) => t.length > 0);
}

const KEY = /^([A-Za-z0-9][-A-Za-z0-9_.]*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function checkKey(key: string, term: string): string {
  if (!KEY.test(key)) {
    throw errors.badRequest(
      `unable to parse requirement: <nil>: Invalid value: "${key}": invalid label key in "${term}"`,
    );
  }
  return key;
}

function checkValue(value: string, term: string): string {
  if (!VALUE.test(value)) {
    throw errors.badRequest(
      `unable to parse requirement: <nil>: Invalid value: "${value}": invalid label value in "${term}"`,
    );
  }
  return value;
}

function parseLabelTerm(term: string): LabelRequirement {
  const setMatch = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(term);
  if (setMatch) {
    const [, key = '', op = 'in', list = ''] = setMatch;
    const values = list
      .split(',')
      .map((v) => v.trim())
      .map((v) => checkValue(v, term));
    return { key: checkKey(key, term), operator: op === 'in' ? 'in' : 'notin', values };
  }
  if (term.startsWith('!')) {
    return { key: checkKey(term.slice(1).trim(), term), operator: '!exists', values: [] };
  }
  const eq = /^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
  if (eq) {
    const [, key = '', op = '=', value = ''] = eq;
    return {
      key: checkKey(key, term),
      operator: op === '!=' ? '!=' : '=',
      values: [checkValue(value.trim(), term)],
    };
  }
  return { key: checkKey(term, term), operator: 'exists', values: [] };
}

export class LabelSelector {
  readonly requirements: readonly LabelRequirement[];

  private constructor(requirements: LabelRequirement[]) {
    this.requirements = requirements;
  }

  static readonly everything = new LabelSelector([]);

  /** Parses `a=b,c!=d,e in (x,y),!f`; throws a 400 ApiError on bad syntax. */
  static parse(text: string | null | undefined): LabelSelector {
    if (!text || !text.trim()) return LabelSelector.everything;
    return new LabelSelector(splitTerms(text).map(parseLabelTerm));
  }

  /** From a metav1.LabelSelector object ({matchLabels, matchExpressions}). */
  static fromObject(selector: {
    matchLabels?: Record<string, string>;
    matchExpressions?: { key: string; operator: string; values?: string[] }[];
  }): LabelSelector {
    const reqs: LabelRequirement[] = [];
    for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
      reqs.push({ key, operator: '=', values: [value] });
    }
    for (const expr of selector.matchExpressions ?? []) {
      const op = expr.operator.toLowerCase();
      const operator: LabelOperator =
        op === 'in' ? 'in' : op === 'notin' ? 'notin' : op === 'exists' ? 'exists' : '!exists';
      reqs.push({ key: expr.key, operator, values: expr.values ?? [] });
    }
    return new LabelSelector(reqs);
  }

  get empty(): boolean {
    return this.requirements.length === 0;
  }

  matches(labels: Record<string, string> | undefined): boolean {
    const l = labels ?? {};
    return this.requirements.every((r) => {
      const has = Object.hasOwn(l, r.key);
      const value = l[r.key];
      switch (r.operator) {
        case '=':
          return has && value === r.values[0];
        case '!=':
          return !has || value !== r.values[0];
        case 'in':
          return has && value !== undefined && r.values.includes(value);
        case 'notin':
          return !has || value === undefined || !r.values.includes(value);
        case 'exists':
          return has;
        case '!exists':
          return !has;
      }
      return false;
    });
  }

  /** Canonical text form (`app=web,tier in (a,b)`), as used in Scale status.selector. */
  toString(): string {
    return this.requirements
      .map((r) => {
        switch (r.operator) {
          case '=':
          case '!=':
            return `${r.key}${r.operator}${r.values[0] ?? ''}`;
          case 'in':
          case 'notin':
            return `${r.key} ${r.operator} (${r.values.join(',')})`;
          case 'exists':
            return r.key;
          case '!exists':
            return `!${r.key}`;
        }
        return '';
      })
      .join(',');
  }
}

export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

function unescapeFieldValue(value: string): string {
  return value.replace(/\\([\\,=])/g, '$1');
}

/** Splits on commas not preceded by a backslash. */
function splitFieldTerms(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '\\' && i + 1 < text.length) {
      current += ch + (text[i + 1] ?? '');
      i++;
    } else if (ch === ',') {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out.map((t) => t.trim()).filter((t) => t.length > 0);
}

export class FieldSelector {
  readonly requirements: readonly FieldRequirement[];

  private constructor(requirements: FieldRequirement[]) {
    this.requirements = requirements;
  }

  static readonly everything = new FieldSelector([]);

  /**
   * Parses `metadata.name=x,metadata.namespace!=y`. `supported` lists the field labels the
   * resource accepts; others are a 400 with `reject(label)` (default `field label not supported: <label>`).
   */
  static parse(
    text: string | null | undefined,
    supported: readonly string[],
    reject: (label: string) => string = (label) => `field label not supported: ${label}`,
  ): FieldSelector {
    if (!text || !text.trim()) return FieldSelector.everything;
    const reqs = splitFieldTerms(text).map((term): FieldRequirement => {
      const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(term);
      if (!m) throw errors.badRequest(`invalid selector: '${text}'; can't understand '${term}'`);
      const [, field = '', op = '=', value = ''] = m;
      const f = field.trim();
      if (!supported.includes(f)) throw errors.badRequest(reject(f));
      return { field: f, operator: op === '!=' ? '!=' : '=', value: unescapeFieldValue(value) };
    });
    return new FieldSelector(reqs);
  }

  get empty(): boolean {
    return this.requirements.length === 0;
  }

  /** `fields` maps each supported field label to the object's value ('' when unset). */
  matches(fields: Readonly<Record<string, string>>): boolean {
    return this.requirements.every((r) => {
      const actual = fields[r.field] ?? '';
      return r.operator === '=' ? actual === r.value : actual !== r.value;
    });
  }
}

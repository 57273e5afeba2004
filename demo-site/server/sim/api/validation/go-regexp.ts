/**
 * Go (RE2) regular expressions, as schema `pattern`s are written, translated to JavaScript:
 * leading `(?i)`/`(?s)`/`(?m)` flags, `\A`, `\z`, `(?P<name>`, `\pL` and POSIX classes.
 */

export interface GoRegexp {
  /** The pattern as written in the schema. */
  source: string;
  /** The translated expression, or the compile error's text. */
  regexp: RegExp | undefined;
  error: string | undefined;
}

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

function translate(pattern: string): { source: string; flags: string } {
  let source = pattern;
  let flags = '';
  const leading = /^\(\?([imsU]+)\)/.exec(source);
  if (leading?.[1]) {
    for (const f of leading[1]) if (f !== 'U' && !flags.includes(f)) flags += f;
    source = source.slice(leading[0].length);
  }
  source = source
    .replace(/\(\?P</g, '(?<')
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$(?![\\s\\S])')
    .replace(/\\p([A-Z])/g, '\\p{$1}')
    .replace(/\\P([A-Z])/g, '\\P{$1}')
    .replace(/\[:(\^?)([a-z]+):\]/g, (whole, negate: string, name: string) => {
      const body = POSIX_CLASSES[name];
      if (!body) return whole;
      return negate ? `[^${body}]` : body;
    });
  return { source, flags };
}

export function compileGoRegexp(pattern: string): GoRegexp {
  const { source, flags } = translate(pattern);
  for (const extra of ['u', '']) {
    try {
      return { source: pattern, regexp: new RegExp(source, flags + extra), error: undefined };
    } catch (error) {
      if (extra === '') {
        return {
          source: pattern,
          regexp: undefined,
          error: error instanceof Error ? error.message : String(error),
        };
      }
    }
  }
  return { source: pattern, regexp: undefined, error: 'invalid pattern' };
}

/**
 * Base64 as Go's `encoding/base64.StdEncoding` decodes it (what the apiserver's JSON decoder does
 * with `[]byte` fields such as Secret `data`): padding required, `\r` and `\n` ignored, and the
 * first bad byte reported as `illegal base64 data at input byte N`.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE: ReadonlyMap<number, number> = new Map([...ALPHABET].map((c, i) => [c.charCodeAt(0), i]));
const PAD = 0x3d; // '='
const CR = 0x0d;
const LF = 0x0a;

export type Base64Result = { ok: true; bytes: Buffer } | { ok: false; offset: number };

const isNewline = (b: number | undefined): boolean => b === CR || b === LF;

/** Decodes `text` (its UTF-8 bytes) or reports the byte offset Go's decoder would. */
export function decodeBase64Go(text: string): Base64Result {
  const src = Buffer.from(text, 'utf8');
  const out: number[] = [];
  let si = 0;
  while (si < src.length) {
    const quantum: number[] = [];
    let finished = false;
    while (quantum.length < 4) {
      if (si === src.length) {
        if (quantum.length === 0) return { ok: true, bytes: Buffer.from(out) };
        // Padding is required: a short final quantum is corrupt at its start.
        return { ok: false, offset: si - quantum.length };
      }
      const byte = src[si] ?? 0;
      si++;
      const value = VALUE.get(byte);
      if (value !== undefined) {
        quantum.push(value);
        continue;
      }
      if (isNewline(byte)) continue;
      if (byte !== PAD) return { ok: false, offset: si - 1 };
      // Padding: only after 2 or 3 symbols, and nothing but newlines may follow.
      if (quantum.length < 2) return { ok: false, offset: si - 1 };
      if (quantum.length === 2) {
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return { ok: false, offset: src.length };
        if (src[si] !== PAD) return { ok: false, offset: si - 1 };
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) return { ok: false, offset: si };
      finished = true;
      break;
    }
    const [a = 0, b = 0, c = 0, d = 0] = quantum;
    const bits = (a << 18) | (b << 12) | (c << 6) | d;
    const bytes = [(bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff];
    out.push(...bytes.slice(0, quantum.length - 1));
    if (finished) break;
  }
  return { ok: true, bytes: Buffer.from(out) };
}

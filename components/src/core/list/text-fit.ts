/**
 * Whether a cell's text fits its column, decided without layout: from the advance widths of one
 * font's printable ASCII characters. Lists clip (and ellipsise) only the cells that may overflow;
 * every clipped cell costs the browser a paint layer and a clip, so a row of texts that fit is
 * markedly cheaper to repaint.
 */

const FIRST = 0x20;
const LAST = 0x7e;

/** Advance widths in px of U+0020–U+007E in one font, digits as wide as the widest one. */
export type AsciiAdvances = Float64Array;

/**
 * The advances of one font from a measure of each character alone. Every digit gets the widest
 * digit's advance, so the estimate also holds for tabular figures.
 */
export function asciiAdvances(measure: (char: string) => number): AsciiAdvances {
  const advances = new Float64Array(LAST - FIRST + 1);
  for (let code = FIRST; code <= LAST; code += 1) advances[code - FIRST] = measure(String.fromCharCode(code));
  const digit0 = '0'.charCodeAt(0) - FIRST;
  const widest = Math.max(...advances.subarray(digit0, digit0 + 10));
  advances.fill(widest, digit0, digit0 + 10);
  return advances;
}

/**
 * Room kept for what a sum of lone advances does not see (rounding, the rare positive kerning
 * pair): 1 px and 0.5%. A text that still overflows by a little runs into the cell's padding,
 * not into its neighbour.
 */
function room(width: number): number {
  return 1 + width * 0.005;
}

/**
 * True when `text` surely fits `width` px in the font of `advances`. Anything that cannot be
 * decided (a character outside printable ASCII, no advances, no width) does not fit, so the cell
 * is clipped with an ellipsis as any cell would be.
 */
export function surelyFits(text: string, advances: AsciiAdvances | undefined, width: number): boolean {
  if (!advances || !(width > 0)) return false;
  const limit = width - room(width);
  let total = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < FIRST || code > LAST) return false;
    total += advances[code - FIRST]!;
    if (total > limit) return false;
  }
  return true;
}

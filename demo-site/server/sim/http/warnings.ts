/**
 * Warnings as the apiserver's warning recorder writes them: one `Warning: 299 - "<text>"` header
 * per distinct text, added at once (so they accompany error responses too).
 */
import type { ServerResponse } from 'node:http';

/** `net.NewWarningHeader(299, "-", text)`: the text quoted with `"` and `\` escaped. */
export function warningHeaderValue(text: string): string {
  return `299 - "${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/** A `warn` callback for one response; repeated texts are recorded once. */
export function warningRecorder(res: ServerResponse): (text: string) => void {
  const seen = new Set<string>();
  return (text) => {
    if (seen.has(text) || res.headersSent) return;
    seen.add(text);
    res.appendHeader('Warning', warningHeaderValue(text));
  };
}

/**
 * Page-side scans for the hardening suites. Each function is self-contained (no imports, no
 * closures) so Playwright can send it to the page with `page.evaluate(fn)` and the element
 * tests can call it directly.
 */

export interface DomScan {
  /** All text a person can see or a screen reader reads: text nodes, titles, ARIA labels, values. */
  text: string;
  /** Elements a view would never render itself: injected markup found in the DOM. */
  injected: string[];
}

/** Walks the document and every open shadow root (skipping elements matching `skip`, if given). */
export function scanDom(skip?: string): DomScan {
  const texts: string[] = [];
  const injected: string[] = [];
  const FORBIDDEN = new Set(['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'MARQUEE', 'FRAME', 'BASE', 'META']);
  const visit = (node: Node, inShadow: boolean): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.parentElement?.tagName !== 'STYLE') texts.push(node.nodeValue ?? '');
      return;
    }
    if (node instanceof Element) {
      if (skip && node.matches(skip)) return;
      const tag = node.tagName;
      const isAppScript =
        tag === 'SCRIPT' &&
        !inShadow &&
        (node.getAttribute('src') ?? '').startsWith('/') &&
        !node.textContent;
      const inHead = node.parentElement === document.head;
      if (FORBIDDEN.has(tag) && !isAppScript && !(inHead && tag === 'META'))
        injected.push(`<${tag.toLowerCase()}>`);
      // The page's own <link rel=icon href="data:,"> in <head> is the site's, not a view's.
      for (const attr of inHead && tag === 'LINK' ? [] : Array.from(node.attributes)) {
        if (/^on/i.test(attr.name)) injected.push(`<${tag.toLowerCase()} ${attr.name}>`);
        if (/^(href|src|xlink:href|action|formaction|data)$/i.test(attr.name)) {
          if (
            /^\s*(javascript|data|vbscript):/i.test(
              [...attr.value].filter((c) => c.charCodeAt(0) > 0x20).join(''),
            )
          ) {
            injected.push(`<${tag.toLowerCase()} ${attr.name}="${attr.value.slice(0, 40)}">`);
          }
        }
        if (attr.name === 'title' || attr.name === 'aria-label' || attr.name === 'alt')
          texts.push(attr.value);
      }
      if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) texts.push(node.value);
      if (node.shadowRoot) visit(node.shadowRoot, true);
    }
    for (const child of Array.from(node.childNodes)) visit(child, inShadow);
  };
  visit(document.documentElement, false);
  return { text: texts.join('\n'), injected };
}

/** Installs the `__xss` trap and the CSP violation recorder (run before any page script). */
export function installXssTrap(): void {
  const w = window as unknown as {
    __xssCalls: unknown[];
    __xss: (id?: unknown) => void;
    __cspViolations: string[];
    __xssMarker?: unknown;
  };
  w.__xssCalls = [];
  w.__cspViolations = [];
  w.__xss = (id?: unknown) => {
    w.__xssCalls.push(id ?? '?');
  };
  window.addEventListener(
    'securitypolicyviolation',
    (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.sample}`),
    true,
  );
}

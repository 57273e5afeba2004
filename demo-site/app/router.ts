import type { KedaConnection } from 'keda-elements';

/** What the page chrome shows around a view. */
export interface PageChrome {
  /** Document title and, when `lede` is set, the page heading. */
  title: string;
  /** Plain text under the heading; views with their own header leave it out and get a back link. */
  lede?: string;
  back?: { href: string; label: string };
  create?: { href: string; label: string };
  /** A second, quieter way to create, beside `create` (the lists: from YAML as well as the wizard). */
  createAlt?: { href: string; label: string };
  /** The tab (`data-page` of `.tabs a`) marked current. */
  tab?: string;
}

export interface View extends PageChrome {
  /** Puts the view's element inside the connection, reusing the current one when it is the same view. */
  mount(connection: KedaConnection, url: URL): void;
}

/**
 * One route: `match` gets the decoded path segments and the URL and returns the view for them,
 * or undefined to let the next route try.
 */
export type Route = (segments: readonly string[], url: URL) => View | undefined;

export function segmentsOf(pathname: string): string[] {
  return pathname
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

export function resolve(routes: readonly Route[], url: URL): View | undefined {
  const segments = segmentsOf(url.pathname);
  for (const route of routes) {
    const view = route(segments, url);
    if (view) return view;
  }
  return undefined;
}

/** The connection's element if it has `tag`, else a new one from `create` put in its place. */
export function reuse<T extends HTMLElement>(
  connection: KedaConnection,
  tag: string,
  create: () => T,
): { element: T; created: boolean } {
  const current = connection.firstElementChild;
  if (current?.localName === tag) return { element: current as T, created: false };
  const element = create();
  connection.replaceChildren(element);
  return { element, created: true };
}

/** `/a/b/c` from raw segments, each URI-encoded. */
export function pathOf(...segments: string[]): string {
  return `/${segments.map(encodeURIComponent).join('/')}`;
}

/** Navigates in place (pushState) and lets the router render the new URL. */
export function navigate(href: string): void {
  window.dispatchEvent(new CustomEvent('demo-navigate', { detail: href }));
}

/** Query parameters that belong to the whole site rather than to one page. */
const SITE_PARAMS = ['cluster'] as const;

/**
 * `href` with the site-wide parameters of the current page (the cluster) added when it does not
 * set them itself, and the namespace too when `withNamespace` (links to lists and the overview).
 */
export function siteHref(href: string, withNamespace = false, from: string = location.href): string {
  const current = new URL(from);
  const target = new URL(href, current);
  if (target.origin !== current.origin) return href;
  const keys: string[] = [...SITE_PARAMS];
  if (withNamespace) keys.push('ns');
  for (const key of keys) {
    const value = current.searchParams.get(key);
    if (value && !target.searchParams.has(key)) target.searchParams.set(key, value);
  }
  return `${target.pathname}${target.search}${target.hash}`;
}

/**
 * Links for the keda-elements on the plugin's pages.
 *
 * `headlampLink` gives Headlamp's route path for an object (`/c/<cluster>/…`). A path is not an
 * href everywhere Headlamp runs: the desktop app routes in the hash (`#/c/…`) and a server under a
 * base URL routes below it (`<base>/c/…`). `useRouterLinks` makes the paths into hrefs with the
 * router's own `history.createHref`, so an opened-in-new-tab link works, and follows plain clicks
 * on them through the router (the elements render real anchors, in their shadow roots) instead of
 * reloading the app.
 */
import { Router } from '@kinvolk/headlamp-plugin/lib';
import type { LinkResolver, ObjectRef } from 'keda-elements/context/contexts';
import React from 'react';
import { useHistory } from 'react-router-dom';
import { yamlRouteName } from './yaml-routes';

/**
 * The route path for `ref` in this Headlamp: the route registered under the kind's name (ours for
 * the KEDA kinds, Headlamp's for Job, Secret, Deployment, HorizontalPodAutoscaler…), or undefined
 * when there is none (the element then shows plain text). `view: 'yaml'` goes to our YAML editor
 * route for the KEDA kinds (Headlamp has no YAML page of its own to link to).
 */
export function headlampLink(ref: ObjectRef, cluster: string): string | undefined {
  const route = ref.view === 'yaml' ? yamlRouteName(ref.kind) : ref.kind;
  if (!route) return undefined;
  const params: Record<string, string> = { cluster, name: ref.name };
  if (ref.namespace) params.namespace = ref.namespace;
  const url = Router.createRouteURL(route, params);
  return url && url !== '/' ? url : undefined;
}

/** What `history.createHref` needs (react-router 5's history). */
interface HrefHistory {
  createHref(location: { pathname: string }): string;
  push(path: string): void;
}

/** The link resolver of one cluster: `headlampLink` made into an href by `history`. */
export function routerLinks(history: HrefHistory, cluster: string): LinkResolver {
  return (ref: ObjectRef) => {
    const path = headlampLink(ref, cluster);
    return path === undefined ? undefined : history.createHref({ pathname: path });
  };
}

/**
 * Sends a plain left click on an anchor whose href the router made (`<prefix>/…`) through
 * `history`; leaves modified clicks (new tab, new window, download), targeted anchors and other
 * hrefs to the browser.
 */
export function followRouterClick(event: MouseEvent, history: HrefHistory, prefix: string): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event
    .composedPath()
    .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
  const href = anchor?.getAttribute('href');
  if (!anchor || !href || anchor.target || anchor.hasAttribute('download')) return;
  if (!href.startsWith(`${prefix}/`) || href.startsWith('//')) return;
  event.preventDefault();
  history.push(href.slice(prefix.length));
}

/**
 * Router links for elements rendered inside `container` (a ref for an element around them):
 * `linksFor(cluster)` is the resolver for one cluster's objects (each cluster's rows of a list
 * spanning several), stable for a cluster as long as the router is; plain clicks on the links
 * inside `container` navigate through the router.
 */
export function useClusterRouterLinks(): {
  linksFor: (cluster: string) => LinkResolver;
  container: React.RefCallback<HTMLElement>;
} {
  const history = useHistory();
  // A callback ref: the listener moves with the element when the page renders it anew (a list
  // going from one cluster to several, a check that shows its children later).
  const [element, container] = React.useState<HTMLElement | null>(null);
  // What the router puts before a path ("#" or the base URL, or nothing).
  const prefix = history.createHref({ pathname: '/' }).slice(0, -1);
  const linksFor = React.useMemo(() => {
    const resolvers = new Map<string, LinkResolver>();
    return (cluster: string) => {
      let resolver = resolvers.get(cluster);
      if (!resolver) {
        resolver = routerLinks(history, cluster);
        resolvers.set(cluster, resolver);
      }
      return resolver;
    };
  }, [history]);
  React.useEffect(() => {
    if (!element) return;
    const onClick = (event: MouseEvent) => followRouterClick(event, history, prefix);
    element.addEventListener('click', onClick);
    return () => element.removeEventListener('click', onClick);
  }, [element, history, prefix]);
  return { linksFor, container };
}

/** Router links for the elements of one cluster inside `container` (see useClusterRouterLinks). */
export function useRouterLinks(cluster: string): {
  links: LinkResolver;
  container: React.RefCallback<HTMLElement>;
} {
  const { linksFor, container } = useClusterRouterLinks();
  return { links: linksFor(cluster), container };
}

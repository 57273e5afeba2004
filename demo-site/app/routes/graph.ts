import type { KedaFocusChangeDetail, RelationshipGraphElement } from 'keda-elements';
import { reuse, type Route } from '../router.ts';

/**
 * `/graph`: how every ScaledObject and ScaledJob connects to its event sources, metrics, HPA,
 * workload and credentials. `?ns=<namespace>` scopes it, `?focus=<Kind>/<ns>/<name>` shows one
 * object's neighbourhood.
 */
export const graphRoute: Route = (segments, url) => {
  if (segments[0] !== 'graph' || segments.length !== 1) return undefined;
  const namespaces = (url.searchParams.get('ns') ?? '').split(',').filter(Boolean);
  const focus = url.searchParams.get('focus') ?? '';
  return {
    title: 'Relationships',
    lede: 'Event sources, metrics, scalers, what they scale and the credentials they use. Click an object to open it; double-click to focus on it.',
    tab: 'graph',
    mount(connection) {
      const { element, created } = reuse(
        connection,
        'keda-relationship-graph',
        () => document.createElement('keda-relationship-graph') as RelationshipGraphElement,
      );
      if (created) {
        element.addEventListener('keda-focus-change', (event) => {
          const next = new URL(location.href);
          const { focus: id } = (event as CustomEvent<KedaFocusChangeDetail>).detail;
          if (id) next.searchParams.set('focus', id);
          else next.searchParams.delete('focus');
          history.pushState(null, '', next.pathname + next.search);
        });
      }
      // One namespace scopes the graph; several (or none) show everything.
      element.namespace = namespaces.length === 1 ? (namespaces[0] as string) : '';
      element.focusNode = focus;
    },
  };
};

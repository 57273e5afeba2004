import type { KedaOverview, ListQuery } from 'keda-elements';
import { reuse, siteHref, type Route } from '../router.ts';

const LIST_OF: Record<ListQuery['kind'], string> = {
  ScaledObject: '/scaledobjects',
  ScaledJob: '/scaledjobs',
};

/** `/` and `/overview`: the cluster at a glance; `ns` limits it, `range` is the events window. */
export const overviewRoute: Route = (segments, url) => {
  if (!(segments.length === 0 || (segments.length === 1 && segments[0] === 'overview'))) return undefined;
  return {
    title: 'Overview',
    lede: 'How KEDA is doing: ScaledObjects and ScaledJobs by state, its health, and what scaled recently.',
    tab: 'overview',
    create: { href: '/create', label: 'Create ScaledObject…' },
    createAlt: { href: '/create/yaml', label: 'Create from YAML…' },
    mount(connection) {
      const { element, created } = reuse(connection, 'keda-overview', () => {
        const overview = document.createElement('keda-overview') as KedaOverview;
        overview.addEventListener('keda-range-change', (event) => onRange(event.detail.range));
        return overview;
      });
      if (created) element.listHref = listHref;
      element.namespaces = (url.searchParams.get('ns') ?? '').split(',').filter(Boolean);
      element.range = url.searchParams.get('range') || '1h';
    },
  };
};

function listHref(query: ListQuery): string {
  const params = new URLSearchParams();
  if (query.filter) params.set('filter', query.filter);
  if (query.namespaces.length > 0) params.set('ns', query.namespaces.join(','));
  const search = params.toString();
  return siteHref(`${LIST_OF[query.kind]}${search ? `?${search}` : ''}`);
}

/** A new window is a step Back can undo. */
function onRange(range: string): void {
  const url = new URL(location.href);
  if (range === '1h') url.searchParams.delete('range');
  else url.searchParams.set('range', range);
  history.pushState(null, '', url.pathname + url.search + url.hash);
}

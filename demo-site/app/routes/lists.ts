import type { ListViewState } from 'keda-elements';
import { kindByPlural } from '../kinds.ts';
import { pages } from '../pages.ts';
import { reuse, type Route } from '../router.ts';

type ListElement = HTMLElement & ListViewState;

/** `/<plural>` (and `/`): a list; its filter, sort and namespaces live in the query. */
export const listRoute: Route = (segments, url) => {
  if (segments.length > 1) return undefined;
  const page = segments.length === 0 ? pages[0] : pages.find((p) => p.path === segments[0]);
  if (!page) return undefined;
  const kind = kindByPlural(page.path)?.kind;
  // ScaledObjects and ScaledJobs: the wizard first, YAML beside it; credentials: YAML only.
  const wizard = kind === 'ScaledObject' || kind === 'ScaledJob';
  const query = kind === 'ScaledJob' ? '?kind=ScaledJob' : '';
  return {
    title: page.title,
    lede: page.lede,
    tab: page.path,
    create: !kind
      ? undefined
      : wizard
        ? { href: `/create${query}`, label: `Create ${kind}…` }
        : { href: `/create/yaml?kind=${kind}`, label: `Create ${kind}…` },
    createAlt: wizard ? { href: `/create/yaml${query}`, label: 'Create from YAML…' } : undefined,
    mount(connection) {
      const { element: list, created } = reuse(
        connection,
        page.tag,
        () => document.createElement(page.tag) as ListElement,
      );
      if (created) list.addEventListener('keda-list-change', onListChange as EventListener);
      const params = url.searchParams;
      list.filter = params.get('filter') ?? '';
      // No sort in the URL: the list's default (an empty sort means the default column).
      list.sort = params.get('sort') ?? '';
      list.namespaces = (params.get('ns') ?? '').split(',').filter(Boolean);
    },
  };
};

function onListChange(event: CustomEvent<ListViewState>): void {
  const { filter, sort, namespaces } = event.detail;
  const params = new URLSearchParams(location.search);
  const before = params.toString();
  const set = (key: string, value: string) => (value ? params.set(key, value) : params.delete(key));
  set('filter', filter);
  set('sort', sort);
  set('ns', namespaces.join(','));
  const query = params.toString();
  if (query === before) return;
  const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  // Typing replaces the entry; choosing a sort or namespaces is a step Back can undo.
  const typing = new URLSearchParams(before).get('filter') !== params.get('filter');
  if (typing) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
}

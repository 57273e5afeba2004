import 'keda-elements';
import { pageFor } from './pages.ts';
import type { KedaConnection, ListViewState, ObjectRef, ScaledObjectDetails } from 'keda-elements';

interface ClusterInfo {
  name: string;
  simulated: boolean;
  server?: string;
}

type ThemeChoice = 'system' | 'light' | 'dark';
const THEME_KEY = 'keda-dashboard.theme';

function applyTheme(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

function setUpThemeSelect(): void {
  const select = document.getElementById('theme-select') as HTMLSelectElement;
  const stored = localStorage.getItem(THEME_KEY);
  const choice: ThemeChoice = stored === 'light' || stored === 'dark' ? stored : 'system';
  select.value = choice;
  applyTheme(choice);
  select.addEventListener('change', () => {
    const next = select.value as ThemeChoice;
    localStorage.setItem(THEME_KEY, next);
    applyTheme(next);
  });
}

async function connect(): Promise<void> {
  const label = document.getElementById('cluster') as HTMLElement;
  const connection = document.getElementById('connection') as KedaConnection;
  let clusters: ClusterInfo[];
  try {
    const response = await fetch('/api/clusters');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    clusters = ((await response.json()) as { clusters: ClusterInfo[] }).clusters;
  } catch (error) {
    label.textContent = `Cannot read the cluster list from the demo server: ${String(error)}`;
    return;
  }
  const cluster = clusters[0];
  if (!cluster) {
    label.textContent = 'The demo server serves no cluster.';
    return;
  }
  label.replaceChildren(
    'Cluster ',
    Object.assign(document.createElement('strong'), { textContent: cluster.name }),
  );
  if (cluster.simulated) label.append(' · simulated KEDA cluster');
  connection.baseUrl = `/clusters/${encodeURIComponent(cluster.name)}`;
}

type ListElement = HTMLElement & ListViewState;

/** `/scaledobjects/<namespace>/<name>`: a details page. */
function detailsOf(pathname: string): { namespace: string; name: string; yaml: boolean } | undefined {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'scaledobjects' || parts.length < 3 || parts.length > 4) return undefined;
  if (parts.length === 4 && parts[3] !== 'yaml') return undefined;
  return { namespace: parts[1]!, name: parts[2]!, yaml: parts.length === 4 };
}

/** Where a view's link to an object goes in this site (undefined: no page for that kind yet). */
function linkTo(ref: ObjectRef): string | undefined {
  if (ref.kind === 'ScaledObject' && ref.namespace) {
    const path = `/scaledobjects/${encodeURIComponent(ref.namespace)}/${encodeURIComponent(ref.name)}`;
    return ref.view === 'yaml' ? `${path}/yaml` : path;
  }
  return undefined;
}

/** The page heading; details pages show a way back instead (the element has its own header). */
function setHeading(title: string, lede: string | undefined): void {
  document.title = `${title} · KEDA dashboard`;
  const h1 = document.getElementById('page-title') as HTMLElement;
  const p = document.getElementById('page-lede') as HTMLElement;
  h1.textContent = title;
  p.textContent = lede ?? '';
  h1.hidden = lede === undefined;
  p.hidden = lede === undefined;
  (document.getElementById('back') as HTMLElement).hidden = lede !== undefined;
  (document.getElementById('create') as HTMLElement).hidden = true;
  const back = document.getElementById('back') as HTMLAnchorElement;
  back.href = '/scaledobjects';
  back.textContent = '← All ScaledObjects';
}

/** Shows the page for the current URL; a list's filter, sort and namespaces live in the query. */
function route(): void {
  const page = pageFor(location.pathname);
  const connection = document.getElementById('connection') as KedaConnection;
  connection.links = linkTo;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.tabs a')) {
    if (link.dataset.page === page.path) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (location.pathname === '/create') {
    setHeading('Create a ScaledObject or ScaledJob', undefined);
    const params = new URLSearchParams(location.search);
    const current = connection.firstElementChild;
    if (current?.localName !== 'keda-create-wizard') {
      const wizard = document.createElement('keda-create-wizard');
      wizard.setAttribute('namespace', params.get('namespace') ?? 'default');
      if (params.get('kind') === 'ScaledJob') wizard.setAttribute('kind', 'ScaledJob');
      connection.replaceChildren(wizard);
    }
    return;
  }
  const details = detailsOf(location.pathname);
  if (details?.yaml) {
    setHeading(`${details.name} YAML (${details.namespace})`, undefined);
    const back = document.getElementById('back') as HTMLAnchorElement;
    back.href = `/scaledobjects/${encodeURIComponent(details.namespace)}/${encodeURIComponent(details.name)}`;
    back.textContent = `← ${details.name}`;
    const editor = document.createElement('keda-yaml-editor');
    editor.setAttribute('kind', 'ScaledObject');
    editor.setAttribute('namespace', details.namespace);
    editor.setAttribute('name', details.name);
    editor.setAttribute('draft-key', connection.baseUrl ?? 'cluster');
    connection.replaceChildren(editor);
    return;
  }
  if (details) {
    setHeading(`${details.name} (${details.namespace})`, undefined);
    const current = connection.firstElementChild;
    const view =
      current?.localName === 'keda-scaled-object-details'
        ? (current as ScaledObjectDetails)
        : document.createElement('keda-scaled-object-details');
    view.namespace = details.namespace;
    view.name = details.name;
    if (view !== current) connection.replaceChildren(view);
    return;
  }
  setHeading(page.title, page.lede);
  const create = document.getElementById('create') as HTMLAnchorElement;
  create.hidden = page.path !== 'scaledobjects' && page.path !== 'scaledjobs';
  create.href = page.path === 'scaledjobs' ? '/create?kind=ScaledJob' : '/create';
  create.textContent = page.path === 'scaledjobs' ? 'Create ScaledJob…' : 'Create ScaledObject…';
  const current = connection.firstElementChild as ListElement | null;
  const list = current?.localName === page.tag ? current : (document.createElement(page.tag) as ListElement);
  if (list !== current) {
    list.addEventListener('keda-list-change', onListChange as EventListener);
    connection.replaceChildren(list);
  }
  const params = new URLSearchParams(location.search);
  list.filter = params.get('filter') ?? '';
  const sort = params.get('sort');
  if (sort) list.sort = sort;
  else list.removeAttribute('sort');
  list.namespaces = (params.get('ns') ?? '').split(',').filter(Boolean);
}

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

function setUpNavigation(): void {
  // Same-origin links, including those inside the elements' shadow roots, navigate in place;
  // modified clicks (new tab, download) keep their default.
  document.addEventListener('click', (event: MouseEvent) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    ) {
      return;
    }
    const link = event
      .composedPath()
      .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!link || link.origin !== location.origin || link.target) return;
    event.preventDefault();
    if (link.pathname + link.search !== location.pathname + location.search) {
      history.pushState(null, '', link.pathname + link.search);
    }
    route();
  });
  // Leaving the editor or the wizard: back to where the user came from.
  const leave = () => {
    const details = detailsOf(location.pathname);
    const to = details ? location.pathname.replace(/\/yaml$/, '') : '/scaledobjects';
    history.pushState(null, '', to);
    route();
  };
  document.addEventListener('keda-cancel', leave);
  document.addEventListener('keda-saved', leave);
  document.addEventListener('keda-deleted', () => {
    history.pushState(null, '', '/scaledobjects');
    route();
  });
  window.addEventListener('popstate', route);
  route();
}

setUpThemeSelect();
setUpNavigation();
void connect();

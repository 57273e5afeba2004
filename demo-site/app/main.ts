import 'keda-elements';
import type { KedaConnection } from 'keda-elements';
import { kindByPlural } from './kinds.ts';
import { linkTo } from './links.ts';
import { basePathOf, clusterFor, loadClusters, statusWord, type ClusterInfo } from './clusters.ts';
import { NamespacePicker } from './namespace-picker.ts';
import { setUpPlayground } from './playground/mount.ts';
import { provideSimClock } from './playground/sim-clock.ts';
import { resolve, segmentsOf, siteHref, type PageChrome, type View } from './router.ts';
import { routes } from './routes/index.ts';

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

let clusters: ClusterInfo[] | undefined;
let namespacePicker: NamespacePicker | undefined;
const playground = setUpPlayground();
const setSimClock = provideSimClock(document.getElementById('connection') as KedaConnection);

async function connect(): Promise<void> {
  const label = document.getElementById('cluster-label') as HTMLElement;
  try {
    clusters = await loadClusters();
  } catch (error) {
    label.textContent = `Cannot read the cluster list from the demo server: ${String(error)}`;
    return;
  }
  if (clusters.length === 0) {
    label.textContent = 'The demo server serves no cluster.';
    return;
  }
  const select = document.getElementById('cluster-select') as HTMLSelectElement;
  select.replaceChildren(...clusters.map((c) => new Option(`${c.name} · ${statusWord(c)}`, c.name)));
  select.hidden = false;
  select.addEventListener('change', () => {
    // Another cluster, the same page: its namespaces may differ, so the namespace choice goes.
    const url = new URL(location.href);
    url.searchParams.set('cluster', select.value);
    url.searchParams.delete('ns');
    go(url.pathname + url.search + url.hash);
  });
  applyCluster(new URL(location.href));
  route();
}

/** Points the connection at the URL's cluster and shows what the server knows about it. */
function applyCluster(url: URL): void {
  if (!clusters) return;
  const cluster = clusterFor(clusters, url);
  if (!cluster) return;
  const connection = document.getElementById('connection') as KedaConnection;
  const label = document.getElementById('cluster-label') as HTMLElement;
  const select = document.getElementById('cluster-select') as HTMLSelectElement;
  select.value = cluster.name;
  label.textContent = cluster.simulated ? 'simulated KEDA cluster' : (cluster.server ?? '');
  const banner = document.getElementById('cluster-banner') as HTMLElement;
  const wanted = url.searchParams.get('cluster');
  const problems: string[] = [];
  if (wanted && wanted !== cluster.name) {
    problems.push(`This demo server does not serve a cluster named "${wanted}"; showing "${cluster.name}".`);
  }
  if (cluster.state && cluster.state !== 'ok') {
    problems.push(
      `Cluster "${cluster.name}" is ${cluster.state === 'unreachable' ? 'unreachable' : 'not usable'}: ${cluster.message ?? 'no details'}. The other clusters keep working: pick one above.`,
    );
  }
  banner.textContent = problems.join(' ');
  banner.hidden = problems.length === 0;
  const base = basePathOf(cluster);
  if (connection.baseUrl !== base) connection.baseUrl = base;
  playground.setCluster(cluster.simulated ? base : undefined);
  setSimClock(cluster.simulated ? base : undefined);
}

/** Page heading, back link, create buttons and current tab for a view. */
function applyChrome(view: PageChrome): void {
  document.title = `${view.title} · KEDA dashboard`;
  const h1 = document.getElementById('page-title') as HTMLElement;
  const lede = document.getElementById('page-lede') as HTMLElement;
  h1.textContent = view.title;
  lede.textContent = view.lede ?? '';
  // Views without a lede have their own header: the page shows a way back instead.
  h1.hidden = view.lede === undefined;
  lede.hidden = view.lede === undefined;
  const back = document.getElementById('back') as HTMLAnchorElement;
  back.hidden = !view.back;
  if (view.back) {
    back.href = siteHref(view.back.href, true);
    back.textContent = view.back.label;
  }
  for (const [id, action] of [
    ['create', view.create],
    ['create-alt', view.createAlt],
  ] as const) {
    const link = document.getElementById(id) as HTMLAnchorElement;
    link.hidden = !action;
    if (action) {
      link.href = siteHref(action.href);
      link.textContent = action.label;
    }
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.tabs a')) {
    if (link.dataset.page === view.tab) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

const notFound = (pathname: string): View => ({
  title: 'Page not found',
  lede: `There is no page at ${pathname}.`,
  mount(connection) {
    const message = document.createElement('p');
    message.className = 'not-found';
    message.append('Go to ');
    message.append(
      Object.assign(document.createElement('a'), { href: '/scaledobjects', textContent: 'ScaledObjects' }),
    );
    message.append('.');
    connection.replaceChildren(message);
  },
});

/** Shows the view for the current URL. */
function route(): void {
  const connection = document.getElementById('connection') as KedaConnection;
  connection.links = (ref) => {
    const href = linkTo(ref);
    return href === undefined ? undefined : siteHref(href);
  };
  const url = new URL(location.href);
  applyCluster(url);
  const [kind, namespace, name] = segmentsOf(url.pathname);
  playground.setFocus(
    kind === 'scaledobjects' && namespace && name ? `ScaledObject ${namespace}/${name}` : undefined,
  );
  const view = resolve(routes, url) ?? notFound(url.pathname);
  applyChrome(view);
  view.mount(connection, url);
  // The tabs carry the namespace choice, also through a cluster-scoped kind's list (which ignores it),
  // so it is still there on the way back.
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.tabs a')) {
    link.href = siteHref(link.dataset.href ?? link.getAttribute('href') ?? '/', true);
  }
  const namespaces = (url.searchParams.get('ns') ?? '').split(',').filter(Boolean);
  // The connection makes its store for a new cluster in its next update.
  const page = kindByPlural(kind);
  const clusterScoped = page && !page.namespaced && !namespace ? `${page.kind}s` : undefined;
  void connection.updateComplete.then(() => namespacePicker?.sync(namespaces, clusterScoped));
}

function go(href: string): void {
  const target = new URL(siteHref(href), location.href);
  if (target.pathname + target.search !== location.pathname + location.search) {
    history.pushState(null, '', target.pathname + target.search + target.hash);
  }
  route();
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
    if (!link || link.origin !== location.origin || link.target || link.hasAttribute('download')) return;
    event.preventDefault();
    go(link.href);
  });
  // Leaving the editor or the wizard: back to the page it was opened from (its back link).
  const leave = () => go((document.getElementById('back') as HTMLAnchorElement).href);
  document.addEventListener('keda-cancel', leave);
  document.addEventListener('keda-saved', leave);
  document.addEventListener('keda-deleted', () => {
    const list = segmentsOf(location.pathname)[0];
    go(kindByPlural(list) ? `/${list}` : '/scaledobjects');
  });
  window.addEventListener('demo-navigate', ((event: CustomEvent<string>) =>
    go(event.detail)) as EventListener);
  window.addEventListener('popstate', route);
  route();
}

/** The namespace picker sets `ns` for lists and the overview; other pages go to the overview. */
function pickNamespace(namespaces: string): void {
  const url = new URL(location.href);
  const [first, ...rest] = segmentsOf(url.pathname);
  if (rest.length > 0 || (first !== undefined && first !== 'overview' && !kindByPlural(first))) {
    url.pathname = '/';
    url.search = '';
    const cluster = new URL(location.href).searchParams.get('cluster');
    if (cluster) url.searchParams.set('cluster', cluster);
  }
  if (namespaces) url.searchParams.set('ns', namespaces);
  else url.searchParams.delete('ns');
  go(url.pathname + url.search);
}

function setUpNamespacePicker(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.tabs a')) {
    link.dataset.href = link.getAttribute('href') ?? '/';
  }
  namespacePicker = new NamespacePicker(
    document.getElementById('namespace-select') as HTMLSelectElement,
    document.getElementById('connection') as KedaConnection,
    pickNamespace,
  );
}

setUpThemeSelect();
setUpNamespacePicker();
setUpNavigation();
void connect();

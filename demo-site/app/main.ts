import 'keda-elements';
import type { KedaConnection } from 'keda-elements';
import { kindByPlural } from './kinds.ts';
import { linkTo } from './links.ts';
import { resolve, segmentsOf, type PageChrome, type View } from './router.ts';
import { routes } from './routes/index.ts';

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

/** Page heading, back link, create button and current tab for a view. */
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
    back.href = view.back.href;
    back.textContent = view.back.label;
  }
  const create = document.getElementById('create') as HTMLAnchorElement;
  create.hidden = !view.create;
  if (view.create) {
    create.href = view.create.href;
    create.textContent = view.create.label;
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
  connection.links = linkTo;
  const url = new URL(location.href);
  const view = resolve(routes, url) ?? notFound(url.pathname);
  applyChrome(view);
  view.mount(connection, url);
}

function go(href: string): void {
  const target = new URL(href, location.href);
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

setUpThemeSelect();
setUpNavigation();
void connect();

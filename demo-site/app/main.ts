import 'keda-elements';
import type { KedaConnection, ScaledObjectList, ScaledObjectListViewState } from 'keda-elements';

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

/** The list's filter, sort and namespaces live in the URL, so views can be shared and go back. */
function syncListWithUrl(): void {
  const list = document.querySelector('keda-scaled-object-list') as ScaledObjectList;
  const fromUrl = () => {
    const params = new URLSearchParams(location.search);
    list.filter = params.get('filter') ?? '';
    list.sort = params.get('sort') ?? 'namespace';
    list.namespaces = (params.get('ns') ?? '').split(',').filter(Boolean);
  };
  fromUrl();
  window.addEventListener('popstate', fromUrl);
  list.addEventListener('keda-list-change', (event: CustomEvent<ScaledObjectListViewState>) => {
    const { filter, sort, namespaces } = event.detail;
    const params = new URLSearchParams(location.search);
    const set = (key: string, value: string, fallback = '') =>
      value && value !== fallback ? params.set(key, value) : params.delete(key);
    const before = params.toString();
    set('filter', filter);
    set('sort', sort, 'namespace');
    set('ns', namespaces.join(','));
    const query = params.toString();
    if (query === before) return;
    const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
    // Typing replaces the entry; choosing a sort or namespaces is a step Back can undo.
    const typing = new URLSearchParams(before).get('filter') !== params.get('filter');
    if (typing) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  });
}

setUpThemeSelect();
syncListWithUrl();
void connect();

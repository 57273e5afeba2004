import 'keda-elements';
import type { KedaConnection } from 'keda-elements';

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

setUpThemeSelect();
void connect();

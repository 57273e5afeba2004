/** What `/api/clusters` says about each cluster the demo server serves. */
export interface ClusterInfo {
  name: string;
  simulated: boolean;
  readOnly?: boolean;
  /** The API server's origin, for real clusters. */
  server?: string;
  /** Whether it answered the server's probe (older servers leave it out). */
  state?: 'ok' | 'unreachable' | 'error';
  version?: string;
  message?: string;
}

export async function loadClusters(): Promise<ClusterInfo[]> {
  const response = await fetch('/api/clusters', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
  return ((await response.json()) as { clusters: ClusterInfo[] }).clusters;
}

/** The cluster the URL names (`?cluster=`), else the first one. */
export function clusterFor(clusters: readonly ClusterInfo[], url: URL): ClusterInfo | undefined {
  const wanted = url.searchParams.get('cluster');
  return clusters.find((c) => c.name === wanted) ?? clusters[0];
}

/** A short status for the picker: `simulated`, `v1.32.1`, `unreachable`, `error`. */
export function statusWord(cluster: ClusterInfo): string {
  if (cluster.state === 'unreachable') return 'unreachable';
  if (cluster.state === 'error') return 'error';
  if (cluster.simulated) return 'simulated';
  return cluster.version ?? 'connected';
}

export const basePathOf = (cluster: ClusterInfo): string => `/clusters/${encodeURIComponent(cluster.name)}`;

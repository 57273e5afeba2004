import type { ListOptions, WatchOptions, WriteOptions } from './kube-client.js';

/** Query string for a list, watch or write request; undefined values are left out. */
export function queryString(params: ListOptions & WatchOptions & WriteOptions & { watch?: boolean }): string {
  const q = new URLSearchParams();
  if (params.watch) q.set('watch', 'true');
  if (params.resourceVersion !== undefined) q.set('resourceVersion', params.resourceVersion);
  if (params.labelSelector) q.set('labelSelector', params.labelSelector);
  if (params.fieldSelector) q.set('fieldSelector', params.fieldSelector);
  if (params.limit !== undefined) q.set('limit', String(params.limit));
  if (params.continue) q.set('continue', params.continue);
  if (params.allowWatchBookmarks) q.set('allowWatchBookmarks', 'true');
  if (params.timeoutSeconds !== undefined) q.set('timeoutSeconds', String(params.timeoutSeconds));
  if (params.dryRun) q.set('dryRun', 'All');
  if (params.fieldManager) q.set('fieldManager', params.fieldManager);
  const text = q.toString();
  return text ? `?${text}` : '';
}

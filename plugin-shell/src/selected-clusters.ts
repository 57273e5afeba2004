/**
 * The clusters selected in Headlamp, and one KedaStore per cluster for the lists that span them.
 *
 * Headlamp selects several clusters in the URL (`/c/<a>+<b>/…`); `K8s.useSelectedClusters()`
 * (Headlamp 0.26 and later) returns them, also when a cluster chooser sets them through its
 * context. Older Headlamps have only `useCluster()`: one cluster. The choice is made once per
 * Headlamp (the hook called never changes between renders).
 */
import { K8s } from '@kinvolk/headlamp-plugin/lib';
import type { LinkResolver } from 'keda-elements/context/contexts';
import { KedaStore } from 'keda-elements/data/keda-store';
import type { ListCluster } from 'keda-elements/elements/shared/list-view';
import React from 'react';
import { HeadlampKubeClient } from './headlamp-kube-client';

interface ClusterHooks {
  useCluster(): string | null;
  useSelectedClusters?: unknown;
}

/** The hook for the selected clusters that this Headlamp's lib supports. */
export function selectedClustersHook(k8s: ClusterHooks): () => string[] {
  if (typeof k8s.useSelectedClusters === 'function') {
    const useSelected = k8s.useSelectedClusters as () => string[];
    return () => {
      const selected = useSelected();
      return React.useMemo(() => [...new Set(selected.filter(Boolean))], [selected.join('+')]);
    };
  }
  return () => {
    const cluster = k8s.useCluster();
    return React.useMemo(() => (cluster ? [cluster] : []), [cluster]);
  };
}

/** The clusters selected in Headlamp (one on older Headlamps; none outside a cluster). */
export const useSelectedKedaClusters = selectedClustersHook(K8s as unknown as ClusterHooks);

/**
 * One KedaStore per cluster (its client through Headlamp's proxy for that cluster), kept while the
 * cluster stays selected and disposed when it goes or the page unmounts. With `links`, each
 * cluster's rows link to that cluster's pages.
 */
export function useClusterStores(
  clusters: readonly string[],
  links: (cluster: string) => LinkResolver,
  makeStore: (cluster: string) => KedaStore = cluster =>
    new KedaStore(new HeadlampKubeClient({ cluster }))
): ListCluster[] {
  const stores = React.useRef(new Map<string, KedaStore>());
  const key = clusters.join('+');
  const list = React.useMemo(() => {
    const next = new Map<string, KedaStore>();
    for (const name of clusters) {
      next.set(name, stores.current.get(name) ?? makeStore(name));
    }
    return {
      next,
      entries: clusters.map(name => ({ name, store: next.get(name)!, links: links(name) })),
    };
    // One list per selection; `links` and `makeStore` are fixed per page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  React.useEffect(() => {
    const previous = stores.current;
    for (const [name, store] of previous) {
      if (list.next.get(name) !== store) store.dispose();
    }
    stores.current = list.next;
  }, [list]);
  React.useEffect(
    () => () => {
      for (const store of stores.current.values()) store.dispose();
      stores.current = new Map();
    },
    []
  );
  return list.entries;
}

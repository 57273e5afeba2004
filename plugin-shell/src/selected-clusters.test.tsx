// Several clusters selected in Headlamp (/c/<a>+<b>/…): the registered list route, from Headlamp's
// REAL registry, gives the list one store per cluster, each through Headlamp's proxy for its
// cluster; older Headlamps (no useSelectedClusters) get one cluster.
import './index';
import { setStore } from '@kinvolk/headlamp-plugin/lib/lib/router/createRouteURL';
import store from '@kinvolk/headlamp-plugin/lib/redux/stores/store';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, renderHook, waitFor } from '@testing-library/react';
import type { KedaStore } from 'keda-elements/data/keda-store';
import type { ScaledObjectList } from 'keda-elements/elements/keda-scaled-object-list/keda-scaled-object-list';
import React from 'react';
import { Provider } from 'react-redux';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HeadlampKubeClient } from './headlamp-kube-client';
import { selectedClustersHook, useClusterStores } from './selected-clusters';
import { FakeWebSocket, jsonResponse, mockFetch, statusResponse } from './test/fakes';
import { scaledObjectList } from './test/fixtures';
import { kedaDiscovery, registeredRoute, restoreGlobals, tableRows, theme } from './test/harness';

// Headlamp's createRouteURL reads the registered routes from the store it was given.
beforeAll(() => setStore(store));
afterEach(async () => {
  cleanup();
  // Headlamp opens watch sockets asynchronously: let the stopped ones appear (and be closed)
  // while the fake WebSocket is still installed.
  await new Promise(resolve => setTimeout(resolve, 100));
  restoreGlobals();
});

const CLUSTERS = ['kind', 'prod'];
/** prod has one ScaledObject of its own. */
const prodList = {
  ...scaledObjectList,
  items: [
    {
      ...scaledObjectList.items[0],
      metadata: { ...scaledObjectList.items[0].metadata, name: 'prod-only', uid: 'uid-prod' },
    },
  ],
};

function fakeClusters() {
  FakeWebSocket.install();
  FakeWebSocket.autoAccept = true;
  return mockFetch(request => {
    const path = request.url.pathname;
    if (path === '/clusters/kind/apis/keda.sh/v1alpha1/scaledobjects') {
      return jsonResponse(scaledObjectList);
    }
    if (path === '/clusters/prod/apis/keda.sh/v1alpha1/scaledobjects') {
      return jsonResponse(prodList);
    }
    if (/^\/clusters\/(kind|prod)\/apis\/keda.sh\/v1alpha1$/.test(path)) {
      return jsonResponse(kedaDiscovery);
    }
    return statusResponse(404, 'Not Found', 'NotFound', `no ${path}`);
  });
}

function renderAt(url: string) {
  window.history.replaceState({}, '', url);
  const Page = registeredRoute('/keda/scaledobjects').component as React.ComponentType;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <Provider store={store}>
      <ThemeProvider theme={theme}>
        <QueryClientProvider client={queryClient}>
          <MemoryRouter initialEntries={[url]}>
            <Page />
          </MemoryRouter>
        </QueryClientProvider>
      </ThemeProvider>
    </Provider>
  );
}

describe('lists across the clusters selected in Headlamp', () => {
  it('gives the list one store per selected cluster, each through its own proxy', async () => {
    const requests = fakeClusters();
    const { container } = renderAt(`/c/${CLUSTERS.join('+')}/keda/scaledobjects`);
    await waitFor(() => expect(container.querySelector('keda-scaled-object-list')).not.toBeNull(), {
      timeout: 10000,
    });
    const list = container.querySelector('keda-scaled-object-list') as ScaledObjectList;
    expect(list.clusters.map(c => c.name)).toEqual(CLUSTERS);
    expect(list.clusters.map(c => (c.store.client as HeadlampKubeClient).cluster)).toEqual(
      CLUSTERS
    );
    // No single-cluster connection around it (it would watch the first cluster twice).
    expect(list.closest('keda-connection')).toBeNull();

    const expected = scaledObjectList.items.length + 1;
    await waitFor(() => expect(tableRows(list)).toHaveLength(expected), { timeout: 10000 });
    const header = list.shadowRoot?.querySelector('[role="row"].header')?.textContent ?? '';
    expect(header).toContain('CLUSTER');
    for (const cluster of CLUSTERS) {
      expect(
        requests.some(
          r => r.url.pathname === `/clusters/${cluster}/apis/keda.sh/v1alpha1/scaledobjects`
        )
      ).toBe(true);
    }
    // Each row links to its own cluster's details route.
    const prodRow = tableRows(list).find(row => row.textContent?.includes('prod-only'));
    expect(prodRow?.querySelector('a')?.getAttribute('href')).toBe(
      '/c/prod/keda/scaledobjects/shop/prod-only'
    );
    const kindRow = tableRows(list).find(row =>
      row.textContent?.includes(scaledObjectList.items[0].metadata.name)
    );
    expect(kindRow?.querySelector('a')?.getAttribute('href')).toBe(
      `/c/kind/keda/scaledobjects/shop/${scaledObjectList.items[0].metadata.name}`
    );
  });

  it('shows the other clusters when the first one has no KEDA', async () => {
    fakeClusters();
    const { container } = renderAt('/c/nokeda+prod/keda/scaledobjects');
    await waitFor(() => expect(container.querySelector('keda-scaled-object-list')).not.toBeNull(), {
      timeout: 10000,
    });
    const list = container.querySelector('keda-scaled-object-list') as ScaledObjectList;
    expect(container.textContent).not.toContain('KEDA is not installed');
    await waitFor(() => expect(tableRows(list)).toHaveLength(1), { timeout: 10000 });
    expect(tableRows(list)[0].textContent).toContain('prod-only');
    // The missing cluster is reported, with the API server's 404 message.
    await waitFor(() =>
      expect(list.shadowRoot?.textContent).toContain(
        'no /clusters/nokeda/apis/keda.sh/v1alpha1/scaledobjects'
      )
    );
  });

  it('keeps one cluster in a connection, without a cluster column', async () => {
    fakeClusters();
    const { container } = renderAt('/c/kind/keda/scaledobjects');
    await waitFor(() => expect(container.querySelector('keda-scaled-object-list')).not.toBeNull(), {
      timeout: 10000,
    });
    const list = container.querySelector('keda-scaled-object-list') as ScaledObjectList;
    expect(list.clusters).toEqual([]);
    expect(list.closest('keda-connection')).not.toBeNull();
    await waitFor(() => expect(tableRows(list)).toHaveLength(scaledObjectList.items.length), {
      timeout: 10000,
    });
    expect(list.shadowRoot?.querySelector('[role="row"].header')?.textContent).not.toContain(
      'CLUSTER'
    );
  });
});

describe('selectedClustersHook', () => {
  it("uses Headlamp's useSelectedClusters where it exists (duplicates and blanks dropped)", () => {
    const useSelectedClusters = vi.fn(() => ['a', 'b', 'a', '']);
    const hook = selectedClustersHook({ useCluster: () => 'a', useSelectedClusters });
    const { result } = renderHook(hook);
    expect(result.current).toEqual(['a', 'b']);
    expect(useSelectedClusters).toHaveBeenCalled();
  });

  it.each([
    ['kind', ['kind']],
    [null, []],
  ])('falls back to the one current cluster on older Headlamps (%s)', (cluster, expected) => {
    const { result } = renderHook(selectedClustersHook({ useCluster: () => cluster }));
    expect(result.current).toEqual(expected);
  });
});

describe('useClusterStores', () => {
  it('keeps the stores of clusters that stay selected and disposes the others', () => {
    const made: Array<{ name: string; store: KedaStore }> = [];
    const makeStore = (name: string) => {
      const fake = { dispose: vi.fn() } as unknown as KedaStore;
      made.push({ name, store: fake });
      return fake;
    };
    const links = (cluster: string) => () => `/c/${cluster}/x`;
    const { result, rerender, unmount } = renderHook(
      ({ clusters }) => useClusterStores(clusters, links, makeStore),
      { initialProps: { clusters: ['a', 'b'] } }
    );
    expect(result.current.map(c => c.name)).toEqual(['a', 'b']);
    expect(result.current[1].links?.({ kind: 'X', name: 'n' })).toBe('/c/b/x');
    const [a, b] = made;
    rerender({ clusters: ['a', 'c'] });
    expect(result.current[0].store).toBe(a.store);
    expect(made.map(m => m.name)).toEqual(['a', 'b', 'c']);
    expect(b.store.dispose).toHaveBeenCalledTimes(1);
    expect(a.store.dispose).not.toHaveBeenCalled();
    unmount();
    expect(a.store.dispose).toHaveBeenCalledTimes(1);
    expect(made[2].store.dispose).toHaveBeenCalledTimes(1);
  });
});

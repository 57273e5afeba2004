// The "Scaled by KEDA" section and the KEDA column, taken from Headlamp's REAL registry (Redux
// store) and rendered for Headlamp's own resource classes, with only fetch/WebSocket faked.
import './index';
import { K8s } from '@kinvolk/headlamp-plugin/lib';
import { setStore } from '@kinvolk/headlamp-plugin/lib/lib/router/createRouteURL';
import store from '@kinvolk/headlamp-plugin/lib/redux/stores/store';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, waitFor } from '@testing-library/react';
import React from 'react';
import { Provider } from 'react-redux';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeWebSocket, jsonResponse, mockFetch, statusResponse } from './test/fakes';
import { CLUSTER, restoreGlobals, theme } from './test/harness';

beforeAll(() => setStore(store));
afterEach(() => {
  cleanup();
  restoreGlobals();
});

const API = `/clusters/${CLUSTER}`;
const KEDA = `${API}/apis/keda.sh/v1alpha1`;
const list = (kind: string, items: unknown[]) => ({
  kind: `${kind}List`,
  apiVersion: 'keda.sh/v1alpha1',
  metadata: { resourceVersion: '1' },
  items,
});
const scaledObject = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  metadata: { name: 'web-so', namespace: 'shop', uid: 'so' },
  spec: { scaleTargetRef: { name: 'web' }, minReplicaCount: 1, maxReplicaCount: 8, triggers: [] },
  status: {
    conditions: [
      { type: 'Ready', status: 'True', reason: 'ScaledObjectReady' },
      { type: 'Active', status: 'True', reason: 'ScalerActive' },
    ],
  },
};
const deployment = (name: string) =>
  new K8s.ResourceClasses.Deployment({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace: 'shop',
      uid: `d-${name}`,
      creationTimestamp: '2026-01-01T00:00:00Z',
    },
    spec: { replicas: 3 },
    status: { replicas: 3, readyReplicas: 2 },
  } as never);

function fakeKeda() {
  FakeWebSocket.install();
  FakeWebSocket.autoAccept = true;
  return mockFetch(request => {
    if (request.url.pathname === `${KEDA}/namespaces/shop/scaledobjects`) {
      return jsonResponse(list('ScaledObject', [scaledObject]));
    }
    if (request.url.pathname === `${KEDA}/namespaces/shop/scaledjobs`) {
      return jsonResponse(list('ScaledJob', []));
    }
    return statusResponse(404, 'Not Found', 'NotFound', `no ${request.url.pathname}`);
  });
}

function withProviders(node: React.ReactNode) {
  const url = `/c/${CLUSTER}/deployments/shop/web`;
  window.history.replaceState({}, '', url);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return (
    <Provider store={store}>
      <ThemeProvider theme={theme}>
        <QueryClientProvider client={queryClient}>
          <MemoryRouter initialEntries={[url]}>{node}</MemoryRouter>
        </QueryClientProvider>
      </ThemeProvider>
    </Provider>
  );
}

type Section = (props: { resource: unknown }) => React.ReactNode;

/** Our section, as registerDetailsViewSection put it in Headlamp's store. */
function registeredSection(): Section {
  const entries = store.getState().detailsViewSection.detailsViewSections as Array<{
    section?: unknown;
  }>;
  const functions = entries.map(entry => entry.section).filter(s => typeof s === 'function');
  expect(functions.length).toBeGreaterThan(0);
  return functions[functions.length - 1] as Section;
}

describe('the Scaled by KEDA details section', () => {
  it('is registered, and shows on a KEDA-managed Deployment page only', async () => {
    const Section = registeredSection();
    const requests = fakeKeda();
    const { getByTestId } = render(
      withProviders(
        <>
          <div data-testid="managed">
            <Section resource={deployment('web')} />
          </div>
          <div data-testid="unrelated">
            <Section resource={deployment('api')} />
          </div>
        </>
      )
    );
    const managed = getByTestId('managed');
    await waitFor(() => expect(managed.textContent).toContain('Scaled by KEDA'), {
      timeout: 10000,
    });
    expect(managed.textContent).toContain('Active (ScalerActive)');
    expect(managed.textContent).toContain('2 ready of 3');
    expect(managed.textContent).toContain('1 – 8');
    expect(managed.querySelector('a')?.getAttribute('href')).toBe(
      `/c/${CLUSTER}/keda/scaledobjects/shop/web-so`
    );
    // Same namespace, same (loaded) ScaledObjects: nothing for the Deployment KEDA doesn't scale.
    expect(getByTestId('unrelated').textContent).toBe('');
    expect(requests.some(r => r.url.pathname === `${KEDA}/namespaces/shop/scaledobjects`)).toBe(
      true
    );
  });

  it('renders nothing (and asks nothing) on the page of a kind KEDA does not manage', () => {
    const Section = registeredSection();
    const requests = fakeKeda();
    const pod = new K8s.ResourceClasses.Pod({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-1', namespace: 'shop', uid: 'p' },
    } as never);
    const { container } = render(withProviders(<Section resource={pod} />));
    expect(container.textContent).toBe('');
    expect(requests).toHaveLength(0);
  });
});

describe('the KEDA table column', () => {
  type Processor = { id: string; processor: (a: { id: string; columns: unknown[] }) => unknown[] };
  const processor = () => {
    const processors = store.getState().resourceTable.tableColumnsProcessors as Processor[];
    const found = processors.find(p => p.id === 'keda-column');
    expect(found).toBeDefined();
    return found!.processor;
  };

  it('is added to the Deployment and StatefulSet tables once, and nowhere else', () => {
    const run = processor();
    const base = ['name', 'namespace', { id: 'pods', label: 'Pods' }];
    for (const id of ['headlamp-deployments', 'headlamp-statefulsets']) {
      const columns = run({ id, columns: base }) as Array<{ id?: string; label?: string }>;
      expect(columns).toHaveLength(4);
      expect(columns[3]).toMatchObject({ id: 'keda', label: 'KEDA' });
      expect(run({ id, columns })).toHaveLength(4);
    }
    expect(run({ id: 'headlamp-pods', columns: base })).toEqual(base);
  });

  it("renders the managing ScaledObject's link in a Deployment's row", async () => {
    const columns = processor()({ id: 'headlamp-deployments', columns: [] }) as Array<{
      render: (item: unknown) => React.ReactNode;
    }>;
    fakeKeda();
    const { container } = render(
      withProviders(
        <>
          <span data-testid="web">{columns[0].render(deployment('web'))}</span>
          <span data-testid="api">{columns[0].render(deployment('api'))}</span>
        </>
      )
    );
    await waitFor(() => expect(container.querySelector('[data-testid="web"] a')).not.toBeNull(), {
      timeout: 10000,
    });
    expect(container.querySelector('[data-testid="web"] a')?.getAttribute('href')).toBe(
      `/c/${CLUSTER}/keda/scaledobjects/shop/web-so`
    );
    expect(container.querySelector('[data-testid="api"]')?.textContent).toBe('');
  });
});

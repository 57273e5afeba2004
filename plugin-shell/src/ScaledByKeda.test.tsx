// The "Scaled by KEDA" section and the KEDA column, taken from Headlamp's REAL registry (Redux
// store) and rendered for Headlamp's own resource classes, with only fetch/WebSocket faked.
import './index';
import { K8s } from '@kinvolk/headlamp-plugin/lib';
import { setStore } from '@kinvolk/headlamp-plugin/lib/lib/router/createRouteURL';
import store from '@kinvolk/headlamp-plugin/lib/redux/stores/store';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import type { MetricChart } from 'keda-elements/elements/keda-metric-chart/keda-metric-chart';
import type { ReplicaChart } from 'keda-elements/elements/keda-replica-chart/keda-replica-chart';
import React from 'react';
import { Provider } from 'react-redux';
import { MemoryRouter } from 'react-router-dom';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { settingsStore } from './settings';
import { FakeWebSocket, jsonResponse, mockFetch, statusResponse } from './test/fakes';
import { CLUSTER, restoreGlobals, theme } from './test/harness';

beforeAll(() => {
  setStore(store);
  // jsdom lays nothing out: give the charts' plots a size, as the page would (ECharts warns at 0).
  for (const [key, value] of [
    ['clientWidth', 480],
    ['clientHeight', 150],
  ] as const) {
    Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => value });
  }
});
afterAll(() => {
  delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
});
beforeEach(() => settingsStore.set({}));
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

const hpa = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'keda-hpa-web-so', namespace: 'shop', uid: 'hpa', resourceVersion: '5' },
  spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 8 },
  status: { currentReplicas: 3, desiredReplicas: 4 },
};
const scaledJob = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledJob',
  metadata: { name: 'batch', namespace: 'shop', uid: 'sj' },
  spec: { jobTargetRef: { template: {} }, maxReplicaCount: 7, triggers: [] },
  status: { conditions: [{ type: 'Ready', status: 'True', reason: 'ScaledJobReady' }] },
};
const job = (name: string, finished: boolean) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: {
    name,
    namespace: 'shop',
    uid: `job-${name}`,
    labels: { 'scaledjob.keda.sh/name': 'batch' },
    creationTimestamp: '2026-01-01T00:00:00Z',
  },
  spec: {},
  status: finished
    ? { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] }
    : { active: 1 },
});
const deploymentJson = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', uid: 'd-web', resourceVersion: '7' },
  spec: { replicas: 3 },
  status: { replicas: 3, readyReplicas: 2 },
};
const PROMETHEUS = '/api/v1/namespaces/monitoring/services/prometheus:9090/proxy';

/** The cluster of these tests (lists by namespace; watches accepted and kept open). */
function fakeKeda(prometheus?: (query: string) => unknown) {
  FakeWebSocket.install();
  FakeWebSocket.autoAccept = true;
  return mockFetch(request => {
    const path = request.url.pathname;
    if (path === `${KEDA}/namespaces/shop/scaledobjects`) {
      return jsonResponse(list('ScaledObject', [scaledObject]));
    }
    if (path === `${KEDA}/namespaces/shop/scaledjobs`) {
      return jsonResponse(list('ScaledJob', [scaledJob]));
    }
    if (path === `${API}/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers`) {
      return jsonResponse({
        ...list('HorizontalPodAutoscaler', [hpa]),
        apiVersion: 'autoscaling/v2',
      });
    }
    if (path === `${API}/apis/apps/v1/namespaces/shop/deployments`) {
      return jsonResponse({ ...list('Deployment', [deploymentJson]), apiVersion: 'apps/v1' });
    }
    if (path === `${API}/apis/batch/v1/namespaces/shop/jobs`) {
      return jsonResponse({
        ...list('Job', [job('batch-1', false), job('batch-2', false), job('batch-0', true)]),
        apiVersion: 'batch/v1',
      });
    }
    if (prometheus && path === `${API}${PROMETHEUS}/api/v1/query_range`) {
      return jsonResponse(prometheus(request.url.searchParams.get('query') ?? ''));
    }
    return statusResponse(404, 'Not Found', 'NotFound', `no ${path}`);
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

  const matrix = (values: [number, string][]) => ({
    status: 'success',
    data: { resultType: 'matrix', result: values.length ? [{ metric: {}, values }] : [] },
  });

  it('draws the replicas of the managing ScaledObject: sampled, themed, with a text alternative', async () => {
    settingsStore.set({ pollFloorSeconds: 30, historyMinutes: 90 });
    const Section = registeredSection();
    fakeKeda();
    const { container } = render(withProviders(<Section resource={deployment('web')} />));
    const chart = () => container.querySelector('keda-replica-chart') as ReplicaChart | null;
    await waitFor(() => expect(chart()?.current.length).toBeGreaterThan(0), { timeout: 10000 });
    const element = chart()!;
    // The Deployment's own counts (status.replicas), the HPA's desired, KEDA's min/max band.
    expect(element.current.at(-1)?.[1]).toBe(3);
    expect(element.desired.at(-1)?.[1]).toBe(4);
    expect([element.min, element.max]).toEqual([1, 8]);
    await waitFor(() =>
      expect(
        element.shadowRoot?.querySelector('[role="img"]')?.getAttribute('aria-label')
      ).toContain('Replicas: 3 current, 4 desired, limits 1 to 8')
    );
    const box = element.closest('.keda-mini-chart') as HTMLElement;
    expect(box.getAttribute('aria-label')).toBe('Replicas of ScaledObject web-so');
    expect(box.getAttribute('style')).toContain(`--keda-bg: ${theme.palette.background.paper}`);
    expect(box.getAttribute('style')).toContain('--keda-chart-height: 180px');
    expect(container.textContent).toContain('the external metrics API at most every 30 s');
    expect(container.textContent).toContain('Keeps 90 min.');
  });

  it('takes settings changes without a reload: polling floor, history length, Prometheus', async () => {
    const Section = registeredSection();
    const queries: string[] = [];
    const past = Math.floor(Date.now() / 1000) - 600;
    fakeKeda(query => {
      queries.push(query);
      return query.startsWith('kube_horizontalpodautoscaler_status_current_replicas')
        ? matrix([[past, '1']])
        : matrix([]);
    });
    const { container } = render(withProviders(<Section resource={deployment('web')} />));
    const chart = () => container.querySelector('keda-replica-chart') as ReplicaChart | null;
    await waitFor(() => expect(chart()?.current.length).toBeGreaterThan(0), { timeout: 10000 });
    expect(container.textContent).toContain('at most every 15 s. Keeps 60 min.');
    expect(queries).toHaveLength(0);

    act(() => settingsStore.update({ prometheusAddress: PROMETHEUS, pollFloorSeconds: 60 }));

    await waitFor(
      () => expect(container.textContent).toContain('Earlier history from Prometheus.'),
      {
        timeout: 10000,
      }
    );
    expect(container.textContent).toContain('at most every 60 s. Keeps 60 min.');
    expect(queries).toContain(
      'kube_horizontalpodautoscaler_status_current_replicas{namespace="shop",horizontalpodautoscaler="keda-hpa-web-so"}'
    );
    // Prometheus' replica count from 10 minutes ago opens the chart, before the recorded samples.
    await waitFor(() => expect(chart()?.current[0]).toEqual([past * 1000, 1]));
    expect(chart()?.range?.[0]).toBe(past * 1000);

    act(() => settingsStore.update({ historyMinutes: 5 }));
    await waitFor(() => expect(container.textContent).toContain('Keeps 5 min.'));
    // The window shows no more than the history length.
    await waitFor(() => {
      const range = chart()?.range;
      expect(range && range[1] - range[0]).toBe(5 * 60_000);
    });
  });

  it('says why Prometheus history is missing when the query fails', async () => {
    settingsStore.set({
      prometheusAddress: '/api/v1/namespaces/monitoring/services/nope:9090/proxy',
    });
    const Section = registeredSection();
    fakeKeda(() => matrix([]));
    const { container } = render(withProviders(<Section resource={deployment('web')} />));
    await waitFor(() => expect(container.textContent).toContain('Prometheus history failed: '), {
      timeout: 10000,
    });
    expect(container.textContent).toContain(
      '/api/v1/namespaces/monitoring/services/nope:9090/proxy'
    );
  });

  it("charts a ScaledJob's running Jobs on the page of one of its Jobs", async () => {
    const Section = registeredSection();
    fakeKeda();
    const resource = new K8s.ResourceClasses.Job(job('batch-1', false) as never);
    const { container } = render(withProviders(<Section resource={resource} />));
    const chart = () => container.querySelector('keda-metric-chart') as MetricChart | null;
    await waitFor(() => expect(chart()?.series[0]?.points.at(-1)?.[1]).toBe(2), {
      timeout: 10000,
    });
    expect(container.textContent).toContain('ScaledJob batch');
    expect(container.textContent).toContain('1 active, 0 succeeded');
    expect(container.textContent).toContain('At most 7 at once');
    await waitFor(() =>
      expect(
        chart()?.shadowRoot?.querySelector('[role="img"]')?.getAttribute('aria-label')
      ).toContain('Running jobs: 2')
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

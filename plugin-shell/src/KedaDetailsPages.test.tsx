// The details routes against Headlamp's REAL registry, router and Redux store, with only fetch and
// WebSocket faked at the network boundary (as in index.test.tsx).
import './index';
import { Router } from '@kinvolk/headlamp-plugin/lib';
import { setStore } from '@kinvolk/headlamp-plugin/lib/lib/router/createRouteURL';
import store from '@kinvolk/headlamp-plugin/lib/redux/stores/store';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { createHashHistory, createMemoryHistory, type History } from 'history';
import type { KedaStore } from 'keda-elements/data/keda-store';
import { MetricsSampler } from 'keda-elements/data/metrics-sampler';
import React from 'react';
import { Provider } from 'react-redux';
import { Route, Router as ReactRouter } from 'react-router-dom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { headlampLink } from './KedaDetailsPages';
import { settingsStore } from './settings';
import { SETTINGS_CONNECTION_TAG, type SettingsConnectionElement } from './settings-connection';
import { FakeWebSocket, jsonResponse, mockFetch, statusResponse } from './test/fakes';
import { CLUSTER, registeredRoute, restoreGlobals, theme } from './test/harness';

// Headlamp's app hands its store to the router at start-up; route names resolve through it.
beforeAll(() => setStore(store));

afterEach(async () => {
  cleanup();
  // Headlamp opens watch sockets asynchronously: let the stopped ones appear (and be closed)
  // while the fake WebSocket is still installed.
  await new Promise(resolve => setTimeout(resolve, 100));
  restoreGlobals();
  settingsStore.set({});
});

const SECRET_VALUE = 'amqp://orders:pl41n-s3cret@rabbitmq:5672';
const created = new Date(Date.now() - 3600_000).toISOString();

const list = (kind: string, apiVersion: string, items: unknown[]) => ({
  kind: `${kind}List`,
  apiVersion,
  metadata: { resourceVersion: '10' },
  items,
});

const scaledJob = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledJob',
  metadata: {
    name: 'order-exporter',
    namespace: 'orders',
    uid: 'sj',
    resourceVersion: '5',
    generation: 1,
    creationTimestamp: created,
  },
  spec: {
    jobTargetRef: {
      template: { spec: { containers: [{ name: 'exporter', image: 'exporter:1.4.0' }] } },
    },
    triggers: [
      {
        type: 'rabbitmq',
        metadata: { queueName: 'exports', mode: 'QueueLength', value: '10' },
        authenticationRef: { name: 'orders-rabbitmq' },
      },
    ],
  },
  status: {
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        reason: 'ScaledJobReady',
        message: 'ScaledJob is defined correctly and is ready for scaling',
      },
    ],
  },
};

const job = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: {
    name: 'order-exporter-abc12',
    namespace: 'orders',
    uid: 'job',
    creationTimestamp: created,
    labels: { 'scaledjob.keda.sh/name': 'order-exporter' },
  },
  spec: { completions: 1 },
  status: { startTime: created, active: 1 },
};

const scaledObject = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  metadata: {
    name: 'orders-processor',
    namespace: 'orders',
    uid: 'so',
    resourceVersion: '8',
    generation: 1,
    creationTimestamp: created,
  },
  spec: {
    scaleTargetRef: { name: 'orders-processor' },
    minReplicaCount: 1,
    maxReplicaCount: 10,
    triggers: [
      {
        type: 'rabbitmq',
        metadata: { queueName: 'orders', mode: 'QueueLength', value: '20' },
        authenticationRef: { name: 'orders-rabbitmq' },
      },
    ],
  },
  status: {
    scaleTargetKind: 'apps/v1.Deployment',
    hpaName: 'keda-hpa-orders-processor',
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        reason: 'ScaledObjectReady',
        message: 'ScaledObject is defined correctly and is ready for scaling',
      },
    ],
  },
};

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'orders-processor',
    namespace: 'orders',
    uid: 'dep',
    creationTimestamp: created,
  },
  spec: { replicas: 3 },
  status: { replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3 },
};

const hpa = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: {
    name: 'keda-hpa-orders-processor',
    namespace: 'orders',
    uid: 'hpa',
    creationTimestamp: created,
    labels: { 'scaledobject.keda.sh/name': 'orders-processor' },
    ownerReferences: [
      { apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', name: 'orders-processor', uid: 'so' },
    ],
  },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'orders-processor' },
    minReplicas: 1,
    maxReplicas: 10,
  },
  status: { currentReplicas: 3, desiredReplicas: 3 },
};

const triggerAuth = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'TriggerAuthentication',
  metadata: {
    name: 'orders-rabbitmq',
    namespace: 'orders',
    uid: 'ta',
    resourceVersion: '6',
    creationTimestamp: created,
  },
  spec: { secretTargetRef: [{ parameter: 'host', name: 'rabbit-creds', key: 'host' }] },
};

const clusterTriggerAuth = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ClusterTriggerAuthentication',
  metadata: {
    name: 'prometheus-bearer',
    uid: 'cta',
    resourceVersion: '7',
    creationTimestamp: created,
  },
  spec: { secretTargetRef: [{ parameter: 'bearerToken', name: 'prometheus-token', key: 'token' }] },
};

const secret = (namespace: string, name: string, key: string) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  type: 'Opaque',
  metadata: { name, namespace, uid: `s-${name}` },
  data: { [key]: btoa(SECRET_VALUE) },
});

const API = `/clusters/${CLUSTER}`;
const KEDA = `${API}/apis/keda.sh/v1alpha1`;

function fakeKedaCluster() {
  FakeWebSocket.install();
  FakeWebSocket.autoAccept = true;
  const answers: Record<string, unknown> = {
    [`${KEDA}/namespaces/orders/scaledjobs`]: list('ScaledJob', 'keda.sh/v1alpha1', [scaledJob]),
    [`${KEDA}/scaledjobs`]: list('ScaledJob', 'keda.sh/v1alpha1', [scaledJob]),
    [`${API}/apis/batch/v1/namespaces/orders/jobs`]: list('Job', 'batch/v1', [job]),
    [`${KEDA}/namespaces/orders/triggerauthentications`]: list(
      'TriggerAuthentication',
      'keda.sh/v1alpha1',
      [triggerAuth]
    ),
    [`${KEDA}/clustertriggerauthentications`]: list(
      'ClusterTriggerAuthentication',
      'keda.sh/v1alpha1',
      [clusterTriggerAuth]
    ),
    [`${KEDA}/namespaces/orders/scaledobjects`]: list('ScaledObject', 'keda.sh/v1alpha1', [
      scaledObject,
    ]),
    [`${KEDA}/scaledobjects`]: list('ScaledObject', 'keda.sh/v1alpha1', [scaledObject]),
    [`${API}/apis/apps/v1/namespaces/orders/deployments`]: list('Deployment', 'apps/v1', [
      deployment,
    ]),
    [`${API}/apis/autoscaling/v2/namespaces/orders/horizontalpodautoscalers`]: list(
      'HorizontalPodAutoscaler',
      'autoscaling/v2',
      [hpa]
    ),
    [`${API}/api/v1/namespaces/orders/secrets`]: list('Secret', 'v1', [
      secret('orders', 'rabbit-creds', 'host'),
    ]),
    [`${API}/api/v1/namespaces/keda/secrets`]: list('Secret', 'v1', [
      secret('keda', 'prometheus-token', 'token'),
    ]),
  };
  return mockFetch(request => {
    const answer = answers[request.url.pathname];
    return answer
      ? jsonResponse(answer)
      : statusResponse(
          404,
          'Not Found',
          'NotFound',
          `the server could not find ${request.url.pathname}`
        );
  });
}

/** Renders the details route at `url` under `/c/<cluster>`, in a Router over `history`. */
function renderDetails(routePath: string, url: string, history: History = createMemoryHistory()) {
  const route = registeredRoute(routePath);
  const Page = route.component as React.ComponentType;
  const full = `/c/${CLUSTER}${url}`;
  window.history.replaceState({}, '', full);
  history.replace(full);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <Provider store={store}>
      <ThemeProvider theme={theme}>
        <QueryClientProvider client={queryClient}>
          <ReactRouter history={history}>
            <Route path={`/c/:cluster${routePath}`}>
              <Page />
            </Route>
          </ReactRouter>
        </QueryClientProvider>
      </ThemeProvider>
    </Provider>
  );
  return { ...view, history };
}

const shadowText = (el: Element | null) => el?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
const shadowLinks = (el: Element | null) =>
  [...(el?.shadowRoot?.querySelectorAll('a') ?? [])].map(a => [
    a.textContent?.trim(),
    a.getAttribute('href'),
  ]);

describe('details routes', () => {
  it('are registered by kind, so Headlamp links to them by name', () => {
    expect(registeredRoute('/keda/scaledjobs/:namespace/:name')).toMatchObject({
      name: 'ScaledJob',
      exact: true,
      sidebar: 'keda-scaledjobs',
    });
    expect(registeredRoute('/keda/triggerauthentications/:namespace/:name')).toMatchObject({
      name: 'TriggerAuthentication',
    });
    expect(registeredRoute('/keda/clustertriggerauthentications/:name')).toMatchObject({
      name: 'ClusterTriggerAuthentication',
    });
    expect(
      Router.createRouteURL('ScaledJob', { cluster: CLUSTER, namespace: 'orders', name: 'x' })
    ).toBe(`/c/${CLUSTER}/keda/scaledjobs/orders/x`);
    expect(headlampLink({ kind: 'ClusterTriggerAuthentication', name: 'p' }, CLUSTER)).toBe(
      `/c/${CLUSTER}/keda/clustertriggerauthentications/p`
    );
    expect(headlampLink({ kind: 'Job', namespace: 'orders', name: 'j' }, CLUSTER)).toBe(
      `/c/${CLUSTER}/jobs/orders/j`
    );
    // "Edit YAML": our editor route for the KEDA kinds, nothing for a kind without one.
    expect(
      headlampLink({ kind: 'ScaledJob', namespace: 'orders', name: 'x', view: 'yaml' }, CLUSTER)
    ).toBe(`/c/${CLUSTER}/keda/scaledjobs/orders/x/yaml`);
    expect(
      headlampLink({ kind: 'ClusterTriggerAuthentication', name: 'p', view: 'yaml' }, CLUSTER)
    ).toBe(`/c/${CLUSTER}/keda/clustertriggerauthentications/p/yaml`);
    expect(
      headlampLink({ kind: 'Job', namespace: 'orders', name: 'j', view: 'yaml' }, CLUSTER)
    ).toBeUndefined();
    expect(headlampLink({ kind: 'NoSuchKind', name: 'x' }, CLUSTER)).toBeUndefined();
  });
});

describe('the ScaledObject details route', () => {
  it("is registered by kind and renders the ScaledObject with links to Headlamp's Deployment and HPA pages", async () => {
    expect(registeredRoute('/keda/scaledobjects/:namespace/:name')).toMatchObject({
      name: 'ScaledObject',
      exact: true,
      sidebar: 'keda-scaledobjects',
    });
    expect(
      Router.createRouteURL('ScaledObject', { cluster: CLUSTER, namespace: 'orders', name: 'x' })
    ).toBe(`/c/${CLUSTER}/keda/scaledobjects/orders/x`);
    const requests = fakeKedaCluster();
    const { container, getByText } = renderDetails(
      '/keda/scaledobjects/:namespace/:name',
      '/keda/scaledobjects/orders/orders-processor'
    );
    expect(getByText('ScaledObject')).toBeTruthy();
    const element = container.querySelector('keda-scaled-object-details');
    await waitFor(() => expect(shadowText(element)).toContain('ScaledObjectReady'), {
      timeout: 10000,
    });
    await waitFor(
      () =>
        expect(shadowLinks(element)).toContainEqual([
          'keda-hpa-orders-processor',
          `/c/${CLUSTER}/horizontalpodautoscalers/orders/keda-hpa-orders-processor`,
        ]),
      { timeout: 10000 }
    );
    const links = shadowLinks(element);
    expect(links).toContainEqual([
      'orders-processor',
      `/c/${CLUSTER}/deployments/orders/orders-processor`,
    ]);
    expect(links).toContainEqual([
      'orders-rabbitmq',
      `/c/${CLUSTER}/keda/triggerauthentications/orders/orders-rabbitmq`,
    ]);
    expect(requests.some(r => r.url.pathname === `${KEDA}/namespaces/orders/scaledobjects`)).toBe(
      true
    );
  });
});

describe('the ScaledJob details route', () => {
  it("renders the ScaledJob from the route's params over ApiProxy, with links to Headlamp routes", async () => {
    const requests = fakeKedaCluster();
    const { container, getByText } = renderDetails(
      '/keda/scaledjobs/:namespace/:name',
      '/keda/scaledjobs/orders/order-exporter'
    );
    expect(getByText('ScaledJob')).toBeTruthy();
    const element = container.querySelector('keda-scaled-job-details');
    await waitFor(() => expect(shadowText(element)).toContain('order-exporter-abc12'), {
      timeout: 10000,
    });
    expect(
      element?.getAttribute('namespace') ?? (element as unknown as { namespace: string }).namespace
    ).toBe('orders');
    expect(shadowText(element)).toContain('ScaledJobReady');
    expect(shadowText(element)).toContain('exporter:1.4.0');
    const links = shadowLinks(element);
    expect(links).toContainEqual([
      'orders-rabbitmq',
      `/c/${CLUSTER}/keda/triggerauthentications/orders/orders-rabbitmq`,
    ]);
    expect(links).toContainEqual([
      'order-exporter-abc12',
      `/c/${CLUSTER}/jobs/orders/order-exporter-abc12`,
    ]);
    expect(requests.some(r => r.url.pathname === `${KEDA}/namespaces/orders/scaledjobs`)).toBe(
      true
    );
  });
});

describe('the TriggerAuthentication details routes', () => {
  it('checks the Secret by names and keys without showing its value, for a TriggerAuthentication', async () => {
    fakeKedaCluster();
    const { container } = renderDetails(
      '/keda/triggerauthentications/:namespace/:name',
      '/keda/triggerauthentications/orders/orders-rabbitmq'
    );
    const element = container.querySelector('keda-trigger-auth-details');
    await waitFor(
      () => expect(shadowText(element)).toMatch(/rabbit-creds host parameter host found/),
      { timeout: 10000 }
    );
    await waitFor(() => expect(shadowText(element)).toContain('order-exporter'), {
      timeout: 10000,
    });
    expect(shadowLinks(element)).toContainEqual([
      'order-exporter',
      `/c/${CLUSTER}/keda/scaledjobs/orders/order-exporter`,
    ]);
    expect(shadowLinks(element)).toContainEqual([
      'rabbit-creds',
      `/c/${CLUSTER}/secrets/orders/rabbit-creds`,
    ]);
    const text = shadowText(element);
    expect(text).not.toContain('pl41n-s3cret');
    expect(text).not.toContain(btoa(SECRET_VALUE));
  });

  it('reads a ClusterTriggerAuthentication cluster-wide and its Secret from the keda namespace', async () => {
    const requests = fakeKedaCluster();
    const { container } = renderDetails(
      '/keda/clustertriggerauthentications/:name',
      '/keda/clustertriggerauthentications/prometheus-bearer'
    );
    const element = container.querySelector('keda-trigger-auth-details');
    await waitFor(
      () =>
        expect(shadowText(element)).toMatch(/prometheus-token token parameter bearerToken found/),
      { timeout: 10000 }
    );
    expect(shadowText(element)).toContain('cluster-wide');
    expect(requests.some(r => r.url.pathname === `${API}/api/v1/namespaces/keda/secrets`)).toBe(
      true
    );
    expect(requests.some(r => r.url.pathname === `${KEDA}/clustertriggerauthentications`)).toBe(
      true
    );
    expect(shadowText(element)).not.toContain('pl41n-s3cret');
  });
});

describe('the details pages and the plugin settings', () => {
  it("create their store's metrics sampler with the settings' polling floor and history length", async () => {
    settingsStore.set({ pollFloorSeconds: 45, historyMinutes: 120 });
    fakeKedaCluster();
    const { container } = renderDetails(
      '/keda/scaledobjects/:namespace/:name',
      '/keda/scaledobjects/orders/orders-processor'
    );
    const element = container.querySelector('keda-scaled-object-details');
    await waitFor(() => expect(shadowText(element)).toContain('ScaledObjectReady'), {
      timeout: 10000,
    });
    const connection = container.querySelector(
      SETTINGS_CONNECTION_TAG
    ) as SettingsConnectionElement | null;
    expect(connection?.contains(element)).toBe(true);
    const kedaStore = connection?.store as KedaStore;
    expect(kedaStore).toBeDefined();
    // The sampler the Live section shares (created before it asked, so its options are ignored).
    const sampler = MetricsSampler.for(kedaStore, { minPollIntervalMs: 1 });
    const ref = { namespace: 'orders', name: 'orders-processor' };
    expect(sampler.series(ref).external.intervalMs).toBe(45_000);
    expect(sampler.keptForMs).toBe(120 * 60_000);

    // A settings change reaches the open page: a new store, its sampler on the new floor.
    act(() => settingsStore.update({ pollFloorSeconds: 90 }));
    await waitFor(() => expect(connection?.store).not.toBe(kedaStore));
    const next = MetricsSampler.for(connection?.store as KedaStore);
    expect(next.series(ref).external.intervalMs).toBe(90_000);
    expect(next.keptForMs).toBe(120 * 60_000);
  });
});

describe("the details pages under the desktop app's hash router", () => {
  it('hand the elements hash hrefs and follow a plain click on one through the router', async () => {
    fakeKedaCluster();
    const { container, history } = renderDetails(
      '/keda/scaledobjects/:namespace/:name',
      '/keda/scaledobjects/orders/orders-processor',
      createHashHistory()
    );
    const element = container.querySelector('keda-scaled-object-details');
    const target = `/c/${CLUSTER}/keda/triggerauthentications/orders/orders-rabbitmq`;
    await waitFor(
      () => expect(shadowLinks(element)).toContainEqual(['orders-rabbitmq', `#${target}`]),
      {
        timeout: 10000,
      }
    );
    expect(shadowLinks(element)).toContainEqual([
      'orders-processor',
      `#/c/${CLUSTER}/deployments/orders/orders-processor`,
    ]);
    const anchor = [...(element?.shadowRoot?.querySelectorAll('a') ?? [])].find(
      a => a.getAttribute('href') === `#${target}`
    ) as HTMLAnchorElement;
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    act(() => {
      anchor.dispatchEvent(click);
    });
    expect(click.defaultPrevented).toBe(true);
    expect(history.location.pathname).toBe(target);
  });
});

// Writes the "Scaled by KEDA" section of a KEDA-scaled Deployment's page, as Headlamp's registry
// renders it (light and dark), to .render/scaled-by-keda{,-dark}.html for scripts/shots-scaled-by-keda.mjs,
// which draws it in Chromium. jsdom cannot draw the chart, so the chart element is written empty
// with its properties beside it (`data-props`) and the script sets them on the real element.
// The replica history comes from a (faked) Prometheus through Headlamp's service proxy, as it
// would with the Prometheus address set in the plugin settings.
import './index';
import { K8s } from '@kinvolk/headlamp-plugin/lib';
import { setStore } from '@kinvolk/headlamp-plugin/lib/lib/router/createRouteURL';
import store from '@kinvolk/headlamp-plugin/lib/redux/stores/store';
import { type Theme, ThemeProvider } from '@mui/material/styles';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, waitFor } from '@testing-library/react';
import type { ReplicaChart } from 'keda-elements/elements/keda-replica-chart/keda-replica-chart';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import React from 'react';
import { Provider } from 'react-redux';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { settingsStore } from './settings';
import { FakeWebSocket, jsonResponse, mockFetch, statusResponse } from './test/fakes';
import { CLUSTER, dark, restoreGlobals, theme } from './test/harness';
import { serializeChildren } from './test/serialize';

const OUTPUT_DIR = resolve(__dirname, '../.render');
const API = `/clusters/${CLUSTER}`;
const PROMETHEUS = '/api/v1/namespaces/monitoring/services/prometheus:9090/proxy';

beforeAll(() => setStore(store));
afterEach(async () => {
  cleanup();
  await new Promise(r => setTimeout(r, 100));
  restoreGlobals();
  settingsStore.set({});
});

const list = (kind: string, apiVersion: string, items: unknown[]) => ({
  kind: `${kind}List`,
  apiVersion,
  metadata: { resourceVersion: '10' },
  items,
});
const scaledObject = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  metadata: { name: 'orders-processor', namespace: 'orders', uid: 'so' },
  spec: {
    scaleTargetRef: { name: 'orders-processor' },
    minReplicaCount: 1,
    maxReplicaCount: 10,
    triggers: [{ type: 'rabbitmq', metadata: { queueName: 'orders', value: '50' } }],
  },
  status: {
    hpaName: 'keda-hpa-orders-processor',
    externalMetricNames: ['s0-rabbitmq-orders'],
    conditions: [
      { type: 'Ready', status: 'True', reason: 'ScaledObjectReady' },
      { type: 'Active', status: 'True', reason: 'ScalerActive' },
    ],
  },
};
const hpa = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: {
    name: 'keda-hpa-orders-processor',
    namespace: 'orders',
    uid: 'hpa',
    resourceVersion: '9',
  },
  spec: {
    scaleTargetRef: { kind: 'Deployment', name: 'orders-processor' },
    minReplicas: 1,
    maxReplicas: 10,
    metrics: [
      {
        type: 'External',
        external: {
          metric: { name: 's0-rabbitmq-orders' },
          target: { type: 'AverageValue', averageValue: '50' },
        },
      },
    ],
  },
  status: {
    currentReplicas: 3,
    desiredReplicas: 3,
    currentMetrics: [
      {
        type: 'External',
        external: { metric: { name: 's0-rabbitmq-orders' }, current: { averageValue: '40' } },
      },
    ],
  },
};
const deploymentJson = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'orders-processor',
    namespace: 'orders',
    uid: 'd',
    resourceVersion: '8',
    creationTimestamp: '2026-01-01T00:00:00Z',
  },
  spec: { replicas: 3 },
  status: { replicas: 3, readyReplicas: 3 },
};

/** The last half hour as Prometheus recorded it: a queue burst scaled 1 -> 8 -> 3. */
function prometheusAnswer(query: string, now: number) {
  const at = (minutesAgo: number) => Math.round(now / 1000 - minutesAgo * 60);
  const steps = (points: Array<[number, number]>) =>
    points.map(([ago, v]) => [at(ago), String(v)] as [number, string]);
  const series = (values: [number, string][], metric: Record<string, string> = {}) => ({
    status: 'success',
    data: { resultType: 'matrix', result: [{ metric, values }] },
  });
  if (query.startsWith('kube_horizontalpodautoscaler_status_current_replicas')) {
    return series(
      steps([
        [30, 1],
        [24, 3],
        [20, 6],
        [16, 8],
        [9, 5],
        [5, 3],
      ])
    );
  }
  if (query.startsWith('kube_horizontalpodautoscaler_status_desired_replicas')) {
    return series(
      steps([
        [30, 1],
        [24.5, 3],
        [20.5, 6],
        [16.5, 8],
        [9.5, 5],
        [5.5, 3],
      ])
    );
  }
  if (query.startsWith('kube_horizontalpodautoscaler_spec_min_replicas')) {
    return series(steps([[30, 1]]));
  }
  if (query.startsWith('kube_horizontalpodautoscaler_spec_max_replicas')) {
    return series(steps([[30, 10]]));
  }
  return series(
    steps([
      [30, 20],
      [24, 150],
      [18, 390],
      [12, 260],
      [6, 120],
    ]),
    { metric: 's0-rabbitmq-orders', scaler: 'rabbitMQScaler' }
  );
}

function fakeCluster(now: number) {
  FakeWebSocket.install();
  FakeWebSocket.autoAccept = true;
  return mockFetch(request => {
    const path = request.url.pathname;
    if (path === `${API}/apis/keda.sh/v1alpha1/namespaces/orders/scaledobjects`) {
      return jsonResponse(list('ScaledObject', 'keda.sh/v1alpha1', [scaledObject]));
    }
    if (path === `${API}/apis/keda.sh/v1alpha1/namespaces/orders/scaledjobs`) {
      return jsonResponse(list('ScaledJob', 'keda.sh/v1alpha1', []));
    }
    if (path === `${API}/apis/autoscaling/v2/namespaces/orders/horizontalpodautoscalers`) {
      return jsonResponse(list('HorizontalPodAutoscaler', 'autoscaling/v2', [hpa]));
    }
    if (path === `${API}/apis/apps/v1/namespaces/orders/deployments`) {
      return jsonResponse(list('Deployment', 'apps/v1', [deploymentJson]));
    }
    if (path === `${API}${PROMETHEUS}/api/v1/query_range`) {
      return jsonResponse(prometheusAnswer(request.url.searchParams.get('query') ?? '', now));
    }
    return statusResponse(404, 'Not Found', 'NotFound', `no ${path}`);
  });
}

type Section = (props: { resource: unknown }) => React.ReactNode;

function registeredSection(): Section {
  const entries = store.getState().detailsViewSection.detailsViewSections as Array<{
    section?: unknown;
  }>;
  const functions = entries.map(entry => entry.section).filter(s => typeof s === 'function');
  return functions[functions.length - 1] as Section;
}

/** The chart written as an empty element with its properties as JSON (see the header). */
function chartPlaceholder(html: string, chart: ReplicaChart): string {
  const props = {
    heading: chart.heading,
    current: chart.current,
    desired: chart.desired,
    min: chart.min,
    max: chart.max,
    range: chart.range,
    emptyText: chart.emptyText,
  };
  const escaped = JSON.stringify(props).replace(/&/g, '&amp;').replace(/'/g, '&#39;');
  return html.replace(
    /<keda-replica-chart[^>]*>[\s\S]*?<\/keda-replica-chart>/,
    `<keda-replica-chart data-props='${escaped}'></keda-replica-chart>`
  );
}

async function renderToFile(muiTheme: Theme, file: string): Promise<string> {
  settingsStore.set({ prometheusAddress: PROMETHEUS, historyMinutes: 60 });
  fakeCluster(Date.now());
  const Section = registeredSection();
  const url = `/c/${CLUSTER}/deployments/orders/orders-processor`;
  window.history.replaceState({}, '', url);
  const resource = new K8s.ResourceClasses.Deployment(deploymentJson as never);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const { container } = render(
    <Provider store={store}>
      <ThemeProvider theme={muiTheme}>
        <QueryClientProvider client={queryClient}>
          <MemoryRouter initialEntries={[url]}>
            <Section resource={resource} />
          </MemoryRouter>
        </QueryClientProvider>
      </ThemeProvider>
    </Provider>
  );
  const chart = () => container.querySelector('keda-replica-chart') as ReplicaChart | null;
  await waitFor(() => expect(chart()?.current.length ?? 0).toBeGreaterThan(5), { timeout: 10000 });
  await waitFor(() => expect(container.textContent).toContain('Earlier history from Prometheus.'));

  const headStyles = [...document.head.querySelectorAll('style')]
    .map(style => style.textContent ?? '')
    .join('\n');
  const { palette, typography } = muiTheme;
  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Scaled by KEDA on a Deployment page (Headlamp plugin section, ${palette.mode} theme)</title>
<style>
  :root { color-scheme: ${palette.mode}; }
  html, body { margin: 0; background: ${palette.background.default}; }
  body { font-family: ${typography.fontFamily}; color: ${
    palette.text.primary
  }; padding: 24px; width: 880px; }
</style>
<style>${headStyles}</style>
</head>
<body><main id="section">${chartPlaceholder(serializeChildren(container), chart()!)}</main></body>
</html>
`;
  mkdirSync(OUTPUT_DIR, { recursive: true });
  writeFileSync(resolve(OUTPUT_DIR, file), page);
  return page;
}

it.each([
  ['scaled-by-keda.html', theme],
  ['scaled-by-keda-dark.html', dark],
])('writes the Scaled by KEDA section to .render/%s', async (file, muiTheme) => {
  const page = await renderToFile(muiTheme, file);
  expect(page).toContain('Scaled by KEDA');
  expect(page).toContain('<keda-replica-chart data-props=');
  expect(page).toContain(`--keda-bg: ${muiTheme.palette.background.paper}`);
  expect(page).toContain('ScaledObject orders-processor');
});

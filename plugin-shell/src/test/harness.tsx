/**
 * Renders a route the plugin registered, from Headlamp's real Redux store, inside the providers
 * Headlamp's app gives it (store, Headlamp's MUI theme, a router, react-query).
 */
import {
  darkTheme,
  lightTheme,
} from '@kinvolk/headlamp-plugin/lib/components/App/defaultAppThemes';
import { createMuiTheme } from '@kinvolk/headlamp-plugin/lib/lib/themes';
import store from '@kinvolk/headlamp-plugin/lib/redux/stores/store';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import React from 'react';
import { Provider } from 'react-redux';
import { MemoryRouter } from 'react-router-dom';
import { expect, vi } from 'vitest';
import {
  FakeWebSocket,
  jsonResponse,
  mockFetch,
  type RecordedRequest,
  statusResponse,
} from './fakes';
import { scaledObjectList } from './fixtures';

export const CLUSTER = 'kind';

/** The API server's answer for /apis/keda.sh/v1alpha1 when KEDA is installed. */
export const kedaDiscovery = {
  kind: 'APIResourceList',
  apiVersion: 'v1',
  groupVersion: 'keda.sh/v1alpha1',
  resources: [{ name: 'scaledobjects', namespaced: true, kind: 'ScaledObject' }],
};
export const ROUTE_PATH = '/keda/scaledobjects';

export interface HeadlampRoute {
  path: string;
  name?: string;
  exact?: boolean;
  sidebar: unknown;
  component: () => React.ReactNode;
}

export function registeredRoute(path: string): HeadlampRoute {
  const route = (store.getState().routes.routes as Record<string, HeadlampRoute>)[path];
  expect(route, `route ${path} registered`).toBeDefined();
  return route;
}

export const theme = createMuiTheme(lightTheme);
export const dark = createMuiTheme(darkTheme);

/**
 * Answers the ScaledObject list from the fixtures (404 Status for anything else), and accepts
 * every watch WebSocket and keeps it open.
 */
export function fakeCluster(): RecordedRequest[] {
  FakeWebSocket.install();
  FakeWebSocket.autoAccept = true;
  return mockFetch(request => {
    if (request.url.pathname === `/clusters/${CLUSTER}/apis/keda.sh/v1alpha1/scaledobjects`) {
      return jsonResponse(scaledObjectList);
    }
    if (request.url.pathname === `/clusters/${CLUSTER}/apis/keda.sh/v1alpha1`) {
      return jsonResponse(kedaDiscovery);
    }
    return statusResponse(
      404,
      'Not Found',
      'NotFound',
      `the server could not find ${request.url.pathname}`
    );
  });
}

/** Renders the registered route as Headlamp would at /c/<cluster>/<path>. */
export function renderRoute(path = ROUTE_PATH, muiTheme = theme) {
  const route = registeredRoute(path);
  const url = `/c/${CLUSTER}${path}`;
  // Headlamp reads the current cluster from window.location as well as from the router.
  window.history.replaceState({}, '', url);
  const Page = route.component as React.ComponentType;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <Provider store={store}>
      <ThemeProvider theme={muiTheme}>
        <QueryClientProvider client={queryClient}>
          <MemoryRouter initialEntries={[url]}>
            <Page />
          </MemoryRouter>
        </QueryClientProvider>
      </ThemeProvider>
    </Provider>
  );
}

export function restoreGlobals() {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  window.history.replaceState({}, '', '/');
}

/** The rows of the list element's table (header excluded), once rendered. */
export function tableRows(list: Element): Element[] {
  const table = list.shadowRoot?.querySelector('[part="table"][role="table"]');
  if (!table) return [];
  return [...table.querySelectorAll('[role="row"]')].filter(
    row => !row.classList.contains('header')
  );
}

/**
 * A stand-in for Headlamp's frontend (v0.45) that runs the BUILT plugin, for scripts/check-dist.mjs.
 *
 * It loads plugins as Headlamp's frontend/src/plugin/index.ts does: `GET <appUrl>plugins`, then
 * each listed folder's main.js and package.json, the compatibility check on
 * `devDependencies['@kinvolk/headlamp-plugin']`, and the source run through `new Function` with
 * `window.pluginLib` set. pluginLib holds the real React, ReactDOM, MUI (as Headlamp spreads it,
 * with `styles`), react-router 5, Headlamp's real SectionBox and MUI theme, and ports of the parts
 * of Headlamp's lib the plugin calls (`ApiProxy.request`/`clusterRequest`/`stream`,
 * `Router.createRouteURL`, `K8s.useCluster`, `Utils.getCluster`) with the same URL rules
 * (`<appUrl>clusters/<cluster><path>`, `getAppUrl()` = origin + `window.headlampBaseUrl` + '/').
 * Registry calls are recorded; every other member is an inert stub. Routes registered by the plugin
 * render under `/c/:cluster` in a BrowserRouter with Headlamp's basename, as in Headlamp.
 */
import {
  darkTheme,
  lightTheme,
} from '@kinvolk/headlamp-plugin/lib/components/App/defaultAppThemes';
import { SectionBox } from '@kinvolk/headlamp-plugin/lib/components/common/SectionBox';
import { createMuiTheme } from '@kinvolk/headlamp-plugin/lib/lib/themes';
import * as MuiMaterial from '@mui/material';
import * as MuiMaterialStyles from '@mui/material/styles';
import React from 'react';
import * as ReactJSX from 'react/jsx-runtime';
import * as ReactDOM from 'react-dom';
import { createRoot } from 'react-dom/client';
import * as ReactRouter from 'react-router-dom';

declare global {
  interface Window {
    headlampBaseUrl?: string;
    /** What the check script reads: registrations, loaded plugins, errors. */
    hostState: HostState;
  }
}

interface RegisteredRoute {
  path: string;
  name?: string;
  exact?: boolean;
  useClusterURL?: boolean;
  component: React.ComponentType;
}

interface HostState {
  ready: boolean;
  plugins: { path: string; name?: string; ran: boolean; error?: string }[];
  calls: { fn: string; arg?: string }[];
  routes: Record<string, RegisteredRoute>;
  sidebar: Record<string, { name: string; label: string; parent?: string | null; url?: string }>;
  errors: string[];
}

const state: HostState = {
  ready: false,
  plugins: [],
  calls: [],
  routes: {},
  sidebar: {},
  errors: [],
};
window.hostState = state;

const baseUrl = window.headlampBaseUrl ?? '';
/** Headlamp's getAppUrl() in a browser: origin + base URL + '/'. */
const appUrl = () => `${window.location.origin}${baseUrl}/`;
/** Headlamp's combinePath. */
const combinePath = (base: string, path: string) =>
  `${base.endsWith('/') ? base.slice(0, -1) : base}/${path.startsWith('/') ? path.slice(1) : path}`;

/** Headlamp's getCluster(): the `:cluster` of `/c/:cluster/...` under the base URL. */
function getCluster(): string | null {
  const path = window.location.pathname.slice(baseUrl.length);
  const match = /^\/c\/([^/]+)/.exec(path);
  return match ? decodeURIComponent(match[1]) : null;
}

// ---- ApiProxy (frontend/src/lib/k8s/api/v1/clusterRequests.ts, streamingApi.ts) --------------

interface RequestParams extends RequestInit {
  timeout?: number;
  isJSON?: boolean;
  cluster?: string | null;
  autoLogoutOnAuthError?: boolean;
}

async function clusterRequest(
  path: string,
  params: RequestParams = {},
  queryParams?: Record<string, string>
) {
  const {
    timeout = 120_000,
    cluster: paramsCluster,
    autoLogoutOnAuthError = true,
    isJSON = true,
    ...otherParams
  } = params;
  const cluster = paramsCluster || '';
  const fullPath = cluster ? combinePath(`/clusters/${cluster}`, path) : path;
  const query =
    queryParams && Object.keys(queryParams).length ? `?${new URLSearchParams(queryParams)}` : '';
  const url = combinePath(appUrl(), fullPath) + query;
  const controller = new AbortController();
  const id = setTimeout(() => controller.abort(), timeout);
  let response = new Response(undefined, { status: 502, statusText: 'Unreachable' });
  try {
    response = await fetch(url, {
      signal: controller.signal,
      credentials: 'include',
      ...otherParams,
    });
  } catch (err) {
    if (err instanceof Error && err.name === 'AbortError') {
      response = new Response(undefined, { status: 408, statusText: 'Request timed-out' });
    }
  } finally {
    clearTimeout(id);
  }
  if (!response.ok) {
    if (autoLogoutOnAuthError && response.status === 401) {
      state.errors.push(`401 from ${url}: Headlamp would log out of ${cluster}`);
    }
    let message = response.statusText;
    try {
      const text = await response.text();
      if (text) {
        try {
          message += ` - ${JSON.parse(text).message || text}`;
        } catch {
          message += ` - ${text}`;
        }
      }
    } catch {
      // as Headlamp: keep the status text
    }
    const error = new Error(message) as Error & { status: number };
    error.status = response.status;
    throw error;
  }
  return isJSON ? response.json() : response;
}

function request(
  path: string,
  params: RequestParams = {},
  autoLogoutOnAuthError = true,
  useCluster = true,
  queryParams?: Record<string, string>
) {
  const cluster = (useCluster && getCluster()) || '';
  return clusterRequest(path, { cluster, autoLogoutOnAuthError, ...params }, queryParams);
}

function stream(
  url: string,
  cb: (data: unknown) => void,
  args: { isJson?: boolean; cluster?: string; connectCb?: () => void; failCb?: () => void }
) {
  const { isJson = false, cluster = '', connectCb, failCb } = args;
  let socket: WebSocket | null = null;
  let closing = false;
  const connect = async () => {
    connectCb?.();
    const target = cluster || getCluster() || '';
    const wsBase = appUrl().replace('http', 'ws');
    socket = new WebSocket(combinePath(wsBase, combinePath(`/clusters/${target}`, url)), [
      'base64.binary.k8s.io',
    ]);
    socket.binaryType = 'arraybuffer';
    socket.addEventListener('message', event => {
      if (!closing) cb(isJson ? JSON.parse(event.data) : event.data);
    });
    socket.addEventListener('close', () => {
      if (closing) return;
      closing = true;
      failCb?.();
    });
  };
  void connect();
  return {
    cancel: () => {
      closing = true;
      socket?.close();
    },
    getSocket: () => socket,
  };
}

// ---- Router (frontend/src/lib/router/createRouteURL.ts) ----------------------------------------

function routePath(route: RegisteredRoute): string {
  return route.useClusterURL === false ? route.path : `/c/:cluster${route.path}`;
}

function createRouteURL(routeName: string, params: Record<string, string | undefined> = {}) {
  if (!routeName) return '';
  const route = Object.values(state.routes).find(
    r => r.name?.toLowerCase() === routeName.toLowerCase()
  );
  if (!route) return '';
  const cluster = params.cluster || getCluster();
  if (!cluster && route.useClusterURL !== false) return '/';
  return ReactRouter.generatePath(routePath(route), { ...params, cluster: cluster ?? undefined });
}

// ---- pluginLib -----------------------------------------------------------------------------------

/** A member the host does not implement: callable, constructible, every property another stub. */
function inert(path: string): unknown {
  return new Proxy(function () {}, {
    get: (_target, key) =>
      key === Symbol.toPrimitive
        ? () => path
        : key === 'then'
        ? undefined
        : inert(`${path}.${String(key)}`),
    apply: () => undefined,
    construct: () => ({}),
  });
}

function recorder(fn: string) {
  return (...args: unknown[]) => {
    const first = args[0] as Record<string, unknown> | undefined;
    state.calls.push({
      fn,
      arg: typeof first === 'string' ? first : (first?.path as string) ?? (first?.name as string),
    });
    if (fn === 'registerRoute') {
      const route = first as unknown as RegisteredRoute;
      state.routes[route.path] = route;
    }
    if (fn === 'registerSidebarEntry') {
      const entry = first as unknown as HostState['sidebar'][string];
      state.sidebar[entry.name] = entry;
    }
  };
}

const REGISTRY = [
  'registerAppBarAction',
  'registerAppLogo',
  'registerAppTheme',
  'registerClusterChooser',
  'registerDetailsViewHeaderAction',
  'registerDetailsViewHeaderActionsProcessor',
  'registerDetailsViewSection',
  'registerDetailsViewSectionsProcessor',
  'registerGetTokenFunction',
  'registerHeadlampEventCallback',
  'registerKindIcon',
  'registerKubeObjectGlance',
  'registerMapSource',
  'registerOverviewChartsProcessor',
  'registerPluginSettings',
  'registerResourceRelationProvider',
  'registerResourceTableColumnsProcessor',
  'registerRoute',
  'registerRouteFilter',
  'registerSidebarEntry',
  'registerSidebarEntryFilter',
  'registerUIPanel',
];

const useCluster = () => {
  ReactRouter.useLocation(); // re-render on navigation, as Headlamp's hook does
  return getCluster();
};
/** Headlamp's clusters of a multi-cluster URL, `/c/<a>+<b>/…`. */
const useSelectedClusters = () => useCluster()?.split('+') ?? [];

window.pluginLib = {
  ApiProxy: { request, clusterRequest, stream },
  K8s: new Proxy({ useCluster, useSelectedClusters } as Record<string | symbol, unknown>, {
    get: (target, key) => (key in target ? target[key] : inert(`K8s.${String(key)}`)),
  }),
  CommonComponents: new Proxy({ SectionBox } as Record<string | symbol, unknown>, {
    get: (target, key) => (key in target ? target[key] : inert(`CommonComponents.${String(key)}`)),
  }),
  MuiMaterial: { ...MuiMaterial, styles: MuiMaterialStyles },
  React,
  ReactJSX,
  ReactDOM,
  ReactRouter,
  Router: { createRouteURL },
  Utils: { getCluster },
  Iconify: inert('Iconify'),
  Lodash: inert('Lodash'),
  Notistack: inert('Notistack'),
  Headlamp: inert('Headlamp'),
  ConfigStore: class {
    get() {
      return {};
    }
    set() {}
    update() {}
    useConfig() {
      return () => ({});
    }
  },
  ...Object.fromEntries(REGISTRY.map(fn => [fn, recorder(fn)])),
};

// ---- loading (frontend/src/plugin/index.ts fetchAndExecutePlugins) -----------------------------

async function loadPlugins() {
  const list = (await (await fetch(`${appUrl()}plugins`)).json()) as { path: string }[];
  const sources = await Promise.all(
    list.map(({ path }) => fetch(`${appUrl()}${path}/main.js`).then(r => r.text()))
  );
  const infos = await Promise.all(
    list.map(({ path }) => fetch(`${appUrl()}${path}/package.json`).then(r => r.json()))
  );
  list.forEach(({ path }, i) => {
    const info = infos[i] as { name?: string; devDependencies?: Record<string, string> };
    const entry: HostState['plugins'][number] = { path, name: info.name, ran: false };
    state.plugins.push(entry);
    if (!info.devDependencies?.['@kinvolk/headlamp-plugin']) {
      entry.error = 'incompatible: no @kinvolk/headlamp-plugin devDependency';
      return;
    }
    try {
      // As runPlugin.ts: the source in global scope, a sourceURL for debugging.
      new Function(`${sources[i]}\n//# sourceURL=//${path}/dist/main.js`)();
      entry.ran = true;
    } catch (error) {
      entry.error = String(error);
    }
  });
}

// ---- the app -------------------------------------------------------------------------------------

const dark = new URLSearchParams(window.location.search).get('theme') === 'dark';
const theme = createMuiTheme(dark ? darkTheme : lightTheme);

function Sidebar() {
  const entries = Object.values(state.sidebar);
  const cluster = getCluster() ?? 'main';
  const item = (e: HostState['sidebar'][string], depth: number) => (
    <li key={e.name} style={{ paddingLeft: depth * 16 }}>
      {e.url ? (
        <ReactRouter.Link to={`/c/${cluster}${e.url}`} style={{ color: 'inherit' }}>
          {e.label}
        </ReactRouter.Link>
      ) : (
        e.label
      )}
    </li>
  );
  return (
    <nav aria-label="Navigation" style={{ width: 220, flex: 'none', padding: '16px 8px' }}>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, lineHeight: 2 }}>
        {entries
          .filter(e => !e.parent)
          .flatMap(top => [
            item(top, 0),
            ...entries.filter(e => e.parent === top.name).map(child => item(child, 1)),
          ])}
      </ul>
    </nav>
  );
}

function App() {
  const routes = Object.values(state.routes);
  return (
    <MuiMaterialStyles.ThemeProvider theme={theme}>
      <MuiMaterial.CssBaseline />
      <ReactRouter.BrowserRouter basename={baseUrl}>
        <div style={{ display: 'flex', minHeight: '100vh' }}>
          <MuiMaterial.Paper
            square
            elevation={0}
            style={{ borderRight: `1px solid ${theme.palette.divider}` }}
          >
            <Sidebar />
          </MuiMaterial.Paper>
          <main style={{ flex: 1, minWidth: 0, padding: 16 }}>
            <ReactRouter.Switch>
              {routes.map(route => (
                <ReactRouter.Route
                  key={route.path}
                  path={routePath(route)}
                  exact={route.exact}
                  component={route.component}
                />
              ))}
              <ReactRouter.Route>
                <p>No plugin route at this URL.</p>
              </ReactRouter.Route>
            </ReactRouter.Switch>
          </main>
        </div>
      </ReactRouter.BrowserRouter>
    </MuiMaterialStyles.ThemeProvider>
  );
}

window.addEventListener('error', event => state.errors.push(String(event.error ?? event.message)));
window.addEventListener('unhandledrejection', event => state.errors.push(String(event.reason)));

loadPlugins()
  .catch(error => state.errors.push(`loading plugins: ${error}`))
  .finally(() => {
    createRoot(document.getElementById('root') as HTMLElement).render(<App />);
    state.ready = true;
  });

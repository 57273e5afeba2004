// The YAML editor, creation wizard and relationship graph routes against Headlamp's real registry,
// store, router helpers and ApiProxy, with only fetch and WebSocket faked. The element files are
// stand-ins served as Headlamp's backend would serve the real ones (the real ones run in Chromium:
// scripts/check-dist.mjs); these tests are about the pages: loading, errors, attributes, events.
import './index';
import { setStore } from '@kinvolk/headlamp-plugin/lib/lib/router/createRouteURL';
import store from '@kinvolk/headlamp-plugin/lib/redux/stores/store';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { createHashHistory, createMemoryHistory, type History } from 'history';
import React from 'react';
import { Provider } from 'react-redux';
import { Route, Router } from 'react-router-dom';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetLazyElements } from './lazy-elements';
import { FakeWebSocket, mockFetch, type RecordedRequest } from './test/fakes';
import { CLUSTER, kedaDiscovery, registeredRoute, restoreGlobals, theme } from './test/harness';

beforeAll(() => setStore(store));

beforeEach(() => resetLazyElements());

afterEach(() => {
  cleanup();
  restoreGlobals();
});

function answer(request: RecordedRequest, body: string, status = 200, statusText = 'OK') {
  const response = new Response(body, { status, statusText });
  Object.defineProperty(response, 'url', { value: request.url.href });
  return response;
}

/**
 * A stand-in element file: it records its attributes when connected and renders one link in its
 * shadow root, to `href` (an attribute, as the page hands it nothing else).
 */
const elementFile = (tag: string) => `
customElements.define(${JSON.stringify(tag)}, class extends HTMLElement {
  connectedCallback() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const a = document.createElement('a');
    a.textContent = 'open';
    a.setAttribute('href', this.getAttribute('data-href') ?? '/c/${CLUSTER}/keda/scaledobjects/shop/a');
    root.replaceChildren(a);
  }
});`;

/** Headlamp's backend: the plugin listing, this plugin's folder and KEDA's API group. */
function backend(files: Record<string, string>) {
  FakeWebSocket.install();
  FakeWebSocket.autoAccept = true;
  return mockFetch(request => {
    const path = request.url.pathname;
    if (path === `/clusters/${CLUSTER}/apis/keda.sh/v1alpha1`) {
      return answer(request, JSON.stringify(kedaDiscovery));
    }
    const body = files[path];
    return body === undefined
      ? answer(request, '404 page not found\n', 404, 'Not Found')
      : answer(request, body);
  });
}

/**
 * Waits for the page's KEDA install check to reach fetch: Headlamp looks up the cluster's
 * kubeconfig (IndexedDB) first, and a request that reaches fetch after the test would find the
 * real one.
 */
const installChecked = (requests: RecordedRequest[]) =>
  waitFor(() =>
    expect(
      requests.some(r => r.url.pathname === `/clusters/${CLUSTER}/apis/keda.sh/v1alpha1`)
    ).toBe(true)
  );

const listing = {
  '/plugins': JSON.stringify([{ path: 'plugins/keda-dashboard', type: 'development' }]),
  '/plugins/keda-dashboard/package.json': JSON.stringify({ name: 'keda-dashboard' }),
};

/** Renders the route registered at `path` at `url`, in a Router over `history`. */
function renderAt(path: string, url: string, history: History = createMemoryHistory()) {
  window.history.replaceState({}, '', url);
  history.replace(url);
  const Page = registeredRoute(path).component as React.ComponentType;
  const view = render(
    <Provider store={store}>
      <ThemeProvider theme={theme}>
        <QueryClientProvider client={new QueryClient()}>
          <Router history={history}>
            <Route path={`/c/:cluster${path}`}>
              <Page />
            </Route>
          </Router>
        </QueryClientProvider>
      </ThemeProvider>
    </Provider>
  );
  return { ...view, history };
}

describe('registrations', () => {
  it('adds a YAML editor route per KEDA kind, named by kind, beside its details route', () => {
    for (const [kind, path] of [
      ['ScaledObject', '/keda/scaledobjects/:namespace/:name/yaml'],
      ['ScaledJob', '/keda/scaledjobs/:namespace/:name/yaml'],
      ['TriggerAuthentication', '/keda/triggerauthentications/:namespace/:name/yaml'],
      ['ClusterTriggerAuthentication', '/keda/clustertriggerauthentications/:name/yaml'],
    ]) {
      expect(registeredRoute(path)).toMatchObject({ name: `${kind}Yaml`, exact: true });
    }
    expect(registeredRoute('/keda/scaledjobs/:namespace/:name/yaml').sidebar).toBe(
      'keda-scaledjobs'
    );
  });

  it('adds Create and Relationships to the KEDA sidebar, with their routes', () => {
    const entries = store.getState().sidebar.entries;
    expect(entries['keda-create']).toMatchObject({ parent: 'keda', url: '/keda/create' });
    expect(entries['keda-relationships']).toMatchObject({
      parent: 'keda',
      label: 'Relationships',
      url: '/keda/relationships',
    });
    expect(registeredRoute('/keda/create')).toMatchObject({ name: 'keda-create', exact: true });
    expect(registeredRoute('/keda/create/yaml')).toMatchObject({
      name: 'keda-create-yaml',
      sidebar: 'keda-create',
      exact: true,
    });
    expect(registeredRoute('/keda/relationships')).toMatchObject({
      name: 'keda-relationships',
      sidebar: 'keda-relationships',
    });
  });
});

describe('the YAML editor route', () => {
  it('shows a loading state, then the editor for the object in the URL; Save and Cancel go back to the details', async () => {
    const files: Record<string, string> = { ...listing };
    const requests = backend(files);
    const { container, findByRole, history } = renderAt(
      '/keda/scaledobjects/:namespace/:name/yaml',
      `/c/${CLUSTER}/keda/scaledobjects/shop/orders-consumer/yaml`
    );
    expect((await findByRole('status')).textContent).toContain(
      'Loading the keda-yaml-editor element'
    );
    await waitFor(() => expect(container.querySelector('[role="alert"]')).not.toBeNull());

    files['/plugins/keda-dashboard/keda-yaml-editor.js'] = elementFile('keda-yaml-editor');
    fireEvent.click(await findByRole('button', { name: 'Retry' }));
    const editor = await waitFor(() => {
      const el = container.querySelector('keda-yaml-editor');
      expect(el).not.toBeNull();
      return el as HTMLElement;
    });
    expect(editor.closest('keda-connection')).not.toBeNull();
    expect(Object.fromEntries([...editor.attributes].map(a => [a.name, a.value]))).toEqual({
      kind: 'ScaledObject',
      namespace: 'shop',
      name: 'orders-consumer',
      'draft-key': CLUSTER,
    });

    act(() => {
      editor.dispatchEvent(new CustomEvent('keda-saved', { bubbles: true, composed: true }));
    });
    expect(history.location.pathname).toBe(`/c/${CLUSTER}/keda/scaledobjects/shop/orders-consumer`);
    await installChecked(requests);
  });
});

describe('the Create from YAML route', () => {
  it('is linked from the ScaledObject list beside the wizard', async () => {
    const requests = backend(listing);
    const { findByRole } = renderAt('/keda/scaledobjects', `/c/${CLUSTER}/keda/scaledobjects`);
    expect((await findByRole('link', { name: 'Create from YAML…' })).getAttribute('href')).toBe(
      `/c/${CLUSTER}/keda/create/yaml`
    );
    expect((await findByRole('link', { name: 'Create ScaledObject…' })).getAttribute('href')).toBe(
      `/c/${CLUSTER}/keda/create`
    );
    await installChecked(requests);
  });

  it('is the only create action of the credentials lists, for their kind', async () => {
    const requests = backend(listing);
    for (const kind of ['TriggerAuthentication', 'ClusterTriggerAuthentication']) {
      const plural = `${kind.toLowerCase()}s`;
      const { findByRole, queryByRole, unmount } = renderAt(
        `/keda/${plural}`,
        `/c/${CLUSTER}/keda/${plural}`
      );
      expect((await findByRole('link', { name: `Create ${kind}…` })).getAttribute('href')).toBe(
        `/c/${CLUSTER}/keda/create/yaml?kind=${kind}`
      );
      expect(queryByRole('link', { name: 'Create from YAML…' })).toBeNull();
      unmount();
    }
    await installChecked(requests);
  });

  it('mounts the editor in create mode; one object created opens it, Cancel goes to the list', async () => {
    const requests = backend({
      ...listing,
      '/plugins/keda-dashboard/keda-yaml-editor.js': elementFile('keda-yaml-editor'),
    });
    const { container, history } = renderAt(
      '/keda/create/yaml',
      `/c/${CLUSTER}/keda/create/yaml?kind=ScaledJob&namespace=orders`
    );
    const findEditor = () =>
      waitFor(() => {
        const el = container.querySelector('keda-yaml-editor');
        expect(el).not.toBeNull();
        return el as HTMLElement;
      });
    let editor = await findEditor();
    expect(editor.closest('keda-connection')).not.toBeNull();
    expect(Object.fromEntries([...editor.attributes].map(a => [a.name, a.value]))).toEqual({
      mode: 'create',
      kind: 'ScaledJob',
      namespace: 'orders',
      'draft-key': CLUSTER,
    });

    act(() => {
      editor.dispatchEvent(new CustomEvent('keda-cancel', { bubbles: true, composed: true }));
    });
    expect(history.location.pathname).toBe(`/c/${CLUSTER}/keda/scaledjobs`);

    act(() => {
      history.push(`/c/${CLUSTER}/keda/create/yaml?kind=ScaledJob`);
    });
    editor = await findEditor();
    act(() => {
      editor.dispatchEvent(
        new CustomEvent('keda-saved', {
          detail: { kind: 'ScaledJob', metadata: { name: 'exporter', namespace: 'orders' } },
          bubbles: true,
          composed: true,
        })
      );
    });
    expect(history.location.pathname).toBe(`/c/${CLUSTER}/keda/scaledjobs/orders/exporter`);
    await installChecked(requests);
  });
});

describe('the Create route', () => {
  it('says which URL it could not load the wizard from; then, after a retry, creates and opens the object', async () => {
    const files: Record<string, string> = {
      '/plugins': JSON.stringify([{ path: 'plugins/other', type: 'development' }]),
      '/plugins/other/package.json': JSON.stringify({ name: 'other' }),
    };
    const requests = backend(files);
    const { container, findByRole, history } = renderAt(
      '/keda/create',
      `/c/${CLUSTER}/keda/create?kind=ScaledJob&namespace=orders`
    );
    const alert = await findByRole('alert');
    expect(alert.textContent).toMatch(
      /The keda-create-wizard element could not be loaded from https?:\/\/[^/]+\/plugins\./
    );
    expect(alert.textContent).toContain("has no folder whose package.json is keda-dashboard's");

    Object.assign(files, listing, {
      '/plugins/keda-dashboard/keda-create-wizard.js': elementFile('keda-create-wizard'),
    });
    fireEvent.click(await findByRole('button', { name: 'Retry' }));
    const findWizard = () =>
      waitFor(() => {
        const el = container.querySelector('keda-create-wizard');
        expect(el).not.toBeNull();
        return el as HTMLElement;
      });
    let wizard = await findWizard();
    expect(wizard.getAttribute('namespace')).toBe('orders');
    expect(wizard.getAttribute('kind')).toBe('ScaledJob');

    // Cancel: to the list of what was being created.
    act(() => {
      wizard.dispatchEvent(new CustomEvent('keda-cancel', { bubbles: true, composed: true }));
    });
    expect(history.location.pathname).toBe(`/c/${CLUSTER}/keda/scaledjobs`);

    // Created: to the new object's details.
    act(() => {
      history.push(`/c/${CLUSTER}/keda/create`);
    });
    wizard = await findWizard();
    expect(wizard.getAttribute('namespace')).toBe('default');
    expect(wizard.hasAttribute('kind')).toBe(false);
    act(() => {
      wizard.dispatchEvent(
        new CustomEvent('keda-created', {
          detail: { kind: 'ScaledJob', namespace: 'orders', name: 'exporter', created: [] },
          bubbles: true,
          composed: true,
        })
      );
    });
    expect(history.location.pathname).toBe(`/c/${CLUSTER}/keda/scaledjobs/orders/exporter`);
    await installChecked(requests);
  });
});

describe('the Relationships route', () => {
  it('keeps the focused node in the URL', async () => {
    const requests = backend({
      ...listing,
      '/plugins/keda-dashboard/keda-relationship-graph.js': elementFile('keda-relationship-graph'),
    });
    const { container, history } = renderAt(
      '/keda/relationships',
      `/c/${CLUSTER}/keda/relationships?focus=ScaledObject/shop/a`
    );
    const graph = await waitFor(() => {
      const el = container.querySelector('keda-relationship-graph');
      expect(el).not.toBeNull();
      return el as HTMLElement;
    });
    expect(graph.getAttribute('focus-node')).toBe('ScaledObject/shop/a');

    act(() => {
      graph.dispatchEvent(
        new CustomEvent('keda-focus-change', {
          detail: { focus: 'ScaledJob/orders/b' },
          bubbles: true,
          composed: true,
        })
      );
    });
    expect(new URLSearchParams(history.location.search).get('focus')).toBe('ScaledJob/orders/b');
    await waitFor(() => expect(graph.getAttribute('focus-node')).toBe('ScaledJob/orders/b'));

    act(() => {
      graph.dispatchEvent(
        new CustomEvent('keda-focus-change', {
          detail: { focus: '' },
          bubbles: true,
          composed: true,
        })
      );
    });
    expect(history.location.search).toBe('');
    await installChecked(requests);
  });

  it("hands the elements router hrefs (the desktop app's hash router) and follows their links in place", async () => {
    const requests = backend({
      ...listing,
      '/plugins/keda-dashboard/keda-relationship-graph.js': elementFile('keda-relationship-graph'),
    });
    // Headlamp's desktop app routes in the hash; its cluster is read from the path here.
    window.history.replaceState({}, '', `/c/${CLUSTER}/keda/relationships`);
    const history = createHashHistory();
    const { container } = renderAt(
      '/keda/relationships',
      `/c/${CLUSTER}/keda/relationships`,
      history
    );
    const connection = await waitFor(() => {
      const el = container.querySelector('keda-connection') as
        | (HTMLElement & { links?: (ref: object) => string | undefined })
        | null;
      expect(el?.links).toBeTypeOf('function');
      return el as HTMLElement & { links: (ref: object) => string | undefined };
    });
    const href = connection.links({ kind: 'ScaledObject', namespace: 'shop', name: 'a' });
    expect(href).toBe(`#/c/${CLUSTER}/keda/scaledobjects/shop/a`);
    expect(
      connection.links({ kind: 'ScaledObject', namespace: 'shop', name: 'a', view: 'yaml' })
    ).toBe(`#/c/${CLUSTER}/keda/scaledobjects/shop/a/yaml`);

    const graph = container.querySelector('keda-relationship-graph') as HTMLElement;
    const anchor = graph.shadowRoot?.querySelector('a') as HTMLAnchorElement;
    anchor.setAttribute('href', href as string);
    // A modified click is left to the browser (a new tab), a plain one goes through the router.
    // (What the page did is read after it, then the browser's part is cancelled: jsdom has none.)
    let preventedByPage: boolean | undefined;
    const afterPage = (event: Event) => {
      preventedByPage = event.defaultPrevented;
      event.preventDefault();
    };
    window.addEventListener('click', afterPage);
    const ctrl = new MouseEvent('click', {
      bubbles: true,
      composed: true,
      cancelable: true,
      ctrlKey: true,
    });
    anchor.dispatchEvent(ctrl);
    window.removeEventListener('click', afterPage);
    expect(preventedByPage).toBe(false);
    const plain = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    act(() => {
      anchor.dispatchEvent(plain);
    });
    expect(plain.defaultPrevented).toBe(true);
    expect(history.location.pathname).toBe(`/c/${CLUSTER}/keda/scaledobjects/shop/a`);
    await installChecked(requests);
  });
});

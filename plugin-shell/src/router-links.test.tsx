// Router links: Headlamp's route paths made into hrefs by the page's history (the desktop app's
// hash router, a base URL) and plain clicks on them, from a shadow root, followed by the router.
// Route names resolve through Headlamp's REAL registry (the plugin's routes are registered).
import './index';
import { setStore } from '@kinvolk/headlamp-plugin/lib/lib/router/createRouteURL';
import store from '@kinvolk/headlamp-plugin/lib/redux/stores/store';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import {
  createBrowserHistory,
  createHashHistory,
  createMemoryHistory,
  type History,
} from 'history';
import type { LinkResolver } from 'keda-elements/context/contexts';
import React from 'react';
import { Provider } from 'react-redux';
import { Router } from 'react-router-dom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useClusterRouterLinks, useRouterLinks } from './router-links';
import { FakeWebSocket, jsonResponse, mockFetch, statusResponse } from './test/fakes';
import { scaledObjectList } from './test/fixtures';
import {
  CLUSTER,
  kedaDiscovery,
  registeredRoute,
  restoreGlobals,
  tableRows,
  theme,
} from './test/harness';

beforeAll(() => setStore(store));
afterEach(async () => {
  cleanup();
  // Headlamp opens watch sockets asynchronously: let the stopped ones appear (and be closed)
  // while the fake WebSocket is still installed.
  await new Promise(resolve => setTimeout(resolve, 100));
  restoreGlobals();
  window.history.replaceState({}, '', '/');
});

const TAG = 'router-links-test-anchor';
/** An element with one anchor in its shadow root, as the keda-* elements render their links. */
class ShadowAnchor extends HTMLElement {
  set href(href: string) {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const a = document.createElement('a');
    a.textContent = 'open';
    a.setAttribute('href', href);
    root.replaceChildren(a);
  }
  get anchor(): HTMLAnchorElement {
    return this.shadowRoot!.querySelector('a')!;
  }
}
if (!customElements.get(TAG)) customElements.define(TAG, ShadowAnchor);

const scaledObject = { kind: 'ScaledObject', namespace: 'shop', name: 'a' };
const PATH = `/c/${CLUSTER}/keda/scaledobjects/shop/a`;

/** One cluster's links (useRouterLinks), an element inside the container to click on. */
function OneCluster({ expose }: { expose: (links: LinkResolver) => void }) {
  const { links, container } = useRouterLinks(CLUSTER);
  expose(links);
  return (
    <div ref={container}>
      <div>{React.createElement(TAG)}</div>
    </div>
  );
}

function renderOne(history: History) {
  let links: LinkResolver = () => undefined;
  const view = render(
    <Router history={history}>
      <OneCluster expose={l => (links = l)} />
    </Router>
  );
  const element = view.container.querySelector(TAG) as ShadowAnchor;
  return { ...view, links: () => links, element };
}

/** Dispatches a click on `anchor`; returns whether the page (not the browser) prevented it. */
function click(anchor: HTMLAnchorElement, init: MouseEventInit = {}): boolean {
  const event = new MouseEvent('click', {
    bubbles: true,
    composed: true,
    cancelable: true,
    ...init,
  });
  let preventedByPage = false;
  // Read what the page did, then cancel the browser's part (jsdom would try to navigate).
  const after = (e: Event) => {
    preventedByPage = e.defaultPrevented;
    e.preventDefault();
  };
  window.addEventListener('click', after);
  act(() => {
    anchor.dispatchEvent(event);
  });
  window.removeEventListener('click', after);
  return preventedByPage;
}

describe('router links', () => {
  it("makes hrefs of the desktop app's hash router and follows plain clicks through history.push", () => {
    const history = createHashHistory();
    history.replace('/c/kind/keda/scaledobjects');
    const { links, element } = renderOne(history);
    const href = links()(scaledObject);
    expect(href).toBe(`#${PATH}`);
    expect(links()({ ...scaledObject, view: 'yaml' })).toBe(`#${PATH}/yaml`);
    expect(links()({ kind: 'Job', namespace: 'shop', name: 'j' })).toBe(
      `#/c/${CLUSTER}/jobs/shop/j`
    );
    // No route for the kind: no link (the element shows text).
    expect(links()({ kind: 'NoSuchKind', name: 'x' })).toBeUndefined();

    element.href = href!;
    const before = history.length;
    expect(click(element.anchor)).toBe(true);
    expect(history.location.pathname).toBe(PATH);
    expect(history.action).toBe('PUSH');
    expect(history.length).toBe(before + 1);
  });

  it('leaves modified and middle clicks, targeted anchors and other hrefs to the browser', () => {
    const history = createHashHistory();
    history.replace('/c/kind/keda/scaledobjects');
    const { links, element } = renderOne(history);
    element.href = links()(scaledObject)!;
    for (const init of [
      { ctrlKey: true },
      { metaKey: true },
      { shiftKey: true },
      { altKey: true },
      { button: 1 },
    ]) {
      expect(click(element.anchor, init), JSON.stringify(init)).toBe(false);
      expect(history.location.pathname).toBe('/c/kind/keda/scaledobjects');
    }
    element.anchor.setAttribute('target', '_blank');
    expect(click(element.anchor)).toBe(false);
    element.anchor.removeAttribute('target');
    element.anchor.setAttribute('download', '');
    expect(click(element.anchor)).toBe(false);
    // Not an href of this router: an external page, a raw path in the hash router.
    element.href = 'https://keda.sh/docs/';
    expect(click(element.anchor)).toBe(false);
    element.href = PATH;
    expect(click(element.anchor)).toBe(false);
    expect(history.location.pathname).toBe('/c/kind/keda/scaledobjects');
  });

  it('makes hrefs below a base URL and pushes the route path without it', () => {
    window.history.replaceState({}, '', '/headlamp/c/kind/keda/scaledobjects');
    const history = createBrowserHistory({ basename: '/headlamp' });
    const { links, element } = renderOne(history);
    const href = links()(scaledObject);
    expect(href).toBe(`/headlamp${PATH}`);
    element.href = href!;
    expect(click(element.anchor)).toBe(true);
    expect(history.location.pathname).toBe(PATH);
    expect(window.location.pathname).toBe(`/headlamp${PATH}`);
  });

  it('gives each cluster its own resolver, the same one on every render', () => {
    const history = createMemoryHistory({ initialEntries: ['/c/kind+prod/keda/scaledobjects'] });
    const seen: Array<(cluster: string) => LinkResolver> = [];
    function Page({ n }: { n: number }) {
      const { linksFor, container } = useClusterRouterLinks();
      seen.push(linksFor);
      // A different element each time: the click listener follows the container.
      return n === 0 ? (
        <div ref={container} />
      ) : (
        <section ref={container}>{React.createElement(TAG)}</section>
      );
    }
    const view = render(
      <Router history={history}>
        <Page n={0} />
      </Router>
    );
    view.rerender(
      <Router history={history}>
        <Page n={1} />
      </Router>
    );
    expect(seen[0]).toBe(seen[seen.length - 1]);
    const linksFor = seen[0];
    expect(linksFor('prod')).toBe(linksFor('prod'));
    expect(linksFor('prod')(scaledObject)).toBe('/c/prod/keda/scaledobjects/shop/a');
    expect(linksFor('kind')(scaledObject)).toBe(PATH);

    const element = view.container.querySelector(TAG) as ShadowAnchor;
    element.href = linksFor('prod')(scaledObject)!;
    expect(click(element.anchor)).toBe(true);
    expect(history.location.pathname).toBe('/c/prod/keda/scaledobjects/shop/a');
  });
});

/** Both clusters have KEDA and the fixture's ScaledObjects. */
function fakeClusters() {
  FakeWebSocket.install();
  FakeWebSocket.autoAccept = true;
  return mockFetch(request => {
    const path = request.url.pathname;
    if (/^\/clusters\/(kind|prod)\/apis\/keda.sh\/v1alpha1\/scaledobjects$/.test(path)) {
      return jsonResponse(scaledObjectList);
    }
    if (/^\/clusters\/(kind|prod)\/apis\/keda.sh\/v1alpha1$/.test(path)) {
      return jsonResponse(kedaDiscovery);
    }
    return statusResponse(404, 'Not Found', 'NotFound', `no ${path}`);
  });
}

/** The registered ScaledObjects list route at `path`, in the desktop app's hash router. */
function renderListInHashRouter(path: string) {
  window.history.replaceState({}, '', path);
  const history = createHashHistory();
  history.replace(path);
  const Page = registeredRoute('/keda/scaledobjects').component as React.ComponentType;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <Provider store={store}>
      <ThemeProvider theme={theme}>
        <QueryClientProvider client={queryClient}>
          <Router history={history}>
            <Page />
          </Router>
        </QueryClientProvider>
      </ThemeProvider>
    </Provider>
  );
  return { ...view, history };
}

const rowHrefs = (list: Element) =>
  tableRows(list).map(row => row.querySelector('a')?.getAttribute('href'));

describe("the list pages under the desktop app's hash router", () => {
  const name = scaledObjectList.items[0].metadata.name;
  const namespace = scaledObjectList.items[0].metadata.namespace;

  it("link one cluster's rows with hash hrefs and follow a plain click through the router", async () => {
    fakeClusters();
    const { container, history } = renderListInHashRouter(`/c/${CLUSTER}/keda/scaledobjects`);
    const list = await waitFor(() => {
      const el = container.querySelector('keda-scaled-object-list');
      expect(el).not.toBeNull();
      return el as Element;
    });
    const target = `/c/${CLUSTER}/keda/scaledobjects/${namespace}/${name}`;
    await waitFor(() => expect(rowHrefs(list)).toContain(`#${target}`), { timeout: 10000 });
    const anchor = tableRows(list)
      .map(row => row.querySelector('a'))
      .find(a => a?.getAttribute('href') === `#${target}`) as HTMLAnchorElement;
    expect(click(anchor, { metaKey: true })).toBe(false);
    expect(history.location.pathname).toBe(`/c/${CLUSTER}/keda/scaledobjects`);
    expect(click(anchor)).toBe(true);
    expect(history.location.pathname).toBe(target);
  });

  it("link each cluster's rows, across several clusters, to that cluster's pages in the hash", async () => {
    fakeClusters();
    const { container, history } = renderListInHashRouter('/c/kind+prod/keda/scaledobjects');
    const list = await waitFor(() => {
      const el = container.querySelector('keda-scaled-object-list');
      expect(el).not.toBeNull();
      return el as Element;
    });
    const prod = `/c/prod/keda/scaledobjects/${namespace}/${name}`;
    await waitFor(
      () =>
        expect(rowHrefs(list)).toEqual(
          expect.arrayContaining([`#/c/kind/keda/scaledobjects/${namespace}/${name}`, `#${prod}`])
        ),
      { timeout: 10000 }
    );
    const anchor = tableRows(list)
      .map(row => row.querySelector('a'))
      .find(a => a?.getAttribute('href') === `#${prod}`) as HTMLAnchorElement;
    expect(click(anchor)).toBe(true);
    expect(history.location.pathname).toBe(prod);
  });
});

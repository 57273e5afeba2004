// The plugin against Headlamp's REAL registry and Redux store (no vi.mock of Headlamp), with only
// fetch and WebSocket faked at the network boundary.

// Side-effect import: the registrations run at module load (a named import of nothing would be
// dropped by esbuild).
import './index';
import { setStore } from '@kinvolk/headlamp-plugin/lib/lib/router/createRouteURL';
import store from '@kinvolk/headlamp-plugin/lib/redux/stores/store';
import { cleanup, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HeadlampKubeClient } from './headlamp-kube-client';
import { scaledObjectNames } from './test/fixtures';
import {
  CLUSTER,
  fakeCluster,
  registeredRoute,
  renderRoute,
  restoreGlobals,
  ROUTE_PATH,
  tableRows,
  theme,
} from './test/harness';

// Headlamp's app hands its store to the router at start-up; route names resolve through it.
beforeAll(() => setStore(store));

afterEach(() => {
  cleanup();
  restoreGlobals();
});

describe('registrations', () => {
  it('adds a top-level KEDA sidebar entry with a ScaledObjects child', () => {
    const entries = store.getState().sidebar.entries;
    expect(entries.keda).toMatchObject({
      name: 'keda',
      label: 'KEDA',
      icon: 'mdi:lightning-bolt',
      url: '/keda/scaledobjects',
    });
    expect(entries.keda.parent ?? null).toBeNull();
    expect(entries['keda-scaledobjects']).toMatchObject({
      parent: 'keda',
      label: 'ScaledObjects',
      url: '/keda/scaledobjects',
    });
  });

  it('adds a sidebar entry and a route for every KEDA list, named by plural', () => {
    const entries = store.getState().sidebar.entries;
    for (const [plural, label] of [
      ['scaledobjects', 'ScaledObjects'],
      ['scaledjobs', 'ScaledJobs'],
      ['triggerauthentications', 'TriggerAuthentications'],
      ['clustertriggerauthentications', 'ClusterTriggerAuthentications'],
    ]) {
      expect(entries[`keda-${plural}`]).toMatchObject({
        parent: 'keda',
        label,
        url: `/keda/${plural}`,
      });
      expect(registeredRoute(`/keda/${plural}`)).toMatchObject({
        name: plural,
        sidebar: `keda-${plural}`,
        exact: true,
      });
    }
  });

  it('registers the ScaledObjects list route', () => {
    const route = registeredRoute(ROUTE_PATH);
    expect(route).toMatchObject({
      path: '/keda/scaledobjects',
      name: 'scaledobjects',
      sidebar: 'keda-scaledobjects',
      exact: true,
    });
    expect(typeof route.component).toBe('function');
  });
});

describe('the ScaledObjects route', () => {
  it("mounts the elements over Headlamp's API proxy and shows the cluster's ScaledObjects", async () => {
    const requests = fakeCluster();
    const { container, getByText } = renderRoute();

    // Headlamp's SectionBox with our title.
    expect(getByText('ScaledObjects')).toBeTruthy();

    const list = container.querySelector('keda-scaled-object-list');
    expect(list).not.toBeNull();
    const connection = list?.closest('keda-connection') as
      | (HTMLElement & { client?: unknown })
      | null;
    expect(connection).not.toBeNull();
    // @lit/react set the property (not a "[object Object]" attribute).
    expect(connection?.client).toBeInstanceOf(HeadlampKubeClient);
    expect((connection?.client as HeadlampKubeClient).cluster).toBe(CLUSTER);
    expect(connection?.hasAttribute('client')).toBe(false);

    // The MUI theme reaches the elements through --keda-* custom properties.
    const wrapper = connection?.parentElement as HTMLElement;
    expect(wrapper.style.getPropertyValue('--keda-fg')).toBe(theme.palette.text.primary);
    expect(wrapper.style.getPropertyValue('--keda-bg')).toBe(theme.palette.background.paper);
    expect(wrapper.style.getPropertyValue('--keda-muted')).toBe(theme.palette.text.secondary);
    expect(wrapper.style.getPropertyValue('--keda-border')).toBe(theme.palette.divider);
    expect(wrapper.style.getPropertyValue('--keda-accent')).toBe(theme.palette.primary.main);
    expect(wrapper.style.getPropertyValue('--keda-font')).toBe(String(theme.typography.fontFamily));

    // The list went through ApiProxy to /clusters/<cluster>/..., and the rows render.
    // Headlamp resolves the cluster's kubeconfig (IndexedDB) before the first request: under load
    // that alone can outlast waitFor's default second, so wait as the details tests do.
    await waitFor(() => expect(tableRows(list as Element)).toHaveLength(scaledObjectNames.length), {
      timeout: 10000,
    });
    const text = tableRows(list as Element).map(row => row.textContent ?? '');
    for (const name of scaledObjectNames) {
      expect(text.some(row => row.includes(name))).toBe(true);
    }
    // Row links resolve through Headlamp's router to our details route, named by kind.
    const links = [...(list?.shadowRoot?.querySelectorAll('a') ?? [])].map(a =>
      a.getAttribute('href')
    );
    expect(links).toContain(`/c/${CLUSTER}/keda/scaledobjects/shop/orders-consumer`);
    expect(
      requests.some(
        request =>
          request.method === 'GET' &&
          request.url.pathname === `/clusters/${CLUSTER}/apis/keda.sh/v1alpha1/scaledobjects`
      )
    ).toBe(true);
  });
});

// The settings reach the sampler of a connection's store, and a settings change (Headlamp's real
// ConfigStore) gives the views a new store and sampler without a reload.
import './index';
import store from '@kinvolk/headlamp-plugin/lib/redux/stores/store';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import type { KedaStore } from 'keda-elements/data/keda-store';
import { MetricsSampler } from 'keda-elements/data/metrics-sampler';
import React from 'react';
import { Provider } from 'react-redux';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingsStore } from './settings';
import {
  SETTINGS_CONNECTION_TAG,
  SettingsConnection,
  type SettingsConnectionElement,
  useSettingsConnection,
} from './settings-connection';
import { CLUSTER, restoreGlobals } from './test/harness';

beforeEach(() => settingsStore.set({ pollFloorSeconds: 45, historyMinutes: 120 }));
afterEach(() => {
  cleanup();
  restoreGlobals();
  settingsStore.set({});
});

function Page() {
  const { client, samplerOptions } = useSettingsConnection(CLUSTER);
  return <SettingsConnection client={client} samplerOptions={samplerOptions} />;
}

const ref = { namespace: 'shop', name: 'orders' };
/** The poll floor a sampler runs with (what an untracked object's series reports). */
const floorOf = (sampler: MetricsSampler) => sampler.series(ref).external.intervalMs;

describe('the settings connection', () => {
  it("creates its store's shared sampler with the settings, before any view asks", async () => {
    const { container } = render(
      <Provider store={store}>
        <Page />
      </Provider>
    );
    const connection = container.querySelector(
      SETTINGS_CONNECTION_TAG
    ) as SettingsConnectionElement;
    await waitFor(() => expect(connection.store).toBeDefined());
    const kedaStore = connection.store as KedaStore;
    // What the details page's Live section does: it gets this sampler, not one with its options.
    const sampler = MetricsSampler.for(kedaStore, { minPollIntervalMs: 1 });
    expect(floorOf(sampler)).toBe(45_000);
    expect(connection.samplerOptions).toMatchObject({
      minPollIntervalMs: 45_000,
      historyWindowMs: 120 * 60_000,
      historyScope: `headlamp/${CLUSTER}`,
    });
  });

  it('starts over with a new store and sampler when the settings change', async () => {
    const { container } = render(
      <Provider store={store}>
        <Page />
      </Provider>
    );
    const connection = container.querySelector(
      SETTINGS_CONNECTION_TAG
    ) as SettingsConnectionElement;
    await waitFor(() => expect(connection.store).toBeDefined());
    const before = connection.store as KedaStore;
    expect(floorOf(MetricsSampler.for(before))).toBe(45_000);

    act(() => settingsStore.update({ pollFloorSeconds: 90 }));

    await waitFor(() => expect(connection.store).not.toBe(before));
    const after = connection.store as KedaStore;
    expect(floorOf(MetricsSampler.for(after))).toBe(90_000);
    expect(connection.samplerOptions?.historyWindowMs).toBe(120 * 60_000);
  });
});

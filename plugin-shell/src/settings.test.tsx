// The settings form against Headlamp's real ConfigStore (Redux pluginConfigs + localStorage).
import './index';
import store from '@kinvolk/headlamp-plugin/lib/redux/stores/store';
import { cleanup, fireEvent, render } from '@testing-library/react';
import React from 'react';
import { Provider } from 'react-redux';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  effectiveSettings,
  KedaSettingsForm,
  settingsStore,
  validAddress,
  validNumber,
} from './settings';

afterEach(cleanup);

describe('settings values', () => {
  it.each([
    ['historyMinutes', '60', undefined],
    ['historyMinutes', '4', 'Between 5 and 10080'],
    ['historyMinutes', '1.5', 'A whole number'],
    ['pollFloorSeconds', '', 'A whole number'],
    ['pollFloorSeconds', '601', 'Between 5 and 600'],
  ] as const)('%s %j -> %s', (key, text, expected) => {
    expect(validNumber(key, text)).toBe(expected);
  });

  it.each([
    ['', true],
    ['/api/v1/namespaces/monitoring/services/prometheus:9090/proxy', true],
    ['http://prometheus.monitoring:9090', true],
    ['prometheus:9090', false],
  ])('address %j valid: %s', (text, ok) => {
    expect(validAddress(text) === undefined).toBe(ok);
  });

  it('falls back to the defaults for missing or damaged values', () => {
    expect(effectiveSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(effectiveSettings({ historyMinutes: -3 as number, pollFloorSeconds: 30 })).toEqual({
      ...DEFAULT_SETTINGS,
      pollFloorSeconds: 30,
    });
  });
});

describe('the settings form', () => {
  it('saves valid values in the ConfigStore and keeps invalid ones out', () => {
    settingsStore.set({});
    const { container, getByLabelText } = render(
      <Provider store={store}>
        <KedaSettingsForm />
      </Provider>
    );
    fireEvent.change(getByLabelText('Prometheus address'), {
      target: { value: '/api/v1/namespaces/monitoring/services/prometheus:9090/proxy' },
    });
    fireEvent.change(getByLabelText('History length (minutes)'), { target: { value: '180' } });
    fireEvent.change(getByLabelText('Metrics polling floor (seconds)'), { target: { value: '2' } });
    expect(container.textContent).toContain('Between 5 and 600');
    expect(settingsStore.get()).toEqual({
      prometheusAddress: '/api/v1/namespaces/monitoring/services/prometheus:9090/proxy',
      historyMinutes: 180,
    });
    expect(effectiveSettings(settingsStore.get()).pollFloorSeconds).toBe(15);
  });
});

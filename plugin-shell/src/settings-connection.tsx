/**
 * A `<keda-connection>` that applies the plugin settings to the metrics sampler of its store.
 *
 * The elements' Live sections take their sampler with `MetricsSampler.for(store, …)`, which
 * creates it on first use and shares it afterwards. This connection creates it first, the moment
 * it makes a store, with the settings' polling floor, history length and history sources. A
 * settings change gives it a new client (see useSettingsConnection), so it makes a new store with
 * a new sampler, and the views on it move over without a reload.
 */
import 'keda-elements/context/define';
import { createComponent } from '@lit/react';
import { KedaConnection } from 'keda-elements/context/keda-connection';
import type { KedaStore } from 'keda-elements/data/keda-store';
import { MetricsSampler, type MetricsSamplerOptions } from 'keda-elements/data/metrics-sampler';
import type { PropertyValues } from 'lit';
import React from 'react';
import { HeadlampKubeClient } from './headlamp-kube-client';
import { samplerOptions as optionsFor } from './metrics-history';
import { useKedaSettings } from './settings';

export const SETTINGS_CONNECTION_TAG = 'keda-headlamp-connection';

export class SettingsConnectionElement extends KedaConnection {
  private options: MetricsSamplerOptions | undefined;
  private seeded: KedaStore | undefined;

  /** The options the sampler of each new store is created with (an accessor: @lit/react sets it). */
  get samplerOptions(): MetricsSamplerOptions | undefined {
    return this.options;
  }
  set samplerOptions(options: MetricsSamplerOptions | undefined) {
    this.options = options;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.seed();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Here, before any view below renders with the new store and asks for its sampler.
    this.seed();
  }

  private seed(): void {
    const store = this.store;
    if (!store || store === this.seeded) return;
    this.seeded = store;
    MetricsSampler.for(store, this.options);
  }
}

if (!customElements.get(SETTINGS_CONNECTION_TAG)) {
  customElements.define(SETTINGS_CONNECTION_TAG, SettingsConnectionElement);
}

/** React wrapper: `client`, `links`, `samplerOptions` (and `namespace`) are set as properties. */
export const SettingsConnection = createComponent({
  tagName: SETTINGS_CONNECTION_TAG,
  elementClass: SettingsConnectionElement,
  react: React,
  displayName: 'SettingsConnection',
});

/**
 * The `client` and `samplerOptions` for a SettingsConnection on `cluster`: both change together
 * when the cluster or the settings do (the new client is what makes the connection start over).
 */
export function useSettingsConnection(cluster: string | null | undefined): {
  client: HeadlampKubeClient;
  samplerOptions: MetricsSamplerOptions;
} {
  const settings = useKedaSettings();
  return React.useMemo(
    () => ({
      client: new HeadlampKubeClient({ cluster }),
      samplerOptions: optionsFor(settings, cluster ?? ''),
    }),
    [cluster, settings]
  );
}

/**
 * The plugin's settings (Headlamp → Settings → Plugins → keda-dashboard), persisted in Headlamp's
 * ConfigStore: where Prometheus answers (a service-proxy path or URL; empty = no Prometheus), how
 * much metric history to keep, and the shortest interval between metric polls. Views read them
 * live with useKedaSettings(); metrics-history.ts turns them into the metrics sampler's options.
 */
import { ConfigStore } from '@kinvolk/headlamp-plugin/lib';
import TextField from '@mui/material/TextField';
import React from 'react';

export const PLUGIN_NAME = 'keda-dashboard';

export interface KedaSettings {
  /** e.g. `/api/v1/namespaces/monitoring/services/prometheus:9090/proxy`; '' = none. */
  prometheusAddress: string;
  /** Minutes of metric history kept for the charts. */
  historyMinutes: number;
  /** Never poll metrics more often than this many seconds. */
  pollFloorSeconds: number;
}

export const DEFAULT_SETTINGS: KedaSettings = {
  prometheusAddress: '',
  historyMinutes: 60,
  pollFloorSeconds: 15,
};

const LIMITS = {
  historyMinutes: { min: 5, max: 7 * 24 * 60 },
  pollFloorSeconds: { min: 5, max: 600 },
} as const;

export const settingsStore = new ConfigStore<Partial<KedaSettings>>(PLUGIN_NAME);

/** Stored values over the defaults (a missing or damaged value falls back to its default). */
export function effectiveSettings(stored: Partial<KedaSettings> | undefined): KedaSettings {
  const out = { ...DEFAULT_SETTINGS };
  if (typeof stored?.prometheusAddress === 'string')
    out.prometheusAddress = stored.prometheusAddress;
  for (const key of ['historyMinutes', 'pollFloorSeconds'] as const) {
    const value = stored?.[key];
    if (validNumber(key, String(value)) === undefined) out[key] = value as number;
  }
  return out;
}

/** An error message for a number field's text, or undefined when it is valid. */
export function validNumber(key: keyof typeof LIMITS, text: string): string | undefined {
  const { min, max } = LIMITS[key];
  if (!/^\d+$/.test(text.trim())) return 'A whole number';
  const value = Number(text);
  return value < min || value > max ? `Between ${min} and ${max}` : undefined;
}

/** An error message for the Prometheus address, or undefined when valid. */
export function validAddress(text: string): string | undefined {
  const value = text.trim();
  if (value === '' || value.startsWith('/') || /^https?:\/\/[^\s]+$/.test(value)) return undefined;
  return 'A service-proxy path starting with / or an http(s) URL';
}

/** The settings as pages read them, live. */
export function useKedaSettings(): KedaSettings {
  const stored = settingsStore.useConfig()();
  return React.useMemo(() => effectiveSettings(stored), [stored]);
}

/** The settings form; each valid change is saved at once. */
export function KedaSettingsForm() {
  const saved = useKedaSettings();
  const [text, setText] = React.useState({
    prometheusAddress: saved.prometheusAddress,
    historyMinutes: String(saved.historyMinutes),
    pollFloorSeconds: String(saved.pollFloorSeconds),
  });
  const errors = {
    prometheusAddress: validAddress(text.prometheusAddress),
    historyMinutes: validNumber('historyMinutes', text.historyMinutes),
    pollFloorSeconds: validNumber('pollFloorSeconds', text.pollFloorSeconds),
  };
  const change = (key: keyof KedaSettings) => (event: React.ChangeEvent<HTMLInputElement>) => {
    const value = event.target.value;
    setText(previous => ({ ...previous, [key]: value }));
    if (key === 'prometheusAddress') {
      if (!validAddress(value)) settingsStore.update({ prometheusAddress: value.trim() });
    } else if (!validNumber(key, value)) {
      settingsStore.update({ [key]: Number(value) });
    }
  };
  const field = (key: keyof KedaSettings, label: string, help: string) => (
    <TextField
      key={key}
      id={`keda-setting-${key}`}
      label={label}
      value={text[key]}
      onChange={change(key)}
      error={errors[key] !== undefined}
      helperText={errors[key] ?? help}
      fullWidth
      margin="normal"
      size="small"
    />
  );
  return (
    <div>
      {field(
        'prometheusAddress',
        'Prometheus address',
        "Service-proxy path (through the cluster's API server) or URL of a Prometheus that scrapes KEDA and kube-state-metrics: the charts load earlier history from it. Empty: only the cluster APIs"
      )}
      {field(
        'historyMinutes',
        'History length (minutes)',
        'How much metric and replica history the charts keep and show (recorded in this browser)'
      )}
      {field(
        'pollFloorSeconds',
        'Metrics polling floor (seconds)',
        "The external metrics API is never polled more often than this (a ScaledObject's longer pollingInterval wins)"
      )}
    </div>
  );
}

/**
 * The mini charts of the "Scaled by KEDA" section: a ScaledObject's replicas over time (the
 * `keda-replica-chart` element fed by the data layer's MetricsSampler, under the plugin settings),
 * and a ScaledJob's running Jobs (the `keda-metric-chart` element over Headlamp's Job list). Both
 * elements carry their own text alternative (a summary on the plot and a visually hidden table).
 */
// Only the two chart elements (not the keda-elements index: the plugin bundle stays small).
import 'keda-elements/elements/keda-metric-chart/define';
import 'keda-elements/elements/keda-replica-chart/define';
import { K8s } from '@kinvolk/headlamp-plugin/lib';
import { createComponent } from '@lit/react';
import { useTheme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { ScaledObjectResource } from 'keda-elements/core/kube/resource';
import { KedaStore } from 'keda-elements/data/keda-store';
import {
  MetricsSampler,
  type MetricsSamplerOptions,
  type SampledSeries,
} from 'keda-elements/data/metrics-sampler';
import { MetricChart as MetricChartElement } from 'keda-elements/elements/keda-metric-chart/keda-metric-chart';
import type { MetricSample } from 'keda-elements/elements/keda-metric-chart/metric-series';
import { ReplicaChart as ReplicaChartElement } from 'keda-elements/elements/keda-replica-chart/keda-replica-chart';
import {
  liveWindow,
  replicaChartSeries,
} from 'keda-elements/elements/keda-scaled-object-details/live/live-state';
import React from 'react';
import { HeadlampKubeClient } from './headlamp-kube-client';
import { SCALED_JOB_LABEL } from './keda-managed';
import { type PrometheusStatus, samplerOptions } from './metrics-history';
import { type KedaSettings, useKedaSettings } from './settings';
import { kedaThemeStyle } from './theme';

export const ReplicaChart = createComponent({
  tagName: 'keda-replica-chart',
  elementClass: ReplicaChartElement,
  react: React,
  displayName: 'ReplicaChart',
});

export const MetricChart = createComponent({
  tagName: 'keda-metric-chart',
  elementClass: MetricChartElement,
  react: React,
  displayName: 'MetricChart',
});

/** The charts' "now" moves in steps of this much (as the details page's Live charts do). */
export const CHART_TICK_MS = 5000;
/** Plot height of the mini charts (the elements' default is 200px). */
const MINI_HEIGHT = '180px';

/** `now`, advanced every CHART_TICK_MS while mounted. */
function useChartNow(): number {
  const tick = () => Math.floor(Date.now() / CHART_TICK_MS) * CHART_TICK_MS;
  const [now, setNow] = React.useState(tick);
  React.useEffect(() => {
    const timer = setInterval(() => setNow(tick()), CHART_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The time shown: every sample (and at least 5 minutes), but no more than the history length. */
export function miniWindow(
  firstSample: number | undefined,
  now: number,
  historyMinutes: number
): [number, number] {
  const [from] = liveWindow([firstSample], undefined, now);
  return [Math.max(from, now - historyMinutes * 60_000), now];
}

/** A themed box for one mini chart. */
function ChartBox({ label, children }: { label: string; children: React.ReactNode }) {
  const theme = useTheme();
  const style = React.useMemo(
    () => ({ ...kedaThemeStyle(theme), '--keda-chart-height': MINI_HEIGHT } as React.CSSProperties),
    [theme]
  );
  return (
    <div className="keda-theme keda-mini-chart" style={style} role="group" aria-label={label}>
      {children}
    </div>
  );
}

export interface SampledReplicas {
  series: SampledSeries | undefined;
  prometheus: PrometheusStatus;
  /** Whether the ScaledObject and HPA lists are in (before that, "Loading samples…"). */
  loading: boolean;
}

/**
 * Samples the ScaledObject `namespace/name` of `cluster` while mounted: a store of its own (list +
 * watch through Headlamp's proxy) and a MetricsSampler with the settings' options. A settings
 * change starts a new sampler, which reloads the recorded history (and Prometheus').
 */
export function useSampledReplicas(
  cluster: string,
  namespace: string,
  name: string,
  settings: KedaSettings,
  makeOptions: (
    settings: KedaSettings,
    cluster: string,
    onPrometheus: (status: PrometheusStatus) => void
  ) => MetricsSamplerOptions = (s, c, onPrometheus) => samplerOptions(s, c, { onPrometheus })
): SampledReplicas {
  const [state, setState] = React.useState<SampledReplicas>({
    series: undefined,
    prometheus: { state: 'off' },
    loading: true,
  });
  const [store, setStore] = React.useState<KedaStore>();
  React.useEffect(() => {
    const created = new KedaStore(new HeadlampKubeClient({ cluster: cluster || undefined }));
    setStore(created);
    return () => created.dispose();
  }, [cluster]);
  React.useEffect(() => {
    if (!store) return undefined;
    let live = true;
    const ref = { namespace, name };
    const prometheus = (status: PrometheusStatus) => {
      if (live) setState(previous => ({ ...previous, prometheus: status }));
    };
    const sampler = new MetricsSampler(store, makeOptions(settings, cluster, prometheus));
    const release = sampler.retain(ref);
    const read = () => {
      if (!live) return;
      const synced = store.collection(ScaledObjectResource, { namespace }).state.synced;
      setState(previous => ({ ...previous, series: sampler.series(ref), loading: !synced }));
    };
    const unsubscribe = sampler.subscribe(read);
    const unsubscribeStore = store.subscribe(read);
    setState(previous => ({
      ...previous,
      prometheus: settings.prometheusAddress ? previous.prometheus : { state: 'off' },
    }));
    read();
    return () => {
      live = false;
      unsubscribe();
      unsubscribeStore();
      release();
      sampler.dispose();
    };
    // makeOptions is a strategy fixed per call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, cluster, namespace, name, settings]);
  return state;
}

function prometheusNote(status: PrometheusStatus, address: string): string {
  if (!address) return '';
  if (status.state === 'error') return ` Prometheus history failed: ${status.message}`;
  if (status.state === 'ok') return ' Earlier history from Prometheus.';
  return ' Asking Prometheus for earlier history…';
}

/** Replicas of a ScaledObject's target over time, with the min/max band and scaling changes. */
export function ScaledObjectMiniChart({
  cluster,
  namespace,
  name,
}: {
  cluster: string;
  namespace: string;
  name: string;
}) {
  const settings = useKedaSettings();
  const { series, prometheus, loading } = useSampledReplicas(cluster, namespace, name, settings);
  const now = useChartNow();
  const replicas = series?.replicas ?? [];
  const chartNow = Math.max(series?.lastSampleAt ?? 0, now);
  const data = React.useMemo(() => replicaChartSeries(replicas, chartNow), [replicas, chartNow]);
  const firstSample = replicas[0]?.t;
  const range = React.useMemo(
    () => miniWindow(firstSample, chartNow, settings.historyMinutes),
    [firstSample, chartNow, settings.historyMinutes]
  );
  const metrics = (series?.metrics ?? [])
    .map(metric => {
      const last = metric.samples.at(-1);
      return last ? `${metric.metricName} ${last.value}` : undefined;
    })
    .filter(Boolean)
    .join(', ');
  return (
    <ChartBox label={`Replicas of ScaledObject ${name}`}>
      <ReplicaChart
        heading="Replicas over time"
        current={data.current}
        desired={data.desired}
        min={data.min}
        max={data.max}
        range={range}
        loading={loading}
        emptyText="No replica samples yet: they are taken while this page is open."
      />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {metrics ? `Latest metrics: ${metrics}. ` : ''}
        Sampled from the HPA status; the external metrics API at most every{' '}
        {settings.pollFloorSeconds} s. Keeps {settings.historyMinutes} min.
        {prometheusNote(prometheus, settings.prometheusAddress)}
      </Typography>
    </ChartBox>
  );
}

interface JobLike {
  jsonData?: {
    status?: { conditions?: Array<{ type?: string; status?: string }> };
  };
}

/** Jobs without a Complete or Failed condition (what KEDA counts as running). */
export function runningJobs(jobs: readonly JobLike[]): number {
  return jobs.filter(
    job =>
      !(job.jsonData?.status?.conditions ?? []).some(
        c => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True'
      )
  ).length;
}

/** Appends `[t, value]` when the value changed; keeps at most `capacity` points. */
export function appendChange(
  points: readonly MetricSample[],
  t: number,
  value: number,
  capacity: number
): readonly MetricSample[] {
  if (points.at(-1)?.[1] === value) return points;
  const next = [...points, [t, value] as const];
  return next.length > capacity ? next.slice(next.length - capacity) : next;
}

/** A ScaledJob's running Jobs over time (counted from Headlamp's Job list while the page is open). */
export function ScaledJobMiniChart({
  cluster,
  namespace,
  name,
  maxReplicaCount,
}: {
  cluster: string;
  namespace: string;
  name: string;
  maxReplicaCount: number;
}) {
  const settings = useKedaSettings();
  const options: { namespace: string; labelSelector: string; cluster?: string } = {
    namespace,
    labelSelector: `${SCALED_JOB_LABEL}=${name}`,
  };
  if (cluster) options.cluster = cluster;
  const { items, isLoading } = K8s.ResourceClasses.Job.useList(options);
  const [points, setPoints] = React.useState<readonly MetricSample[]>([]);
  const count = items ? runningJobs(items as JobLike[]) : undefined;
  React.useEffect(() => {
    if (count === undefined) return;
    setPoints(previous => appendChange(previous, Date.now(), count, 10_000));
  }, [count]);
  const now = useChartNow();
  const chartNow = Math.max(points.at(-1)?.[0] ?? 0, now);
  const series = React.useMemo(() => {
    const last = points.at(-1);
    const held = last && last[0] < chartNow ? [...points, [chartNow, last[1]] as const] : points;
    return [{ id: 'running-jobs', label: 'Running jobs', points: held, unit: 'jobs' }];
  }, [points, chartNow]);
  const range = React.useMemo(
    () => miniWindow(points[0]?.[0], chartNow, settings.historyMinutes),
    [points, chartNow, settings.historyMinutes]
  );
  return (
    <ChartBox label={`Running Jobs of ScaledJob ${name}`}>
      <MetricChart
        heading="Running jobs over time"
        series={series}
        range={range}
        unit="jobs"
        loading={isLoading}
        emptyText="No Jobs counted yet."
      />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        At most {maxReplicaCount} at once (maxReplicaCount). Counted while this page is open.
      </Typography>
    </ChartBox>
  );
}

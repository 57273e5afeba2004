import type { EpisodeLimit, MetricReading, ScalingEpisode } from './types.js';

/** `267`, `0.5`, `1.234`: at most three decimals, no trailing zeros. */
export function formatValue(v: number): string {
  return String(Math.round(v * 1000) / 1000);
}

function against(r: MetricReading): string {
  if (r.value === undefined) return `${r.metricName} above target`;
  const pct = r.targetType === 'Utilization' ? '%' : '';
  let text = `${r.metricName} ${formatValue(r.value)}${pct}`;
  if (r.target !== undefined) {
    const per = r.targetType === 'AverageValue' || r.targetType === undefined ? ' per pod' : '';
    text += ` against target ${formatValue(r.target)}${pct}${per}`;
  }
  if (r.wants !== undefined) text += ` wants ${r.wants}`;
  return text;
}

function limitText(l: EpisodeLimit): string {
  switch (l.kind) {
    case 'maxReplicaCount':
      return `capped by maxReplicaCount ${l.value}`;
    case 'minReplicaCount':
      return `held at minReplicaCount ${l.value}`;
    case 'behavior':
      return `limited to ${l.limit} by the ${l.direction === 'scaleUp' ? 'scale-up' : 'scale-down'} rate (${l.policy})`;
    case 'stabilization':
      return `slowed by the ${l.windowSeconds} s scale-down stabilization window`;
  }
}

const VERB: Record<ScalingEpisode['direction'], string> = {
  activate: 'Activated',
  deactivate: 'Deactivated',
  out: 'Scaled out',
  in: 'Scaled in',
};

/** The one-line explanation of an episode shown on the timeline. */
export function describeEpisode(e: Omit<ScalingEpisode, 'sentence'>): string {
  const head = `${VERB[e.direction]} ${e.from} -> ${e.to}`;
  const c = e.cause;
  let why: string;
  switch (c.kind) {
    case 'metric': {
      if (c.allBelowTarget && c.readings.every((r) => r.value === undefined))
        why = 'all metrics below target';
      else why = c.readings.map(against).join('; ') || 'a metric above target';
      break;
    }
    case 'activation': {
      if (c.forced) why = 'forced activation annotation';
      else if (!c.readings.length) why = 'a trigger became active';
      else
        why = c.readings
          .map((r) =>
            r.value === undefined
              ? `${r.metricName} active`
              : `${r.metricName} ${formatValue(r.value)} above activation threshold ${formatValue(r.activationThreshold ?? 0)}`,
          )
          .join('; ');
      break;
    }
    case 'cooldown-expired': {
      const values = (c.readings ?? [])
        .filter((r) => r.value !== undefined)
        .map(
          (r) =>
            `${r.metricName} ${formatValue(r.value!)} not above activation threshold ${formatValue(r.activationThreshold ?? 0)}`,
        );
      why = `no trigger active for the cooldown period (${c.cooldownSeconds} s)`;
      if (values.length) why += `: ${values.join('; ')}`;
      break;
    }
    case 'fallback':
      why =
        c.replicas === undefined
          ? 'fallback while the scaler fails'
          : `fallback to ${c.replicas} replicas while the scaler fails`;
      break;
    case 'paused':
      why =
        c.replicas === undefined
          ? 'paused by annotation'
          : `paused at ${c.replicas} ${c.replicas === 1 ? 'replica' : 'replicas'} by annotation`;
      break;
    case 'bounds':
      why =
        c.bound === 'max'
          ? `above the HPA's maxReplicas ${c.value}`
          : `below the HPA's minReplicas ${c.value}`;
      break;
    case 'unknown':
      why = c.detail ? `cause unknown (${c.detail})` : 'cause unknown';
      break;
  }
  const limits = e.limits.map(limitText);
  return `${head}: ${[why, ...limits].join(', ')}`;
}

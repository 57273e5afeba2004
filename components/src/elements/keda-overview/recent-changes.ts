import type { HorizontalPodAutoscaler } from '../../core/kube/autoscaling.js';
import type { EventRecord } from '../../core/kube/events.js';
import type { ScalingEvent } from '../../core/keda/overview.js';
import type { ScaledObject } from '../../core/keda/types.js';
import { scalingEpisodes } from '../../core/story/episodes.js';

/** One line of "Recent scaling": a ScaledObject's episode (with its explanation) or a ScaledJob's event. */
export interface RecentChange {
  id: string;
  time: number;
  owner: ScalingEvent['owner'];
  from?: number;
  to?: number;
  /** The deciding event's reason. */
  reason: string;
  /** Plain text: the episode's sentence, or the event's message. */
  text: string;
  /** The events behind it, verbatim (for a tooltip). */
  detail: string;
  failed: boolean;
}

/**
 * For each ScaledObject with scaling events in the window, its scaling episodes (core/story: the
 * cause and limits in a sentence) since `since`; failed scalings and ScaledJobs' events as they
 * are. Newest first.
 */
export function recentEpisodes(
  events: readonly ScalingEvent[],
  records: readonly EventRecord[],
  scaledObjects: readonly ScaledObject[],
  hpas: readonly HorizontalPodAutoscaler[],
  since: number,
): RecentChange[] {
  const out: RecentChange[] = [];
  const scaled = new Set<string>();
  for (const e of events)
    if (e.owner.kind === 'ScaledObject') scaled.add(`${e.owner.namespace}/${e.owner.name}`);
  const explained = new Set<string>();
  for (const so of scaledObjects) {
    const namespace = so.metadata.namespace ?? '';
    const name = so.metadata.name ?? '';
    if (!scaled.has(`${namespace}/${name}`)) continue;
    const hpaName = so.status?.hpaName || `keda-hpa-${name}`;
    const hpa = hpas.find((h) => h.metadata.namespace === namespace && h.metadata.name === hpaName);
    const inNamespace = records.filter((r) => r.involved.namespace === namespace);
    for (const episode of scalingEpisodes({
      scaledObject: so,
      ...(hpa ? { hpa } : {}),
      events: inNamespace,
    })) {
      for (const e of episode.events) for (const key of e.keys ?? [e.key]) explained.add(key);
      if (episode.time < since) continue;
      out.push({
        id: episode.id,
        time: episode.time,
        owner: { kind: 'ScaledObject', namespace, name },
        from: episode.from,
        to: episode.to,
        reason: episode.events[0]?.reason ?? '',
        text: episode.sentence,
        detail: episode.events.map((e) => `${e.reason}: ${e.message}`).join('\n'),
        failed: false,
      });
    }
  }
  // What no episode explains (a first change with no size before it, failures, ScaledJobs): the event.
  for (const e of events) {
    if ((e.event.keys ?? [e.event.key]).some((key) => explained.has(key))) continue;
    out.push({
      id: e.event.key,
      time: e.event.time,
      owner: e.owner,
      ...(e.from !== undefined ? { from: e.from } : {}),
      ...(e.to !== undefined ? { to: e.to } : {}),
      reason: e.event.reason,
      text: `${e.event.reason}${e.event.count > 1 ? ` ×${e.event.count}` : ''}: ${e.event.message}`,
      detail: e.event.message,
      failed: e.event.type === 'Warning',
    });
  }
  return out.sort((a, b) => b.time - a.time || a.id.localeCompare(b.id));
}

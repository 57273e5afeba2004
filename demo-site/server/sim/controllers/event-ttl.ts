/**
 * The apiserver's `--event-ttl` (1 hour): events whose last occurrence is older are deleted, so
 * a long-running simulation keeps about an hour of history, as a real cluster does.
 */
import { getPath } from '../core/json.ts';
import type { Cancel } from '../core/virtual-clock.ts';
import { eventResource } from '../registry/builtin.ts';
import { storageKey, type KObject } from '../registry/types.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { isRace } from './workloads/common.ts';

export const EVENT_TTL_MS = 60 * 60_000;

/** When an event (either shape) last happened. */
export function eventLastSeen(event: KObject): number {
  for (const value of [
    getPath(event, ['series', 'lastObservedTime']),
    event.lastTimestamp,
    event.eventTime,
    event.metadata.creationTimestamp,
  ]) {
    if (typeof value === 'string') {
      const ms = Date.parse(value);
      if (Number.isFinite(ms)) return ms;
    }
  }
  return 0;
}

export class EventTtlController implements Controller {
  readonly name = 'event-ttl';
  private cancel: Cancel | undefined;

  constructor(private readonly ttlMs = EVENT_TTL_MS) {}

  start(ctx: ControllerContext): void {
    this.cancel = ctx.scheduler.every(60_000, () => {
      const cutoff = ctx.clock.now().getTime() - this.ttlMs;
      for (const event of ctx.store.scan(storageKey(eventResource))) {
        if (eventLastSeen(event) >= cutoff) continue;
        try {
          ctx.service.delete(eventResource, event.metadata.namespace, event.metadata.name ?? '');
        } catch (error) {
          if (!isRace(error)) ctx.log(`${this.name}: ${String(error)}`);
        }
      }
    });
  }

  stop(): void {
    this.cancel?.();
  }
}

import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clockContext, type Clock } from '../context/contexts.js';
import { systemClock } from '../context/system-clock.js';

type Host = ReactiveControllerHost & HTMLElement;

/** Re-renders the host when the clock crosses a `resolutionMs` boundary (for ages, "updated 5s ago"). */
export class ClockController implements ReactiveController {
  private clock: Clock = systemClock;
  private unsubscribe: (() => void) | undefined;
  private lastBucket = -1;

  constructor(
    private readonly host: Host,
    private readonly resolutionMs = 1000,
  ) {
    host.addController(this);
    new ContextConsumer(host, {
      context: clockContext,
      subscribe: true,
      callback: (clock) => {
        this.clock = clock ?? systemClock;
        if (this.unsubscribe) this.listen();
        host.requestUpdate();
      },
    });
  }

  now(): number {
    return this.clock.now();
  }

  hostConnected(): void {
    this.listen();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private listen(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.clock.subscribe(() => {
      const bucket = Math.floor(this.clock.now() / this.resolutionMs);
      if (bucket !== this.lastBucket) {
        this.lastBucket = bucket;
        this.host.requestUpdate();
      }
    });
  }
}

import { ContextProvider } from '@lit/context';
import { clockContext, systemClock, type Clock, type KedaConnection } from 'keda-elements';
import { SimControl, type SimClock as SimClockState } from './sim-control.ts';

/** How often the clock's rate is re-read when nothing changed it from here (another tab might). */
const RESYNC_MS = 15_000;

/**
 * The simulated cluster's virtual time for the elements' ages ("3m ago"): its clock can run
 * faster than real time or be paused (the playground), so wall-clock ages would be wrong. Follows
 * `GET /sim/v1/clock` and extrapolates between reads; ticks with the system clock.
 */
export class SimClock implements Clock {
  private state: { nowMs: number; speed: number; paused: boolean; readAt: number } | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly control: SimControl) {}

  now(): number {
    const s = this.state;
    if (!s) return Date.now();
    return s.paused ? s.nowMs : s.nowMs + (Date.now() - s.readAt) * s.speed;
  }

  subscribe(listener: () => void): () => void {
    return systemClock.subscribe(listener);
  }

  async sync(): Promise<void> {
    try {
      const clock: SimClockState = await this.control.clock();
      this.state = { nowMs: clock.nowMs, speed: clock.speed, paused: clock.paused, readAt: Date.now() };
    } catch {
      // Keep extrapolating from the last read; the playground shows the control API's errors.
    }
  }

  start(): void {
    void this.sync();
    this.timer ??= setInterval(() => void this.sync(), RESYNC_MS);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

/**
 * Gives the connection's elements the simulated clock while a simulated cluster is shown, the
 * system clock otherwise. Re-reads the clock after each playground change.
 */
export function provideSimClock(connection: KedaConnection): (base: string | undefined) => void {
  const provider = new ContextProvider(connection, { context: clockContext, initialValue: systemClock });
  let current: { base: string; clock: SimClock } | undefined;
  document.addEventListener('demo-playground-change', () => void current?.clock.sync());
  return (base) => {
    if (current?.base === base) return;
    current?.clock.stop();
    current = undefined;
    if (base) {
      const clock = new SimClock(new SimControl(base));
      clock.start();
      current = { base, clock };
      provider.setValue(clock);
    } else {
      provider.setValue(systemClock);
    }
  };
}
